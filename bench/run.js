// Benchmarks the plugin's rules on generated Twilio Function handlers of growing size.
//
// Every handler is linted in memory with ESLint's Linter and `stats: true`, which times each rule's `create()` and
// every listener call it makes (code path events included). The time ESLint itself spends parsing and running
// code path analysis is not rule time. Each measurement is the median of RUNS runs after WARMUP warm-up runs.
//
// Usage: npm run bench            (builds dist/ first)
//        node bench/run.js        (uses the existing dist/)
// Env:   BENCH_RUNS (default 20), BENCH_WARMUP (default 5), BENCH_LIMIT_MS (default 100)
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';

import plugin from '../dist/index.js';

const RUNS = positiveInteger(process.env.BENCH_RUNS, 20);
const WARMUP = positiveInteger(process.env.BENCH_WARMUP, 5);
/** The 200-`if` handler must stay below this much rule time (summed over all rules). */
const LIMIT_MS = positiveInteger(process.env.BENCH_LIMIT_MS, 100);

/** The rules built on the callback-flow engine: the ones whose cost could grow with the number of paths. */
const RULES = ['require-callback', 'no-code-after-callback'];
const namespace = plugin.meta.namespace ?? 'twilio-functions';
for (const rule of RULES) if (!plugin.rules[rule]) fail(`dist/index.js has no rule ${rule}`);
const ruleIds = RULES.map((rule) => `${namespace}/${rule}`);

/** The recommended config's files, globals and source type, with only the callback-flow rules on. */
const recommended = plugin.configs.recommended;
const config = [
  {
    ...recommended,
    languageOptions: { ecmaVersion: 'latest', ...recommended.languageOptions },
    rules: Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 'error'])),
  },
];
const noRulesConfig = [{ ...config[0], rules: {} }];

// ---------------------------------------------------------------------------------------------------------------
// Generated handlers. Each one is a plausible Function with real bugs, so that both rules have work and reports:
// early `return callback(…)`, `callback(…)` without `return` followed by more code, a bare `return` that never
// calls back, and a final `return callback(null, response)`.
// ---------------------------------------------------------------------------------------------------------------

/** N sequential `if/else` blocks, each possibly ending the request: 2^N paths through the handler. */
function ifElseHandler(n) {
  const blocks = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        blocks.push(
          `  if (event.step${i} === 'stop') {`,
          `    return callback(null, { stoppedAt: ${i} });`,
          `  } else {`,
          `    status = 'running-${i}';`,
          `  }`,
        );
        break;
      case 1:
        blocks.push(
          `  if (!event.field${i}) {`,
          `    response.setStatusCode(400);`,
          `    callback(null, response);`,
          `  } else {`,
          `    total += Number(event.field${i});`,
          `  }`,
        );
        break;
      case 2:
        blocks.push(
          `  if (total > ${i * 10}) {`,
          `    console.log('total above ${i * 10}', total);`,
          `    total = ${i * 10};`,
          `  } else {`,
          `    total -= 1;`,
          `  }`,
        );
        break;
      case 3:
        blocks.push(
          `  if (event.skip === ${i}) {`,
          `    return;`,
          `  } else if (event.fail === ${i}) {`,
          `    return callback(new Error('step ${i} failed'));`,
          `  }`,
        );
        break;
      default:
        blocks.push(
          `  if (event.notify${i}) {`,
          `    client.messages.create({ to: event.to, from: context.FROM, body: status });`,
          `  } else {`,
          `    response.appendHeader('X-Step-${i}', status);`,
          `  }`,
        );
    }
  }
  return [
    `exports.handler = function (context, event, callback) {`,
    `  const client = context.getTwilioClient();`,
    `  const response = new Twilio.Response();`,
    `  let status = 'started';`,
    `  let total = 0;`,
    ...blocks,
    `  response.setBody({ status, total });`,
    `  return callback(null, response);`,
    `};`,
    ``,
  ].join('\n');
}

