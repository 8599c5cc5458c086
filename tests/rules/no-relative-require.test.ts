import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import rule from '../../src/rules/no-relative-require.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const FUNCTION = join(FIXTURES, 'runtime-project/functions/hello.js');
const NESTED_FUNCTION = join(FIXTURES, 'runtime-project/functions/admin/reset.protected.js');
const BUILD_SCRIPT = join(FIXTURES, 'runtime-project/lib/outside.js');
const TS_FUNCTION = join(FIXTURES, 'runtime-ts-project/src/functions/send.ts');
/** The same project, deployed from an esbuild bundle (`functionsFolder: 'out/functions'`, not built yet). */
const BUNDLED_ROOT = mkdtempSync(join(tmpdir(), 'no-relative-require-bundled-'));
cpSync(join(FIXTURES, 'runtime-project'), BUNDLED_ROOT, { recursive: true });
writeFileSync(join(BUNDLED_ROOT, 'package.json'), JSON.stringify({ devDependencies: { esbuild: '^0.25.0' } }));
writeFileSync(join(BUNDLED_ROOT, '.twilioserverlessrc'), "{\n  // written by the Toolkit\n  \"functionsFolder\": 'out/functions',\n}\n");
const BUNDLED_FUNCTION = join(BUNDLED_ROOT, 'functions/hello.js');

const BREAKS = (subject: string) => ({ subject });

runWithBothParsers('no-relative-require', rule, {
  valid: [
    { filename: FUNCTION, code: "const auth = require(Runtime.getFunctions()['utils/auth'].path);" },
    // A test beside the Functions runs under its test runner, where the relative path is right.
    { filename: join(FIXTURES, 'runtime-project/functions/hello.test.js'), code: "const { handler } = require('./hello');" },
    { filename: FUNCTION, code: "const twilio = require('twilio');\nconst fs = require('node:fs');" },
    { filename: FUNCTION, code: 'const name = process.env.HELPER;\nconst helper = require(name);' },
    // A local `require` is not Node's.
    { filename: FUNCTION, code: "const require = (x) => x;\nrequire('./utils/auth.private');" },
    // A file that is not a Function: a build script, a helper outside functions/.
    { filename: BUILD_SCRIPT, code: "const helper = require('../functions/hello');" },
    // A bundler inlines the relative requires before the deploy.
    { filename: BUNDLED_FUNCTION, code: "const { isAllowed } = require('./utils/auth.private');" },
    // Only where `Runtime` does not exist: the local test run's way in, never the deployed Function's.
    {
      filename: FUNCTION,
      code: "const auth =\n  typeof Runtime === 'undefined' ? require('./utils/auth.private') : require(Runtime.getFunctions()['utils/auth'].path);",
    },
    {
      filename: FUNCTION,
      code: "let auth;\nif ('undefined' !== typeof Runtime) auth = require(Runtime.getFunctions()['utils/auth'].path);\nelse auth = require('./utils/auth.private');",
    },
  ],
  invalid: [
    // Spelled with escapes, which the text check that skips most files lets through.
    {
      filename: FUNCTION,
      code: String.raw`const { isAllowed } = requir\u0065('\x2e/utils/auth.private');`,
      output: "const { isAllowed } = requir\\u0065(Runtime.getFunctions()['utils/auth'].path);",
      errors: [{ messageId: 'function', line: 1, column: 23 }],
    },
    {
      filename: FUNCTION,
      code: "const { isAllowed } = require('./utils/auth.private');",
      output: "const { isAllowed } = require(Runtime.getFunctions()['utils/auth'].path);",
      errors: [
        {
          messageId: 'function',
          data: { ...BREAKS("`require('./utils/auth.private')`"), replacement: "Runtime.getFunctions()['utils/auth'].path" },
          line: 1,
          column: 23,
          endColumn: 54,
        },
      ],
    },
    {
      // The branch where `Runtime` exists is the deployed one.
      filename: FUNCTION,
      code: "const auth = typeof Runtime !== 'undefined' ? require('./utils/auth.private') : null;",
      output: "const auth = typeof Runtime !== 'undefined' ? require(Runtime.getFunctions()['utils/auth'].path) : null;",
      errors: [{ messageId: 'function', line: 1, column: 47, endColumn: 78 }],
    },
    {
      filename: NESTED_FUNCTION,
      code: "const hello = require('../hello.js');",
      output: "const hello = require(Runtime.getFunctions()['hello'].path);",
      errors: [{ messageId: 'function', line: 1, column: 15 }],
    },
    {
      filename: FUNCTION,
      code: "const format = require(__dirname + '/../assets/lib/format.private.js');",
      output: "const format = require(Runtime.getAssets()['/lib/format.js'].path);",
      errors: [{ messageId: 'privateAsset', data: { ...BREAKS("`require(__dirname + '/../assets/lib/format.private.js')`"), replacement: "Runtime.getAssets()['/lib/format.js'].path" }, line: 1, column: 16 }],
    },
    {
      filename: FUNCTION,
      code: "const path = require('path');\nconst data = require(path.join(__dirname, '..', 'assets', 'data.private.json'));",
      output: "const path = require('path');\nconst data = require(Runtime.getAssets()['/data.json'].path);",
      errors: [{ messageId: 'privateAsset', line: 2, column: 14 }],
    },
    {
      filename: FUNCTION,
      // Node adds `.json`, as it does for `.js`.
      code: 'const data = require(`${__dirname}/../assets/data.private`);',
      output: "const data = require(Runtime.getAssets()['/data.json'].path);",
      errors: [{ messageId: 'privateAsset', line: 1, column: 14 }],
    },
    {
      filename: FUNCTION,
      code: "const notice = require('../assets/notice.txt');",
      output: null,
      errors: [
        {
          messageId: 'publicAsset',
          data: {
            ...BREAKS("`require('../assets/notice.txt')`"),
            file: 'assets/notice.txt',
            visibility: 'public',
            privateName: 'notice.private.txt',
            replacement: "Runtime.getAssets()['/notice.txt'].path",
          },
          line: 1,
          column: 16,
        },
      ],
    },
    {
      filename: FUNCTION,
      code: "const config = require('./config.json');",
      output: null,
      errors: [
        {
          messageId: 'notDeployed',
          data: {
            ...BREAKS("`require('./config.json')`"),
            target: '`functions/config.json`',
            reason: 'is not a Function: only the `.js` files of `functions/` are',
            assets: 'assets',
            functions: 'functions',
          },
          line: 1,
          column: 16,
        },
      ],
    },
    {
      filename: FUNCTION,
      code: "const outside = require('../lib/outside');",
      output: null,
      errors: [{ messageId: 'notDeployed', data: { ...BREAKS("`require('../lib/outside')`"), target: '`lib/outside.js`', reason: 'is outside the Functions and assets folders', assets: 'assets', functions: 'functions' }, line: 1, column: 17 }],
    },
    {
      filename: FUNCTION,
      code: "const missing = require('./missing');",
      output: null,
      errors: [{ messageId: 'notDeployed', data: { ...BREAKS("`require('./missing')`"), target: '`functions/missing`', reason: 'is no file of this project', assets: 'assets', functions: 'functions' }, line: 1, column: 17 }],
    },
    {
      // The fix reads the global `Runtime`; a local one would change what it means.
      filename: FUNCTION,
      code: "const Runtime = {};\nconst auth = require('./utils/auth.private');",
      output: null,
      errors: [{ messageId: 'function', line: 2, column: 14 }],
    },
  ],
});

