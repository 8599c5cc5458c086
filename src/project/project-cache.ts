/**
 * A least-recently-used map bounded both by its number of entries and by their total weight: a project listing
 * costs memory by the files it lists, so a session that opens many small projects keeps them all while a few
 * huge trees cannot hold on to hundreds of thousands of entries.
 */
export class WeightedLruCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly weight: number }>();
  #totalWeight = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Re-insert so that Map's insertion order doubles as recency order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, weight: number): void {
    this.delete(key);
    this.#entries.set(key, { value, weight });
    this.#totalWeight += weight;
    // The newest entry stays even when it alone outweighs the bound: it is the one being used.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= 1 || (this.#entries.size <= this.maxEntries && this.#totalWeight <= this.maxWeight)) break;
      this.delete(oldest);
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#totalWeight -= entry.weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#totalWeight = 0;
  }

  get size(): number {
    return this.#entries.size;
  }
}
