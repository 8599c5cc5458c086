import rule from '../../src/rules/require-callback.js';
import { runWithBothParsers } from '../rule-testers.js';

runWithBothParsers('require-callback with twilio-node and Airtable iterators', rule, {
  valid: [
    // A write whose continuation answers only its error, beside a query whose chain answers: the query gives the answer.
    `exports.handler = function (context, event, callback) {
  base('Events').create([{ fields: { phone: event.From } }], function (err) {
    if (err) {
      callback('Could not add the event', err);
    }
  });
  base('Users').select().all().then((users) => {
    callback(null, { users: users.length });
  }, (error) => callback(error));
};
function base() {}`,
    // `each`'s item function that only collects; its `done` option answers on every path.
    `exports.handler = (context, event, callback) => {
  const sids = [];
  context.getTwilioClient().calls.each({
    status: 'in-progress',
    done: (error) => (error ? callback(error) : callback(null, sids)),
  }, (call) => {
    sids.push(call.sid);
  });
};`,
    // Airtable: the page function fetches the next page, the completion answers on both outcomes.
    `exports.handler = (context, event, callback) => {
  const names = [];
  base('Contacts').select({ view: 'Grid' }).eachPage((records, fetchNextPage) => {
    records.forEach((record) => names.push(record.get('Name')));
    fetchNextPage();
  }, (error) => {
    if (error) return callback(error);
    callback(null, names);
  });
};`,
    // Airtable's page function answers and never fetches the next page; `done` answers the failure.
    `exports.handler = (context, event, callback) => {
  base('Jobs').select({ maxRecords: 1 }).eachPage(function page(records) {
    callback(null, records.length);
  }, function done(error) {
    if (error) callback(error);
  });
};
function base() {}`,
    // A `done` that answers the failure with `return`, and nothing on the path Airtable never takes.
    `exports.handler = (context, event, callback) => {
  base('Jobs').select({ maxRecords: 1 }).eachPage((records) => {
    callback(null, records.length);
  }, (error) => {
    if (error) {
      return callback(error);
    }
  });
};
function base() {}`,
    // forEach's second argument is its `this` value, not a completion: nothing runs it.
    `exports.handler = (context, event, callback) => {
  [1, 2].forEach(function item(n) {
    callback(null, n);
  }, function done(error) {
    if (error) console.error(error);
  });
};`,
    // An item function that answers for every item: no-code-after-callback's perItem, not a missing path.
    `exports.handler = (context, event, callback) => {
  context.getTwilioClient().conferences.each({ friendlyName: event.Name }, (conference) => {
    conference.update({ status: 'completed' }).then(() => callback(null, 'ended'));
  });
};`,
  ],
  invalid: [
    {
      // twilio-node's `done` option whose error path only logs.
      code: `exports.handler = (context, event, callback) => {
  const sids = [];
  context.getTwilioClient().calls.each({
    status: 'in-progress',
    done: (error) => {
      if (error) {
        console.error(error);
        return;
      }
      callback(null, sids);
    },
  }, (call) => {
    sids.push(call.sid);
  });
};`,
      errors: [{ messageId: 'missingOnPath', line: 8, column: 9, endLine: 8, endColumn: 16, data: { name: 'callback', exit: 'This `return` ends the function passed to `each()`' } }],
    },
    {
      // Airtable's completion whose error path only logs.
      code: `exports.handler = (context, event, callback) => {
  const names = [];
  base('Contacts').select({ view: 'Grid' }).eachPage((records, fetchNextPage) => {
    records.forEach((record) => names.push(record.get('Name')));
    fetchNextPage();
  }, (error) => {
    if (error) {
      console.error(error);
      return;
    }
    callback(null, names);
  });
};
function base() {}`,
      errors: [{ messageId: 'missingOnPath', line: 9, column: 7, endLine: 9, endColumn: 14, data: { name: 'callback', exit: 'This `return` ends the function passed to `eachPage()`' } }],
    },
    {
      // Airtable's page function answers and never fetches the next page: when the query fails only `done` runs.
      code: `exports.handler = function (context, event, callback) {
  base('Jobs').select({ filterByFormula: '{Phone} = "x"' }).eachPage(function page(records, fetchNextPage) {
    records.forEach(function (record) {
      callback(null, record.get('Name'));
    });
  }, function done(err) {
    if (err) { console.error(err); return; }
  });
};
function base() {}`,
      errors: [{ messageId: 'pageFailureUnanswered', line: 6, column: 6, endLine: 6, endColumn: 19, data: { name: 'callback', error: 'err' } }],
    },
    {
      // The same with arrows, an async page function and a `done` that only logs.
      code: `exports.handler = (context, event, callback) => {
  base('Jobs').select({}).eachPage(async (records) => {
    callback(null, records.length);
  }, (e) => console.error(e));
};
function base() {}`,
      errors: [{ messageId: 'pageFailureUnanswered', line: 4, column: 10, endLine: 4, endColumn: 12, data: { name: 'callback', error: 'e' } }],
    },
    {
      // A single page's `done` that reads the callback: its `return` on the failure is still reported.
      code: `exports.handler = (context, event, callback) => {
  base('Jobs').select({ maxRecords: 1 }).eachPage((records) => {
    callback(null, records.length);
  }, (error) => {
    if (error) {
      console.error(error);
      return;
    }
    callback(null, 0);
  });
};
function base() {}`,
      errors: [{ messageId: 'missingOnPath', line: 7, column: 7, endLine: 7, endColumn: 14, data: { name: 'callback', exit: 'This `return` ends the function passed to `eachPage()`' } }],
    },
    {
      // The same error-only continuation with nothing beside it: its success path answers nothing.
      code: `exports.handler = function (context, event, callback) {
  base('Events').create([{ fields: { phone: event.From } }], function (err) {
    if (err) {
      callback('Could not add the event', err);
    }
  });
};
function base() {}`,
      errors: [{ messageId: 'missingAfterDecision', line: 3, column: 5, endLine: 3, endColumn: 13, data: { name: 'callback', subject: 'the function passed to `create()`', condition: '`err` is false', statement: 'if', fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.' } }],
    },
    {
      // A node-style callback whose error branch falls through without answering.
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' }, (error, message) => {
    if (error) {
      console.error(error);
    } else {
      callback(null, message.sid);
    }
  });
};`,
      errors: [{ messageId: 'missingAtEnd', line: 8, column: 3, endLine: 8, endColumn: 4, data: { name: 'callback', exit: 'The function passed to `create()` can end here', decision: '`if (error)` on line 3' } }],
    },
    {
      // `each` runs its item function per item: with no matching call, nothing answers.
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls.each({ status: 'in-progress' }, (call) => {
    if (call.to === event.To) callback(null, call.sid);
  });
};`,
      errors: [{ messageId: 'missingAfterIteration', line: 5, column: 1, endLine: 5, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here', method: 'each' } }],
    },
  ],
});

runWithBothParsers('require-callback with functions made from the callback', rule, {
  valid: [
    `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) return respond('To is required');
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then((message) => respond(null, message.sid))
    .catch((error) => respond(error));
};`,
    // Handed on: whoever receives it answers.
    `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  sendAll(event, respond);
};`,
    // A same-file factory that takes the callback second: its made function answers on every path.
    `function responder(context, cb) {
  return (body) => cb(null, { body, from: context.SERVICE_NAME });
}
exports.handler = (context, event, callback) => {
  const send = responder(context, callback);
  if (!event.To) return send('To is required');
  send('ok');
};`,
    // Made but never called: the factory call stays a hand-off.
    `exports.handler = (context, event, callback) => {
  const response = createResponse(callback);
  server.handle(event, response);
};`,
  ],
  invalid: [
    {
      // Making the responder answers nothing: the early return never calls it.
      code: `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) return;
  respond(null, 'ok');
};`,
      errors: [{ messageId: 'missingOnPath', line: 4, column: 18, endLine: 4, endColumn: 25, data: { name: 'callback', exit: 'This `return` ends the handler' } }],
    },
    {
      // A same-file factory whose made function answers on some paths only.
      code: `function makeResponder(callback) {
  return (status, body) => {
    if (status >= 500) return;
    callback(null, { status, body });
  };
}
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  respond(event.status, 'x');
};`,
      errors: [{ messageId: 'missingOnPath', line: 10, column: 1, endLine: 10, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here' } }],
    },
  ],
});

runWithBothParsers('require-callback in chain links that pass a value on', rule, {
  valid: [
    // Each return of the first link goes on to the link that answers.
    `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => {
      if (!result) {
        callback(null, 'none');
        return;
      }
      return enrich(result);
    })
    .then((enriched) => callback(null, enriched))
    .catch(callback);
};`,
  ],
  invalid: [
    {
      // The next link does not answer on every path: reported there, once; the first link's return that feeds it is
      // the same gap, not a second one.
      code: `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => {
      if (!result) return callback(null, 'none');
      return enrich(result);
    })
    .then((enriched) => { if (enriched.ok) callback(null, enriched); })
    .catch(callback);
};
function lookup() {}
function enrich() {}`,
      errors: [
        {
          messageId: 'missingAfterDecision',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 43,
          data: {
            name: 'callback',
            condition: '`enriched.ok` is false',
            subject: 'the function passed to `then()`',
            statement: 'if',
            fix: 'Add an `else` that calls `callback(…)`, or call it after the `if`.',
          },
        },
      ],
    },
  ],
});

/** The handler's `missingAfterDecision` at the decision on one line, `[column, endColumn)`. */
const afterDecision = (line: number, column: number, endColumn: number, condition: string, statement: 'if' | 'switch', fix: string) => ({
  messageId: 'missingAfterDecision' as const,
  line,
  column,
  endLine: line,
  endColumn,
  data: { name: 'callback', subject: 'the handler', condition, statement, fix },
});
const ifFix = 'Add an `else` that calls `callback(…)`, or call it after the `if`.';
const chainFix = 'Add a final `else` that calls `callback(…)`, or call it after the chain.';
const switchFix = 'Add a `default:` that calls `callback(…)`, or call it after the `switch`.';

/** An `else if` chain testing `event.Email` then `event.Phone`, inside an `if (enclosing)` whose `else` calls back. */
const chainInside = (enclosing: string) => `exports.handler = (context, event, callback) => {
  if (${enclosing}) {
    if (event.Email) {
      return callback(null, 'mailed');
    } else if (event.Phone) {
      return callback(null, 'texted');
    }
  } else {
    return callback(null, 'nothing to do');
  }
};`;

runWithBothParsers('require-callback at the decision whose other branches returned', rule, {
  valid: [
    // The `if` around the chain runs it only when one of its conditions holds: no path gets past the chain.
    chainInside('event.Room && (event.Email || event.Phone)'),
    // An awaited REST update resolves to the call resource (a failure rejects into the catch): \`if (call)\` is always true.
    `exports.handler = async (context, event, callback) => {
  try {
    const call = await context.getTwilioClient().calls(event.CallSid).update({ status: 'completed' });
    if (call) {
      return callback(null, { status: call.status });
    }
  } catch (error) {
    return callback(error);
  }
};`,
    // A resource's \`sid\`, and a \`const\` bound to a non-empty string or (negated) to an empty one.
    `exports.handler = async (context, event, callback) => {
  const message = await context.getTwilioClient().messages.create({ to: event.From, from: context.FROM, body: 'Hi' });
  if (message.sid) return callback(null, message.sid);
};`,
    `const GREETING = 'Thanks for calling';
exports.handler = (context, event, callback) => {
  if (GREETING) {
    callback(null, GREETING);
  }
};`,
    `const SKIP = '';
exports.handler = (context, event, callback) => {
  if (!SKIP) callback(null, 'sent');
};`,
    // An \`async\` function of the file called without \`await\` gives a Promise, always truthy: this \`return\` never runs.
    `exports.handler = async function (context, event, callback) {
  if (!isSigned(context, event)) return;
  callback(null, 'accepted');
};
async function isSigned(context, event) {
  return event.Signature === context.SECRET;
}`,
    // ... and the false side of \`if (isSigned(…))\` never runs either.
    `const isSigned = async (event) => event.Signature !== undefined;
exports.handler = (context, event, callback) => {
  if (isSigned(event)) {
    callback(null, 'accepted');
  }
};`,
  ],
  invalid: [
    {
      // The same guard, synchronous: its \`return\` leaves the request open.
      code: `exports.handler = async function (context, event, callback) {
  if (!isSigned(context, event)) return;
  callback(null, 'accepted');
};
function isSigned(context, event) {
  return event.Signature === context.SECRET;
}`,
      errors: [{ messageId: 'missingOnPath', line: 2, column: 34, endLine: 2, endColumn: 41, data: { name: 'callback', exit: 'This `return` ends the handler' } }],
    },
    {
      // \`remove()\` resolves to a boolean: the \`if\` on it stays open.
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const removed = await client.sync.v1.services(context.SYNC_SID).documents(event.Doc).remove();
  if (removed) {
    return callback(null, 'removed');
  }
};`,
      errors: [afterDecision(4, 3, 15, '`removed` is false', 'if', ifFix)],
    },
    {
      // A \`let\` may change before the test.
      code: `exports.handler = async (context, event, callback) => {
  let greeting = 'Hello';
  if (event.Quiet) greeting = '';
  if (greeting) {
    callback(null, greeting);
  }
};`,
      errors: [afterDecision(4, 3, 16, '`greeting` is false', 'if', ifFix)],
    },
    {
      // A value read from the context is unknown.
      code: `exports.handler = async (context, event, callback) => {
  const enabled = context.FEATURE_ON;
  if (enabled) {
    callback(null, 'on');
  }
};`,
      errors: [afterDecision(3, 3, 15, '`enabled` is false', 'if', ifFix)],
    },
    {
      // A \`const\` bound to \`false\`: the \`if\` never calls back at all.
      code: `const ENABLED = false;
exports.handler = (context, event, callback) => {
  if (ENABLED) {
    callback(null, 'on');
  }
};`,
      errors: [afterDecision(3, 3, 15, '`ENABLED` is false', 'if', ifFix)],
    },
    {
      // A \`switch\` with a \`default:\`: the one \`case\` that breaks without calling back is what gets past it.
      code: `exports.handler = async function (context, event, callback) {
  const documents = context.getTwilioClient().sync.v1.services(context.SYNC_SID).documents;
  try {
    switch (event.method) {
      case 'GET':
        callback(null, (await documents(event.id).fetch()).data);
        break;
      case 'DELETE':
        await documents(event.id).remove();
        break;
      default:
        callback(null, 'unknown method');
    }
  } catch (error) {
    callback(error);
  }
};`,
      errors: [afterDecision(4, 5, 26, "`event.method` is `'DELETE'`", 'switch', 'Call `callback(…)` in that case, or call it after the `switch`.')],
    },
    {
      // The other cases return (or throw): only the case that breaks gets past, with a \`finally\` that only logs.
      code: `exports.handler = async function (context, event, callback) {
  console.time('deploy');
  try {
    switch (event.action) {
      case 'DEPLOY':
        return callback(null, await deploy(context));
      case 'DELETE':
        console.log('not implemented');
        break;
      default:
        throw new Error('unknown action');
    }
  } catch (error) {
    return callback(error);
  } finally {
    console.timeEnd('deploy');
  }
};
async function deploy() {}`,
      errors: [afterDecision(4, 5, 26, "`event.action` is `'DELETE'`", 'switch', 'Call `callback(…)` in that case, or call it after the `switch`.')],
    },
    {
      // Two cases break without calling back while the others return: both are named.
      code: `exports.handler = (context, event, callback) => {
  switch (event.action) {
    case 'GET':
      return callback(null, 'got');
    case 'PUT':
      console.log('put');
      break;
    case 'DELETE':
      console.log('delete');
      break;
    default:
      return callback('unknown action');
  }
};`,
      errors: [afterDecision(2, 3, 24, "`event.action` is `'PUT'` or `'DELETE'`", 'switch', 'Call `callback(…)` in those cases, or call it after the `switch`.')],
    },
    {
      // ... and a \`default:\` that breaks without calling back too.
      code: `exports.handler = (context, event, callback) => {
  switch (event.method) {
    case 'GET':
      callback(null, 'got');
      break;
    case 'DELETE':
      break;
    default:
      console.log('unknown method');
      break;
  }
};`,
      errors: [afterDecision(2, 3, 24, "`event.method` is `'DELETE'` or matches no `case`", 'switch', 'Call `callback(…)` in those cases, or call it after the `switch`.')],
    },
    {
      // A \`default:\` last that falls off the end without calling back: "matches no \`case\`".
      code: `exports.handler = (context, event, callback) => {
  switch (event.method) {
    case 'GET':
      callback(null, 'got');
      break;
    default:
      console.log('unknown method');
  }
};`,
      errors: [afterDecision(2, 3, 24, '`event.method` matches no `case`', 'switch', 'Call `callback(…)` in that case, or call it after the `switch`.')],
    },
    {
      // A valued \`case\` last, after the \`default:\`, that falls off the end: that case.
      code: `exports.handler = (context, event, callback) => {
  switch (event.method) {
    default:
      callback(null, 'unknown method');
      break;
    case 'PUT':
    case 'POST':
      console.log('saved');
  }
};`,
      errors: [afterDecision(2, 3, 24, "`event.method` is `'PUT'` or `'POST'`", 'switch', 'Call `callback(…)` in those cases, or call it after the `switch`.')],
    },
    {
      // Every `case` returns after calling back: only "no case matched" gets past the switch, inside a try.
      code: `exports.handler = async (context, event, callback) => {
  try {
    switch (event.Action) {
      case 'start':
        await context.getTwilioClient().calls(event.CallSid).update({ status: 'in-progress' });
        return callback(null, 'started');
      case 'stop':
        return callback(null, 'stopped');
    }
  } catch (error) {
    return callback(error);
  }
};`,
      errors: [afterDecision(3, 5, 26, '`event.Action` matches no `case`', 'switch', switchFix)],
    },
    {
      // A `case` that only breaks lets its paths past the switch too: the message names it beside "no case".
      code: `exports.handler = function (context, event, callback) {
  const twiml = new Twilio.twiml.MessagingResponse();
  switch (event.Body.trim().toLowerCase()) {
    case 'hours':
      twiml.message('9 to 5');
      callback(null, twiml);
      break;
    case 'facts':
      // to do
      break;
    case 'help': {
      twiml.message('Text HOURS');
      callback(null, twiml);
      break;
    }
  }
};`,
      errors: [
        afterDecision(3, 3, 43, "`event.Body.trim().toLowerCase()` is `'facts'` or matches no `case`", 'switch', 'Call `callback(…)` in that case and in a `default:`, or call it after the `switch`.'),
      ],
    },
    {
      // Several such cases (an empty one falls into the next), and one that breaks out of a loop inside it (that
      // `break` is the loop's).
      code: `exports.handler = (context, event, callback) => {
  switch (event.Action) {
    case 'a':
    case 'b':
      break;
    case 'c':
      for (const item of event.Items) {
        if (item) break;
      }
      callback(null, 'c');
      break;
    case 'd':
      console.log('skipped');
      break;
  }
};`,
      errors: [
        afterDecision(2, 3, 24, "`event.Action` is `'a'` or `'b'` or `'d'` or matches no `case`", 'switch', 'Call `callback(…)` in those cases and in a `default:`, or call it after the `switch`.'),
      ],
    },
    {
      // An `else if` chain of returns with nothing after it.
      code: `exports.handler = (context, event, callback) => {
  if (event.Digits === '1') {
    return callback(null, 'sales');
  } else if (event.Digits === '2') {
    return callback(null, 'support');
  }
};`,
      errors: [afterDecision(4, 10, 35, "`event.Digits === '1'` and `event.Digits === '2'` are false", 'if', chainFix)],
    },
    {
      // The `if` around the chain lets through a value the chain does not test (`event.Fax`).
      code: chainInside('event.Room && (event.Email || event.Fax)'),
      errors: [afterDecision(5, 12, 28, '`event.Email` and `event.Phone` are false', 'if', chainFix)],
    },
    {
      // An un-awaited async local function whose \`catch\` answers one error class: reported inside it, at that \`if\`.
      code: `exports.handler = async (context, event, callback) => {
  const client = context.getTwilioClient();
  const remove = async (sid) => {
    try {
      await client.recordings(sid).remove();
      return callback(null, 'deleted');
    } catch (error) {
      if (error.status === 404) {
        return callback(null, 'already gone');
      }
    }
  };
  if (event.Body === 'delete') {
    remove(event.RecordingSid);
  } else {
    return callback(null, 'unknown command');
  }
};`,
      errors: [{ ...afterDecision(8, 7, 32, '`error.status === 404` is false', 'if', ifFix), data: { name: 'callback', subject: '`remove()` (called on line 14)', condition: '`error.status === 404` is false', statement: 'if', fix: ifFix } }],
    },
    {
      // A local function's \`return\` that skips the callback: reported at that \`return\`, naming the call.
      code: `exports.handler = (context, event, callback) => {
  function reply(text) {
    if (!text) return;
    callback(null, text);
  }
  reply(event.Body);
};`,
      errors: [{ messageId: 'missingOnPath', line: 3, column: 16, endLine: 3, endColumn: 23, data: { name: 'callback', exit: 'This `return` ends `reply()` (called on line 6)' } }],
    },
    {
      // A guard that returns, then work that never calls back: the work is what skips the callback, not the guard.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) return callback(null, 'To is required');
  console.log(event.To);
};`,
      errors: [{ messageId: 'missingOnPath', line: 4, column: 1, endLine: 4, endColumn: 2, data: { name: 'callback', exit: 'The handler can end here' } }],
    },
    {
      // Two returning guards in a row, the last with nothing after it: the last one lets the path through.
      code: `exports.handler = (context, event, callback) => {
  if (!event.To) return callback(null, 'To is required');
  if (event.To.startsWith('+1')) return callback(null, 'domestic');
};`,
      errors: [afterDecision(3, 3, 33, "`event.To.startsWith('+1')` is false", 'if', ifFix)],
    },
    {
      // The guard inside a try whose catch calls back without returning: the catch's paths meet the guard's false
      // side after the try, but they called back, so the guard still explains every path that falls off the end.
      code: `exports.handler = (context, event, callback) => {
  try {
    if (event.Body.trim()) return callback(null, 'ok');
  } catch (error) {
    callback(error);
  }
};`,
      errors: [afterDecision(3, 5, 27, '`event.Body.trim()` is false', 'if', ifFix)],
    },
  ],
});

/** A router over `mode` whose guard (`guard`) answers first for values it does not take; `decisions` test the rest. */
const routed = (setup: string, guard: string, decisions: string) => `exports.handler = async (context, event, callback) => {
${setup}
  ${guard}
  const client = context.getTwilioClient();
  try {
${decisions}
  } catch (error) {
    return callback(error);
  }
};`;
const smsAndVoice = `    if (mode === 'sms') {
      const message = await client.messages.create({ to: event.To, from: context.FROM, body: 'Hi' });
      return callback(null, message.sid);
    }
    if (mode === 'voice') {
      const call = await client.calls.create({ to: event.To, from: context.FROM, url: context.TWIML_URL });
      return callback(null, call.sid);
    }`;

/** A `switch` without `default:` over `event.Kind` taking `sms` and `voice`, after the lines `before` (the switch on line 4). */
const kindSwitch = (before: string) => `exports.handler = (context, event, callback) => {
${before}
  switch (event.Kind) {
    case 'sms':
      return callback(null, 'texting');
    case 'voice':
      return callback(null, 'calling');
  }
};`;

runWithBothParsers('require-callback after guards that let some values through', rule, {
  valid: [
    // The guard answers unless `mode` is one of the list's values, and the `if`s take each of them.
    routed(`  const { mode } = event;\n  const modes = ['sms', 'voice'];`, `if (!mode || !modes.includes(mode)) {\n    return callback(null, { error: \`mode must be one of \${modes.join(', ')}\` });\n  }`, smsAndVoice),
    // The same with `indexOf`, a `Set`, comparisons joined by `&&`, and a guard in an `else if` chain.
    routed(`  const mode = event.Mode;`, `if (['sms', 'voice'].indexOf(mode) === -1) return callback(null, 'unknown mode');`, smsAndVoice),
    routed(`  const mode = event.Mode;\n  const MODES = new Set(['sms', 'voice']);`, `if (!MODES.has(mode)) return callback(null, 'unknown mode');`, smsAndVoice),
    routed(`  const mode = event.Mode;`, `if (mode !== 'sms' && mode !== 'voice') return callback(new Error('unknown mode'));`, smsAndVoice),
    routed(`  const mode = event.Mode;`, `if (!event.To) return callback(null, 'no number');\n  else if (mode !== 'sms' && mode !== 'voice') return callback(null, 'unknown mode');`, smsAndVoice),
    // A member read nothing writes, and an `else if` chain rather than separate `if`s.
    `exports.handler = (context, event, callback) => {
  if (event.Mode !== 'sms' && event.Mode !== 'voice') {
    return callback(null, 'unknown mode');
  }
  if (event.Mode === 'sms') {
    callback(null, 'texting');
  } else if (event.Mode === 'voice') {
    callback(null, 'calling');
  }
};`,
    // Truthiness: the \`else if\` takes what the first condition leaves, and a guard answers for a missing value.
    `exports.handler = (context, event, callback) => {
  if (!event.Code) {
    callback(null, 'sending a code');
  } else if (event.Code) {
    callback(null, 'checking the code');
  }
};`,
    `exports.handler = (context, event, callback) => {
  const { To } = event;
  if (!To) return callback(null, { status: 400 });
  if (To) callback(null, 'sending');
};`,
    // A \`switch\` without \`default:\` whose cases take every value the guard lets through.
    kindSwitch(`  const kinds = ['sms', 'voice'];\n  if (!kinds.includes(event.Kind)) return callback(null, 'unknown kind');`),
  ],
  invalid: [
    {
      // The list lets `email` through, and no `if` takes it.
      code: routed(`  const { mode } = event;\n  const modes = ['sms', 'voice', 'email'];`, `if (!modes.includes(mode)) return callback(null, 'unknown mode');`, smsAndVoice),
      errors: [afterDecision(11, 5, 26, "`mode === 'voice'` is false", 'if', ifFix)],
    },
    {
      // `mode` changes after the guard: the guard says nothing of its new value.
      code: routed(`  let mode = event.Mode;`, `if (!['sms', 'voice'].includes(mode)) return callback(null, 'unknown mode');\n  mode = context.DEFAULT_MODE;`, smsAndVoice),
      errors: [afterDecision(11, 5, 26, "`mode === 'voice'` is false", 'if', ifFix)],
    },
    {
      // The list grows at run time.
      code: routed(`  const { mode } = event;\n  const modes = ['sms', 'voice'];\n  if (context.EMAIL_ON) modes.push('email');`, `if (!modes.includes(mode)) return callback(null, 'unknown mode');`, smsAndVoice),
      errors: [afterDecision(12, 5, 26, "`mode === 'voice'` is false", 'if', ifFix)],
    },
    {
      // A guard that answers but goes on: its paths reach the `if`s too (and call back twice: no-code-after-callback).
      code: routed(`  const { mode } = event;`, `if (mode !== 'sms' && mode !== 'voice') callback(null, 'unknown mode');`, smsAndVoice),
      errors: [afterDecision(10, 5, 26, "`mode === 'voice'` is false", 'if', ifFix)],
    },
    {
      // Another value's truthiness says nothing of this one.
      code: `exports.handler = (context, event, callback) => {
  if (!event.Code) {
    callback(null, 'sending a code');
  } else if (event.Phone) {
    callback(null, 'checking the code');
  }
};`,
      errors: [afterDecision(4, 10, 26, '`!event.Code` and `event.Phone` are false', 'if', chainFix)],
    },
    {
      // The member read is written between the guard and the `switch`.
      code: kindSwitch(`  if (!['sms', 'voice'].includes(event.Kind)) return callback(null, 'unknown kind');\n  event.Kind = context.DEFAULT_KIND;`),
      errors: [afterDecision(4, 3, 22, '`event.Kind` matches no `case`', 'switch', switchFix)],
    },
  ],
});
