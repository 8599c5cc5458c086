// Compiled by `npm run typecheck`: a user's typed config must accept the plugin and its configs as published.
import { defineConfig } from 'eslint/config';
import type { ESLint, Linter } from 'eslint';
import twilioFunctions, { configs, meta, rules } from 'eslint-plugin-twilio-functions';

const plugin: ESLint.Plugin = twilioFunctions;
const recommended: Linter.Config[] = configs.recommended;

export const spread: Linter.Config[] = [...twilioFunctions.configs.recommended, ...configs['disable-overlapping-rules']];

export default defineConfig([
  twilioFunctions.configs.recommended,
  {
    files: ['functions/**/*.js'],
    plugins: { 'twilio-functions': plugin },
    rules: {
      'twilio-functions/no-code-after-callback': ['error', { allowLogging: false }],
      'twilio-functions/require-callback': 'warn',
    },
  },
  { basePath: 'apps/sms', extends: [recommended] },
  recommended.map((config) => ({ ...config, files: ['serverless/**/*.js'] })),
]);

export const pluginName: string | undefined = meta.name;
export const ruleNames: string[] = Object.keys(rules);
