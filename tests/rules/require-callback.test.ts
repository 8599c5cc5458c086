import rule from '../../src/rules/require-callback.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';
import { delegateInTry } from './delegate-in-try.js';

runWithBothParsers('require-callback', rule, {
  valid: [
    // Every path answers: a callback after the try/catch that both return is dead code, changing nothing at runtime
    // (ESLint's no-unreachable reports it).
    `exports.handler = async (context, event, callback) => {
  try {
    const call = await context.getTwilioClient().calls(event.CallSid).fetch();
    return callback(null, call.status);
  } catch (error) {
    return callback(error);
  }
  return callback(null, 'unknown');
};`,
    // Likewise a callback in a local function nobody calls, when the handler answers on every path anyway.
    `exports.handler = (context, event, callback) => {
  function fail(error) {
    callback(error);
  }
  callback(null, 'ok');
};`,
    // A continuation set up before the handler answers synchronously on every path needs no answer of its own.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To }).then((message) => {
    if (message.status === 'failed') callback(new Error('failed'));
  });
  callback(null, 'queued');
};`,
    // The same for a node-style callback, a timer, and a continuation nested in one.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To }, (error) => {
    if (error) callback(error);
  });
  setTimeout(() => {
    if (event.retry) callback(null, 'retried');
  }, 100);
  client.messages.create({ to: event.To }).then(() => {
    client.calls.create({ to: event.To }, (error) => {
      if (error) callback(error);
    });
  });
  callback(null, 'queued');
};`,
    // The FAQ's asynchronous example: callback on success and on failure.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages
    .create({ to: event.To, from: event.From, body: 'Ahoy' })
    .then((message) => callback(null, message.sid))
    .catch((error) => callback(error));
};`,
    `exports.handler = function (context, event, callback) {
  return callback();
};`,
    // async/await with try/catch.
    `exports.handler = async (context, event, callback) => {
  try {
    const message = await context.getTwilioClient().messages.create({ body: 'hi' });
    return callback(null, message.sid);
  } catch (error) {
    return callback(error);
  }
};`,
    // The callback by position, whatever its name.
    `exports.handler = (ctx, evt, done) => { done(null, 'ok'); };`,
    `exports.handler = (ctx, evt, _callback) => { _callback(null, 'ok'); };`,
    // Every branch of an if/else chain.
    `exports.handler = (context, event, callback) => {
  if (event.a) {
    callback(null, 'a');
  } else if (event.b) {
    callback(null, 'b');
  } else {
    callback('neither');
  }
};`,
    // switch with default, fall-through into a calling case, and breaks.
    `exports.handler = (context, event, callback) => {
  switch (event.Action) {
    case 'start':
      prepare();
    case 'resume':
      callback(null, 'running');
      break;
    default:
      callback('unknown action');
  }
};`,
    // Loops with break/continue/labels before the callback.
    `exports.handler = (context, event, callback) => {
  const found = [];
  outer: for (const group of event.groups) {
    for (const item of group) {
      if (!item) continue outer;
      if (item === 'stop') break outer;
      found.push(item);
    }
  }
  let i = 0;
  while (i < 3) i++;
  do { i--; } while (i > 0);
  callback(null, found);
};`,
    // Logical operators and the conditional operator.
    `exports.handler = (context, event, callback) => event.ok ? callback(null, 'yes') : callback('no');`,
    `exports.handler = (context, event, callback) => { const value = event.a || event.b || 'none'; callback(null, value ?? 'x'); };`,
    // The runtime always passes a callback, so guarding on it loses no path.
    `exports.handler = (context, event, callback) => { callback?.(null, 'ok'); };`,
    `exports.handler = (context, event, callback) => { callback && callback(null, 'ok'); };`,
    `exports.handler = (context, event, callback) => { if (typeof callback === 'function') { callback(null, 'ok'); } };`,
    // The callback itself does not throw: the catch of a try that only calls back is never entered.
    `exports.handler = (context, event, callback) => {
  try {
    callback(null, 'ok');
  } catch (error) {
    console.error(error);
  }
};`,
    // A throw in a non-async handler becomes a 500 response.
    `exports.handler = (context, event, callback) => {
  if (!event.To) throw new Error('To is required');
  callback(null, 'ok');
};`,
    // Hand-offs: a helper, a node-style API, a promise handler, a timer, an object, a return.
    `exports.handler = (context, event, callback) => { helper(event, callback); };`,
    `exports.handler = (context, event, callback) => { context.getTwilioClient().messages.create({ body: 'hi' }, callback); };`,
    `exports.handler = (context, event, callback) => { fetchIt().then((r) => callback(null, r)).catch(callback); };`,
    `exports.handler = (context, event, callback) => { setTimeout(callback, 100); };`,
    `exports.handler = (context, event, callback) => { run({ event, onDone: callback }); };`,
    `exports.handler = (context, event, callback) => { return callback; };`,
    `exports.handler = (context, event, callback) => { emitter.on('end', () => callback(null, 'done')); };`,
    `exports.handler = (context, event, callback) => { return new Promise((resolve) => { callback(null, 'x'); resolve(); }); };`,
    // Guard helpers that answer the request themselves.
    `exports.handler = (context, event, callback) => {
  if (!isValid(context, event, callback)) return;
  callback(null, 'ok');
};`,
    // Aliases of the callback.
    `exports.handler = (context, event, callback) => { const done = callback; done(null, 'ok'); };`,
    `exports.handler = (context, event, callback) => { let done; done = callback; done(null, 'ok'); };`,
    `exports.handler = (context, event, callback) => { callback.call(null, null, 'ok'); };`,
    // Local functions and IIFEs that call back on all their paths.
    `exports.handler = (context, event, callback) => {
  if (event.cached) return respond(event.cached);
  respond(compute(event));
  function respond(body) {
    callback(null, body);
  }
};`,
    `exports.handler = (context, event, callback) => {
  const fail = (error) => callback(error);
  if (!event.To) return fail('To is required');
  callback(null, 'ok');
};`,
    `exports.handler = (context, event, callback) => {
  (async () => {
    try {
      callback(null, await lookup(event));
    } catch (error) {
      callback(error);
    }
  })();
};`,
    // A local function handed to an API.
    `exports.handler = (context, event, callback) => {
  const finish = () => callback(null, 'later');
  setTimeout(finish, 10);
};`,
    // Wrappers and the wrapper's own responder parameter.
    `exports.handler = TokenValidator(async (context, event, callback) => { callback(null, 'ok'); });`,
    `exports.handler = prepareFlexFunction(params, async (context, event, callback, response, handleError) => {
  try {
    await work();
    return callback(null, response);
  } catch (error) {
    return handleError(error);
  }
});`,
    // try/finally: the return in the try is complete whatever the finally does.
    `exports.handler = async (context, event, callback) => {
  try {
    return callback(null, await work());
  } finally {
    cleanup();
  }
};
async function work() {}
function cleanup() {}`,
    // Not handlers: fewer than three parameters, AWS Lambda's (event, context, callback), other exports.
    `exports.handler = (context, event) => { work(); };`,
    `exports.handler = (event, context, callback) => { work(); };`,
    `exports.other = (context, event, callback) => { work(); };`,
    `function helper(context, event, callback) { work(); }`,
    `exports.handler = (...args) => { work(); };`,
    `exports.handler = ({ context }, event, { callback }) => { work(); };`,
    // A loop that answers per item and runs on: the zero-items path is the same mistake, which
    // no-code-after-callback reports at the callback (duplicateInLoop). A search loop that stops is reported (below).
    `exports.handler = (context, event, callback) => {
  for (const to of event.numbers) callback(null, to);
};`,
  ],
  invalid: [
    {
      // The FAQ's "improperly handled" shape without any callback.
      code: `exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  client.messages.create({ body: 'hi' });
};`,
      errors: [{ messageId: 'missing', line: 1, column: 19, endLine: 1, endColumn: 28, data: { name: 'callback' } }],
    },
    {
      code: `exports.handler = async (context, event, cb) => {
  await work();
};`,
      errors: [{ messageId: 'missing', line: 1, column: 46, endLine: 1, endColumn: 48, data: { name: 'cb' } }],
    },
    {
      // A path that falls off the end past an `if` without `else`: reported at the `if`, naming its condition.
      code: `exports.handler = (context, event, callback) => {
  if (event.ok) {
    callback(null, 'ok');
  }
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 16,
          data: {
            name: 'callback',
            subject: 'the handler',
            condition: '`event.ok` is false',
            statement: 'if',
            fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.',
          },
        },
      ],
    },
    {
      // A bare return on one path.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return;
  }
  callback(null, 'ok');
};`,
      errors: [{ messageId: 'missingOnPath', line: 3, column: 5, endLine: 3, endColumn: 12, data: { name: 'callback', exit: 'This `return` ends the handler' } }],
    },
    {
      // Two returns and a fall-off: one report per place.
      code: `exports.handler = (context, event, callback) => {
  if (event.a) return 'a';
  if (event.b) return;
  if (event.c) callback(null, 'c');
};`,
      errors: [
        { messageId: 'missingOnPath', line: 2, column: 16, endLine: 2, endColumn: 27 },
        { messageId: 'missingOnPath', line: 3, column: 16, endLine: 3, endColumn: 23 },
        { messageId: 'missingAfterDecision', line: 4, column: 3, endLine: 4, endColumn: 15 },
      ],
    },
    {
      // A catch that only logs: the request times out on every error.
      code: `exports.handler = async (context, event, callback) => {
  try {
    const result = await work();
    callback(null, result);
  } catch (error) {
    console.error(error);
  }
};`,
      // Past the try, only the catch's paths have not called back: named as the last decision.
      errors: [{ messageId: 'missingAtEnd', line: 8, column: 1, endLine: 8, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', decision: 'the `catch` on line 5' } }],
    },
    {
      // Something in the try can throw after all: the catch is reachable.
      code: `exports.handler = (context, event, callback) => {
  try {
    callback(null, JSON.parse(event.body));
  } catch (error) {
    console.error(error);
  }
};`,
      errors: [{ messageId: 'missingAtEnd', line: 7, column: 1, endLine: 7, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', decision: 'the `catch` on line 4' } }],
    },
    {
      // switch without default: reported at the switch.
      code: `exports.handler = (context, event, callback) => {
  switch (event.Action) {
    case 'a':
      return callback(null, 'a');
    case 'b':
      callback(null, 'b');
      break;
  }
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 24,
          data: {
            name: 'callback',
            subject: 'the handler',
            condition: '`event.Action` matches no `case`',
            statement: 'switch',
            fix: 'Add a `default:` that calls `callback(…)`, or call it after the `switch`.',
          },
        },
      ],
    },
    {
      // A loop that may end without finding anything.
      code: `exports.handler = (context, event, callback) => {
  for (const item of event.items) {
    if (item.ok) {
      callback(null, item);
      break;
    }
  }
};`,
      errors: [{ messageId: 'missingAtEnd', line: 8, column: 1, endLine: 8, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', decision: 'the `for … of` loop on line 2' } }],
    },
    {
      // `||` short-circuits past the callback.
      code: `exports.handler = (context, event, callback) => {
  event.ok || callback('not ok');
};`,
      errors: [{ messageId: 'missingAtEnd', line: 3, column: 1, endLine: 3, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', decision: '`event.ok || …` on line 2' } }],
    },
    {
      // An expression-bodied arrow whose conditional skips the callback.
      code: `exports.handler = (context, event, callback) => event.ok ? callback(null, 'ok') : undefined;`,
      errors: [{ messageId: 'missingAtEnd', line: 1, column: 49, endLine: 1, endColumn: 92, data: { name: 'callback', exit: 'The handler can end here', decision: '`event.ok ? … : …` on line 1' } }],
    },
    {
      // A throw in an async handler is a rejection nobody answers.
      code: `exports.handler = async (context, event, callback) => {
  if (!event.To) {
    throw new Error('To is required');
  }
  callback(null, 'ok');
};`,
      errors: [{ messageId: 'rejectedOnPath', line: 3, column: 5, endLine: 3, endColumn: 39, data: { name: 'callback', subject: 'the async handler' } }],
    },
    {
      // A callback after a return: one mistake, reported once, at the callback that cannot run.
      code: `exports.handler = (context, event, callback) => {
  return;
  callback(null, 'never');
};`,
      errors: [{ messageId: 'unreachable', line: 3, column: 3, endLine: 3, endColumn: 26, data: { name: 'callback' } }],
    },
    {
      // The same inside a branch; a return with nothing stranded after it is still missingOnPath.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) {
    return;
    callback(null, 'missing');
  }
  if (event.Skip) {
    return;
  }
  callback(null, 'ok');
};`,
      errors: [
        { messageId: 'unreachable', line: 4, column: 5, endLine: 4, endColumn: 30, data: { name: 'callback' } },
        { messageId: 'missingOnPath', line: 7, column: 5, endLine: 7, endColumn: 12 },
      ],
    },
    {
      // A callback after an endless loop.
      code: `exports.handler = (context, event, callback) => {
  while (true) {
    poll();
  }
  callback(null, 'never');
};`,
      errors: [{ messageId: 'unreachable', line: 5, column: 3, endLine: 5, endColumn: 26 }],
    },
    {
      // A callback in a local function nobody calls.
      code: `exports.handler = (context, event, callback) => {
  function finish(result) {
    callback(null, result);
  }
  work(event);
};
function work() {}`,
      errors: [
        { messageId: 'unreachableInUncalledFunction', line: 3, column: 5, endLine: 3, endColumn: 27, data: { name: 'callback', function: 'finish' } },
        { messageId: 'missingOnPath', line: 6, column: 1, endLine: 6, endColumn: 2 },
      ],
    },
    {
      // A local function that calls back only on some of its paths does not complete the caller's path: reported
      // inside it, where its path goes on without the callback, naming the call.
      code: `exports.handler = (context, event, callback) => {
  function maybeRespond() {
    if (event.cached) callback(null, event.cached);
  }
  maybeRespond();
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 22,
          data: {
            name: 'callback',
            subject: '`maybeRespond()` (called on line 5)',
            condition: '`event.cached` is false',
            statement: 'if',
            fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.',
          },
        },
      ],
    },
    {
      // Reached through a local binding and `module.exports`.
      code: `const handler = function (context, event, callback) {
  if (event.ok) callback(null, 'ok');
};
module.exports = { handler };`,
      errors: [{ messageId: 'missingAfterDecision', line: 2, column: 3, endLine: 2, endColumn: 16 }],
    },
    {
      code: `function handler(context, event, callback) {
  work();
}
exports.handler = handler;`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 17 }],
    },
    {
      code: `module.exports.handler = async function named(context, event, callback) {
  await work();
};`,
      errors: [{ messageId: 'missing', line: 1, column: 26, endLine: 1, endColumn: 46 }],
    },
    {
      code: `module.exports = {
  handler(context, event, callback) {
    work();
  },
};`,
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 10 }],
    },
    {
      code: `exports.handler = TokenValidator(async (context, event, callback) => {
  if (event.ok) callback(null, 'ok');
});`,
      errors: [{ messageId: 'missingAfterDecision', line: 2, column: 3, endLine: 2, endColumn: 16 }],
    },
    {
      // 200 sequential ifs: 2^200 paths, one report.
      code: `exports.handler = (context, event, callback) => {
${Array.from({ length: 200 }, (_, i) => `  if (event.k${i}) { step(${i}); } else { other(${i}); }`).join('\n')}
  if (event.done) callback(null, 'done');
};
function step() {}
function other() {}`,
      errors: [{ messageId: 'missingAfterDecision', line: 202, column: 3, endLine: 202, endColumn: 18, data: { name: 'callback', subject: 'the handler', condition: '`event.done` is false', statement: 'if', fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.' } }],
    },
  ],
});

