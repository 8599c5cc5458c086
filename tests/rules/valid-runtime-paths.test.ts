import { resolve } from 'node:path';

import rule from '../../src/rules/valid-runtime-paths.js';
import { runWithBothParsers } from '../rule-testers.js';

const PROJECT = resolve(import.meta.dirname, '../fixtures/runtime-project');
const FUNCTION = resolve(PROJECT, 'functions/hello.js');
const TS_FUNCTION = resolve(import.meta.dirname, '../fixtures/runtime-ts-project/src/functions/send.ts');
/** Outside every project: no root marker above the system's temporary folder's made-up child. */
const NO_PROJECT = resolve('/nonexistent-twilio-project/functions/x.js');

const unknownFunction = (key: string, hint: string, member = 'path') => ({ messageId: 'unknownFunction' as const, data: { key, hint, member } });
const unknownAsset = (key: string, hint: string, member = 'path') => ({ messageId: 'unknownAsset' as const, data: { key, hint, member } });

runWithBothParsers('valid-runtime-paths', rule, {
  valid: [
    { filename: FUNCTION, code: "const auth = require(Runtime.getFunctions()['utils/auth'].path);" },
    { filename: FUNCTION, code: "const admin = Runtime.getFunctions()['admin/reset'].path;" },
    { filename: FUNCTION, code: 'const hello = Runtime.getFunctions()[`hello`].path;' },
    { filename: FUNCTION, code: "const data = require(Runtime.getAssets()['/data.json'].path);" },
    { filename: FUNCTION, code: "const format = require(Runtime.getAssets()['/lib/format.js'].path);" },
    { filename: FUNCTION, code: "const fns = Runtime.getFunctions();\nconst auth = require(fns['utils/auth'].path);" },
    { filename: FUNCTION, code: "const { 'utils/auth': auth, hello } = Runtime.getFunctions();" },
    // Not a literal: nothing to check.
    { filename: FUNCTION, code: 'const name = process.env.NAME;\nconst fn = Runtime.getFunctions()[name].path;' },
    // A method of the map, not a key.
    { filename: FUNCTION, code: "const has = Runtime.getFunctions().hasOwnProperty('x');" },
    // A local `Runtime` is not the runtime's.
    { filename: FUNCTION, code: "const Runtime = { getFunctions: () => ({}) };\nconst x = Runtime.getFunctions()['nope'];" },
    // "Twilio Functions" in a comment is no read of the `Functions` global; a local `Functions` is not it either.
    { filename: FUNCTION, code: "// Twilio Functions helpers\nconst config = {};\nconst x = config['nope'];" },
    { filename: FUNCTION, code: "function f(Functions) { return Functions['nope'].path; }" },
    // A binding that is reassigned may hold anything.
    { filename: FUNCTION, code: "let fns = Runtime.getFunctions();\nfns = {};\nconst x = fns['nope'];" },
    // Outside a project the keys cannot be checked.
    { filename: NO_PROJECT, code: "const x = Runtime.getFunctions()['nope'].path;" },
    // The TypeScript template: src/functions/*.ts and src/assets.
    { filename: TS_FUNCTION, code: "const helper = require(Runtime.getFunctions()['helper'].path);" },
    { filename: TS_FUNCTION, code: "const greeting = Runtime.getAssets()['/greeting.json'].path;" },
    // The template compiles a .ts asset to .js: that is its key once deployed.
    { filename: TS_FUNCTION, code: "const { format } = require(Runtime.getAssets()['/format.js'].path);" },
    // Code that tests the entry for being there handles a missing one (an asset the README says to add at setup).
    { filename: FUNCTION, code: "const keyFile = Runtime.getAssets()['/service-account.json'];\nif (!keyFile) throw new Error('add the key file');\nconst key = require(keyFile.path);" },
    { filename: FUNCTION, code: "const keyPath = Runtime.getAssets()['/service-account.json']?.path;" },
    { filename: FUNCTION, code: "const optional = Runtime.getFunctions()['extras/hooks'] && require(Runtime.getFunctions()['extras/hooks'].path);" },
    { filename: FUNCTION, code: "const entry = Runtime.getAssets()['/settings.json'];\nconst settings = entry === undefined ? {} : require(entry.path);" },
  ],
  invalid: [
    {
      // The test is of another lookup of the same key: this one is read without a test.
      filename: FUNCTION,
      code: "if (Runtime.getAssets()['/missing.json']) console.log('present');\nconst data = require(Runtime.getAssets()['/missing.json'].path);",
      errors: [{ ...unknownAsset('/missing.json', ' Private assets are the `*.private.*` files under `assets/`.'), line: 2, column: 42, endColumn: 57 }],
    },
    {
      filename: FUNCTION,
      code: "const auth = require(Runtime.getFunctions()['utils/auht'].path);",
      errors: [
        {
          ...unknownFunction('utils/auht', " Did you mean 'utils/auth'?"),
          line: 1,
          column: 45,
          endColumn: 57,
          suggestions: [{ messageId: 'replaceKey', data: { key: 'utils/auth' }, output: "const auth = require(Runtime.getFunctions()['utils/auth'].path);" }],
        },
      ],
    },
    {
      filename: FUNCTION,
      code: 'const auth = require(Runtime.getFunctions()["/utils/auth.private.js"].path);',
      errors: [
        {
          ...unknownFunction('/utils/auth.private.js', " Keys have no leading slash, extension or visibility suffix: 'utils/auth'."),
          line: 1,
          column: 45,
          suggestions: [{ messageId: 'replaceKey', data: { key: 'utils/auth' }, output: 'const auth = require(Runtime.getFunctions()["utils/auth"].path);' }],
        },
      ],
    },
    {
      filename: FUNCTION,
      code: "const functions = Runtime.getFunctions();\nconst { 'nothing-like-it-at-all': x } = functions;",
      errors: [
        {
          ...unknownFunction('nothing-like-it-at-all', ' The Functions are the `.js` files under `functions/`.'),
          line: 2,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      filename: FUNCTION,
      code: 'const path = Runtime.getFunctions().helo.path;',
      errors: [{ ...unknownFunction('helo', " Did you mean 'hello'?"), line: 1, column: 37, suggestions: [] }],
    },
    {
      filename: FUNCTION,
      code: "const config = Functions['config'].path;",
      errors: [{ ...unknownFunction('config', ' The Functions are the `.js` files under `functions/`.'), line: 1, column: 26, suggestions: [] }],
    },
    {
      filename: FUNCTION,
      code: "const data = require(Runtime.getAssets()['data.json'].path);",
      errors: [
        {
          ...unknownAsset('data.json', " Asset keys start with '/' and keep the extension but not `.private`: '/data.json'."),
          line: 1,
          column: 42,
          suggestions: [{ messageId: 'replaceKey', data: { key: '/data.json' }, output: "const data = require(Runtime.getAssets()['/data.json'].path);" }],
        },
      ],
    },
    {
      filename: FUNCTION,
      code: "const notice = Runtime.getAssets()['/notice.txt'].open();",
      errors: [
        {
          messageId: 'notPrivate',
          data: { file: 'assets/notice.txt', visibility: 'public', key: '/notice.txt', privateName: 'notice.private.txt' },
          line: 1,
          column: 36,
          endColumn: 49,
        },
      ],
    },
    {
      // The message names the member the code reads: an asset's `open()`.
      filename: FUNCTION,
      code: "const text = Runtime.getAssets()['/missing.json'].open();",
      errors: [{ ...unknownAsset('/missing.json', ' Private assets are the `*.private.*` files under `assets/`.', 'open'), line: 1, column: 34, endColumn: 49 }],
    },
    {
      filename: FUNCTION,
      code: "const { '/missing.json': missing } = Runtime.getAssets();",
      errors: [{ ...unknownAsset('/missing.json', ' Private assets are the `*.private.*` files under `assets/`.'), line: 1, column: 9 }],
    },
  ],
});
