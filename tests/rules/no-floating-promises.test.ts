import rule from '../../src/rules/no-floating-promises.js';
import { runWithBothParsers } from '../rule-testers.js';

const floating = (line: number, column: number, endColumn: number, producer: string, answer: string) => ({
  messageId: 'floating' as const,
  line,
  column,
  endLine: line,
  endColumn,
  data: { producer, answer, name: 'callback' },
});

const continuation = (line: number, column: number, endColumn: number, producer: string, answer: string) => ({
  messageId: 'floatingContinuation' as const,
  line,
  column,
  endLine: line,
  endColumn,
  data: { producer, answer, name: 'callback' },
});

runWithBothParsers('no-floating-promises', rule, {
  valid: [
    // Node-style work that answers in its own function, or that answers before anything else starts.
    `exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To, body: 'hi' }, (error, message) => {
    if (error) return callback(error);
    callback(null, message.sid);
  });
};`,
    `exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  if (!event.To) return callback(null, 'nothing to do');
  client.messages.create({ to: event.To, body: 'hi' }, (error) => callback(error, 'sent'));
};`,
    // A node-style call of something unknown is not taken for work.
    `exports.handler = function (context, event, callback) {
  event.items.sort((a, b) => a - b);
  helper.run(event, (error) => console.log(error));
  callback(null, 'ok');
};`,
    // An async function with no await and no returned value runs synchronously: it only collects the requests,
    // and they are awaited together.
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const sends = [];
  event.numbers.forEach(async (to) => {
    sends.push(client.messages.create({ to, body: 'hi' }));
  });
  event.numbers.map(async (to) => {
    console.log('queued', to);
  });
  await Promise.all(sends);
  callback(null, 'sent');
};`,
    // The FAQ's proper examples: the callback runs in the chain's continuation, or after the await.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages
    .create({ body: 'hi', to: event.toNumber, from: event.fromNumber })
    .then((message) => {
      return callback(null, \`Success! Message SID: \${message.sid}\`);
    });
};`,
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const message = await client.messages.create({ body: 'hi', to: event.toNumber, from: event.fromNumber });
  return callback(null, \`Success! Message SID: \${message.sid}\`);
};`,
    // .then(cb).catch(cb), node-style callbacks, Promise.all over stored Promises, awaited map.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To }).then((m) => callback(null, m.sid)).catch(callback);
};`,
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls(event.CallSid).update({ status: 'completed' }, (error) => {
    if (error) return callback(error);
    return callback(null, 'done');
  });
};`,
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  const calls = [client.calls.create({ to: event.A }), client.calls.create({ to: event.B })];
  Promise.all(calls).then(() => callback(null, 'ok')).catch(callback);
};`,
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const sends = event.numbers.map(async (to) => client.messages.create({ to, body: event.Body }));
  await Promise.all(sends);
  callback(null, 'sent');
};`,
    // Stored, then awaited before the callback.
    `exports.handler = async (context, event, callback) => {
  const sending = context.getTwilioClient().messages.create({ to: event.To });
  const other = await fetch('https://example.com');
  await sending;
  callback(null, other.status);
};`,
    // A Promise started after the callback is no-code-after-callback's finding.
    `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  context.getTwilioClient().messages.create({ body: 'late' });
};`,
    // An unknown call is not taken for a Promise without the option or types.
    `exports.handler = (context, event, callback) => {
  mailer.send(event.Email);
  callback(null, 'ok');
};`,
    // allowVoid
    {
      code: `exports.handler = async (context, event, callback) => {
  void fetch('https://example.com/ping');
  callback(null, 'ok');
};`,
      options: [{ allowVoid: true }],
    },
    // A Promise handed to an unknown function is assumed handled there.
    `exports.handler = (context, event, callback) => {
  track(fetch('https://example.com'));
  callback(null, 'ok');
};`,
    // The answer runs inside the Promise's own arguments.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().conferences.each({ status: 'in-progress' }, (conference) => callback(null, conference.sid));
};`,
    // A same-file function that waits for the Promise it is given.
    `exports.handler = async (context, event, callback) => {
  await record(fetch('https://example.com/log'));
  callback(null, 'ok');
};
async function record(promise) {
  await promise;
}`,
    // new Promise with an executor that starts nothing.
    `exports.handler = (context, event, callback) => {
  const never = new Promise(() => null);
  callback(null, 'ok');
};`,
    // A throw between starting and awaiting is not a path worth a report.
    `exports.handler = async (context, event, callback) => {
  try {
    const tasks = [fetch('https://a.example'), fetch('https://b.example')];
    await Promise.all(tasks);
    return callback(null, 'ok');
  } catch (error) {
    return callback(error);
  }
};`,
  ],
  invalid: [
    // Node-style work whose own function does not answer, then the answer: the work is cut off (no suggestion:
    // there is no Promise to await). Twilio REST, Airtable and SendGrid.
    {
      code: `exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  client.calls.create({ to: event.To, from: context.FROM, url: context.URL }, (error) => {
    if (error) console.error(error);
  });
  callback(null, 'calling');
};`,
      errors: [continuation(3, 3, 22, 'a Twilio REST call', '`callback()` on line 6')],
    },
    {
      code: `const Airtable = require('airtable');
