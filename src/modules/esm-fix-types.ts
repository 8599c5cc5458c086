import type { TSESLint } from '@typescript-eslint/utils';

import type { TwilioRuntime } from './twilio-runtime.js';
import type { TypeScriptOutput } from './typescript-output.js';

/** What the fix planning of a `require()` of an ES module needs to know about the file. */
export interface FixPlanInput {
  readonly sourceCode: TSESLint.SourceCode;
  readonly runtime: TwilioRuntime;
  /** Set for TypeScript files (whose imports tsc turns into `require()`). */
  readonly typeScript: TypeScriptOutput | undefined;
}

/** The suggestion messages the plans use; the rule declares their text. */
export type EsmSuggestionId =
  | 'suggestImport'
  | 'suggestLazyImport'
  | 'suggestRequireDefault'
  | 'suggestGlobalFetch'
  | 'suggestRandomUUID';

export type Suggestion = TSESLint.SuggestionReportDescriptor<EsmSuggestionId>;

/** The autofix (at most one) and the suggestions for one report. */
export interface FixPlan {
  fix?: TSESLint.ReportFixFunction;
  suggestions: Suggestion[];
}

export function addFixOrSuggestion(
  plan: FixPlan,
  autofix: boolean,
  fix: TSESLint.ReportFixFunction,
  data: Record<string, string>,
): void {
  if (autofix && !plan.fix) plan.fix = fix;
  else plan.suggestions.push({ messageId: 'suggestImport', data, fix });
}
