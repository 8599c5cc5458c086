import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import rule from '../../src/rules/no-esm-require.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/esm');
/** A Function file in a project whose node_modules holds fake ESM and CommonJS packages. */
const INSTALLED = join(FIXTURES, 'installed/functions/handler.js');
/**
 * A Function file in a project that was not installed: only package.json and package-lock.json. Copied out of
 * the repository, whose own node_modules (got, p-retry…) Node's resolution would otherwise find further up.
 */
const NOT_INSTALLED_ROOT = mkdtempSync(join(tmpdir(), 'no-esm-require-'));
cpSync(join(FIXTURES, 'not-installed'), NOT_INSTALLED_ROOT, { recursive: true });
const NOT_INSTALLED = join(NOT_INSTALLED_ROOT, 'functions/handler.js');
const NESTED = join(NOT_INSTALLED_ROOT, 'nested/functions/handler.js');
/** A project that declares got 14 and query-string 9 but was not installed (function-templates#419's shape). */
const GOT14_ROOT = mkdtempSync(join(tmpdir(), 'no-esm-require-got14-'));
writeFileSync(join(GOT14_ROOT, 'package.json'), JSON.stringify({ dependencies: { got: '^14.0.0', 'query-string': '^9.0.0' } }));
const GOT14 = join(GOT14_ROOT, 'functions/handler.js');
const TS_COMMONJS = join(FIXTURES, 'installed/ts-commonjs/handler.ts');
const TS_NODENEXT = join(FIXTURES, 'installed/ts-nodenext/handler.ts');

const node18 = { 'twilio-functions': { runtime: 'node18' } };
const node20 = { 'twilio-functions': { runtime: 'node20' } };
const node22 = { 'twilio-functions': { runtime: 'node22' } };
const node24 = { 'twilio-functions': { runtime: 'node24' } };

const js = new RuleTester({
  languageOptions: { parser: espree, sourceType: 'commonjs', ecmaVersion: 'latest' },
});
const ts = new RuleTester();

const lines = (...text: string[]): string => text.join('\n');

/** Every placeholder of the report messages (RuleTester checks data against the whole message). */
function data(overrides: Record<string, string>): Record<string, string> {
  const source = overrides.source ?? 'esm-default';
  return {
    subject: `\`require('${source}')\``,
    source,
    runtime: 'node18',
    version: '',
    name: source,
    file: '',
    advice: '',
    use: '',
    ...overrides,
  };
}

