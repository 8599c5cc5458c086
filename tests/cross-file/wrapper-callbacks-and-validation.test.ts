// Wrappers of other project files that hand the wrapped handler a callback of their own (inline, a local
// function, made by a factory), that turn its result into a Promise with `Promise.resolve`, and that call
// twilio-flex-token-validator's `validator` themselves, stored and chained or awaited in a `try`.
import { join, resolve } from 'node:path';

import callbackErrorFirst from '../../src/rules/callback-error-first.js';
import noFloatingPromises from '../../src/rules/no-floating-promises.js';
import requireCallback from '../../src/rules/require-callback.js';
import requireCatchCallback from '../../src/rules/require-catch-callback.js';
import { runWithBothParsers } from '../rule-testers.js';
import { HANDLER } from './wrapped-handler.js';

const PROJECT = resolve(import.meta.dirname, '../fixtures/flex-project');

/** A Function that requires `helper` as `wrappers` and exports `HANDLER` wrapped by `wrappers.<name>`: its `await` is on line 5, its `throw` on line 6. */
function wrapped(helper: string, name: string): { name: string; filename: string; code: string } {
  const code = `const wrappers = require(Runtime.getFunctions()['common/helpers/${helper}'].path);\n\nexports.handler = wrappers.${name}(${HANDLER});`;
  return { name: `${helper}: ${name}`, filename: join(PROJECT, 'functions/inline.js'), code };
}

const REJECTED = { messageId: 'rejectedOnPath', data: { name: 'callback', subject: 'the async handler' }, line: 6, column: 14 } as const;
const UNGUARDED = { messageId: 'unguardedAwait', data: { name: 'callback', others: '', through: '' }, line: 5, column: 16 } as const;

const CATCHING = [
  wrapped('wrapped-callback', 'logged'),
  wrapped('wrapped-callback', 'timed'),
  wrapped('promise-resolve', 'resolved'),
  wrapped('promise-resolve', 'resolvedThen'),
  wrapped('token-check', 'checked'),
  wrapped('token-check', 'awaited'),
];

const ESCAPING = [
  wrapped('wrapped-callback', 'audited'),
  wrapped('promise-resolve', 'resolvedBare'),
  wrapped('promise-resolve', 'resolvedThenBare'),
  wrapped('promise-resolve', 'resolvedLogged'),
  wrapped('token-check', 'checkedFirst'),
  wrapped('token-check', 'awaitedFirst'),
];

const WRAPPER_FILE = 'functions/common/helpers/wrapped-callback.private.js';

/**
 * A wrapper whose own callback calls the runtime's on some paths only: the handler's answer can be lost there,
 * reported once at the wrapper call (line 3). It still catches the handler's rejection.
 */
const LOSING = [
  { ...wrapped('wrapped-callback', 'quiet'), function: 'wrappers.quiet', line: '39', column: 19 },
  { ...wrapped('wrapped-callback', 'dropping'), function: 'wrappers.dropping', line: '47', column: 19 },
];

runWithBothParsers('require-callback: wrapped callbacks, Promise.resolve, token validation', requireCallback, {
  valid: CATCHING,
  invalid: [
    ...ESCAPING.map((test) => ({ ...test, errors: [REJECTED] })),
    ...LOSING.map(({ function: name, line, column, ...test }) => ({
      ...test,
      errors: [{ messageId: 'wrapperLosesAnswer' as const, data: { function: name, file: WRAPPER_FILE, line }, line: 3, column }],
    })),
  ],
});

runWithBothParsers('require-catch-callback: wrapped callbacks, Promise.resolve, token validation', requireCatchCallback, {
  valid: [...CATCHING, ...LOSING.map(({ name, filename, code }) => ({ name, filename, code }))],
  invalid: ESCAPING.map((test) => ({ ...test, errors: [UNGUARDED] })),
});

/** A handler that calls twilio-flex-token-validator's `validator` itself, bound as the README binds it. */
function validating(body: string, binding = "const TokenValidator = require('twilio-flex-token-validator').validator;"): { filename: string; code: string } {
  return { filename: join(PROJECT, 'functions/inline.js'), code: `${binding}\n\nexports.handler = ${body};` };
}

const AWAITED_IN_TRY = [
  'async (context, event, callback) => {',
  '  try {',
  '    await TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN);',
  '  } catch (error) {',
  '    return callback(null, { status: 403, error: String(error) });',
  '  }',
  "  return callback(null, 'valid');",
  '}',
].join('\n');

const STORED_AND_CHAINED = [
  '(context, event, callback) => {',
  '  const validation = TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN);',
  "  validation.then(() => callback(null, 'valid')).catch((error) => callback(null, { status: 403, error: String(error) }));",
  '}',
].join('\n');

