import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../model/spec';
import { nmStorageBytes, sizeLedger } from './ledger';
import { computeMasks, isNmSparse, nmMask } from './masks';

function seeded(n: number, seed: number): Float32Array {
  let a = seed;
  return Float32Array.from({ length: n }, () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  });
}

describe('N:M (2:4) masks', () => {
  it('keep exactly 2 of every 4 consecutive inputs of each unit, the 2 highest', () => {
    // Dense [8 in, 3 units] and conv [3, 3, 4, 2] (reduction 36): every group is full.
    for (const shape of [[8, 3], [3, 3, 4, 2]]) {
      const size = shape.reduce((a, b) => a * b, 1);
      const scores = seeded(size, size);
      const [m] = computeMasks([{ layer: 'l', shape, scores }], {
        granularity: 'nm', scope: 'global', criterion: 'magnitude', target: 0.9, layers: ['l'],
      });
      const units = shape.at(-1)!;
      const reduction = size / units;
      for (let u = 0; u < units; u++) {
        for (let g = 0; g < reduction; g += 4) {
          const idx = [0, 1, 2, 3].map((j) => (g + j) * units + u);
          expect(idx.reduce((a, i) => a + m.mask[i], 0)).toBe(2);
          const kept = idx.filter((i) => m.mask[i]).map((i) => scores[i]);
          const dropped = idx.filter((i) => !m.mask[i]).map((i) => scores[i]);
          expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...dropped));
        }
      }
      expect(isNmSparse(m.mask, shape, 2, 4)).toBe(true);
    }
  });

  it('a short last group keeps min(N, its size); a hand-made case', () => {
    // [5 in, 1 unit]: groups {0..3} and {4}.
    const mask = nmMask(Float32Array.from([0.1, 0.9, 0.5, 0.2, 0.05]), [5, 1], 2, 4);
    expect([...mask]).toEqual([0, 1, 1, 0, 1]);
    expect(isNmSparse(Float32Array.from([1, 1, 1, 0]), [4, 1], 2, 4)).toBe(false);
  });

  it('the ledger stores 2:4 layers as int8 values + 2-bit indices', () => {
    // 16 inputs × 4 units = 64 weights: 32 kept → 32 B values + 32·2 bits = 8 B indices.
    expect(nmStorageBytes([16, 4], 2, 4)).toBe(40);
    const spec: ModelSpec = { id: 's', name: 's', inputShape: [16], layers: [{ type: 'dense', name: 'd', units: 4, useBias: false }] };
    const dense = seeded(64, 3);
    expect(sizeLedger(spec, [{ layer: 'd', role: 'kernel', shape: [16, 4], data: dense }]).nm).toBeNull();
    const mask = nmMask(dense, [16, 4], 2, 4);
    const pruned = dense.map((v, i) => (mask[i] ? v : 0));
    const l = sizeLedger(spec, [{ layer: 'd', role: 'kernel', shape: [16, 4], data: pruned }]);
    // Weights only: + 24 B of quantization parameters per channel (4) + 12 B for the output tensor.
    expect(l.nm).toBe(40 + 24 * 4 + 12);
    expect(l.denseInt8).toBe(64 + 24 * 4 + 12);
  });
});