js.run('no-esm-require (espree)', rule, {
  valid: [
    { name: 'CommonJS package', filename: INSTALLED, settings: node18, code: "const f = require('cjs-plain');\nf();" },
    { name: '.cjs main in a "type": "module" package', filename: INSTALLED, settings: node18, code: "require('cjs-in-module-package')();" },
    { name: 'builtins', filename: INSTALLED, settings: node18, code: "require('fs'); require('node:path'); require('node:test');" },
    { name: 'not a static specifier', filename: INSTALLED, settings: node18, code: 'const name = "esm-default"; require(name); require(); require(`esm-${name}`); require("esm-default", 1);' },
    { name: 'local require', filename: INSTALLED, settings: node18, code: "function load(require) { return require('esm-default'); }" },
    { name: 'optional call', filename: INSTALLED, settings: node18, code: "require?.('esm-default');" },
    {
      name: 'dynamic import is fine',
      filename: INSTALLED,
      settings: node18,
      code: "exports.handler = async (context, event, callback) => {\n  const { default: f } = await import('esm-default');\n  callback(null, f(1));\n};",
    },
    { name: 'missing package', filename: INSTALLED, settings: node18, code: "require('does-not-exist');" },
    { name: 'broken package.json', filename: INSTALLED, settings: node18, code: "require('broken-json');" },
    { name: 'relative file that does not exist', filename: INSTALLED, settings: node18, code: "require('./nope');" },
    { name: '.mjs files have no require', filename: join(FIXTURES, 'installed/functions/x.mjs'), settings: node18, code: "require('esm-default')();" },
    { name: 'module-sync resolves to CommonJS without require(esm)', filename: INSTALLED, settings: node18, code: "require('module-sync')();" },
    { name: 'node22: named destructuring', filename: INSTALLED, settings: node22, code: "const { named } = require('esm-named');\nnamed(1);" },
    { name: 'node22: .default', filename: INSTALLED, settings: node22, code: "const { default: f } = require('esm-default');\nrequire('esm-default').default(1);\nf();" },
    { name: 'node22: namespace members that are exports', filename: INSTALLED, settings: node22, code: "const lib = require('esm-default');\nlib.version;\nnew lib.AbortError();" },
    { name: 'node24: export * names count', filename: INSTALLED, settings: node24, code: "const lib = require('esm-star');\nlib.fromInner;" },
    { name: 'node22: no default export to misuse', filename: INSTALLED, settings: node22, code: "const lib = require('esm-named');\nlib(1);" },
    { name: 'node22: top-level await is not checked by default', filename: INSTALLED, settings: node22, code: "const { default: f } = require('esm-tla');" },
    { name: 'not installed: range that stays CommonJS', filename: NOT_INSTALLED, settings: node18, code: "const got = require('got');\ngot('x');" },
    {
      name: 'not installed, require(esm): a member that may be a named export is not reported',
      filename: GOT14,
      settings: node22,
      code: "const queryString = require('query-string');\nexports.handler = (context, event, callback) => callback(null, queryString.parse(event.q));",
    },
    {
      name: 'not installed: a stale lockfile (chalk 5.3.0, outside ^4.1.0) says nothing about the deploy',
      filename: NOT_INSTALLED,
      settings: node18,
      code: "const chalk = require('chalk');\nchalk.red('x');",
    },
    { name: 'not installed: git dependency is unknown', filename: NOT_INSTALLED, settings: node18, code: "require('nanoid');" },
    { name: 'not installed: package not in the table', filename: NOT_INSTALLED, settings: node18, code: "require('left-pad');" },
    { name: 'not installed: not declared', filename: NOT_INSTALLED, settings: node18, code: "require('p-map');" },
  ],
  invalid: [
    {
      name: 'node18: module-scope default binding moves into the handler, which becomes async',
      filename: INSTALLED,
      settings: node18,
      code: lines(
        "const esmDefault = require('esm-default');",
        '',
        'exports.handler = function (context, event, callback) {',
        "  callback(null, esmDefault('x'));",
        '};',
      ),
      output: lines(
        '',
        'exports.handler = async function (context, event, callback) {',
        "  const { default: esmDefault } = await import('esm-default');",
        "  callback(null, esmDefault('x'));",
        '};',
      ),
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 20,
          endColumn: 42,
          data: data({ version: ' 2.0.0', name: 'esmDefault' }),
        },
      ],
    },
    {
      name: 'node20 is treated as possibly older than 20.19',
      filename: INSTALLED,
      settings: node20,
      code: "const { named } = require('esm-named');\nexports.handler = async (context, event, callback) => {\n  callback(null, named(1));\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { named } = await import('esm-named');\n  callback(null, named(1));\n};",
      errors: [{ messageId: 'requireEsm', line: 1, column: 19 }],
    },
    {
      name: 'node22: calling the namespace is reported at the require, naming the use; same fix, plus require().default',
      filename: INSTALLED,
      settings: node22,
      code: lines(
        "const esmDefault = require('esm-default');",
        'exports.handler = (context, event, callback) => {',
        "  callback(null, esmDefault('x'));",
        '};',
      ),
      output: lines(
        'exports.handler = async (context, event, callback) => {',
        "  const { default: esmDefault } = await import('esm-default');",
        "  callback(null, esmDefault('x'));",
        '};',
      ),
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 20,
          data: data({ name: 'esmDefault', runtime: 'node22', version: ' 2.0.0', use: '`esmDefault(…)` on line 3' }),
          suggestions: [
            {
              messageId: 'suggestRequireDefault',
              output: lines(
                "const esmDefault = require('esm-default').default;",
                'exports.handler = (context, event, callback) => {',
                "  callback(null, esmDefault('x'));",
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'not installed, require(esm): a method of the default export (got.post) is reported and fixed',
      filename: GOT14,
      settings: node22,
      code: lines(
        "const got = require('got');",
        'exports.handler = (context, event, callback) => {',
        '  got.post(context.WEBHOOK_URL, { json: event }).then(() => callback(null, "sent"), callback);',
        '};',
      ),
      output: lines(
        'exports.handler = async (context, event, callback) => {',
        "  const { default: got } = await import('got');",
        '  got.post(context.WEBHOOK_URL, { json: event }).then(() => callback(null, "sent"), callback);',
        '};',
      ),
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 27,
          data: data({ source: 'got', name: 'got', runtime: 'node22', version: ' ^14.0.0 (package.json)', use: '`got.post` on line 3', advice: ' Or use the global `fetch()`, or got@11 (11.8.6).' }),
          suggestions: [
            {
              messageId: 'suggestRequireDefault',
              output: lines(
                "const got = require('got').default;",
                'exports.handler = (context, event, callback) => {',
                '  got.post(context.WEBHOOK_URL, { json: event }).then(() => callback(null, "sent"), callback);',
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a require among several declarators is reported; only a suggestion, the declaration stays',
      filename: INSTALLED,
      settings: node22,
      code: lines(
        "const path = require('path'), esmDefault = require('esm-default');",
        'exports.handler = (context, event, callback) => {',
        '  callback(null, esmDefault(path.sep));',
        '};',
      ),
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 44,
          data: data({ name: 'esmDefault', runtime: 'node22', version: ' 2.0.0', use: '`esmDefault(…)` on line 3' }),
          suggestions: [
            {
              messageId: 'suggestRequireDefault',
              output: lines(
                "const path = require('path'), esmDefault = require('esm-default').default;",
                'exports.handler = (context, event, callback) => {',
                '  callback(null, esmDefault(path.sep));',
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'destructuring keeps its pattern; source order is kept across --fix passes',
      filename: INSTALLED,
      settings: node18,
      code: lines(
        "'use strict';",
        "const { named: n } = require('esm-named');",
        "const esmMjs = require('esm-mjs');",
        'exports.handler = async (context, event, callback) => {',
        "  'use strict';",
        '  callback(null, n(esmMjs()));',
        '};',
      ),
      output: [
        lines(
          "'use strict';",
          "const esmMjs = require('esm-mjs');",
          'exports.handler = async (context, event, callback) => {',
          "  'use strict';",
          "  const { named: n } = await import('esm-named');",
          '  callback(null, n(esmMjs()));',
          '};',
        ),
        lines(
          "'use strict';",
          'exports.handler = async (context, event, callback) => {',
          "  'use strict';",
          "  const { named: n } = await import('esm-named');",
          "  const { default: esmMjs } = await import('esm-mjs');",
          '  callback(null, n(esmMjs()));',
          '};',
        ),
      ],
      errors: [
        { messageId: 'requireEsm', line: 2, column: 22 },
        { messageId: 'requireEsm', line: 3, column: 16 },
      ],
    },
    {
      name: 'in place inside an async handler',
      filename: INSTALLED,
      settings: node18,
      code: "exports.handler = async (context, event, callback) => {\n  const esmDefault = require('esm-default');\n  callback(null, esmDefault(event.x));\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: esmDefault } = await import('esm-default');\n  callback(null, esmDefault(event.x));\n};",
      errors: [{ messageId: 'requireEsm', line: 2, column: 22 }],
    },
    {
      name: 'in place inside a nested async function',
      filename: INSTALLED,
      settings: node18,
      code: "async function send(x) {\n  const f = require('esm-default').default;\n  return f(x);\n}",
      output: "async function send(x) {\n  const { default: f } = await import('esm-default');\n  return f(x);\n}",
      errors: [{ messageId: 'requireEsm', line: 2, column: 13 }],
    },
    {
      name: 'a direct call in an expression-bodied handler',
      filename: INSTALLED,
      settings: node18,
      code: 'exports.handler = (context, event, callback) => callback(null, require(`esm-default`)(1));',
      output: "exports.handler = async (context, event, callback) => callback(null, (await import('esm-default')).default(1));",
      errors: [{ messageId: 'requireEsm', line: 1, column: 64 }],
    },
    {
      name: 'node22: a direct call of the namespace',
      filename: INSTALLED,
      settings: node22,
      code: "module.exports = { async handler(context, event, callback) { callback(null, new (require('esm-mjs'))()); } };",
      output: "module.exports = { async handler(context, event, callback) { callback(null, new ((await import('esm-mjs')).default)()); } };",
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 82,
          suggestions: [
            {
              messageId: 'suggestRequireDefault',
              output: "module.exports = { async handler(context, event, callback) { callback(null, new (require('esm-mjs').default)()); } };",
            },
          ],
        },
      ],
    },
    {
      name: 'a method handler becomes async before its key',
      filename: INSTALLED,
      settings: node18,
      code: "module.exports = { handler(context, event, callback) { callback(null, require('esm-named').named(1)); } };",
      output: "module.exports = { async handler(context, event, callback) { callback(null, (await import('esm-named')).named(1)); } };",
      errors: [{ messageId: 'requireEsm', line: 1, column: 71 }],
    },
    {
      name: 'namespace members only: the namespace itself',
      filename: INSTALLED,
      settings: node18,
      code: "const lib = require('esm-named');\nfunction handler(context, event, callback) {\n  callback(null, lib.named(1));\n}\nexports.handler = handler;",
      output: "async function handler(context, event, callback) {\n  const lib = await import('esm-named');\n  callback(null, lib.named(1));\n}\nexports.handler = handler;",
      errors: [{ messageId: 'requireEsm', line: 1, column: 13 }],
    },
    {
      name: 'mixed default and named use (pRetry and pRetry.AbortError): suggestion only',
      filename: INSTALLED,
      settings: node18,
      code: lines(
        "const esmDefault = require('esm-default');",
        'exports.handler = async (context, event, callback) => {',
        '  try {',
        '    callback(null, esmDefault(1));',
        '  } catch (error) {',
        '    callback(error instanceof esmDefault.AbortError ? null : error);',
        '  }',
        '};',
      ),
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestImport',
              data: { source: 'esm-default' },
              output: lines(
                'exports.handler = async (context, event, callback) => {',
                "  const { default: esmDefault, AbortError } = await import('esm-default');",
                '  try {',
                '    callback(null, esmDefault(1));',
                '  } catch (error) {',
                '    callback(error instanceof AbortError ? null : error);',
                '  }',
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'used in several functions: a lazy loader suggestion',
      filename: INSTALLED,
      settings: node18,
      code: lines(
        "const esmDefault = require('esm-default');",
        'async function helper() {',
        '  return esmDefault(1);',
        '}',
        'exports.handler = async (context, event, callback) => {',
        '  callback(null, esmDefault(2) + (await helper()));',
        '};',
      ),
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestLazyImport',
              data: { name: 'esmDefault', loader: 'loadEsmDefault', source: 'esm-default' },
              output: lines(
                "const loadEsmDefault = () => import('esm-default');",
                'async function helper() {',
                '  return (await loadEsmDefault()).default(1);',
                '}',
                'exports.handler = async (context, event, callback) => {',
                '  callback(null, (await loadEsmDefault()).default(2) + (await helper()));',
                '};',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'module-scope use: nothing safe to rewrite',
      filename: INSTALLED,
      settings: node18,
      code: "const esmDefault = require('esm-default');\nconst value = esmDefault(1);",
      errors: [{ messageId: 'requireEsm', line: 1, column: 20 }],
    },
    {
      name: 'let binding: suggestion only',
      filename: INSTALLED,
      settings: node18,
      code: "let esmDefault = require('esm-default');\nexports.handler = async (context, event, callback) => {\n  callback(null, esmDefault(1));\n};",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestImport',
              output: "exports.handler = async (context, event, callback) => {\n  let { default: esmDefault } = await import('esm-default');\n  callback(null, esmDefault(1));\n};",
            },
          ],
        },
      ],
    },
    {
      name: 'conditional require in an async function: suggestion only',
      filename: INSTALLED,
      settings: node18,
      code: "exports.handler = async (context, event, callback) => {\n  const f = event.cjs ? require('cjs-plain') : require('esm-default');\n  callback(null, f(1));\n};",
      errors: [
        {
          messageId: 'requireEsm',
          line: 2,
          column: 48,
          suggestions: [
            {
              messageId: 'suggestImport',
              output: "exports.handler = async (context, event, callback) => {\n  const f = event.cjs ? require('cjs-plain') : (await import('esm-default')).default;\n  callback(null, f(1));\n};",
            },
          ],
        },
      ],
    },
    {
      name: 'a name clash in the handler blocks the move',
      filename: INSTALLED,
      settings: node18,
      code: "const f = require('esm-default');\nexports.handler = async (context, event, callback) => {\n  { callback(null, f(1)); }\n  var f2 = 1;\n  function inner(f) { return f; }\n};\nexports.other = function (f) {};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: f } = await import('esm-default');\n  { callback(null, f(1)); }\n  var f2 = 1;\n  function inner(f) { return f; }\n};\nexports.other = function (f) {};",
      errors: [{ messageId: 'requireEsm', line: 1, column: 11 }],
    },
    {
      name: 'a parameter with the same name blocks the move',
      filename: INSTALLED,
      settings: node18,
      code: "const f = require('esm-default');\nexports.handler = async (context, event, callback) => {\n  callback(null, f(1));\n  const g = (context) => context;\n};\nexports.handler2 = async (context, event, callback, f2) => {};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: f } = await import('esm-default');\n  callback(null, f(1));\n  const g = (context) => context;\n};\nexports.handler2 = async (context, event, callback, f2) => {};",
      errors: [{ messageId: 'requireEsm', line: 1, column: 11 }],
    },
    {
      name: 'no await where it is a syntax error or the function cannot become async',
      filename: INSTALLED,
      settings: node18,
      code: lines(
        'async function a() {',
        "  class Client { lib = require('esm-default')(); static { require('esm-default')(); } }",
        '}',
        "async function b(lib = require('esm-default')()) {}",
        "function c() { return require('esm-default')(); }",
        "function* d() { yield require('esm-default')(); }",
      ),
      errors: [
        { messageId: 'requireEsm', line: 2, column: 24 },
        { messageId: 'requireEsm', line: 2, column: 59 },
        { messageId: 'requireEsm', line: 4, column: 24 },
        { messageId: 'requireEsm', line: 5, column: 23 },
        { messageId: 'requireEsm', line: 6, column: 23 },
      ],
    },
    {
      name: 'exports without a default: no default fix',
      filename: INSTALLED,
      settings: node18,
      code: "const lib = require('esm-named');\nexports.handler = async (context, event, callback) => {\n  callback(null, lib(1));\n};",
      errors: [{ messageId: 'requireEsm', line: 1, column: 13 }],
    },
    {
      name: 'import-only exports fail on every runtime',
      filename: INSTALLED,
      settings: node24,
      code: "const { default: importOnly } = require('import-only');\nexports.handler = async (context, event, callback) => {\n  callback(null, importOnly());\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: importOnly } = await import('import-only');\n  callback(null, importOnly());\n};",
      errors: [{ messageId: 'importOnly', line: 1, column: 33, data: data({ source: 'import-only', version: ' 1.2.3', runtime: 'node24', name: 'require(\'import-only\')' }) }],
    },
    {
      name: 'checkTopLevelAwait: the graph awaits at the top level',
      filename: INSTALLED,
      settings: node22,
      options: [{ checkTopLevelAwait: true }],
      code: "exports.handler = async (context, event, callback) => {\n  callback(null, require('esm-tla').default());\n};",
      output: "exports.handler = async (context, event, callback) => {\n  callback(null, (await import('esm-tla')).default());\n};",
      errors: [
        {
          messageId: 'topLevelAwait',
          line: 2,
          column: 18,
          data: data({ source: 'esm-tla', file: 'node_modules/esm-tla/config.js', runtime: 'node22', version: ' 1.0.0', name: "require('esm-tla').default" }),
        },
      ],
    },
    {
      name: 'typeless .js with ESM syntax, and .mjs mains',
      filename: INSTALLED,
      settings: node18,
      code: "require('typeless-esm');\nrequire('esm-mjs');",
      errors: [
        { messageId: 'requireEsm', line: 1, column: 1 },
        { messageId: 'requireEsm', line: 2, column: 1 },
      ],
    },
    {
      name: 'node22: module-sync hands require an ES module',
      filename: INSTALLED,
      settings: node22,
      code: "const moduleSync = require('module-sync');\nmoduleSync();",
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 20,
          suggestions: [{ messageId: 'suggestRequireDefault', output: "const moduleSync = require('module-sync').default;\nmoduleSync();" }],
        },
      ],
    },
    {
      name: 'node22: a property of the default export read off the namespace (got.post)',
      filename: INSTALLED,
      settings: node22,
      code: "const lib = require('esm-star');\nexports.handler = async (context, event, callback) => {\n  callback(null, lib.post(1));\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: lib } = await import('esm-star');\n  callback(null, lib.post(1));\n};",
      errors: [
        {
          messageId: 'namespaceAsDefault',
          line: 1,
          column: 13,
          endColumn: 32,
          data: data({ source: 'esm-star', name: 'lib', runtime: 'node22', version: ' 1.0.0', use: '`lib.post` on line 3' }),
          suggestions: [
            {
              messageId: 'suggestRequireDefault',
              output: "const lib = require('esm-star').default;\nexports.handler = async (context, event, callback) => {\n  callback(null, lib.post(1));\n};",
            },
          ],
        },
      ],
    },
    {
      name: 'not installed: package.json range admits an ESM-only major',
      filename: NOT_INSTALLED,
      settings: node18,
      code: "const pRetry = require('p-retry');\nexports.handler = async (context, event, callback) => {\n  callback(null, await pRetry(() => 1));\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: pRetry } = await import('p-retry');\n  callback(null, await pRetry(() => 1));\n};",
      errors: [{ messageId: 'requireEsm', line: 1, column: 16, data: data({ source: 'p-retry', version: ' ^5.0.0 (package.json)', name: 'pRetry', advice: ' Or use p-retry@4 (4.6.2).' }) }],
    },
    {
      name: 'not installed: the deploy installs the newest version the range admits, whatever the lockfile pins',
      filename: NOT_INSTALLED,
      settings: node18,
      code: "require('execa')('ls');",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 1,
          data: data({ source: 'execa', version: ' ^5.0.0 || ^6.0.0 (package.json)', name: "require('execa')", advice: ' Or use execa@5 (5.1.1).' }),
        },
      ],
    },
    {
      name: 'not installed: the nearest package.json governs',
      filename: NESTED,
      settings: node18,
      code: "const got = require('got');\nexports.handler = async (context, event, callback) => {\n  callback(null, await got('https://example.com').text());\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: got } = await import('got');\n  callback(null, await got('https://example.com').text());\n};",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 13,
          data: data({ source: 'got', version: ' ^12.0.0 (package.json)', name: 'got', advice: ' Or use the global `fetch()`, or got@11 (11.8.6).' }),
        },
      ],
    },
    {
      name: 'node-fetch: the global fetch as a suggestion',
      filename: NOT_INSTALLED,
      settings: node18,
      code: "const fetchJson = require('node-fetch');\nexports.handler = async (context, event, callback) => {\n  callback(null, await fetchJson(event.url));\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { default: fetchJson } = await import('node-fetch');\n  callback(null, await fetchJson(event.url));\n};",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestGlobalFetch',
              output: 'exports.handler = async (context, event, callback) => {\n  callback(null, await fetch(event.url));\n};',
            },
          ],
        },
      ],
    },
    {
      name: 'uuid: crypto.randomUUID as a suggestion; `latest` counts as ESM-only',
      filename: NOT_INSTALLED,
      settings: node18,
      code: "const { v4: uuidv4 } = require('uuid');\nexports.handler = (context, event, callback) => {\n  callback(null, uuidv4());\n};",
      output: "exports.handler = async (context, event, callback) => {\n  const { v4: uuidv4 } = await import('uuid');\n  callback(null, uuidv4());\n};",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 24,
          suggestions: [
            {
              messageId: 'suggestRandomUUID',
              output: "const { randomUUID: uuidv4 } = require('node:crypto');\nexports.handler = (context, event, callback) => {\n  callback(null, uuidv4());\n};",
            },
          ],
        },
      ],
    },
  ],
});

