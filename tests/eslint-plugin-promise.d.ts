// eslint-plugin-promise ships no type declarations; tests/e2e/other-plugins.test.ts only uses its flat config.
declare module 'eslint-plugin-promise' {
  import type { ESLint, Linter } from 'eslint';

  const plugin: ESLint.Plugin & { configs: { 'flat/recommended': Linter.Config } };
  export default plugin;
}
