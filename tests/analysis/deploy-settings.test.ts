import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { deployedDependency } from '../../src/modules/deployed-dependency.js';
import { currentLockedVersion } from '../../src/modules/lockfile.js';
import { runtimeLabel } from '../../src/modules/twilio-runtime.js';
import { readProjectSettings } from '../../src/project-settings.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-settings-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(resolve(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('readProjectSettings and the deploy', () => {
  it('the oldest runtime of .twilioserverlessrc and its environments', () => {
    const dir = project({ '.twilioserverlessrc': '{ "runtime": "node24", "environments": { "dev": { "runtime": "node20" }, "prod": {} } }' });
    expect(readProjectSettings(dir)).toEqual({ runtime: 'node20', dependencies: {} });
  });

  it('a retired runtime is judged as node18, and the message says so', () => {
    const dir = project({ '.twilioserverlessrc': '{ "runtime": "node16" }' });
    const settings = readProjectSettings(dir);
    expect(settings).toEqual({ runtime: 'node18', declaredRuntime: 'node16', dependencies: {} });
    expect(runtimeLabel({ 'twilio-functions': settings })).toBe(
      'node16 (judged as node18: like it, node16 has no require(esm); Twilio no longer deploys node16, so deploy with node22 or node24)',
    );
  });

  it('dependency versions as results depend on them; packages outside dependencies', () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { 'node-fetch': '2', got: '*', chalk: '^4.1.0' }, devDependencies: { jest: '^29.0.0' } }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { 'node-fetch': '^3.0.0', got: '*', chalk: '^4.1.0' }, devDependencies: { jest: '^29.0.0' } },
          'node_modules/node-fetch': { version: '3.3.2' },
          'node_modules/got': { version: '11.8.6' },
          'node_modules/chalk': { version: '4.1.2' },
        },
      }),
      'node_modules/node-fetch/package.json': JSON.stringify({ name: 'node-fetch', version: '3.3.2' }),
    });
    expect(readProjectSettings(dir)).toEqual({
      runtime: 'node22',
      dependencies: { chalk: '4.1.2', got: '* (local 11.8.6)', jest: '^29.0.0', 'node-fetch': '2 (installed 3.3.2)' },
      notDeployed: ['jest'],
    });
    // The root entry declares another range for node-fetch: stale. got's entry is current.
    expect(currentLockedVersion(join(dir, 'package.json'), 'node-fetch', '2')).toBeUndefined();
    expect(currentLockedVersion(join(dir, 'package.json'), 'got', '*')).toBe('11.8.6');
  });

  it('deployedDependency', () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'me', dependencies: { a: '1' }, devDependencies: { b: '1' } }) });
    const kinds = ['a/x', 'b', 'c', 'twilio', 'axios', 'node:fs', 'fs/promises', './x', 'me/y'].map((specifier) => deployedDependency(dir, specifier).kind);
    expect(kinds).toEqual(['deployed', 'not-deployed', 'not-deployed', 'platform', 'through-twilio', 'not-a-package', 'not-a-package', 'not-a-package', 'not-a-package']);
  });
});

describe('the import() fix removes a removed require with its trailing comment', () => {
  it('node18, not installed', () => {
    const dir = project({ 'package.json': JSON.stringify({ dependencies: { 'p-retry': '^7.0.0' } }), 'functions/a.js': '' });
    const code = "const pRetry = require('p-retry'); // retries flaky calls\n\nexports.handler = function (context, event, callback) {\n  pRetry(() => 1).then((value) => callback(null, value));\n};\n";
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [...plugin.configs.recommended, { settings: { 'twilio-functions': { runtime: 'node18' } } }];
    const { output } = linter.verifyAndFix(code, config, { filename: join(dir, 'functions/a.js') });
    expect(output).toBe(
      "\nexports.handler = async function (context, event, callback) {\n  const { default: pRetry } = await import('p-retry');\n  pRetry(() => 1).then((value) => callback(null, value));\n};\n",
    );
  });
});
