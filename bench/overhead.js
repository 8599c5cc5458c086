// What the plugin adds to a lint: `@eslint/js` recommended alone against the same plus every plugin rule, on a
// realistic corpus of Twilio Function files.
//
// This machine is shared and noisy at the 10 % scale, so each configuration runs in processes of its own,
// interleaved (core, plugin, plugin, core, …), each counting its own CPU time over several lints of the whole
// corpus after a warm-up; the result is the median of BENCH_PROCESSES processes per configuration, with the spread
// of the per-pair ratios beside it.
//
// Usage: npm run bench                      (builds dist/, runs bench/run.js and this)
//        node bench/overhead.js             (uses the existing dist/)
// Env:   BENCH_PROCESSES (default 7), BENCH_ROUNDS lints of the corpus per process (default 5),
//        BENCH_CORPUS a folder of real Twilio projects to lint instead of the generated corpus (files under any
//        `functions/` folder in it are linted).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CORPUS_PACKAGE_JSON, generateCorpus } from './realistic-corpus.js';

const PROCESSES = positiveInteger(process.env.BENCH_PROCESSES, 7);
const ROUNDS = positiveInteger(process.env.BENCH_ROUNDS, 5);
const MAX_OVERHEAD = 0.1;
const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'overhead-worker.js');

const generated = !process.env.BENCH_CORPUS;
const corpusDir = process.env.BENCH_CORPUS ?? writeGeneratedCorpus();

function writeGeneratedCorpus() {
  const directory = mkdtempSync(path.join(tmpdir(), 'twilio-functions-bench-'));
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify(CORPUS_PACKAGE_JSON, null, 2));
  for (const file of generateCorpus()) {
    mkdirSync(path.dirname(path.join(directory, file.path)), { recursive: true });
    writeFileSync(path.join(directory, file.path), file.code);
  }
  return directory;
}

function measure(mode) {
  const output = execFileSync(process.execPath, [worker, mode, corpusDir, String(ROUNDS)], { encoding: 'utf8' });
  return JSON.parse(output);
}

const core = [];
const withPlugin = [];
for (let i = 0; i < PROCESSES; i++) {
  // ABBA order, so a slow phase of the machine falls on both configurations alike.
  if (i % 2 === 0) {
    core.push(measure('core'));
    withPlugin.push(measure('plugin'));
  } else {
    withPlugin.push(measure('plugin'));
    core.push(measure('core'));
  }
  process.stderr.write(`process pair ${i + 1}/${PROCESSES}\n`);
}
if (generated) rmSync(corpusDir, { recursive: true, force: true });

const coreMs = median(core.map((run) => run.cpuMs));
const pluginMs = median(withPlugin.map((run) => run.cpuMs));
const overhead = pluginMs / coreMs - 1;
const pairRatios = core.map((run, i) => withPlugin[i].cpuMs / run.cpuMs - 1).sort((a, b) => a - b);

const ruleIds = Object.keys(withPlugin[0].ruleMs);
const ruleMedian = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, median(withPlugin.map((run) => run.ruleMs[ruleId] ?? 0))]));
const unusedVars = ruleMedian['no-unused-vars'] ?? 0;
const pluginRules = ruleIds.filter((ruleId) => ruleId.startsWith('twilio-functions/'));
const pluginRuleMs = pluginRules.reduce((sum, ruleId) => sum + ruleMedian[ruleId], 0);

console.log(`corpus: ${generated ? 'generated' : corpusDir}, ${core[0].files} files; ${PROCESSES} processes per configuration, ${ROUNDS} lints each`);
console.log('');
console.log('configuration                         | CPU ms per corpus lint (median) | problems');
console.log('--------------------------------------|---------------------------------|---------');
console.log(`@eslint/js recommended                | ${coreMs.toFixed(1).padStart(31)} | ${String(core[0].problems).padStart(8)}`);
console.log(`+ every twilio-functions rule         | ${pluginMs.toFixed(1).padStart(31)} | ${String(withPlugin[0].problems).padStart(8)}`);
console.log('');
console.log(`overhead: ${percent(overhead)} (per-pair spread ${percent(pairRatios[0])} … ${percent(pairRatios.at(-1))}), target ≤ ${percent(MAX_OVERHEAD)}`);
console.log('');
console.log('rule (ESLint stats, median ms per corpus lint) |     ms | vs no-unused-vars');
console.log('-----------------------------------------------|--------|------------------');
const shown = [...pluginRules, 'no-unused-vars', 'no-undef', 'no-useless-assignment'].filter((ruleId) => ruleId in ruleMedian);
for (const ruleId of shown) {
  console.log(`${ruleId.padEnd(46)} | ${ruleMedian[ruleId].toFixed(1).padStart(6)} | ${(ruleMedian[ruleId] / unusedVars).toFixed(2).padStart(16)}×`);
}
console.log(`${'all plugin rules'.padEnd(46)} | ${pluginRuleMs.toFixed(1).padStart(6)} | ${(pluginRuleMs / unusedVars).toFixed(2).padStart(16)}×`);

const failures = [];
if (overhead > MAX_OVERHEAD) failures.push(`the plugin adds ${percent(overhead)}, more than ${percent(MAX_OVERHEAD)}`);
for (const ruleId of ['twilio-functions/require-callback', 'twilio-functions/no-code-after-callback']) {
  if ((ruleMedian[ruleId] ?? 0) > unusedVars) failures.push(`${ruleId} costs more than no-unused-vars`);
}
console.log('');
console.log(failures.length === 0 ? 'targets met' : `targets missed: ${failures.join('; ')}`);
process.exitCode = failures.length === 0 ? 0 : 1;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percent(ratio) {
  return `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
}

function positiveInteger(value, fallback) {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
