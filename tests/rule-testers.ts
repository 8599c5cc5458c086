import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import * as espree from 'espree';

/** ESLint's own parser, the way Twilio's `.js` Functions are linted: CommonJS, latest syntax. */
const espreeTester = new RuleTester({
  languageOptions: { parser: espree, sourceType: 'commonjs', ecmaVersion: 'latest' },
  defaultFilenames: { ts: 'functions/file.js', tsx: 'functions/file.jsx' },
});

/** typescript-eslint's parser without type information, as for `src/functions/*.ts`. */
const typescriptTester = new RuleTester({
  languageOptions: { sourceType: 'commonjs' },
  defaultFilenames: { ts: 'src/functions/file.ts', tsx: 'src/functions/file.tsx' },
});

/**
 * Runs the same cases under both parsers: the analyses read ESLint's code paths and scopes, which each parser
 * builds on its own, so both must give the same findings at the same positions.
 */
export function runWithBothParsers<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  espreeTester.run(`${name} (espree)`, rule, tests);
  typescriptTester.run(`${name} (typescript-eslint)`, rule, tests);
}

/** Cases only the TypeScript parser can read (type annotations, `export`). */
export function runWithTypeScriptParser<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  typescriptTester.run(`${name} (typescript-eslint)`, rule, tests);
}
