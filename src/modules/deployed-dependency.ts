import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

import semver from 'semver';

import { packageNameOf } from './esm-only-packages.js';
import { lockedDependenciesOf } from './lockfile.js';
import { findNearestPackageJson, type PackageJson, readPackageJson } from './package-json.js';

/**
 * Packages that are part of every Twilio build whether declared or not (Twilio docs, Functions "Dependencies",
 * "Default Dependencies"; `@twilio/runtime-handler` is platform-managed on node24).
 */
export const PLATFORM_PACKAGES: ReadonlySet<string> = new Set(['twilio', '@twilio/runtime-handler']);

/**
 * The dependencies of the newest `twilio` of each major (`npm view twilio@<major> dependencies`, 3.84.1,
 * 4.23.0, 5.x). npm hoists them next to `twilio` in the build's node_modules, so an undeclared
 * `require('axios')` is found once deployed: fragile (twilio 4 dropped lodash), but not `Cannot find module`.
 */
const TWILIO_DEPENDENCIES: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  [3, new Set(['axios', 'dayjs', 'https-proxy-agent', 'jsonwebtoken', 'lodash', 'q', 'qs', 'rootpath', 'scmp', 'url-parse', 'xmlbuilder'])],
  [4, new Set(['axios', 'dayjs', 'https-proxy-agent', 'jsonwebtoken', 'qs', 'scmp', 'url-parse', 'xmlbuilder'])],
  [5, new Set(['axios', 'dayjs', 'https-proxy-agent', 'jsonwebtoken', 'qs', 'scmp', 'xmlbuilder'])],
]);
const NEWEST_TWILIO_MAJOR = 5;

/**
 * Declared packages that bring a `twilio` of their own into the build, by the versions their range admits (the
 * build installs the newest): `@twilio/runtime-handler` pins twilio 3 before 2.0.0 and twilio 4 from it
 * (`npm view @twilio/runtime-handler@<v> dependencies`: 1.2.2 → 3.29.2, 1.3.0 → 3.80.0, 2.0.0–2.1.0 → 4.23.0),
 * and `@twilio-labs/serverless-runtime-types` asks for twilio ^3 before 3.0.0 and ^4 from it (3.0.0 → ^4.20.1,
 * 4.x → ^4.23.0). That twilio's own dependencies are hoisted too when nothing else holds their name at the top:
 * a project with twilio 4 and runtime-handler 1.3.0 finds lodash once deployed.
 */
const TWILIO_CARRIERS: ReadonlyMap<string, readonly (readonly [versions: string, twilioMajor: number])[]> = new Map([
  ['@twilio/runtime-handler', [['>=2.0.0', 4], ['<2.0.0', 3]]],
  ['@twilio-labs/serverless-runtime-types', [['>=3.0.0', 4], ['<3.0.0', 3]]],
]);

/**
 * What a deploy does with a `require(specifier)` from a file in `directory`. The Serverless Toolkit sends
 * Twilio's build only the `dependencies` of the project's package.json, as name → range; no lockfile and no
 * `devDependencies` (`@twilio-labs/serverless-api`, `getDependencies`).
 */
export type DeployedDependency =
  /** Not a package: a builtin, a relative or absolute path, a URL or `#import`. */
  | { readonly kind: 'not-a-package' }
  /** `twilio`, `@twilio/runtime-handler`: always there. */
  | { readonly kind: 'platform'; readonly name: string }
  /** No package.json governs the file (a Console-only service declares its dependencies in the Console). */
  | { readonly kind: 'no-manifest'; readonly name: string }
  /** Deployed: the build installs the newest version `range` admits. */
  | { readonly kind: 'deployed'; readonly name: string; readonly manifest: PackageJson; readonly range: string }
  /** Not declared, but a dependency of the `twilio` the build installs: found once deployed, hoisted. */
  | { readonly kind: 'through-twilio'; readonly name: string; readonly manifest: PackageJson }
  /**
   * Not declared, but a dependency of a declared one (as its installed package.json says): the build installs it
   * with it and npm hoists it (`moment` under `moment-timezone`). Fragile, but found once deployed.
   */
  | { readonly kind: 'through-dependency'; readonly name: string; readonly manifest: PackageJson; readonly via: string }
  /** Not deployed: `devOnly` when it is in `devDependencies` (installed locally, never deployed). */
  | { readonly kind: 'not-deployed'; readonly name: string; readonly manifest: PackageJson; readonly devOnly: boolean };

export function deployedDependency(directory: string, specifier: string): DeployedDependency {
  if (isBuiltin(specifier) || specifier.startsWith('node:')) return { kind: 'not-a-package' };
  const name = packageNameOf(specifier);
  if (name === undefined) return { kind: 'not-a-package' };
  if (PLATFORM_PACKAGES.has(name)) return { kind: 'platform', name };
  const manifest = findNearestPackageJson(directory);
  if (!manifest) return { kind: 'no-manifest', name };
  // A package requiring itself by name resolves to its own folder, deployed or not.
  if (manifest.name === name) return { kind: 'not-a-package' };
  const range = manifest.dependencies.get(name);
  if (range !== undefined) return { kind: 'deployed', name, manifest, range };
  if (twilioDependencies(manifest.dependencies.get('twilio'))?.has(name) || carriedTwilioDependency(manifest, name)) {
    return { kind: 'through-twilio', name, manifest };
  }
  const via = declaredDependencyDependingOn(manifest, name);
  if (via !== undefined) return { kind: 'through-dependency', name, manifest, via };
  return { kind: 'not-deployed', name, manifest, devOnly: manifest.devDependencies.has(name) };
}

/**
 * The declared dependency whose installed package.json depends on `name`, or whose lockfile entry records it
 * among its dependencies (read only for an undeclared name).
 */
function declaredDependencyDependingOn(manifest: PackageJson, name: string): string | undefined {
  const modules = join(dirname(manifest.path), 'node_modules');
  for (const declared of manifest.dependencies.keys()) {
    if (readPackageJson(join(modules, declared, 'package.json'))?.dependencies.has(name)) return declared;
    if (lockedDependenciesOf(manifest.path, declared)?.includes(name)) return declared;
  }
  return undefined;
}

/** The dependencies of the newest `twilio` major a range admits; the newest known major when undeclared. */
function twilioDependencies(range: string | undefined): ReadonlySet<string> | undefined {
  if (range === undefined || range.trim() === 'latest') return TWILIO_DEPENDENCIES.get(NEWEST_TWILIO_MAJOR);
  const valid = semver.validRange(range.trim());
  if (valid === null) return undefined;
  for (let major = NEWEST_TWILIO_MAJOR; major >= 3; major -= 1) {
    if (semver.intersects(valid, `${major}.x`)) return TWILIO_DEPENDENCIES.get(major);
  }
  return undefined;
}

/** Whether `name` is a dependency of the `twilio` a declared carrier brings (see `TWILIO_CARRIERS`). */
function carriedTwilioDependency(manifest: PackageJson, name: string): boolean {
  return [...TWILIO_CARRIERS].some(([carrier, majors]) => {
    const range = manifest.dependencies.get(carrier);
    const valid = range === undefined ? null : semver.validRange(range.trim());
    // The newest admitted version decides: the entries go from the newest versions down.
    const major = valid === null ? undefined : majors.find(([versions]) => semver.intersects(valid, versions))?.[1];
    return major !== undefined && TWILIO_DEPENDENCIES.get(major)?.has(name) === true;
  });
}
