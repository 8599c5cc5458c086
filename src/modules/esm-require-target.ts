import { DEFAULT_EXPORT_MEMBERS, ESM_ONLY_PACKAGES, packageNameOf } from './esm-only-packages.js';
import { admitsEsmOnlyVersion } from './esm-only-version.js';
import { lockedVersion } from './lockfile.js';
import { LruCache } from '../util/lru-cache.js';
import { type ModuleExports, moduleExports } from './module-exports.js';
import { resolveRequire } from './module-resolution.js';
import { findNearestPackageJson, readPackageJson } from './package-json.js';
import { findTopLevelAwait } from './top-level-await.js';
import type { TwilioRuntime } from './twilio-runtime.js';

/** A `require()` target that is an ES module (or offers no `require` entry at all). */
export interface EsmRequireTarget {
  /** `esm`: loads as an ES module; `import-only`: `exports` has no entry for require at all. */
  readonly kind: 'esm' | 'import-only';
  readonly packageName: string | undefined;
  /** Where the verdict comes from: the installed file, or the lockfile/package.json plus the curated table. */
  readonly evidence: 'installed' | 'lockfile' | 'package.json';
  /** The installed or locked version, or the declared range. */
  readonly version: string | undefined;
  readonly exports: ModuleExports;
  /** The file of the graph that uses top-level await, when that was checked and found. */
  readonly topLevelAwaitFile: string | undefined;
}

const targets = new LruCache<string, EsmRequireTarget | null>(4_000);

/**
 * What `require(specifier)` from a file in `directory` would load on `runtime`, when that is an ES module.
 * Undefined for CommonJS, builtins, and whatever cannot be known. Cached per process; never throws.
 */
export function findEsmRequireTarget(
  directory: string,
  specifier: string,
  runtime: TwilioRuntime,
  checkTopLevelAwait: boolean,
): EsmRequireTarget | undefined {
  const key = `${runtime}\0${String(checkTopLevelAwait)}\0${directory}\0${specifier}`;
  return targets.getOrCreate(key, () => analyze(directory, specifier, runtime, checkTopLevelAwait) ?? null) ?? undefined;
}

function analyze(
  directory: string,
  specifier: string,
  runtime: TwilioRuntime,
  checkTopLevelAwait: boolean,
): EsmRequireTarget | undefined {
  const resolution = resolveRequire(directory, specifier, runtime);
  const packageName = packageNameOf(specifier);
  switch (resolution.kind) {
    case 'esm':
    case 'import-only':
      return {
        kind: resolution.kind,
        packageName,
        evidence: 'installed',
        version: resolution.packageJsonPath ? readPackageJson(resolution.packageJsonPath)?.version : undefined,
        exports: moduleExports(resolution.path),
        topLevelAwaitFile: checkTopLevelAwait ? findTopLevelAwait(resolution.path) : undefined,
      };
    case 'missing':
      return packageName ? fromDeclaredVersion(directory, packageName) : undefined;
    default:
      return undefined;
  }
}

/**
 * A package that is not installed (lint before `npm install`): the lockfile's version, else the range in the
 * nearest package.json (the one npm installs for this file, not the repository root's), against the table.
 */
function fromDeclaredVersion(directory: string, packageName: string): EsmRequireTarget | undefined {
  const known = ESM_ONLY_PACKAGES.get(packageName);
  if (!known) return undefined;
  const packageJson = findNearestPackageJson(directory);
  const range = packageJson?.dependencyRanges.get(packageName);
  if (!packageJson || range === undefined) return undefined;
  const locked = lockedVersion(packageJson.path, packageName);
  const declared = locked ?? range;
  if (!admitsEsmOnlyVersion(declared, known)) return undefined;
  return {
    kind: 'esm',
    packageName,
    evidence: locked === undefined ? 'package.json' : 'lockfile',
    version: declared,
    exports: {
      hasDefault: known.hasDefault,
      names: new Set(known.named),
      complete: false,
      notNamed: new Set(DEFAULT_EXPORT_MEMBERS.get(packageName)),
    },
    topLevelAwaitFile: undefined,
  };
}

export function clearEsmRequireTargetCache(): void {
  targets.clear();
}