runWithTypeScriptParser('require-callback', rule, {
  valid: [
    `import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
export const handler: ServerlessFunctionSignature = function (context, event, callback) {
  callback(null, 'ok');
};`,
    `export async function handler(context: Context, event: Event, callback: ServerlessCallback): Promise<void> {
  const sid = (await context.getTwilioClient().messages.create({ body: 'hi' }))!.sid;
  return callback(null, sid as string);
}`,
  ],
  invalid: [
    {
      code: `export const handler: ServerlessFunctionSignature = async (context, event, callback) => {
  const client = context.getTwilioClient();
  await client.messages.create({ body: 'hi' });
};`,
      errors: [{ messageId: 'missing', line: 1, column: 86, endLine: 1, endColumn: 88 }],
    },
    {
      code: `export function handler(context: Context, event: { To?: string }, callback: ServerlessCallback) {
  if (!event.To) return;
  callback(null, event.To as string);
}`,
      errors: [{ messageId: 'missingOnPath', line: 2, column: 18, endLine: 2, endColumn: 25 }],
    },
    {
      code: `const handler = (context: Context, event: Event, done: ServerlessCallback): void => {
  if (event) done!(null);
};
export { handler };`,
      errors: [{ messageId: 'missingAfterDecision', line: 2, column: 3, endLine: 2, endColumn: 13, data: { name: 'done', subject: 'the handler', condition: '`event` is false', statement: 'if', fix: 'Add an `else` that calls `done(…)`, or call it after the `if`.' } }],
    },
  ],
});

