import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { HandlerFlow } from './flow-events.js';

/**
 * Whether the function that sets up `node` (a continuation, or a promise chain), or any function around that one
 * up to the handler, calls back synchronously on every path: the response is sent before `node`'s continuations
 * run, so they need no answer of their own — on success or on failure (the work they do is cut off, which
 * no-floating-promises reports). One nested deeper (a node-style callback inside a `.then`) runs later still.
 */
export function answeredAround(node: TSESTree.Node, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): boolean {
  for (let outerNode = enclosingFunction(node); outerNode; outerNode = enclosingFunction(outerNode)) {
    const outer = handlerFlow.functions.get(outerNode);
    if (!outer) return false;
    const { outStates } = analysis.solveCompletion(outer, 'called');
    const returned = outer.codePath.returnedSegments;
    if (returned.length > 0 && returned.every((segment) => outStates.get(segment) === true)) return true;
    if (outerNode === handlerFlow.bindings.handler.node) return false;
  }
  return false;
}
