import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { clusterModel, fineTuneCentroids, quantizeCodebooks } from './cluster-model';
import { clusterLayer, distinctValues, initCentroids, reconstruct } from './kmeans';
import { clusteredSize, packedLayerBytes } from './size';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

function seeded(n: number, seed: number): Float32Array {
  let a = seed;
  return Float32Array.from({ length: n }, () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32 - 0.5;
  });
}

describe('k-means weight clustering', () => {
  it('initialises linear, density and random centroids as defined', () => {
    const w = Float32Array.from([-1, 0, 0.1, 0.2, 0.3, 3]);
    expect([...initCentroids(w, 3, 'linear')]).toEqual([-1, 1, 3]);
    // Quantiles at (i + ½)/k of the sorted values: positions 1, 3, 5.
    expect([...initCentroids(w, 3, 'density')].map((v) => +v.toFixed(6))).toEqual([0, 0.2, 3]);
    const r = initCentroids(w, 4, 'random', 7);
    expect(r.every((v) => v >= -1 && v <= 3)).toBe(true);
    expect([...initCentroids(w, 4, 'random', 7)]).toEqual([...r]); // seeded
  });

  it('finds two obvious clusters and leaves at most k distinct values', () => {
    const w = Float32Array.from([1, 1.1, 0.9, -2, -2.2, -1.8]);
    const cl = clusterLayer(w, 2, 'linear');
    expect([...cl.centroids].map((c) => +c.toFixed(5))).toEqual([-2, 1]);
    expect([...cl.index]).toEqual([1, 1, 1, 0, 0, 0]);
    for (const k of [2, 16, 256]) {
      for (const init of ['linear', 'density', 'random'] as const) {
        expect(distinctValues(reconstruct(clusterLayer(seeded(3000, k), k, init)))).toBeLessThanOrEqual(k);
      }
    }
    expect(() => clusterLayer(w, 1, 'linear')).toThrow(/2 to 256/);
  });

  it('keeps pruned zeros at exactly zero under their own code', () => {
    const w = Float32Array.from([0, 0.5, 0, 0.6, -0.4, 0]);
    const cl = clusterLayer(w, 2, 'linear');
    const r = reconstruct(cl);
    expect([0, 2, 5].map((i) => r[i])).toEqual([0, 0, 0]);
    expect(cl.index[0]).toBe(2);
    // 6 weights, 3 zeros: bitmask 1 B + 3 indices × 1 bit → 1 B; codebook 2 × fp32.
    expect(packedLayerBytes(cl, false)).toEqual({ codebook: 8, indices: 2 });
    expect(packedLayerBytes(cl, true)).toEqual({ codebook: 6, indices: 2 });
  });

  it('centroid fine-tuning keeps the weights shared and leaks nothing', async () => {
    const spec: ModelSpec = {
      id: 'c', name: 'c', inputShape: [8],
      layers: [{ type: 'dense', name: 'h', units: 6, activation: 'relu' }, { type: 'dense', name: 'out', units: 10 }],
    };
    const model = buildModel(spec, 3);
    const xs = tf.tensor2d(seeded(64 * 8, 5), [64, 8]);
    const labels = tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 10), 'int32');
    const before = tf.memory().numTensors;
    const clusters = clusterModel(model, { layers: ['h', 'out'], clusters: 4, init: 'linear', seed: 1 });
    const kernel0 = model.getWeights().find((w) => w.layer === 'h' && w.role === 'kernel')!.data.slice();
    await fineTuneCentroids({
      model, clusters, train: { xs, labels },
      training: { epochs: 2, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 1, evaluateEachEpoch: false },
    });
    const kernels = model.getWeights().filter((w) => w.role === 'kernel');
    for (const k of kernels) expect(distinctValues(k.data)).toBeLessThanOrEqual(4);
    // The centroids moved (training did something) but the assignment did not change.
    const h = kernels.find((k) => k.layer === 'h')!.data;
    expect(h.some((v, i) => v !== kernel0[i])).toBe(true);
    const cl = clusters.get('h')!;
    h.forEach((v, i) => expect(v).toBe(cl.centroids[cl.index[i]]));
    quantizeCodebooks(model, clusters);
    expect(tf.memory().numTensors).toBe(before);
    const size = await clusteredSize(model.getWeights(), clusters, true);
    expect(size.fp32Dense).toBe(4 * (8 * 6 + 6 + 6 * 10 + 10));
    // h: 48 weights × 2 bits = 12 B, out: 60 × 2 bits = 15 B; codebooks 2 × (4 + 4); biases 16 × 4.
    expect(size.packed).toBe(12 + 15 + 16 + 64);
    model.dispose();
    tf.dispose([xs, labels]);
  });
});
