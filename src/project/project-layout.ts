import { dirname, isAbsolute, join, resolve } from 'node:path';

import { DEPLOY_CONFIG_FILES, readDeployConfig } from './deploy-config.js';
import type { PathStamps } from './path-stamps.js';

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
  /**
   * The Functions are TypeScript sources compiled before the deploy: the TypeScript template's `src/functions/*.ts`,
   * or `functions/*.ts` beside a `tsconfig.json` (tsc writes the `.js` to its `outDir`, which the deploy script
   * names with `--functions-folder`). Either way a `.ts` source is deployed as the `.js` it compiles to.
   */
  readonly typescript: boolean;
  /**
   * The Functions are deployed from a build output made by a bundler (esbuild, webpack…), which inlines the
   * relative requires of the sources: they do not reach the runtime.
   */
  readonly bundled: boolean;
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
 * Never throws: unreadable folders count as missing. Every path it looks at is recorded in `stamps`, which then
 * says cheaply whether the answer still holds.
 */
export function findProjectLayout(filename: string, folders: ProjectFolders, stamps: PathStamps): ProjectLayout | undefined {
  if (!isAbsolute(filename)) return undefined;
  for (let current = dirname(filename); ; current = dirname(current)) {
    const layout = layoutAt(current, folders, stamps);
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
export function layoutAt(root: string, folders: ProjectFolders, stamps: PathStamps): ProjectLayout | undefined {
  const isFile = (path: string): boolean => stamps.statEntry(path)?.isFile() ?? false;
  const isDirectory = (path: string): boolean => stamps.statEntry(path)?.isDirectory() ?? false;
  const firstDirectory = (base: string, candidates: readonly string[]): string | undefined =>
    candidates.map((candidate) => resolve(base, candidate)).find(isDirectory);
  if (!ROOT_MARKERS.some((marker) => isFile(join(root, marker)))) return undefined;
  // Their text decides the folders (and whether a bundler builds the Functions).
  for (const name of DEPLOY_CONFIG_FILES) if (isFile(join(root, name))) stamps.record(join(root, name));
  const deploy = readDeployConfig(root);
  const configuredFunctions = folders.functionsFolder ?? deploy.functionsFolder;
  const configuredAssets = folders.assetsFolder ?? deploy.assetsFolder;
  const deployedFunctions = configuredFunctions === undefined ? undefined : firstDirectory(root, [configuredFunctions]);
  // `src/functions/` is the Functions folder of a TypeScript project (compiled to the folder its deploy names);
  // without a `tsconfig.json` or a configured folder, the Serverless Toolkit deploys `src/` itself, and a
  // Function's key then starts with `functions/` (`functions/common/helpers/x`), as older Flex templates have it.
  const sourceLayout =
    !deployedFunctions && !isDirectory(join(root, 'functions')) && isDirectory(join(root, SOURCE_FUNCTIONS)) &&
    (configuredFunctions !== undefined || isFile(join(root, 'tsconfig.json')));
  const functionsDir = deployedFunctions ??
    (sourceLayout ? join(root, SOURCE_FUNCTIONS) : firstDirectory(root, FUNCTIONS_FOLDERS));
  if (!functionsDir) return undefined;
  const assetsDir = (configuredAssets === undefined ? undefined : firstDirectory(root, [configuredAssets])) ??
    firstDirectory(root, sourceLayout ? [SOURCE_ASSETS, ...ASSETS_FOLDERS] : ASSETS_FOLDERS);
  const built = configuredFunctions !== undefined && !deployedFunctions;
  return {
    root,
    functionsDir,
    assetsDir,
    typescript: (functionsDir === join(root, SOURCE_FUNCTIONS) || !deployedFunctions) && isFile(join(root, 'tsconfig.json')),
    bundled: built && deploy.bundler,
  };
}
