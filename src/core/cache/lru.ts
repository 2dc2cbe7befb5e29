/**
 * A bounded least-recently-used map: at most `maxEntries` entries and (when `sizeOf` is given) at
 * most `maxBytes` bytes; setting or reading an entry makes it the most recent, and the oldest
 * entries give way. The engine's caches of trained weights and kept data use it so a long lesson
 * cannot grow memory without end; `stats()` is what the diagnostics show. Pure TS.
 */
export interface CacheStats {
  /** What the cache holds, as the diagnostics name it. */
  name: string;
  entries: number;
  maxEntries: number;
  /** Bytes held (0 when the cache does not measure them). */
  bytes: number;
  /** The byte bound (null: entries only). */
  maxBytes: number | null;
  /** Entries dropped to stay within the bounds so far. */
  evicted: number;
}

export interface LruOptions<V> {
  name: string;
  maxEntries: number;
  maxBytes?: number;
  sizeOf?: (value: V) => number;
  /** Called for every entry that leaves the cache (evicted, replaced, deleted, cleared): frees what it owns. */
  onDrop?: (value: V, key: string) => void;
}

export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  private evicted = 0;

  constructor(private readonly options: LruOptions<V>) {
    if (!(options.maxEntries >= 1)) throw new Error(`cache "${options.name}": maxEntries must be at least 1`);
  }

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** The value, made the most recent; undefined when absent. */
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Stores a value as the most recent; a value larger than maxBytes on its own is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.options.sizeOf?.(value) ?? 0;
    if (this.options.maxBytes !== undefined && bytes > this.options.maxBytes) {
      this.evicted++;
      this.options.onDrop?.(value, key);
      return;
    }
    this.map.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.map.size > this.options.maxEntries || (this.options.maxBytes !== undefined && this.bytes > this.options.maxBytes)) {
      const oldest = this.map.keys().next().value as string;
      this.evicted++;
      this.delete(oldest);
    }
  }

  delete(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.bytes -= e.bytes;
    this.options.onDrop?.(e.value, key);
    return true;
  }

  clear(): void {
    for (const key of [...this.map.keys()]) this.delete(key);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  stats(): CacheStats {
    const o = this.options;
    return { name: o.name, entries: this.map.size, maxEntries: o.maxEntries, bytes: this.bytes, maxBytes: o.maxBytes ?? null, evicted: this.evicted };
  }
}

/** Bytes held by the typed arrays of a weight set (or any list of `{ data }`). */
export function weightBytes(weights: readonly { data: { byteLength: number } }[]): number {
  return weights.reduce((sum, w) => sum + w.data.byteLength, 0);
}
