import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { assertsBeforeAnswer } from './asserts-before-answer.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { FunctionFlow } from './flow-events.js';
import { undeclaredReadsBeforeAnswer } from './undeclared-before-answer.js';

/**
 * Where an async function rejects before it has called back (or handed the callback off): what in a plain handler
 * would be a 500 response is, in an async one, a rejection nobody turns into a response.
 */
export interface RejectionPoints {
  /** `throw` statements that end a path without the callback. */
  readonly throws: readonly TSESTree.ThrowStatement[];
  /** Reads of names no scope declares (ReferenceErrors), outside any `try` with a `catch`. */
  readonly undeclaredReads: readonly TSESTree.Identifier[];
  /** `assert(…)` statements of Node's `assert`, outside any `try` with a `catch`, in source order. */
  readonly asserts: readonly TSESTree.CallExpression[];
}

export function rejectionPointsOf(flow: FunctionFlow, analysis: CallbackAnalysis, sourceCode: TSESLint.SourceCode): RejectionPoints {
  const { outStates } = analysis.solveCompletion(flow, 'handled');
  const throws = new Set<TSESTree.ThrowStatement>();
  for (const segment of flow.codePath.thrownSegments) {
    const exit = flow.segments.get(segment)?.exit;
    if (outStates.get(segment) === false && exit?.type === AST_NODE_TYPES.ThrowStatement) throws.add(exit);
  }
  return { throws: [...throws], undeclaredReads: undeclaredReadsBeforeAnswer(flow, analysis), asserts: assertsBeforeAnswer(flow, analysis, sourceCode) };
}
