import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type ChainLink, chainOf, type PromiseChain } from '../promises/promise-chain.js';
import { isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { HandlerFlow } from './flow-events.js';
import { functionHasEffect } from './statement-effects.js';

/** A link of a promise chain that runs after an earlier link has called back: its work starts after the response. */
export interface LinkAfterCallback {
  readonly link: ChainLink;
  /** The link whose function called back on the way here. */
  readonly answeredAt: ChainLink;
}

/**
 * Follows a chain link by link, as the runtime settles it, keeping for each outcome (fulfilled, rejected) whether
 * some way to it went through a link that called back: `.then((x) => callback(null, x)).then(work)` runs `work`
 * after the response, and so does `.catch((e) => callback(e)).then(more)` once the chain before it failed. A
 * `.catch` after a link that answered runs only on a rejection, which the callback's link does not produce.
 */
export function linksAfterCallback(
  chain: PromiseChain,
  callsBack: (handler: TSESTree.Node) => boolean,
  doesWork: (link: ChainLink) => boolean,
): LinkAfterCallback[] {
  const found: LinkAfterCallback[] = [];
  let fulfilled: ChainLink | undefined; // a link that called back on a way to fulfilment
  let rejected: ChainLink | undefined; // … on a way to rejection
  const answerOf = (link: ChainLink, handler: TSESTree.Node | undefined): ChainLink | undefined =>
    handler && callsBack(handler) ? link : undefined;
  // One report per link that called back: the links after the first one that follows it are the same mistake.
  const reported = new Set<ChainLink>();
  for (const link of chain.links) {
    const reachedBy = link.method === 'finally' ? (fulfilled ?? rejected) : (link.onFulfilled && fulfilled) ?? (link.onRejected && rejected);
    if (reachedBy && !reported.has(reachedBy) && doesWork(link)) {
      reported.add(reachedBy);
      found.push({ link, answeredAt: reachedBy });
    }
    switch (link.method) {
      case 'then': {
        const afterFulfilled = link.onFulfilled ? (fulfilled ?? answerOf(link, link.onFulfilled)) : fulfilled;
        const afterRejected = link.onRejected ? (rejected ?? answerOf(link, link.onRejected)) : undefined;
        fulfilled = afterFulfilled ?? afterRejected;
        rejected = link.onRejected ? undefined : rejected;
        break;
      }
      case 'catch':
        fulfilled = fulfilled ?? rejected ?? answerOf(link, link.onRejected);
        rejected = undefined;
        break;
      case 'finally': {
        const answer = answerOf(link, link.onFulfilled);
        fulfilled = fulfilled ?? answer;
        rejected = rejected ?? answer;
        break;
      }
    }
  }
  return found;
}

/**
 * Whether a chain link's function calls back on some path of its own (`(x) => callback(null, x)`,
 * `.catch(callback)`, a local function or made responder that does): the link that follows runs after it.
 * Async link functions count too: the next link waits for the Promise they return.
 */
export function linkCallsBack(
  handler: TSESTree.Node,
  handlerFlow: HandlerFlow,
  analysis: CallbackAnalysis,
  sourceCode: TSESLint.SourceCode,
  sense: 'callsOnSomePath' | 'answersOnEveryPath' = 'callsOnSomePath',
): boolean {
  const value = skipTransparentWrappers(handler);
  if (isFunctionNode(value)) return handlerFlow.functions.has(value) && analysis.summaryOf(value)[sense];
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  if (!variable) return false;
  const { callbackVariables, localFunctions, responders } = handlerFlow.bindings;
  if (callbackVariables.has(variable) || responders.some((responder) => responder.variable === variable)) return true;
  const local = localFunctions.get(variable);
  return local !== undefined && analysis.summaryOf(local)[sense];
}

/**
 * The links of the chain that ends at `chainEnd` which run after an earlier link called back and do some work
 * (a link that only logs or returns a value is harmless, as code after the callback is).
 */
export function workAfterCallbackInChain(
  chainEnd: TSESTree.CallExpression,
  handlerFlow: HandlerFlow,
  analysis: CallbackAnalysis,
  sourceCode: TSESLint.SourceCode,
  options: { allowLogging: boolean },
): LinkAfterCallback[] {
  return linksAfterCallback(
    chainOf(chainEnd),
    (handler) => linkCallsBack(handler, handlerFlow, analysis, sourceCode),
    (link) =>
      [link.onFulfilled, link.onRejected].some((handler) => {
        const value = handler && skipTransparentWrappers(handler);
        // A `.finally` that only cleans up (`.finally(() => client.close())`) loses no work when it is cut off.
        const cleanupOnly = link.method === 'finally';
        return value !== undefined && (isFunctionNode(value) ? functionHasEffect(value, { ...options, cleanupOnly }) : value.type !== AST_NODE_TYPES.Literal);
      }),
  );
}
