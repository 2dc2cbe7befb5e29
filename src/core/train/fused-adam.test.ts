/**
 * The fused Adam (one kernel per variable) against tfjs's own AdamOptimizer: the same values and
 * moments, bit for bit, after several steps — on the SIMD module and on the plain-JS fallback, for
 * lengths that are and are not a multiple of 4 — its state saved and restored as tfjs's, no leaks,
 * and tfjs's own path on other backends.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setTrainingSimd } from './wasm-kernels';
import { adamSimdCalls } from './wasm-kernels-simd';
import { FusedAdamOptimizer } from './fused-adam';
import { randArray as rand } from './kernel-test-utils';

const SHAPES = [[7], [3, 5], [4, 4], [33, 10], [3, 3, 2, 5]];


/** tf.variable copies its initial value: made in a tidy so the value is freed. */
const initialVars = () => SHAPES.map((s, i) => tf.tidy(() => tf.variable(tf.tensor(rand(s.reduce((a, b) => a * b, 1), 10 + i), s))));

/** Runs `steps` updates with seeded gradients; returns every variable and moment's values. */
function run(opt: tf.Optimizer, steps: number): Promise<Float32Array[]> {
  const vars = initialVars();
  for (let t = 0; t < steps; t++) {
    tf.tidy(() => {
      // Gradients of varied magnitude, including exact zeros.
      const list = vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(rand(v.size, 100 * t + i, 10 ** (i - 2)), v.shape).relu() }));
      opt.applyGradients(list);
    });
  }
  return (async () => {
    const [iterations, ...moments] = await opt.getWeights();
    iterations.tensor.dispose();
    const state = moments.map((w) => w.tensor.dataSync() as Float32Array);
    const out = [...vars.map((v) => v.dataSync() as Float32Array), ...state];
    tf.dispose(vars);
    opt.dispose();
    return out;
  })();
}

function expectBitEqual(a: Float32Array[], b: Float32Array[]) {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) {
    expect(a[k].length).toBe(b[k].length);
    const bitsA = new Uint32Array(a[k].buffer, a[k].byteOffset, a[k].length);
    const bitsB = new Uint32Array(b[k].buffer, b[k].byteOffset, b[k].length);
    let differ = 0;
    for (let i = 0; i < bitsA.length; i++) if (bitsA[i] !== bitsB[i]) differ++;
    expect(differ, `tensor ${k}: elements that differ`).toBe(0);
  }
}

describe('fused Adam', () => {
  afterAll(() => setTrainingSimd(true));

  for (const simd of [true, false]) {
    it(`on wasm (${simd ? 'SIMD module' : 'plain-JS fallback'}): bit-identical to tfjs's Adam over 6 steps, no leaks`, async () => {
      await tf.setBackend('wasm');
      setTrainingSimd(simd);
      const reference = await run(tf.train.adam(0.01), 6);
      const calls = adamSimdCalls.update;
      const before = tf.memory().numTensors;
      const fused = new FusedAdamOptimizer(0.01);
      const got = await run(fused, 6);
      expect(tf.memory().numTensors).toBe(before);
      expect(fused.fusedSteps).toBe(6);
      expect(adamSimdCalls.update - calls).toBe(simd ? 6 * SHAPES.length : 0);
      expectBitEqual(got, reference);
      // It moved the values (a fused kernel that did nothing would fail here, not only above).
      expect(got[0]).not.toEqual(rand(7, 10));
    });
  }

  it('its state is tfjs\'s: saved after 3 fused steps and loaded into tfjs\'s Adam, 3 more steps agree', async () => {
    await tf.setBackend('wasm');
    const straight = await run(tf.train.adam(0.01), 6);
    const vars = initialVars();
    const step = (opt: tf.Optimizer, t: number) =>
      tf.tidy(() => opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(rand(v.size, 100 * t + i, 10 ** (i - 2)), v.shape).relu() }))));
    const fused = new FusedAdamOptimizer(0.01);
    for (let t = 0; t < 3; t++) step(fused, t);
    const saved = await fused.getWeights();
    const plain = tf.train.adam(0.01);
    // setWeights takes ownership of the tensors it is given: hand it copies.
    const copies = saved.map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
    saved[0].tensor.dispose(); // the iteration count, made by getWeights
    await plain.setWeights(copies);
    fused.dispose();
    for (let t = 3; t < 6; t++) step(plain, t);
    const got = vars.map((v) => v.dataSync() as Float32Array);
    expectBitEqual(got, straight.slice(0, SHAPES.length));
    tf.dispose(vars);
    plain.dispose();
  });

  it('on the cpu backend it is tfjs\'s Adam (no fused step)', async () => {
    await tf.setBackend('cpu');
    const reference = await run(tf.train.adam(0.01), 3);
    const fused = new FusedAdamOptimizer(0.01);
    const got = await run(fused, 3);
    expect(fused.fusedSteps).toBe(0);
    expectBitEqual(got, reference);
    await tf.setBackend('wasm');
  });
});