const UNCAUGHT_CHAIN = validating(STORED_AND_CHAINED.replace(".catch((error) => callback(null, { status: 403, error: String(error) }))", ''));

runWithBothParsers('require-catch-callback: twilio-flex-token-validator validator in the handler', requireCatchCallback, {
  valid: [
    validating(AWAITED_IN_TRY),
    validating(STORED_AND_CHAINED),
    validating(AWAITED_IN_TRY.replaceAll('TokenValidator(', 'validator('), "const { validator } = require('twilio-flex-token-validator');"),
  ],
  invalid: [
    {
      // The validation rejects whenever the token is not valid: unguarded, nobody answers it.
      ...validating("async (context, event, callback) => {\n  await TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN);\n  return callback(null, 'valid');\n}"),
      errors: [{ messageId: 'unguardedAwait', data: { name: 'callback', others: '', through: '' }, line: 4, column: 3 }],
    },
    {
      // Stored, then chained without a `.catch`: a token that is not valid leaves the request open.
      ...UNCAUGHT_CHAIN,
      errors: [
        {
          messageId: 'missingCatch',
          data: { name: 'callback' },
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name: 'callback' },
              output: UNCAUGHT_CHAIN.code.replace("callback(null, 'valid'))", "callback(null, 'valid')).catch((error) => callback(error))"),
            },
          ],
        },
      ],
    },
  ],
});

/** A handler of `withResponse`, which passes the runtime's callback fourth: `done` is the callback, `response` is not. */
function fourth(body: string[]): { filename: string; code: string } {
  const code = [
    "const { withResponse } = require(Runtime.getFunctions()['common/helpers/callback-fourth'].path);",
    '',
    'exports.handler = withResponse(async (context, event, response, done) => {',
    ...body,
    '});',
  ].join('\n');
  return { filename: join(PROJECT, 'functions/inline.js'), code };
}

const FETCH_AND_ANSWER = [
  '  const call = await context.getTwilioClient().calls(event.callSid).fetch();',
  "  if (!call) throw new Error('no such call');",
  '  response.setBody(call.status);',
  '  return done(null, response);',
];

runWithBothParsers('require-callback: a wrapper that passes the callback fourth', requireCallback, {
  valid: [fourth(FETCH_AND_ANSWER)],
  invalid: [
    {
      ...fourth(['  if (!event.callSid) return;', ...FETCH_AND_ANSWER]),
      errors: [{ messageId: 'missingOnPath', data: { name: 'done', exit: 'This `return` ends the handler' }, line: 4, column: 23 }],
    },
    {
      ...fourth(['  response.setBody(event.callSid);']),
      errors: [{ messageId: 'missing', data: { name: 'done' }, line: 3, column: 71 }],
    },
  ],
});

runWithBothParsers('require-catch-callback: a wrapper that passes the callback fourth', requireCatchCallback, {
  valid: [fourth(FETCH_AND_ANSWER)],
  invalid: [],
});

const FLOATING_VALIDATION = validating(
  "(context, event, callback) => {\n  TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN);\n  return callback(null, 'queued');\n}",
);

runWithBothParsers('no-floating-promises: twilio-flex-token-validator validator', noFloatingPromises, {
  valid: [],
  invalid: [
    {
      ...FLOATING_VALIDATION,
      errors: [
        {
          messageId: 'floating',
          data: { producer: 'a Flex token validation', answer: '`callback()` on line 5', name: 'callback' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: FLOATING_VALIDATION.code.replace(
                "  TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN);\n  return callback(null, 'queued');",
                "  return TokenValidator(event.Token, context.ACCOUNT_SID, context.AUTH_TOKEN).then(() => callback(null, 'queued')).catch((error) => callback(error));",
              ),
            },
          ],
        },
      ],
    },
  ],
});

runWithBothParsers('callback-error-first: a wrapper that passes the callback fourth', callbackErrorFirst, {
  // `response` sits where the callback usually is: a call of it is no callback call.
  valid: [fourth(['  const twiml = new Twilio.twiml.MessagingResponse();', '  response(twiml);', '  return done(null, twiml);'])],
  invalid: [
    {
      ...fourth(['  const twiml = new Twilio.twiml.MessagingResponse();', '  return done(twiml);']),
      output: fourth(['  const twiml = new Twilio.twiml.MessagingResponse();', '  return done(null, twiml);']).code,
      errors: [{ messageId: 'responseAsError', data: { name: 'done', object: 'a TwiML document', argument: 'twiml' }, line: 5, column: 15 }],
    },
  ],
});
