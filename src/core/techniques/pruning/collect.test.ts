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

  it('activation weighs |w| by the input L2 norm (Wanda) and ranks units by mean |output|', () => {
    // ‖x_i‖₂ over the two samples = [√32, √2, 0].
    const s = setup([1, 0.25, 1, 0.25, 1, 0.25]);
    const [sc] = computeScores(s.model, 'activation', ['d'], [s.batch]);
    const r32 = Math.sqrt(32);
    const r2 = Math.sqrt(2);
    [r32, 0.25 * r32, r2, 0.25 * r2, 0, 0].forEach((v, i) => expect(sc.scores[i]).toBeCloseTo(v, 5));
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
    // Group Taylor (Molchanov 2019): per unit the square of the *sum* of w·g over the unit's weights.
    const group = computeScores(s.model, 'taylor-group', ['d'], [s.batch])[0];
    for (const u of [0, 1]) {
      const sum = [0, 1, 2].reduce((a, i) => a + W[i * 2 + u] * g[i * 2 + u], 0);
      expect(group.unitScores![u]).toBeCloseTo(sum * sum, 5);
    }
    g.forEach((gi, k) => expect(group.scores[k]).toBeCloseTo((W[k] * gi) ** 2, 5));
    // OBD with the squared-gradient diagonal: h_kk = g_k² (one batch), saliency h_kk·w_k²/2, unit = sum.
    const obd = computeScores(s.model, 'obd', ['d'], [s.batch])[0];
    g.forEach((gi, k) => expect(obd.scores[k]).toBeCloseTo((gi * gi * W[k] * W[k]) / 2, 6));
    expect(obd.unitScores![0]).toBeCloseTo(obd.scores[0] + obd.scores[2] + obd.scores[4], 6);
    s.dispose();
  });

  it('APoZ and Taylor-activation read the unit after its ReLU, with ∂L/∂a from the tape', () => {
    const reluSpec: ModelSpec = {
      id: 'relu', name: 'relu', inputShape: [2],
      layers: [
        { type: 'dense', name: 'h', units: 2, useBias: false, activation: 'relu' },
        { type: 'dense', name: 'out', units: 2, useBias: false },
      ],
    };
    const model = buildModel(reluSpec, 1);
    // h = relu(x·Wh) with Wh = I: unit 0 is x0, unit 1 is x1. out = h·Wo, Wo = [[1, -1], [2, 0]].
    model.setWeights([
      { layer: 'h', role: 'kernel', shape: [2, 2], data: Float32Array.from([1, 0, 0, 1]) },
      { layer: 'out', role: 'kernel', shape: [2, 2], data: Float32Array.from([1, -1, 2, 0]) },
    ]);
    const xs = tf.tensor2d([[1, -1], [-2, 3], [0.5, 1], [1, -4]]);
    const labels = tf.tensor1d([0, 1, 0, 1], 'int32');
    const apoz = computeScores(model, 'apoz', ['h'], [{ xs, labels }])[0];
    // Unit 0 is zero for samples 2 and 4 → APoZ ½; unit 1 for samples 1 and 4... x1 = -1, -4 → ½ too;
    // sample 2 has x0 = −2 → unit 0 zero there: zeros of unit 0 = {2}, of unit 1 = {1, 4}.
    expect([...apoz.unitScores!]).toEqual([1 - 1 / 4, 1 - 2 / 4]);
    // Θ_u = mean_s |a_su · ∂L/∂a_su| with ∂L/∂a = (1/n)(p − y)·Woᵀ, then divided by ‖Θ‖₂.
    const X = [[1, -1], [-2, 3], [0.5, 1], [1, -4]];
    const Y = [0, 1, 0, 1];
    const theta = [0, 0];
    X.forEach((x, b) => {
      const a = x.map((v) => Math.max(0, v));
      const z = [a[0] * 1 + a[1] * 2, -a[0]];
      const e = z.map((v) => Math.exp(v - Math.max(...z)));
      const p = e.map((v) => v / (e[0] + e[1]));
      const d = [p[0] - (Y[b] === 0 ? 1 : 0), p[1] - (Y[b] === 1 ? 1 : 0)].map((v) => v / 4);
      const ga = [d[0] * 1 + d[1] * -1, d[0] * 2];
      theta[0] += Math.abs(a[0] * ga[0]) / 4;
      theta[1] += Math.abs(a[1] * ga[1]) / 4;
    });
    const norm = Math.hypot(...theta);
    const ta = computeScores(model, 'taylor-activation', ['h'], [{ xs, labels }])[0];
    expect(ta.unitScores![0]).toBeCloseTo(theta[0] / norm, 5);
    expect(ta.unitScores![1]).toBeCloseTo(theta[1] / norm, 5);
    // Unstructured, each weight carries its unit's score.
    expect([...ta.scores]).toEqual([ta.unitScores![0], ta.unitScores![1], ta.unitScores![0], ta.unitScores![1]]);
    model.dispose();
    tf.dispose([xs, labels]);
  });

  it('leaks no tensors', () => {
    const s = setup([1, 2, 3, 4, 5, 6]);
    const before = tf.memory().numTensors;
    for (const c of ['magnitude', 'activation', 'gradient', 'taylor', 'taylor-group', 'taylor-activation', 'apoz', 'obd'] as const) {
      computeScores(s.model, c, ['d'], [s.batch]);
    }
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });
});
