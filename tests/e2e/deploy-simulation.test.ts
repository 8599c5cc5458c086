/**
 * Proof that no-esm-require and no-undeployed-require report exactly the Functions that fail once deployed.
 * The deploy is simulated the way the Serverless Toolkit and Twilio's build do it: only package.json
 * `dependencies` are installed, each at the newest version its range admits (here: among the stand-ins in
 * tests/fixtures/deploy/registry), plus `twilio` and `@twilio/runtime-handler`; no lockfile, no devDependencies.
 * Each handler then runs in a child Node: node18 semantics with `--no-experimental-require-module`, node22/24
 * semantics with require(esm) on (this Node is ≥ 20.19).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ESLint, type Linter } from 'eslint';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { PLATFORM_PACKAGES } from '../../src/modules/deployed-dependency.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/deploy');
const REGISTRY = join(FIXTURES, 'registry');
const RUNNER = join(FIXTURES, 'run-deployed.cjs');
const DEPLOY_RULES = new Set(['twilio-functions/no-esm-require', 'twilio-functions/no-undeployed-require']);

/** The stand-in versions of a package, newest first. */
function publishedVersions(name: string): string[] {
  try {
    return readdirSync(join(REGISTRY, name)).sort(semver.rcompare);
  } catch {
    return [];
  }
}

/** Installs what a Twilio build installs into `target`: the dependencies' newest admitted versions. */
function deploy(project: string, target: string): void {
  cpSync(join(project, 'functions'), join(target, 'functions'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const ranges: Record<string, string> = { ...manifest.dependencies };
  for (const name of PLATFORM_PACKAGES) ranges[name] ??= '*';
  for (const [name, range] of Object.entries(ranges)) {
    const version = publishedVersions(name).find((candidate) => semver.satisfies(candidate, range));
    if (!version) throw new Error(`no stand-in of ${name} admits ${range}`);
    mkdirSync(join(target, 'node_modules', name), { recursive: true });
    cpSync(join(REGISTRY, name, version), join(target, 'node_modules', name), { recursive: true });
  }
}

function fails(handlerPath: string, requireEsm: boolean): boolean {
  const flags = requireEsm ? [] : ['--no-experimental-require-module'];
  const stdout = execFileSync(process.execPath, [...flags, '--no-warnings', RUNNER, handlerPath], { encoding: 'utf8', timeout: 20_000 });
  const outcome = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  return !('value' in outcome);
}

describe('a simulated Twilio deploy fails exactly where the deploy rules report', () => {
  let project: string;
  let deployed: string;

  beforeAll(() => {
    // The project as it is before `npm install` (CI lint steps), outside the repository's own node_modules.
    project = mkdtempSync(join(tmpdir(), 'deploy-lint-'));
    cpSync(join(FIXTURES, 'project'), project, { recursive: true });
    deployed = mkdtempSync(join(tmpdir(), 'deploy-run-'));
    deploy(project, deployed);
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(deployed, { recursive: true, force: true });
  });

  async function reportedFiles(runtime: string): Promise<string[]> {
    const config: Linter.Config[] = [...plugin.configs.recommended, { settings: { 'twilio-functions': { runtime } } }];
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(['functions/**/*.js']);
    return results
      .filter((result) => result.messages.some((message) => DEPLOY_RULES.has(message.ruleId ?? '')))
      .map((result) => result.filePath.slice(project.length + '/functions/'.length))
      .sort();
  }

  function failingFiles(requireEsm: boolean): string[] {
    return readdirSync(join(deployed, 'functions'))
      .filter((file) => !file.endsWith('.private.js'))
      .filter((file) => fails(join(deployed, 'functions', file), requireEsm))
      .sort();
  }

  it.each([
    ['node18', false],
    ['node22', true],
    ['node24', true],
  ] as const)('%s', async (runtime, requireEsm) => {
    const reported = await reportedFiles(runtime);
    expect(reported).toEqual(['dev-only.js', 'retry-any.js', 'subpaths.js', 'undeclared.js']);
    expect(failingFiles(requireEsm)).toEqual(reported);
  });
});
