// Times the plugin where users meet it first: the ESLint language server that editors run
// (vscode-eslint-language-server from vscode-langservers-extracted), on a copy of examples/.
//
// Each run starts a new server (cold: Node, ESLint, the config and the plugin all load), opens
// functions/send-with-got.js and pulls its diagnostics, then edits the file and pulls again (warm).
// `first diagnostic` is from spawning the server to the first pull's answer; `after open` from `didOpen` to it;
// `after edit` from `didChange` to the answer for the edited text. Each number is the median over the runs.
//
// Usage: npm run bench:editor      (builds dist/ first)
//        node bench/editor.js      (uses the existing dist/)
// Env:   BENCH_EDITOR_RUNS (default 5), BENCH_EDITOR_LIMIT_MS (default 1000: exit 1 when the median first
//        diagnostic takes longer)
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { makeExampleProject } from './example-project.js';
import { startEslintServer } from './lsp-client.js';

const RUNS = positiveInteger(process.env.BENCH_EDITOR_RUNS, 5);
const LIMIT_MS = positiveInteger(process.env.BENCH_EDITOR_LIMIT_MS, 1000);
const FILE = 'functions/send-with-got.js';

function positiveInteger(value, fallback) {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function oneRun(projectDir) {
  const filePath = path.join(projectDir, FILE);
  const uri = pathToFileURL(filePath).href;
  const text = readFileSync(filePath, 'utf8');
  const started = performance.now();
  const client = startEslintServer(projectDir);
  try {
    await client.initialize();
    const opened = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const firstAt = performance.now();
    const plugin = first.items.filter((item) => String(item.code).startsWith('twilio-functions/'));
    if (plugin.length === 0) throw new Error(`no plugin diagnostic on ${FILE}: ${JSON.stringify(first.items)}`);

    const edited = `${text}\n// edited\n`;
    const changed = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const editAt = performance.now();
    return { first: firstAt - started, afterOpen: firstAt - opened, afterEdit: editAt - changed, diagnostics: plugin.length };
  } finally {
    await client.stop();
  }
}

const projectDir = makeExampleProject();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(projectDir));
  const row = {
    first: median(runs.map((run) => run.first)),
    afterOpen: median(runs.map((run) => run.afterOpen)),
    afterEdit: median(runs.map((run) => run.afterEdit)),
  };
  console.log(`ESLint language server (vscode-langservers-extracted), ${FILE}, median of ${RUNS} cold starts:`);
  console.log('first diagnostic ms | after open ms | after edit ms | plugin diagnostics');
  console.log('--------------------|---------------|---------------|-------------------');
  console.log(
    `${row.first.toFixed(0).padStart(19)} | ${row.afterOpen.toFixed(0).padStart(13)} | ${row.afterEdit.toFixed(0).padStart(13)} | ${String(runs[0].diagnostics).padStart(18)}`,
  );
  if (row.first >= LIMIT_MS) {
    console.error(`time to first diagnostic ${row.first.toFixed(0)} ms is over the ${LIMIT_MS} ms target`);
    process.exitCode = 1;
  }
} finally {
  rmSync(projectDir, { recursive: true, force: true });
}
