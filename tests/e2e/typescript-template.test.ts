// Twilio's TypeScript template: Functions in src/functions/*.ts, compiled with `module: commonjs`. The fixture's
// eslint.config.js is the one line `[...configs.recommended]`, with no parser of its own: recommended must parse
// the TypeScript itself.
import type { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt } from './ensure-built.js';
import { runEslintCli } from './run-eslint-cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectDir = path.join(repoRoot, 'tests/fixtures/typescript-template');

function lint(args: readonly string[]): ESLint.LintResult[] {
  const result = runEslintCli(projectDir, ['--format', 'json', ...args]);
  try {
    return JSON.parse(result.stdout) as ESLint.LintResult[];
  } catch {
    throw new Error(`eslint did not print JSON (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
}

function findings(results: readonly ESLint.LintResult[]): string[] {
  return results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${path.relative(projectDir, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'} ${message.messageId ?? message.message}`,
    ),
  );
}

beforeAll(() => {
  ensureBuilt();
});

describe('a project shaped like Twilio’s TypeScript template', () => {
  it('is real TypeScript that compiles as CommonJS', () => {
    const tsconfig = JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', projectDir, '--showConfig'], { encoding: 'utf8' })) as {
      compilerOptions: { module: string };
    };
    expect(tsconfig.compilerOptions.module).toBe('commonjs');
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', projectDir, '--noEmit'], { stdio: 'pipe' });
  });

  it('is parsed and linted by `[...configs.recommended]` alone, with exact findings', () => {
    const results = lint(['.']);
    expect(results.map((result) => path.relative(projectDir, result.filePath)).sort()).toEqual([
      'eslint.config.js',
      'javascript-only.config.js',
      'src/functions/notify.protected.ts',
      'src/functions/order-status.ts',
    ]);
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
    expect(findings(results)).toEqual([
      'src/functions/notify.protected.ts:18:5 twilio-functions/require-callback missingOnPath',
      'src/functions/notify.protected.ts:21:3 twilio-functions/no-code-after-callback codeAfterCallback',
    ]);
  });

  it('would not parse without recommended’s TypeScript entry (what users had to add by hand before)', () => {
    const results = lint(['--config', path.join(projectDir, 'javascript-only.config.js'), 'src']);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.fatalErrorCount, result.filePath).toBe(1);
      expect(result.messages[0]?.message).toMatch(/^Parsing error: /);
    }
  });
});
