/**
 * Proof that no-esm-require's autofix repairs real handlers: a Function that requires the ESM-only majors of
 * got, p-retry and node-fetch fails under node18 semantics (`--no-experimental-require-module`: ERR_REQUIRE_ESM)
 * and under require(esm) (Node ≥ 20.19: the namespace is not callable, a TypeError); after `eslint --fix` with
 * the plugin's recommended config it answers through the callback in both modes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const REPO = resolve(import.meta.dirname, '../..');
const E2E_FIXTURES = join(REPO, 'tests/fixtures/esm/e2e');
const RUNNER = join(E2E_FIXTURES, 'run-handler.cjs');

type Outcome =
  | { value: unknown }
  | { loadError: ErrorShape }
  | { thrown: ErrorShape }
  | { rejection: ErrorShape }
  | { callbackError: ErrorShape }
  | { timeout: true };
interface ErrorShape {
  name?: string;
  code?: string;
  message: string;
}

/** node18 semantics on this Node: require(esm) switched off. */
const WITHOUT_REQUIRE_ESM = ['--no-experimental-require-module'];
/** Node ≥ 20.19 / 22.12 as it ships: require(esm) on. */
const WITH_REQUIRE_ESM: string[] = [];

function runHandler(handlerPath: string, nodeFlags: readonly string[]): Outcome {
  const stdout = execFileSync(process.execPath, [...nodeFlags, '--no-warnings', RUNNER, handlerPath], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome;
}

const EXPECTED_VALUE = { fromGot: 'hello from /got', fromFetch: 'hello from /fetch' };

describe('no-esm-require autofix, proven by running the handler', () => {
  let project: string;
  let handlerPath: string;

  beforeAll(() => {
    // A throwaway Twilio project whose node_modules is the repository's (got, p-retry and node-fetch are pinned
    // devDependencies there).
    project = mkdtempSync(join(tmpdir(), 'no-esm-require-proof-'));
    mkdirSync(join(project, 'functions'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'proof', private: true }));
    symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
    handlerPath = join(project, 'functions/send.js');
    cpSync(join(E2E_FIXTURES, 'send-with-esm-packages.js'), handlerPath);
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it('the original handler fails with ERR_REQUIRE_ESM without require(esm)', () => {
    const outcome = runHandler(handlerPath, WITHOUT_REQUIRE_ESM);
    expect(outcome).toMatchObject({ loadError: { code: 'ERR_REQUIRE_ESM' } });
  });

  it('the original handler throws a TypeError with require(esm) (the namespace is not callable)', () => {
    const outcome = runHandler(handlerPath, WITH_REQUIRE_ESM);
    expect(outcome).toMatchObject({ thrown: { name: 'TypeError', message: 'pRetry is not a function' } });
  });

  for (const runtime of ['node18', 'node22'] as const) {
    it(`eslint --fix (runtime ${runtime}, every rule of the plugin on) makes it work in both modes`, async () => {
      const original = readFileSync(join(E2E_FIXTURES, 'send-with-esm-packages.js'), 'utf8');
      writeFileSync(handlerPath, original);
      const config: Linter.Config[] = [
        ...plugin.configs.recommended,
        { settings: { 'twilio-functions': { runtime } } },
      ];
      const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: config, fix: true });
      const [result] = await eslint.lintFiles(['functions/send.js']);
      expect(result?.output).toBeDefined();
      await ESLint.outputFixes([result!]);

      const fixed = readFileSync(handlerPath, 'utf8');
      expect(fixed).toBe(
        [
          '// A Twilio Function written for the CommonJS versions of got, p-retry and node-fetch, run against their',
          '// ESM-only majors.',
          '',
          'exports.handler = async function (context, event, callback) {',
          "  const { default: got } = await import('got');",
          "  const { default: pRetry } = await import('p-retry');",
          "  const { default: fetch } = await import('node-fetch');",
          '  pRetry(() => got(`${event.baseUrl}/got`).text(), { retries: 1 })',
          '    .then(async (fromGot) => {',
          '      const response = await fetch(`${event.baseUrl}/fetch`);',
          '      return callback(null, { fromGot, fromFetch: await response.text() });',
          '    })',
          '    .catch((error) => callback(error));',
          '};',
          '',
        ].join('\n'),
      );
      // Nothing of this rule is left, and a second --fix changes nothing (the fixes converge).
      expect(result!.messages.filter((message) => message.ruleId === 'twilio-functions/no-esm-require')).toEqual([]);
      const [again] = await eslint.lintFiles(['functions/send.js']);
      expect(again?.output).toBeUndefined();

      expect(runHandler(handlerPath, WITHOUT_REQUIRE_ESM)).toEqual({ value: EXPECTED_VALUE });
      expect(runHandler(handlerPath, WITH_REQUIRE_ESM)).toEqual({ value: EXPECTED_VALUE });
    });
  }
});