runWithBothParsers('require-callback with finally', rule, {
  valid: [
    // The return path through `finally` is complete; the normal path calls back after it.
    `exports.handler = (context, event, callback) => {
  try {
    if (event.cached) return callback(null, event.cached);
    refresh();
  } finally {
    release();
  }
  callback(null, 'fresh');
};`,
  ],
  invalid: [
    {
      // A return inside try/finally is reported at the return, not where the finally ends.
      code: `exports.handler = (context, event, callback) => {
  try {
    if (!event.To) return;
    prepare(event);
  } finally {
    release();
  }
  callback(null, 'ok');
};
function prepare() {}
function release() {}`,
      errors: [{ messageId: 'missingOnPath', line: 3, column: 20, endLine: 3, endColumn: 27, data: { name: 'callback', exit: 'This `return` ends the handler' } }],
    },
  ],
});

runWithBothParsers('require-callback in functions handed to one-shot APIs', rule, {
  valid: [
    // Every path of the node-style callback answers.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls(event.CallSid).fetch((error, call) => {
    if (error) return callback(error);
    callback(null, call.status);
  });
};`,
    // A watchdog timer answers only when nothing else did.
    `exports.handler = (context, event, callback) => {
  let answered = false;
  setTimeout(() => {
    if (!answered) callback(null, 'still working');
  }, 9000);
  work().then(() => {
    answered = true;
    callback(null, 'done');
  });
};`,
    // Listeners fire for many events; only the last answers.
    `exports.handler = (context, event, callback) => {
  const chunks = [];
  stream.on('data', (chunk) => {
    if (chunk.last) callback(null, chunks.join(''));
    else chunks.push(chunk);
  });
};`,
    // Polling inside an interval: one poll answers, the others wait.
    `exports.handler = (context, event, callback) => {
  setInterval(() => {
    check().then((result) => {
      if (result.ready) callback(null, result);
    });
  }, 500);
};`,
    // A later link answers for the paths that return normally, also from a chain returned by an outer link.
    `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.calls(event.CallSid).fetch()
    .then((call) => {
      if (call.to.includes('client')) {
        return client.taskrouter.tasks(event.TaskSid).fetch().then((task) => {
          if (task.assignmentStatus === 'canceled') callback(null, 'canceled');
        });
      }
      if (call.status === 'busy') return;
    })
    .then(() => callback(null, 'done'))
    .catch(callback);
};`,
    // A function that does not itself answer is not checked (it only logs).
    `exports.handler = (context, event, callback) => {
  work().then((result) => callback(null, result)).catch((error) => { console.error(error); });
};`,
  ],
  invalid: [
    {
      // The error path of a node-style callback only logs.
      code: `exports.handler = (context, event, callback) => {
  const table = context.airtable;
  table.find(event.RecordId, (error, record) => {
    if (error) {
      console.error(error);
      return;
    }
    callback(null, record.fields);
  });
};`,
      errors: [{ messageId: 'missingOnPath', line: 6, column: 7, endLine: 6, endColumn: 14, data: { name: 'callback', exit: 'This `return` ends the function passed to `find()`' } }],
    },
    {
      // A `.then` that answers only when there are results.
      code: `exports.handler = (context, event, callback) => {
  listExecutions(event).then((executions) => {
    if (executions.length > 0) {
      callback(null, executions);
    }
  });
};
function listExecutions() {}`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 31,
          data: {
            name: 'callback',
            subject: 'the function passed to `then()`',
            condition: '`executions.length > 0` is false',
            statement: 'if',
            fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.',
          },
        },
      ],
    },
  ],
});

runWithBothParsers('require-callback in functions the handler delegates to', rule, {
  valid: [
    `exports.handler = (context, event, callback) => {
  handleRequest(context, event, callback);
};
function handleRequest(context, event, callback) {
  if (!event.To) return callback('To is required');
  callback(null, 'ok');
}`,
    // The handler goes on after the helper and answers itself: the helper answers on some outcomes only.
    `exports.handler = async (context, event, callback) => {
  await validate(context, event, callback);
  callback(null, 'ok');
};
async function validate(context, event, callback) {
  if (!event.To) callback('To is required');
}`,
    // A guard helper answers on one outcome and says so by its result: not a delegate.
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
      code: `exports.handler = async (context, event, callback) => {
  try {
    return await processPayment(context, event, callback);
  } catch (error) {
    return callback(error);
  }
};
async function processPayment(context, event, callback) {
  await charge(event);
}`,
      errors: [{ messageId: 'delegateNeverCalls', line: 8, column: 1, endLine: 8, endColumn: 30, data: { name: 'callback', function: 'processPayment' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => route(context, event, callback);
const route = (context, event, done) => {
  if (event.Digits === '1') return done(null, 'sales');
  if (event.Digits === '2') return;
  done(null, 'support');
};`,
      errors: [{ messageId: 'missingOnPath', line: 4, column: 29, endLine: 4, endColumn: 36, data: { name: 'done', exit: 'This `return` ends `route()`, which answers for the handler,' } }],
    },
  ],
});

