/** Shared by the kernel tests (wasm-kernels, batch-norm, fused-adam): seeded data and the error measure. */
import { expect } from 'vitest';
import { mulberry32 } from '../data/random';

/** n seeded values, uniform in [offset − scale, offset + scale). */
export function randArray(n: number, seed: number, scale = 1, offset = 0): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (r() * 2 - 1) * scale + offset);
}

/** The largest absolute difference, relative to the reference's largest magnitude. */
export function maxRelErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let scale = 1e-6;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let err = 0;
  for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - b[i]));
  return err / scale;
}
