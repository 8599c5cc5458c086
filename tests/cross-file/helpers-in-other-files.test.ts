// Handlers of a Flex-shaped project judged by what their helpers in other files do: a wrapper in
// functions/common/helpers/*.private.js, handlers wrapped by it, a guard helper loaded through
// Runtime.getFunctions(), and twilio-flex-token-validator's functionValidator.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import noCodeAfterCallback from '../../src/rules/no-code-after-callback.js';
import requireCallback from '../../src/rules/require-callback.js';
import requireCatchCallback from '../../src/rules/require-catch-callback.js';
import { runWithBothParsers } from '../rule-testers.js';

const PROJECT = resolve(import.meta.dirname, '../fixtures/flex-project');
const GUARDS_FILE = 'functions/common/helpers/guards.private.js';

function fixture(path: string): { filename: string; code: string } {
  const filename = join(PROJECT, path);
  return { filename, code: readFileSync(filename, 'utf8') };
}

/** A handler written inline, linted as if it were a Function of the project (its helpers are read from disk). */
function inProject(code: string, path = 'functions/inline.js'): { filename: string; code: string } {
  return { filename: join(PROJECT, path), code };
}

const TIMEOUT_ENDS = { name: 'callback', exit: 'The handler can end here' };
const RUNNER = "const { prepareFlexFunction, prepareStudioFunction } = require(Runtime.getFunctions()['common/helpers/runner'].path);\n";

runWithBothParsers('require-callback: helpers in other files', requireCallback, {
  valid: [
    // The wrapper's `.catch` (through functionValidator) answers the handler's `throw`.
    fixture('functions/flex/update-task.js'),
    fixture('functions/flex/validated.js'),
    // Awaited in a `try` whose `catch` answers.
    fixture('functions/studio/lookup.js'),
    // A wrapper that hands the handler to a same-file runner inside functionValidator: the validator's `.catch` answers.
    inProject(`${RUNNER}exports.handler = prepareFlexFunction(['taskSid'], async (context, event, callback, response) => {\n  if (!event.taskSid) throw new Error('no task');\n  return callback(null, response);\n});`),
    // A helper that always answers, as the handler's last word.
    inProject("const { ok } = require(Runtime.getFunctions()['common/helpers/guards'].path);\nexports.handler = (context, event, callback) => ok(context, event, callback);"),
    // The guard answered on the branch that returns; the other branch answers itself.
    inProject(
      "const guards = require(Runtime.getFunctions()['common/helpers/guards'].path);\nexports.handler = (context, event, callback) => {\n  if (!guards.hasToken(context, event, callback)) return;\n  callback(null, 'OK');\n};",
    ),
    // The same helper through a relative require.
    inProject("const { ok } = require('./common/helpers/guards.private');\nexports.handler = (context, event, callback) => ok(context, event, callback);"),
    // A missing or unparsable helper is trusted, as an unknown package is.
    inProject("const { audit } = require('./common/helpers/missing');\nexports.handler = (context, event, callback) => audit(context, event, callback);"),
    inProject("const { audit } = require('../package.json');\nexports.handler = (context, event, callback) => audit(context, event, callback);"),
    // A file that requires itself is not summarised from disk (no cycle), and nothing crashes.
    inProject("const self = require('./guards.private');\nexports.handler = (context, event, callback) => self.audit(context, event, callback);", GUARDS_FILE),
    // A callback handed in a position the summary does not cover is trusted.
    inProject("const { reply } = require('./common/helpers/guards.private');\nexports.handler = (context, event, callback) => reply(event, callback);"),
  ],
  invalid: [
    {
      // The same runner without the validator: nobody catches the handler's rejection.
      ...inProject(`${RUNNER}exports.handler = prepareStudioFunction(['taskSid'], async (context, event, callback, response) => {\n  if (!event.taskSid) throw new Error('no task');\n  return callback(null, response);\n});`),
      errors: [{ messageId: 'rejectedOnPath', data: { name: 'callback', subject: 'the async handler' }, line: 3, column: 23 }],
    },
    {
      // `ok` never reads its first parameter: a callback handed there is never called.
      ...inProject("const { ok } = require('./common/helpers/guards.private');\nexports.handler = (context, event, callback) => ok(callback, event, context);"),
      errors: [{ messageId: 'missingOnPath', data: TIMEOUT_ENDS, line: 2, column: 49 }],
    },
    {
      ...fixture('functions/guarded.js'),
      errors: [
        { messageId: 'helperMissingOnPath', data: { function: 'reply', file: GUARDS_FILE, line: '15' }, line: 7, column: 12 },
        { messageId: 'missingOnPath', data: TIMEOUT_ENDS, line: 15, column: 1 },
      ],
    },
    {
      ...fixture('functions/studio/open.js'),
      errors: [{ messageId: 'rejectedOnPath', data: { name: 'callback', subject: 'the async handler' }, line: 6, column: 17 }],
    },
    {
      // The guard's other branch: it did not answer, and neither does the handler.
      ...inProject(
        "const { hasToken } = require(Runtime.getFunctions()['common/helpers/guards'].path);\nexports.handler = (context, event, callback) => {\n  if (!hasToken(context, event, callback)) {\n    return;\n  }\n  console.log(event);\n};",
      ),
      errors: [{ messageId: 'missingOnPath', data: TIMEOUT_ENDS, line: 7, column: 1 }],
    },
    {
      // A helper that never reads the callback, as the handler's last word.
      ...inProject("const helpers = require(Runtime.getFunctions()['common/helpers/guards'].path);\nexports.handler = function (context, event, callback) {\n  return helpers.audit(context, event, callback);\n};"),
      errors: [{ messageId: 'missingOnPath', data: { name: 'callback', exit: 'This `return` ends the handler' }, line: 3, column: 3 }],
    },
  ],
});

