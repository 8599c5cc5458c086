import { join } from 'node:path';

import semver from 'semver';

import { isRecord, readJsonFile } from './util/json-file.js';
import { projectAt } from './project/project-model.js';
import { clearHelperSummaries } from './cross-file/helper-file.js';
import { helperFilesState } from './cross-file/helper-files-state.js';
import { clearAnalysisCaches } from './modules/analysis-caches.js';
import { currentLockedVersion } from './modules/lockfile.js';
import { type PackageJson, readPackageJson } from './modules/package-json.js';
import {
  DEFAULT_RUNTIME,
  isRetiredRuntime,
  judgedRuntime,
  type RetiredRuntime,
  runtimeFromEnginesRange,
  SETTINGS_KEY,
  TWILIO_RUNTIMES,
  type TwilioRuntime,
} from './modules/twilio-runtime.js';

/** The plugin's shared settings: `settings['twilio-functions']` in an ESLint config. */
export interface TwilioFunctionsSettings {
  /** The Twilio runtime the Service deploys with (the oldest one its environments name). */
  readonly runtime: TwilioRuntime;
  /** Set when `.twilioserverlessrc` names a runtime Twilio no longer deploys (node14, node16): judged as node18. */
  readonly declaredRuntime?: RetiredRuntime;
  /**
   * Every declared dependency with the version the result depends on: the local version (installed, else
   * locked) when it is the major the deploy installs, else the range (with the local version when there is
   * one). The rules resolve packages themselves; this is here so that ESLint's `--cache`, which hashes the
   * config, is invalidated when a dependency changes version.
   */
  readonly dependencies: Readonly<Record<string, string>>;
  /**
   * Packages package.json declares outside `dependencies` (devDependencies…), which a deploy does not install;
   * omitted when there are none. Moving one into `dependencies` changes no-undeployed-require's result.
   */
  readonly notDeployed?: readonly string[];
  /**
   * The project files that its Functions require (helpers, wrappers, guards), each with a hash of its content;
   * omitted when there are none. The rules summarise these files while they lint the Functions that use them;
   * this is here so that ESLint's `--cache`, which hashes the config, lints those Functions again when a helper
   * changes (otherwise a cached result would still show what the old helper did).
   */
  readonly helperFiles?: Readonly<Record<string, string>>;
}

/** Where the Serverless Toolkit keeps the project's deploy settings. */
const SERVERLESS_CONFIG_FILES = ['.twilioserverlessrc', '.twilioserverlessrc.json'];

/**
 * Reads a Twilio Functions project's settings from `projectDir`: the runtime from the Serverless Toolkit's
 * `.twilioserverlessrc` (`runtime` and `environments.*.runtime`, JSON with comments), else from package.json
 * `engines.node` (the oldest Twilio runtime the range admits), else node22, Twilio's default. Never throws.
 *
 * @example
 * // eslint.config.js
 * import twilioFunctions, { readProjectSettings } from 'eslint-plugin-twilio-functions';
 * export default [
 *   ...twilioFunctions.configs.recommended,
 *   { settings: { 'twilio-functions': readProjectSettings(import.meta.dirname) } },
 * ];
 */
export function readProjectSettings(projectDir: string): TwilioFunctionsSettings {
  // Loading a config drops what earlier runs in this process (an editor's ESLint server) kept about other
  // projects; the caches themselves never serve a changed file (they check the files they read).
  clearAnalysisCaches();
  clearHelperSummaries();
  const packageJson = readPackageJson(join(projectDir, 'package.json'));
  const declared = runtimeFromServerlessConfig(projectDir);
  const notDeployed = packageJson ? notDeployedNames(packageJson) : [];
  const helperFiles = helperFilesState(projectAt(projectDir));
  return {
    runtime: declared?.runtime ?? runtimeFromEngines(packageJson?.enginesNode) ?? DEFAULT_RUNTIME,
    ...(declared?.retired ? { declaredRuntime: declared.retired } : {}),
    dependencies: packageJson ? dependencyVersions(projectDir, packageJson) : {},
    ...(notDeployed.length > 0 ? { notDeployed } : {}),
    ...(Object.keys(helperFiles).length > 0 ? { helperFiles } : {}),
  };
}

/** The settings object to spread into an ESLint config: `{ 'twilio-functions': readProjectSettings(dir) }`. */
export function projectSettings(projectDir: string): { [SETTINGS_KEY]: TwilioFunctionsSettings } {
  return { [SETTINGS_KEY]: readProjectSettings(projectDir) };
}

/**
 * The runtime of `.twilioserverlessrc`: the top-level `runtime` and each `environments.<name>.runtime` (a
 * Function must work on every environment it deploys to: the oldest one decides). A retired runtime is judged
 * as node18 and kept for the messages.
 */
