import { resolve, sep } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { isRecord } from '../util/json-file.js';
import { LruCache } from '../util/lru-cache.js';
import { SETTINGS_KEY } from '../modules/twilio-runtime.js';
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

/** Projects are few per lint run; the bound only keeps an editor session that opens many from growing. */
const projects = new LruCache<string, ProjectModel>(32);
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

/** The project that `filename` (absolute) belongs to; the cached listing is re-validated on every call. */
export function projectForFile(filename: string, folders: ProjectFolders = {}): ProjectModel | undefined {
  return modelFor(findProjectLayout(filename, folders));
}

/** The project whose root is `root` (a folder with a package.json or .twilioserverlessrc), if it is one. */
export function projectAt(root: string, folders: ProjectFolders = {}): ProjectModel | undefined {
  return modelFor(layoutAt(resolve(root), folders));
}

function modelFor(layout: ProjectLayout | undefined): ProjectModel | undefined {
  if (!layout?.functionsDir) return undefined;
  const cacheKey = [layout.root, layout.functionsDir, layout.assetsDir ?? '', layout.typescript, layout.bundled].join('\0');
  const cached = projects.get(cacheKey);
  if (cached && isTreeCurrent(treeOf(cached))) return cached;
  const model = buildModel(layout, scanProjectTree(layout));
  projects.set(cacheKey, model);
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