runWithTypeScriptParser('no-relative-require', rule, {
  valid: [
    // tsc erases imports used only as types, `typeof` included.
    { filename: TS_FUNCTION, code: "import type { Greeting } from './helper.private';\nlet g: Greeting;" },
    { filename: TS_FUNCTION, code: "import * as Helper from './helper.private';\nconst { greet } = <typeof Helper>require(Runtime.getFunctions()['helper'].path);" },
    { filename: TS_FUNCTION, code: "import { Greeting } from './helper.private';\nexport const g: Greeting = { text: '' };" },
    // A test beside the Functions is not compiled into the deploy: its relative imports are fine.
    { filename: join(FIXTURES, 'runtime-ts-project/src/functions/send.test.ts'), code: "import { handler } from './send';\nhandler();" },
  ],
  invalid: [
    {
      filename: TS_FUNCTION,
      code: "import { greet } from './helper.private';\ngreet('a');",
      output: null,
      errors: [{ messageId: 'function', data: { subject: "`import … from './helper.private'` (compiled to `require()`)", replacement: "Runtime.getFunctions()['helper'].path" }, line: 1, column: 1, endColumn: 42 }],
    },
    {
      filename: TS_FUNCTION,
      code: "import { y } from '../utils/y';\nexport const z = y;",
      output: null,
      errors: [{ messageId: 'notDeployed', data: { subject: "`import … from '../utils/y'` (compiled to `require()`)", target: '`src/utils/y.ts`', reason: 'is outside the Functions and assets folders', assets: 'src/assets', functions: 'src/functions' }, line: 1, column: 1 }],
    },
    {
      filename: TS_FUNCTION,
      code: "const helper = require('./helper.private');",
      output: "const helper = require(Runtime.getFunctions()['helper'].path);",
      errors: [{ messageId: 'function', line: 1, column: 16 }],
    },
  ],
});
