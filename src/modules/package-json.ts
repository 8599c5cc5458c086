import { dirname, join } from 'node:path';

import { isRecord, readJsonFile } from '../util/json-file.js';
import { LruCache } from '../util/lru-cache.js';

/** What the rules need from a package.json; every field is optional because real files are often odd. */
export interface PackageJson {
  readonly path: string;
  readonly type?: string;
  readonly version?: string;
  readonly dependencyRanges: ReadonlyMap<string, string>;
  readonly enginesNode?: string;
}

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'] as const;

const byPath = new LruCache<string, PackageJson | null>(2_000);
const nearestByDirectory = new LruCache<string, string | null>(4_000);

/** Reads one package.json; undefined when it is missing or not a JSON object. Cached per process. */
export function readPackageJson(path: string): PackageJson | undefined {
  return byPath.getOrCreate(path, () => parsePackageJson(path)) ?? undefined;
}

/** The package.json that governs `directory`: the nearest one walking up, as npm and Node use it. */
export function findNearestPackageJson(directory: string): PackageJson | undefined {
  const path = nearestByDirectory.getOrCreate(directory, () => {
    for (let current = directory; ; current = dirname(current)) {
      const candidate = join(current, 'package.json');
      if (readPackageJson(candidate)) return candidate;
      if (dirname(current) === current) return null;
    }
  });
  return path === null ? undefined : readPackageJson(path);
}

function parsePackageJson(path: string): PackageJson | null {
  const json = readJsonFile(path);
  if (!isRecord(json)) return null;
  const dependencyRanges = new Map<string, string>();
  // Later fields do not override earlier ones: `dependencies` is what ships to Twilio.
  for (const field of DEPENDENCY_FIELDS) {
    const ranges = json[field];
    if (!isRecord(ranges)) continue;
    for (const [name, range] of Object.entries(ranges)) {
      if (typeof range === 'string' && !dependencyRanges.has(name)) dependencyRanges.set(name, range);
    }
  }
  const engines = json.engines;
  const enginesNode = isRecord(engines) && typeof engines.node === 'string' ? engines.node : undefined;
  return {
    path,
    dependencyRanges,
    ...(typeof json.type === 'string' ? { type: json.type } : {}),
    ...(typeof json.version === 'string' ? { version: json.version } : {}),
    ...(enginesNode === undefined ? {} : { enginesNode }),
  };
}

/** Forgets every cached package.json (tests that rewrite fixture files use it). */
export function clearPackageJsonCache(): void {
  byPath.clear();
  nearestByDirectory.clear();
}
