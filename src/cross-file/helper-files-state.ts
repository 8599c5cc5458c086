import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import type { ProjectModel } from '../project/project-model.js';
import { safeStat } from '../project/safe-stat.js';

/** Bounds that keep a huge tree from stalling a config load. */
const MAX_FILES = 5000;
const MAX_BYTES = 512 * 1024;

/** `Runtime.getFunctions()['key']`, `Runtime.getFunctions().key`, and the same for `getAssets()`. */
const RUNTIME_KEY = /get(Functions|Assets)\(\)\s*(?:\[\s*(['"`])([^'"`\n]+)\2\s*\]|\.\s*([A-Za-z_$][\w$]*))/g;
/** `require('./x')`, `require("../lib/x")`, and TypeScript's `import … from './x'` (`import x = require('./x')` is the first). */
const RELATIVE_LOAD = /(?:require\(\s*|\bfrom\s*)(['"`])(\.\.?\/[^'"`\n]*)\1/g;

/**
 * The project files that some Function of the project loads (by a `Runtime.getFunctions()`/`getAssets()` key or a
 * relative require or import), each with a hash of its content: the rules summarise those files when they lint the
 * Functions that require them, and ESLint's `--cache` knows only the linted file and the config. With this in
 * `settings`, a changed helper changes the config's hash, so the files that depend on it are linted again.
 * The scan reads the text, not the AST: a key named in a comment only costs a needless re-lint.
 */
export function helperFilesState(project: ProjectModel | undefined): Record<string, string> {
  if (!project) return {};
  const sources = [...project.functions.values()].flat().map((file) => file.file).filter((file) => /\.(c?js|ts)$/.test(file));
  const helpers = new Set<string>();
  for (const source of sources.slice(0, MAX_FILES)) {
    const text = readSmallFile(source);
    if (text === undefined) continue;
    for (const match of text.matchAll(RUNTIME_KEY)) {
      const key = match[3] ?? match[4]!;
      const files = (match[1] === 'Functions' ? project.functions : project.assets).get(key) ?? [];
      for (const file of files) if (/\.(c?js|ts)$/.test(file.file)) helpers.add(resolve(file.file));
    }
    for (const match of text.matchAll(RELATIVE_LOAD)) {
      const target = resolveRelative(join(dirname(source), match[2]!), source);
      if (target) helpers.add(target);
    }
  }
  const state: Record<string, string> = {};
  for (const file of [...helpers].sort()) {
    const text = readSmallFile(file);
    if (text !== undefined) state[relative(project.layout.root, file).split('\\').join('/')] = createHash('sha1').update(text).digest('hex').slice(0, 16);
  }
  return state;
}

/** Where `required-file.ts` resolves a relative path from a JavaScript or TypeScript source, give or take an order. */
function resolveRelative(path: string, source: string): string | undefined {
  const typescript = source.endsWith('.ts') ? [...(path.endsWith('.js') ? [`${path.slice(0, -'.js'.length)}.ts`] : []), `${path}.ts`, join(path, 'index.ts')] : [];
  for (const candidate of [...typescript, path, `${path}.js`, `${path}.cjs`, join(path, 'index.js')]) {
    if (/\.(c?js|ts)$/.test(candidate) && safeStat(candidate)?.isFile()) return resolve(candidate);
  }
  return undefined;
}

function readSmallFile(path: string): string | undefined {
  const stat = safeStat(path);
  if (!stat?.isFile() || stat.size > MAX_BYTES) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
