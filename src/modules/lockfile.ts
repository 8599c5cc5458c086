import { dirname, join, relative, sep } from 'node:path';

import semver from 'semver';

import { isRecord, readJsonFile } from '../util/json-file.js';
import { dependOnFile, FileBackedCache } from './file-backed-cache.js';

/**
 * What npm recorded in package-lock.json (lockfile v2/v3: `packages["node_modules/x"]`; v1: `dependencies`).
 * The lockfile never reaches a Twilio deploy: it only tells what a local `npm ci` installs, and only while it
 * agrees with package.json.
 */
interface Lockfile {
  /** Locked versions by lockfile key (`node_modules/x`, `<workspace>/node_modules/x`). */
  readonly versions: ReadonlyMap<string, string>;
  /** Each package entry's own declared ranges (`packages[""].dependencies` for the root), when recorded. */
  readonly declaredRanges: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The names each installed package depends on (`dependencies`, `optionalDependencies`; v1: `requires`), by lockfile key. */
  readonly packageDependencies: ReadonlyMap<string, readonly string[]>;
}

const lockfiles = new FileBackedCache<string, Lockfile | null>(200);

/**
 * The locked version of `name` for the package whose package.json is at `packageJsonPath`, as recorded. The
 * lockfile is looked for next to it and then upwards (npm workspaces keep one lockfile at the root, with
 * entries under `<workspace>/node_modules/x` for versions that differ from the hoisted one).
 */
export function lockedVersion(packageJsonPath: string, name: string): string | undefined {
  return findLockEntry(packageJsonPath, name)?.version;
}

/**
 * The locked version of `name`, only when the lockfile agrees with the range package.json declares now: a
 * lockfile whose entry for this package declares a different range, or whose version the range does not
 * admit, is stale (package.json was edited without `npm install`) and says nothing.
 */
export function currentLockedVersion(packageJsonPath: string, name: string, declaredRange: string): string | undefined {
  const entry = findLockEntry(packageJsonPath, name);
  if (!entry) return undefined;
  const recorded = entry.declaredRanges?.get(name);
  if (entry.declaredRanges && recorded !== declaredRange) return undefined;
  const range = semver.validRange(declaredRange);
  if (range !== null && semver.valid(entry.version) && !semver.satisfies(entry.version, range)) return undefined;
  return entry.version;
}

/**
 * The packages that the installed `name` (a dependency of the package at `packageJsonPath`) depends on, as the
 * lockfile records them: what a deploy installs with it, whatever versions the ranges then give.
 */
export function lockedDependenciesOf(packageJsonPath: string, name: string): readonly string[] | undefined {
  const found = nearestLockfile(packageJsonPath);
  if (!found) return undefined;
  const { lockfile, workspace } = found;
  return (workspace ? lockfile.packageDependencies.get(`${workspace}/node_modules/${name}`) : undefined) ??
    lockfile.packageDependencies.get(`node_modules/${name}`);
}

interface LockEntry {
  readonly version: string;
  readonly declaredRanges: ReadonlyMap<string, string> | undefined;
}

function findLockEntry(packageJsonPath: string, name: string): LockEntry | undefined {
  const found = nearestLockfile(packageJsonPath);
  if (!found) return undefined;
  const { lockfile, workspace } = found;
  const nested = workspace ? lockfile.versions.get(`${workspace}/node_modules/${name}`) : undefined;
  const version = nested ?? lockfile.versions.get(`node_modules/${name}`);
  return version === undefined ? undefined : { version, declaredRanges: lockfile.declaredRanges.get(workspace) };
}

/**
 * The lockfile next to the package.json at `packageJsonPath` or the nearest one above it, with the package's
 * folder relative to it (`''` for the lockfile's own package, a workspace's folder otherwise).
 */
function nearestLockfile(packageJsonPath: string): { lockfile: Lockfile; workspace: string } | undefined {
  const packageDirectory = dirname(packageJsonPath);
  for (let current = packageDirectory; ; current = dirname(current)) {
    const lockfile = readLockfile(join(current, 'package-lock.json'));
    if (lockfile) return { lockfile, workspace: relative(current, packageDirectory).split(sep).join('/') };
    if (dirname(current) === current) return undefined;
  }
}

function readLockfile(path: string): Lockfile | undefined {
  return (
    lockfiles.get(path, () => {
      dependOnFile(path);
      return parseLockfile(path);
    }) ?? undefined
  );
}

function parseLockfile(path: string): Lockfile | null {
  const json = readJsonFile(path);
  if (!isRecord(json)) return null;
  const versions = new Map<string, string>();
  const declaredRanges = new Map<string, ReadonlyMap<string, string>>();
  const packageDependencies = new Map<string, readonly string[]>();
  const namesIn = (...fields: unknown[]): string[] => fields.flatMap((field) => (isRecord(field) ? Object.keys(field) : []));
  if (isRecord(json.packages)) {
    for (const [key, value] of Object.entries(json.packages)) {
      if (!isRecord(value)) continue;
      if (typeof value.version === 'string') versions.set(key, value.version);
      if (key.includes('node_modules/')) packageDependencies.set(key, namesIn(value.dependencies, value.optionalDependencies));
      // A project's own entry ("" or a workspace folder) records the ranges package.json had at install time.
      if (!key.includes('node_modules/') && key !== 'node_modules') {
        const ranges = new Map<string, string>();
        for (const field of ['dependencies', 'optionalDependencies', 'devDependencies'] as const) {
          const declared = value[field];
          if (!isRecord(declared)) continue;
          for (const [name, range] of Object.entries(declared)) if (typeof range === 'string' && !ranges.has(name)) ranges.set(name, range);
        }
        const hasRanges = ['dependencies', 'optionalDependencies', 'devDependencies'].some((field) => isRecord(value[field]));
        if (hasRanges) declaredRanges.set(key, ranges);
      }
    }
  } else if (isRecord(json.dependencies)) {
    // Lockfile v1 (npm 6): top-level `dependencies[name].version`; no record of the declared ranges.
    for (const [name, value] of Object.entries(json.dependencies)) {
      if (isRecord(value) && typeof value.version === 'string') versions.set(`node_modules/${name}`, value.version);
      if (isRecord(value)) packageDependencies.set(`node_modules/${name}`, namesIn(value.requires));
    }
  }
  return { versions, declaredRanges, packageDependencies };
}

export function clearLockfileCache(): void {
  lockfiles.clear();
}
