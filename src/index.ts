import type { ESLint, Linter, Rule } from 'eslint';
import { createRequire } from 'node:module';

import { OVERLAPPING_RULES } from './configs/disable-overlapping-rules.js';
import { typescriptParser } from './configs/typescript-parser.js';
import { rules as ruleModules } from './rules/index.js';

const require = createRequire(import.meta.url);
const packageJson = require('../package.json') as { name: string; version: string };

const PLUGIN_NAMESPACE = 'twilio-functions';

/** Files that Twilio deploys as Functions, and the sources of projects that keep them in `src/functions` (TypeScript, Flex). */
const FUNCTION_FILES = ['functions/**/*.{js,cjs,ts}', 'src/functions/**/*.{js,cjs,ts}'];

/** The TypeScript ones among them, which need typescript-eslint's parser. */
const TYPESCRIPT_FUNCTION_FILES = ['functions/**/*.ts', 'src/functions/**/*.ts'];

// typescript-eslint's RuleModule is structurally ESLint's Rule.RuleModule; the cast only bridges the two typings.
const rules = ruleModules as unknown as Record<string, Rule.RuleModule>;

const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  Object.entries(ruleModules)
    .filter(([, rule]) => rule.meta.docs?.recommended === true)
    .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, 'error']),
);

type Configs = {
  /** Every recommended rule on Function files, JavaScript and TypeScript alike. */
  recommended: Linter.Config[];
  /** `recommended`, with TypeScript's checker for `no-floating-promises` in `.ts` Functions. */
  'recommended-type-checked': Linter.Config[];
  /** Turns off the rules of core, eslint-plugin-promise and eslint-plugin-n that flag Twilio's idioms. */
  'disable-overlapping-rules': Linter.Config[];
};

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as Configs,
} satisfies ESLint.Plugin;

/**
 * Twilio runs every Function as CommonJS: `.js` files are loaded with `require()`, and the TypeScript template
 * compiles to `module: commonjs`. ESLint's default `sourceType` for `.js` is `module`, which would hide
 * `require`, `exports` and `module`; `commonjs` also parses the `import`/`export` of TypeScript files. ESLint's own
 * parser cannot read TypeScript, so the `.ts` Functions get typescript-eslint's (without type information).
 * An array of config objects: spread it (`[...recommended]`), or nest it in `defineConfig()` or `extends`.
 */
plugin.configs.recommended = [
  {
    name: `${PLUGIN_NAMESPACE}/recommended`,
    files: FUNCTION_FILES,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    languageOptions: {
      sourceType: 'commonjs',
      globals: { Twilio: 'readonly', Runtime: 'readonly' },
    },
    rules: recommendedRules,
  },
  {
    name: `${PLUGIN_NAMESPACE}/recommended/typescript`,
    files: TYPESCRIPT_FUNCTION_FILES,
    languageOptions: { parser: typescriptParser },
  },
];

/**
 * `recommended`, plus TypeScript's checker for `no-floating-promises` in `.ts` Function files, so that any thenable
 * (a user function, any library) counts. The files need type information (`parserOptions.projectService`); the rule
 * says so instead of silently linting untyped.
 */
plugin.configs['recommended-type-checked'] = [
  ...plugin.configs.recommended,
  {
    name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
    files: TYPESCRIPT_FUNCTION_FILES,
    rules: { [`${PLUGIN_NAMESPACE}/no-floating-promises`]: ['error', { checkTypes: true }] },
  },
];

/** Goes after the other plugins' configs, like eslint-config-prettier: a later config would turn the rules back on. */
plugin.configs['disable-overlapping-rules'] = [
  {
    name: `${PLUGIN_NAMESPACE}/disable-overlapping-rules`,
    files: FUNCTION_FILES,
    rules: Object.fromEntries(OVERLAPPING_RULES.map((ruleId) => [ruleId, 'off'])),
  },
];

export const meta = plugin.meta;
export const configs = plugin.configs;
export { rules };
export { projectSettings, readProjectSettings, type TwilioFunctionsSettings } from './project-settings.js';
export { readRuntimePaths, type RuntimePathSettings } from './project-settings.js';

export default plugin;
