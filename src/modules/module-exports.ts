import { dirname } from 'node:path';

import { FileBackedCache } from './file-backed-cache.js';
import { lexFile } from './lexed-file.js';
import { resolveImport } from './module-resolution.js';

/** The export names of an ES module, as far as a lexer can tell without running it. */
export interface ModuleExports {
  readonly hasDefault: boolean;
  readonly names: ReadonlySet<string>;
  /** False when an `export *` could not be followed, or the names come from a partial table. */
  readonly complete: boolean;
  /** Names known not to be exported even when the list is incomplete: properties of the default export. */
  readonly notNamed?: ReadonlySet<string>;
}

/** Whether `name` is exported: true, false, or undefined when the list is incomplete. */
export function hasExport(exports: ModuleExports, name: string): boolean | undefined {
  if (name === 'default') return exports.hasDefault;
  if (exports.names.has(name)) return true;
  if (exports.notNamed?.has(name)) return false;
  return exports.complete ? false : undefined;
}

/** `export * from` chains are followed this deep (got's index re-exports a few levels). */
const MAX_STAR_DEPTH = 6;

const exportsByPath = new FileBackedCache<string, ModuleExports>(2_000);

/** The exports of the ES module at `path`, following `export * from` re-exports. */
export function moduleExports(path: string): ModuleExports {
  return exportsByPath.get(path, () => collectExports(path, 0, new Set()));
}

function collectExports(path: string, depth: number, seen: Set<string>): ModuleExports {
  seen.add(path);
  const file = lexFile(path);
  if (!file) return { hasDefault: false, names: new Set(), complete: false };
  const names = new Set(file.exports.filter((name) => name !== 'default'));
  let complete = true;
  for (const specifier of file.starSpecifiers) {
    const target = depth < MAX_STAR_DEPTH ? resolveImport(dirname(path), specifier) : undefined;
    if (!target) {
      complete = false;
      continue;
    }
    if (seen.has(target)) continue;
    const nested = collectExports(target, depth + 1, seen);
    // `export *` never re-exports `default`.
    for (const name of nested.names) names.add(name);
    complete &&= nested.complete;
  }
  return { hasDefault: file.exports.includes('default'), names, complete };
}

export function clearModuleExportsCache(): void {
  exportsByPath.clear();
}
