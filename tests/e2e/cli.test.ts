// Runs the real `eslint` CLI, in a child process, on a Twilio Functions project whose eslint.config.js imports the
// plugin built into dist/ and uses `configs.recommended`, and checks every finding it prints as JSON.
import type { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { type CliRun, runEslintCli } from './run-eslint-cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectDir = path.join(repoRoot, 'tests/fixtures/cli-project');

/** `eslint <args>` run by Node in the fixture project, as a user would run it there. */
function runEslint(args: readonly string[]): CliRun {
  return runEslintCli(projectDir, args);
}

interface Finding {
  readonly file: string;
  readonly ruleId: string | null;
  readonly messageId: string | undefined;
  readonly line: number;
  readonly column: number;
}

let run: CliRun;
let results: ESLint.LintResult[];

/** Every message of the run, with its file relative to the project, in the order ESLint printed them. */
function findings(): Finding[] {
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(projectDir, result.filePath).split(path.sep).join('/'),
      ruleId: message.ruleId,
      messageId: message.messageId,
      line: message.line,
      column: message.column,
    })),
  );
}

function resultFor(file: string): ESLint.LintResult | undefined {
  return results.find((result) => result.filePath === path.join(projectDir, file));
}

beforeAll(() => {
  // The fixture's config imports ../../../dist/index.js, so a fresh clone needs a build first.
  if (!existsSync(path.join(repoRoot, 'dist/index.js'))) {
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  }
  run = runEslint(['--format', 'json', '.']);
  try {
    results = JSON.parse(run.stdout) as ESLint.LintResult[];
  } catch {
    throw new Error(`eslint did not print JSON (exit ${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
  }
});

describe('the eslint CLI with configs.recommended', () => {
  it('exits with 1 because there are errors', () => {
    expect(run.status, run.stderr).toBe(1);
  });

  it('reports exactly the bugs in the project', () => {
    expect(findings()).toEqual([
      // callback(null, …) in the catch without return: the update below still runs, then a second callback (one
      // missing return, one report).
      {
        file: 'functions/admin/reset-counter.protected.js',
        ruleId: 'twilio-functions/no-code-after-callback',
        messageId: 'codeAfterCallbackThenDuplicate',
        line: 11,
        column: 3,
      },
      // On the path where the fetch succeeded, nothing answers if the update rejects.
      {
        file: 'functions/admin/reset-counter.protected.js',
        ruleId: 'twilio-functions/require-catch-callback',
        messageId: 'unguardedAwait',
        line: 11,
        column: 3,
      },
      // if / else if without an else: every other call status falls off the end of the handler, reported at the chain.
      {
        file: 'functions/call-status.js',
        ruleId: 'twilio-functions/require-callback',
        messageId: 'missingAfterDecision',
        line: 7,
        column: 10,
      },
      // The result is returned from the async handler instead of being passed to the callback.
      {
        file: 'functions/callback-never-called.js',
        ruleId: 'twilio-functions/require-callback',
        messageId: 'missing',
        line: 2,
        column: 19,
      },
      // The 400 response is sent, and then the lookup runs anyway.
      {
        file: 'functions/code-after-callback.js',
        ruleId: 'twilio-functions/no-code-after-callback',
        messageId: 'codeAfterCallback',
        line: 10,
        column: 3,
      },
      // `return;` when there is no recipient.
      {
        file: 'functions/missing-callback-on-path.js',
        ruleId: 'twilio-functions/require-callback',
        messageId: 'missingOnPath',
        line: 6,
        column: 5,
      },
      // The TypeScript handler rethrows from its async function instead of calling back with the error.
      {
        file: 'src/functions/send-sms.ts',
        ruleId: 'twilio-functions/require-callback',
        messageId: 'rejectedOnPath',
        line: 31,
        column: 5,
      },
    ]);
  });

  it('counts every finding as an error, with no fatal parse errors', () => {
    for (const result of results) {
      expect(result.fatalErrorCount, result.filePath).toBe(0);
      expect(result.warningCount, result.filePath).toBe(0);
      expect(result.errorCount, result.filePath).toBe(result.messages.length);
    }
  });

  it('lints the TypeScript Function with the typescript-eslint parser', () => {
    const result = resultFor('src/functions/send-sms.ts');
    expect(result).toBeDefined();
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['twilio-functions/require-callback']);
  });

  it('finds nothing in the correct Function', () => {
    const result = resultFor('functions/voice-menu.js');
    expect(result).toBeDefined();
    expect(result?.messages).toEqual([]);
  });

  it('does not apply the recommended rules outside functions/', () => {
    // ESLint lints every .js file it finds, but the asset matches none of the recommended config's patterns,
    // so its missing callback and its code after the callback go unreported.
    const result = resultFor('assets/legacy-handler.private.js');
    expect(result).toBeDefined();
    expect(result?.messages).toEqual([]);

    const printed = runEslint(['--print-config', 'assets/legacy-handler.private.js']);
    expect(printed.status, printed.stderr).toBe(0);
    const config = JSON.parse(printed.stdout) as { rules?: Record<string, unknown> };
    expect(Object.keys(config.rules ?? {}).filter((ruleId) => ruleId.startsWith('twilio-functions/'))).toEqual([]);
  });

  it('turns the recommended rules on for a Function', () => {
    const printed = runEslint(['--print-config', 'functions/voice-menu.js']);
    expect(printed.status, printed.stderr).toBe(0);
    const config = JSON.parse(printed.stdout) as {
      rules?: Record<string, unknown>;
      languageOptions?: { sourceType?: string; globals?: Record<string, unknown> };
    };
    const severities = Object.fromEntries(
      Object.entries(config.rules ?? {})
        .filter(([ruleId]) => ruleId.startsWith('twilio-functions/'))
        .map(([ruleId, entry]) => [ruleId, Array.isArray(entry) ? (entry[0] as unknown) : entry]),
    );
    const recommendedRules = plugin.configs.recommended.flatMap((config) => Object.keys(config.rules ?? {}));
    expect(recommendedRules).toContain('twilio-functions/require-callback');
    expect(recommendedRules).toContain('twilio-functions/no-code-after-callback');
    expect(severities).toEqual(Object.fromEntries(recommendedRules.map((ruleId) => [ruleId, 2])));
    expect(config.languageOptions?.sourceType).toBe('commonjs');
    expect(config.languageOptions?.globals).toMatchObject({ Twilio: 'readonly', Runtime: 'readonly' });
  });
});
