/**
 * Batch normalisation in training as two wasm kernels (batch-norm.ts; bn.c and the plain-JS
 * fallback) against tfjs's own ops and autodiff on the cpu backend (tf.moments + tf.batchNorm): y,
 * the batch moments, dx, dγ, dβ — for channel counts that are and are not a multiple of 4, images
 * and dense rows, more rows than one summation block — plus a finite-difference check of dx that
 * trusts no backend, no leaks, and which path ran.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setTrainingSimd } from './wasm-kernels';
import { bnSimdCalls } from './wasm-kernels-simd';
import { batchNormTraining, fusedBatchNormReady } from './batch-norm';
import { maxRelErr, randArray as rand } from './kernel-test-utils';

const EPS = 1e-3;
const SHAPES = [[2, 5, 5, 3], [3, 6, 6, 8], [2, 7, 4, 5], [10, 6], [4, 20, 20, 32]];

type Result = { y: Float32Array; mean: Float32Array; variance: Float32Array; dx: Float32Array; dgamma: Float32Array; dbeta: Float32Array };

/** y, moments and the gradients of Σ y·w with the fused kernels (wasm) or tfjs's ops (`reference`). */
function compute(shape: number[], reference: boolean): Result {
  const size = shape.reduce((a, b) => a * b, 1);
  const c = shape[shape.length - 1];
  return tf.tidy(() => {
    // An offset and scale per case, so the moments are not ~0 and ~1 by construction.
    const x = tf.tensor(rand(size, size, 2, 0.5), shape);
    const gamma = tf.tensor1d(rand(c, 2, 1, 1));
    const beta = tf.tensor1d(rand(c, 3));
    const w = tf.tensor(rand(size, 4), shape);
    const axes = shape.slice(0, -1).map((_, i) => i);
    const forward = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      if (!reference) return batchNormTraining(a, g, b, EPS);
      const { mean, variance } = tf.moments(a, axes);
      return { y: tf.batchNorm(a, mean, variance, b, g, EPS), mean, variance };
    };
    const f = forward(x, gamma, beta);
    const [dx, dgamma, dbeta] = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const r = forward(a, g, b);
      if (!reference) tf.dispose([r.mean, r.variance]);
      return r.y.mul(w).sum();
    })([x, gamma, beta]);
    const read = (t: tf.Tensor) => t.dataSync() as Float32Array;
    const out = { y: read(f.y), mean: read(f.mean), variance: read(f.variance), dx: read(dx), dgamma: read(dgamma), dbeta: read(dbeta) };
    // batchNormTraining's moments are kept (the caller's to dispose), tfjs's are the tidy's.
    if (!reference) tf.dispose([f.mean, f.variance]);
    return out;
  });
}


describe('batch normalisation kernels', () => {
  afterAll(() => setTrainingSimd(true));

  for (const simd of [true, false]) {
    for (const shape of SHAPES) {
      it(`${simd ? 'SIMD' : 'plain JS'}, x ${shape.join('x')}: y, moments, dx, dγ, dβ equal tfjs's ops on cpu`, async () => {
        await tf.setBackend('cpu');
        const want = compute(shape, true);
        await tf.setBackend('wasm');
        setTrainingSimd(simd);
        expect(fusedBatchNormReady()).toBe(true);
        const calls = { ...bnSimdCalls };
        const before = tf.memory().numTensors;
        const got = compute(shape, false);
        expect(tf.memory().numTensors).toBe(before);
        // Forward twice (the value, then inside tf.grads), backward once.
        expect(bnSimdCalls.forward - calls.forward).toBe(simd ? 2 : 0);
        expect(bnSimdCalls.backward - calls.backward).toBe(simd ? 1 : 0);
        for (const k of ['y', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'] as const) {
          expect(maxRelErr(got[k], want[k]), k).toBeLessThan(1e-4);
        }
      });
    }
  }

  it('dx (SIMD) agrees with central finite differences of the loss in float64', async () => {
    await tf.setBackend('wasm');
    setTrainingSimd(true);
    const shape = [3, 4, 4, 5];
    const [n, c] = [48, 5];
    const x = rand(n * c, 7, 2, 0.5);
    const gamma = rand(c, 8, 1, 1);
    const beta = rand(c, 9);
    const w = rand(n * c, 10);
    const loss = (xs: Float64Array) => {
      let l = 0;
      for (let j = 0; j < c; j++) {
        let m = 0;
        for (let i = 0; i < n; i++) m += xs[i * c + j];
        m /= n;
        let v = 0;
        for (let i = 0; i < n; i++) v += (xs[i * c + j] - m) ** 2;
        v /= n;
        for (let i = 0; i < n; i++) l += w[i * c + j] * (((xs[i * c + j] - m) * gamma[j]) / Math.sqrt(v + EPS) + beta[j]);
      }
      return l;
    };
    const dx = tf.tidy(() =>
      tf.grad((a: tf.Tensor) => {
        const r = batchNormTraining(a, tf.tensor1d(gamma), tf.tensor1d(beta), EPS);
        tf.dispose([r.mean, r.variance]);
        return r.y.mul(tf.tensor(w, shape)).sum();
      })(tf.tensor(x, shape)).dataSync(),
    );
    const h = 1e-4;
    for (const k of [0, 17, 101, 239]) {
      const plus = Float64Array.from(x);
      const minus = Float64Array.from(x);
      plus[k] += h;
      minus[k] -= h;
      const fd = (loss(plus) - loss(minus)) / (2 * h);
      expect(Math.abs(dx[k] - fd), `element ${k}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(fd)));
    }
  });
});
