/**
 * Batch normalisation in training as two kernels on the wasm backend: `TinymlBatchNorm` (the batch
 * moments and y = (x − mean)·γ/√(var + ε) + β in one call) and `TinymlBatchNormGrad` (dx through the
 * moments, dγ, dβ in one call), joined by tf.customGrad. Written with tfjs ops, the same layer runs
 * about 20 full-size broadcast kernels per step (moments, scale, shift and their gradients: ≈ 14 ms
 * of the teacher CNN's ≈ 70 ms step, Node, wasm, batch 64). The kernels are registered by
 * wasm-kernels.ts (src/core/simd/bn.c where there is SIMD, the loops below elsewhere); build.ts
 * takes this path on wasm and keeps the tfjs-op formulation on the other backends.
 *
 * With m = x − mean, s = 1/√(var + ε), N rows (batch · height · width):
 *   dβ = Σ dy,   dγ = s·Σ dy·m,   dx = γs·(dy − dβ/N − m·s²·Σ dy·m / N)
 */
import * as tf from '@tensorflow/tfjs';

import type { KernelArgs, TensorInfo } from './wasm-kernels-loops';

export const BN_KERNEL = 'TinymlBatchNorm';
export const BN_GRAD_KERNEL = 'TinymlBatchNormGrad';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

/** Rows and channels of x seen as [n, c] (c the last axis). */
export function rowsOf(shape: number[]): [number, number] {
  const c = shape[shape.length - 1];
  return [shape.reduce((p, q) => p * q, 1) / c, c];
}

/** Plain-JS forward (no SIMD): inputs x, gamma, beta; outputs [y, mean, variance]. */
export function batchNormLoop({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const { x, gamma, beta } = inputs;
  const eps = (attrs as { epsilon: number }).epsilon;
  const be = backend as WasmBackendLike;
  const [n, c] = rowsOf(x.shape);
  const outs = [be.makeOutput(x.shape, 'float32'), be.makeOutput([c], 'float32'), be.makeOutput([c], 'float32')];
  const [y, mean, variance] = outs.map((t) => be.typedArrayFromHeap(t));
  const xv = be.typedArrayFromHeap(x);
  const g = be.typedArrayFromHeap(gamma);
  const b = be.typedArrayFromHeap(beta);
  const s1 = new Float64Array(c);
  const s2 = new Float64Array(c);
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) s1[j] += xv[i * c + j];
  for (let j = 0; j < c; j++) mean[j] = s1[j] / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      const d = xv[i * c + j] - mean[j];
      s2[j] += d * d;
    }
  }
  const scale = new Float64Array(c);
  for (let j = 0; j < c; j++) {
    variance[j] = s2[j] / n;
    scale[j] = g[j] / Math.sqrt(variance[j] + eps);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) y[i * c + j] = (xv[i * c + j] - mean[j]) * scale[j] + b[j];
  return outs;
}

/** Plain-JS backward (no SIMD): inputs x, dy, gamma, mean, variance; outputs [dx, dgamma, dbeta]. */
export function batchNormGradLoop({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const { x, dy, gamma, mean, variance } = inputs;
  const eps = (attrs as { epsilon: number }).epsilon;
  const be = backend as WasmBackendLike;
  const [n, c] = rowsOf(x.shape);
  const outs = [be.makeOutput(x.shape, 'float32'), be.makeOutput([c], 'float32'), be.makeOutput([c], 'float32')];
  const [dx, dgamma, dbeta] = outs.map((t) => be.typedArrayFromHeap(t));
  const [xv, dyv, g, mv, vv] = [x, dy, gamma, mean, variance].map((t) => be.typedArrayFromHeap(t));
  const sdy = new Float64Array(c);
  const sdym = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      const d = dyv[i * c + j];
      sdy[j] += d;
      sdym[j] += d * (xv[i * c + j] - mv[j]);
    }
  }
  const k1 = new Float64Array(c);
  const k2 = new Float64Array(c);
  const k3 = new Float64Array(c);
  for (let j = 0; j < c; j++) {
    const s = 1 / Math.sqrt(vv[j] + eps);
    k1[j] = g[j] * s;
    k2[j] = (-k1[j] * s * s * sdym[j]) / n;
    k3[j] = (-k1[j] * sdy[j]) / n;
    dbeta[j] = sdy[j];
    dgamma[j] = sdym[j] * s;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      const k = i * c + j;
      dx[k] = dyv[k] * k1[j] + (xv[k] - mv[j]) * k2[j] + k3[j];
    }
  }
  return outs;
}

/** Whether build.ts can take the kernels: the wasm backend with them registered (wasm-kernels.ts). */
export function fusedBatchNormReady(): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(BN_KERNEL, 'wasm') != null;
}

/**
 * Batch normalisation of x over every axis but the last, in training: y, and the batch mean and
 * (biased) variance for the moving statistics — those two are the caller's to dispose and carry no
 * gradient (y's gradient already runs through them).
 */
export function batchNormTraining(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): { y: tf.Tensor; mean: tf.Tensor; variance: tf.Tensor } {
  let mean: tf.Tensor | null = null;
  let variance: tf.Tensor | null = null;
  const attrs = { epsilon };
  const op = tf.customGrad((xIn, gIn, bIn, save) => {
    const [y, m, v] = tf.engine().runKernel(BN_KERNEL, { x: xIn as tf.Tensor, gamma: gIn as tf.Tensor, beta: bIn as tf.Tensor }, attrs as never) as tf.Tensor[];
    (save as tf.GradSaveFunc)([xIn as tf.Tensor, gIn as tf.Tensor, m, v]);
    mean = tf.keep(m);
    variance = tf.keep(v);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xs, gs, ms, vs] = saved;
        return tf.engine().runKernel(BN_GRAD_KERNEL, { x: xs, dy: dy as tf.Tensor, gamma: gs, mean: ms, variance: vs }, attrs as never) as tf.Tensor[];
      },
    };
  });
  const y = op(x, gamma, beta) as tf.Tensor;
  return { y, mean: mean!, variance: variance! };
}
