import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { computeScores } from './collect';
import { argsortAscending, computeMasks } from './masks';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const spec: ModelSpec = {
  id: 'tiny',
  name: 'tiny',
  inputShape: [3],
  layers: [{ type: 'dense', name: 'd', units: 2, useBias: false }],
};

/** One model with a hand-made kernel W (3 inputs × 2 units) and a hand-made batch. */
function setup(kernel: number[]) {
  const model = buildModel(spec, 1);
  model.setWeights([{ layer: 'd', role: 'kernel', shape: [3, 2], data: Float32Array.from(kernel) }]);
  const xs = tf.tensor2d([[4, 1, 0], [-4, 1, 0]]);
  const labels = tf.tensor1d([0, 1], 'int32');
  return { model, batch: { xs, labels }, dispose: () => (model.dispose(), tf.dispose([xs, labels])) };
}

describe('criteria on hand-made tensors', () => {
  it('magnitude ranks by |w|', () => {
    const s = setup([0.5, -3, 0.1, 2, -1, 0.2]);
    const [scores] = computeScores(s.model, 'magnitude', ['d'], []);
    expect([...argsortAscending(scores.scores)]).toEqual([2, 5, 0, 4, 3, 1]);
    s.dispose();
  });

  it('activation weighs |w| by the mean |input| and ranks units by mean |output|', () => {
    // mean|x| = [4, 1, 0]; outputs: unit 0 = 4·1 + 1·1 = ±…, unit 1 smaller.
    const s = setup([1, 0.25, 1, 0.25, 1, 0.25]);
    const [sc] = computeScores(s.model, 'activation', ['d'], [s.batch]);
    expect([...sc.scores]).toEqual([4, 1, 1, 0.25, 0, 0]);
    // a = x·W: sample 1 → [5, 1.25], sample 2 → [-3, -0.75]; mean |a| = [4, 1].
    expect([...sc.unitScores!]).toEqual([4, 1]);
    const m = computeMasks([sc], { granularity: 'structured', scope: 'local', criterion: 'activation', target: 0.5, layers: ['d'] });
    expect([...m[0].units!]).toEqual([1, 0]);
    s.dispose();
  });

  it('gradient is Σ|∂L/∂w| and Taylor Σ|w·∂L/∂w|, matching the analytic gradient', () => {
    const W = [0.5, -0.5, 0.2, 0.1, 3, -2];
    const s = setup(W);
    const grad = computeScores(s.model, 'gradient', ['d'], [s.batch, s.batch])[0].scores;
    const taylor = computeScores(s.model, 'taylor', ['d'], [s.batch])[0].scores;
    // Mean cross-entropy over the batch: ∂L/∂W_ij = (1/n) Σ_b x_bi (p_bj − y_bj).
    const X = [[4, 1, 0], [-4, 1, 0]];
    const Y = [[1, 0], [0, 1]];
    const g = new Array(6).fill(0);
    X.forEach((x, b) => {
      const z = [0, 1].map((j) => x.reduce((a, xi, i) => a + xi * W[i * 2 + j], 0));
      const e = z.map((v) => Math.exp(v - Math.max(...z)));
      const p = e.map((v) => v / (e[0] + e[1]));
      for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) g[i * 2 + j] += (x[i] * (p[j] - Y[b][j])) / 2;
    });
    g.forEach((gi, k) => {
      expect(grad[k]).toBeCloseTo(2 * Math.abs(gi), 5); // two batches accumulated
      expect(taylor[k]).toBeCloseTo(Math.abs(W[k] * gi), 5);
    });
    // Input 2 is always 0: its weights get no gradient and are the first to go under both criteria.
    expect(grad[4]).toBe(0);
    expect(new Set([...argsortAscending(taylor)].slice(0, 2))).toEqual(new Set([4, 5]));
    s.dispose();
  });

  it('leaks no tensors', () => {
    const s = setup([1, 2, 3, 4, 5, 6]);
    const before = tf.memory().numTensors;
    for (const c of ['magnitude', 'activation', 'gradient', 'taylor'] as const) computeScores(s.model, c, ['d'], [s.batch]);
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });
});
