// What the shared per-file analysis costs by itself, in real time (no ESLint stats, whose timing of every listener
// call is charged to the rule that listens), for one or more builds of the plugin in one process: a probe rule that
// only builds the analysis (and, with BENCH_SOLVE=1, solves every handler's callback completions), against a lint
// with no rule at all. Each file is linted by every configuration in turn, in a rotating order, BENCH_ROUNDS times;
// each file's least time per configuration is kept and summed. On a machine shared with other work, the least of
// several short runs is much steadier than a median of long ones (a file's lint takes a few milliseconds, and some
// of its runs get the CPU undisturbed); it leaves out most garbage collection, so read it beside overhead.js.
//
// Usage: node bench/shared-analysis.js [dist folder …]   (default: ./dist; pass a copy of an older build to compare)
// Env:   BENCH_ROUNDS (default 10), BENCH_SOLVE=1
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Linter } from 'eslint';

import { CORPUS_PACKAGE_JSON, generateCorpus } from './realistic-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const builds = process.argv.length > 2 ? process.argv.slice(2).map((dist) => path.resolve(dist)) : [path.join(here, '..', 'dist')];
const rounds = Number.parseInt(process.env.BENCH_ROUNDS ?? '', 10) || 10;
const solve = process.env.BENCH_SOLVE === '1';

const directory = mkdtempSync(path.join(tmpdir(), 'twilio-functions-shared-'));
writeFileSync(path.join(directory, 'package.json'), JSON.stringify(CORPUS_PACKAGE_JSON, null, 2));
const files = generateCorpus().map((file) => {
  const full = path.join(directory, file.path);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, file.code);
  return { file: full, code: file.code };
});

const GLOBALS = Object.fromEntries(['console', 'process', 'Buffer', 'setTimeout', 'clearTimeout', 'URL', 'fetch', 'Twilio', 'Runtime'].map((name) => [name, 'readonly']));
const base = {
  files: ['**/*.js'],
  languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: GLOBALS },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const configurations = [{ name: 'no rule', config: [{ ...base, rules: {} }] }];
for (const dist of builds) {
  const { onFileAnalysis } = await import(pathToFileURL(path.join(dist, 'file-analysis', 'file-analysis.js')).href);
  const probe = {
    meta: { schema: [] },
    create: (context) =>
      onFileAnalysis(context, (analysis) => {
        if (solve) for (const handlerFlow of analysis.handlerFlows) analysis.callbackAnalysisOf(handlerFlow);
      }),
  };
  configurations.push({ name: path.relative(process.cwd(), dist) || dist, config: [{ ...base, plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }] });
}

const linter = new Linter({ cwd: directory });
const least = configurations.map(() => files.map(() => Infinity));
for (let round = -2; round < rounds; round++) {
  files.forEach(({ file, code }, index) => {
    const order = configurations.map((_, position) => (position + round + index + 2) % configurations.length);
    for (const position of order) {
      const start = performance.now();
      linter.verify(code, configurations[position].config, { filename: file });
      const elapsed = performance.now() - start;
      if (round >= 0 && elapsed < least[position][index]) least[position][index] = elapsed;
    }
  });
}
rmSync(directory, { recursive: true, force: true });

const sum = (values) => values.reduce((total, value) => total + value, 0);
const none = sum(least[0]);
console.log(`${files.length} files, least of ${rounds} lints per file${solve ? ', callback completions solved' : ''}`);
configurations.forEach(({ name }, position) => {
  const total = sum(least[position]);
  console.log(`${name.padEnd(40)} ${total.toFixed(2).padStart(8)} ms${position === 0 ? '' : `   shared analysis ${(total - none).toFixed(1)} ms`}`);
});