/** One `switch` with N cases: returns, `callback` then `break`, fall-throughs and a case that never calls back. */
function switchHandler(n) {
  const cases = [];
  for (let i = 0; i < n; i++) {
    cases.push(`    case 'action${i}':`);
    switch (i % 4) {
      case 0:
        cases.push(`      return callback(null, { action: ${i} });`);
        break;
      case 1:
        cases.push(`      response.setBody({ action: ${i} });`, `      callback(null, response);`, `      break;`);
        break;
      case 2:
        cases.push(`      count += ${i};`, `      // falls through`);
        break;
      default:
        cases.push(`      if (count > ${i}) return;`, `      count = ${i};`, `      break;`);
    }
  }
  return [
    `exports.handler = function (context, event, callback) {`,
    `  const response = new Twilio.Response();`,
    `  let count = 0;`,
    `  switch (event.action) {`,
    ...cases,
    `    default:`,
    `      return callback(new Error('unknown action ' + event.action));`,
    `  }`,
    `  response.appendHeader('X-Count', String(count));`,
    `  return callback(null, response);`,
    `};`,
    ``,
  ].join('\n');
}

/** N nested `try/catch` blocks around awaited calls in an async handler. */
function nestedTryHandler(n) {
  const lines = [
    `exports.handler = async function (context, event, callback) {`,
    `  const client = context.getTwilioClient();`,
    `  const results = [];`,
  ];
  const indent = (depth) => '  '.repeat(depth + 1);
  for (let i = 0; i < n; i++) {
    lines.push(
      `${indent(i)}try {`,
      `${indent(i + 1)}const call${i} = await client.calls(event.sid${i}).fetch();`,
      `${indent(i + 1)}results.push(call${i}.status);`,
    );
  }
  lines.push(`${indent(n)}callback(null, results);`, `${indent(n)}results.length = 0;`);
  for (let i = n - 1; i >= 0; i--) {
    lines.push(`${indent(i)}} catch (error${i}) {`);
    switch (i % 3) {
      case 0:
        lines.push(`${indent(i + 1)}return callback(error${i});`);
        break;
      case 1:
        lines.push(`${indent(i + 1)}console.error(error${i});`, `${indent(i + 1)}return;`);
        break;
      default:
        lines.push(`${indent(i + 1)}callback(error${i});`, `${indent(i + 1)}results.push('failed ${i}');`);
    }
    lines.push(`${indent(i)}}`);
  }
  lines.push(`};`, ``);
  return lines.join('\n');
}

/** N sequential loops with `break`, `continue` and early returns inside. */
function loopHandler(n) {
  const loops = [];
  for (let i = 0; i < n; i++) {
    loops.push(
      `  for (const item of event.items${i} || []) {`,
      `    if (!item) continue;`,
      `    if (item.invalid) {`,
      i % 2 === 0 ? `      return callback(new Error('invalid item in list ${i}'));` : `      callback(null, 'invalid');`,
      `    }`,
      `    if (item.last) break;`,
      `    sum += item.value;`,
      `  }`,
    );
  }
  return [
    `exports.handler = function (context, event, callback) {`,
    `  let sum = 0;`,
    ...loops,
    `  if (sum < 0) return;`,
    `  return callback(null, { sum });`,
    `};`,
    ``,
  ].join('\n');
}

const FAMILIES = [
  { name: 'if/else', sizes: [25, 50, 100, 200], generate: ifElseHandler },
  { name: 'switch', sizes: [10, 25, 50], generate: switchHandler },
  { name: 'nested try', sizes: [5, 10, 20, 30], generate: nestedTryHandler },
  { name: 'loops', sizes: [10, 25, 50, 100], generate: loopHandler },
];

// ---------------------------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------------------------

const linter = new Linter({ configType: 'flat' });

/** One lint of `code` with our rules: the messages and each rule's time in ms. */
function lintOnce(code, filename) {
  const { messages } = linter.verifyAndFix(code, config, { filename, fix: false, stats: true });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) fail(`${filename} does not parse: ${fatal.message} (line ${fatal.line})`);
  const ruleTimes = linter.getTimes().passes[0]?.rules ?? {};
  const times = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, ruleTimes[ruleId]?.total ?? 0]));
  return { messages, times };
}

/** Wall-clock time of `verify`, to cross-check the stats: with our rules minus without any rule. */
function verifyMs(code, filename, withRules) {
  const start = performance.now();
  linter.verify(code, withRules ? config : noRulesConfig, { filename });
  return performance.now() - start;
}

