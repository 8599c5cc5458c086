import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ESM_ONLY_PACKAGES, packageNameOf } from '../../src/modules/esm-only-packages.js';
import { admitsEsmOnlyVersion } from '../../src/modules/esm-only-version.js';
import { parseJsonWithComments } from '../../src/util/json-file.js';
import { lockedVersion } from '../../src/modules/lockfile.js';
import { LruCache } from '../../src/util/lru-cache.js';
import { runtimeFromEnginesRange, runtimeFromSettings } from '../../src/modules/twilio-runtime.js';
import { typeScriptOutput } from '../../src/modules/typescript-output.js';
import { readProjectSettings } from '../../src/project-settings.js';

const got = ESM_ONLY_PACKAGES.get('got')!;

describe('admitsEsmOnlyVersion', () => {
  it.each([
    ['12.0.0', true],
    ['11.8.6', false],
    ['^11.8.0', false],
    ['^12.1.0', true],
    ['~11.8.0', false],
    ['>=11.0.0', true],
    ['>=10 <12', false],
    ['11.x', false],
    ['12.x', true],
    ['*', true],
    ['', true],
    ['^10.0.0 || ^11.0.0', false],
    ['^11.0.0 || ^12.0.0', true],
    ['11.0.0 - 11.9.0', false],
    ['11.0.0 - 12.0.0', true],
    ['latest', true],
    ['git+https://example.invalid/got.git', false],
    ['file:../got', false],
    ['workspace:*', false],
    ['not a range', false],
  ])('got %s → %s', (declared, expected) => {
    expect(admitsEsmOnlyVersion(declared, got)).toBe(expected);
  });
});

describe('the ESM-only table', () => {
  it('has at least 30 packages, each with a first ESM-only major after its last CommonJS version', () => {
    expect(ESM_ONLY_PACKAGES.size).toBeGreaterThanOrEqual(30);
    for (const [, entry] of ESM_ONLY_PACKAGES) {
      expect(admitsEsmOnlyVersion(entry.lastCommonJs, entry)).toBe(false);
      expect(admitsEsmOnlyVersion(entry.firstEsmOnly, entry)).toBe(true);
    }
  });

  it.each([
    ['got', 'got'],
    ['got/dist/source', 'got'],
    ['@octokit/rest', '@octokit/rest'],
    ['@octokit/rest/x', '@octokit/rest'],
    ['@scope', undefined],
    ['./local', undefined],
    ['node:fs', undefined],
    ['#internal', undefined],
  ])('packageNameOf(%s) = %s', (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name);
  });
});

describe('runtimes', () => {
  it.each([
    ['>=18', 'node18'],
    ['18.x', 'node18'],
    ['^20.19.0', 'node20'],
    ['22', 'node22'],
    ['>=21', 'node22'],
    ['>=24.0.0', 'node24'],
    ['14', undefined],
    ['junk', undefined],
  ])('engines.node %s → %s', (range, runtime) => {
    expect(runtimeFromEnginesRange(range)).toBe(runtime);
  });

  it('reads settings and defaults to node22', () => {
    expect(runtimeFromSettings({ 'twilio-functions': { runtime: 'node20' } })).toBe('node20');
    expect(runtimeFromSettings({ 'twilio-functions': { runtime: 'node16' } })).toBe('node22');
    expect(runtimeFromSettings({})).toBe('node22');
    expect(runtimeFromSettings(undefined)).toBe('node22');
  });
});

describe('parseJsonWithComments', () => {
  it('keeps // inside strings and drops comments and trailing commas', () => {
    expect(parseJsonWithComments('{ /* a */ "url": "https://x//y", // b\n "list": [1, 2,], }')).toEqual({
      url: 'https://x//y',
      list: [1, 2],
    });
  });

  it('drops a trailing comma with a comment before the closer, and keeps commas inside strings', () => {
    expect(parseJsonWithComments('{ "a": [1, 2, /* last */ ], "b": "x, }", // end\n}')).toEqual({ a: [1, 2], b: 'x, }' });
  });

  it('answers undefined for broken JSON', () => {
    expect(parseJsonWithComments('{ "runtime": ')).toBeUndefined();
  });
});

describe('LruCache', () => {
  it('stays bounded and evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
  });
});

describe('project files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'no-esm-require-analysis-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('readProjectSettings: engines.node when there is no .twilioserverlessrc; lockfile versions', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=20' }, dependencies: { got: '^11.0.0', twilio: '^5.0.0' } }));
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/got': { version: '11.8.6' } } }));
    expect(readProjectSettings(dir)).toEqual({ runtime: 'node20', dependencies: { got: '11.8.6', twilio: '^5.0.0' } });
  });

  it('readProjectSettings: a broken .twilioserverlessrc or package.json falls back to node22', () => {
    writeFileSync(join(dir, '.twilioserverlessrc'), '{ "runtime": ');
    writeFileSync(join(dir, 'package.json'), '{');
    expect(readProjectSettings(dir)).toEqual({ runtime: 'node22', dependencies: {} });
    expect(readProjectSettings(join(dir, 'missing'))).toEqual({ runtime: 'node22', dependencies: {} });
  });

  it('lockedVersion: a workspace entry wins over the hoisted one', () => {
    mkdirSync(join(dir, 'packages/fns'), { recursive: true });
    writeFileSync(join(dir, 'packages/fns/package.json'), '{}');
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/got': { version: '11.8.6' }, 'packages/fns/node_modules/got': { version: '12.6.1' } },
      }),
    );
    expect(lockedVersion(join(dir, 'packages/fns/package.json'), 'got')).toBe('12.6.1');
    expect(lockedVersion(join(dir, 'packages/fns/package.json'), 'p-map')).toBeUndefined();
  });

  it('typeScriptOutput: tsconfig module, extends, package type, and no tsconfig', () => {
    mkdirSync(join(dir, 'cjs'));
    mkdirSync(join(dir, 'esm'));
    writeFileSync(join(dir, 'cjs/tsconfig.json'), '{ "extends": "../base", }');
    writeFileSync(join(dir, 'base.json'), '{ "compilerOptions": { "module": "Node16" } }');
    writeFileSync(join(dir, 'esm/tsconfig.json'), '{ "compilerOptions": { "module": "esnext" } }');
    expect(typeScriptOutput(join(dir, 'cjs/a.ts'))).toEqual({ importsBecomeRequire: true, keepsDynamicImport: true, module: 'Node16', pathAliases: [] });
    expect(typeScriptOutput(join(dir, 'cjs/a.mts')).importsBecomeRequire).toBe(false);
    expect(typeScriptOutput(join(dir, 'esm/a.ts')).importsBecomeRequire).toBe(false);
    expect(typeScriptOutput(join(dir, 'a.ts'))).toEqual({ importsBecomeRequire: true, keepsDynamicImport: false, module: 'commonjs', pathAliases: [] });
  });
});