runWithBothParsers('require-callback with per-item functions', rule, {
  valid: [
    // Every item answers (a duplicate, which no-code-after-callback reports), so some item does.
    `exports.handler = (context, event, callback) => {
  event.rows.forEach((row) => {
    save(row);
    callback(null, row.id);
  });
};`,
    // The collection idiom: each item hands the callback on.
    `exports.handler = (context, event, callback) => {
  let done = 0;
  event.numbers.forEach((to) => {
    send(to).then(() => {
      done += 1;
      if (done === event.numbers.length) callback(null, 'sent');
    });
  });
};`,
  ],
  invalid: [
    {
      // Only a matching row answers: with no match, nothing does.
      code: `exports.handler = (context, event, callback) => {
  loadRows().then((rows) => {
    rows.forEach((row) => {
      if (row.id === event.Id) callback(null, row);
    });
  }).catch(callback);
};
function loadRows() {}`,
      // Inside a per-item function the advice is to answer once, after the iteration.
      errors: [{ messageId: 'missingAfterIteration', line: 6, column: 3, endLine: 6, endColumn: 4, data: { name: 'callback', exit: 'The function passed to `then()` can end here', method: 'forEach' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  event.rows.forEach((row) => {
    if (row.id === event.Id) callback(null, row);
  });
};`,
      errors: [{ messageId: 'missingAfterIteration', line: 5, column: 1, endLine: 5, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', method: 'forEach' } }],
    },
  ],
});

const undeclared = (line: number, column: number, read: string) => ({
  messageId: 'rejectedByUndeclaredName' as const,
  line,
  column,
  endLine: line,
  endColumn: column + read.length,
  data: { name: 'callback', subject: 'the async handler', read },
});

runWithBothParsers('require-callback: reads of undeclared names throw', rule, {
  valid: [
    // A plain handler that throws answers with a 500; nothing after the read runs, so no path is missing.
    `exports.handler = (context, event, callback) => {
  if (event.cached) return callback(null, event.cached);
  refreshCache(event);
};`,
    // Caught by a catch that answers.
    `exports.handler = async (context, event, callback) => {
  try {
    const rows = await loadRows(event);
    return callback(null, rows);
  } catch (error) {
    return callback(error);
  }
};`,
    // typeof never throws; Node's and Twilio's globals and the configured ones are declared.
    `exports.handler = async (context, event, callback) => {
  const inBrowser = typeof window !== 'undefined' ? window.location.href : null;
  const response = new Twilio.Response();
  response.setBody(Buffer.from(JSON.stringify({ inBrowser, path: Runtime.getFunctions().x })));
  await fetch(context.HOOK_URL);
  callback(null, response);
};`,
    {
      code: `exports.handler = async (context, event, callback) => {
  callback(null, await sharedLookup(event));
};`,
      languageOptions: { globals: { sharedLookup: 'readonly' } },
    },
    `/* global sharedLookup */
exports.handler = async (context, event, callback) => {
  callback(null, await sharedLookup(event));
};`,
    // A name the file assigns without declaring is an implicit global of sloppy code.
    `exports.handler = async (context, event, callback) => {
  cache = cache || {};
  callback(null, cache);
};`,
    // Beside a direct `eval()`, a name can come from where scopes do not show.
    `exports.handler = async function (context, event, callback) {
  eval(context.SETUP);
  callback(null, configured);
};`,
    // After the callback, the throw rejects nothing anyone waits for.
    `exports.handler = async (context, event, callback) => {
  callback(null, 'ok');
  metrics.increment('calls');
};`,
  ],
  invalid: [
    {
      // An async handler whose path reads an undeclared name before calling back: it rejects, the request times out.
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const message = await client.messages.create({ to: event.To, from: FROM_NUMBER, body: 'hi' });
  callback(null, message.sid);
};`,
      errors: [undeclared(3, 70, 'FROM_NUMBER')],
    },
    {
      // The first read on a path ends it: the second is never reached on the same path.
      code: `exports.handler = async (context, event, callback) => {
  if (event.retry) {
    await retryQueue.push(event);
  }
  const result = await lookUp(event);
  callback(null, result);
};`,
      errors: [undeclared(3, 11, 'retryQueue'), undeclared(5, 24, 'lookUp')],
    },
  ],
});

runWithBothParsers('require-callback: where a path falls through', rule, {
  valid: [],
  invalid: [
    {
      // A `return` after a per-item function that answers for some items: answer once, after the iteration.
      code: `exports.handler = (context, event, callback) => {
  if (event.rows) {
    event.rows.forEach((row) => {
      if (row.id === event.Id) callback(null, row);
    });
    return;
  }
  callback(null, 'none');
};`,
      errors: [
        {
          messageId: 'missingAfterIteration',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 12,
          data: { name: 'callback', exit: 'This `return` ends the handler', method: 'forEach' },
        },
      ],
    },
    {
      // The try block always returns: the paths that get through are those that entered the catch.
      code: `exports.handler = async (context, event, callback) => {
  try {
    return callback(null, await context.getTwilioClient().lookups.v2.phoneNumbers(event.From).fetch());
  } catch (error) {
    console.error(error);
  }
};`,
      errors: [
        {
          messageId: 'missingAtEnd',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 2,
          data: { name: 'callback', exit: 'The handler can end here', decision: 'the `catch` on line 4' },
        },
      ],
    },
    {
      // An `else if` chain without a final `else`: reported at its last `if`, naming every condition.
      code: `exports.handler = (context, event, callback) => {
  if (event.ResourceType == 'task') {
    callback(null, 'task');
  } else if (event.ResourceType == 'worker') {
    callback(null, 'worker');
  }
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 45,
          data: {
            name: 'callback',
            subject: 'the handler',
            condition: "`event.ResourceType == 'task'` and `event.ResourceType == 'worker'` are false",
            statement: 'if',
            fix: 'Add a final `else` that calls `callback(…)`, or call it after the chain.',
          },
        },
      ],
    },
    {
      // The `if` inside a branch is what lets the path through, not the one around it; a long condition is shortened.
      code: `exports.handler = (context, event, callback) => {
  if (event.kind === 'sms') {
    if (event.From && event.From.startsWith('+1') && event.Body && event.Body.trim().length > 0) {
      callback(null, 'sms');
    }
  } else {
    callback(null, 'other');
  }
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 97,
          data: {
            name: 'callback',
            subject: 'the handler',
            condition: "`event.From && event.From.startsWith('+1') && …` is false",
            statement: 'if',
            fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.',
          },
        },
      ],
    },
    {
      // Two decisions let paths through: the closing brace, naming the last of them.
      code: `exports.handler = (context, event, callback) => {
  if (event.a) {
    if (event.b) callback(null, 'b');
  }
};`,
      errors: [
        {
          messageId: 'missingAtEnd',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 2,
          data: { name: 'callback', exit: 'The handler can end here', decision: '`if (event.b)` on line 3' },
        },
      ],
    },
    {
      // A function that answers for the handler is named as the one that ends.
      code: `exports.handler = (context, event, callback) => route(context, event, callback);
const route = (context, event, done) => {
  if (event.Digits === '1') done(null, 'sales');
};`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 28,
          data: {
            name: 'done',
            subject: '`route()`, which answers for the handler,',
            condition: "`event.Digits === '1'` is false",
            statement: 'if',
            fix: 'Add an `else` that calls `done(…)`, or call it after the `if`.',
          },
        },
      ],
    },
  ],
});

