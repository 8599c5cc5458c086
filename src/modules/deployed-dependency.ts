import { isBuiltin } from 'node:module';

import { packageNameOf } from './esm-only-packages.js';
import { findNearestPackageJson, type PackageJson } from './package-json.js';

/**
 * Packages that are part of every Twilio build whether declared or not (Twilio docs, Functions "Dependencies",
 * "Default Dependencies"; `@twilio/runtime-handler` is platform-managed on node24).
 */
export const PLATFORM_PACKAGES: ReadonlySet<string> = new Set(['twilio', '@twilio/runtime-handler']);

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
  return { kind: 'not-deployed', name, manifest, devOnly: manifest.devDependencies.has(name) };
}
