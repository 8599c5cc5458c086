import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Tests that run the plugin as users get it load dist/; a fresh clone has none until it is built. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'dist/index.js'))) {
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  }
}