const assertRejects = (line: number, column: number, endColumn: number, more = '') => ({
  messageId: 'rejectedByAssert' as const,
  line,
  column,
  endLine: line,
  endColumn,
  data: { name: 'callback', subject: 'the async handler', more },
});

runWithBothParsers('require-callback: assert() before the answer in an async handler', rule, {
  valid: [
    // A plain handler that throws answers with a 500.
    `const assert = require('assert');
exports.handler = (context, event, callback) => {
  assert(event.To, 'Missing To');
  callback(null, 'ok');
};`,
    // Inside a try whose catch answers.
    `const assert = require('assert');
exports.handler = async (context, event, callback) => {
  try {
    assert.ok(event.To, 'Missing To');
    callback(null, await send(event.To));
  } catch (error) {
    callback(error);
  }
};
function send() {}`,
    // After the answer it rejects nothing anyone waits for; and a function of another name is not Node's assert.
    `const assert = require('assert');
const check = require('./check');
exports.handler = async (context, event, callback) => {
  check(event.To);
  callback(null, 'ok');
  assert(event.To);
};`,
    // A local function called assert is not Node's.
    `function assert(value) { return Boolean(value); }
exports.handler = async (context, event, callback) => {
  assert(event.To);
  callback(null, 'ok');
};`,
  ],
  invalid: [
    {
      code: `exports.handler = async function (context, event, callback) {
  const assert = require('assert');
  assert(event.command, 'Missing command');
  try {
    callback(null, await run(event.command));
  } catch (error) {
    callback(error);
  }
};
function run() {}`,
      errors: [assertRejects(3, 3, 43)],
    },
    {
      // \`require('assert').strict\` and its methods.
      code: `const assert = require('node:assert').strict;
exports.handler = async (context, event, callback) => {
  assert.equal(typeof event.phone, 'string');
  callback(null, 'ok');
};`,
      errors: [assertRejects(3, 3, 45)],
    },
    {
      // Several asserts: one report, at the first, naming the others.
      code: `exports.handler = async (context, event, callback) => {
  const assert = require('assert');
  assert(event.name_given, 'missing name_given');
  assert(event.name_family, 'missing name_family');
  if (event.dob) assert(Date.parse(event.dob), 'bad dob');
  callback(null, await find(event));
};
function find() {}`,
      errors: [assertRejects(3, 3, 49, ' (and the 2 on lines 4 and 5 after it)')],
    },
  ],
});

