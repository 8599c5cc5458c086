// Lints the Twilio Function files of a folder of real projects with the recommended config and reports each
// rule's time (ESLint's per-rule stats, summed over every file) and, optionally, every finding of some rules.
// Nothing of the corpus is copied: it is read in place.
//
// Usage: npm run build && node bench/corpus.js <corpus-dir> [--findings rule,rule] [--runs N]
// Each project is the folder that holds a `functions/` (or `src/functions/`) folder; its settings come from
// readProjectSettings(project), as a project's eslint.config.js would build them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

import plugin, { readProjectSettings } from '../dist/index.js';

const [corpus, ...rest] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node bench/corpus.js <corpus-dir> [--findings rule,rule] [--runs N]');
  process.exit(2);
}
const option = (name) => {
  const index = rest.indexOf(name);
  return index === -1 ? undefined : rest[index + 1];
};
const findingRules = new Set((option('--findings') ?? '').split(',').filter(Boolean).map((rule) => `twilio-functions/${rule}`));
const runs = Number(option('--runs') ?? 3);

/** Folders that contain a `functions` folder (the project roots the Serverless Toolkit deploys). */
function projectRoots(directory, found = []) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.name === 'functions') {
      const root = dirname(path).endsWith(`${'/'}src`) && !existsSync(join(dirname(path), 'package.json')) ? dirname(dirname(path)) : dirname(path);
      if (!found.includes(root)) found.push(root);
      continue;
    }
    projectRoots(path, found);
  }
  return found;
}

const roots = projectRoots(corpus).filter((root) => statSync(root).isDirectory());
/** Projects whose Functions sit outside a `functions/` folder (`twilioFunctions/`, the repository root). */
const looseRoots = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !roots.some((root) => root.startsWith(join(corpus, entry.name))))
  .map((entry) => join(corpus, entry.name));
/** Per rule, its total time in each run. */
const perRun = new Map();
let files = 0;
const findings = [];
for (let run = 0; run < runs; run += 1) {
  for (const root of [...roots, ...looseRoots]) {
    const loose = looseRoots.includes(root);
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.recommended,
        // The Serverless Toolkit also deploys `src/functions/*.js`, which the recommended globs leave out.
        { ...plugin.configs.recommended[0], files: loose ? ['**/*.{js,cjs,ts}'] : ['src/functions/**/*.{js,cjs}'] },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        { settings: { 'twilio-functions': readProjectSettings(root) } },
      ],
      stats: true,
      errorOnUnmatchedPattern: false,
    });
    const patterns = loose ? ['**/*.{js,cjs,ts}'] : ['functions/**/*.{js,cjs,ts}', 'src/functions/**/*.{js,cjs,ts}'];
    const results = await eslint.lintFiles(patterns);
    for (const result of results) {
      if (run === 0) files += 1;
      for (const pass of result.stats?.times.passes ?? []) {
        for (const [rule, time] of Object.entries(pass.rules ?? {})) {
          const times = perRun.get(rule) ?? new Array(runs).fill(0);
          times[run] += time.total;
          perRun.set(rule, times);
        }
      }
      if (run !== 0) continue;
      for (const message of result.messages) {
        if (message.fatal) findings.push(`${relative(corpus, result.filePath)}:${message.line}:${message.column} PARSE ${message.message}`);
        else if (findingRules.has(message.ruleId)) {
          findings.push(`${relative(corpus, result.filePath)}:${message.line}:${message.column} ${message.ruleId.split('/')[1]} ${message.message}`);
        }
      }
    }
  }
}
for (const finding of findings) console.log(finding);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`\n${roots.length + looseRoots.length} projects, ${files} Function files, ${runs} runs; rule time (ms): median of runs, first run`);
for (const [rule, times] of [...perRun].sort((a, b) => median(b[1]) - median(a[1]))) {
  console.log(`  ${rule.padEnd(42)} ${median(times).toFixed(1).padStart(7)} ${times[0].toFixed(1).padStart(7)}`);
}
