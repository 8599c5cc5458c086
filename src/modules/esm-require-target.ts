import { join, sep } from 'node:path';

import semver from 'semver';

import { deployedDependency } from './deployed-dependency.js';
import { DEFAULT_EXPORT_MEMBERS, ESM_ONLY_PACKAGES, type EsmOnlyPackage, packageNameOf } from './esm-only-packages.js';
import { admitsEsmOnlyVersion } from './esm-only-version.js';
import { FileBackedCache } from './file-backed-cache.js';
import { type ModuleExports, moduleExports } from './module-exports.js';
import { type Resolution, resolveRequire } from './module-resolution.js';
import { readPackageJson } from './package-json.js';
import { findTopLevelAwait } from './top-level-await.js';
import type { TwilioRuntime } from './twilio-runtime.js';

/** A `require()` target that is an ES module (or offers no `require` entry at all). */
export interface EsmRequireTarget {
  /** `esm`: loads as an ES module; `import-only`: `exports` has no entry for require at all. */
  readonly kind: 'esm' | 'import-only';
  readonly packageName: string | undefined;
  /** Where the verdict comes from: the installed file, or the package.json range plus the curated table. */
  readonly evidence: 'installed' | 'lockfile' | 'package.json';
  /** The installed version, or the declared range. */
  readonly version: string | undefined;
  readonly exports: ModuleExports;
  /** The file of the graph that uses top-level await, when that was checked and found. */
  readonly topLevelAwaitFile: string | undefined;
  /**
   * Undefined when the version that runs once deployed is this ES module (or the package is not deployed from
   * a package.json at all, so the installed one is all there is). Set when the deploy installs a CommonJS
   * version (`dependencies` declares this range) and only the local install is an ES module.
   */
  readonly deploysCommonJs?: string;
}

const targets = new FileBackedCache<string, EsmRequireTarget | null>(4_000);

/**
 * What `require(specifier)` from a file in `directory` loads on `runtime`, when that is an ES module: once
 * deployed (the newest version the package.json range admits), else locally (`node_modules`). Undefined for
 * CommonJS, builtins, and whatever cannot be known. Cached while the files it read are unchanged; never throws.
 */
export function findEsmRequireTarget(
  directory: string,
  specifier: string,
  runtime: TwilioRuntime,
  checkTopLevelAwait: boolean,
): EsmRequireTarget | undefined {
  const key = `${runtime}\0${String(checkTopLevelAwait)}\0${directory}\0${specifier}`;
  return targets.get(key, () => analyze(directory, specifier, runtime, checkTopLevelAwait) ?? null) ?? undefined;
}

function analyze(directory: string, specifier: string, runtime: TwilioRuntime, checkTopLevelAwait: boolean): EsmRequireTarget | undefined {
  const resolution = resolveRequire(directory, specifier, runtime);
  const packageName = packageNameOf(specifier);
  const installed = (): EsmRequireTarget | undefined => installedTarget(resolution, packageName, checkTopLevelAwait);
  const deploy = deployedDependency(directory, specifier);
  // Not deployed from a package.json (undeclared, devDependencies, no manifest; no-undeployed-require reports
  // the first two): what is installed is the only version there is.
  if (deploy.kind !== 'deployed') return installed();
  const { range } = deploy;
  const installedVersion = versionOf(resolution, deploy.name);
  const known = ESM_ONLY_PACKAGES.get(deploy.name);
  if (known && isRangeOrTag(range)) {
    if (admitsEsmOnlyVersion(range, known)) {
      // The installed file tells the export shape when it is the major the deploy installs.
      const local = installed();
      if (local && installedVersion !== undefined && isDeployedMajor(installedVersion, range)) return local;
      return fromTable(deploy.name, known, range);
    }
    // The deploy installs CommonJS; only an out-of-range local install can be an ES module.
    const local = installed();
    return local && installedVersion !== undefined ? { ...local, deploysCommonJs: range } : undefined;
  }
  // Not in the table: the installed package is the evidence when the range admits it (a range that is not
  // semver, a git URL or `file:`, cannot be checked and is taken to admit it).
  if (installedVersion !== undefined && !admits(range, installedVersion)) return undefined;
  return installed();
}

function installedTarget(resolution: Resolution, packageName: string | undefined, checkTopLevelAwait: boolean): EsmRequireTarget | undefined {
  if (resolution.kind !== 'esm' && resolution.kind !== 'import-only') return undefined;
  return {
    kind: resolution.kind,
    packageName,
    evidence: 'installed',
    version: packageName ? versionOf(resolution, packageName) : resolution.packageJsonPath ? readPackageJson(resolution.packageJsonPath)?.version : undefined,
    exports: moduleExports(resolution.path),
    topLevelAwaitFile: checkTopLevelAwait ? findTopLevelAwait(resolution.path) : undefined,
  };
}

/** The installed version of the package a resolution landed in (its root package.json, not a nested one). */
function versionOf(resolution: Resolution, name: string): string | undefined {
  if (resolution.kind === 'builtin' || resolution.kind === 'missing') return undefined;
  const marker = `node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const index = resolution.path.lastIndexOf(marker);
  if (index !== -1) return readPackageJson(join(resolution.path.slice(0, index + marker.length), 'package.json'))?.version;
  return resolution.packageJsonPath ? readPackageJson(resolution.packageJsonPath)?.version : undefined;
}

/** A package that is not installed, or not as the deploy installs it: the curated table's facts. */
function fromTable(packageName: string, known: EsmOnlyPackage, range: string): EsmRequireTarget {
  return {
    kind: 'esm',
    packageName,
    evidence: 'package.json',
    version: range,
    exports: {
      hasDefault: known.hasDefault,
      names: new Set(known.named),
      complete: false,
      notNamed: new Set(DEFAULT_EXPORT_MEMBERS.get(packageName)),
    },
    topLevelAwaitFile: undefined,
  };
}

function isRangeOrTag(range: string): boolean {
  const trimmed = range.trim();
  return trimmed === 'latest' || trimmed === 'next' || semver.validRange(trimmed) !== null;
}

function admits(range: string, version: string): boolean {
  const valid = semver.validRange(range.trim());
  if (valid === null || semver.valid(version) === null) return true;
  return semver.satisfies(version, valid, { includePrerelease: true });
}

/** Whether `version` is in `range` and the range admits no higher major (the deploy installs the newest one). */
function isDeployedMajor(version: string, range: string): boolean {
  const valid = semver.validRange(range.trim());
  const next = semver.valid(version) ? semver.inc(version, 'major') : null;
  if (valid === null || next === null) return false;
  return semver.satisfies(version, valid, { includePrerelease: true }) && !semver.intersects(valid, `>=${next}`);
}

export function clearEsmRequireTargetCache(): void {
  targets.clear();
}

