// Benchmarks the plugin's rules on generated Twilio Function handlers of growing size.
//
// Every handler is linted in memory with ESLint's Linter and `stats: true`, which times each rule's `create()` and
// every listener call it makes (code path events included). The time ESLint itself spends parsing and running
// code path analysis is not rule time. Each measurement is the median of RUNS samples after WARMUP warm-up lints;
// a sample is the mean over a batch of lints that takes about BATCH_MS.
//
// Usage: npm run bench            (builds dist/ first)
//        node bench/run.js        (uses the existing dist/)
// Env:   BENCH_RUNS (default 20), BENCH_WARMUP (default 5), BENCH_BATCH_MS (default 25), BENCH_LIMIT_MS (default 10)
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';

import plugin from '../dist/index.js';

const RUNS = positiveInteger(process.env.BENCH_RUNS, 20);
const WARMUP = positiveInteger(process.env.BENCH_WARMUP, 5);
/** The 200-`if` handler must stay below this much rule time (summed over all rules). */
const LIMIT_MS = positiveInteger(process.env.BENCH_LIMIT_MS, 10);
/** How long one sample's batch of lints should take, roughly. */
const BATCH_MS = positiveInteger(process.env.BENCH_BATCH_MS, 25);

/** The rules built on the callback-flow engine: the ones whose cost could grow with the number of paths. */
const RULES = ['require-callback', 'no-code-after-callback'];
const namespace = plugin.meta.namespace ?? 'twilio-functions';
for (const rule of RULES) if (!plugin.rules[rule]) fail(`dist/index.js has no rule ${rule}`);
const ruleIds = RULES.map((rule) => `${namespace}/${rule}`);

/** The recommended config's files, globals and source type, with only the callback-flow rules on. */
const recommended = plugin.configs.recommended[0];
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

/** Wall-clock time of `count` calls of `verify`, with our rules or without any rule (to cross-check the stats). */
function verifyMs(code, filename, withRules, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) linter.verify(code, withRules ? config : noRulesConfig, { filename });
  return performance.now() - start;
}

/** A generated handler to measure, with its warm-up done and its batch size chosen. */
function prepare(family, size) {
  const code = family.generate(size);
  const filename = `functions/bench-${family.name.replace(/\W+/g, '-')}-${size}.js`;
  let messages = [];
  const warmupStart = performance.now();
  for (let i = 0; i < WARMUP; i++) {
    messages = lintOnce(code, filename).messages;
    verifyMs(code, filename, true, 1);
    verifyMs(code, filename, false, 1);
  }
  const perLintMs = (performance.now() - warmupStart) / WARMUP / 3;
  return {
    family,
    size,
    code,
    filename,
    lines: code.split('\n').length - 1,
    batch: Math.max(1, Math.ceil(BATCH_MS / perLintMs)),
    reports: Object.fromEntries(
      ruleIds.map((ruleId) => [ruleId, messages.filter((message) => message.ruleId === ruleId).length]),
    ),
    samples: Object.fromEntries(ruleIds.map((ruleId) => [ruleId, []])),
    withRules: [],
    withoutRules: [],
  };
}

/**
 * One sample: the mean over a batch of lints that together take about BATCH_MS, so that garbage collection is
 * spread evenly over the samples instead of landing in a few.
 */
function sample(item) {
  const sums = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 0]));
  for (let j = 0; j < item.batch; j++) {
    const run = lintOnce(item.code, item.filename);
    for (const ruleId of ruleIds) sums[ruleId] += run.times[ruleId];
  }
  for (const ruleId of ruleIds) item.samples[ruleId].push(sums[ruleId] / item.batch);
  item.withRules.push(verifyMs(item.code, item.filename, true, item.batch) / item.batch);
  item.withoutRules.push(verifyMs(item.code, item.filename, false, item.batch) / item.batch);
}

function summarize(item) {
  const perRule = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, median(item.samples[ruleId])]));
  return {
    perRule,
    // The sum of the medians: a sample's own sum picks up every pause the OS or the VM host inflicts on any rule.
    total: ruleIds.reduce((sum, ruleId) => sum + perRule[ruleId], 0),
    wallDelta: median(item.withRules) - median(item.withoutRules),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Run and report
// ---------------------------------------------------------------------------------------------------------------

console.log(
  `eslint ${Linter.version}, node ${process.version}, ${plugin.meta.name} ${plugin.meta.version}: ` +
    `median of ${RUNS} samples (each the mean of a ~${BATCH_MS} ms batch of lints) after ${WARMUP} warm-up lints`,
);

const items = FAMILIES.flatMap((family) => family.sizes.map((size) => prepare(family, size)));
// Round-robin over every handler, so that a stretch of load from other processes slows all sizes alike
// instead of skewing the growth ratios of whichever size it happened to hit; the medians drop the outliers.
for (let i = 0; i < RUNS; i++) {
  for (const item of items) sample(item);
}

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

for (const family of FAMILIES) {
  let previous;
  const familyItems = items.filter((item) => item.family === family);
  for (const item of familyItems) {
    const result = summarize(item);
    const growth = previous
      ? `×${(result.total / previous.total).toFixed(2)} (size ×${(item.size / previous.size).toFixed(2)})`
      : '';
    rows.push([
      family.name,
      String(item.size),
      String(item.lines),
      ...ruleIds.map((ruleId) => result.perRule[ruleId].toFixed(2)),
      result.total.toFixed(2),
      growth,
      result.wallDelta.toFixed(2),
      ruleIds.map((ruleId) => item.reports[ruleId]).join(' / '),
    ]);
    if (family.name === 'if/else' && item.size === 200) limitResult = result;
    previous = { total: result.total, size: item.size };
  }
  for (const ruleId of ruleIds) {
    if (familyItems.every((item) => item.reports[ruleId] === 0)) silentReports.add(`${family.name}: ${ruleId}`);
  }
}

printTable(headers, rows);
console.log(
  `\nrules ms: sum of the rules' median times from ESLint's stats; growth: vs the previous size of the family; ` +
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
