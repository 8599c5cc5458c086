import type { TSESLint } from '@typescript-eslint/utils';

import { type HandlerFlow, recordCallbackFlow } from '../callback-flow/record-callback-flow.js';
import { analyzeFile, type CallbackAnalysis } from '../callback-flow/callback-summary.js';

/**
 * The listeners of a callback rule: they record every handler's flow during ESLint's traversal, then hand each
 * handler (and each same-file function that answers for one) with its analysis to `check` once the file is done.
 */
export function analyzeHandlers(
  sourceCode: TSESLint.SourceCode,
  check: (handlerFlow: HandlerFlow, analysis: CallbackAnalysis) => void,
): TSESLint.RuleListener {
  const recorder = recordCallbackFlow(sourceCode);
  return {
    ...recorder.listeners,
    'Program:exit'() {
      const handlerFlows = recorder.handlerFlows();
      const analysisOf = analyzeFile(handlerFlows);
      for (const handlerFlow of handlerFlows) check(handlerFlow, analysisOf(handlerFlow));
    },
  };
}
