// Generates a reproducible corpus of Twilio Function files shaped like the ones public projects publish: CORS
// responses, TwiML replies, REST calls through the Twilio client as promise chains, awaits and node-style
// callbacks, Sync and Airtable, Flex token validators, helpers loaded with Runtime.getFunctions(), loops over
// records, guard clauses, switch-based routers — correct code and the FAQ's mistakes mixed. Nothing here is copied
// from a project: each family is written from the shapes alone, and a seeded PRNG picks sizes and variants.

/** mulberry32: a small seeded PRNG, so every run lints the same files. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['customer', 'order', 'ticket', 'caller', 'agent', 'survey', 'appointment', 'booking', 'lead', 'member'];
const FIELDS = ['From', 'To', 'Body', 'CallSid', 'TaskSid', 'WorkerSid', 'Digits', 'SpeechResult', 'email', 'phone'];

function family(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const chance = (p) => random() < p;
  const noun = pick(NAMES);
  const field = pick(FIELDS);
  const cb = pick(['callback', 'callback', 'callback', 'cb', 'done']);

  const corsBlock = () => [
    `  const response = new Twilio.Response();`,
    `  response.appendHeader('Access-Control-Allow-Origin', '*');`,
    `  response.appendHeader('Access-Control-Allow-Methods', 'OPTIONS, POST, GET');`,
    `  response.appendHeader('Access-Control-Allow-Headers', 'Content-Type');`,
    `  response.appendHeader('Content-Type', 'application/json');`,
  ];

  const helpers = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(
        `function format${noun}${i}(value, options = {}) {`,
        `  if (!value) return '';`,
        `  const parts = String(value).split(${chance(0.5) ? "','" : "' '"}).map((part) => part.trim());`,
        `  if (options.upper) return parts.map((part) => part.toUpperCase()).join(' ');`,
        `  for (const [index, part] of parts.entries()) {`,
        `    if (part.length > ${int(3, 40)}) parts[index] = part.slice(0, ${int(3, 40)});`,
        `  }`,
        `  return parts.filter(Boolean).join(options.separator || ' ');`,
        `}`,
        ``,
      );
    }
    return out;
  };

  const validations = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const f = pick(FIELDS);
      if (chance(0.8)) {
        out.push(
          `  if (!event.${f}${i}) {`,
          `    response.setStatusCode(400);`,
          `    response.setBody({ error: 'missing ${f}${i}' });`,
          `    return ${cb}(null, response);`,
          `  }`,
        );
      } else {
        out.push(`  if (!event.${f}${i}) {`, `    ${cb}(null, { error: 'missing ${f}${i}' });`, `  }`);
      }
    }
    return out;
  };

  const families = [
    // 1. TwiML voice menu with a switch on Digits.
    () => {
      const cases = int(3, 9);
      const lines = [`exports.handler = function (context, event, ${cb}) {`, `  const twiml = new Twilio.twiml.VoiceResponse();`, `  switch (event.Digits) {`];
      for (let i = 1; i <= cases; i++) {
        lines.push(`    case '${i}':`, `      twiml.say('You pressed ${i} for ${noun} ${i}');`);
        if (chance(0.3)) lines.push(`      twiml.dial(context.NUMBER_${i});`);
        lines.push(chance(0.9) ? `      break;` : `      // falls through`);
      }
      lines.push(`    default: {`, `      const gather = twiml.gather({ numDigits: 1, action: '/menu' });`, `      gather.say('Please choose an option.');`, `    }`, `  }`);
      lines.push(chance(0.9) ? `  return ${cb}(null, twiml);` : `  ${cb}(twiml);`, `};`);
      return lines;
    },
    // 2. SMS through a promise chain, with or without .catch.
    () => {
      const lines = [`exports.handler = function (context, event, ${cb}) {`, `  const client = context.getTwilioClient();`, ...validationsSimple(int(0, 3))];
      lines.push(`  client.messages`, `    .create({ to: event.${field}, from: context.TWILIO_NUMBER, body: \`Hello \${event.name}\` })`);
      lines.push(`    .then((message) => {`, `      console.log(message.sid);`, `      ${cb}(null, { sid: message.sid });`, `    })`);
      if (chance(0.6)) lines.push(`    .catch((error) => {`, `      console.error(error);`, `      ${cb}(error);`, `    });`);
      else lines[lines.length - 1] += ';';
      lines.push(`};`);
      return lines;
    },
    // 3. Async handler with try/catch around several awaits, CORS response.
    () => {
      const steps = int(2, 8);
      const lines = [`exports.handler = async function (context, event, ${cb}) {`, ...corsBlock(), `  const client = context.getTwilioClient();`];
      const guarded = chance(0.7);
      if (guarded) lines.push(`  try {`);
      const pad = guarded ? '    ' : '  ';
      for (let i = 0; i < steps; i++) {
        const kind = i % 3;
        if (kind === 0) lines.push(`${pad}const ${noun}${i} = await client.conversations.v1.conversations(event.ConversationSid).messages.create({ author: 'system', body: 'step ${i}' });`);
        if (kind === 1) lines.push(`${pad}const doc${i} = await client.sync.v1.services(context.SYNC_SERVICE_SID).documents('${noun}-${i}').fetch();`, `${pad}console.log(doc${i}.data);`);
        if (kind === 2) lines.push(`${pad}const list${i} = await client.taskrouter.v1.workspaces(context.WORKSPACE_SID).tasks.list({ limit: ${int(5, 50)} });`, `${pad}const count${i} = list${i}.filter((task) => task.assignmentStatus === 'pending').length;`);
      }
      lines.push(`${pad}response.setBody({ ok: true });`, `${pad}return ${cb}(null, response);`);
      if (guarded) lines.push(`  } catch (error) {`, `    console.error(error.message);`, `    response.setStatusCode(500);`, `    response.setBody({ error: error.message });`, `    return ${cb}(null, response);`, `  }`);
      lines.push(`};`);
      return lines;
    },
    // 4. Flex token validator wrapper.
    () => [
      `const TokenValidator = require('twilio-flex-token-validator').functionValidator;`,
      ``,
      `exports.handler = TokenValidator(async (context, event, ${cb}) => {`,
      ...corsBlock(),
      `  const client = context.getTwilioClient();`,
      `  try {`,
      `    const worker = await client.taskrouter.workspaces(context.TWILIO_WORKSPACE_SID).workers(event.WorkerSid).fetch();`,
      `    const attributes = { ...JSON.parse(worker.attributes), ...event.attributes };`,
      `    const updated = await client.taskrouter.workspaces(context.TWILIO_WORKSPACE_SID).workers(event.WorkerSid).update({ attributes: JSON.stringify(attributes) });`,
      `    response.setBody(JSON.parse(updated.attributes));`,
      `    ${cb}(null, response);`,
      `  } catch (error) {`,
      `    response.setStatusCode(500);`,
      `    response.setBody(error.message);`,
      `    ${cb}(null, response);`,
      `  }`,
      `});`,
    ],
    // 5. Node-style callback into the client.
    () => [
      `exports.handler = function (context, event, ${cb}) {`,
      `  const client = context.getTwilioClient();`,
      `  client.calls(event.CallSid).update({ twiml: '<Response><Hangup/></Response>' }, (error, call) => {`,
      chance(0.6) ? `    if (error) return ${cb}(error);` : `    if (error) console.error(error);`,
      `    ${cb}(null, { status: call.status });`,
      `  });`,
      `};`,
    ],
    // 6. Helper loaded from Runtime.getFunctions(), guard clauses.
    () => [
      `const { validate${noun}, lookup } = require(Runtime.getFunctions()['utils/${noun}'].path);`,
      ``,
      ...helpers(int(0, 3)),
      `exports.handler = async (context, event, ${cb}) => {`,
      ...corsBlock(),
      ...validations(int(1, 5)),
      `  const valid = validate${noun}(event);`,
      `  if (!valid) {`,
      `    response.setStatusCode(401);`,
      `    return ${cb}(null, response);`,
      `  }`,
      `  const result = await lookup(context, event.${field});`,
      `  response.setBody(result);`,
      `  return ${cb}(null, response);`,
      `};`,
    ],
    // 7. Loops over records from an API.
    () => {
      const lines = [`const axios = require('axios');`, ``, `exports.handler = async function (context, event, ${cb}) {`, `  const { data } = await axios.get(\`https://api.example.com/${noun}s?phone=\${event.From}\`);`];
      if (chance(0.5)) {
        lines.push(`  for (const record of data.items) {`, `    if (record.phone === event.From) {`, `      return ${cb}(null, { found: record.id });`, `    }`, `  }`, `  return ${cb}(null, { found: null });`);
      } else {
        lines.push(`  data.items.forEach((record) => {`, `    if (record.phone === event.From) {`, `      ${cb}(null, { found: record.id });`, `    }`, `  });`);
      }
      lines.push(`};`);
      return lines;
    },
    // 8. Sync list/map updates with Promise.all.
    () => {
      const n = int(2, 6);
      const lines = [`exports.handler = function (context, event, ${cb}) {`, `  const sync = Runtime.getSync({ serviceName: context.SYNC_SERVICE_SID });`, `  const updates = [];`];
      for (let i = 0; i < n; i++) lines.push(`  updates.push(sync.maps('${noun}s').syncMapItems('${noun}-${i}').update({ data: { step: ${i}, at: Date.now() } }));`);
      lines.push(`  Promise.all(updates)`, `    .then(() => ${cb}(null, { updated: ${n} }))`, `    .catch((error) => ${cb}(error));`, `};`);
      return lines;
    },
    // 9. Studio / webhook router with an if/else chain and TwiML messaging.
    () => {
      const n = int(3, 10);
      const lines = [`exports.handler = function (context, event, ${cb}) {`, `  const twiml = new Twilio.twiml.MessagingResponse();`, `  const body = (event.Body || '').trim().toLowerCase();`];
      for (let i = 0; i < n; i++) lines.push(`  ${i === 0 ? 'if' : '} else if'} (body === 'keyword${i}') {`, `    twiml.message('Reply for keyword ${i} about your ${noun}.');`);
      lines.push(`  } else {`, `    twiml.message('Send one of the keywords.');`, `  }`, `  ${cb}(null, twiml);`);
      if (chance(0.2)) lines.push(`  console.log('replied to', event.From);`);
      lines.push(`};`);
      return lines;
    },
    // 10. Airtable with node-style callbacks.
    () => [
      `const Airtable = require('airtable');`,
      ``,
      `exports.handler = function (context, event, ${cb}) {`,
      `  const base = new Airtable({ apiKey: context.AIRTABLE_API_KEY }).base(context.AIRTABLE_BASE_ID);`,
      `  base('${noun}s').select({ filterByFormula: \`{Phone} = '\${event.From}'\` }).firstPage((error, records) => {`,
      `    if (error) {`,
      `      console.error(error);`,
      chance(0.7) ? `      return ${cb}(error);` : `      return;`,
      `    }`,
      `    const twiml = new Twilio.twiml.MessagingResponse();`,
      `    twiml.message(records.length ? 'Welcome back!' : 'Welcome!');`,
      `    ${cb}(null, twiml);`,
      `  });`,
      `};`,
    ],
    // 11. A longer private helper module (not a handler) with utilities.
    () => [
      `const crypto = require('crypto');`,
      ``,
      ...helpers(int(3, 8)),
      `function sign(payload, secret) {`,
      `  return crypto.createHmac('sha256', secret).update(JSON.stringify(payload)).digest('hex');`,
      `}`,
      ``,
      `module.exports = { sign, format${noun}0: typeof format${noun}0 === 'function' ? format${noun}0 : undefined };`,
    ],
    // 12. Code after the callback, the FAQ's improper example.
    () => [
      `exports.handler = function (context, event, ${cb}) {`,
      `  const client = context.getTwilioClient();`,
      `  const message = \`New ${noun} from \${event.From}\`;`,
      chance(0.5) ? `  client.messages.create({ to: context.ADMIN, from: context.TWILIO_NUMBER, body: message });` : `  console.log(message);`,
      `  ${cb}(null, 'success');`,
      chance(0.5) ? `  console.log('sent');` : ``,
      `};`,
    ],
    // 13. Verify (OTP) with async/await and error mapping.
    () => [
      `exports.handler = async function (context, event, ${cb}) {`,
      ...corsBlock(),
      `  const { to, code, channel = 'sms' } = event;`,
      `  if (!to) {`,
      `    response.setStatusCode(400);`,
      `    response.setBody({ success: false, message: 'Missing parameter: to' });`,
      `    return ${cb}(null, response);`,
      `  }`,
      `  const client = context.getTwilioClient();`,
      `  const service = context.VERIFY_SERVICE_SID;`,
      `  try {`,
      `    const check = code`,
      `      ? await client.verify.v2.services(service).verificationChecks.create({ to, code })`,
      `      : await client.verify.v2.services(service).verifications.create({ to, channel });`,
      `    response.setBody({ success: true, status: check.status });`,
      `    return ${cb}(null, response);`,
      `  } catch (error) {`,
      `    console.error(error);`,
      `    response.setStatusCode(error.status || 400);`,
      `    response.setBody({ success: false, message: error.message });`,
      `    return ${cb}(null, response);`,
      `  }`,
      `};`,
    ],
  ];

  function validationsSimple(n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(`  if (!event.${pick(FIELDS)}) return ${cb}(null, { error: 'missing parameter ${i}' });`);
    return out;
  }

  const body = families[Math.floor(random() * families.length)]();
  // Real Functions carry their own small utilities beside the handler.
  return [...helpers(int(0, 5)), ...body].join('\n') + '\n';
}

/** `count` Function files with their paths under `functions/`, the same for every run with the same seed. */
export function generateCorpus(count = 320, seed = 20261201) {
  const random = prng(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const folder = i % 4 === 0 ? 'functions/admin/' : 'functions/';
    const suffix = i % 5 === 0 ? '.protected.js' : i % 7 === 0 ? '.private.js' : '.js';
    files.push({ path: `${folder}function-${String(i).padStart(3, '0')}${suffix}`, code: family(random) });
  }
  // The private helpers the handlers load with Runtime.getFunctions(), as a real project has them.
  for (const noun of NAMES) {
    files.push({
      path: `functions/utils/${noun}.private.js`,
      code: `exports.validate${noun} = (event) => Boolean(event && event.From);\nexports.lookup = async (context, key) => ({ key, found: false });\n`,
    });
  }
  return files;
}

/** The project's package.json, so module rules resolve against declared dependencies as in a real project. */
export const CORPUS_PACKAGE_JSON = {
  name: 'bench-realistic-corpus',
  private: true,
  dependencies: { '@twilio/runtime-handler': '2.0.0', airtable: '^0.12.2', axios: '^1.7.0', twilio: '^5.0.0', 'twilio-flex-token-validator': '^1.6.0' },
};
