/**
 * Gathers what the criteria need from a live TfModel (tfjs): per-channel activation statistics over a
 * calibration batch (forward `activation` hook) and accumulated gradients (tf.variableGrads), then
 * turns them into LayerScores with the pure functions of criteria.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeSpec } from '../../model/analyze';
import type { TfModel } from '../../model/tf-model';
import {
  accumulateGradient, accumulateGroupTaylor, accumulateSquaredGradient, accumulateSquaredTaylor, accumulateTaylor,
  activationWeightScores, broadcastUnits, magnitudeScores, obdSaliency, sumPerUnit,
} from './criteria';
import { unitStatistics } from './collect-units';
import type { Batch, Criterion, LayerScores } from './types';

export type { Batch };

/**
 * Per channel (last axis) of every layer's output and of the model input: mean |a| (`stat` 'mean')
 * or the L2 norm over samples and positions ('l2', Wanda's ‖X‖₂).
 */
export function activationMeans(model: TfModel, xs: tf.Tensor, stat: 'mean' | 'l2' = 'mean'): Map<string, Float32Array> {
  const kept = new Map<string, tf.Tensor>();
  const meanAbs = (y: tf.Tensor) => {
    const axes = y.shape.slice(0, -1).map((_, i) => i);
    return stat === 'mean' ? tf.mean(tf.abs(y), axes) : tf.sqrt(tf.sum(tf.square(y), axes));
  };
  const out = model.apply(xs, {
    hooks: {
      activation: (layer, y) => {
        kept.set(layer, tf.keep(tf.tidy(() => meanAbs(y))));
        return y;
      },
    },
  });
  out.dispose();
  const input = tf.tidy(() => meanAbs(xs.reshape([-1, ...model.spec.inputShape])));
  kept.set('input', input);
  const stats = new Map<string, Float32Array>();
  for (const [k, t] of kept) {
    stats.set(k, t.dataSync() as Float32Array);
    t.dispose();
  }
  return stats;
}

export interface GradientSums {
  /** Σ_b |g|, Σ_b |w·g|, Σ_b (w·g)², Σ_b g² per weight; Σ_b (Σ_unit g·w)² per unit. */
  grad: Float32Array;
  taylor: Float32Array;
  taylorSquared: Float32Array;
  squaredGrad: Float32Array;
  group: Float32Array;
}

/** Gradient statistics over batches for the kernels of `layers` (mean cross-entropy on logits). */
export function gradientSums(model: TfModel, layers: string[], batches: Batch[]): Map<string, GradientSums> {
  const vars = layers.map((l) => model.variables.get(l)?.kernel).filter((v): v is tf.Variable => !!v);
  const sums = new Map(vars.map((v): [string, GradientSums] => [v.name, {
    grad: new Float32Array(v.size), taylor: new Float32Array(v.size), taylorSquared: new Float32Array(v.size),
    squaredGrad: new Float32Array(v.size), group: new Float32Array(v.shape.at(-1)!),
  }]));
  const weights = new Map(vars.map((v) => [v.name, v.dataSync() as Float32Array]));
  for (const b of batches) {
    const { value, grads } = tf.variableGrads(() => {
      const logits = model.apply(b.xs, { training: false });
      const onehot = tf.oneHot(b.labels, logits.shape[1]!);
      return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
    }, vars);
    value.dispose();
    for (const v of vars) {
      const g = grads[v.name].dataSync() as Float32Array;
      const s = sums.get(v.name)!;
      accumulateGradient(s.grad, g);
      const w = weights.get(v.name)!;
      accumulateTaylor(s.taylor, w, g);
      accumulateSquaredTaylor(s.taylorSquared, w, g);
      accumulateSquaredGradient(s.squaredGrad, g);
      accumulateGroupTaylor(s.group, w, g);
    }
    tf.dispose(Object.values(grads));
  }
  const byLayer = new Map<string, GradientSums>();
  layers.forEach((l) => {
    const v = model.variables.get(l)?.kernel;
    if (v) byLayer.set(l, sums.get(v.name)!);
  });
  return byLayer;
}

/** Importance scores of each listed layer's kernel under a criterion. */
export function computeScores(model: TfModel, criterion: Criterion, layers: string[], calibration: Batch[]): LayerScores[] {
  const info = analyzeSpec(model.spec);
  const kernels = layers
    .map((name) => ({ name, v: model.variables.get(name)?.kernel, li: info.layers.find((l) => l.name === name) }))
    .filter((k): k is { name: string; v: tf.Variable; li: NonNullable<typeof k.li> } => !!k.v && !!k.li);
  if (criterion === 'magnitude') {
    return kernels.map((k) => ({ layer: k.name, shape: k.v.shape, scores: magnitudeScores(k.v.dataSync() as Float32Array) }));
  }
  if (calibration.length === 0) throw new Error(`the ${criterion} criterion needs calibration data`);
  if (criterion === 'activation') {
    const stats = activationMeans(model, calibration[0].xs);
    const norms = activationMeans(model, calibration[0].xs, 'l2');
    return kernels.map((k) => {
      const inputStats = norms.get(k.li.inputs[0])!;
      return {
        layer: k.name,
        shape: k.v.shape,
        scores: activationWeightScores(k.v.dataSync() as Float32Array, k.v.shape, inputStats),
        unitScores: stats.get(k.name)!,
      };
    });
  }
  if (criterion === 'apoz' || criterion === 'taylor-activation') {
    const stats = unitStatistics(model, kernels.map((k) => k.name), calibration);
    return kernels.map((k) => {
      const st = stats.get(k.name)!;
      const unitScores = criterion === 'apoz' ? st.apozKeep : st.taylor;
      return { layer: k.name, shape: k.v.shape, scores: broadcastUnits(unitScores, k.v.size), unitScores };
    });
  }
  const sums = gradientSums(model, kernels.map((k) => k.name), calibration);
  return kernels.map((k) => {
    const s = sums.get(k.name)!;
    const base = { layer: k.name, shape: k.v.shape };
    switch (criterion) {
      case 'gradient':
        return { ...base, scores: s.grad };
      case 'taylor':
        return { ...base, scores: s.taylor };
      case 'taylor-group':
        return { ...base, scores: s.taylorSquared, unitScores: s.group };
      case 'obd': {
        const scores = obdSaliency(k.v.dataSync() as Float32Array, s.squaredGrad, calibration.length);
        return { ...base, scores, unitScores: sumPerUnit(scores, k.v.shape.at(-1)!) };
      }
    }
  });
}
