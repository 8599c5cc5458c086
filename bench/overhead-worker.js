// One measuring process of bench/overhead.js: lints every corpus file ROUNDS times with one configuration and
// prints, as JSON, the CPU time of one lint of the whole corpus and (plugin mode) each rule's share.
//
// Usage: node bench/overhead-worker.js <core|plugin> <corpus dir> <rounds>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import js from '@eslint/js';
import { Linter } from 'eslint';

import plugin from '../dist/index.js';

const [mode, corpusDir, roundsArgument] = process.argv.slice(2);
const rounds = Number(roundsArgument);

const GLOBALS = Object.fromEntries(
  ['console', 'process', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
    'URL', 'URLSearchParams', 'fetch', '__dirname', '__filename', 'TextEncoder', 'TextDecoder', 'structuredClone']
    .map((name) => [name, 'readonly']),
);

function functionFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') files.push(...functionFiles(full));
    else if (entry.isFile() && /\.(js|cjs)$/.test(entry.name) && full.includes(`${path.sep}functions${path.sep}`)) {
      if (statSync(full).size < 200_000) files.push(full);
    }
  }
  return files.sort();
}

const files = functionFiles(corpusDir).map((file) => ({ file, code: readFileSync(file, 'utf8') }));
const base = {
  files: ['**/*.js', '**/*.cjs'],
  languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { ...GLOBALS, Twilio: 'readonly', Runtime: 'readonly' } },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
// One config object in both modes, normalised once: ESLint's CLI builds one FlatConfigArray per run and computes
// (and validates) each file's config once per distinct set of matching config objects, but `Linter#verify` given a
// plain array normalises and validates it anew on every call (about 130–150 ms per corpus lint here, in either
// mode). So the worker hands `verify` a normalised FlatConfigArray, as the CLI does; ESLint does not export the
// class, so it is loaded from its file, and the plain array (the old, dearer way) is used if that ever moves.
const config = configArrayOnce([
  mode === 'plugin'
    ? { ...base, plugins: plugin.configs.recommended[0].plugins, rules: { ...js.configs.recommended.rules, ...pluginRules() } }
    : { ...base, rules: js.configs.recommended.rules },
]);

function configArrayOnce(configs) {
  try {
    const require = createRequire(import.meta.url);
    const eslintDir = path.dirname(require.resolve('eslint/package.json'));
    const { FlatConfigArray } = require(path.join(eslintDir, 'lib', 'config', 'flat-config-array.js'));
    const array = new FlatConfigArray(configs, { basePath: corpusDir });
    array.normalizeSync();
    return array;
  } catch {
    process.stderr.write('overhead-worker: ESLint\'s FlatConfigArray not found; the config is normalised on every verify\n');
    return configs;
  }
}

/** Every recommended plugin rule, or those named in BENCH_ONLY (`require-callback,no-floating-promises`). */
function pluginRules() {
  const rules = plugin.configs.recommended[0].rules;
  const only = process.env.BENCH_ONLY?.split(',').map((name) => `twilio-functions/${name.trim()}`);
  return only ? Object.fromEntries(Object.entries(rules).filter(([ruleId]) => only.includes(ruleId))) : rules;
}

function lintAll(linter) {
  let problems = 0;
  for (const { file, code } of files) problems += linter.verify(code, config, { filename: file }).length;
  return problems;
}

const linter = new Linter({ cwd: corpusDir });
lintAll(linter); // warm-up: JIT, module caches, the plugin's resolution caches
lintAll(linter);
const start = process.cpuUsage();
let problems = 0;
for (let round = 0; round < rounds; round++) problems = lintAll(linter);
const used = process.cpuUsage(start);
const cpuMs = (used.user + used.system) / 1000 / rounds;

// Each rule's share, from ESLint's own timing of every listener call, in a separate pass (timing costs time).
const ruleMs = {};
const statsLinter = new Linter({ cwd: corpusDir });
for (const { file, code } of files) {
  statsLinter.verifyAndFix(code, config, { filename: file, fix: false, stats: true });
  for (const pass of statsLinter.getTimes().passes) {
    for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + total;
  }
}

process.stdout.write(JSON.stringify({ mode, files: files.length, problems, cpuMs, ruleMs }));
