import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { ForwardProblem } from '../dataflow/segment-dataflow.js';
import { enclosingFunction, transparentParent } from '../util/ast.js';
import type { FlowEvent } from './flow-events.js';

/**
 * The may-problem behind "calls back on some path": a path has called once any event on it may call. Its
 * solution at a function's returns says whether calling the function can come back to its caller after answering
 * (a guard helper that answers on one branch and returns), which the must-problems of `callback-summary.ts` cannot.
 */
export function mayCallProblem(mayCall: (event: FlowEvent) => boolean): ForwardProblem<boolean, FlowEvent> {
  return {
    entry: false,
    join: (a, b) => a || b,
    equals: (a, b) => a === b,
    transfer: (state, event) => state || mayCall(event),
  };
}

/**
 * Whether the caller resumes only once the called function's body has run to its end: `await helper()`, or an
 * async function's `return helper()` (its promise adopts the helper's). What an awaited async helper does counts
 * as what a synchronous one does.
 */
export function isAwaitedCall(call: TSESTree.CallExpression): boolean {
  const { parent, child } = transparentParent(call);
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent)?.async === true;
  return parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child && parent.async;
}

/** `helper(…);` or `await helper(…);` as a statement of its own: the caller ignores what the call returns. */
export function isResultIgnored(call: TSESTree.CallExpression): boolean {
  let { parent } = transparentParent(call);
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) parent = transparentParent(parent).parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement;
}
