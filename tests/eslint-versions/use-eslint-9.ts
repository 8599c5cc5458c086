// Setup file of vitest.eslint9.config.ts: makes every `require('eslint')` in this process load ESLint 9 (the
// `eslint-v9` dev dependency) instead of ESLint 10. @typescript-eslint/rule-tester takes its Linter from a CommonJS
// `require('eslint')` that vitest does not transform (so `resolve.alias` in the config, which covers the test files'
// own imports, cannot reach it); Node resolves every require() through Module._resolveFilename.
import Module from 'node:module';

interface ResolvingModule {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

const resolving = Module as unknown as ResolvingModule;
const resolveFilename = resolving._resolveFilename.bind(Module);
resolving._resolveFilename = (request: string, ...rest: unknown[]): string =>
  resolveFilename(request === 'eslint' || request.startsWith('eslint/') ? `eslint-v9${request.slice('eslint'.length)}` : request, ...rest);
