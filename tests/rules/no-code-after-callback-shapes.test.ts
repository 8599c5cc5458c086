import rule from '../../src/rules/no-code-after-callback.js';
import { runWithBothParsers } from '../rule-testers.js';

runWithBothParsers('no-code-after-callback with twilio-node and Airtable iterators', rule, {
  valid: [
    // Airtable's create of a one-record array answers with one record: answering once per record answers once.
    `exports.handler = (context, event, callback) => {
  const base = context.base;
  base('Leads').create([{ fields: { Phone: event.From } }], (err, records) => {
    if (err) return callback(err);
    records.forEach((record) => {
      callback(null, { id: record.getId() });
    });
  });
};`,
    // An `each` function that does not answer (cheerio's, here) is only a loop.
    `exports.handler = (context, event, callback) => {
  const rows = [];
  $(event.table).find('tr').each((index, row) => {
    rows.push($(row).text());
  });
  callback(null, rows);
};`,
    // A page function that never calls `fetchNextPage` runs once, for the first page: its callback answers once.
    `exports.handler = (context, event, callback) => {
  base('Slots').select({ maxRecords: 3 }).eachPage(function page(records, fetchNextPage) {
    callback(null, records.map((record) => record.get('Time')));
  }, function done(error) {
    if (error) console.error(error);
  });
};
function base() {}`,
    // The inner page function's own `fetchNextPage` is not the outer one's: each runs once.
    `exports.handler = (context, event, callback) => {
  base('Orders').select({}).eachPage((orders, fetchNextPage) => {
    base('Items').select({}).eachPage((items, fetchNextPage) => {
      callback(null, { orders: orders.length, items: items.length });
    });
  });
};
function base() {}`,
    // Items only collected; the completion answers once.
    `exports.handler = (context, event, callback) => {
  const sids = [];
  context.getTwilioClient().calls.each({ done: () => callback(null, sids) }, (call) => {
    sids.push(call.sid);
  });
};`,
  ],
  invalid: [
    {
      // A query for at most one record answers once, or never when nothing matches: that is the finding.
      code: `exports.handler = (context, event, callback) => {
  const base = new Airtable({ apiKey: context.AIRTABLE_KEY }).base(context.BASE_ID);
  base('Codes').select({ maxRecords: 1, filterByFormula: \`{Code} = '\${event.Code}'\` }).firstPage((err, records) => {
    if (err) return callback(err);
    records.forEach((record) => callback(null, { name: record.get('Name') }));
  });
};
const Airtable = require('airtable');`,
      errors: [{ messageId: 'perItemOfAtMostOne', line: 5, column: 33, endLine: 5, endColumn: 77, data: { name: 'callback', method: 'forEach' } }],
    },
    {
      code: `exports.handler = (context, event, callback) => {
  context.base('Codes').select({ 'maxRecords': 1 }).eachPage((records, next) => {
    records.forEach((record) => {
      callback(null, record.id);
    });
  }, (err) => err && callback(err));
};`,
      errors: [{ messageId: 'perItemOfAtMostOne', line: 4, column: 7, endLine: 4, endColumn: 32, data: { name: 'callback', method: 'forEach' } }],
    },
    {
      // Two records given, two answers.
      code: `exports.handler = (context, event, callback) => {
  context.base('Leads').create([{ fields: { Phone: event.From } }, { fields: { Phone: event.To } }], (err, records) => {
    if (err) return callback(err);
    records.forEach((record) => callback(null, { id: record.getId() }));
  });
};`,
      errors: [{ messageId: 'perItem', line: 4, column: 33, endLine: 4, endColumn: 71, data: { name: 'callback', method: 'forEach', unit: 'item' } }],
    },
    {
      // The page function fetches the next page (in a nested function, too): it runs once per page.
      code: `exports.handler = (context, event, callback) => {
  base('Slots').select({}).eachPage((records, fetchNextPage) => {
    const next = () => fetchNextPage();
    callback(null, { count: records.length, next });
  });
};
function base() {}`,
      errors: [{ messageId: 'perItem', line: 4, column: 5, endLine: 4, endColumn: 52, data: { name: 'callback', method: 'eachPage', unit: 'page' } }],
    },
    {
      // Every conference answers: twilio-node's `each` runs its function once per item.
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().conferences.each({ friendlyName: event.Name }, (conference) => {
    conference.update({ status: 'completed' }).then(() => callback(null, 'ended'));
  });
};`,
      errors: [{ messageId: 'perItem', line: 3, column: 59, endLine: 3, endColumn: 82, data: { name: 'callback', method: 'each', unit: 'item' } }],
    },
    {
      // The item function given as twilio-node's `callback` option.
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().calls.each({ status: 'queued', callback: (call) => callback(null, call.sid) });
};`,
      errors: [{ messageId: 'perItem', line: 2, column: 80, endLine: 2, endColumn: 104, data: { name: 'callback', method: 'each', unit: 'item' } }],
    },
  ],
});

