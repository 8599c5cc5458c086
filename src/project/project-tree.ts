import { readdirSync, realpathSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

import type { ProjectLayout } from './project-layout.js';
import { safeStat } from './safe-stat.js';
import { functionKey, serverlessPath, type Visibility } from './runtime-keys.js';

/** A file that Twilio deploys, under the key the Runtime lists it by. */
export interface DeployedFile {
  readonly kind: 'function' | 'asset';
  /** `Runtime.getFunctions()` key (`utils/auth`) or `Runtime.getAssets()` key (`/data.json`). */
  readonly key: string;
  readonly file: string;
  /** The path relative to its Functions or assets folder, with `/` separators (`utils/auth.private.js`). */
  readonly relativePath: string;
  readonly visibility: Visibility;
}

/** Every Function and asset of a project, and the folder mtimes that say whether the listing is still true. */
export interface ProjectTree {
  readonly functions: ReadonlyMap<string, readonly DeployedFile[]>;
  readonly assets: ReadonlyMap<string, readonly DeployedFile[]>;
  readonly byFile: ReadonlyMap<string, DeployedFile>;
  /** Each folder read with its mtime; -1 for a missing folder. (The layout is re-checked by its own stamps.) */
  readonly directoryMtimes: ReadonlyMap<string, number>;
}

/** Bounds that keep a pathological tree (a symlinked home folder, a vendored `node_modules`) from stalling a lint. */
const MAX_DEPTH = 24;
const MAX_FILES = 20_000;

/**
 * Lists the project the way the Serverless Toolkit deploys it: every `.js` file under the Functions folder is a
 * Function (in the TypeScript template, every `.ts` file of `src/functions/` too, compiled to `.js`), every file
 * under the assets folder is an asset. Symlinked folders are followed once; unreadable ones are skipped.
 */
export function scanProjectTree(layout: ProjectLayout): ProjectTree {
  const functions = new Map<string, DeployedFile[]>();
  const assets = new Map<string, DeployedFile[]>();
  const byFile = new Map<string, DeployedFile>();
  const directoryMtimes = new Map<string, number>();

  function add(target: Map<string, DeployedFile[]>, entry: DeployedFile): void {
    const existing = target.get(entry.key);
    if (existing) existing.push(entry);
    else target.set(entry.key, [entry]);
    byFile.set(entry.file, entry);
  }

  if (layout.functionsDir) {
    for (const file of listFiles(layout.functionsDir, directoryMtimes)) {
      const relativePath = relative(layout.functionsDir, file);
      const compiled = functionSourceAsDeployed(relativePath, layout.typescript);
      if (compiled === undefined) continue;
      const { path, visibility } = serverlessPath(compiled, '.js');
      add(functions, { kind: 'function', key: functionKey(path), file, relativePath: slashed(relativePath), visibility });
    }
  }
  if (layout.assetsDir) {
    for (const file of listFiles(layout.assetsDir, directoryMtimes)) {
      const relativePath = relative(layout.assetsDir, file);
      const compiled = assetSourceAsDeployed(relativePath, layout.typescript);
      if (compiled === undefined) continue;
      const { path, visibility } = serverlessPath(compiled, undefined);
      add(assets, { kind: 'asset', key: path, file, relativePath: slashed(relativePath), visibility });
    }
  }
  return { functions, assets, byFile, directoryMtimes };
}

/**
 * The name an asset is deployed under: the TypeScript template compiles the `.ts` files of `src/assets/` with the
 * rest of `src/` (`tsc` writes `dist/assets/x.private.js`, which `--assets-folder dist/assets` deploys), so they are
 * keyed `/x.js`; declaration files are not deployed. Other assets keep their name.
 */
export function assetSourceAsDeployed(relativePath: string, typescript: boolean): string | undefined {
  if (!typescript || !relativePath.endsWith('.ts')) return relativePath;
  return relativePath.endsWith('.d.ts') ? undefined : `${relativePath.slice(0, -3)}.js`;
}

/** Whether every folder the tree was read from still has the mtime it had (an entry added or removed changes it). */
export function isTreeCurrent(tree: ProjectTree): boolean {
  for (const [dir, mtime] of tree.directoryMtimes) {
    if ((safeStat(dir)?.mtimeMs ?? -1) !== mtime) return false;
  }
  return true;
}

/**
 * The name a source file of the Functions folder is deployed under, or undefined when it is not deployed as a
 * Function: only `.js` files are; the TypeScript template's `.ts` files are compiled to `.js` first. Tests beside
 * the Functions (`*.test.js`, `*.spec.ts`) are not taken for Functions: a TypeScript build leaves them out, and
 * nobody invokes a JavaScript one deployed by accident (its relative requires run under the test runner).
 */
export function functionSourceAsDeployed(relativePath: string, typescript: boolean): string | undefined {
  const extension = extname(relativePath);
  if (/\.(?:test|spec)\.[jt]s$/.test(relativePath)) return undefined;
  if (extension === '.js') return relativePath;
  if (typescript && extension === '.ts' && !relativePath.endsWith('.d.ts')) return `${relativePath.slice(0, -3)}.js`;
  return undefined;
}

function listFiles(root: string, directoryMtimes: Map<string, number>): string[] {
  const files: string[] = [];
  const visited = new Set<string>();

  function visit(dir: string, depth: number): void {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop, or a folder linked twice
    visited.add(real);
    directoryMtimes.set(dir, safeStat(dir)?.mtimeMs ?? -1);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path, depth + 1);
      } else if (entry.isFile()) {
        files.push(path);
      } else if (entry.isSymbolicLink()) {
        const target = safeStat(path);
        if (target?.isDirectory()) visit(path, depth + 1);
        else if (target?.isFile()) files.push(path);
      }
    }
  }

  visit(root, 0);
  return files.sort();
}

function slashed(path: string): string {
  return path.split('\\').join('/');
}
