import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { applyBiasAdjustment, findBestBias, outputBias, shiftedScore } from './bias-adjust';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('bias adjustment for the left-out digit', () => {
  it('never changes the other digits\' logits, shifts the left-out one by exactly δ, and leaks nothing', () => {
    const spec: ModelSpec = { id: 'b', name: 'b', inputShape: [5], layers: [{ type: 'dense', name: 'h', units: 4, activation: 'relu' }, { type: 'dense', name: 'logits', units: 10 }] };
    const model = buildModel(spec, 2);
    const xs = tf.randomNormal([7, 5], 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    const original = outputBias(model).dataSync().slice() as Float32Array;
    const z0 = tf.tidy(() => model.apply(xs).arraySync() as number[][]);
    applyBiasAdjustment(model, original, 3, 2.5);
    applyBiasAdjustment(model, original, 3, 2.5); // idempotent: relative to the original bias
    const z1 = tf.tidy(() => model.apply(xs).arraySync() as number[][]);
    z0.forEach((row, i) => row.forEach((v, c) => (c === 3 ? expect(z1[i][c]).toBeCloseTo(v + 2.5, 5) : expect(z1[i][c]).toBe(v))));
    applyBiasAdjustment(model, original, 3, 0);
    expect([...outputBias(model).dataSync()]).toEqual([...original]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    xs.dispose();
  });

  it('scores shifted logits and finds the δ of a hand-made case', () => {
    // 3 classes; digit 2 never wins unshifted. Sample labels: [2, 2, 0, 1].
    const logits = Float32Array.from([
      1, 0, 0.5, // a 2 that needs δ > 0.5
      0, 1, 0.25, // a 2 that needs δ > 0.75
      2, 0, 0, //   a 0 that a δ > 2 would steal
      0, 3, 0, //   a 1 that a δ > 3 would steal
    ]);
    const labels = [2, 2, 0, 1];
    expect(shiftedScore(logits, labels, 3, 2, 0)).toEqual({ bias: 0, accuracy: 0.5, digitCorrect: 0, digitTotal: 2 });
    expect(shiftedScore(logits, labels, 3, 2, 1).accuracy).toBe(1);
    expect(shiftedScore(logits, labels, 3, 2, 2.5)).toMatchObject({ accuracy: 0.75, digitCorrect: 2 });
    const { best, curve } = findBestBias(logits, labels, 3, 2, { from: 0, to: 5, step: 0.1 });
    expect(best.bias).toBe(0.8); // the smallest δ that gets all four right
    expect(best.accuracy).toBe(1);
    expect(curve).toHaveLength(51);
  });
});
