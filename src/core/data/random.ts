/**
 * Small seeded PRNG utilities. Every random choice in the lab (weight init, shuffles, dropout,
 * searches) is driven by a seed so that the same settings reproduce the same numbers.
 */

/** mulberry32: a fast 32-bit generator with good statistical quality for shuffles and init. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent seed from a base seed and a salt (a number or a string such as a layer
 * name), so e.g. epoch 3's shuffle does not reuse epoch 2's stream. FNV-1a over the salt, mixed.
 */
export function deriveSeed(seed: number, salt: number | string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const s = String(salt);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rand: () => number): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}

/** A seeded permutation of 0..n-1. */
export function shuffledIndices(n: number, seed: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return shuffleInPlace(idx, mulberry32(seed));
}

/** Uniform float in [lo, hi). */
export function uniform(rand: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * rand();
}

/** Standard normal sample (Box–Muller). */
export function normal(rand: () => number): number {
  let u = 0;
  while (u === 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
