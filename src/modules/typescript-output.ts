import { dirname, extname, join, resolve } from 'node:path';

import { isRecord, readJsonFile } from '../util/json-file.js';
import { dependOnFile, FileBackedCache } from './file-backed-cache.js';
import { findNearestPackageJson } from './package-json.js';

/** How tsc emits a TypeScript file's imports, which decides whether they are `require()` calls at run time. */
export interface TypeScriptOutput {
  /** `import x from 'p'` and `import x = require('p')` become `require('p')`. */
  readonly importsBecomeRequire: boolean;
  /** `await import('p')` stays a real dynamic import (module node16/nodenext); with commonjs it becomes require. */
  readonly keepsDynamicImport: boolean;
  /** The `module` compiler option as found (for messages). */
  readonly module: string;
  /**
   * The `compilerOptions.paths` patterns (`@shared/*`): a specifier they match names a project file, not a
   * package (tsc leaves it as written; the project's build rewrites it, or it fails, which is not a dependency's
   * business).
   */
  readonly pathAliases: readonly string[];
}

const MAX_EXTENDS = 8;
const byDirectory = new FileBackedCache<string, TypeScriptOutput>(1_000);

const COMMONJS_OUTPUT: TypeScriptOutput = { importsBecomeRequire: true, keepsDynamicImport: false, module: 'commonjs', pathAliases: [] };

/**
 * The output of a `.ts`/`.cts`/`.mts` file. `.mts` is always ESM and `.cts` always CommonJS under node16/nodenext;
 * a `.ts` file follows the nearest tsconfig.json's `module` (and, for node16/nodenext, the nearest package.json
 * `type`). Without a tsconfig it is Twilio's TypeScript template: `module: commonjs`.
 */
export function typeScriptOutput(filename: string): TypeScriptOutput {
  const extension = extname(filename);
  if (extension === '.mts') return { importsBecomeRequire: false, keepsDynamicImport: true, module: 'nodenext', pathAliases: [] };
  const directory = dirname(filename);
  const fromConfig = byDirectory.get(directory, () => outputForDirectory(directory));
  if (extension === '.cts' && fromConfig.keepsDynamicImport) return { ...fromConfig, importsBecomeRequire: true };
  return fromConfig;
}

function outputForDirectory(directory: string): TypeScriptOutput {
  const tsconfig = findTsconfig(directory);
  const { module, paths } = tsconfig ? readCompilerOptions(tsconfig, 0, {}) : {};
  const pathAliases = isRecord(paths) ? Object.keys(paths) : [];
  if (module === undefined) return { ...COMMONJS_OUTPUT, pathAliases };
  const normalized = module.toLowerCase();
  if (normalized === 'commonjs' || normalized === 'umd' || normalized === 'amd') return { ...COMMONJS_OUTPUT, module, pathAliases };
  if (normalized.startsWith('node')) {
    const isModulePackage = findNearestPackageJson(directory)?.type === 'module';
    return { importsBecomeRequire: !isModulePackage, keepsDynamicImport: true, module, pathAliases };
  }
  // es2015…esnext, preserve, system: the output is not CommonJS `require()`.
  return { importsBecomeRequire: false, keepsDynamicImport: true, module, pathAliases };
}

/** Whether a `compilerOptions.paths` pattern (`@shared/*`, or an exact name) matches `specifier`. */
export function matchesPathAlias(specifier: string, aliases: readonly string[]): boolean {
  return aliases.some((alias) => {
    const star = alias.indexOf('*');
    return star === -1 ? alias === specifier : specifier.startsWith(alias.slice(0, star)) && specifier.endsWith(alias.slice(star + 1));
  });
}

function findTsconfig(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    dependOnFile(candidate);
    if (readJsonFile(candidate) !== undefined) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** The compiler options this module reads, each as the first config that sets it. */
interface FoundOptions {
  module?: string;
  paths?: unknown;
}

/**
 * `compilerOptions.module` and `compilerOptions.paths`, each from the first config that sets it: the file itself,
 * then its relative `extends` (the last one first; package `extends` are not followed), then, for a solution-style
 * config, its `references`. One walk fills both, so each config of the chain is read once.
 */
function readCompilerOptions(path: string, depth: number, found: FoundOptions): FoundOptions {
  dependOnFile(path);
  const json = readJsonFile(path);
  if (!isRecord(json)) return found;
  const options = json.compilerOptions;
  if (isRecord(options)) {
    if (found.module === undefined && typeof options.module === 'string') found.module = options.module;
    if (found.paths === undefined && options.paths !== undefined) found.paths = options.paths;
  }
  const complete = (): boolean => found.module !== undefined && found.paths !== undefined;
  if (depth >= MAX_EXTENDS || complete()) return found;
  const parents: unknown[] = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? (json.extends as unknown[]) : [];
  for (const parent of [...parents].reverse()) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    readCompilerOptions(resolve(dirname(path), parent.endsWith('.json') ? parent : `${parent}.json`), depth + 1, found);
    if (complete()) return found;
  }
  // A solution-style tsconfig (`"files": [], "references": [...]`) builds through the projects it references.
  const references: unknown[] = Array.isArray(json.references) ? (json.references as unknown[]) : [];
  for (const reference of references) {
    if (!isRecord(reference) || typeof reference.path !== 'string') continue;
    const referenced = resolve(dirname(path), reference.path);
    readCompilerOptions(referenced.endsWith('.json') ? referenced : join(referenced, 'tsconfig.json'), depth + 1, found);
    if (complete()) return found;
  }
  return found;
}
