import { join } from 'node:path';

import { isRecord, readJsonFile } from './util/json-file.js';
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
