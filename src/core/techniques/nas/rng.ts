/**
 * The strategies' view of the shared seeded PRNG (mulberry32 from core/data/random): a few helpers
 * for picking choices. Same seed → same search sequence.
 */
import { mulberry32 as stream } from '../../data/random';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  const next = stream(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
}
