/**
 * `eslint --cache` keys each file's cached result on the file and a hash of its config. no-esm-require's result
 * also depends on the runtime and on dependency versions, so readProjectSettings puts both into `settings`:
 * a change to either changes the config hash and the file is linted again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ESLint, type Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import plugin, { readProjectSettings } from '../../src/index.js';

const HANDLER = [
  "const pRetry = require('p-retry');",
  'exports.handler = async (context, event, callback) => {',
  '  callback(null, await pRetry(() => 1));',
  '};',
  '',
].join('\n');

describe('no-esm-require and eslint --cache', () => {
  let project: string;

  beforeEach(() => {
    // Not installed (a CI lint before `npm install`): the verdict comes from package.json and the table.
    project = mkdtempSync(join(tmpdir(), 'no-esm-require-cache-'));
    mkdirSync(join(project, 'functions'));
    writeFileSync(join(project, 'functions/retry.js'), HANDLER);
    writePackageJson('^4.0.0');
    writeFileSync(join(project, '.twilioserverlessrc'), '{\n  // written by the Serverless Toolkit\n  "runtime": "node18",\n}\n');
  });

  afterEach(() => {
    rmSync(project, { recursive: true, force: true });
  });

  function writePackageJson(pRetryRange: string): void {
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'cache-test', private: true, dependencies: { 'p-retry': pRetryRange } }),
    );
  }

  /** One `eslint --cache` run, its config built the way a project's eslint.config.js would build it. */
  async function lintWithCache(settings: Record<string, unknown>): Promise<string[]> {
    // The handler here is about packages; how it waits for its Promises is other tests' business.
    const promiseRulesOff = { 'twilio-functions/no-floating-promises': 'off', 'twilio-functions/require-catch-callback': 'off' } as const;
    const config: Linter.Config[] = [...plugin.configs.recommended, { rules: promiseRulesOff, settings: { 'twilio-functions': settings } }];
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: config,
      cache: true,
      cacheLocation: join(project, '.eslintcache'),
    });
    const [result] = await eslint.lintFiles(['functions/retry.js']);
    return result!.messages.map((message) => `${message.ruleId ?? ''}:${message.line}`);
  }

  it('reads the runtime from .twilioserverlessrc and the dependency versions', () => {
    expect(readProjectSettings(project)).toEqual({ runtime: 'node18', dependencies: { 'p-retry': '^4.0.0' } });
  });

  it('a dependency upgrade invalidates the cached result', async () => {
    expect(await lintWithCache({ ...readProjectSettings(project) })).toEqual([]);
    writePackageJson('^5.0.0');
    expect(await lintWithCache({ ...readProjectSettings(project) })).toEqual(['twilio-functions/no-esm-require:1']);
  });

  it('a runtime change invalidates the cached result', async () => {
    writePackageJson('7.1.1');
    writeFileSync(join(project, '.twilioserverlessrc'), '{ "runtime": "node22" }');
    // On node22, require(esm) returns the namespace and `pRetry(…)` fails: reported at the require, naming the call.
    expect(await lintWithCache({ ...readProjectSettings(project) })).toEqual(['twilio-functions/no-esm-require:1']);
    writeFileSync(join(project, '.twilioserverlessrc'), '{ "runtime": "node18" }');
    expect(await lintWithCache({ ...readProjectSettings(project) })).toEqual(['twilio-functions/no-esm-require:1']);
  });

  it('without the dependency versions in settings the cache would serve a stale result', async () => {
    const { runtime } = readProjectSettings(project);
    expect(await lintWithCache({ runtime })).toEqual([]);
    writePackageJson('^5.0.0');
    readProjectSettings(project); // the same process: drop the rule's own caches as a config reload does
    expect(await lintWithCache({ runtime })).toEqual([]);
  });
});
