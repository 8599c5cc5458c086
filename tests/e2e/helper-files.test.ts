/**
 * A handler is judged by the helpers it requires from other project files. Those helpers change on disk while an
 * editor's ESLint server keeps running, and between two `eslint --cache` runs: the handler's findings must follow.
 */
import type { ESLint } from 'eslint';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import plugin, { readProjectSettings } from '../../src/index.js';
import { ensureBuilt } from './ensure-built.js';
import { runEslintCli } from './run-eslint-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/flex-project');
const DIST = resolve(import.meta.dirname, '../../dist/index.js');
const GUARDS = 'functions/common/helpers/guards.private.js';
const WRAPPERS = 'functions/common/helpers/function-helper.private.js';

/** `reply` answers on every path now. */
const REPLY_ALWAYS_ANSWERS = (text: string): string => text.replace("    if (!body) {\n      return;\n    }\n", '');
/** The Studio wrapper returns the handler's Promise without awaiting it: its rejection escapes the `try`. */
const STUDIO_ESCAPES = (text: string): string => text.replace('return await handlerFn(context, event, callback);', 'return handlerFn(context, event, callback);');

let project: string;

function copyFixture(): void {
  project = mkdtempSync(join(tmpdir(), 'helper-files-'));
  cpSync(FIXTURE, project, { recursive: true });
}

function edit(path: string, change: (text: string) => string): void {
  const file = join(project, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe.each([
  ['espree', undefined],
  ['typescript-eslint', tsParser],
])('an editor process, helpers changed on disk (%s)', (_name, parser) => {
  let linter: Linter;
  const config = (): Linter.Config[] => [
    ...plugin.configs.recommended,
    ...(parser ? [{ files: ['**/*.js'], languageOptions: { parser } }] : []),
    { settings: { 'twilio-functions': readProjectSettings(project) } },
  ];

  beforeEach(() => {
    copyFixture();
    // One Linter for every lint of a test: the same process, the same plugin caches.
    linter = new Linter({ configType: 'flat', cwd: project });
  });

  function lint(path: string, rules: Linter.Config[] = config()): string[] {
    const file = join(project, path);
    return linter
      .verify(readFileSync(file, 'utf8'), rules, file)
      .filter((message) => message.ruleId?.startsWith('twilio-functions/') && message.ruleId !== 'twilio-functions/no-undeployed-require')
      .map((message) => `${message.line}:${message.column} ${message.ruleId!.slice('twilio-functions/'.length)} ${message.messageId ?? ''}`);
  }

  it('sees a helper that now answers on every path', () => {
    const rules = config();
    expect(lint('functions/guarded.js', rules)).toEqual([
      '7:12 require-callback helperMissingOnPath',
      '11:5 no-code-after-callback duplicate',
      '15:1 require-callback missingOnPath',
    ]);
    edit(GUARDS, REPLY_ALWAYS_ANSWERS);
    // The config is not reloaded: the summary is re-checked against the file's stamp on the next lint.
    expect(lint('functions/guarded.js', rules)).toEqual(['11:5 no-code-after-callback duplicate', '15:1 require-callback missingOnPath']);
  });

  it('sees a wrapper that stops catching the handler’s rejection', () => {
    const rules = config();
    expect(lint('functions/studio/lookup.js', rules)).toEqual([]);
    edit(WRAPPERS, STUDIO_ESCAPES);
    expect(lint('functions/studio/lookup.js', rules)).toEqual(['5:19 require-catch-callback unguardedAwait', '6:17 require-callback rejectedOnPath']);
  });

  it('sees a wrapper whose own callback now calls the runtime’s on every path', () => {
    const rules = config();
    writeFileSync(
      join(project, 'functions/quiet.js'),
      "const { quiet } = require(Runtime.getFunctions()['common/helpers/wrapped-callback'].path);\n\nexports.handler = quiet((context, event, callback) => callback(null, 'OK'));\n",
    );
    expect(lint('functions/quiet.js', rules)).toEqual(['3:19 require-callback wrapperLosesAnswer']);
    edit('functions/common/helpers/wrapped-callback.private.js', (text) =>
      text.replace("    if (error) {\n      log('swallowed', error);\n      return;\n    }\n    callback(null, result);", '    callback(error, result);'),
    );
    expect(lint('functions/quiet.js', rules)).toEqual([]);
  });

  it('trusts a helper that no longer parses, or is gone, and never crashes', () => {
    const rules = config();
    writeFileSync(join(project, GUARDS), 'module.exports = {\n  reply(callback, body) {\n');
    expect(lint('functions/guarded.js', rules)).toEqual([]);
    rmSync(join(project, GUARDS));
    // Gone: the key names nothing now (valid-runtime-paths says so), and nothing is known about the helper.
    expect(lint('functions/guarded.js', rules)).toEqual(['1:43 valid-runtime-paths unknownFunction']);
  });
});

describe('eslint --cache and helper files', () => {
  beforeAll(() => {
    ensureBuilt();
  });

  function cachedFindings(): string[] {
    const run = runEslintCli(project, ['--cache', '--cache-location', join(project, '.eslintcache'), '--format', 'json', 'functions/guarded.js']);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    return results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId !== 'twilio-functions/no-undeployed-require')
        .map((message) => `${relative(project, result.filePath)}:${message.line}:${message.column} ${message.messageId ?? message.message}`),
    );
  }

  it('lints a Function again when a helper it requires changes, though the Function did not', () => {
    copyFixture();
    writeFileSync(
      join(project, 'eslint.config.js'),
      [
        `import twilioFunctions, { readProjectSettings } from ${JSON.stringify(pathToFileURL(DIST).href)};`,
        'export default [',
        '  ...twilioFunctions.configs.recommended,',
        "  { settings: { 'twilio-functions': readProjectSettings(import.meta.dirname) } },",
        '];',
        '',
      ].join('\n'),
    );
    const before = ['functions/guarded.js:7:12 helperMissingOnPath', 'functions/guarded.js:11:5 duplicate', 'functions/guarded.js:15:1 missingOnPath'];
    expect(cachedFindings()).toEqual(before);
    expect(cachedFindings()).toEqual(before);
    edit(GUARDS, REPLY_ALWAYS_ANSWERS);
    expect(cachedFindings()).toEqual(before.slice(1));
  });

  it('records the helper files by content in readProjectSettings', () => {
    copyFixture();
    const { helperFiles } = readProjectSettings(project);
    // app-stack.private.js, itself a (private) Function, loads app-context.private.js.
    const loadedByAppStack = 'functions/common/helpers/app-context.private.js';
    expect(Object.keys(helperFiles ?? {})).toEqual(['assets/respond.private.js', loadedByAppStack, GUARDS, WRAPPERS].sort());
    edit(GUARDS, REPLY_ALWAYS_ANSWERS);
    expect(readProjectSettings(project).helperFiles?.[GUARDS]).not.toBe(helperFiles?.[GUARDS]);
  });

  it("records a TypeScript project's imported helpers, resolved as tsc does", () => {
    const { helperFiles } = readProjectSettings(resolve(import.meta.dirname, '../fixtures/flex-ts-project'));
    // types.ts is only a type import of validator.private.ts: the scan reads text, so it costs a needless re-lint at most.
    expect(Object.keys(helperFiles ?? {})).toEqual([
      'src/functions/common/validator.private.ts',
      'src/helpers/responses/index.ts',
      'src/helpers/types.ts',
      'src/helpers/wrap.ts',
    ]);
  });
});