const helperData = (fn: string, line: number) => ({ name: 'callback', function: fn, line });

runWithBothParsers('no-code-after-callback after a helper that answers on some paths', rule, {
  valid: [
    // The handler checks the guard's result and returns when it answered.
    `exports.handler = (context, event, callback) => {
  if (!isAuthorized(context, event, callback)) return;
  callback(null, 'ok');
};
function isAuthorized(context, event, callback) {
  if (event.token === context.TOKEN) return true;
  callback('unauthorized');
  return false;
}`,
    // The result kept and tested.
    `exports.handler = (context, event, callback) => {
  const ok = checkToken(context, event, callback);
  if (!ok) return;
  callback(null, 'ok');
};
function checkToken(context, event, callback) {
  if (event.token === context.TOKEN) return true;
  callback(null, 401);
  return false;
}`,
    // The helper answers on some paths, and nothing calls back after it.
    `exports.handler = (context, event, callback) => {
  checkToken(context, event, callback);
  audit(event);
};
function checkToken(context, event, callback) {
  if (event.token !== context.TOKEN) callback(null, 401);
}`,
  ],
  invalid: [
    {
      code: `exports.handler = (context, event, callback) => {
  checkToken(context, event, callback);
  callback(null, 'ok');
};
function checkToken(context, event, callback) {
  if (event.token !== context.TOKEN) {
    callback(null, 401);
  }
}`,
      errors: [{ messageId: 'duplicateAfterHelper', line: 3, column: 3, endLine: 3, endColumn: 23, data: helperData('checkToken', 2) }],
    },
    {
      // The handler goes on to answer through a continuation: on the helper's answering path, a second answer.
      code: `exports.handler = (context, event, callback) => {
  checkToken(context, event, callback);
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then((message) => callback(null, message.sid))
    .catch((error) => callback(error));
};
function checkToken(context, event, callback) {
  if (event.token !== context.TOKEN) {
    callback(null, 401);
  }
}`,
      errors: [{ messageId: 'duplicateAfterHelper', line: 4, column: 24, endLine: 4, endColumn: 51, data: helperData('checkToken', 2) }],
    },
    {
      // The callback handed to a node-style API after the helper.
      code: `exports.handler = (context, event, callback) => {
  checkToken(context, event, callback);
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' }, callback);
};
function checkToken(context, event, callback) {
  if (event.token !== context.TOKEN) callback(null, 401);
}`,
      errors: [{ messageId: 'duplicateAfterHelper', line: 3, column: 75, endLine: 3, endColumn: 83, data: helperData('checkToken', 2) }],
    },
    {
      // An awaited async guard: its whole body has run when the handler goes on.
      code: `exports.handler = async (context, event, callback) => {
  await validate(context, event, callback);
  callback(null, 'ok');
};
async function validate(context, event, callback) {
  if (!event.To) callback('To is required');
}`,
      errors: [{ messageId: 'duplicateAfterHelper', line: 3, column: 3, endLine: 3, endColumn: 23, data: helperData('validate', 2) }],
    },
    {
      // A local function of the handler that answers on one branch.
      code: `exports.handler = (context, event, callback) => {
  function rejectEmpty() {
    if (!event.Body) callback(null, 'empty');
  }
  rejectEmpty();
  callback(null, 'ok');
};`,
      errors: [{ messageId: 'duplicateAfterHelper', line: 6, column: 3, endLine: 6, endColumn: 23, data: helperData('rejectEmpty', 5) }],
    },
  ],
});

