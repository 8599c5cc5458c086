import { dirname, join } from 'node:path';

import { isRecord, readJsonFile } from '../util/json-file.js';
import { dependOnFile, FileBackedCache } from './file-backed-cache.js';

/** What the rules need from a package.json; every field is optional because real files are often odd. */
export interface PackageJson {
  readonly path: string;
  readonly name?: string;
  readonly type?: string;
  readonly version?: string;
  /** Every declared range, `dependencies` first (the local install: any of these may be in node_modules). */
  readonly dependencyRanges: ReadonlyMap<string, string>;
  /**
   * What a deploy installs: `dependencies` only, name → range (the Serverless Toolkit's `getDependencies`
   * sends nothing else to Twilio's build; a range that is not a string becomes `*`).
   */
  readonly dependencies: ReadonlyMap<string, string>;
  /** Names declared in `devDependencies` (installed locally, never deployed). */
  readonly devDependencies: ReadonlySet<string>;
  readonly enginesNode?: string;
}

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'] as const;

const byPath = new FileBackedCache<string, PackageJson | null>(2_000);
const nearestByDirectory = new FileBackedCache<string, string | null>(4_000);

/** Reads one package.json; undefined when it is missing or not a JSON object. Re-read when the file changes. */
export function readPackageJson(path: string): PackageJson | undefined {
  return (
    byPath.get(path, () => {
      dependOnFile(path);
      return parsePackageJson(path);
    }) ?? undefined
  );
}

/** The package.json that governs `directory`: the nearest one walking up, as npm and Node use it. */
export function findNearestPackageJson(directory: string): PackageJson | undefined {
  const path = nearestByDirectory.get(directory, () => {
    for (let current = directory; ; current = dirname(current)) {
      const candidate = join(current, 'package.json');
      // Each candidate is a dependency: a package.json created closer to the file takes over.
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
  const dependencies = new Map<string, string>();
  if (isRecord(json.dependencies)) {
    for (const [name, range] of Object.entries(json.dependencies)) dependencies.set(name, typeof range === 'string' ? range : '*');
  }
  const devDependencies = new Set(isRecord(json.devDependencies) ? Object.keys(json.devDependencies) : []);
  const engines = json.engines;
  const enginesNode = isRecord(engines) && typeof engines.node === 'string' ? engines.node : undefined;
  return {
    path,
    dependencyRanges,
    dependencies,
    devDependencies,
    ...(typeof json.name === 'string' ? { name: json.name } : {}),
    ...(typeof json.type === 'string' ? { type: json.type } : {}),
    ...(typeof json.version === 'string' ? { version: json.version } : {}),
    ...(enginesNode === undefined ? {} : { enginesNode }),
  };
}

/** Forgets every cached package.json (readProjectSettings, when a config is loaded again). */
export function clearPackageJsonCache(): void {
  byPath.clear();
  nearestByDirectory.clear();
}
