// Worker thread of scan-node-modules.js: lints the files the main thread sends, one at a time, with the plugin
// built into dist/, and answers with what each gave.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../dist/index.js';
import { createFunctionLinter } from './lint-as-function.js';

const { lintAsFunction } = createFunctionLinter({ Linter, plugin, typescriptParser });

parentPort.on('message', (file) => {
  const started = performance.now();
  let result;
  try {
    const code = readFileSync(file, 'utf8');
    result = lintAsFunction(file, code);
    result = { ...result, bytes: Buffer.byteLength(code) };
  } catch (error) {
    result = { parsed: false, messages: [], problems: [`scan failed: ${String(error)}`], bytes: 0 };
  }
  const findings = {};
  for (const message of result.messages) {
    if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
  }
  parentPort.postMessage({
    file,
    parsed: result.parsed,
    sourceType: result.sourceType,
    problems: result.problems,
    findings,
    bytes: result.bytes,
    ms: performance.now() - started,
  });
});
