import rule from '../../src/rules/no-code-after-callback.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';

const codeAfter = (line: number, column: number, endLine: number, endColumn: number, callLine: number) => ({
  messageId: 'codeAfterCallback' as const,
  line,
  column,
  endLine,
  endColumn,
  data: { name: 'callback', answered: 'callback', line: callLine },
});

runWithBothParsers('no-code-after-callback', rule, {
  valid: [
    // \`finally\` code that only cleans up (close, end, release, clearTimeout) loses no work when the answer cuts it off.
    `exports.handler = async (context, event, callback) => {
  const timer = setTimeout(() => callback(null, 'late'), 9000);
  const transaction = tracer.start('lookup');
  const client = await connect(context);
  try {
    return callback(null, await client.find(event.id));
  } catch (error) {
    return callback(error);
  } finally {
    clearTimeout(timer);
    transaction.end();
    await client.close();
  }
};
const tracer = {};
function connect() {}`,
    `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return callback('To is required');
  }
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then(() => callback(null, 'sent'))
    .catch((error) => callback(error));
};`,
    // A bare return, logging, hoisted declarations and returning a value are fine after the callback.
    `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  console.log('responded');
  return;
  function helper() {}
};`,
    `exports.handler = (context, event, callback) => {
  const reply = (body) => { callback(null, body); return true; };
  if (event.cached) return reply(event.cached);
  let unused;
  reply('fresh');
};`,
    // if/else: each path calls back once.
    `exports.handler = (context, event, callback) => {
  if (event.a) {
    callback(null, 'a');
  } else {
    callback(null, 'b');
  }
};`,
    // The callback itself does not throw: the catch never runs after it.
    `exports.handler = (context, event, callback) => {
  try {
    const body = JSON.parse(event.body);
    callback(null, body);
  } catch (error) {
    callback(error);
  }
};`,
    `exports.handler = async (context, event, callback) => {
  try {
    const message = await context.getTwilioClient().messages.create({ body: 'hi' });
    if (message.errorCode) {
      callback(message.errorMessage);
    } else {
      callback(null, message.sid);
    }
  } catch (error) {
    callback(error);
  }
};`,
    // Work after a hand-off is not after a call: the helper calls back later.
    `exports.handler = (context, event, callback) => {
  client.messages.create({ body: 'hi' }, callback);
  audit(event);
};`,
    // A break out of a loop after the callback, then nothing else.
    `exports.handler = (context, event, callback) => {
  for (const item of event.items) {
    if (item.ok) {
      callback(null, item);
      break;
    }
  }
};`,
    // switch cases that each end with the callback.
    `exports.handler = (context, event, callback) => {
  switch (event.Action) {
    case 'a':
      callback(null, 'a');
      break;
    default:
      callback(null, 'other');
  }
};`,
    // Setting a local variable after the callback starts nothing.
    `exports.handler = (context, event, callback) => {
  let answered = false;
  callback(null, 'ok');
  answered = true;
  attempts++;
};`,
    // \`do { … } while (false)\` runs once: no second iteration.
    `exports.handler = (context, event, callback) => {
  do {
    if (!event.To) { callback('To is required'); break; }
    callback(null, 'ok');
  } while (false);
};`,
    // A local function that calls back only on some paths is not a synchronous call.
    `exports.handler = (context, event, callback) => {
  function maybe() { if (event.fast) callback(null, 'fast'); }
  maybe();
  slow();
};`,
  ],
  invalid: [
    {
      // The FAQ mistake: a guard without return, then the real work.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback('To is required');
  }
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To, body: 'hi' }).then(() => callback(null, 'sent'));
};`,
      errors: [
        {
          ...codeAfter(5, 3, 5, 44, 3),
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 3 },
              output: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return callback('To is required');
  }
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To, body: 'hi' }).then(() => callback(null, 'sent'));
};`,
            },
          ],
        },
      ],
    },
    {
      // Work after the response, then a second callback: one mistake (the missing return), one report naming both.
      code: `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  sendSms(event);
  callback(null, 'again');
};
function sendSms() {}`,
      errors: [
        {
          messageId: 'codeAfterCallbackThenDuplicate',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 18,
          data: { name: 'callback', answered: 'callback', line: 2, later: 'line 4' },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 2 },
              output: `exports.handler = (context, event, callback) => {
  return callback(null, 'ok');
  sendSms(event);
  callback(null, 'again');
};
function sendSms() {}`,
            },
          ],
        },
      ],
    },
    {
      // A node-style callback: `if (err) { callback(err); }` without return.
      code: `exports.handler = (context, event, callback) => {
  client.messages.create({ body: 'hi' }, (err, message) => {
    if (err) {
      callback(err);
    }
    callback(null, message.sid);
  });
};`,
      errors: [
        {
          messageId: 'duplicate',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 32,
          data: { name: 'callback', line: 4 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 4 },
              output: `exports.handler = (context, event, callback) => {
  client.messages.create({ body: 'hi' }, (err, message) => {
    if (err) {
      return callback(err);
    }
    callback(null, message.sid);
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // In a .then continuation.
      code: `exports.handler = (context, event, callback) => {
  lookup(event).then((result) => {
    callback(null, result);
    notify(result);
  });
};
function lookup() {}
function notify() {}`,
      errors: [
        {
          ...codeAfter(4, 5, 4, 20, 3),
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 3 },
              output: `exports.handler = (context, event, callback) => {
  lookup(event).then((result) => {
    return callback(null, result);
    notify(result);
  });
};
function lookup() {}
function notify() {}`,
            },
          ],
        },
      ],
    },
    {
      // A compound statement is reported at its head; a return of a call is code too.
      code: `exports.handler = (context, event, callback) => {
  if (event.a) callback(null, 'a');
  if (event.b) {
    log(event.b);
  }
};`,
      errors: [
        {
          ...codeAfter(3, 3, 3, 15, 2),
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 2 },
              output: `exports.handler = (context, event, callback) => {
  if (event.a) return callback(null, 'a');
  if (event.b) {
    log(event.b);
  }
};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  for (const n of event.numbers) {
    send(n);
  }
};`,
      errors: [{ ...codeAfter(3, 3, 3, 33, 2), suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 2 }, output: `exports.handler = (context, event, callback) => {
  return callback(null, 'ok');
  for (const n of event.numbers) {
    send(n);
  }
};` }] }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  return save(event);
};
function save() {}`,
      errors: [{ ...codeAfter(3, 3, 3, 22, 2), suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 2 }, output: `exports.handler = (context, event, callback) => {
  return callback(null, 'ok');
  return save(event);
};
function save() {}` }] }],
    },
    {
      // `finally` runs after the `return callback()` of the try; nothing to suggest, it already returns.
      code: `exports.handler = (context, event, callback) => {
  try {
    return callback(null, compute(event));
  } finally {
    cleanup();
  }
};
function compute() {}
function cleanup() {}`,
      errors: [{ ...codeAfter(5, 5, 5, 15, 3), messageId: 'codeAfterCallbackInFinally', suggestions: [] }],
    },
    {
      // A callback in a loop runs once per item.
      code: `exports.handler = (context, event, callback) => {
  for (const item of event.items) {
    callback(null, item);
  }
};`,
      errors: [{ messageId: 'duplicateInLoop', line: 3, column: 5, endLine: 3, endColumn: 25, data: { name: 'callback' } }],
    },
    {
      // A local function that always calls back is a synchronous callback at its call site.
      code: `exports.handler = (context, event, callback) => {
  const respond = (body) => callback(null, body);
  respond('ok');
  respond('again');
};`,
      errors: [
        {
          messageId: 'duplicateThroughFunction',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 19,
          data: { name: 'callback', line: 3, function: 'respond' },
          suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'respond', line: 3 }, output: `exports.handler = (context, event, callback) => {
  const respond = (body) => callback(null, body);
  return respond('ok');
  respond('again');
};` }],
        },
      ],
    },
    {
      // Code after the callback inside a local function is reported there.
      code: `exports.handler = (context, event, done) => {
  function finish(result) {
    done(null, result);
    cleanup(result);
  }
  finish(event);
};
function cleanup() {}`,
      errors: [{ messageId: 'codeAfterCallback', line: 4, column: 5, endLine: 4, endColumn: 21, data: { name: 'done', answered: 'done', line: 3 }, suggestions: [{ messageId: 'useReturn', data: { name: 'done', answered: 'done', line: 3 }, output: `exports.handler = (context, event, done) => {
  function finish(result) {
    return done(null, result);
    cleanup(result);
  }
  finish(event);
};
function cleanup() {}` }] }],
    },
    {
      // Logging is reported too when asked.
      code: `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  console.log('done');
};`,
      options: [{ allowLogging: false }],
      errors: [{ ...codeAfter(3, 3, 3, 23, 2), suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 2 }, output: `exports.handler = (context, event, callback) => {
  return callback(null, 'ok');
  console.log('done');
};` }] }],
    },
    {
      // The callback found by position under an alias.
      code: `exports.handler = async (context, event, cb) => {
  const reply = cb;
  reply(null, 'ok');
  await save(event);
};
async function save() {}`,
      errors: [{ messageId: 'codeAfterCallback', line: 4, column: 3, endLine: 4, endColumn: 21, data: { name: 'cb', answered: 'reply', line: 3 }, suggestions: [{ messageId: 'useReturn', data: { name: 'cb', answered: 'reply', line: 3 }, output: `exports.handler = async (context, event, cb) => {
  const reply = cb;
  return reply(null, 'ok');
  await save(event);
};
async function save() {}` }] }],
    },
  ],
});

