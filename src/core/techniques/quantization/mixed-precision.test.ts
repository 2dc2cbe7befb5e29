import { describe, expect, it } from 'vitest';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { planQuantization } from './graph';
import { quantizedModelBytes, quantizeModel, type QuantSettings } from './quantize-model';

const spec: ModelSpec = {
  id: 'mp', name: 'mp', inputShape: [784],
  layers: [{ type: 'dense', name: 'a', units: 16, activation: 'relu' }, { type: 'dense', name: 'b', units: 10 }],
};
const seeded = (n: number, s: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + s) * 0.3);
const weights: WeightSet = [
  { layer: 'a', role: 'kernel', shape: [784, 16], data: seeded(784 * 16, 1) },
  { layer: 'a', role: 'bias', shape: [16], data: seeded(16, 2) },
  { layer: 'b', role: 'kernel', shape: [16, 10], data: seeded(160, 3) },
  { layer: 'b', role: 'bias', shape: [10], data: seeded(10, 4) },
];
const base: QuantSettings = { weightBits: 8, activationBits: 8, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 };

describe('mixed precision per layer', () => {
  it('quantizes each layer at its own bits and sizes the model by hand', () => {
    const ranges = Object.fromEntries(planQuantization(spec).calibrated.map((t) => [t, [-4, 4] as [number, number]]));
    const qm = quantizeModel(spec, weights, ranges, { ...base, layerBits: { a: 2 } });
    expect(qm.layers.get('a')!.weightParams.bits).toBe(2);
    expect(qm.layers.get('b')!.weightParams.bits).toBe(8);
    // 2-bit symmetric: at most 3 distinct levels per channel (−1, 0, 1).
    const q = qm.layers.get('a')!.weightQ;
    expect(Math.max(...q)).toBeLessThanOrEqual(1);
    expect(Math.min(...q)).toBeGreaterThanOrEqual(-1);
    // a: 12,544 × 2 bits = 3,136 B; b: 160 B; biases 26 × 4; kernel + bias scale and zero point 24 B
    // per channel (26); 12 B per op output (2 ops) — the device panel's "weights only".
    expect(quantizedModelBytes(qm)).toBe(3136 + 160 + 4 * 26 + 24 * 26 + 12 * 2);
    const uniform = quantizeModel(spec, weights, ranges, base);
    expect(quantizedModelBytes(uniform)).toBe(12544 + 160 + 4 * 26 + 24 * 26 + 12 * 2);
  });
});
