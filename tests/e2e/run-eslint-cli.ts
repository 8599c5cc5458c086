// The real ESLint CLI of this repository, run by Node in a project folder, as a user or a CI step runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `eslint <args>` in `cwd`, without colours, bounded in time. */
export function runEslintCli(cwd: string, args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [eslintBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
