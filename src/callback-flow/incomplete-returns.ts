import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionFlow } from './flow-events.js';

/**
 * The `return` statements whose incomplete paths end in `segment`: its own, or, when the function ends in a
 * `finally` block, those of the `try` that jumped into it. None means the path fell off the end.
 */
export function incompleteReturnsInto(
  segment: TSESLint.CodePathSegment,
  flow: FunctionFlow,
  outStates: ReadonlyMap<TSESLint.CodePathSegment, boolean>,
): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  const seen = new Set([segment]);
  const pending = [segment];
  for (let current = pending.pop(); current; current = pending.pop()) {
    const exit = flow.segments.get(current)?.exit;
    if (exit) {
      if (exit.type === AST_NODE_TYPES.ReturnStatement && outStates.get(current) === false) returns.push(exit);
      continue;
    }
    // Only a finally block's leaving copy has a jump among its predecessors; elsewhere the walk finds none.
    for (const previous of current.prevSegments) {
      if (!seen.has(previous)) {
        seen.add(previous);
        pending.push(previous);
      }
    }
  }
  return returns.sort((a, b) => a.range[0] - b.range[0]);
}
