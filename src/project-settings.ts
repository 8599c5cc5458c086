import { join } from 'node:path';

import { isRecord, readJsonFile } from './util/json-file.js';
import { projectAt } from './project/project-model.js';
import { clearAnalysisCaches } from './modules/analysis-caches.js';
import { lockedVersion } from './modules/lockfile.js';
import { readPackageJson } from './modules/package-json.js';
import {
  DEFAULT_RUNTIME,
  isTwilioRuntime,
  runtimeFromEnginesRange,
  SETTINGS_KEY,
  type TwilioRuntime,
} from './modules/twilio-runtime.js';

/** The plugin's shared settings: `settings['twilio-functions']` in an ESLint config. */
export interface TwilioFunctionsSettings {
  /** The Twilio runtime the Service deploys with. */
  readonly runtime: TwilioRuntime;
  /**
   * Every declared dependency with its locked version (or its range when there is no lockfile). The rules
   * resolve packages themselves; this is here so that ESLint's `--cache`, which hashes the config, is
   * invalidated when a dependency changes version.
   */
  readonly dependencies: Readonly<Record<string, string>>;
}

/** Where the Serverless Toolkit keeps the project's deploy settings. */
const SERVERLESS_CONFIG_FILES = ['.twilioserverlessrc', '.twilioserverlessrc.json'];

/**
 * Reads a Twilio Functions project's settings from `projectDir`: the runtime from the Serverless Toolkit's
 * `.twilioserverlessrc` (`runtime`, JSON with comments), else from package.json `engines.node` (the oldest
 * Twilio runtime the range admits), else node22, Twilio's default. Never throws.
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
  // A config file is evaluated once per ESLint run: this run must see the files as they are now, not what an
  // earlier run in the same process (an editor's ESLint server) cached.
  clearAnalysisCaches();
  const packageJson = readPackageJson(join(projectDir, 'package.json'));
  return {
    runtime: runtimeFromServerlessConfig(projectDir) ?? runtimeFromEngines(packageJson?.enginesNode) ?? DEFAULT_RUNTIME,
    dependencies: Object.fromEntries(
      [...(packageJson?.dependencyRanges ?? [])]
        .map(([name, range]): [string, string] => [name, (packageJson && lockedVersion(packageJson.path, name)) ?? range])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  };
}

/** The settings object to spread into an ESLint config: `{ 'twilio-functions': readProjectSettings(dir) }`. */
export function projectSettings(projectDir: string): { [SETTINGS_KEY]: TwilioFunctionsSettings } {
  return { [SETTINGS_KEY]: readProjectSettings(projectDir) };
}

function runtimeFromServerlessConfig(projectDir: string): TwilioRuntime | undefined {
  for (const file of SERVERLESS_CONFIG_FILES) {
    const config = readJsonFile(join(projectDir, file));
    if (isRecord(config) && isTwilioRuntime(config.runtime)) return config.runtime;
  }
  return undefined;
}

function runtimeFromEngines(range: string | undefined): TwilioRuntime | undefined {
  return range === undefined ? undefined : runtimeFromEnginesRange(range);
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
