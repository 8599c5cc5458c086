import { type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

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
const TYPESCRIPT_FUNCTIONS = join('src', 'functions');
const TYPESCRIPT_ASSETS = join('src', 'assets');

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

function layoutAt(root: string, folders: ProjectFolders): ProjectLayout | undefined {
  if (!ROOT_MARKERS.some((marker) => isFile(join(root, marker)))) return undefined;
  const typescript = !folders.functionsFolder && !isDirectory(join(root, 'functions')) &&
    isDirectory(join(root, TYPESCRIPT_FUNCTIONS)) && isFile(join(root, 'tsconfig.json'));
  const functionsDir = typescript
    ? join(root, TYPESCRIPT_FUNCTIONS)
    : firstDirectory(root, folders.functionsFolder ? [folders.functionsFolder] : FUNCTIONS_FOLDERS);
  if (!functionsDir) return undefined;
  const assetsCandidates = folders.assetsFolder
    ? [folders.assetsFolder]
    : typescript ? [TYPESCRIPT_ASSETS, ...ASSETS_FOLDERS] : ASSETS_FOLDERS;
  const layoutDirs = new Set([root, join(root, 'src')]);
  for (const folder of [folders.functionsFolder, folders.assetsFolder]) {
    if (folder) layoutDirs.add(dirname(resolve(root, folder)));
  }
  return {
    root,
    functionsDir,
    assetsDir: firstDirectory(root, assetsCandidates),
    typescript,
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

/** `fs.statSync`, or undefined for a missing, unreadable or oddly named path (ENOENT, ENOTDIR, EACCES, ELOOP…). */
export function safeStat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