ts.run('no-esm-require (typescript-eslint parser)', rule, {
  valid: [
    { name: 'node22: tsc interop reads .default off the namespace', filename: TS_COMMONJS, settings: node22, code: "import esmDefault from 'esm-default';\nesmDefault('x');" },
    { name: 'type-only imports vanish', filename: TS_COMMONJS, settings: node18, code: "import type { AbortError } from 'esm-default';\nimport { type version } from 'esm-default';" },
    { name: '.mts is an ES module', filename: join(FIXTURES, 'installed/ts-commonjs/handler.mts'), settings: node18, code: "import esmDefault from 'esm-default';" },
    { name: 'CommonJS package', filename: TS_COMMONJS, settings: node18, code: "import cjs = require('cjs-plain');\ncjs();" },
    { name: 'module nodenext keeps import()', filename: TS_NODENEXT, settings: node18, code: "export async function f() { return (await import('esm-default')).default; }" },
    { name: 'node22: import() compiled to require() still reaches .default', filename: TS_COMMONJS, settings: node22, code: "export async function f() { return (await import('esm-default')).default; }" },
  ],
  invalid: [
    {
      name: 'node18: an import compiled to require()',
      filename: TS_COMMONJS,
      settings: node18,
      code: "import esmDefault from 'esm-default';\nexport const handler = (context: unknown, event: unknown, callback: (e: null, v: string) => void) => callback(null, esmDefault('x'));",
      errors: [
        {
          messageId: 'requireEsm',
          line: 1,
          column: 24,
          data: data({
            subject: "This import (tsc emits `require('esm-default')`)",
            version: ' 2.0.0',
            advice: ' With `module: commonjs` tsc compiles `import()` back into `require()`: set `module` to `node16` or `nodenext` first.',
          }),
        },
      ],
    },
    {
      name: 're-exports are requires too',
      filename: TS_COMMONJS,
      settings: node18,
      code: "export * from 'esm-named';\nexport { default as f } from 'esm-default';\nexport type { AbortError } from 'esm-default';",
      errors: [
        { messageId: 'requireEsm', line: 1, column: 15 },
        { messageId: 'requireEsm', line: 2, column: 30 },
      ],
    },
    {
      name: 'module commonjs turns import() back into require()',
      filename: TS_COMMONJS,
      settings: node18,
      code: "export async function f() {\n  return (await import('esm-default')).default;\n}",
      errors: [
        {
          messageId: 'requireEsm',
          line: 2,
          column: 17,
          data: data({
            subject: "This `import()` (tsc emits `require('esm-default')`)",
            version: ' 2.0.0',
            advice: ' With `module: commonjs` tsc compiles `import()` back into `require()`: set `module` to `node16` or `nodenext` first.',
          }),
        },
      ],
    },
    {
      name: 'node22: import = require() used as the default export',
      filename: TS_COMMONJS,
      settings: node22,
      code: "import esmDefault = require('esm-default');\nesmDefault('x');",
      errors: [{ messageId: 'namespaceAsDefault', line: 1, column: 21, data: data({ name: 'esmDefault', runtime: 'node22', version: ' 2.0.0', use: '`esmDefault(…)` on line 2', advice: ' With `module: commonjs` tsc compiles `import()` back into `require()`: set `module` to `node16` or `nodenext` first.' }) }],
    },
    {
      name: 'module commonjs: require() is reported without an import() fix',
      filename: TS_COMMONJS,
      settings: node18,
      code: "const esmDefault = require('esm-default');\nexport async function handler(context: object, event: object, callback: (e: null, v: string) => void) {\n  callback(null, esmDefault('x'));\n}",
      errors: [{ messageId: 'requireEsm', line: 1, column: 20 }],
    },
    {
      name: 'module nodenext keeps import(): the fix applies',
      filename: TS_NODENEXT,
      settings: node18,
      code: "const esmDefault = require('esm-default');\nexport function handler(context: object, event: object, callback: (e: null, v: string) => void) {\n  callback(null, esmDefault('x'));\n}",
      output: "export async function handler(context: object, event: object, callback: (e: null, v: string) => void) {\n  const { default: esmDefault } = await import('esm-default');\n  callback(null, esmDefault('x'));\n}",
      errors: [{ messageId: 'requireEsm', line: 1, column: 20 }],
    },
  ],
});

