import { dirname, join, relative, sep } from 'node:path';

import { isRecord, readJsonFile } from '../util/json-file.js';
import { LruCache } from '../util/lru-cache.js';

/**
 * The version npm recorded for a dependency in package-lock.json (lockfile v2/v3: `packages["node_modules/x"]`).
 * Used when the package is not installed (a CI lint step that runs before `npm install`): the lockfile says what
 * will be deployed more precisely than the package.json range.
 */
type LockedVersions = ReadonlyMap<string, string>;

const lockfiles = new LruCache<string, LockedVersions | null>(200);

/**
 * The locked version of `name` for the package whose package.json is at `packageJsonPath`. The lockfile is
 * looked for next to it and then upwards (npm workspaces keep one lockfile at the root, with entries under
 * `<workspace>/node_modules/x` for versions that differ from the hoisted one).
 */
export function lockedVersion(packageJsonPath: string, name: string): string | undefined {
  const packageDirectory = dirname(packageJsonPath);
  for (let current = packageDirectory; ; current = dirname(current)) {
    const versions = readLockfile(join(current, 'package-lock.json'));
    if (versions) {
      const workspace = relative(current, packageDirectory).split(sep).join('/');
      const nested = workspace ? versions.get(`${workspace}/node_modules/${name}`) : undefined;
      return nested ?? versions.get(`node_modules/${name}`);
    }
    if (dirname(current) === current) return undefined;
  }
}

function readLockfile(path: string): LockedVersions | undefined {
  return lockfiles.getOrCreate(path, () => parseLockfile(path)) ?? undefined;
}

function parseLockfile(path: string): LockedVersions | null {
  const json = readJsonFile(path);
  if (!isRecord(json)) return null;
  const versions = new Map<string, string>();
  if (isRecord(json.packages)) {
    for (const [key, value] of Object.entries(json.packages)) {
      if (isRecord(value) && typeof value.version === 'string') versions.set(key, value.version);
    }
  } else if (isRecord(json.dependencies)) {
    // Lockfile v1 (npm 6): top-level `dependencies[name].version`.
    for (const [name, value] of Object.entries(json.dependencies)) {
      if (isRecord(value) && typeof value.version === 'string') versions.set(`node_modules/${name}`, value.version);
    }
  }
  return versions;
}

export function clearLockfileCache(): void {
  lockfiles.clear();
}
