import type { ESLint, Linter, Rule } from 'eslint';
import { createRequire } from 'node:module';

import { rules as ruleModules } from './rules/index.js';

const require = createRequire(import.meta.url);
const packageJson = require('../package.json') as { name: string; version: string };

const PLUGIN_NAMESPACE = 'twilio-functions';

/** Files that Twilio deploys as Functions, and the TypeScript template's sources. */
const FUNCTION_FILES = ['functions/**/*.{js,cjs,ts}', 'src/functions/**/*.ts'];

// typescript-eslint's RuleModule is structurally ESLint's Rule.RuleModule; the cast only bridges the two typings.
const rules = ruleModules as unknown as Record<string, Rule.RuleModule>;

const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  Object.entries(ruleModules)
    .filter(([, rule]) => rule.meta.docs?.recommended === true)
    .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, 'error']),
);

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as { recommended: Linter.Config; 'recommended-type-checked': Linter.Config[] },
} satisfies ESLint.Plugin;

/**
 * Twilio runs every Function as CommonJS: `.js` files are loaded with `require()`, and the TypeScript template
 * compiles to `module: commonjs`. ESLint's default `sourceType` for `.js` is `module`, which would hide
 * `require`, `exports` and `module`; `commonjs` also parses the `import`/`export` of TypeScript files.
 */
const recommended: Linter.Config = {
  name: `${PLUGIN_NAMESPACE}/recommended`,
  files: FUNCTION_FILES,
  plugins: { [PLUGIN_NAMESPACE]: plugin },
  languageOptions: {
    sourceType: 'commonjs',
    globals: { Twilio: 'readonly', Runtime: 'readonly' },
  },
  rules: recommendedRules,
};

/**
 * `recommended`, plus TypeScript's checker for `no-floating-promises` in `.ts` Function files, so that any thenable
 * (a user function, any library) counts. The files need type information (`parserOptions.projectService`); the rule
 * says so instead of silently linting untyped.
 */
const recommendedTypeChecked: Linter.Config[] = [
  recommended,
  {
    name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
    files: FUNCTION_FILES.filter((pattern) => pattern.includes('ts')).map((pattern) => pattern.replace('{js,cjs,ts}', 'ts')),
    rules: { [`${PLUGIN_NAMESPACE}/no-floating-promises`]: ['error', { checkTypes: true }] },
  },
];

plugin.configs.recommended = recommended;
plugin.configs['recommended-type-checked'] = recommendedTypeChecked;

export const meta = plugin.meta;
export const configs = plugin.configs;
export { rules };
export { projectSettings, readProjectSettings, type TwilioFunctionsSettings } from './project-settings.js';
export { readRuntimePaths, type RuntimePathSettings } from './project-settings.js';

export default plugin;
