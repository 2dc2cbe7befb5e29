import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { synflowScore } from './zero-cost';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('synflow', () => {
  it('equals the hand-computed flow of a tiny two-layer net', () => {
    // 2 -> 2 (relu) -> 1. With |W1|, |b1|, |w2|, |b2| and ones input:
    // h_j = |W1_0j| + |W1_1j| + |b1_j|; R = Σ_j |w2_j| h_j + |b2|.
    // S = Σ θ ∂R/∂θ = Σ_ij |W1_ij||w2_j| + Σ_j |b1_j||w2_j| + Σ_j |w2_j| h_j + |b2| = 2 (R - |b2|) + |b2|.
    const spec: ModelSpec = {
      id: 't',
      name: 't',
      inputShape: [2],
      layers: [
        { type: 'dense', name: 'a', units: 2, activation: 'relu' },
        { type: 'dense', name: 'b', units: 1 },
      ],
    };
    const m = buildModel(spec, 1);
    const W1 = [0.5, -1, 2, 0.25];
    const b1 = [-0.1, 0.3];
    const w2 = [-1.5, 0.75];
    const b2 = [0.2];
    m.setWeights([
      { layer: 'a', role: 'kernel', shape: [2, 2], data: Float32Array.from(W1) },
      { layer: 'a', role: 'bias', shape: [2], data: Float32Array.from(b1) },
      { layer: 'b', role: 'kernel', shape: [2, 1], data: Float32Array.from(w2) },
      { layer: 'b', role: 'bias', shape: [1], data: Float32Array.from(b2) },
    ]);
    const h = [0, 1].map((j) => Math.abs(W1[j]) + Math.abs(W1[2 + j]) + Math.abs(b1[j]));
    const R = Math.abs(w2[0]) * h[0] + Math.abs(w2[1]) * h[1] + Math.abs(b2[0]);
    const expected = 2 * (R - Math.abs(b2[0])) + Math.abs(b2[0]);
    expect(Math.exp(synflowScore(m))).toBeCloseTo(expected, 4);
    m.dispose();
  });

  it('grows with width, is seeded, and leaks no tensors', () => {
    const mlp = (units: number): ModelSpec => ({
      id: `w${units}`,
      name: 'w',
      inputShape: [28, 28, 1],
      layers: [
        { type: 'flatten', name: 'f' },
        { type: 'dense', name: 'fc', units, activation: 'relu' },
        { type: 'dense', name: 'out', units: 10 },
      ],
    });
    const score = (units: number, seed: number) => {
      const m = buildModel(mlp(units), seed);
      // Leak check around the score itself (building/disposing models is the builder's business).
      const before = tf.memory().numTensors;
      const s = synflowScore(m);
      expect(tf.memory().numTensors).toBe(before);
      m.dispose();
      return s;
    };
    const narrow = score(8, 3);
    expect(Number.isFinite(narrow)).toBe(true);
    expect(score(8, 3)).toBe(narrow);
    expect(score(64, 3)).toBeGreaterThan(narrow);
  });
});
