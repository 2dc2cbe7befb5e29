/**
 * Adam with one kernel per variable on the wasm backend. tfjs's AdamOptimizer runs 13 kernels per
 * variable and step (the moments, bias corrections, sqrt, divide, update — each allocating its
 * result); on small models that dispatch is most of the optimizer's cost (Node, wasm, batch 64:
 * Adam added 1.15 ms to the MLP's 3.9 ms SGD step). Here one pass over the heap reads the value,
 * gradient and both moments and writes the three new ones (`TinymlAdam`, registered by
 * wasm-kernels.ts; src/core/simd/adam.c, bit-identical to tfjs's Adam). Same state (moments,
 * accBeta1 / accBeta2, iterations) as tfjs's Adam, so getWeights / setWeights / dispose are its
 * own; on other backends it is tfjs's Adam.
 *
 * Per element, with t the step and ĉ₁ = 1 − β₁ᵗ, ĉ₂ = 1 − β₂ᵗ (Kingma & Ba 2015, as tfjs computes it):
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   θ ← θ − η · (m / ĉ₁) / (√(v / ĉ₂) + ε)
 */
import * as tf from '@tensorflow/tfjs';

import type { KernelArgs, TensorInfo } from './wasm-kernels-loops';

export const ADAM_KERNEL = 'TinymlAdam';

export type AdamAttrs = { lr: number; beta1: number; beta2: number; epsilon: number; c1: number; c2: number };

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

/**
 * The kernel's plain-JS body (wasm-kernels.ts runs the SIMD module, src/core/simd/adam.c, where there
 * is one): inputs x (value), g, m, v (float32, one shape); outputs [x, m, v]. Every step rounded to
 * float32 in tfjs's order, so it is bit-identical to tfjs's Adam too.
 */
export function adamLoop({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const { x, g, m, v } = inputs;
  const be = backend as WasmBackendLike;
  const ox = be.makeOutput(x.shape, 'float32');
  const om = be.makeOutput(x.shape, 'float32');
  const ov = be.makeOutput(x.shape, 'float32');
  // Views only after the last allocation: malloc may grow (and move) the wasm heap.
  const xv = be.typedArrayFromHeap(x);
  const gv = be.typedArrayFromHeap(g);
  const mv = be.typedArrayFromHeap(m);
  const vv = be.typedArrayFromHeap(v);
  const xo = be.typedArrayFromHeap(ox);
  const mo = be.typedArrayFromHeap(om);
  const vo = be.typedArrayFromHeap(ov);
  const f = Math.fround;
  const [b1, a1, b2, a2, c1, c2, eps, neglr] = adamScalars(attrs as AdamAttrs).map(f);
  for (let i = 0; i < xv.length; i++) {
    const gi = gv[i];
    const mi = f(f(mv[i] * b1) + f(gi * a1));
    const vi = f(f(vv[i] * b2) + f(f(gi * gi) * a2));
    mo[i] = mi;
    vo[i] = vi;
    xo[i] = f(f(f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps)) * neglr) + xv[i]);
  }
  return [ox, om, ov];
}

/** β₁, 1 − β₁, β₂, 1 − β₂, c₁, c₂, ε, −η: the scalars tfjs's Adam makes float32 tensors of. */
export function adamScalars(a: AdamAttrs): number[] {
  return [a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.c1, a.c2, a.epsilon, -a.lr];
}

type AdamState = {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
};

export class FusedAdamOptimizer extends tf.AdamOptimizer {
  /** Steps that took the fused kernel (tests check which path ran). */
  fusedSteps = 0;

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
  }

  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (tf.getBackend() !== 'wasm' || !tf.getKernel(ADAM_KERNEL, 'wasm')) {
      super.applyGradients(variableGradients);
      return;
    }
    const s = this as unknown as AdamState;
    const list = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor] as const)
      : Object.keys(variableGradients).map((name) => [name, variableGradients[name]] as const);
    // accBeta holds βᵗ for this step t (tfjs starts it at β, multiplies after each step), in float32.
    const c1 = 1 - s.accBeta1.dataSync()[0];
    const c2 = 1 - s.accBeta2.dataSync()[0];
    const attrs: AdamAttrs = { lr: s.learningRate, beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon, c1, c2 };
    tf.tidy(() => {
      list.forEach(([name, gradient], i) => {
        const value = tf.engine().registeredVariables[name];
        if (s.accumulatedFirstMoment[i] == null) {
          s.accumulatedFirstMoment[i] = { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        }
        if (s.accumulatedSecondMoment[i] == null) {
          s.accumulatedSecondMoment[i] = { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        }
        if (gradient == null) return;
        const m = s.accumulatedFirstMoment[i].variable;
        const v = s.accumulatedSecondMoment[i].variable;
        if (value.dtype !== 'float32' || gradient.dtype !== 'float32') throw new Error(`Adam: ${name} is not float32`);
        const [x1, m1, v1] = tf.engine().runKernel(ADAM_KERNEL, { x: value, g: gradient, m, v }, attrs as never) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(x1);
      });
      s.accBeta1.assign(tf.mul(s.accBeta1, s.beta1));
      s.accBeta2.assign(tf.mul(s.accBeta2, s.beta2));
    });
    this.incrementIterations();
    this.fusedSteps++;
  }
}
