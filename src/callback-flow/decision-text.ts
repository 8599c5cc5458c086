import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { DecisionNode } from './flow-events.js';
import { hasDefaultCase } from './open-switch-cases.js';

const MAX_CONDITION = 50;

/** A condition as the reader wrote it, on one line, cut at a word when it is long. */
export function conditionText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  if (text.length <= MAX_CONDITION) return `\`${text}\``;
  const cut = text.slice(0, MAX_CONDITION);
  const space = cut.lastIndexOf(' ');
  return `\`${(space > MAX_CONDITION / 2 ? cut.slice(0, space) : cut).trimEnd()} …\``;
}

/**
 * When the paths past an `if` without `else` or a `switch` without `default` skip the callback: "`event.ok` is
 * false", "`a` and `b` are false" (an `else if` chain), "`event.Action` matches no `case`".
 */
export function openDecisionCondition(
  decision: TSESTree.IfStatement | TSESTree.SwitchStatement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  openCases: readonly TSESTree.SwitchCase[] = [],
): string {
  if (decision.type === AST_NODE_TYPES.SwitchStatement) return switchCondition(decision, sourceCode, openCases);
  const tests: TSESTree.Expression[] = [decision.test];
  for (let current: TSESTree.Node = decision; current.parent?.type === AST_NODE_TYPES.IfStatement && current.parent.alternate === current; current = current.parent) {
    tests.unshift(current.parent.test);
  }
  if (tests.length === 1) return `${conditionText(decision.test, sourceCode)} is false`;
  if (tests.length > 3) return `all ${tests.length} conditions of this \`else if\` chain are false`;
  const texts = tests.map((test) => conditionText(test, sourceCode));
  return `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)} are ${texts.length === 2 ? '' : 'all '}false`;
}

/**
 * "`event.Action` matches no `case`", and the cases that `break` without calling back: "`command` is `'facts'` or
 * matches no `case`".
 */
function switchCondition(
  decision: TSESTree.SwitchStatement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  openCases: readonly TSESTree.SwitchCase[],
): string {
  const discriminant = conditionText(decision.discriminant, sourceCode);
  // Without a `default:`, a value that matches no case gets through; with one, only if that `default:` breaks.
  const noCase = !hasDefaultCase(decision) || openCases.some((switchCase) => switchCase.test === null);
  const valued = openCases.filter((switchCase) => switchCase.test !== null);
  if (valued.length === 0) return `${discriminant} matches no \`case\``;
  if (valued.length > 3) {
    return `${discriminant} ${noCase ? 'matches no `case` or ' : 'matches '}one of the ${valued.length} cases that \`break\` without calling back`;
  }
  const values = valued.map((switchCase) => conditionText(switchCase.test!, sourceCode));
  return `${discriminant} is ${values.join(' or ')}${noCase ? ' or matches no `case`' : ''}`;
}

/** How to close the gap an open decision leaves. */
export function openDecisionFix(decision: TSESTree.IfStatement | TSESTree.SwitchStatement, name: string, openCases: readonly TSESTree.SwitchCase[] = []): string {
  if (decision.type === AST_NODE_TYPES.SwitchStatement) {
    if (openCases.length === 0) return `Add a \`default:\` that calls \`${name}(…)\`, or call it after the \`switch\`.`;
    const cases = openCases.length === 1 ? 'that case' : 'those cases';
    return hasDefaultCase(decision)
      ? `Call \`${name}(…)\` in ${cases}, or call it after the \`switch\`.`
      : `Call \`${name}(…)\` in ${cases} and in a \`default:\`, or call it after the \`switch\`.`;
  }
  const inChain = decision.parent.type === AST_NODE_TYPES.IfStatement && decision.parent.alternate === decision;
  return inChain
    ? `Add a final \`else\` that calls \`${name}(…)\`, or call it after the chain.`
    : `Add an \`else\` that calls \`${name}(…)\`, or call it after the \`if\`.`;
}

/** The last decision on a path, for a message: "`if (event.ok)` on line 2", "the `for…of` loop on line 3". */
export function decisionText(decision: DecisionNode, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const line = `on line ${decision.loc.start.line}`;
  switch (decision.type) {
    case AST_NODE_TYPES.IfStatement:
      return `\`if (${conditionText(decision.test, sourceCode).slice(1, -1)})\` ${line}`;
    case AST_NODE_TYPES.SwitchStatement:
      return `\`switch (${conditionText(decision.discriminant, sourceCode).slice(1, -1)})\` ${line}`;
    case AST_NODE_TYPES.ConditionalExpression:
      return `\`${conditionText(decision.test, sourceCode).slice(1, -1)} ? … : …\` ${line}`;
    case AST_NODE_TYPES.LogicalExpression:
      return `\`${conditionText(decision.left, sourceCode).slice(1, -1)} ${decision.operator} …\` ${line}`;
    case AST_NODE_TYPES.TryStatement:
      // The paths that part at a `try` and meet after it: the block's and its `catch`'s.
      return decision.handler ? `the \`catch\` on line ${decision.handler.loc.start.line}` : `the \`try\` ${line}`;
    case AST_NODE_TYPES.ForOfStatement:
      return `the \`for … of\` loop ${line}`;
    case AST_NODE_TYPES.ForInStatement:
      return `the \`for … in\` loop ${line}`;
    case AST_NODE_TYPES.ForStatement:
      return `the \`for\` loop ${line}`;
    case AST_NODE_TYPES.WhileStatement:
      return `the \`while\` loop ${line}`;
    case AST_NODE_TYPES.DoWhileStatement:
      return `the \`do … while\` loop ${line}`;
  }
}
