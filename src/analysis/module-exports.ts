import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { initSync, parse } from 'es-module-lexer';

import { LruCache } from './lru-cache.js';
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

interface LexedFile {
  readonly exports: readonly string[];
  readonly starSpecifiers: readonly string[];
  readonly staticImports: readonly string[];
  readonly hasModuleSyntax: boolean;
  readonly source: string;
}

let lexerReady = false;
const lexed = new LruCache<string, LexedFile | null>(2_000);
const exportsByPath = new LruCache<string, ModuleExports>(2_000);

/** Lexes a file once per process; undefined when it cannot be read or is not parsable as a module. */
export function lexFile(path: string): LexedFile | undefined {
  return lexed.getOrCreate(path, () => lexUncached(path)) ?? undefined;
}

export function hasModuleSyntax(path: string): boolean {
  return lexFile(path)?.hasModuleSyntax ?? false;
}

/** The exports of the ES module at `path`, following `export * from` re-exports. */
export function moduleExports(path: string): ModuleExports {
  return exportsByPath.getOrCreate(path, () => collectExports(path, 0, new Set()));
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

function lexUncached(path: string): LexedFile | null {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    if (!lexerReady) {
      initSync();
      lexerReady = true;
    }
    const [imports, exports, , moduleSyntax] = parse(source, path);
    const starSpecifiers: string[] = [];
    const staticImports: string[] = [];
    for (const entry of imports) {
      // d === -1: a static `import`/`export … from`; dynamic import() and import.meta are not part of the graph.
      if (entry.d !== -1 || entry.n === undefined) continue;
      staticImports.push(entry.n);
      if (/^export\s*\*\s*from/.test(source.slice(entry.ss, entry.se))) starSpecifiers.push(entry.n);
    }
    return {
      exports: exports.map((entry) => entry.n),
      starSpecifiers,
      staticImports,
      hasModuleSyntax: moduleSyntax,
      source,
    };
  } catch {
    // Not lexable as a module (e.g. CommonJS with syntax the lexer rejects): treat as no module syntax.
    return null;
  }
}

export function clearModuleExportsCache(): void {
  lexed.clear();
  exportsByPath.clear();
}
