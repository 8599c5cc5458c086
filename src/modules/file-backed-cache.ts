import { LruCache } from '../util/lru-cache.js';
import { currentGeneration, stampOf } from './file-stamps.js';

interface Entry<V> {
  readonly value: V;
  /** Every file the value was computed from, with its stamp then. */
  readonly stamps: ReadonlyMap<string, string>;
  /** The generation in which the stamps were last found unchanged. */
  checkedIn: number;
}

/** The files read by the computations running now, innermost last (a cached value built from others). */
const readers: Set<string>[] = [];

/** Records that the value being computed depends on `path` (whether or not it exists). */
export function dependOnFile(path: string): void {
  readers.at(-1)?.add(path);
}

/**
 * A bounded cache whose values are valid while the files they were computed from are unchanged. A computation
 * declares its files with `dependOnFile` (directly, or by reading another FileBackedCache, whose files count
 * for it too), so a resolution result goes stale when the package.json it read changes.
 */
export class FileBackedCache<K, V> {
  readonly #entries: LruCache<K, Entry<V>>;

  constructor(maxEntries: number) {
    this.#entries = new LruCache(maxEntries);
  }

  /**
   * The cached value, checked against the disk once per generation; `compute` when absent or stale.
   * `onStale` runs before a stale value is recomputed (to drop a third-party cache built from the same files).
   */
  get(key: K, compute: () => V, onStale?: () => void): V {
    const entry = this.#entries.get(key);
    if (entry && this.#isFresh(entry)) {
      for (const path of entry.stamps.keys()) dependOnFile(path);
      return entry.value;
    }
    if (entry) onStale?.();
    const paths = new Set<string>();
    readers.push(paths);
    let value: V;
    try {
      value = compute();
    } finally {
      readers.pop();
    }
    const stamps = new Map<string, string>();
    for (const path of paths) {
      stamps.set(path, stampOf(path));
      dependOnFile(path);
    }
    this.#entries.set(key, { value, stamps, checkedIn: currentGeneration() });
    return value;
  }

  #isFresh(entry: Entry<V>): boolean {
    const generation = currentGeneration();
    if (entry.checkedIn === generation) return true;
    for (const [path, stamp] of entry.stamps) {
      if (stampOf(path) !== stamp) return false;
    }
    entry.checkedIn = generation;
    return true;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
