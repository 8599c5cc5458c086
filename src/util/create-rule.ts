import { ESLintUtils } from '@typescript-eslint/utils';

/** Every rule's `meta.docs` carries these, so eslint-doc-generator and the configs can read them. */
export interface TwilioFunctionsDocs {
  description: string;
  /** Whether `configs.recommended` turns the rule on. */
  recommended?: boolean;
}

const REPO_DOCS = 'https://github.com/twilio-functions-lint/eslint-plugin-twilio-functions/blob/main/docs/rules';

export const createRule = ESLintUtils.RuleCreator<TwilioFunctionsDocs>((name) => `${REPO_DOCS}/${name}.md`);
