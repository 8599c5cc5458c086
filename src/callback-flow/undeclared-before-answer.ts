import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import { forEachEventBeforeAnswer } from './events-before-answer.js';
import type { FunctionFlow } from './flow-events.js';

/**
 * The reads of undeclared names that throw out of `flow` on a path where the callback has not been called or
 * handed off yet: in an async function, each rejects its promise with nothing answered. A read inside a `try`
 * with a `catch` throws into that `catch`, not out of the function.
 */
export function undeclaredReadsBeforeAnswer(flow: FunctionFlow, analysis: CallbackAnalysis): TSESTree.Identifier[] {
  const found = new Set<TSESTree.Identifier>();
  forEachEventBeforeAnswer(flow, analysis, (event) => {
    if (event.kind === 'throws' && !isInsideTryWithCatch(event.node)) found.add(event.node);
  });
  return [...found].sort((a, b) => a.range[0] - b.range[0]);
}

/** Whether a throw at `node` lands in the `catch` of a `try` around it, in the same function. */
export function isInsideTryWithCatch(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && !isFunctionNode(child); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
  return false;
}
