// A copy of examples/ that the ESLint CLI and language server can lint as a user's project: its eslint.config.js
// requires eslint-plugin-twilio-functions, which a fresh clone has only after `npm run demo` installs
// examples/node_modules. Here node_modules holds symlinks to this repository (the plugin, built into dist/) and to
// its eslint, got and whatever else the caller names (a formatter, say).
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Makes the copy in a new temporary folder and returns its path. */
export function makeExampleProject(extraDependencies = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twilio-functions-example-'));
  const examples = path.join(repoRoot, 'examples');
  cpSync(examples, dir, {
    recursive: true,
    filter: (source) => !path.relative(examples, source).split(path.sep).includes('node_modules'),
  });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(repoRoot, path.join(dir, 'node_modules/eslint-plugin-twilio-functions'), 'dir');
  for (const dependency of ['eslint', 'got', ...extraDependencies]) {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', dependency)), { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules', dependency), path.join(dir, 'node_modules', dependency), 'dir');
  }
  return dir;
}
