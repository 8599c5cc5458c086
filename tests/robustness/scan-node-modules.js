// `npm run test:robustness`: lints every .js, .cjs and .ts file under this repository's node_modules as a Twilio
// Function, with every rule of the plugin on, and fails if any rule throws, any `--fix` output does not parse or
// does not converge, or any suggestion gives code that does not parse (see lint-as-function.js). Files that parse
// neither as CommonJS nor as a module are counted and skipped; inline `eslint-disable` comments are ignored.
//
// Runs in worker threads (ROBUSTNESS_WORKERS, default: the available cores, at most 4) and is bounded in time:
// a file that takes longer than ROBUSTNESS_FILE_TIMEOUT_S (default 120) fails the scan as a hang, and the whole
// scan fails when it passes ROBUSTNESS_BUDGET_S (default 420). Files over ROBUSTNESS_MAX_MB (default 2; 0 for no
// cap) are counted and skipped: in this node_modules those are the 8 bundled TypeScript compilers (6–12 MB each,
// half of all the bytes, 15–45 s each), which would double the scan on 2 cores; `ROBUSTNESS_MAX_MB=0` lints them
// too. ROBUSTNESS_SAMPLE=N lints every Nth file only (default 1: all of them). Prints counts and time, and a
// closing "N passed, N failed" line (files).
import console from 'node:console';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';
import { Worker } from 'node:worker_threads';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKERS = positiveInteger(process.env.ROBUSTNESS_WORKERS, Math.min(4, os.availableParallelism()));
const FILE_TIMEOUT_MS = positiveInteger(process.env.ROBUSTNESS_FILE_TIMEOUT_S, 120) * 1000;
const BUDGET_MS = positiveInteger(process.env.ROBUSTNESS_BUDGET_S, 420) * 1000;
const MAX_BYTES = Number(process.env.ROBUSTNESS_MAX_MB ?? 2) * 1e6;
const SAMPLE = positiveInteger(process.env.ROBUSTNESS_SAMPLE, 1);

function positiveInteger(value, fallback) {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** Every .js/.cjs/.ts file under `dir`, without following symlinks (node_modules/.bin holds links to scripts). */
function sourceFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (entry.isFile() && /\.(js|cjs|ts)$/.test(entry.name)) found.push(full);
  }
  return found;
}

const started = performance.now();
const allFiles = sourceFiles(path.join(repoRoot, 'node_modules')).sort();
const sampled = allFiles.filter((_, index) => index % SAMPLE === 0);
const tooLarge = MAX_BYTES > 0 ? sampled.filter((file) => statSync(file).size > MAX_BYTES) : [];
const files = sampled.filter((file) => !tooLarge.includes(file));
// Canaries: the example project's Functions, whose mistakes the rules must report, or the scan proves nothing.
const canaries = sourceFiles(path.join(repoRoot, 'examples/functions'));
const queue = [...canaries, ...files];
const results = [];
const failures = [];
let budgetExceeded = false;

const canaryResults = [];

function record(result) {
  if (canaries.includes(result.file)) {
    canaryResults.push(result);
    for (const problem of result.problems) failures.push(`${path.relative(repoRoot, result.file)}: ${problem}`);
    return;
  }
  results.push(result);
  for (const problem of result.problems) failures.push(`${path.relative(repoRoot, result.file)}: ${problem}`);
}

function runWorker() {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./scan-worker.js', import.meta.url));
    let current;
    let timer;
    const next = () => {
      clearTimeout(timer);
      current = performance.now() - started > BUDGET_MS ? undefined : queue.shift();
      if (current === undefined) {
        if (queue.length > 0) budgetExceeded = true;
        void worker.terminate().then(() => resolve());
        return;
      }
      timer = setTimeout(() => {
        record({ file: current, parsed: true, problems: [`took more than ${FILE_TIMEOUT_MS / 1000} s`], findings: {}, bytes: 0, ms: FILE_TIMEOUT_MS });
        void worker.terminate().then(() => runWorker().then(resolve));
      }, FILE_TIMEOUT_MS);
      worker.postMessage(current);
    };
    worker.on('message', (result) => {
      record(result);
      next();
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      if (current) record({ file: current, parsed: true, problems: [`worker died: ${String(error)}`], findings: {}, bytes: 0, ms: 0 });
      void runWorker().then(resolve);
    });
    next();
  });
}

await Promise.all(Array.from({ length: WORKERS }, () => runWorker()));
const seconds = (performance.now() - started) / 1000;

const parsed = results.filter((result) => result.parsed);
const byType = (predicate) => parsed.filter(predicate).length;
const findings = {};
for (const result of results) {
  for (const [ruleId, count] of Object.entries(result.findings)) findings[ruleId] = (findings[ruleId] ?? 0) + count;
}
const megabytes = results.reduce((sum, result) => sum + result.bytes, 0) / 1e6;
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);

console.log(`robustness scan of node_modules, ${WORKERS} worker(s)${SAMPLE > 1 ? `, every ${SAMPLE}th file` : ''}`);
console.log(`files found:        ${allFiles.length} (.js ${count(allFiles, '.js')}, .cjs ${count(allFiles, '.cjs')}, .ts ${count(allFiles, '.ts')})`);
console.log(`files linted:       ${results.length} of ${files.length}, ${megabytes.toFixed(1)} MB`);
console.log(`over the size cap:  ${tooLarge.length}${tooLarge.length ? ` (> ${MAX_BYTES / 1e6} MB, skipped: ${tooLarge.map((file) => path.relative(repoRoot, file)).join(', ')})` : ''}`);
console.log(`parsed as CommonJS: ${byType((result) => result.sourceType === 'commonjs')}`);
console.log(`parsed as module:   ${byType((result) => result.sourceType === 'module')}`);
const unparsable = results.filter((result) => !result.parsed).map((result) => path.relative(repoRoot, result.file));
console.log(`unparsable:         ${unparsable.length} (skipped: neither CommonJS nor module${unparsable.length ? `: ${unparsable.slice(0, 5).join(', ')}` : ''})`);
console.log(`findings:           ${Object.entries(findings).map(([ruleId, n]) => `${ruleId} ${n}`).join(', ') || 'none'}`);
console.log(`slowest:            ${slowest.map((result) => `${path.relative(repoRoot, result.file)} ${(result.ms / 1000).toFixed(1)} s`).join('; ')}`);
console.log(`time:               ${seconds.toFixed(1)} s`);
const canaryFindings = canaryResults.reduce((sum, result) => sum + Object.values(result.findings).reduce((a, b) => a + b, 0), 0);
console.log(`canaries:           ${canaryResults.length} example Functions, ${canaryFindings} findings`);
if (canaryFindings === 0) failures.push('canaries: the rules reported nothing on examples/functions, so they did not run');
for (const failure of failures) console.log(`FAIL ${failure}`);
if (budgetExceeded) console.log(`FAIL the scan passed its ${BUDGET_MS / 1000} s budget with ${queue.length} files left`);

const failedFiles = new Set(failures.map((failure) => failure.split(': ')[0])).size;
console.log(`${results.length - failedFiles} passed, ${failedFiles + (budgetExceeded ? queue.length : 0)} failed`);
process.exitCode = failures.length > 0 || budgetExceeded ? 1 : 0;

function count(list, extension) {
  return list.filter((file) => file.endsWith(extension)).length;
}
