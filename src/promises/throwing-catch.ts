import type { TSESTree } from '@typescript-eslint/utils';

import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { HandlerFlow } from '../callback-flow/flow-events.js';
import { undeclaredReadsBeforeAnswer } from '../callback-flow/undeclared-before-answer.js';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { chainOf } from './promise-chain.js';

/** A chain's last rejection handler that throws before it answers: the read that throws, and the function. */
export interface ThrowingCatch {
  readonly handler: FunctionNode;
  readonly read: TSESTree.Identifier;
}

/**
 * `.catch((err) => callback(error))`: the last rejection handler of a chain reads a name nobody declares before
 * it calls back, so it throws a ReferenceError and the chain rejects again with nothing left to catch it. Each
 * such read, first to last (reads after the callback ran throw too late to matter).
 */
export function throwingLastCatch(chainEnd: TSESTree.CallExpression, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): ThrowingCatch[] {
  const lastHandler = chainOf(chainEnd).links.findLast((link) => link.onRejected !== undefined)?.onRejected;
  const handler = lastHandler && skipTransparentWrappers(lastHandler);
  if (!isFunctionNode(handler)) return [];
  const flow = handlerFlow.functions.get(handler);
  return flow ? undeclaredReadsBeforeAnswer(flow, analysis).map((read) => ({ handler, read })) : [];
}
