import { statSync } from 'node:fs';

import { LruCache } from '../util/lru-cache.js';

/**
 * What the module engine read from disk is checked against the disk once per linted file, not on every lookup:
 * each linted file starts a new generation, and a file's stamp (size, mtime, inode) is taken at most once per
 * generation. An editor's ESLint server that lints again after `npm install` sees the new package.json,
 * lockfile and node_modules without any cache being cleared; a CLI run pays one `stat` per file it depends on
 * per linted file.
 */
let generation = 1;
let currentLint: object | undefined;

/**
 * Starts a generation for the file whose `SourceCode` is `lint` (every rule of one file passes the same object,
 * so the rules of one file share one generation).
 */
export function beginFileLint(lint: object): void {
  if (lint === currentLint) return;
  currentLint = lint;
  generation += 1;
}

export function currentGeneration(): number {
  return generation;
}

const ABSENT = 'absent';
const stamps = new LruCache<string, { generation: number; stamp: string }>(20_000);

/** The file's stamp as of this generation: `absent`, or its size, modification time and inode. */
export function stampOf(path: string): string {
  const cached = stamps.get(path);
  if (cached && cached.generation === generation) return cached.stamp;
  const stamp = statStamp(path);
  stamps.set(path, { generation, stamp });
  return stamp;
}

function statStamp(path: string): string {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    // mtimeMs keeps the sub-millisecond part where the file system records it (ext4, tmpfs, APFS).
    return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ino}` : ABSENT;
  } catch {
    return ABSENT;
  }
}

export function clearFileStamps(): void {
  stamps.clear();
}
