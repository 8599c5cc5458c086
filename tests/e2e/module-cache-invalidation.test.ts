/**
 * An editor's ESLint server lints, the user runs `npm install` (or edits package.json), and it lints again in
 * the same process, config unchanged, no cache cleared: the rules must see the files as they are now.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ESLint, Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import plugin, { readProjectSettings } from '../../src/index.js';

/** The handlers here are about packages; how they wait for their Promises is other tests' business. */
const PROMISE_RULES_OFF = { 'twilio-functions/no-floating-promises': 'off', 'twilio-functions/require-catch-callback': 'off' } as const;

const HANDLER = [
  "const fetch = require('node-fetch');",
  'exports.handler = async (context, event, callback) => {',
  '  callback(null, await (await fetch(event.url)).text());',
  '};',
  '',
].join('\n');

describe('cached package facts follow the files', () => {
  let project: string;
  let linter: Linter;
  const config: Linter.Config[] = [
    ...plugin.configs.recommended,
    {
      rules: { 'twilio-functions/require-callback': 'off', ...PROMISE_RULES_OFF },
      settings: { 'twilio-functions': { runtime: 'node18' } },
    },
  ];

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'module-cache-'));
    // One Linter for every lint of a test: the same process, the same plugin caches.
    linter = new Linter({ configType: 'flat', cwd: project });
    mkdirSync(join(project, 'functions'));
    writeFileSync(join(project, 'functions/fetch.js'), HANDLER);
  });

  afterEach(() => {
    rmSync(project, { recursive: true, force: true });
  });

  function writePackageJson(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): void {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', dependencies, devDependencies }));
  }

  /** A stand-in node-fetch in node_modules: 2.x is CommonJS, 3.x an ES module. */
  function install(version: string): void {
    const folder = join(project, 'node_modules/node-fetch');
    mkdirSync(folder, { recursive: true });
    const esm = version.startsWith('3');
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'node-fetch', version, main: 'index.js', ...(esm ? { type: 'module' } : {}) }));
    writeFileSync(join(folder, 'index.js'), esm ? 'export default function fetch() {}\n' : 'module.exports = function fetch() {};\n');
  }

  function lint(): string[] {
    const filename = join(project, 'functions/fetch.js');
    return linter.verify(HANDLER, config, { filename }).map((message) => `${message.ruleId ?? ''}:${message.messageId ?? ''}:${message.line}`);
  }

  it('a package.json edit and an npm install between two lints', () => {
    writePackageJson({ 'node-fetch': '^2.6.0' });
    install('2.7.0');
    expect(lint()).toEqual([]);

    // package.json now asks for 3.x; node_modules still holds 2.7.0: production breaks (the range deploys 3.x).
    writePackageJson({ 'node-fetch': '^3.0.0' });
    expect(lint()).toEqual(['twilio-functions/no-esm-require:requireEsm:1']);

    // `npm install`: the installed ES module is the deployed major and tells the export shape.
    install('3.3.2');
    expect(lint()).toEqual(['twilio-functions/no-esm-require:requireEsm:1']);

    // Back to 2.x in package.json, but node_modules still holds 3.3.2: works once deployed, breaks locally.
    writePackageJson({ 'node-fetch': '2' });
    expect(lint()).toEqual(['twilio-functions/no-esm-require:localOnly:1']);

    install('2.7.0');
    expect(lint()).toEqual([]);

    // Moved to devDependencies: not deployed at all.
    writePackageJson({}, { 'node-fetch': '2' });
    expect(lint()).toEqual(['twilio-functions/no-undeployed-require:devDependencyOnly:1']);
  });

  it('the local-only finding says so, and reportLocalOnly: false silences it', () => {
    writePackageJson({ 'node-fetch': '2' });
    install('3.3.2');
    const filename = join(project, 'functions/fetch.js');
    const [message] = linter.verify(HANDLER, config, { filename });
    expect(message?.message).toBe(
      "Works once deployed: package.json declares 'node-fetch' 2, which installs a CommonJS version. But your installed 'node-fetch' 3.3.2 is an ES module, so locally `require('node-fetch')` throws ERR_REQUIRE_ESM on node18. Run `npm install` to install what package.json declares.",
    );
    expect(message?.suggestions ?? []).toEqual([]);
    const quiet: Linter.Config[] = [...config, { rules: { 'twilio-functions/no-esm-require': ['error', { reportLocalOnly: false }] } }];
    expect(linter.verify(HANDLER, quiet, { filename })).toEqual([]);
  });

  it('eslint --cache lints again when a package moves from devDependencies to dependencies', async () => {
    writePackageJson({}, { 'node-fetch': '^2.6.0' });
    const lintWithCache = async (): Promise<string[]> => {
      const eslint = new ESLint({
        cwd: project,
        overrideConfigFile: true,
        overrideConfig: [...plugin.configs.recommended, { rules: PROMISE_RULES_OFF, settings: { 'twilio-functions': readProjectSettings(project) } }],
        cache: true,
        cacheLocation: join(project, '.eslintcache'),
      });
      const [result] = await eslint.lintFiles(['functions/fetch.js']);
      return result!.messages.map((message) => `${message.ruleId ?? ''}:${message.line}`);
    };
    expect(await lintWithCache()).toEqual(['twilio-functions/no-undeployed-require:1']);
    expect(readProjectSettings(project).notDeployed).toEqual(['node-fetch']);
    writePackageJson({ 'node-fetch': '^2.6.0' });
    expect(await lintWithCache()).toEqual([]);
  });
});
