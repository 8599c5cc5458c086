import rule from '../../src/rules/require-catch-callback.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';
import { delegateInTry } from './delegate-in-try.js';

const name = 'callback';

/** A last `.catch` that passes an undeclared `error` instead of its parameter `err`. */
const THROWING_CATCH = `exports.handler = function (context, event, callback) {
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then((message) => callback(null, message.sid))
    .catch((err) => {
      console.error(err);
      callback(error);
    });
};`;

runWithBothParsers('require-catch-callback', rule, {
  valid: [
    // The client is never declared: the call throws a ReferenceError before it starts (a 500 in a plain handler),
    // and its continuation, which ignores its error, never runs.
    `exports.handler = function (context, event, callback) {
  twilioClient.messages.create({ to: event.From, body: 'hi' }, function (err, message) {
    callback(null, message.sid);
  });
};`,
    // A `new Promise` whose executor takes `reject` but never reads it cannot reject (it settles through `resolve`).
    `function updateDocument(context, event) {
  return new Promise(function (resolve, reject) {
    context.getTwilioClient().sync.services(context.SYNC_SID).documents(event.Doc).update({ data: {} })
      .then(() => resolve(true))
      .catch((error) => {
        console.error(error);
        resolve(false);
      });
  });
}
exports.handler = async (context, event, callback) => {
  const updated = await updateDocument(context, event);
  return callback(null, { updated });
};`,
    // An OpenAI request awaited inside a `try` whose `catch` answers; a stream helper's events are no request, and
    // a Promise that only resolves cannot reject.
    `const { OpenAI } = require('openai');
exports.handler = async (context, event, callback) => {
  const openai = new OpenAI({ apiKey: context.OPENAI_API_KEY });
  try {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
    return callback(null, completion.choices[0].message.content);
  } catch (error) {
    return callback(error);
  }
};`,
    `const OpenAI = require('openai');
exports.handler = async (context, event, callback) => {
  const openai = new OpenAI();
  let text = '';
  const runner = openai.beta.chat.completions.stream({ model: 'gpt-4o', messages: [] });
  runner.on('content', (delta) => { text += delta; });
  await new Promise((resolve) => runner.on('end', resolve));
  return callback(null, text);
};`,
    // An async helper that only builds a `Twilio.Response` cannot reject; nor is `chat` on a parameter Twilio's.
    `const makeResponse = async () => {
  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'application/json');
  return response;
};
const complete = async (ai, prompt) => ai.chat.completions.create({ messages: [{ role: 'user', content: prompt }] });
exports.handler = async (context, event, callback) => {
  const response = await makeResponse();
  const answer = await complete(context.ai, event.Body);
  response.setBody({ answer });
  return callback(null, response);
};`,
    // Started before the handler answers synchronously on every path: no answer of its own is needed (that the
    // work is cut off is no-floating-promises' finding).
    `exports.handler = function (context, event, callback) {
  let token = {};
  (async () => {
    token = await fetch('https://example.com/token');
    console.log(token);
  })();
  callback(null, 'ok');
};`,
    // A `.then` after a `.catch` that answers runs after the response: no-code-after-callback reports it (linkAfterCatchCallback).
    `exports.handler = (context, event, callback) => {
  fetch('https://example.com/data')
    .catch((error) => callback(error))
    .then((response) => callback(null, JSON.parse(response.body)));
};`,
    // Node-style continuations that check their error, and callbacks that are no node-style callbacks.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }, (err, message) => {
    if (err) return callback(err);
    callback(null, message.sid);
  });
  setTimeout((tick) => callback(null, tick), 10);
};`,
    `exports.handler = (context, event, callback) => {
  lookup(event.From, (record, extra) => callback(null, record));
};`,
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }).then((m) => callback(null, m.sid)).catch(callback);
};`,
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }).then(callback, (error) => callback(error));
  fetch('https://example.com').then((r) => callback(null, r.status)).catch((error) => callback(error));
  fetch('https://example.com').finally(() => callback(null, 'done'));
};`,
    // A chain that never answers on success is require-callback's concern, not this rule's.
    `exports.handler = (context, event, callback) => {
  fetch('https://example.com').then((r) => console.log(r.status));
  callback(null, 'ok');
};`,
    // A catch that logs and then a .then that answers: the rejection becomes a fulfilment that answers.
    `exports.handler = (context, event, callback) => {
  fetch('https://example.com').catch((error) => console.error(error)).then(() => callback(null, 'ok'));
};`,
    // A returned or awaited chain belongs to whoever waits for it.
    `exports.handler = async (context, event, callback) => {
  try {
    await fetch('https://example.com').then((r) => r.json());
    return callback(null, 'ok');
  } catch (error) {
    return callback(error);
  }
};`,
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  try {
    const message = await client.messages.create({ to: event.To, body: 'hi' });
    return callback(null, message.sid);
  } catch (error) {
    return callback(error);
  }
};`,
    // Awaits that cannot reject.
    `exports.handler = async (context, event, callback) => {
  const results = await Promise.allSettled([fetch('https://a.example'), fetch('https://b.example')]);
  const data = await fetch('https://c.example').catch(() => null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await audit(event);
  return callback(null, results.length);
};
async function audit(event) {
  try {
    await fetch('https://example.com/audit', { body: JSON.stringify(event) });
  } catch (error) {
    console.error(error);
  }
}`,
    // Combinators over Promises that each catch their own rejection, written inline or stored; one over Promises the
    // plugin does not know to reject; and chains whose root settles.
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  await Promise.all(event.numbers.map((to) => client.messages.create({ to, body: 'hi' }).catch((error) => console.error(error))));
  const calls = event.numbers.map((to) => {
    return client.calls.create({ to }).catch(() => null);
  });
  await Promise.all(calls);
  await Promise.all(event.rows.map((row) => store.save(row)));
  return callback(null, 'sent');
};
const store = { save: async (row) => row };`,
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  Promise.all(event.numbers.map((to) => client.messages.create({ to }).catch((error) => console.error(error))))
    .then(() => callback(null, 'sent'));
  Promise.allSettled([fetch('https://a.example')]).then((results) => callback(null, results.length));
};`,
    // A link after a root that cannot reject, doing only bookkeeping: counting, `push`, a `forEach` whose function
    // cannot throw, a `Twilio.Response`'s setters and a TwiML document built there.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  const response = new Twilio.Response();
  const failed = [];
  Promise.allSettled(event.numbers.map((to) => client.lookups.v2.phoneNumbers(to).fetch())).then((results) => {
    results.forEach((result, index) => {
      if (result.status === 'rejected') failed.push(event.numbers[index]);
    });
    const twiml = new Twilio.twiml.MessagingResponse();
    twiml.message(\`\${failed.length} failed\`);
    response.setBody({ failed, twiml: twiml.toString() });
    callback(null, response);
  });
};`,
    // Promise.all over items mapped by a function whose every call catches: no element rejects.
    `exports.handler = async (context, event, callback) => {
  const checks = event.urls.map(async (url) => {
    try {
      return await fetch(url);
    } catch (error) {
      return undefined;
    }
  });
  const results = await Promise.all(checks);
  const again = await Promise.all(event.urls.map(safeFetch));
  return callback(null, results.length + again.length);
};
function safeFetch(url) {
  return fetch(url).catch(() => undefined);
}`,
    // A chain rooted in a same-file async function whose requests each end in a .catch cannot reject; a chain set up
    // before the handler answers synchronously needs no answer of its own (that it is cut off is no-floating-promises').
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  async function notify() {
    await client.messages.create({ to: event.To, body: 'hi' }).catch((error) => console.log(error));
  }
  notify().then(() => callback(null, 'sent'));
};`,
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  for (const to of event.numbers) {
    client.messages.create({ to, body: 'hi' }).then(() => callback(null, 'sent'));
  }
  callback(null, 'queued');
};`,
    // After the callback, a rejection changes nothing: the response is sent.
    `exports.handler = async (context, event, callback) => {
  callback(null, 'accepted');
  await fetch('https://example.com/after');
};`,
    // A finally that calls back answers on both outcomes.
    `exports.handler = async (context, event, callback) => {
  try {
    await fetch('https://example.com');
  } finally {
    callback(null, 'done');
  }
};`,
    `exports.handler = (context, event, callback) => {
  (async () => {
    try {
      const response = await fetch('https://example.com');
      callback(null, response.status);
    } catch (error) {
      callback(error);
    }
  })();
};`,
    // An explicit throw is require-callback's rejectedOnPath, not reported twice.
    `exports.handler = async (context, event, callback) => {
  if (!event.To) throw new Error('To is required');
  callback(null, 'ok');
};`,
    // A same-file receiver awaited inside a `try` whose `catch` answers: the caller takes its rejections over.
    `async function startSession(context, event, callback) {
  const call = await context.getTwilioClient().calls(event.CallSid).fetch();
  callback(null, call.status);
}
exports.handler = async function (context, event, callback) {
  try {
    await startSession(context, event, callback);
  } catch (error) {
    callback(error);
  }
};`,
    // A same-file callee that never passes its continuation an error leaves nothing to read.
    `class Store {
  lookup(id, done) {
    if (!id) return done(null, undefined);
    done(null, { id });
  }
}
function find(id, done) {
  done({ id });
}
const store = new Store();
exports.handler = (context, event, callback) => {
  if (event.Kind === 'row') store.lookup(event.Id, (err, row) => callback(null, row));
  else find(event.Id, (error, row) => callback(null, row));
};`,
    // A link that only starts a chain on a same-file async function: calling it never throws synchronously.
    `async function findConversation(client, sid) {
  return client.conversations.v1.conversations(sid).fetch().catch(() => null);
}
async function addParticipant(client, sid, address) {
  try {
    return await client.conversations.v1.conversations(sid).participants.create({ 'messagingBinding.address': address });
  } catch (error) {
    return null;
  }
}
exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  findConversation(client, event.Sid).then(() => {
    addParticipant(client, event.Sid, event.From).then((participant) => callback(null, participant));
  });
};`,
  ],
  invalid: [
    // After a root that cannot reject, a link that calls something unknown can still throw: the chain rejects.
    {
      code: `exports.handler = (context, event, callback) => {
  Promise.allSettled([fetch(event.url)]).then((results) => {
    const summary = summarise(results);
    callback(null, summary);
  });
};
function summarise() {}`,
      errors: [
        {
          messageId: 'missingCatch',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 46,
          data: { name, method: 'then' },
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name },
              output: `exports.handler = (context, event, callback) => {
  Promise.allSettled([fetch(event.url)]).then((results) => {
    const summary = summarise(results);
    callback(null, summary);
  }).catch((error) => callback(error));
};
function summarise() {}`,
            },
          ],
        },
      ],
    },
    // The FAQ's first example: no .catch.
    {
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages
    .create({ body: 'hi', to: event.To })
    .then((message) => callback(null, message.sid));
};`,
      errors: [
        {
          messageId: 'missingCatch',
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 10,
          data: { name, method: 'then' },
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name },
              output: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages
    .create({ body: 'hi', to: event.To })
    .then((message) => callback(null, message.sid)).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages
    .create({ body: 'hi', to: event.To })
    .then((message) => callback(null, message.sid))
    .catch((error) => console.error(error));
};`,
      errors: [{ messageId: 'catchDoesNotAnswer', line: 5, column: 6, endLine: 5, endColumn: 11, data: { name, method: 'catch' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  fetch('https://example.com')
    .then((response) => callback(null, response.status))
    .catch((error) => {
      console.error(error);
      throw error;
    });
};`,
      errors: [{ messageId: 'catchDoesNotAnswer', line: 4, column: 6, endLine: 4, endColumn: 11, data: { name, method: 'catch' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  fetch('https://example.com/data')
    .catch((error) => ({ body: '{}', error }))
    .then((response) => callback(null, JSON.parse(response.body)));
};`,
      errors: [{ messageId: 'thenAfterCatch', line: 4, column: 6, endLine: 4, endColumn: 10, data: { name, method: 'then' } }],
    },
    // A combinator over requests that do not catch: its rejection reaches the chain, and the await.
    {
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  Promise.all(event.numbers.map((to) => client.messages.create({ to }))).then(() => callback(null, 'sent'));
};`,
      errors: [
        {
          messageId: 'missingCatch',
          line: 3,
          column: 74,
          endLine: 3,
          endColumn: 78,
          data: { name, method: 'then' },
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name },
              output: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  Promise.all(event.numbers.map((to) => client.messages.create({ to }))).then(() => callback(null, 'sent')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  await Promise.all(event.numbers.map(async (to) => {
    await client.messages.create({ to });
  }));
  return callback(null, 'sent');
};`,
      errors: [{ messageId: 'unguardedAwait', line: 3, column: 3, endLine: 3, endColumn: 8, data: { name, others: '', through: '' } }],
    },
    // OpenAI's clients reject a failed request: 4.x and later (`new OpenAI`, from the module itself or by name) and
    // 3.x (`new OpenAIApi`, axios underneath).
    {
      code: `const OpenAI = require('openai');
exports.handler = async (context, event, callback) => {
  const openai = new OpenAI({ apiKey: context.OPENAI_API_KEY });
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: event.Body }] });
  return callback(null, completion.choices[0].message.content);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 4, column: 22, endLine: 4, endColumn: 27, data: { name, others: '', through: '' } }],
    },
    {
      code: `const { Configuration, OpenAIApi } = require('openai');
exports.handler = async (context, event, callback) => {
  const configuration = new Configuration({ apiKey: context.OPENAI_API_KEY });
  const openai = new OpenAIApi(configuration);
  const result = await openai.createCompletion({ model: 'text-davinci-003', prompt: event.Body });
  return callback(null, result.data.choices[0].text);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 5, column: 18, endLine: 5, endColumn: 23, data: { name, others: '', through: '' } }],
    },
    // A same-file async function that returns a request unawaited rejects with it.
    {
      code: `exports.handler = (context, event, callback) => {
  async function notify() {
    return context.getTwilioClient().messages.create({ to: event.To, body: 'hi' });
  }
  notify().then(() => callback(null, 'sent'));
};`,
      errors: [
        {
          messageId: 'missingCatch',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          data: { name, method: 'then' },
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name },
              output: `exports.handler = (context, event, callback) => {
  async function notify() {
    return context.getTwilioClient().messages.create({ to: event.To, body: 'hi' });
  }
  notify().then(() => callback(null, 'sent')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    // A helper given the client as a parameter: a chain from it through a twilio-node domain is a REST call.
    // The response helper before it builds a `Twilio.Response`, which cannot reject.
    {
      code: `const makeResponse = async () => {
  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'application/json');
  return response;
};
const currentService = async (client) => client.serverless.services.list({ limit: 1 });
exports.handler = async (context, event, callback) => {
  const response = await makeResponse();
  const [service] = await currentService(context.getTwilioClient());
  response.setBody({ sid: service.sid });
  return callback(null, response);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 9, column: 21, endLine: 9, endColumn: 26, data: { name, others: '', through: '' } }],
    },
    // One report per handler, at the first unguarded await, counting the others.
    {
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const message = await client.messages.create({ to: event.To, body: 'hi' });
  const call = await client.calls.create({ to: event.To });
  return callback(null, { message: message.sid, call: call.sid });
};`,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 24,
          data: { name, others: ' (and so can 1 more `await` of this handler)', through: '' },
        },
      ],
    },
    // Promise.all over items mapped by a function whose call can reject.
    {
      code: `exports.handler = async (context, event, callback) => {
  const results = await Promise.all(event.urls.map(async (url) => fetch(url)));
  return callback(null, results.length);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 2, column: 19, endLine: 2, endColumn: 24, data: { name, others: '', through: '' } }],
    },
    // The same receiver awaited without a `try`: its await is reported where it is.
    {
      code: `async function startSession(context, event, callback) {
  const call = await context.getTwilioClient().calls(event.CallSid).fetch();
  callback(null, call.status);
}
exports.handler = async function (context, event, callback) {
  await startSession(context, event, callback);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 2, column: 16, endLine: 2, endColumn: 21, data: { name, others: '', through: '' } }],
    },
    // The FAQ's async example without try/catch.
    {
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const message = await client.messages.create({ body: 'hi', to: event.toNumber, from: event.fromNumber });
  return callback(null, \`Success! Message SID: \${message.sid}\`);
};`,
      errors: [{ messageId: 'unguardedAwait', line: 3, column: 19, endLine: 3, endColumn: 24, data: { name, others: '', through: '' } }],
    },
    // A catch that does not call back leaves the await unguarded only if it rethrows; a finally without the callback does not guard.
    {
      code: `exports.handler = async (context, event, callback) => {
  try {
    await fetch('https://example.com');
  } finally {
    console.log('done');
  }
  callback(null, 'ok');
};`,
      errors: [{ messageId: 'unguardedAwait', line: 3, column: 5, endLine: 3, endColumn: 10, data: { name, others: '', through: '' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  (async () => {
    const response = await fetch('https://example.com');
    callback(null, response.status);
  })();
};`,
      errors: [{ messageId: 'asyncIife', line: 2, column: 13, endLine: 2, endColumn: 15, data: { name } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }, (err, message) => callback(null, message.sid));
};`,
      errors: [{ messageId: 'ignoredError', line: 2, column: 64, endLine: 2, endColumn: 67, data: { name, param: 'err', method: 'create', secondCall: ' — and twilio-node then calls it a second time with the error' } }],
    },
    {
      // A same-file method that does pass an error.
      code: `class Store {
  lookup(id, done) {
    if (!id) return done(new Error('no id'));
    done(null, { id });
  }
}
const store = new Store();
exports.handler = (context, event, callback) => {
  store.lookup(event.Id, (err, row) => callback(null, row));
};`,
      errors: [{ messageId: 'ignoredError', line: 9, column: 27, endLine: 9, endColumn: 30, data: { name, param: 'err', method: 'lookup', secondCall: '' } }],
    },
    {
      // The last .catch reads an undeclared name before it calls back: it throws, and nothing catches that.
      code: THROWING_CATCH,
      errors: [
        {
          messageId: 'catchThrows',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 21,
          data: { name, read: 'error' },
          suggestions: [
            {
              messageId: 'suggestParameter',
              data: { param: 'err' },
              output: THROWING_CATCH.replace('callback(error)', 'callback(err)'),
            },
          ],
        },
      ],
    },
    {
      // A name never declared, used by two \`.catch\`es as a value of their own: one mistake, one declaration fixes
      // both, one report (at the first). A misspelt parameter would be each \`.catch\`'s own.
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.sync.services(context.SYNC_SID).syncLists('payments').fetch()
    .then((list) => {
      client.calls(event.CallSid).payments.create({ idempotencyKey: list.sid })
        .then((payment) => callback(null, payment.sid))
        .catch((error) => {
          response.setBody(error.message);
          return callback(null, response);
        });
    })
    .catch((error) => {
      response.setBody(error.message);
      return callback(null, response);
    });
};`,
      errors: [{ messageId: 'catchThrows', line: 8, column: 11, endLine: 8, endColumn: 19, data: { name, read: 'response' }, suggestions: [] }],
    },
    {
      // A rejection handler given as then's second argument, with no parameter to suggest.
      code: `exports.handler = (context, event, callback) => {
  fetch('https://example.com').then((response) => callback(null, response.status), () => callback(problem));
};`,
      errors: [{ messageId: 'catchThrows', line: 2, column: 99, endLine: 2, endColumn: 106, data: { name, read: 'problem' }, suggestions: [] }],
    },
    {
      // Another library's continuation: no second call is promised.
      code: `const superagent = require('superagent');
exports.handler = (context, event, callback) => {
  superagent.get('https://example.com/words').end((err, res) => callback(null, res.body));
};`,
      errors: [{ messageId: 'ignoredError', line: 3, column: 52, endLine: 3, endColumn: 55, data: { name, param: 'err', method: 'end', secondCall: '' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls(event.CallSid).update({ status: 'completed' }, (error, call) => {
    console.log('updated');
    callback(null, call.status);
  });
};`,
      errors: [
        {
          messageId: 'ignoredError',
          line: 2,
          column: 83,
          endLine: 2,
          endColumn: 88,
          data: { name, param: 'error', method: 'update', secondCall: ' — and twilio-node then calls it a second time with the error' },
          suggestions: [
            {
              messageId: 'suggestErrorCheck',
              data: { name, param: 'error', method: 'update' },
              output: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls(event.CallSid).update({ status: 'completed' }, (error, call) => {
    if (error) return callback(error);
    console.log('updated');
    callback(null, call.status);
  });
};`,
            },
          ],
        },
      ],
    },
  ],
});

runWithBothParsers('require-catch-callback: mistakes require-callback reports', rule, {
  valid: [
    // A `.catch` that answers for some errors only: its other paths are require-callback's finding, at the `if`.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To })
    .then((message) => callback(null, message.sid))
    .catch((error) => {
      if (error.code === 21211) callback(null, 'invalid number');
    });
};`,
    // A node-style continuation that ignores its error and answers on some paths only: its error path is open,
    // which require-callback reports.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }, (error, message) => {
    if (message) callback(null, message.sid);
  });
};`,
  ],
  invalid: [],
});

// TypeScript-only shapes: a `declare function` (and an overload signature) has no body to judge; its Promise is not
// known to reject, and nothing may throw looking for one.
runWithTypeScriptParser('require-catch-callback', rule, {
  valid: [
    `declare function loadOrder(id: string): Promise<{ id: string }>;
function format(id: string): string;
function format(id: number): string;
function format(id: string | number): string {
  return String(id);
}
export const handler = async (context: unknown, event: { id: string }, callback: (error: unknown, value?: unknown) => void) => {
  const order = await loadOrder(event.id);
  await Promise.all([loadOrder(format(event.id))]);
  callback(null, order);
};`,
  ],
  invalid: [],
});

runWithBothParsers('require-catch-callback: a handler that runs only on the local server', rule, {
  valid: [
    // After the guard, the code runs only under twilio-run, which answers a rejection with a 500.
    `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  if (!context.DOMAIN_NAME.startsWith('localhost:')) return callback(null, { status: 403 });
  const services = await client.serverless.v1.services.list();
  return callback(null, services.map((service) => service.sid));
};`,
  ],
  invalid: [
    {
      // An await before the guard runs once deployed too.
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const services = await client.serverless.v1.services.list();
  if (!context.DOMAIN_NAME.startsWith('localhost:')) return callback(null, { status: 403 });
  return callback(null, services.map((service) => service.sid));
};`,
      errors: [{ messageId: 'unguardedAwait', line: 3, column: 20, endLine: 3, endColumn: 25, data: { name: 'callback', others: '', through: '' } }],
    },
  ],
});

runWithBothParsers('require-catch-callback: a delegate returned without await from a try', rule, {
  valid: [],
  invalid: [
    {
      code: delegateInTry('return route', `  const message = await context.getTwilioClient().messages.create({ to: event.To, from: context.FROM, body: 'hi' });
  callback(null, message.sid);`),
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 24,
          data: {
            name: 'callback',
            others: '',
            through: ' — `route()` answers for the handler, which returns it without `await` from the `try` on line 2, so that `catch` never sees the rejection',
          },
        },
      ],
    },
  ],
});
