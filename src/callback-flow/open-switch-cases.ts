import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../util/ast.js';
import type { FunctionFlow } from './flow-events.js';

/**
 * The `case`s of a `switch` whose `break` leaves it on a path that has not called back (`case 'facts': break;`,
 * and a `default:` that does): without a `default`, what lets paths through the `switch` besides "matches no
 * `case`"; with one, all that does (the last case, when none breaks open: its paths fall off it), for the
 * message that names it. The `switch` is one the paths that end without the callback all got past. `handled` is the
 * solved completion: `false` where a segment ends without the callback.
 */
export function openSwitchCases(
  switchStatement: TSESTree.SwitchStatement,
  flow: FunctionFlow,
  handled: ReadonlyMap<TSESLint.CodePathSegment, boolean>,
): TSESTree.SwitchCase[] {
  const open = new Set<TSESTree.SwitchCase>();
  for (const [segment, record] of flow.segments) {
    const exit = record.exit;
    if (exit?.type !== AST_NODE_TYPES.BreakStatement || exit.label || handled.get(segment) !== false) continue;
    if (breakTarget(exit) !== switchStatement) continue;
    let index = switchStatement.cases.findIndex((candidate) => candidate.range[0] <= exit.range[0] && exit.range[1] <= candidate.range[1]);
    open.add(switchStatement.cases[index]!);
    // Empty cases before it fall through into it: `case 'a': case 'b': break;`.
    while (index > 0 && switchStatement.cases[index - 1]!.consequent.length === 0) open.add(switchStatement.cases[--index]!);
  }
  // The paths get past a `switch` with a `default:` (the gap names it) without a `break` that left it open: they
  // fall off its last case (and the empty cases that fall into it).
  if (open.size === 0 && hasDefaultCase(switchStatement)) {
    let index = switchStatement.cases.length - 1;
    open.add(switchStatement.cases[index]!);
    while (index > 0 && switchStatement.cases[index - 1]!.consequent.length === 0) open.add(switchStatement.cases[--index]!);
  }
  return switchStatement.cases.filter((switchCase) => open.has(switchCase));
}

/** The loop or `switch` an unlabelled `break` leaves. */
function breakTarget(node: TSESTree.BreakStatement): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    switch (current.type) {
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return current;
      default:
    }
  }
  return undefined;
}
/** Whether a `switch` has a `default:` case. */
export function hasDefaultCase(switchStatement: TSESTree.SwitchStatement): boolean {
  return switchStatement.cases.some((switchCase) => switchCase.test === null);
}
