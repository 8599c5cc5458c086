// What a CI job sees: the real `eslint` CLI on a copy of examples/, with the SARIF formatter that GitHub code
// scanning reads, with `--concurrency`, and with `--cache` across runs and a changed package.json. Expected values
// come from a plain `eslint --format json` run of the same project, so this file asserts how the results travel,
// not what the rules find (tests/e2e/examples.test.ts does that).
import type { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeExampleProject } from '../../bench/example-project.js';
import plugin from '../../src/index.js';
import { ensureBuilt } from './ensure-built.js';
import { runEslintCli } from './run-eslint-cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SARIF_FORMATTER = '@microsoft/eslint-formatter-sarif';

let projectDir: string;

interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
}

/** `eslint <args>` in the project, as a CI step runs it; exit 1 means "found problems", which the examples have. */
function eslint(args: readonly string[]): string {
  const result = runEslintCli(projectDir, args);
  expect(result.status, result.stderr).toBe(1);
  return result.stdout;
}

function findings(args: readonly string[] = []): Finding[] {
  const results = JSON.parse(eslint(['--format', 'json', ...args, '.'])) as ESLint.LintResult[];
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(projectDir, result.filePath),
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        message: message.message,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

beforeAll(() => {
  ensureBuilt();
  projectDir = makeExampleProject([SARIF_FORMATTER]);
});

afterAll(() => {
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
});

describe('SARIF for GitHub code scanning (@microsoft/eslint-formatter-sarif)', () => {
  interface SarifLog {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
      results: {
        ruleId: string;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
          };
        }[];
      }[];
    }[];
  }

  it('has every finding of a plain run, at the same location, with each rule’s docs as help URI', () => {
    const expected = findings();
    const sarif = JSON.parse(eslint(['--format', SARIF_FORMATTER, '.'])) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run?.tool.driver.name).toBe('ESLint');

    const results = run!.results.map((result) => {
      const location = result.locations[0]!.physicalLocation;
      return {
        file: path.relative(projectDir, fileURLToPath(new URL(location.artifactLocation.uri, pathToFileURL(`${projectDir}/`)))),
        ruleId: result.ruleId,
        line: location.region.startLine,
        column: location.region.startColumn,
        endLine: location.region.endLine,
        endColumn: location.region.endColumn,
        message: result.message.text,
      };
    });
    results.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    expect(results).toEqual(expected);
    expect(run!.results.every((result) => result.level === 'error')).toBe(true);

    const pluginRuleIds = [...new Set(expected.map((finding) => finding.ruleId))].filter((id) => id?.startsWith('twilio-functions/'));
    expect(pluginRuleIds.length).toBeGreaterThan(0);
    const rules = new Map(run!.tool.driver.rules.map((rule) => [rule.id, rule.helpUri]));
    for (const ruleId of pluginRuleIds) {
      expect(rules.get(ruleId!), ruleId!).toBe(plugin.rules[ruleId!.slice('twilio-functions/'.length)]!.meta!.docs!.url);
    }
  });
});

describe('docs URLs', () => {
  const docsDir = path.join(repoRoot, 'docs/rules');

  it('point every rule at its own file under docs/rules/ of this repository’s main branch', () => {
    const urls = Object.entries(plugin.rules).map(([name, rule]) => [name, rule.meta?.docs?.url] as const);
    const base = /^(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\/blob\/main\//.exec(urls[0]?.[1] ?? '')?.[1];
    expect(base).toBeDefined();
    for (const [name, url] of urls) {
      expect(url, name).toBe(`${base}/blob/main/docs/rules/${name}.md`);
      expect(existsSync(path.join(docsDir, `${name}.md`)), name).toBe(true);
    }
  });

  it('leave no doc without a rule', () => {
    const documented = readdirSync(docsDir).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));
    expect(documented.sort()).toEqual(Object.keys(plugin.rules).sort());
  });
});

describe('eslint --concurrency and --cache', () => {
  let plain: Finding[];

  beforeAll(() => {
    plain = findings();
  });

  it('--concurrency=2 finds the same as a plain run', () => {
    expect(plain.length).toBeGreaterThan(0);
    expect(findings(['--concurrency=2'])).toEqual(plain);
  });

  it('--cache finds the same on the first run, from the cache, and after package.json is touched or changed', () => {
    const cacheFile = path.join(projectDir, '.eslintcache');
    const cached = (): Finding[] => findings(['--cache', '--cache-location', cacheFile]);
    expect(cached()).toEqual(plain);
    expect(existsSync(cacheFile)).toBe(true);
    expect(cached()).toEqual(plain);

    const packageJson = path.join(projectDir, 'package.json');
    const now = new Date();
    utimesSync(packageJson, now, now);
    expect(cached()).toEqual(plain);

    // Without .twilioserverlessrc the runtime comes from package.json `engines.node`; on node18 `require('got')`
    // throws ERR_REQUIRE_ESM, a different no-esm-require message: a cache that ignored package.json would be stale.
    rmSync(path.join(projectDir, '.twilioserverlessrc'));
    const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { engines: { node: string } };
    writeFileSync(packageJson, JSON.stringify({ ...manifest, engines: { node: '18' } }, null, 2));
    const plainOnNode18 = findings();
    expect(plainOnNode18).not.toEqual(plain);
    expect(cached()).toEqual(plainOnNode18);
  });
});
