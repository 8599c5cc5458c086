// The test suite against ESLint 9 instead of ESLint 10 (every test that runs ESLint in-process): ESLint changes
// code path shapes in minor releases, and the plugin supports ^9.15.0 || ^10. Run with `npm run test:eslint9`.
// Test files' own imports of `eslint` and `espree` go to ESLint 9 and the espree it ships through `resolve.alias`;
// the rule tester's `require('eslint')` through use-eslint-9.ts beside this file.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const eslint9Dir = path.dirname(require.resolve('eslint-v9/package.json'));
const espreeOfEslint9 = createRequire(path.join(eslint9Dir, 'package.json')).resolve('espree');

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: [
      { find: /^eslint$/, replacement: 'eslint-v9' },
      { find: /^eslint\/(.*)$/, replacement: 'eslint-v9/$1' },
      { find: /^espree$/, replacement: espreeOfEslint9 },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // These run ESLint 10 in a child process (the CLI or the language server from node_modules/eslint), which
    // the aliases cannot reach; everything else runs in-process and so against ESLint 9.
    exclude: ['tests/e2e/cli.test.ts', 'tests/e2e/ci.test.ts', 'tests/e2e/editor.test.ts', 'tests/e2e/typescript-template.test.ts'],
    setupFiles: ['tests/eslint-versions/use-eslint-9.ts', 'tests/setup-rule-tester.ts'],
    env: { EXPECTED_ESLINT_MAJOR: '9' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
