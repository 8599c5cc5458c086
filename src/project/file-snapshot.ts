import { readFileSync } from 'node:fs';

import { LruCache } from '../util/lru-cache.js';
import { safeStat } from './safe-stat.js';

/** A small file's text and a version string that changes whenever the file does (size and mtime). */
export interface FileSnapshot {
  readonly text: string;
  readonly version: string;
}

const snapshots = new LruCache<string, FileSnapshot>(256);

/**
 * Reads a small project file (a config, a package.json), re-reading it only when its size or mtime changed:
 * one `stat` per call, so it can be asked on every linted file without going stale. Undefined when missing.
 */
export function readFileIfChanged(path: string): FileSnapshot | undefined {
  const stat = safeStat(path);
  if (!stat?.isFile()) return undefined;
  const version = `${stat.size}:${stat.mtimeMs}`;
  const cached = snapshots.get(path);
  if (cached?.version === version) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const snapshot = { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, version };
  snapshots.set(path, snapshot);
  return snapshot;
}
