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
}

const MAX_EXTENDS = 8;
const byDirectory = new FileBackedCache<string, TypeScriptOutput>(1_000);

const COMMONJS_OUTPUT: TypeScriptOutput = { importsBecomeRequire: true, keepsDynamicImport: false, module: 'commonjs' };

/**
 * The output of a `.ts`/`.cts`/`.mts` file. `.mts` is always ESM and `.cts` always CommonJS under node16/nodenext;
 * a `.ts` file follows the nearest tsconfig.json's `module` (and, for node16/nodenext, the nearest package.json
 * `type`). Without a tsconfig it is Twilio's TypeScript template: `module: commonjs`.
 */
export function typeScriptOutput(filename: string): TypeScriptOutput {
  const extension = extname(filename);
  if (extension === '.mts') return { importsBecomeRequire: false, keepsDynamicImport: true, module: 'nodenext' };
  const directory = dirname(filename);
  const fromConfig = byDirectory.get(directory, () => outputForDirectory(directory));
  if (extension === '.cts' && fromConfig.keepsDynamicImport) return { ...fromConfig, importsBecomeRequire: true };
  return fromConfig;
}

function outputForDirectory(directory: string): TypeScriptOutput {
  const tsconfig = findTsconfig(directory);
  const module = tsconfig ? readModuleOption(tsconfig, 0) : undefined;
  if (module === undefined) return COMMONJS_OUTPUT;
  const normalized = module.toLowerCase();
  if (normalized === 'commonjs' || normalized === 'umd' || normalized === 'amd') return { ...COMMONJS_OUTPUT, module };
  if (normalized.startsWith('node')) {
    const isModulePackage = findNearestPackageJson(directory)?.type === 'module';
    return { importsBecomeRequire: !isModulePackage, keepsDynamicImport: true, module };
  }
  // es2015…esnext, preserve, system: the output is not CommonJS `require()`.
  return { importsBecomeRequire: false, keepsDynamicImport: true, module };
}

function findTsconfig(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    dependOnFile(candidate);
    if (readJsonFile(candidate) !== undefined) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** `compilerOptions.module`, following relative `extends` (package `extends` are not followed). */
function readModuleOption(path: string, depth: number): string | undefined {
  dependOnFile(path);
  const json = readJsonFile(path);
  if (!isRecord(json)) return undefined;
  const options = json.compilerOptions;
  if (isRecord(options) && typeof options.module === 'string') return options.module;
  if (depth >= MAX_EXTENDS) return undefined;
  const parents: unknown[] = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? (json.extends as unknown[]) : [];
  for (const parent of [...parents].reverse()) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const parentPath = resolve(dirname(path), parent.endsWith('.json') ? parent : `${parent}.json`);
    const found = readModuleOption(parentPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
