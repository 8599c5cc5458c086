import type { Linter } from 'eslint';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type TypeScriptParser = typeof import('@typescript-eslint/parser');

const { version } = require('@typescript-eslint/parser/package.json') as { version: string };

let loaded: TypeScriptParser | undefined;

/**
 * typescript-eslint's parser, loaded on the first `.ts` file it parses. Loading it loads TypeScript (about
 * 250 ms), which a JavaScript-only project would otherwise pay on every `eslint` start and editor restart.
 * `meta` is the real parser's, so `eslint --cache` and `--print-config` see the parser they would see without us.
 */
export const typescriptParser = {
  meta: { name: '@typescript-eslint/parser', version },
  parseForESLint(code: string, options?: Linter.ParserOptions) {
    loaded ??= require('@typescript-eslint/parser') as TypeScriptParser;
    return loaded.parseForESLint(code, options);
  },
} as unknown as Linter.Parser;
