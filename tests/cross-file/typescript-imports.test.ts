// A TypeScript project (src/functions/*.ts compiled with module commonjs) loads its helpers with `import … from`,
// `import x = require(…)` and `require(Runtime.getFunctions()[key].path)`: each is followed the way a relative
// `require` is, resolved as the TypeScript compiler would (`.ts`, then `/index.ts`).
import { join, resolve } from 'node:path';

import requireCallback from '../../src/rules/require-callback.js';
import requireCatchCallback from '../../src/rules/require-catch-callback.js';
import { runWithTypeScriptParser } from '../rule-testers.js';
import { HANDLER } from './wrapped-handler.js';

const PROJECT = resolve(import.meta.dirname, '../fixtures/flex-ts-project');

/** A Function of the project: its import on line 1, `export const handler = <wrap>(HANDLER)` from line 3 (`await` on line 5, `throw` on line 6). */
function wrapped(importLine: string, wrap: string): { name: string; filename: string; code: string } {
  return { name: `${importLine} → ${wrap}`, filename: join(PROJECT, 'src/functions/inline.ts'), code: `${importLine}\n\nexport const handler = ${wrap}(${HANDLER});` };
}

function inProject(code: string): { name: string; filename: string; code: string } {
  return { name: code.split('\n')[0]!, filename: join(PROJECT, 'src/functions/inline.ts'), code };
}

/** Wrappers that catch the handler's rejection and answer. */
const CATCHING = [
  wrapped("import { withErrors } from '../helpers/wrap';", 'withErrors'),
  wrapped("import * as wrappers from '../helpers/wrap';", 'wrappers.withErrors'),
  wrapped("import withErrors from '../helpers/wrap';", 'withErrors'),
  wrapped("import { withErrors as safely } from '../helpers/wrap.js';", 'safely'),
  wrapped("import catchErrors = require('../helpers/errors');", 'catchErrors'),
  wrapped("const { withErrors } = require('../helpers/wrap');", 'withErrors'),
  wrapped("const { validated } = require(Runtime.getFunctions()['common/validator'].path);", 'validated'),
  wrapped("import { functionValidator } from 'twilio-flex-token-validator';", 'functionValidator'),
  // A wrapper of the helper file that catches, around wrappers the helper imports (not read: they pass the Promise on).
  wrapped("import { withApp } from '../helpers/app';", 'withApp'),
  wrapped("import { withTimedApp } from '../helpers/app';", 'withTimedApp'),
  wrapped("import { withContextOutside } from '../helpers/app';", 'withContextOutside'),
];

const ESCAPING = [
  wrapped("import { passThrough } from '../helpers/wrap';", 'passThrough'),
  // The same stack whose outermost wrapper of the helper file does not catch.
  wrapped("import { withBareApp } from '../helpers/app';", 'withBareApp'),
];

runWithTypeScriptParser('require-callback: TypeScript imports of project files', requireCallback, {
  valid: [
    ...CATCHING,
    // An `index.ts` that always answers, as the handler's last word.
    inProject("import { ok } from '../helpers/responses';\n\nexport const handler = (context, event, callback) => ok(callback);"),
    // Only a type comes from the file: nothing is followed, nothing crashes.
    inProject("import type { Callback } from '../helpers/types';\n\nexport const handler = (context, event, callback: Callback) => callback(null, 'OK');"),
    // A file that is not there is trusted.
    inProject("import { audit } from '../helpers/missing';\n\nexport const handler = (context, event, callback) => audit(context, event, callback);"),
  ],
  invalid: [
    ...ESCAPING.map((test) => ({
      ...test,
      errors: [{ messageId: 'rejectedOnPath' as const, data: { name: 'callback', subject: 'the async handler' }, line: 6, column: 14 }],
    })),
    {
      ...inProject("import { reply } from '../helpers/responses';\n\nexport const handler = (context, event, callback) => {\n  reply(callback, event.Body);\n};"),
      errors: [
        { messageId: 'helperMissingOnPath', data: { function: 'reply', file: 'src/helpers/responses/index.ts', line: '6' }, line: 4, column: 3 },
      ],
    },
  ],
});

runWithTypeScriptParser('require-catch-callback: TypeScript imports of project files', requireCatchCallback, {
  valid: CATCHING,
  invalid: ESCAPING.map((test) => ({ ...test, errors: [{ messageId: 'unguardedAwait' as const, data: { name: 'callback', others: '', through: '' }, line: 5, column: 16 }] })),
});
