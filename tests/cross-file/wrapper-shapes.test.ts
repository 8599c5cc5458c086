// The shapes real Flex and contact-centre projects write their handler wrappers in, each in a helper file of the
// fixture project: a wrapper that catches the handler's rejection and answers makes a `throw` after an `await`
// fine; one that does not leaves it reported.
import { join, resolve } from 'node:path';

import requireCallback from '../../src/rules/require-callback.js';
import requireCatchCallback from '../../src/rules/require-catch-callback.js';
import { runWithBothParsers } from '../rule-testers.js';
import { HANDLER } from './wrapped-handler.js';

const PROJECT = resolve(import.meta.dirname, '../fixtures/flex-project');

function helper(name: string): string {
  return `Runtime.getFunctions()['common/helpers/${name}'].path`;
}

/**
 * A Function whose first line requires the wrapper and whose handler is `wrapped` with `HANDLER` for `%`, written
 * inline (`exports.handler = wrap(async (…) => …)`) or through a binding (`const main = …; exports.handler = wrap(main)`):
 * either way its `await` is on line 5 (column 16) and its `throw` on line 6 (column 14).
 */
function wrapped(requireLine: string, wrapped: string, through: 'inline' | 'binding'): { name: string; filename: string; code: string } {
  const code =
    through === 'inline'
      ? `${requireLine}\n\nexports.handler = ${wrapped.replace('%', HANDLER)};`
      : `${requireLine}\n\nconst main = ${HANDLER};\nexports.handler = ${wrapped.replace('%', 'main')};`;
  const name = `${wrapped} (${through}) from ${/helpers\/([\w-]+)/.exec(requireLine)?.[1] ?? requireLine}`;
  return { name, filename: join(PROJECT, 'functions/inline.js'), code };
}

const PREPARE = `const { prepare } = require(${helper('validator-prepare')});`;
const WITH_AUTH = `const withAuth = require(${helper('with-auth')});`;
const SHORTHAND = `const wrappers = require(${helper('wrap-shorthand')});`;
const REEXPORT = `const { validated, validatedWith, validatedTwice, middleware } = require(${helper('validator-reexport')});`;
const VALIDATOR_MODULE = `const validate = require(${helper('validator-module')});`;
const EXPORTED_RUNNER = `const runner = require(${helper('exported-runner')});`;
const APP_STACK = `const stack = require(${helper('app-stack')});`;

/** Wrappers that catch the handler's rejection and answer. */
const CATCHING = [
  wrapped(PREPARE, "prepare(['callSid'], %)", 'inline'),
  wrapped(PREPARE, "prepare(['callSid'], %)", 'binding'),
  wrapped(WITH_AUTH, 'withAuth(%)', 'inline'),
  wrapped(WITH_AUTH, 'withAuth(%)', 'binding'),
  wrapped(SHORTHAND, 'wrappers.wrap(%)', 'inline'),
  wrapped(SHORTHAND, 'wrappers.wrapThen(%)', 'binding'),
  wrapped(REEXPORT, 'validated(%)', 'inline'),
  wrapped(REEXPORT, "validatedWith(['callSid'], %)", 'binding'),
  wrapped(REEXPORT, 'validatedTwice(%)', 'inline'),
  wrapped(VALIDATOR_MODULE, 'validate(%)', 'inline'),
  wrapped(EXPORTED_RUNNER, "runner.prepareFlexFunction(['callSid'], %)", 'inline'),
  wrapped(APP_STACK, 'stack.withApp(%)', 'inline'),
  wrapped(APP_STACK, 'stack.withApp(%)', 'binding'),
];

/** Wrappers whose handler's rejection escapes. */
const ESCAPING = [
  wrapped(SHORTHAND, 'wrappers.wrapFloating(%)', 'inline'),
  wrapped(SHORTHAND, 'wrappers.wrapAwaited(%)', 'binding'),
  wrapped(REEXPORT, 'middleware(%)', 'inline'),
  wrapped(EXPORTED_RUNNER, "runner.prepareStudioFunction(['callSid'], %)", 'binding'),
  wrapped(APP_STACK, 'stack.withLoggedApp(%)', 'inline'),
];

const REJECTED = { messageId: 'rejectedOnPath', data: { name: 'callback', subject: 'the async handler' }, line: 6, column: 14 } as const;
const UNGUARDED = { messageId: 'unguardedAwait', data: { name: 'callback', others: '', through: '' }, line: 5, column: 16 } as const;

runWithBothParsers('require-callback: wrapper shapes in other files', requireCallback, {
  valid: CATCHING,
  invalid: ESCAPING.map((test) => ({ ...test, errors: [REJECTED] })),
});

runWithBothParsers('require-catch-callback: wrapper shapes in other files', requireCatchCallback, {
  valid: CATCHING,
  invalid: ESCAPING.map((test) => ({ ...test, errors: [UNGUARDED] })),
});