runWithBothParsers('no-code-after-callback through awaited async helpers', rule, {
  valid: [
    // `await helper(…, callback)` in a try whose catch answers: the helper answering and then rejecting is no
    // path worth a report (as for `return helper(…, callback)`); the catch runs when the fetch fails, before any answer.
    `exports.handler = async function (context, event, callback) {
  try {
    const list = await context.getTwilioClient().sync.services('IS1').syncLists('x').fetch();
    await record(list, event, callback);
  } catch (error) {
    console.error(error);
    return callback(error);
  }
};
async function record(list, event, callback) {
  try {
    await list.syncListItems.create({ data: event });
    return callback(null, 'ok');
  } catch (error) {
    return callback(error);
  }
}`,
    // Not awaited: the helper's callback comes after the handler's code.
    `exports.handler = async (context, event, callback) => {
  const send = async (body) => {
    await context.getTwilioClient().messages.create({ to: event.To, body });
    callback(null, 'sent');
  };
  send('hi');
  await audit(event);
};`,
    // The catch answers through an awaited helper, the try itself: one answer per path.
    `exports.handler = async (context, event, callback) => {
  async function fail(error) {
    await report(error);
    callback(error);
  }
  try {
    callback(null, await work(event));
  } catch (error) {
    await fail(error);
  }
};`,
  ],
  invalid: [
    {
      // Awaited directly and through another helper: what they do runs before the handler goes on.
      code: `exports.handler = async (context, event, callback) => {
  const send = async (body) => {
    await context.getTwilioClient().messages.create({ to: event.To, body });
    callback(null, 'sent');
  };
  const run = async () => {
    await send('hi');
  };
  await run();
  await audit(event);
  callback(null, 'again');
};
function audit() {}`,
      errors: [
        {
          messageId: 'codeAfterCallbackThenDuplicate',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 22,
          data: { name: 'callback', answered: 'run', line: 9, later: 'line 11' },
          suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'run', line: 9 }, output: `exports.handler = async (context, event, callback) => {
  const send = async (body) => {
    await context.getTwilioClient().messages.create({ to: event.To, body });
    callback(null, 'sent');
  };
  const run = async () => {
    await send('hi');
  };
  return await run();
  await audit(event);
  callback(null, 'again');
};
function audit() {}` }],
        },
      ],
    },
    {
      // A same-file async helper the handler awaits, which always calls back.
      code: `exports.handler = async (context, event, callback) => {
  await reply(context, callback);
  await audit(event);
};
async function reply(context, callback) {
  await save(context);
  callback(null, 'ok');
}
function audit() {}
function save() {}`,
      errors: [{ messageId: 'codeAfterCallback', line: 3, column: 3, endLine: 3, endColumn: 22, data: { name: 'callback', answered: 'reply', line: 2 }, suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'reply', line: 2 }, output: `exports.handler = async (context, event, callback) => {
  return await reply(context, callback);
  await audit(event);
};
async function reply(context, callback) {
  await save(context);
  callback(null, 'ok');
}
function audit() {}
function save() {}` }] }],
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const reply = async (body) => {
    await save(body);
    callback(null, body);
  };
  await reply('first');
  await reply('second');
};
function save() {}`,
      errors: [
        {
          messageId: 'duplicateThroughFunction',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 24,
          data: { name: 'callback', line: 6, function: 'reply' },
          suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'reply', line: 6 }, output: `exports.handler = async (context, event, callback) => {
  const reply = async (body) => {
    await save(body);
    callback(null, body);
  };
  return await reply('first');
  await reply('second');
};
function save() {}` }],
        },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback after a per-item function that answers for some items', rule, {
  valid: [
    // No callback after the loop: require-callback's missing path (no item may match), not a second callback.
    `exports.handler = (context, event, callback) => {
  event.items.forEach((item) => {
    if (item.id === event.id) callback(null, item);
  });
};`,
  ],
  invalid: [
    {
      code: `exports.handler = (context, event, callback) => {
  event.items.forEach((item) => {
    if (item.id === event.id) {
      callback(null, item);
    }
  });
  callback(null, 'none');
};`,
      errors: [{ messageId: 'duplicateAfterPerItem', line: 7, column: 3, endLine: 7, endColumn: 25, data: { name: 'callback', method: 'forEach', line: 2 } }],
    },
    {
      // Every item answers: one perItem report, none for the callback after the loop.
      code: `exports.handler = (context, event, callback) => {
  event.items.forEach((item) => {
    callback(null, item);
  });
  callback(null, 'none');
};`,
      errors: [{ messageId: 'perItem', line: 3, column: 5, endLine: 3, endColumn: 25, data: { name: 'callback', method: 'forEach', unit: 'item' } }],
    },
    {
      // After an item answered, nothing can throw into the catch: the item function only reads properties, and
      // the `Twilio.Response` setter cannot throw. One report, at the second callback after the loop.
      code: `exports.handler = async (context, event, callback) => {
  const response = new Twilio.Response();
  try {
    const { rows } = await context.getTwilioClient().sync.services(context.SYNC_SID).fetch();
    rows.forEach((row) => {
      if (row.fields.phone === event.From) {
        callback(null, row.fields);
      }
    });
    response.setStatusCode(404);
    callback(null, response);
  } catch (error) {
    response.setStatusCode(500);
    callback(error, response);
  }
};`,
      errors: [{ messageId: 'duplicateAfterPerItem', line: 11, column: 5, endLine: 11, endColumn: 29, data: { name: 'callback', method: 'forEach', line: 5 } }],
    },
    {
      // Logging cannot throw into the catch: the missing return is one report, at the first statement that acts,
      // and it names the catch's callback among the second ones.
      code: `exports.handler = async (context, event, callback) => {
  try {
    if (event.challenge) {
      callback(null, { challenge: event.challenge });
    }
    console.log('event', event.type);
    const record = await save(event);
    return callback(null, record.id);
  } catch (error) {
    console.error(error);
    return callback(error);
  }
};
async function save() {}`,
      errors: [{ messageId: 'codeAfterCallbackThenDuplicate', line: 7, column: 5, endLine: 7, endColumn: 38, data: { name: 'callback', answered: 'callback', line: 4, later: 'lines 8 and 11' },
        suggestions: [{ messageId: 'useReturn', data: { name: 'callback', answered: 'callback', line: 4 }, output: `exports.handler = async (context, event, callback) => {
  try {
    if (event.challenge) {
      return callback(null, { challenge: event.challenge });
    }
    console.log('event', event.type);
    const record = await save(event);
    return callback(null, record.id);
  } catch (error) {
    console.error(error);
    return callback(error);
  }
};
async function save() {}` }] }],
    },
    {
      // The item function calls something that can throw after an earlier item answered: the catch can call back again.
      code: `exports.handler = async (context, event, callback) => {
  try {
    const rows = await load(context);
    rows.forEach((row) => {
      notify(row);
      if (row.phone === event.From) callback(null, row);
    });
  } catch (error) {
    callback(error);
  }
};
function load() {}
function notify() {}`,
      errors: [{ messageId: 'duplicateAfterPerItem', line: 9, column: 5, endLine: 9, endColumn: 20, data: { name: 'callback', method: 'forEach', line: 4 } }],
    },
  ],
});

runWithBothParsers('no-code-after-callback with functions made from the callback', rule, {
  valid: [
    `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) return respond('To is required');
  respond(null, 'ok');
};`,
    // A same-file factory whose made function does not call back: nothing answers at its calls.
    `function makeLogger(callback) {
  return (line) => console.log(line);
}
exports.handler = (context, event, callback) => {
  const log = makeLogger(callback);
  log('start');
  callback(null, 'ok');
};`,
  ],
  invalid: [
    {
      // A factory of another file: its made function is trusted to answer.
      code: `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) {
    respond('To is required');
  }
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then((message) => respond(null, message.sid))
    .catch((error) => respond(error));
};`,
      errors: [
        {
          messageId: 'codeAfterCallback',
          line: 7,
          column: 3,
          endLine: 9,
          endColumn: 39,
          data: { name: 'callback', answered: 'respond', line: 5 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'respond', line: 5 },
              output: `const { makeResponder } = require(Runtime.getFunctions()['responder'].path);
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) {
    return respond('To is required');
  }
  context.getTwilioClient().messages.create({ to: event.To, body: 'hi' })
    .then((message) => respond(null, message.sid))
    .catch((error) => respond(error));
};`,
            },
          ],
        },
      ],
    },
    {
      // A same-file factory: its returned function calls back on every path.
      code: `function makeResponder(callback) {
  const response = new Twilio.Response();
  return (status, body) => {
    response.setStatusCode(status);
    response.setBody(body);
    callback(null, response);
  };
}
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) {
    respond(400, { error: 'To is required' });
  }
  respond(200, { ok: true });
};`,
      errors: [
        {
          messageId: 'duplicateThroughFunction',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 29,
          data: { name: 'callback', line: 12, function: 'respond' },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'respond', line: 12 },
              output: `function makeResponder(callback) {
  const response = new Twilio.Response();
  return (status, body) => {
    response.setStatusCode(status);
    response.setBody(body);
    callback(null, response);
  };
}
exports.handler = (context, event, callback) => {
  const respond = makeResponder(callback);
  if (!event.To) {
    return respond(400, { error: 'To is required' });
  }
  respond(200, { ok: true });
};`,
            },
          ],
        },
      ],
    },
  ],
});

runWithBothParsers('no-code-after-callback in later links of a promise chain', rule, {
  valid: [
    // A finally that only cleans up loses no work when the answer cuts it off.
    `exports.handler = (context, event, callback) => {
  const client = connect(context);
  lookup(client, event)
    .then((result) => callback(null, result), (error) => callback(error))
    .finally(() => client.close());
};
function connect() {}
function lookup() {}`,
    // The usual chain: one link answers on success, the catch on failure.
    `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => callback(null, result))
    .catch((error) => callback(error));
};`,
    // A finally that only logs, and a then that only passes a value on.
    `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => callback(null, result))
    .then(() => undefined)
    .catch(callback)
    .finally(() => console.log('done'));
};`,
    // A value passed on to the link that answers.
    `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => enrich(result))
    .then((enriched) => callback(null, enriched))
    .catch(callback);
};`,
  ],
  invalid: [
    {
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To, body: 'hi' })
    .then((message) => callback(null, message.sid))
    .then(() => client.messages.create({ to: context.ADMIN, body: 'sent' }))
    .catch((error) => callback(error));
};`,
      errors: [{ messageId: 'linkAfterCallback', line: 5, column: 6, endLine: 5, endColumn: 10, data: { name: 'callback', method: 'then', previous: 'then', line: 4 } }],
    },
    {
      // On failure the catch answers, then the chain goes on.
      code: `exports.handler = (context, event, callback) => {
  lookup(event)
    .catch((error) => callback(error))
    .then((result) => {
      save(result);
      callback(null, result);
    });
};
function lookup() {}
function save() {}`,
      errors: [{ messageId: 'linkAfterCatchCallback', line: 4, column: 6, endLine: 4, endColumn: 10, data: { name: 'callback', method: 'then', line: 3 } }],
    },
    {
      // A link that answers on one path and passes a value on otherwise: the next link answers again.
      code: `exports.handler = (context, event, callback) => {
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
};
function lookup() {}
function enrich() {}`,
      errors: [{ messageId: 'linkAfterCallback', line: 10, column: 6, endLine: 10, endColumn: 10, data: { name: 'callback', method: 'then', previous: 'then', line: 3 } }],
    },
    {
      // One report per link that called back: the links after the first that follows it are the same mistake.
      code: `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => callback(null, result))
    .then(() => notify(event))
    .then(() => audit(event))
    .catch(callback);
};
function lookup() {}
function notify() {}
function audit() {}`,
      errors: [{ messageId: 'linkAfterCallback', line: 4, column: 6, endLine: 4, endColumn: 10, data: { name: 'callback', method: 'then', previous: 'then', line: 3 } }],
    },
    {
      // A link that answers on one path and returns plain values on: returning them does nothing; the later link
      // that gets them does the work after the response, and is the one report.
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.calls(event.CallSid).fetch()
    .then((call) => {
      if (call.status !== 'in-progress') {
        callback(null, 'not in progress');
      }
      return [call.to, { from: call.from }];
    })
    .then(([to, options]) => client.calls.create({ to, from: options.from }))
    .then(() => callback(null, 'dialled'))
    .catch((error) => callback(error));
};`,
      errors: [{ messageId: 'linkAfterCallback', line: 10, column: 6, endLine: 10, endColumn: 10, data: { name: 'callback', method: 'then', previous: 'then', line: 4 } }],
    },
    {
      // A finally with work runs after either answer.
      code: `exports.handler = (context, event, callback) => {
  lookup(event)
    .then((result) => callback(null, result), (error) => callback(error))
    .finally(() => audit.record(event));
};
function lookup() {}
const audit = {};`,
      errors: [{ messageId: 'linkAfterCallback', line: 4, column: 6, endLine: 4, endColumn: 13, data: { name: 'callback', method: 'finally', previous: 'then', line: 3 } }],
    },
  ],
});

/** `const key = <init>; if (<test>) { callback(…) } callback(…)`: reported when the test may hold. */
function guardThenSecondCallback(init: string, test: string) {
  const code = (answer: string) => `exports.handler = (context, event, callback) => {
  const key = ${init};
  if (${test}) {
    ${answer}callback(null, { error: 'missing' });
  }
  callback(null, { key });
};`;
  return {
    code: code(''),
    errors: [
      {
        messageId: 'duplicate' as const,
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 26,
        data: { name: 'callback', line: 4 },
        suggestions: [{ messageId: 'useReturn' as const, data: { name: 'callback', answered: 'callback', line: 4 }, output: code('return ') }],
      },
    ],
  };
}

runWithBothParsers('no-code-after-callback beside a callback that values show never runs', rule, {
  valid: [
    {
      // A Twilio client is an object (or its creation throws): `if (!client)` never runs its callback.
      code: `exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  if (!client) {
    callback('no client');
  }
  client.messages.create({ to: event.To, from: event.From, body: 'hi' }).then(() => callback(null, 'sent'));
};`,
    },
    {
      code: `const twilio = require('twilio');
