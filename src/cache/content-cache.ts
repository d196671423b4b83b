/**
 * A named in-memory cache keyed by content (a file's hash, or its path and
 * hash), pruned to what the current content needs: every pass over the
 * content (a check, a dev refresh) marks what it used, and prune() drops the
 * rest. A dev server that sees a thousand edits keeps one entry per file.
 */
const registry: ContentCache<unknown>[] = [];

export class ContentCache<V> {
  readonly name: string;
  readonly #entries = new Map<string, V>();
  readonly #used = new Set<string>();

  constructor(name: string) {
    this.name = name;
    registry.push(this as ContentCache<unknown>);
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) this.#used.add(key);
    return value;
  }

  /** The value held, without counting it as used (the pass that needs it has ended). */
  peek(key: string): V | undefined {
    return this.#entries.get(key);
  }

  /** Whether the key is held, without counting it as used. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, value: V): void {
    this.#entries.set(key, value);
    this.#used.add(key);
  }

  /** Stores without counting the key as used (an entry read from disk that this pass may not need). */
  put(key: string, value: V): void {
    this.#entries.set(key, value);
  }

  /** Drops every entry the last pass did not use. */
  prune(): void {
    for (const key of this.#entries.keys()) if (!this.#used.has(key)) this.#entries.delete(key);
    this.#used.clear();
  }

  /** Every entry held, for writing a cache to disk after a prune. */
  entries(): IterableIterator<[string, V]> {
    return this.#entries.entries();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Every cache of this process with its size, for `npm run bench -- dev` and the tests. */
export function cacheSizes(): Record<string, number> {
  return Object.fromEntries(registry.map((c) => [c.name, c.size]));
}