function measure(code, filename) {
  for (let i = 0; i < WARMUP; i++) {
    lintOnce(code, filename);
    verifyMs(code, filename, true);
    verifyMs(code, filename, false);
  }
  const samples = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, []]));
  const totals = [];
  const withRules = [];
  const withoutRules = [];
  let messages = [];
  for (let i = 0; i < RUNS; i++) {
    const run = lintOnce(code, filename);
    messages = run.messages;
    for (const ruleId of ruleIds) samples[ruleId].push(run.times[ruleId]);
    totals.push(ruleIds.reduce((sum, ruleId) => sum + run.times[ruleId], 0));
    withRules.push(verifyMs(code, filename, true));
    withoutRules.push(verifyMs(code, filename, false));
  }
  const reports = Object.fromEntries(
    ruleIds.map((ruleId) => [ruleId, messages.filter((message) => message.ruleId === ruleId).length]),
  );
  return {
    perRule: Object.fromEntries(ruleIds.map((ruleId) => [ruleId, median(samples[ruleId])])),
    total: median(totals),
    wallDelta: median(withRules) - median(withoutRules),
    reports,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------------

const shortName = (ruleId) => ruleId.slice(namespace.length + 1);
const headers = [
  'family',
  'size',
  'lines',
  ...ruleIds.map((ruleId) => `${shortName(ruleId)} ms`),
  'rules ms',
  'growth',
  'wall Δ ms',
  'reports',
];
const rows = [];
let limitResult;
const silentReports = new Set();

console.log(
  `eslint ${Linter.version}, node ${process.version}, ${plugin.meta.name} ${plugin.meta.version}: ` +
    `median of ${RUNS} runs after ${WARMUP} warm-up runs`,
);

for (const family of FAMILIES) {
  let previous;
  const familyReports = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 0]));
  for (const size of family.sizes) {
    const code = family.generate(size);
    const filename = `functions/bench-${family.name.replace(/\W+/g, '-')}-${size}.js`;
    const result = measure(code, filename);
    for (const ruleId of ruleIds) familyReports[ruleId] += result.reports[ruleId];
    const growth = previous
      ? `×${(result.total / previous.total).toFixed(2)} (size ×${(size / previous.size).toFixed(2)})`
      : '';
    rows.push([
      family.name,
      String(size),
      String(code.split('\n').length - 1),
      ...ruleIds.map((ruleId) => result.perRule[ruleId].toFixed(2)),
      result.total.toFixed(2),
      growth,
      result.wallDelta.toFixed(2),
      ruleIds.map((ruleId) => result.reports[ruleId]).join(' / '),
    ]);
    if (family.name === 'if/else' && size === 200) limitResult = result;
    previous = { total: result.total, size };
  }
  for (const ruleId of ruleIds) if (familyReports[ruleId] === 0) silentReports.add(`${family.name}: ${ruleId}`);
}

printTable(headers, rows);
console.log(
  `\nrules ms: sum of the rules' times from ESLint's stats; growth: vs the previous size of the family; ` +
    `wall Δ ms: verify() with our rules minus verify() without any rule (cross-check, includes noise); ` +
    `reports: ${ruleIds.map(shortName).join(' / ')}.`,
);

let failed = false;
if (silentReports.size > 0) {
  console.error(`\nThese rules reported nothing, so the handlers exercise too little: ${[...silentReports].join(', ')}`);
  failed = true;
}
if (!limitResult) {
  console.error('\nThe 200-if handler was not measured.');
  failed = true;
} else if (limitResult.total >= LIMIT_MS) {
  console.error(`\nFAIL: the 200-if handler took ${limitResult.total.toFixed(2)} ms of rule time (limit ${LIMIT_MS} ms).`);
  failed = true;
} else {
  console.log(`\nOK: the 200-if handler took ${limitResult.total.toFixed(2)} ms of rule time (limit ${LIMIT_MS} ms).`);
}
process.exitCode = failed ? 1 : 0;

// ---------------------------------------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function positiveInteger(value, fallback) {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

function printTable(head, body) {
  const widths = head.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const numeric = (column) => column > 0 && column < head.length - 1;
  const format = (row) =>
    row.map((cell, column) => (numeric(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ');
  console.log(`\n${format(head)}`);
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of body) console.log(format(row));
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
