// Types for tests/robustness/lint-as-function.js.
import type { ESLint, Linter } from 'eslint';

export interface FunctionLintResult {
  parsed: boolean;
  sourceType?: 'commonjs' | 'module';
  messages: Linter.LintMessage[];
  /** A rule that threw, fix output that does not parse or converge, a suggestion whose output does not parse. */
  problems: string[];
}

export declare function createFunctionLinter(dependencies: {
  Linter: typeof Linter;
  plugin: ESLint.Plugin;
  typescriptParser: Linter.Parser;
}): { lintAsFunction: (filename: string, code: string) => FunctionLintResult; rules: string[] };
