// Guards the ESLint version runs: `npm run vitest` must test with ESLint 10 and `npm run test:eslint9` with
// ESLint 9, both in the test files' own imports and in the Linter that @typescript-eslint/rule-tester uses.
import { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const expectedMajor = process.env.EXPECTED_ESLINT_MAJOR ?? '10';

describe(`the ESLint under test (${expectedMajor})`, () => {
  it('is what the test files import', () => {
    expect(Linter.version.split('.')[0]).toBe(expectedMajor);
    expect(ESLint.version).toBe(Linter.version);
  });

  it('is what @typescript-eslint/rule-tester lints with', () => {
    const requireFromRuleTester = createRequire(createRequire(import.meta.url).resolve('@typescript-eslint/rule-tester'));
    const { Linter: testerLinter } = requireFromRuleTester('eslint') as typeof import('eslint');
    expect(testerLinter.version).toBe(Linter.version);
  });
});
