import { dirname } from 'node:path';

import type { Stats } from 'node:fs';

import { safeStat } from './safe-stat.js';

/**
 * What the folders and files a cached result was derived from looked like, so that the result can be re-checked
 * with one `stat` per recorded path instead of being derived again. A folder's mtime changes whenever an entry is
 * added to it, removed or renamed, so recording the parent of every path whose existence was asked covers all of
 * them; files whose text was read are recorded by size and mtime.
 */
export class PathStamps {
  readonly #paths: string[] = [];
  readonly #mtimes: number[] = [];
  readonly #sizes: number[] = [];
  readonly #seen = new Set<string>();

  /** `stat` of `path`, recording its parent folder: whether `path` exists (and is a file or folder) can change only with it. */
  statEntry(path: string): Stats | undefined {
    this.record(dirname(path));
    return safeStat(path);
  }

  /** Records a file whose content the result depends on (a config, a package.json), or a folder itself. */
  record(path: string): void {
    if (this.#seen.has(path)) return;
    this.#seen.add(path);
    const stat = safeStat(path);
    this.#paths.push(path);
    this.#mtimes.push(stat?.mtimeMs ?? -1);
    this.#sizes.push(stat?.size ?? -1);
  }

  /** Whether every recorded path still has the size and mtime it had (one `stat` each, nothing allocated). */
  isCurrent(): boolean {
    const paths = this.#paths;
    for (let index = 0; index < paths.length; index += 1) {
      const stat = safeStat(paths[index]!);
      if ((stat?.mtimeMs ?? -1) !== this.#mtimes[index] || (stat?.size ?? -1) !== this.#sizes[index]) return false;
    }
    return true;
  }

  get size(): number {
    return this.#paths.length;
  }
}
