import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { type Linter as LinterType, Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import { findHandlers } from '../../src/handlers/find-handlers.js';

/** The handlers `findHandlers` sees in `code`, as `callbackName@line:column` of each handler function. */
function handlersIn(code: string, parser: 'espree' | 'typescript' = 'espree'): string[] {
  const found: string[] = [];
  const probe = {
    create(context: { sourceCode: unknown }) {
      return {
        Program() {
          for (const handler of findHandlers(context.sourceCode as TSESLint.SourceCode)) {
            const { line, column } = handler.node.loc.start;
            const extra = handler.wrapperParams.map((variable) => `+${variable.name}`).join('');
            found.push(`${handler.callbackParam.name}@${line}:${column}${extra}`);
          }
        },
      };
    },
  };
  const config: LinterType.Config = {
    files: ['**/*.js', '**/*.ts'],
    plugins: { probe: { rules: { handlers: probe } } },
    languageOptions: {
      parser: parser === 'espree' ? espree : tsParser,
      sourceType: 'commonjs',
    },
    rules: { 'probe/handlers': 'error' },
  };
  const messages = new Linter().verify(code, config, parser === 'espree' ? 'f.js' : 'f.ts');
  expect(messages).toEqual([]);
  return found;
}

describe('findHandlers', () => {
  it.each([
    ['exports.handler = function', 'exports.handler = function (context, event, callback) {};', ['callback@1:18']],
    ['exports.handler = arrow', 'exports.handler = (context, event, cb) => {};', ['cb@1:18']],
    ['exports.handler = async', 'exports.handler = async (context, event, done) => {};', ['done@1:18']],
    ['exports["handler"]', 'exports["handler"] = function (c, e, callback) {};', ['callback@1:21']],
    ['module.exports.handler', 'module.exports.handler = function (c, e, callback) {};', ['callback@1:25']],
    ['module.exports = { handler }', 'const handler = (c, e, callback) => {};\nmodule.exports = { handler };', ['callback@1:16']],
    ['module.exports = { handler: fn }', 'module.exports = { handler: function (c, e, cb) {} };', ['cb@1:28']],
    ['module.exports = { handler() {} }', 'module.exports = { handler(c, e, cb) {} };', ['cb@1:26']],
    ['function declaration through an identifier', 'function handler(c, e, callback) {}\nexports.handler = handler;', ['callback@1:0']],
    ['const through an identifier', 'const impl = async (c, e, callback) => {};\nexports.handler = impl;', ['callback@1:13']],
    ['chained assignment', 'exports.handler = module.exports.handler = (c, e, callback) => {};', ['callback@1:43']],
    ['wrapper call', 'exports.handler = TokenValidator(async (context, event, callback) => {});', ['callback@1:33']],
    [
      'wrapper with options and extra parameters',
      'exports.handler = prepareFlexFunction(params, async (context, event, callback, response, handleError) => {});',
      ['callback@1:46+response+handleError'],
    ],
    ['curried wrapper', 'exports.handler = withAuth({ strict: true })((context, event, callback) => {});', ['callback@1:45']],
    ['wrapper through an identifier', 'const impl = (c, e, callback) => {};\nexports.handler = wrap(impl);', ['callback@1:13']],
    ['default parameter', 'exports.handler = (c, e, callback = () => {}) => {};', ['callback@1:18']],
  ])('finds %s', (_, code, expected) => {
    expect(handlersIn(code)).toEqual(expected);
  });

  it.each([
    ['two parameters', 'exports.handler = (context, event) => {};'],
    ['AWS Lambda (event, context, callback)', 'exports.handler = (event, context, callback) => {};'],
    ['rest parameters', 'exports.handler = (...args) => {};'],
    ['destructured callback', 'exports.handler = (c, e, { callback }) => {};'],
    ['another export', 'exports.other = (c, e, callback) => {};'],
    ['a function that is not exported', 'function handler(c, e, callback) {}'],
    ['a generator', 'exports.handler = function* (c, e, callback) {};'],
    ['a re-export', "export { handler } from './impl';"],
    ['an unresolved identifier', 'exports.handler = elsewhere;'],
    ['a non-function value', 'exports.handler = 42;\nmodule.exports = { handler: null };'],
  ])('skips %s', (_, code) => {
    expect(handlersIn(code, code.startsWith('export ') ? 'typescript' : 'espree')).toEqual([]);
  });

  it.each([
    ['export const with a type', 'export const handler: ServerlessFunctionSignature = function (context, event, callback) {};', ['callback@1:52']],
    ['export function', 'export function handler(context: Context, event: Event, callback: Callback) {}', ['callback@1:7']],
    ['export async function', 'export async function handler(context, event, callback) {}', ['callback@1:7']],
    ['export specifier', 'const impl = (c, e, cb) => {};\nexport { impl as handler };', ['cb@1:13']],
    ['satisfies and as', 'export const handler = ((c, e, cb) => {}) satisfies Fn as Fn;', ['cb@1:24']],
  ])('finds TypeScript %s', (_, code, expected) => {
    expect(handlersIn(code, 'typescript')).toEqual(expected);
  });

  it('finds each handler function once', () => {
    const code = 'function handler(c, e, cb) {}\nexports.handler = handler;\nmodule.exports.handler = handler;';
    expect(handlersIn(code)).toEqual(['cb@1:0']);
  });
});