exports.handler = (context, event, callback) => {
  const client = twilio(context.ACCOUNT_SID, context.AUTH_TOKEN);
  if (!client) callback('no client');
  callback(null, 'ok');
};`,
    },
    {
      // A const bound to a string is never null, loosely or strictly.
      code: `exports.handler = (context, event, callback) => {
  const key = '';
  const token = \`\`;
  if (key == null || token === undefined) {
    callback(null, { error: 'missing' });
  }
  callback(null, { key, token });
};`,
    },
    {
      code: `exports.handler = (context, event, callback) => {
  const response = new Twilio.Response();
  if (response === null) callback('no response');
  callback(null, response);
};`,
    },
    {
      // \`fetch\` resolves to a Response whatever the status (node-fetch's, and the global one): never falsy.
      code: `const fetch = require('node-fetch');
exports.handler = async (context, event, callback) => {
  const result = await fetch(context.PROFILE_URL);
  if (!result) callback(null, []);
  callback(null, await result.json());
};`,
    },
    {
      code: `exports.handler = async (context, event, callback) => {
  const result = await fetch(context.PROFILE_URL);
  if (!result) callback(null, []);
  callback(null, await result.json());
};`,
    },
  ],
  invalid: [
    {
      // What the Response's body parses to is unknown.
      code: `exports.handler = async (context, event, callback) => {
  const result = await fetch(context.PROFILE_URL);
  const profile = await result.json();
  if (!profile) callback(null, []);
  callback(null, profile);
};`,
      errors: [
        {
          messageId: 'duplicate',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
          data: { name: 'callback', line: 4 },
          suggestions: [
            {
              messageId: 'useReturn',
              data: { name: 'callback', answered: 'callback', line: 4 },
              output: `exports.handler = async (context, event, callback) => {
  const result = await fetch(context.PROFILE_URL);
  const profile = await result.json();
  if (!profile) return callback(null, []);
  callback(null, profile);
};`,
            },
          ],
        },
      ],
    },
    // A value the code computes is unknown: the early callback may run, and the second one after it.
    guardThenSecondCallback('event.key', 'key == null'),
    // `null === undefined` is false: a strict comparison of a nullish const is left unknown.
    guardThenSecondCallback('null', 'key === undefined'),
  ],
});
