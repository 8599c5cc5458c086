import { statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, extname, join } from 'node:path';

import { ResolverFactory } from 'oxc-resolver';

import { packageNameOf } from './esm-only-packages.js';
import { dependOnFile, FileBackedCache } from './file-backed-cache.js';
import { hasModuleSyntax } from './lexed-file.js';
import { findNearestPackageJson } from './package-json.js';
import { hasRequireEsm, type TwilioRuntime } from './twilio-runtime.js';

/** What `require(specifier)` loads, as far as the module system is concerned. */
export type Resolution =
  | { readonly kind: 'esm' | 'commonjs' | 'other'; readonly path: string; readonly packageJsonPath?: string }
  /** `exports` offers the specifier only under `import`: require() throws ERR_PACKAGE_PATH_NOT_EXPORTED. */
  | { readonly kind: 'import-only'; readonly path: string; readonly packageJsonPath?: string }
  | { readonly kind: 'builtin' }
  /** Not installed, or not resolvable at all. */
  | { readonly kind: 'missing' };

/**
 * The conditions Node's `require` matches in `exports` (`default` always matches): `module-sync` only where
 * require(esm) exists, so a package can hand an ES module to new runtimes and CommonJS to old ones.
 */
export function requireConditions(runtime: TwilioRuntime): string[] {
  return hasRequireEsm(runtime) ? ['node', 'require', 'module-sync'] : ['node', 'require'];
}

const IMPORT_CONDITIONS = ['node', 'import'];
const REQUIRE_EXTENSIONS = ['.js', '.json', '.node'];
const NOT_EXPORTED = /is not exported under the conditions/;

const resolvers = new Map<string, ResolverFactory>();
const resolutions = new FileBackedCache<string, Resolution>(4_000);

function resolverFor(conditions: readonly string[]): ResolverFactory {
  const key = conditions.join(',');
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new ResolverFactory({
      conditionNames: [...conditions],
      extensions: REQUIRE_EXTENSIONS,
      moduleType: true,
      builtinModules: true,
      // Lint results must not depend on the linting machine's environment.
      nodePath: false,
    });
    resolvers.set(key, resolver);
  }
  return resolver;
}

/**
 * Resolves `specifier` from `directory` as the runtime's `require()` would, and classifies the file.
 * Cached by directory, specifier and conditions while the package's package.json (or, for a package that is not
 * installed, the place npm would install it) is unchanged; never throws.
 */
export function resolveRequire(directory: string, specifier: string, runtime: TwilioRuntime): Resolution {
  const conditions = requireConditions(runtime);
  const key = `${conditions.join(',')}\0${directory}\0${specifier}`;
  return resolutions.get(
    key,
    () => {
      const resolution = resolveUncached(directory, specifier, conditions);
      dependOnResolution(directory, specifier, resolution);
      return resolution;
    },
    // oxc-resolver caches package.json files and directories itself: a changed install must reach it too.
    clearResolverCaches,
  );
}

/**
 * The files a resolution stays true with: the resolved package's package.json (a reinstall rewrites it), or,
 * for a package that is not installed, `node_modules/<name>/package.json` next to the nearest package.json,
 * where `npm install` puts it (an install somewhere else, by hand, is not watched).
 */
function dependOnResolution(directory: string, specifier: string, resolution: Resolution): void {
  if (resolution.kind === 'builtin') return;
  if (resolution.kind !== 'missing') {
    dependOnFile(resolution.packageJsonPath ?? resolution.path);
    return;
  }
  const name = packageNameOf(specifier);
  if (name === undefined) return;
  const manifest = findNearestPackageJson(directory);
  dependOnFile(join(manifest ? dirname(manifest.path) : directory, 'node_modules', name, 'package.json'));
}

function clearResolverCaches(): void {
  for (const resolver of resolvers.values()) resolver.clearCache();
}

/** Resolves an `import` of `specifier` from `directory` (to follow an ES module's own imports). */
export function resolveImport(directory: string, specifier: string): string | undefined {
  if (isBuiltin(specifier)) return undefined;
  try {
    return resolverFor(IMPORT_CONDITIONS).sync(directory, specifier).path;
  } catch {
    return undefined;
  }
}

function resolveUncached(directory: string, specifier: string, conditions: readonly string[]): Resolution {
  if (isBuiltin(specifier)) return { kind: 'builtin' };
  try {
    const result = resolverFor(conditions).sync(directory, specifier);
    if (result.builtin) return { kind: 'builtin' };
    if (result.path) {
      return withPackageJson({ kind: classifyFile(result.path, result.moduleType), path: result.path }, result.packageJsonPath);
    }
    if (result.error && NOT_EXPORTED.test(result.error)) {
      const asImport = resolverFor(IMPORT_CONDITIONS).sync(directory, specifier);
      if (asImport.path) return withPackageJson({ kind: 'import-only', path: asImport.path }, asImport.packageJsonPath);
    }
  } catch {
    // A resolver failure (odd file system, broken package.json) is "we do not know": no report.
  }
  return { kind: 'missing' };
}

function withPackageJson<T extends object>(value: T, packageJsonPath: string | undefined): T & { packageJsonPath?: string } {
  return packageJsonPath === undefined ? value : { ...value, packageJsonPath };
}

/**
 * `.mjs`, and `.js` under `"type": "module"`, are ES modules (oxc-resolver reads the type); `.cjs` is CommonJS.
 * A typeless `.js` file with import/export syntax is loaded as ESM by Node ≥ 20.19/22.7 (and fails on older
 * ones), so it counts as ESM too.
 */
function classifyFile(path: string, moduleType: string | undefined): 'esm' | 'commonjs' | 'other' {
  const extension = extname(path);
  if (extension === '.mjs' || moduleType === 'module') return 'esm';
  if (extension === '.cjs' || moduleType === 'commonjs') return 'commonjs';
  if (extension === '.js') return isSmallEnoughToDetect(path) && hasModuleSyntax(path) ? 'esm' : 'commonjs';
  return 'other';
}

/**
 * Syntax detection lexes the whole file. Typeless packages whose entry is a multi-megabyte bundle (typescript.js
 * is 9 MB) are CommonJS in practice, and lexing them would cost more than linting a whole project.
 */
const MAX_DETECTION_BYTES = 512 * 1024;

function isSmallEnoughToDetect(path: string): boolean {
  try {
    return statSync(path).size <= MAX_DETECTION_BYTES;
  } catch {
    return false;
  }
}

export function clearResolutionCache(): void {
  resolutions.clear();
  clearResolverCaches();
}