function runtimeFromServerlessConfig(projectDir: string): { runtime: TwilioRuntime; retired?: RetiredRuntime } | undefined {
  for (const file of SERVERLESS_CONFIG_FILES) {
    const config = readJsonFile(join(projectDir, file));
    if (!isRecord(config)) continue;
    const named = [config.runtime];
    if (isRecord(config.environments)) {
      for (const environment of Object.values(config.environments)) if (isRecord(environment)) named.push(environment.runtime);
    }
    let oldest: { runtime: TwilioRuntime; retired?: RetiredRuntime } | undefined;
    for (const value of named) {
      const runtime = judgedRuntime(value);
      if (runtime === undefined) continue;
      const retired = isRetiredRuntime(value) ? value : undefined;
      if (!oldest || TWILIO_RUNTIMES.indexOf(runtime) < TWILIO_RUNTIMES.indexOf(oldest.runtime) || (retired && !oldest.retired)) {
        oldest = retired ? { runtime, retired } : { runtime };
      }
    }
    if (oldest) return oldest;
  }
  return undefined;
}

function runtimeFromEngines(range: string | undefined): TwilioRuntime | undefined {
  return range === undefined ? undefined : runtimeFromEnginesRange(range);
}

function dependencyVersions(projectDir: string, packageJson: PackageJson): Record<string, string> {
  return Object.fromEntries(
    [...packageJson.dependencyRanges]
      .map(([name, range]): [string, string] => [name, dependencyVersion(projectDir, packageJson, name, range)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/**
 * One dependency's entry: `11.8.6` when the local version is the major the range deploys, `^14.0.0` when
 * nothing is installed or locked, `2 (installed 3.3.2)` or `* (local 11.8.6)` when the two differ.
 */
function dependencyVersion(projectDir: string, packageJson: PackageJson, name: string, range: string): string {
  const installed = readPackageJson(join(projectDir, 'node_modules', name, 'package.json'))?.version;
  const valid = semver.validRange(range);
  if (installed !== undefined && valid !== null && semver.valid(installed) && !semver.satisfies(installed, valid)) {
    return `${range} (installed ${installed})`;
  }
  const local = installed ?? currentLockedVersion(packageJson.path, name, range);
  if (local === undefined) return range;
  const next = semver.valid(local) ? semver.inc(local, 'major') : null;
  const pinsDeployedMajor = valid !== null && next !== null && !semver.intersects(valid, `>=${next}`);
  return pinsDeployedMajor ? local : `${range} (local ${local})`;
}

/** Declared names that a deploy does not install, sorted. */
function notDeployedNames(packageJson: PackageJson): string[] {
  return [...packageJson.dependencyRanges.keys()].filter((name) => !packageJson.dependencies.has(name)).sort();
}

// --- Runtime paths (valid-runtime-paths, no-relative-require) -------------------------------------------------

/** The part of `settings['twilio-functions']` that the project-tree rules read, and what their results depend on. */
export interface RuntimePathSettings {
  /** The Serverless Toolkit's `--functions-folder`, relative to the project root (default: `functions`, `src`). */
  readonly functionsFolder?: string;
  /** The Serverless Toolkit's `--assets-folder`, relative to the project root (default: `assets`, `static`). */
  readonly assetsFolder?: string;
  /**
   * Every Function key and asset key (with its visibility) of the project. The rules list the project
   * themselves; this is here so that ESLint's `--cache`, which hashes the config, re-lints every file when a
   * Function or asset is added, removed or made private.
   */
  readonly runtimePaths: { readonly functions: readonly string[]; readonly assets: readonly string[] };
}

/**
 * Lists the Functions and assets of the project at `projectDir` for `settings['twilio-functions']`; pass the
 * folders a project deploys with `--functions-folder`/`--assets-folder` (they are read from
 * `.twilioserverlessrc` and the deploy scripts otherwise). Never throws.
 *
 * @example
 * settings: { 'twilio-functions': { ...readProjectSettings(dir), ...readRuntimePaths(dir) } }
 */
export function readRuntimePaths(
  projectDir: string,
  folders: { readonly functionsFolder?: string; readonly assetsFolder?: string } = {},
): RuntimePathSettings {
  const project = projectAt(projectDir, folders);
  const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...(folders.functionsFolder === undefined ? {} : { functionsFolder: folders.functionsFolder }),
    ...(folders.assetsFolder === undefined ? {} : { assetsFolder: folders.assetsFolder }),
    runtimePaths: {
      functions: sorted(project?.functions.keys() ?? []),
      assets: sorted([...(project?.assets ?? [])].map(([key, files]) => `${key} (${files.map((file) => file.visibility).join(', ')})`)),
    },
  };
}
