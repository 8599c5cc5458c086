import { join } from 'node:path';

import { isRecord, parseJsonWithComments } from '../util/json-file.js';
import { LruCache } from '../util/lru-cache.js';
import { readFileIfChanged } from './file-snapshot.js';

/** What a project's own files say about how it is deployed. */
export interface DeployConfig {
  /** `functionsFolder` / `--functions-folder`: the folder the Serverless Toolkit deploys Functions from. */
  readonly functionsFolder: string | undefined;
  readonly assetsFolder: string | undefined;
  /** Whether the project depends on a bundler (esbuild, webpack, rollup…), which inlines relative requires. */
  readonly bundler: boolean;
}

const SERVERLESS_CONFIG_FILES = ['.twilioserverlessrc', '.twilioserverlessrc.json'];
const BUNDLERS = ['esbuild', 'webpack', 'rollup', 'parcel', '@vercel/ncc', 'tsup', 'rolldown', '@rspack/core', 'vite'];

const configs = new LruCache<string, { readonly key: string; readonly config: DeployConfig }>(64);

/**
 * Reads the deploy folders the way the Serverless Toolkit takes them: `functionsFolder`/`assetsFolder` in
 * `.twilioserverlessrc`, else `--functions-folder`/`--assets-folder` in a package.json script that runs
 * `twilio-run` or `twilio serverless:*`. Cached per root while the files are unchanged (size and mtime).
 */
export function readDeployConfig(root: string): DeployConfig {
  const files = [...SERVERLESS_CONFIG_FILES, 'package.json'].map((name) => readFileIfChanged(join(root, name)));
  const key = files.map((file) => file?.version ?? '-').join('|');
  const cached = configs.get(root);
  if (cached?.key === key) return cached.config;
  const [rc, rcJson, packageJson] = files.map((file) => file?.text);
  const fromRc = [rc, rcJson].map((text) => (text === undefined ? {} : serverlessConfigFolders(text)));
  const scripts = packageJson === undefined ? {} : scriptFolders(packageJson);
  const config: DeployConfig = {
    functionsFolder: fromRc[0]!.functionsFolder ?? fromRc[1]!.functionsFolder ?? scripts.functionsFolder,
    assetsFolder: fromRc[0]!.assetsFolder ?? fromRc[1]!.assetsFolder ?? scripts.assetsFolder,
    bundler: packageJson !== undefined && dependsOnBundler(packageJson),
  };
  configs.set(root, { key, config });
  return config;
}

interface Folders {
  functionsFolder?: string | undefined;
  assetsFolder?: string | undefined;
}

/** `.twilioserverlessrc` is JSON with comments, and the Toolkit's own template writes `'single quoted'` values. */
function serverlessConfigFolders(text: string): Folders {
  const json = parseJsonWithComments(text);
  const uncommented = text.replace(/^\s*\/\/.*$/gm, '');
  const read = (field: string): string | undefined => {
    if (isRecord(json)) return nonEmpty(json[field]);
    const match = new RegExp(`["']${field}["']\\s*:\\s*(["'])([^"'\\n]*)\\1`).exec(uncommented);
    return nonEmpty(match?.[2]);
  };
  return { functionsFolder: read('functionsFolder'), assetsFolder: read('assetsFolder') };
}

function scriptFolders(text: string): Folders {
  const json = parseJsonWithComments(text);
  const scripts = isRecord(json) && isRecord(json.scripts) ? Object.values(json.scripts) : [];
  const commands = scripts.filter((script): script is string => typeof script === 'string' && /twilio-run|serverless:/.test(script));
  const flag = (name: string): string | undefined => {
    for (const command of commands) {
      const match = new RegExp(`--${name}[= ]+["']?([^\\s"']+)`).exec(command);
      if (match) return match[1];
    }
    return undefined;
  };
  return { functionsFolder: flag('functions-folder'), assetsFolder: flag('assets-folder') };
}

function dependsOnBundler(text: string): boolean {
  const json = parseJsonWithComments(text);
  if (!isRecord(json)) return false;
  return ['dependencies', 'devDependencies'].some((field) => {
    const dependencies = json[field];
    return isRecord(dependencies) && BUNDLERS.some((name) => name in dependencies);
  });
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
