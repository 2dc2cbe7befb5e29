/**
 * Gathers what the criteria need from a live TfModel (tfjs): per-channel activation statistics over a
 * calibration batch (forward `activation` hook) and accumulated gradients (tf.variableGrads), then
 * turns them into LayerScores with the pure functions of criteria.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeSpec } from '../../model/analyze';
import type { TfModel } from '../../model/tf-model';
import { accumulateGradient, accumulateTaylor, activationWeightScores, magnitudeScores } from './criteria';
import type { Criterion, LayerScores } from './types';

export interface Batch {
  xs: tf.Tensor;
  /** int32 class labels [n]. */
  labels: tf.Tensor1D;
}

/** Mean |a| per channel (last axis) of every layer's output and of the model input. */
export function activationMeans(model: TfModel, xs: tf.Tensor): Map<string, Float32Array> {
  const kept = new Map<string, tf.Tensor>();
  const meanAbs = (y: tf.Tensor) => tf.mean(tf.abs(y), y.shape.slice(0, -1).map((_, i) => i));
  const out = model.apply(xs, {
    hooks: {
      activation: (layer, y) => {
        kept.set(layer, tf.keep(meanAbs(y)));
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

/** Σ over batches of |∂L/∂W| and |W · ∂L/∂W| for the kernels of `layers` (cross-entropy on logits). */
export function gradientSums(model: TfModel, layers: string[], batches: Batch[]): Map<string, { grad: Float32Array; taylor: Float32Array }> {
  const vars = layers.map((l) => model.variables.get(l)?.kernel).filter((v): v is tf.Variable => !!v);
  const sums = new Map(vars.map((v) => [v.name, { grad: new Float32Array(v.size), taylor: new Float32Array(v.size) }]));
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
      accumulateTaylor(s.taylor, weights.get(v.name)!, g);
    }
    tf.dispose(Object.values(grads));
  }
  const byLayer = new Map<string, { grad: Float32Array; taylor: Float32Array }>();
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
    return kernels.map((k) => {
      const inputStats = stats.get(k.li.inputs[0])!;
      return {
        layer: k.name,
        shape: k.v.shape,
        scores: activationWeightScores(k.v.dataSync() as Float32Array, k.v.shape, inputStats),
        unitScores: stats.get(k.name)!,
      };
    });
  }
  const sums = gradientSums(model, kernels.map((k) => k.name), calibration);
  return kernels.map((k) => ({
    layer: k.name,
    shape: k.v.shape,
    scores: criterion === 'gradient' ? sums.get(k.name)!.grad : sums.get(k.name)!.taylor,
  }));
}
