import { dirname, isAbsolute, join, resolve } from 'node:path';

import { readDeployConfig } from './deploy-config.js';
import { safeStat } from './safe-stat.js';

/** Folder names a project deployed with `--functions-folder` / `--assets-folder` uses instead of the defaults. */
export interface ProjectFolders {
  /** Relative to the project root, like the Serverless Toolkit's `--functions-folder`. */
  readonly functionsFolder?: string | undefined;
  /** Relative to the project root, like the Serverless Toolkit's `--assets-folder`. */
  readonly assetsFolder?: string | undefined;
}

/** Where a project's Functions and assets live, as the Serverless Toolkit finds them. */
export interface ProjectLayout {
  readonly root: string;
  /** Undefined when the project has no Functions folder. */
  readonly functionsDir: string | undefined;
  readonly assetsDir: string | undefined;
  /** The TypeScript template: `src/functions/*.ts` compile to the `.js` Functions that get deployed. */
  readonly typescript: boolean;
  /**
   * The Functions are deployed from a build output made by a bundler (esbuild, webpack…), which inlines the
   * relative requires of the sources: they do not reach the runtime.
   */
  readonly bundled: boolean;
  /**
   * Folders whose entries decide the layout (the root, `src/`, the parents of configured folders): a folder
   * created or removed in one of them changes its mtime, which is how a cached project notices.
   */
  readonly layoutDirs: readonly string[];
}

/** What marks a folder as a Twilio Serverless project root. */
const ROOT_MARKERS = ['package.json', '.twilioserverlessrc', '.twilioserverlessrc.json'];
/** The Serverless Toolkit's search order (`getListOfFunctionsAndAssets` in `@twilio-labs/serverless-api`). */
const FUNCTIONS_FOLDERS = ['functions', 'src'];
const ASSETS_FOLDERS = ['assets', 'static'];
/** The TypeScript template's sources (and the layout of JavaScript projects modelled on it). */
const SOURCE_FUNCTIONS = join('src', 'functions');
const SOURCE_ASSETS = join('src', 'assets');

/**
 * The project that `filename` belongs to: the nearest folder above it that holds `functions/` or `src/` (or the
 * configured Functions folder) and a `package.json` or `.twilioserverlessrc`. Undefined outside any project.
 * Never throws: unreadable folders count as missing.
 */
export function findProjectLayout(filename: string, folders: ProjectFolders): ProjectLayout | undefined {
  if (!isAbsolute(filename)) return undefined;
  for (let current = dirname(filename); ; current = dirname(current)) {
    const layout = layoutAt(current, folders);
    if (layout) return layout;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The folders in the order the Serverless Toolkit would use them: the ESLint settings, then the project's own
 * deploy config (`.twilioserverlessrc`, `--functions-folder` in a script), then `functions/`, `src/functions/`
 * (the TypeScript template), `src/`. A configured folder that does not exist is a build output (`dist/functions`,
 * `out/functions`): the sources are then found in the default places, and the project is marked as built.
 */
export function layoutAt(root: string, folders: ProjectFolders): ProjectLayout | undefined {
  if (!ROOT_MARKERS.some((marker) => isFile(join(root, marker)))) return undefined;
  const deploy = readDeployConfig(root);
  const configuredFunctions = folders.functionsFolder ?? deploy.functionsFolder;
  const configuredAssets = folders.assetsFolder ?? deploy.assetsFolder;
  const deployedFunctions = configuredFunctions === undefined ? undefined : firstDirectory(root, [configuredFunctions]);
  const sourceLayout = !deployedFunctions && !isDirectory(join(root, 'functions')) && isDirectory(join(root, SOURCE_FUNCTIONS));
  const functionsDir = deployedFunctions ??
    (sourceLayout ? join(root, SOURCE_FUNCTIONS) : firstDirectory(root, FUNCTIONS_FOLDERS));
  if (!functionsDir) return undefined;
  const assetsDir = (configuredAssets === undefined ? undefined : firstDirectory(root, [configuredAssets])) ??
    firstDirectory(root, sourceLayout ? [SOURCE_ASSETS, ...ASSETS_FOLDERS] : ASSETS_FOLDERS);
  const layoutDirs = new Set([root, join(root, 'src')]);
  for (const folder of [configuredFunctions, configuredAssets]) {
    if (folder) layoutDirs.add(dirname(resolve(root, folder)));
  }
  const built = configuredFunctions !== undefined && !deployedFunctions;
  return {
    root,
    functionsDir,
    assetsDir,
    typescript: functionsDir === join(root, SOURCE_FUNCTIONS) && isFile(join(root, 'tsconfig.json')),
    bundled: built && deploy.bundler,
    layoutDirs: [...layoutDirs],
  };
}

function firstDirectory(root: string, candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const path = resolve(root, candidate);
    if (isDirectory(path)) return path;
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  return safeStat(path)?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return safeStat(path)?.isFile() ?? false;
}
