import rule from '../../src/rules/callback-error-first.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';

const twiml = (name: string, argument: string) => ({ messageId: 'responseAsError' as const, data: { name, object: 'a TwiML document', argument } });

runWithBothParsers('callback-error-first', rule, {
  valid: [
    `exports.handler = (context, event, callback) => {
  const twiml = new Twilio.twiml.VoiceResponse();
  callback(null, twiml);
};`,
    // Plain objects, strings and Errors are legitimate errors.
    `exports.handler = (context, event, callback) => {
  callback({ status: 400, message: 'bad' });
  callback('failed');
  callback(new Error('failed'));
};`,
    // A parameter, or a binding that is assigned something else, may be anything.
    `exports.handler = (context, event, callback) => {
  let twiml = new Twilio.twiml.MessagingResponse();
  if (event.plain) twiml = 'text';
  callback(twiml);
};`,
    `function reply(twiml, callback) { callback(twiml); }
exports.handler = (context, event, callback) => { reply(event, callback); };`,
    // Not the handler's callback.
    `exports.handler = (context, event, callback) => {
  const done = (x) => x;
  done(new Twilio.twiml.VoiceResponse());
  callback(null, 'ok');
};`,
    // A local Twilio is not the runtime's.
    `const Twilio = { twiml: { VoiceResponse: Error } };
exports.handler = (context, event, callback) => { callback(new Twilio.twiml.VoiceResponse()); };`,
    // .catch(callback) is right; .then after a step that resolves to undefined answers 200.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({}).then(() => { console.log('sent'); }).then(callback).catch(callback);
};`,
    `exports.handler = (context, event, callback) => { Promise.resolve(1).then((value) => callback(null, value), callback); };`,
  ],
  invalid: [
    {
      code: `exports.handler = (context, event, callback) => {
  const twiml = new Twilio.twiml.VoiceResponse();
  twiml.say('Hello');
  return callback(twiml);
};`,
      output: `exports.handler = (context, event, callback) => {
  const twiml = new Twilio.twiml.VoiceResponse();
  twiml.say('Hello');
  return callback(null, twiml);
};`,
      errors: [{ ...twiml('callback', 'twiml'), line: 4, column: 19, endColumn: 24 }],
    },
    {
      code: `const { VoiceResponse } = require('twilio').twiml;
exports.handler = function (ctx, evt, done) {
  const response = new VoiceResponse();
  const finish = done;
  finish(response);
};`,
      output: `const { VoiceResponse } = require('twilio').twiml;
exports.handler = function (ctx, evt, done) {
  const response = new VoiceResponse();
  const finish = done;
  finish(null, response);
};`,
      errors: [{ ...twiml('finish', 'response'), line: 5, column: 10 }],
    },
    {
      code: `const VoiceResponse = require('twilio/lib/twiml/VoiceResponse');
exports.handler = (context, event, callback) => { callback(new VoiceResponse()); };`,
      output: `const VoiceResponse = require('twilio/lib/twiml/VoiceResponse');
exports.handler = (context, event, callback) => { callback(null, new VoiceResponse()); };`,
      errors: [{ ...twiml('callback', 'new VoiceResponse()'), line: 2, column: 60 }],
    },
    {
      code: `exports.handler = (context, event, callback) => { callback(new (require('twilio').twiml.MessagingResponse)()); };`,
      output: `exports.handler = (context, event, callback) => { callback(null, new (require('twilio').twiml.MessagingResponse)()); };`,
      errors: [{ messageId: 'responseAsError', line: 1, column: 60 }],
    },
    {
      code: `const twilio = require('twilio');
exports.handler = (context, event, callback) => {
  const response = new Twilio.Response();
  response.setStatusCode(404);
  callback(response);
  const fax = new twilio.twiml.FaxResponse();
  callback(fax, 'extra');
};`,
      // A second argument leaves no safe rewrite: reported without a fix.
      output: `const twilio = require('twilio');
exports.handler = (context, event, callback) => {
  const response = new Twilio.Response();
  response.setStatusCode(404);
  callback(null, response);
  const fax = new twilio.twiml.FaxResponse();
  callback(fax, 'extra');
};`,
      errors: [
        { messageId: 'responseAsError', data: { name: 'callback', object: 'a `Twilio.Response`', argument: 'response' }, line: 5, column: 12 },
        { ...twiml('callback', 'fax'), line: 7, column: 12 },
      ],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ body: 'hi' }).then(callback).catch(callback);
};`,
      output: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ body: 'hi' }).then((result) => callback(null, result)).catch(callback);
};`,
      errors: [{ messageId: 'thenCallback', data: { name: 'callback' }, line: 2, column: 66, endColumn: 74 }],
    },
    {
      code: `exports.handler = (context, event, result) => { fetchAll().then(result, result); };`,
      output: `exports.handler = (context, event, result) => { fetchAll().then((value) => result(null, value), result); };`,
      errors: [{ messageId: 'thenCallback', line: 1, column: 65 }],
    },
    // Names spelled with escapes are still found: the text check that skips most files does not miss them.
    {
      code: String.raw`exports.handler = (context, event, callback) => { const r = new Twilio['Res\x70onse'](); r.setStatusCode(400); callback(r); };`,
      output: String.raw`exports.handler = (context, event, callback) => { const r = new Twilio['Res\x70onse'](); r.setStatusCode(400); callback(null, r); };`,
      errors: [{ messageId: 'responseAsError', data: { name: 'callback', object: 'a `Twilio.Response`', argument: 'r' }, line: 1, column: 121 }],
    },
    // A `Twilio.Response` without a status code would answer 200 once passed second: only a suggestion.
    {
      code: `exports.handler = (context, event, callback) => {
  const response = new Twilio.Response();
  response.setBody({ error: 'not found' });
  callback(response);
};`,
      output: null,
      errors: [
        {
          messageId: 'responseWithoutStatusAsError',
          data: { name: 'callback', argument: 'response' },
          line: 4,
          column: 12,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'passAsResponse',
              data: { name: 'callback', argument: 'response' },
              output: `exports.handler = (context, event, callback) => {
  const response = new Twilio.Response();
  response.setBody({ error: 'not found' });
  callback(null, response);
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (context, event, done) => { done(new Twilio.Response(), 'extra'); };`,
      output: null,
      errors: [{ messageId: 'responseWithoutStatusAsError', data: { name: 'done', argument: 'new Twilio.Response()' }, line: 1, column: 52, suggestions: [] }],
    },
    {
      code: String.raw`exports.handler = (context, event, callback) => { fetchAll()['t\u0068en'](callback); };`,
      output: String.raw`exports.handler = (context, event, callback) => { fetchAll()['t\u0068en']((result) => callback(null, result)); };`,
      errors: [{ messageId: 'thenCallback', line: 1, column: 75 }],
    },
  ],
});

runWithTypeScriptParser('callback-error-first', rule, {
  valid: [],
  invalid: [
    {
      code: `import { twiml } from 'twilio';
export const handler = (context: object, event: object, callback: (error: unknown, response?: unknown) => void) => {
  const reply = new twiml.MessagingResponse() as InstanceType<typeof twiml.MessagingResponse>;
  callback(reply);
};`,
      output: `import { twiml } from 'twilio';
export const handler = (context: object, event: object, callback: (error: unknown, response?: unknown) => void) => {
  const reply = new twiml.MessagingResponse() as InstanceType<typeof twiml.MessagingResponse>;
  callback(null, reply);
};`,
      errors: [{ messageId: 'responseAsError', line: 4, column: 12 }],
    },
  ],
});
