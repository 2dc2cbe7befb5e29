import { describe, expect, it } from 'vitest';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { gzipSize, int8Kernels, sizeLedger, sizeLedgerWithGzip } from './ledger';

const spec: ModelSpec = {
  id: 'l',
  name: 'l',
  inputShape: [100],
  layers: [{ type: 'dense', name: 'd', units: 50 }],
};
const weights = (zeros: number): WeightSet => {
  let a = 12345;
  // Pseudo-random non-zero values (like trained weights, they barely compress).
  const k = Float32Array.from({ length: 5000 }, (_, i) => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return i < zeros ? 0 : 0.5 + a / 2 ** 32;
  });
  return [
    { layer: 'd', role: 'kernel', shape: [100, 50], data: k },
    { layer: 'd', role: 'bias', shape: [50], data: new Float32Array(50) },
  ];
};

describe('size ledger', () => {
  it('dense sizes ignore zeros; sparse formats shrink with sparsity past break-even', () => {
    const dense = sizeLedger(spec, weights(0));
    const sparse = sizeLedger(spec, weights(4500));
    expect(dense.params).toBe(5050);
    expect(dense.denseFp32).toBe(4 * 5050);
    // int8 weights only: kernel + int32 biases + 24 B of quantization parameters per channel + 12 B for the output.
    const quant = 24 * 50 + 12;
    expect(dense.denseInt8).toBe(5000 + 200 + quant);
    expect(sparse.denseFp32).toBe(dense.denseFp32);
    expect(sparse.denseInt8).toBe(dense.denseInt8);
    expect(sparse.nonZeroParams).toBe(550);
    expect(sparse.macs).toBe(dense.macs);
    expect(sparse.nonZeroMacs).toBe(500);
    // 90 % zeros: bitmask = 625 B of bits + 500 B of values; dense int8 is 5000 B.
    expect(sparse.bitmask).toBe(625 + 500 + 200 + quant);
    expect(sparse.bitmask).toBeLessThan(sparse.denseInt8);
    expect(dense.bitmask).toBeGreaterThan(dense.denseInt8);
    expect(sparse.csr).toBeLessThan(sparse.denseInt8);
  });

  it('int8 image keeps zeros at zero and maps the largest weight to ±127', () => {
    const q = int8Kernels(weights(10));
    expect(q.slice(0, 10).every((v) => v === 0)).toBe(true);
    expect(Math.max(...q)).toBe(127);
  });

  it('gzip measures real compression: mostly-zero kernels compress far better', async () => {
    const a = await sizeLedgerWithGzip(spec, weights(0));
    const b = await sizeLedgerWithGzip(spec, weights(4500));
    expect(a.gzip).toBeGreaterThan(0);
    // The kernels' share (the rest — biases, quantization parameters — is counted uncompressed).
    const kernels = (l: typeof a) => l.gzip! - (l.denseInt8 - 5000);
    expect(kernels(b)).toBeLessThan(kernels(a) / 3);
    expect(await gzipSize(new Uint8Array(10000))).toBeLessThan(100);
  });
});