runWithTypeScriptParser('no-code-after-callback', rule, {
  valid: [
    `export const handler: ServerlessFunctionSignature = (context, event, callback) => {
  const twiml = new Twilio.twiml.MessagingResponse();
  twiml.message('hi');
  return callback(null, twiml);
};`,
  ],
  invalid: [
    {
      code: `export function handler(context: Context, event: { To?: string }, callback: ServerlessCallback): void {
  if (!event.To) {
    callback('To is required');
  }
  void context.getTwilioClient().messages.create({ to: event.To as string, body: 'hi' });
}`,
      errors: [{ messageId: 'codeAfterCallback', line: 5, column: 3, endLine: 5, endColumn: 90, data: { name: 'callback', answered: 'callback', line: 3 }, suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 3 }, output: `export function handler(context: Context, event: { To?: string }, callback: ServerlessCallback): void {
  if (!event.To) {
    return callback('To is required');
  }
  void context.getTwilioClient().messages.create({ to: event.To as string, body: 'hi' });
}` }] }],
    },
  ],
});

runWithBothParsers('no-code-after-callback: a throw after the answer', rule, {
  valid: [
    // The answer is sent; the exception (or the rejection) after it is only logged, and starts nothing.
    `exports.handler = async (context, event, callback) => {
  try {
    callback(null, await lookup(event.From));
  } catch (error) {
    callback(error);
    throw new Error(\`lookup failed for \${event.From}\`);
  }
};
async function lookup() {}`,
    `exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback(null, { status: 400 });
    throw TypeError('missing To');
  }
  callback(null, 'ok');
};`,
  ],
  invalid: [
    {
      // Making the error is work of its own here.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback(null, { status: 400 });
    throw reportFailure(event);
  }
  callback(null, 'ok');
};
function reportFailure() {}`,
      errors: [{ ...codeAfter(4, 5, 4, 32, 3), suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 3 }, output: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return callback(null, { status: 400 });
    throw reportFailure(event);
  }
  callback(null, 'ok');
};
function reportFailure() {}` }] }],
    },
  ],
});

