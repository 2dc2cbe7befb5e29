/**
 * Fake quantization in tfjs: x̂ = s · (clamp(round(x/s) + z, qmin, qmax) − z), computed in float so a
 * normal tfjs model "sees" exactly the values an integer model would, and trainable with the
 * straight-through estimator (Bengio et al., 2013; Jacob et al., 2018): the gradient of round() is
 * taken as 1, so ∂x̂/∂x = 1 inside the clipping range and 0 outside it.
 *
 * Rounding is half away from zero, like the integer path (tf.round would round half to even).
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardHooks } from '../../model/tf-model';
import type { Granularity, Scheme } from './affine';
import { intRange } from './affine';
import type { QuantizedModel } from './quantize-model';
import type { QuantPlan } from './graph';
import { paramsSource } from './graph';

type Num = tf.Tensor | number;

function roundHalfAway(v: tf.Tensor): tf.Tensor {
  return tf.mul(tf.sign(v), tf.floor(tf.add(tf.abs(v), 0.5)));
}

/**
 * Fake-quantizes x with scale and zero point (numbers, or tensors broadcast along the last axis).
 * Gradient (STE): dy where s(qmin−z) ≤ x ≤ s(qmax−z), else 0; none flows into scale or zero point.
 */
export function fakeQuant(x: tf.Tensor, scale: Num, zeroPoint: Num, qmin: number, qmax: number): tf.Tensor {
  const s = typeof scale === 'number' ? tf.scalar(scale) : scale;
  const z = typeof zeroPoint === 'number' ? tf.scalar(zeroPoint) : zeroPoint;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, si, zi] = args as tf.Tensor[];
    const save = args[3] as tf.GradSaveFunc;
    const q = tf.clipByValue(tf.add(roundHalfAway(tf.div(xi, si)), zi), qmin, qmax);
    const value = tf.mul(tf.sub(q, zi), si);
    const lo = tf.mul(tf.sub(qmin, zi), si);
    const hi = tf.mul(tf.sub(qmax, zi), si);
    save([tf.logicalAnd(tf.greaterEqual(xi, lo), tf.lessEqual(xi, hi)).cast('float32'), si, zi]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(dy, saved[0]), tf.zerosLike(saved[1]), tf.zerosLike(saved[2])],
    };
  });
  const out = op(x, s, z);
  if (typeof scale === 'number') s.dispose();
  if (typeof zeroPoint === 'number') z.dispose();
  return out;
}

/** Scale and zero point tensors from range tensors lo ≤ 0 ≤ hi (same rules as affine.paramsForRange). */
function paramsFromRange(lo: tf.Tensor, hi: tf.Tensor, qmin: number, qmax: number, scheme: Scheme): [tf.Tensor, tf.Tensor] {
  const l = tf.minimum(lo, 0);
  const h = tf.maximum(hi, 0);
  if (scheme === 'symmetric') {
    const a = tf.maximum(tf.neg(l), h);
    return [tf.maximum(tf.div(a, qmax), 1e-12), tf.zerosLike(a)];
  }
  const s = tf.maximum(tf.div(tf.sub(h, l), qmax - qmin), 1e-12);
  const z = tf.clipByValue(roundHalfAway(tf.sub(qmin, tf.div(l, s))), qmin, qmax);
  return [s, z];
}

/**
 * Fake-quantizes a weight kernel from its own current min/max (per output channel = trailing axes, or
 * per tensor), as QAT does at every step. Symmetric weights use the narrow range.
 */
export function fakeQuantWeight(w: tf.Tensor, channels: number, bits: number, scheme: Scheme, granularity: Granularity): tf.Tensor {
  return tf.tidy(() => {
    const [qmin, qmax] = intRange(bits, scheme === 'symmetric');
    const w2 = tf.reshape(w, [-1, channels]);
    const perChannel = granularity === 'per-channel';
    const lo = perChannel ? tf.min(w2, 0) : tf.min(w2);
    const hi = perChannel ? tf.max(w2, 0) : tf.max(w2);
    const [s, z] = paramsFromRange(lo, hi, qmin, qmax, scheme);
    return tf.reshape(fakeQuant(w2, s, z, qmin, qmax), w.shape);
  });
}