const THROWS_WITHOUT_TO = `  if (!event.To) throw new Error('To is required');
  callback(null, 'ok');`;

/** An installer Function that refuses to run once deployed: `guard` first, then work that can reject. */
const localOnly = (guard: string) => `const assert = require('assert');
exports.handler = async function (context, event, callback) {
  ${guard}
  assert(event.configuration, 'missing configuration');
  const service = await deploy(context, event.configuration);
  if (!service) throw new Error('deploy failed');
  return callback(null, { service });
};
async function deploy() {}`;

runWithBothParsers('require-callback: a handler that runs only on the local server', rule, {
  valid: [
    // Deployed, the guard refuses every request on purpose; after it the code runs only under twilio-run, which
    // answers a rejection with a 500.
    localOnly("assert(context.DOMAIN_NAME.startsWith('localhost:'), 'Can only run on localhost!!!');"),
    localOnly("if (!context.DOMAIN_NAME.startsWith('localhost')) throw new Error('local only');"),
    localOnly("if (!context.DOMAIN_NAME.includes('127.0.0.1')) return callback(null, { status: 403 });"),
  ],
  invalid: [
    {
      // Another check of the configuration is no such guard.
      code: localOnly("assert(context.DOMAIN_NAME, 'missing DOMAIN_NAME');"),
      errors: [assertRejects(3, 3, 53, ' (and the one on line 4 after it)'), { messageId: 'rejectedOnPath', line: 6, column: 17, endLine: 6, endColumn: 50, data: { name: 'callback', subject: 'the async handler' } }],
    },
    {
      // A guard after work that can reject comes too late for what runs before it; and locally too, a path that
      // never calls back hangs.
      code: `const assert = require('assert');
exports.handler = async function (context, event, callback) {
  assert(event.token, 'missing token');
  assert(context.DOMAIN_NAME.startsWith('localhost:'), 'Can only run on localhost!!!');
  if (event.dryRun) return;
  return callback(null, 'deployed');
};`,
      errors: [
        assertRejects(3, 3, 39),
        { messageId: 'missingOnPath', line: 5, column: 21, endLine: 5, endColumn: 28, data: { name: 'callback', exit: 'This `return` ends the handler' } },
      ],
    },
  ],
});

runWithBothParsers('require-callback: a delegate returned without await from a try', rule, {
  valid: [
    // Awaited in the try: its catch answers the rejection.
    delegateInTry('return await route', THROWS_WITHOUT_TO),
  ],
  invalid: [
    {
      code: delegateInTry('return route', THROWS_WITHOUT_TO),
      errors: [
        {
          messageId: 'rejectedOnPath',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 52,
          data: {
            name: 'callback',
            subject: 'the promise of `route()`, which answers for the handler, returned without `await` from the `try` on line 2 (so its `catch` never sees the rejection),',
          },
        },
      ],
    },
  ],
});
