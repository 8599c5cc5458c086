// Type-aware cost: this plugin's no-floating-promises with `checkTypes` against typescript-eslint's
// no-floating-promises, on the same typed TypeScript Function files, in the same process and run.
//
// The files are the realistic corpus (bench/realistic-corpus.js) written as `.ts` with a typed prelude, in a temporary
// project with a tsconfig; every configuration gets the same project service. A rule's cost is the CPU time of a
// lint of the corpus with that rule on, minus the same lint without it, the median of BENCH_ROUNDS rotating rounds.
// Two baselines: no rule at all (ours then pays for the whole callback-flow analysis alone), and the plugin's other
// recommended rules (the analysis is shared, as in a project that uses the plugin: what choosing one rule or the
// other costs). ESLint's own per-rule stats are not used: they time
// every listener call, which inflates a rule with many cheap listeners (ours records the callback flow) against one
// with a few expensive ones.
//
// Usage: node bench/typed.js      (uses dist/; `npm run bench` builds first)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import plugin from '../dist/index.js';
import { generateCorpus } from './realistic-corpus.js';

const ROUNDS = Number.parseInt(process.env.BENCH_ROUNDS ?? '', 10) || 5;
const COUNT = Number.parseInt(process.env.BENCH_TYPED_FILES ?? '', 10) || 120;

const PRELUDE = `declare const Twilio: any;
declare const Runtime: any;
declare function require(name: string): any;
declare const exports: any;
declare const module: any;
declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };
declare function fetch(url: string, init?: unknown): Promise<{ status: number; json(): Promise<unknown> }>;
`;

const directory = mkdtempSync(path.join(tmpdir(), 'twilio-functions-typed-bench-'));
writeFileSync(
  path.join(directory, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { target: 'es2018', module: 'commonjs', strict: false, noEmit: true, lib: ['es2022'], types: [] }, include: ['src/**/*.ts'] }),
);
const files = generateCorpus(COUNT).map((file, index) => {
  const filename = path.join(directory, 'src/functions', `function-${index}.ts`);
  mkdirSync(path.dirname(filename), { recursive: true });
  const code = `${PRELUDE}${file.code}`;
  writeFileSync(filename, code);
  return { filename, code };
});

const languageOptions = {
  parser: tseslint.parser,
  sourceType: 'commonjs',
  parserOptions: { projectService: true, tsconfigRootDir: directory },
};
const otherRules = Object.fromEntries(
  Object.entries(plugin.configs.recommended[0].rules).filter(([ruleId]) => ruleId !== 'twilio-functions/no-floating-promises'),
);
const ourRule = { 'twilio-functions/no-floating-promises': ['error', { checkTypes: true }] };
const theirRule = { '@typescript-eslint/no-floating-promises': 'error' };
const plugins = { 'twilio-functions': plugin, '@typescript-eslint': tseslint.plugin };
const config = (rules) => [{ files: ['**/*.ts'], languageOptions, plugins, rules }];
const configs = {
  none: config({}),
  ours: config(ourRule),
  typescriptEslint: config(theirRule),
  plugin: config(otherRules),
  pluginOurs: config({ ...otherRules, ...ourRule }),
  pluginTypescriptEslint: config({ ...otherRules, ...theirRule }),
};
const ruleIds = {
  none: '',
  ours: 'twilio-functions/no-floating-promises',
  typescriptEslint: '@typescript-eslint/no-floating-promises',
  plugin: '',
  pluginOurs: 'twilio-functions/no-floating-promises',
  pluginTypescriptEslint: '@typescript-eslint/no-floating-promises',
};

const linter = new Linter({ cwd: directory });
function lintCorpus(name) {
  let problems = 0;
  const start = process.cpuUsage();
  for (const { filename, code } of files) {
    problems += linter.verify(code, configs[name], { filename }).filter((message) => message.ruleId === ruleIds[name]).length;
  }
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, problems };
}

const NAMES = Object.keys(configs);
for (const name of NAMES) lintCorpus(name); // warm-up: the project service builds the program once
const samples = Object.fromEntries(NAMES.map((name) => [name, []]));
const problems = {};
for (let round = 0; round < ROUNDS; round++) {
  const order = NAMES.map((_, i) => NAMES[(i + round) % NAMES.length]);
  for (const name of order) {
    const result = lintCorpus(name);
    samples[name].push(result.ms);
    problems[name] = result.problems;
  }
}
rmSync(directory, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cost = (name, baseline) => median(samples[name]) - median(samples[baseline]);
const rows = [
  ['alone', cost('ours', 'none'), cost('typescriptEslint', 'none')],
  ['beside the plugin\'s other rules', cost('pluginOurs', 'plugin'), cost('pluginTypescriptEslint', 'plugin')],
];
console.log(`typed corpus: ${files.length} .ts Function files, ${ROUNDS} rotating rounds; findings: ours ${problems.ours}, typescript-eslint ${problems.typescriptEslint}`);
console.log('CPU ms the rule adds (median)     | twilio-functions (types) | @typescript-eslint | ratio');
console.log('----------------------------------|--------------------------|--------------------|------');
for (const [label, ours, theirs] of rows) {
  console.log(`${label.padEnd(33)} | ${ours.toFixed(1).padStart(24)} | ${theirs.toFixed(1).padStart(18)} | ${(ours / theirs).toFixed(2)}`);
}
console.log('target: beside the plugin, ours costs no more (ratio ≤ 1.00)');
process.exitCode = rows[1][1] <= rows[1][2] ? 0 : 1;
