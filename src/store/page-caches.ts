/**
 * Results the page keeps between jobs (NAS runs, the pruning and quantization results of each
 * kind) as bounded caches, listed beside the worker's caches in the diagnostics. A lab store
 * registers a reader when it loads; a lab never visited keeps nothing and lists nothing.
 */
import type { CacheInfo } from '../worker/protocol';

const readers = new Map<string, () => CacheInfo>();

/** Registers (or replaces, by name) what a store keeps. */
export function registerPageCache(name: string, read: () => Omit<CacheInfo, 'name'>): void {
  readers.set(name, () => ({ name, ...read() }));
}

export function pageCaches(): CacheInfo[] {
  return [...readers.values()].map((read) => read());
}