const sgMail = require('@sendgrid/mail');
exports.handler = function (context, event, callback) {
  const base = new Airtable({ apiKey: context.AIRTABLE_KEY }).base(context.AIRTABLE_BASE);
  base('Jobs').update([{ id: event.Id, fields: { done: true } }], function (err) {
    if (err) console.error(err);
  });
  sgMail.send({ to: event.Email, from: context.FROM_EMAIL, text: 'Done' }, false, (err) => console.log(err));
  return callback(null, 'ok');
};`,
      errors: [
        continuation(5, 3, 22, 'an Airtable request', '`callback()` on line 9'),
        continuation(8, 3, 14, 'a SendGrid request', '`callback()` on line 9'),
      ],
    },
    // The FAQ's improper example.
    {
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages.create({ body: 'hi', to: toNumber, from: fromNumber });
  return callback(null, 'success');
};`,
      errors: [
        {
          ...floating(3, 3, 25, 'a Twilio REST call', '`callback()` on line 4'),
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  return client.messages.create({ body: 'hi', to: toNumber, from: fromNumber }).then(() => callback(null, 'success')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    // A Promise handed to a function of this file is followed: this one never waits for it.
    {
      code: `exports.handler = (context, event, callback) => {
  record(fetch('https://example.com/log'));
  callback(null, 'ok');
};
function record(promise) {
  console.log('recorded', typeof promise);
}`,
      errors: [floating(2, 10, 15, 'an HTTP request', '`callback()` on line 3')],
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const sending = client.messages.create({ body: 'hi', to: event.To });
  const logging = fetch('https://example.com/log', { method: 'POST' });
  await sending;
  return callback(null, 'sent');
};`,
      errors: [floating(4, 19, 24, 'an HTTP request', '`callback()` on line 6')],
    },
    // An Anthropic client's request started and left behind.
    {
      code: `const Anthropic = require('@anthropic-ai/sdk');
exports.handler = async (context, event, callback) => {
  const anthropic = new Anthropic({ apiKey: context.ANTHROPIC_API_KEY });
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: event.Body }] });
  return callback(null, 'thinking');
};`,
      errors: [
        {
          ...floating(4, 3, 28, 'an Anthropic request', '`callback()` on line 5'),
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const Anthropic = require('@anthropic-ai/sdk');
exports.handler = async (context, event, callback) => {
  const anthropic = new Anthropic({ apiKey: context.ANTHROPIC_API_KEY });
  await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: event.Body }] });
  return callback(null, 'thinking');
};`,
            },
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `const Anthropic = require('@anthropic-ai/sdk');
exports.handler = async (context, event, callback) => {
  const anthropic = new Anthropic({ apiKey: context.ANTHROPIC_API_KEY });
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: event.Body }] }).then(() => callback(null, 'thinking')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    // Awaited only after the callback: the report is at the Promise, not the await.
    {
      code: `exports.handler = async (context, event, callback) => {
  const sending = context.getTwilioClient().messages.create({ body: 'hi', to: event.To });
  callback(null, 'sent');
  await sending;
};`,
      errors: [floating(2, 19, 60, 'a Twilio REST call', '`callback()` on line 3')],
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  event.numbers.forEach(async (to) => {
    await client.messages.create({ to, body: event.Body });
  });
  callback(null, 'queued');
};`,
      errors: [{ messageId: 'floatingForEach', line: 3, column: 3, endLine: 3, endColumn: 24, data: { answer: '`callback()` on line 6' } }],
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const sends = event.numbers.map(async (to) => context.getTwilioClient().messages.create({ to }));
  callback(null, 'queued');
};`,
      errors: [floating(2, 17, 34, '`map(async …)`', '`callback()` on line 3')],
    },
    // void is still cut off; the suggestion turns it into await.
    {
      code: `exports.handler = async (context, event, callback) => {
  void fetch('https://example.com/ping');
  callback(null, 'ok');
};`,
      errors: [
        {
          ...floating(2, 8, 13, 'an HTTP request', '`callback()` on line 3'),
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `exports.handler = async (context, event, callback) => {
  await fetch('https://example.com/ping');
  callback(null, 'ok');
};`,
            },
          ],
        },
      ],
    },
    // Started after a continuation that answers was set up: it races the answer.
    {
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.conversations.v1.conversations(event.Sid).messages.create({ body: 'hi' }).then(() => callback(null));
  notifySlack(event);
};
async function notifySlack(event) {
  return event;
}`,
      errors: [floating(4, 3, 14, '`notifySlack()`, an async function', 'the `callback()` in the `then()` callback on line 3')],
    },
    {
      code: `const axios = require('axios');
exports.handler = async (context, event, callback) => {
  axios.post('https://example.com/hook', event);
  const sync = Runtime.getSync({ serviceName: 'default' });
  sync.documents('state').update({ data: event });
  callback(null, 'ok');
};`,
      errors: [
        {
          ...floating(3, 3, 13, 'an HTTP request', '`callback()` on line 6'),
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const axios = require('axios');
exports.handler = async (context, event, callback) => {
  await axios.post('https://example.com/hook', event);
  const sync = Runtime.getSync({ serviceName: 'default' });
  sync.documents('state').update({ data: event });
  callback(null, 'ok');
};`,
            },
          ],
        },
        {
          ...floating(5, 3, 33, 'a Twilio REST call', '`callback()` on line 6'),
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const axios = require('axios');
exports.handler = async (context, event, callback) => {
  axios.post('https://example.com/hook', event);
  const sync = Runtime.getSync({ serviceName: 'default' });
  await sync.documents('state').update({ data: event });
  callback(null, 'ok');
};`,
            },
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `const axios = require('axios');
exports.handler = async (context, event, callback) => {
  axios.post('https://example.com/hook', event);
  const sync = Runtime.getSync({ serviceName: 'default' });
  return sync.documents('state').update({ data: event }).then(() => callback(null, 'ok')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    // The user's own promise-returning calls, by name.
    {
      code: `exports.handler = (context, event, callback) => {
  mailer.send(event.Email);
  callback(null, 'ok');
};`,
      options: [{ promiseCalls: ['mailer.send'] }],
      errors: [
        {
          ...floating(2, 3, 14, '`mailer.send()`', '`callback()` on line 3'),
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `exports.handler = (context, event, callback) => {
  return mailer.send(event.Email).then(() => callback(null, 'ok')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    // Inside a continuation, before its own callback.
    {
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.calls.create({ to: event.To }).then((call) => {
    client.messages.create({ to: event.To, body: call.sid });
    callback(null, call.sid);
  }).catch(callback);
};`,
      errors: [
        {
          ...floating(4, 5, 27, 'a Twilio REST call', '`callback()` on line 5'),
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.calls.create({ to: event.To }).then((call) => {
    return client.messages.create({ to: event.To, body: call.sid }).then(() => callback(null, call.sid)).catch((error) => callback(error));
  }).catch(callback);
};`,
            },
          ],
        },
      ],
    },
    // A same-file receiver that calls back on every path ends the invocation too.
    {
      code: `exports.handler = (context, event, callback) => {
  fetch('https://example.com/audit');
  respond(callback);
};
function respond(done) {
  done(null, 'ok');
}`,
      errors: [
        {
          ...floating(2, 3, 8, 'an HTTP request', '`callback()` on line 3'),
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `exports.handler = (context, event, callback) => {
  return fetch('https://example.com/audit').then(() => respond(callback)).catch((error) => callback(error));
};
function respond(done) {
  done(null, 'ok');
}`,
            },
          ],
        },
      ],
    },
  ],
});
