import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../util/ast.js';
import type { ChainLink, PromiseChain } from './promise-chain.js';
import { containsThrow, mayThrow } from './rejection.js';

/** What goes wrong with a chain's rejection, and the link to report it at. */
export type ChainRejectionProblem =
  | { readonly kind: 'missingCatch'; readonly at: ChainLink }
  | { readonly kind: 'catchDoesNotAnswer'; readonly at: ChainLink }
  | { readonly kind: 'thenAfterCatch'; readonly at: ChainLink };

export interface ChainJudge {
  /** Whether running the link's function answers on every path (a callback call or an answering continuation). */
  readonly answers: (handler: TSESTree.Node) => boolean;
  readonly isCallback: (node: TSESTree.Node) => boolean;
  /** Whether the chain's root can reject (false for one known to settle, such as `Promise.allSettled(…)`). */
  readonly rootCanReject: boolean;
  /** The file, to see which calls of a link are of same-file async functions (which never throw synchronously). */
  readonly sourceCode: TSESLint.SourceCode;
}

/**
 * Follows a chain link by link, as the runtime runs it: which outcome (a fulfilment nobody answered yet, a
 * rejection nobody handled) can reach each link, what the link does with it, and what leaves the chain. A chain
 * that answers on its fulfilment path must answer on its rejection path too; one that never answers on success is
 * not this check's business (require-callback reports the missing answer).
 */
export function judgeChainRejection(chain: PromiseChain, judge: ChainJudge): ChainRejectionProblem | undefined {
  let fulfilment = true; // a fulfilment not answered yet can reach this point
  let rejection = judge.rootCanReject; // a rejection not handled yet can reach this point
  let answeredOnFulfilment = false;
  let rejectionSource: ChainLink | undefined; // the link after the last handler that can throw
  let absorbingCatch: ChainLink | undefined; // a handler that swallowed the rejection without answering
  let rethrowingCatch: ChainLink | undefined;
  let sawHandler = false;

  for (const link of chain.links) {
    const fulfilledBefore = fulfilment;
    const rejectedBefore = rejection;
    if (link.onRejected && rejectedBefore) {
      sawHandler = true;
      if (judge.answers(link.onRejected)) {
        rejection = false;
        absorbingCatch = undefined;
      } else if (isFunctionNode(link.onRejected) && containsThrow(link.onRejected.body)) {
        rethrowingCatch = link;
      } else {
        rejection = false;
        absorbingCatch = link;
        fulfilment = true;
      }
      if (!rejection) rejectionSource = undefined;
    }
    if (link.method === 'finally' && link.onFulfilled) {
      // `finally` runs on either outcome and passes it on, unless it answers.
      if (judge.answers(link.onFulfilled)) {
        answeredOnFulfilment ||= fulfilledBefore;
        fulfilment = false;
        rejection = false;
        absorbingCatch = undefined;
      } else if (mayThrow(link.onFulfilled, judge.isCallback, judge.sourceCode)) {
        rejection = true;
        rejectionSource = link;
      }
      continue;
    }
    if (link.onFulfilled && fulfilledBefore) {
      if (judge.answers(link.onFulfilled)) {
        answeredOnFulfilment = true;
        fulfilment = false;
      }
      if (mayThrow(link.onFulfilled, judge.isCallback, judge.sourceCode)) {
        rejection = true;
        rejectionSource = link;
      }
    }
  }
  if (!answeredOnFulfilment) return undefined;
  if (rejection) {
    if (rejectionSource && sawHandler) return { kind: 'thenAfterCatch', at: rejectionSource };
    if (rethrowingCatch) return { kind: 'catchDoesNotAnswer', at: rethrowingCatch };
    return { kind: 'missingCatch', at: lastFulfilmentLink(chain) };
  }
  if (absorbingCatch && fulfilment) return { kind: 'catchDoesNotAnswer', at: absorbingCatch };
  return undefined;
}

function lastFulfilmentLink(chain: PromiseChain): ChainLink {
  return chain.links.findLast((link) => link.method === 'then') ?? chain.links.at(-1)!;
}
