import { dirname, resolve, sep } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { isRecord } from '../util/json-file.js';
import { LruCache } from '../util/lru-cache.js';
import { SETTINGS_KEY } from '../modules/twilio-runtime.js';
import { PathStamps } from './path-stamps.js';
import { WeightedLruCache } from './project-cache.js';
import { findProjectLayout, layoutAt, type ProjectFolders, type ProjectLayout } from './project-layout.js';
import { functionSourceAsDeployed, isTreeCurrent, scanProjectTree, type DeployedFile, type ProjectTree } from './project-tree.js';

/**
 * A Twilio Serverless project as the runtime sees it: its Functions by `Runtime.getFunctions()` key, its assets by
 * `Runtime.getAssets()` key, and which deployed file a path on disk is.
 */
export interface ProjectModel {
  readonly layout: ProjectLayout;
  /** `Runtime.getFunctions()` key → the files deployed under it (more than one is a conflict the deploy rejects). */
  readonly functions: ReadonlyMap<string, readonly DeployedFile[]>;
  /** Serverless asset path (`/data.json`) → its files, whatever their visibility. */
  readonly assets: ReadonlyMap<string, readonly DeployedFile[]>;
  /** The Function or asset that an absolute file path is deployed as, if any. */
  deployedFile(path: string): DeployedFile | undefined;
  /** Whether `path` is deployed as a Function (in the TypeScript template: compiles to one). */
  isFunctionSource(path: string): boolean;
}

/**
 * Project listings, by layout. A lint run that goes over many projects again and again (a monorepo in an editor,
 * the benchmark) keeps them all; the bounds keep a long session or a few huge trees from growing without limit.
 */
const projects = new WeightedLruCache<string, ProjectModel>(256, 200_000);

/** The layout that the files of one folder belong to, with the stamps of every path its look-up read. */
interface FolderLayout {
  readonly layout: ProjectLayout | undefined;
  /** The key of its listing in `projects`. */
  readonly projectKey: string | undefined;
  readonly stamps: PathStamps;
}

/** Folder (and the settings' folder names) → its project layout: the walk up to the root is done once per folder. */
const folderLayouts = new LruCache<string, FolderLayout>(2048);
/** One project look-up (and one freshness check) per linted file, shared by every rule. */
const perFile = new WeakMap<TSESLint.SourceCode, ProjectModel | null>();

/**
 * The project of the file being linted, or undefined when it is in none. Cached across files; before a cached
 * listing is used for a new file, the mtimes of its folders are compared, so a Function or asset added or removed
 * since (in an editor's long-lived ESLint process) is seen on the next lint. Never throws.
 */
export function projectOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ProjectModel | undefined {
  const sourceCode = context.sourceCode;
  const known = perFile.get(sourceCode);
  if (known !== undefined) return known ?? undefined;
  const project = projectForFile(context.filename, projectFoldersFromSettings(context.settings));
  perFile.set(sourceCode, project ?? null);
  return project;
}

/**
 * The project that `filename` (absolute) belongs to. Both cached parts are re-validated on every call, one `stat`
 * per recorded path: the folder's layout by the folders and config files its look-up read, the listing by the
 * mtimes of the folders it was read from.
 */
export function projectForFile(filename: string, folders: ProjectFolders = {}): ProjectModel | undefined {
  const folderKey = `${folders.functionsFolder ?? ''}\0${folders.assetsFolder ?? ''}\0${dirname(filename)}`;
  const cached = folderLayouts.get(folderKey);
  if (cached?.stamps.isCurrent()) {
    if (cached.projectKey === undefined) return undefined;
    const model = projects.get(cached.projectKey);
    if (!model) return modelFor(cached.layout, cached.projectKey);
    if (isTreeCurrent(treeOf(model))) return model;
    // The listing changed: a Functions folder that is gone or replaced may change the layout too.
  }
  const stamps = new PathStamps();
  const layout = findProjectLayout(filename, folders, stamps);
  const projectKey = layout?.functionsDir === undefined ? undefined : projectKeyOf(layout);
  folderLayouts.set(folderKey, { layout, projectKey, stamps });
  return modelFor(layout, projectKey);
}

/** The project whose root is `root` (a folder with a package.json or .twilioserverlessrc), if it is one. */
export function projectAt(root: string, folders: ProjectFolders = {}): ProjectModel | undefined {
  const layout = layoutAt(resolve(root), folders, new PathStamps());
  return modelFor(layout, layout?.functionsDir === undefined ? undefined : projectKeyOf(layout));
}

function projectKeyOf(layout: ProjectLayout): string {
  return [layout.root, layout.functionsDir, layout.assetsDir ?? '', layout.typescript, layout.bundled].join('\0');
}

function modelFor(layout: ProjectLayout | undefined, projectKey: string | undefined): ProjectModel | undefined {
  if (!layout?.functionsDir || projectKey === undefined) return undefined;
  const cached = projects.get(projectKey);
  if (cached && isTreeCurrent(treeOf(cached))) return cached;
  const tree = scanProjectTree(layout);
  const model = buildModel(layout, tree);
  projects.set(projectKey, model, tree.byFile.size + tree.directoryMtimes.size + 1);
  return model;
}

/** The folder names from `settings['twilio-functions']` (`functionsFolder`, `assetsFolder`). */
export function projectFoldersFromSettings(settings: Readonly<Record<string, unknown>> | undefined): ProjectFolders {
  const ours = settings?.[SETTINGS_KEY];
  if (!isRecord(ours)) return {};
  const folder = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  return { functionsFolder: folder(ours.functionsFolder), assetsFolder: folder(ours.assetsFolder) };
}

/** Forgets every cached project (tests; a config reload). */
export function clearProjectCache(): void {
  projects.clear();
  folderLayouts.clear();
}

const trees = new WeakMap<ProjectModel, ProjectTree>();

function treeOf(model: ProjectModel): ProjectTree {
  return trees.get(model)!;
}

function buildModel(layout: ProjectLayout, tree: ProjectTree): ProjectModel {
  const functionsPrefix = layout.functionsDir! + sep;
  const model: ProjectModel = {
    layout,
    functions: tree.functions,
    assets: tree.assets,
    deployedFile: (path) => tree.byFile.get(resolve(path)),
    isFunctionSource(path) {
      const absolute = resolve(path);
      if (!absolute.startsWith(functionsPrefix)) return false;
      return functionSourceAsDeployed(absolute.slice(functionsPrefix.length), layout.typescript) !== undefined;
    },
  };
  trees.set(model, tree);
  return model;
}