/** Evaluation hooks for a converted model: fake-quant every activation at the plan's quant points. */
export function activationHooks(qm: QuantizedModel): ForwardHooks {
  const points = new Map<string, { s: number; z: number; qmin: number; qmax: number }>();
  for (const [name, t] of qm.plan.tensors) {
    if (!t.fakeQuant) continue;
    const p = qm.tensors.get(name)!;
    points.set(name, { s: p.scale[0], z: p.zeroPoint[0], qmin: p.qmin, qmax: p.qmax });
  }
  return {
    activation: (layer, y) => {
      const p = points.get(layer);
      return p ? fakeQuant(y, p.s, p.z, p.qmin, p.qmax) : y;
    },
  };
}

/** tf.variable keeps its initial tensor alive as a separate tensor; dispose that one. */
function scalarVariable(v: number): tf.Variable {
  const t = tf.scalar(v);
  const out = tf.variable(t, false);
  t.dispose();
  return out;
}

export interface QatSettings {
  weightBits: number;
  /** Mixed precision: weight bits of named layers, as in PTQ ("Bits per layer"). */
  layerBits?: Record<string, number>;
  activationBits: number;
  scheme: Scheme;
  /** Activations' scheme when it differs from the weights' (16x8: symmetric). Default `scheme`. */
  activationScheme?: Scheme;
  granularity: Granularity;
  /** EMA momentum of the activation ranges (default 0.99). */
  momentum?: number;
}

export interface QatHooks {
  /** For training: updates the activation range EMAs from each batch. */
  train: ForwardHooks;
  /** For evaluation during QAT: same fake quantization, ranges frozen. */
  eval: ForwardHooks;
  /** Current activation ranges (to convert the QAT model afterwards). */
  ranges(): Record<string, [number, number]>;
  dispose(): void;
}

/**
 * Quantization-aware training hooks: weights fake-quantized from their live min/max, activations
 * fake-quantized with ranges tracked as exponential moving averages of the batch min/max, starting from
 * the calibrated ranges. Gradients pass straight through the rounding.
 */
export function qatHooks(plan: QuantPlan, channelsOf: Map<string, number>, initial: Record<string, [number, number]>, o: QatSettings): QatHooks {
  const m = o.momentum ?? 0.99;
  const [aqmin, aqmax] = intRange(o.activationBits, false);
  const ema = new Map<string, { lo: tf.Variable; hi: tf.Variable }>();
  for (const name of plan.calibrated) {
    const r = initial[name] ?? [0, 1];
    ema.set(name, { lo: scalarVariable(r[0]), hi: scalarVariable(r[1]) });
  }
  const weight: ForwardHooks['weight'] = (layer, role, w) => {
    const c = channelsOf.get(layer);
    return role === 'kernel' && c ? fakeQuantWeight(w, c, o.layerBits?.[layer] ?? o.weightBits, o.scheme, o.granularity) : w;
  };
  const activation = (update: boolean): ForwardHooks['activation'] => (layer, y) => {
    const t = plan.tensors.get(layer);
    if (!t?.fakeQuant) return y;
    const src = ema.get(paramsSource(plan, layer));
    if (!src) return y;
    if (update && t.params === 'calibrated') {
      src.lo.assign(tf.tidy(() => tf.add(tf.mul(src.lo, m), tf.mul(tf.min(y), 1 - m))));
      src.hi.assign(tf.tidy(() => tf.add(tf.mul(src.hi, m), tf.mul(tf.max(y), 1 - m))));
    }
    const [s, z] = paramsFromRange(src.lo, src.hi, aqmin, aqmax, o.activationScheme ?? o.scheme);
    return fakeQuant(y, s, z, aqmin, aqmax);
  };
  return {
    train: { weight, activation: activation(true) },
    eval: { weight, activation: activation(false) },
    ranges() {
      const out: Record<string, [number, number]> = {};
      for (const [name, v] of ema) out[name] = [v.lo.dataSync()[0], v.hi.dataSync()[0]];
      return out;
    },
    dispose() {
      for (const v of ema.values()) tf.dispose([v.lo, v.hi]);
      ema.clear();
    },
  };
}