runWithBothParsers('no-code-after-callback in loops', rule, {
  valid: [],
  invalid: [
    {
      // The next iteration's work runs after the callback of the previous one.
      code: `exports.handler = (context, event, callback) => {
  for (const to of event.recipients) {
    send(to);
    callback(null, to);
  }
};
function send() {}`,
      // One mistake (the callback in the loop): the second run of the callback belongs to this report.
      errors: [
        { messageId: 'codeAfterCallbackInLoop', line: 3, column: 5, endLine: 3, endColumn: 14, data: { name: 'callback', answered: 'callback', line: 4 }, suggestions: [] },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback in per-item functions', rule, {
  valid: [
    // Answers for one matching item at most is not provable either way: not reported.
    `exports.handler = (context, event, callback) => {
  event.items.forEach((item) => {
    if (item.id === event.id) callback(null, item);
  });
};`,
    // The collection idiom: only the last item's continuation answers.
    `exports.handler = (context, event, callback) => {
  let sent = 0;
  event.numbers.forEach((to) => {
    send(to)
      .then(() => {
        sent += 1;
        if (sent === event.numbers.length) callback(null, 'all sent');
      })
      .catch(callback);
  });
};`,
    // some() stops at the first match.
    `exports.handler = (context, event, callback) => {
  event.items.some((item) => {
    callback(null, item);
    return true;
  });
};`,
  ],
  invalid: [
    {
      // A `return` inside forEach only leaves the arrow: every item answers.
      code: `exports.handler = (context, event, callback) => {
  listFlows().then((flows) => flows.forEach((flow) => {
    if (flow.friendlyName === event.name) {
      callback(null, flow.sid);
      return;
    }
    callback(null, 'none');
  }));
};`,
      errors: [
        // Both branches answer: one mistake (the loop), one report at its first callback.
        { messageId: 'perItem', line: 4, column: 7, endLine: 4, endColumn: 31, data: { name: 'callback', method: 'forEach', unit: 'item' } },
      ],
    },
    {
      // Each item sets up a continuation that always answers.
      code: `exports.handler = (context, event, callback) => {
  event.numbers.forEach((to) => {
    context.getTwilioClient().messages.create({ to, body: 'hi' }).then((message) => callback(null, message.sid));
  });
};`,
      errors: [{ messageId: 'perItem', line: 3, column: 85, endLine: 3, endColumn: 112, data: { name: 'callback', method: 'forEach', unit: 'item' } }],
    },
    {
      // The callback itself given to a node-style API, once per item.
      code: `exports.handler = (context, event, callback) => {
  event.numbers.forEach((to) => {
    context.getTwilioClient().calls.create({ to, url: context.TWIML_URL }, callback);
  });
};`,
      errors: [{ messageId: 'perItem', line: 3, column: 76, endLine: 3, endColumn: 84, data: { name: 'callback', method: 'forEach', unit: 'item' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  event.numbers.map(function (to) {
    send(to);
    callback(null, to);
  });
};`,
      errors: [{ messageId: 'perItem', line: 4, column: 5, endLine: 4, endColumn: 23, data: { name: 'callback', method: 'map', unit: 'item' } }],
    },
  ],
});

runWithBothParsers('no-code-after-callback with functions of the same file', rule, {
  valid: [
    // A guard helper answers only when it says no, and the handler returns then.
    `exports.handler = (context, event, callback) => {
  if (!isAuthorized(context, event, callback)) return;
  callback(null, 'ok');
};
function isAuthorized(context, event, callback) {
  if (event.token === context.TOKEN) return true;
  callback('unauthorized');
  return false;
}`,
  ],
  invalid: [
    {
      // A helper that always answers, then a second answer.
      code: `function deny(context, event, callback) {
  callback('forbidden');
}
exports.handler = (context, event, callback) => {
  if (!event.allowed) {
    deny(context, event, callback);
  }
  callback(null, 'ok');
};`,
      errors: [
        {
          messageId: 'duplicate',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 23,
          data: { name: 'callback', line: 6 },
          suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'deny', line: 6 }, output: `function deny(context, event, callback) {
  callback('forbidden');
}
exports.handler = (context, event, callback) => {
  if (!event.allowed) {
    return deny(context, event, callback);
  }
  callback(null, 'ok');
};` }],
        },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback: one finding per mistake', rule, {
  valid: [],
  invalid: [
    {
      // A missing return after the error callback: the work after it and both later callbacks are one mistake.
      code: `exports.handler = (context, event, callback) => {
  client.lookup(event.From, (error, record) => {
    if (error) {
      callback(error);
    }
    const name = record.name;
    if (name) {
      callback(null, name);
    } else {
      callback(null, 'unknown');
    }
  });
};`,
      errors: [
        {
          messageId: 'codeAfterCallbackThenDuplicate',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 30,
          data: { name: 'callback', answered: 'callback', line: 4, later: 'lines 8 and 10' },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 4 },
              output: `exports.handler = (context, event, callback) => {
  client.lookup(event.From, (error, record) => {
    if (error) {
      return callback(error);
    }
    const name = record.name;
    if (name) {
      callback(null, name);
    } else {
      callback(null, 'unknown');
    }
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // Two missing returns are two mistakes: code after the second callback on the path that did not take the first.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback('To is required');
  }
  send(event.To);
  callback(null, 'sent');
  audit(event);
};
function send() {}
function audit() {}`,
      errors: [
        {
          messageId: 'codeAfterCallbackThenDuplicate',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 18,
          data: { name: 'callback', answered: 'callback', line: 3, later: 'line 6' },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 3 },
              output: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return callback('To is required');
  }
  send(event.To);
  callback(null, 'sent');
  audit(event);
};
function send() {}
function audit() {}`,
            },
          ],
        },
        {
          messageId: 'codeAfterCallback',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 16,
          data: { name: 'callback', answered: 'callback', line: 6 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 6 },
              output: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback('To is required');
  }
  send(event.To);
  return callback(null, 'sent');
  audit(event);
};
function send() {}
function audit() {}`,
            },
          ],
        },
      ],
    },
    {
      // Nothing runs between the two calls: the second one is the report, a duplicate.
      code: `exports.handler = (context, event, callback) => {
  if (event.cached) callback(null, event.cached);
  callback(null, 'fresh');
};`,
      errors: [
        {
          messageId: 'duplicate',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 26,
          data: { name: 'callback', line: 2 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 2 },
              output: `exports.handler = (context, event, callback) => {
  if (event.cached) return callback(null, event.cached);
  callback(null, 'fresh');
};`,
            },
          ],
        },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback: a helper given the callback inside a try', rule, {
  valid: [
    // The helper answering and then throwing into the catch is not a path worth a report.
    `exports.handler = async (context, event, callback) => {
  try {
    return reply(context, event, callback);
  } catch (error) {
    callback(error);
  }
};
function reply(context, event, callback) {
  callback(null, 'ok');
}`,
    `exports.handler = (context, event, callback) => {
  try {
    const to = event.contact.phone;
    finish(to, callback);
  } catch (error) {
    callback(error);
  }
};
function finish(to, callback) {
  callback(null, to);
}`,
  ],
  invalid: [
    {
      // What the try does after the helper answered still runs after the callback.
      code: `exports.handler = (context, event, callback) => {
  try {
    finish(event.To, callback);
    audit(event.To);
  } catch (error) {
    callback(error);
  }
};
function finish(to, callback) {
  callback(null, to);
}
function audit() {}`,
      errors: [
        {
          messageId: 'codeAfterCallbackThenDuplicate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 21,
          data: { name: 'callback', answered: 'finish', line: 3, later: 'line 6' },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'finish', line: 3 },
              output: `exports.handler = (context, event, callback) => {
  try {
    return finish(event.To, callback);
    audit(event.To);
  } catch (error) {
    callback(error);
  }
};
function finish(to, callback) {
  callback(null, to);
}
function audit() {}`,
            },
          ],
        },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback: reads of undeclared names throw', rule, {
  valid: [
    // `respons` is declared nowhere: the call throws a ReferenceError before it answers, and nothing after it runs.
    `exports.handler = (context, event, callback) => {
  if (event.cached) {
    callback(null, respons);
  }
  callback(null, 'fresh');
};`,
    // The statement after the callback throws before it does anything.
    `exports.handler = (context, event, callback) => {
  callback(null, 'ok');
  notifyTeam(event);
  callback(null, 'again');
};`,
  ],
  invalid: [
    {
      // A name the runtime provides (Node's, Twilio's, a configured global) is no throw point.
      code: `exports.handler = (context, event, callback) => {
  callback(null, new Twilio.Response());
  const body = Buffer.from(event.Body || '');
  send(body);
};`,
      languageOptions: { globals: { send: 'readonly' } },
      errors: [
        {
          ...codeAfter(3, 3, 3, 46, 2),
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 2 },
              output: `exports.handler = (context, event, callback) => {
  return callback(null, new Twilio.Response());
  const body = Buffer.from(event.Body || '');
  send(body);
};`,
            },
          ],
        },
      ],
    },
    {
      // A throw inside the try goes to the catch, which runs after the callback.
      code: `exports.handler = (context, event, callback) => {
  try {
    callback(null, 'ok');
    auditLog.write(event);
  } catch (error) {
    console.error(error);
    callback(error);
  }
};`,
      errors: [
        {
          messageId: 'duplicate',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 20,
          data: { name: 'callback', line: 3 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 3 },
              output: `exports.handler = (context, event, callback) => {
  try {
    return callback(null, 'ok');
    auditLog.write(event);
  } catch (error) {
    console.error(error);
    callback(error);
  }
};`,
            },
          ],
        },
      ],
    },
  ],
});