runWithBothParsers('no-code-after-callback: a private asset that answers', noCodeAfterCallback, {
  valid: [
    fixture('functions/status.js'),
    inProject("const { respond } = require(Runtime.getAssets()['/respond.js'].path);\nexports.handler = (context, event, callback) => {\n  respond(callback, { ok: true });\n};"),
  ],
  invalid: [
    {
      ...inProject("const { respond } = require(Runtime.getAssets()['/respond.js'].path);\nexports.handler = (context, event, callback) => {\n  respond(callback, { ok: true });\n  callback(null);\n};"),
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'callback', line: 3 },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'respond', line: 3 },
              output: "const { respond } = require(Runtime.getAssets()['/respond.js'].path);\nexports.handler = (context, event, callback) => {\n  return respond(callback, { ok: true });\n  callback(null);\n};",
            },
          ],
        },
      ],
    },
  ],
});

const TASKS = "const tasks = require(Runtime.getFunctions()['common/helpers/tasks'].path);\n";

runWithBothParsers('require-catch-callback: helpers in other files', requireCatchCallback, {
  valid: [
    // A helper that catches its request's rejection itself.
    inProject(`${TASKS}exports.handler = async (context, event, callback) => {\n  const task = await tasks.findTask(context, event.taskSid);\n  return callback(null, task && task.sid);\n};`),
    // Awaited in a try whose catch answers.
    inProject(`${TASKS}exports.handler = async (context, event, callback) => {\n  try {\n    return callback(null, (await tasks.fetchTask(context, event.taskSid)).sid);\n  } catch (error) {\n    return callback(error);\n  }\n};`),
    // The handler named by a binding, wrapped by functionValidator.
    inProject(`${TASKS}const TokenValidator = require('twilio-flex-token-validator').functionValidator;\nconst main = async (context, event, callback) => {\n  const task = await tasks.fetchTask(context, event.taskSid);\n  return callback(null, task.sid);\n};\nexports.handler = TokenValidator(main);`),
    fixture('functions/flex/update-task.js'),
    fixture('functions/flex/validated.js'),
    fixture('functions/studio/lookup.js'),
  ],
  invalid: [
    {
      ...fixture('functions/studio/open.js'),
      errors: [{ messageId: 'unguardedAwait', data: { name: 'callback', others: '', through: '' }, line: 5, column: 19 }],
    },
    {
      // The helper returns the request's Promise: its rejection reaches this unguarded await.
      ...inProject(`${TASKS}exports.handler = async (context, event, callback) => {\n  const task = await tasks.fetchTask(context, event.taskSid);\n  return callback(null, task.sid);\n};`),
      errors: [{ messageId: 'unguardedAwait', data: { name: 'callback', others: '', through: '' }, line: 3, column: 16 }],
    },
  ],
});

runWithBothParsers('no-code-after-callback: helpers in other files', noCodeAfterCallback, {
  valid: [
    fixture('functions/flex/update-task.js'),
    // The guard answers on the branch that returns only.
    inProject(
      "const { hasToken } = require(Runtime.getFunctions()['common/helpers/guards'].path);\nexports.handler = (context, event, callback) => {\n  if (!hasToken(context, event, callback)) return;\n  callback(null, 'OK');\n};",
    ),
  ],
  invalid: [
    {
      ...fixture('functions/guarded.js'),
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'callback', line: 10 },
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'ok', line: 10 },
              output: fixture('functions/guarded.js').code.replace('    ok(context, event, callback);', '    return ok(context, event, callback);'),
            },
          ],
        },
      ],
    },
  ],
});