describe('eslint --fix with every rule of the plugin: the output parses and a second pass changes nothing', () => {
  const linter = new Linter({ configType: 'flat' });
  const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`twilio-functions/${name}`, 'error' as const]));
  const snippets = [
    "const a = require('esm-default');\nconst { named } = require('esm-named');\nconst b = require('esm-mjs');\nexports.handler = (context, event, callback) => {\n  callback(null, a(named(b())));\n};",
    "const a = require('esm-default');\nexports.handler = function (context, event, callback) {\n  if (!event.x) return callback('missing');\n  callback(null, a(event.x));\n  console.log('after');\n};",
    "exports.handler = (context, event, callback) => callback(null, require('esm-default')(require('esm-named').named(1)));",
    "module.exports = { handler(context, event, callback) { const f = require('esm-default'); callback(null, f()); } };",
    "const TokenValidator = require('cjs-plain');\nconst lib = require('esm-named');\nexports.handler = TokenValidator(async (context, event, callback) => {\n  callback(null, lib.named(1));\n});",
    "function handler(context, event, callback) {\n  callback(null, require('esm-default').default(1));\n}\nexports.handler = handler;",
    "const a = require('esm-default');\nexports.handler = async (context, event, callback) => {\n  const inner = () => a(1);\n  callback(null, inner());\n};",
  ];
  for (const runtime of ['node18', 'node22'] as const) {
    it.each(snippets)(`${runtime}: %s`, (code) => {
      const config = [
        {
          files: ['**/*.js'],
          plugins: { 'twilio-functions': plugin },
          languageOptions: { sourceType: 'commonjs' as const, ecmaVersion: 'latest' as const },
          settings: { 'twilio-functions': { runtime } },
          rules: allRules,
        },
      ];
      const first = linter.verifyAndFix(code, config, { filename: INSTALLED });
      expect(first.messages.filter((message) => message.fatal)).toEqual([]);
      expect(() => espree.parse(first.output, { ecmaVersion: 'latest', sourceType: 'commonjs' })).not.toThrow();
      expect(first.messages.filter((message) => message.ruleId === 'twilio-functions/no-esm-require' && message.fix)).toEqual([]);
      const second = linter.verifyAndFix(first.output, config, { filename: INSTALLED });
      expect(second.fixed).toBe(false);
    });
  }
});
