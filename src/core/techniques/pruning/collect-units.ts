/**
 * Per-unit activation statistics for APoZ (Hu et al. 2016) and the activation form of the Taylor
 * criterion (Molchanov et al. 2017): both look at a unit's output after its nonlinearity, and the
 * Taylor form needs ∂L/∂a, which tfjs gives as the gradient with respect to a zero tensor added to
 * that output in the forward pass (a + δ at δ = 0).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../model/spec';
import type { TfModel } from '../../model/tf-model';
import { apoz, l2Normalise, taylorActivation } from './criteria';
import type { Batch } from './types';

/**
 * The layer whose output is `name`'s units after their nonlinearity: the layer itself when it has a
 * fused activation, else the activation layer that follows it through batch norm.
 */
export function unitOutputLayer(spec: ModelSpec, name: string): string {
  const at = spec.layers.findIndex((l) => l.name === name);
  const own = spec.layers[at];
  if (!own || ('activation' in own && own.activation)) return name;
  for (const l of spec.layers.slice(at + 1)) {
    if (l.type === 'batchNorm') continue;
    if (l.type === 'activation') return l.name;
    break;
  }
  return name;
}

export interface UnitStats {
  /** 1 − APoZ per unit. */
  apozKeep: Float32Array;
  /** Θ per unit, L2-normalised within the layer. */
  taylor: Float32Array;
}

/** APoZ and normalised Taylor-activation scores of `layers` over the calibration batches. */
export function unitStatistics(model: TfModel, layers: string[], calibration: Batch[]): Map<string, UnitStats> {
  const outOf = new Map(layers.map((l) => [unitOutputLayer(model.spec, l), l]));
  const zeros = new Map<string, Float64Array>();
  const theta = new Map<string, Float64Array>();
  let samples = 0;
  for (const b of calibration) {
    const n = b.xs.shape[0];
    // First pass: the shapes of the watched outputs (for the zero perturbations).
    const shapes = new Map<string, number[]>();
    tf.tidy(() => {
      model.apply(b.xs, { hooks: { activation: (layer, y) => (outOf.has(layer) && shapes.set(layer, y.shape), y) } });
    });
    const names = [...shapes.keys()];
    const acts = new Map<string, Float32Array>();
    const grads = tf.tidy(() => {
      const deltas = names.map((k) => tf.zeros(shapes.get(k)!));
      const f = (...ds: tf.Tensor[]) => {
        const logits = model.apply(b.xs, {
          hooks: {
            activation: (layer, y) => {
              const i = names.indexOf(layer);
              if (i < 0) return y;
              acts.set(layer, y.dataSync() as Float32Array);
              return tf.add(y, ds[i]);
            },
          },
        });
        return tf.losses.softmaxCrossEntropy(tf.oneHot(b.labels, logits.shape[1]!), logits) as tf.Scalar;
      };
      return tf.grads(f)(deltas).map((g) => g.dataSync() as Float32Array);
    });
    names.forEach((k, i) => {
      const units = shapes.get(k)!.at(-1)!;
      const a = acts.get(k)!;
      const z = zeros.get(k) ?? new Float64Array(units);
      const t = theta.get(k) ?? new Float64Array(units);
      const p = apoz(a, units);
      const th = taylorActivation(a, grads[i], n, units);
      for (let u = 0; u < units; u++) {
        z[u] += p[u] * n;
        t[u] += th[u] * n;
      }
      zeros.set(k, z);
      theta.set(k, t);
    });
    samples += n;
  }
  const out = new Map<string, UnitStats>();
  for (const [k, layer] of outOf) {
    const z = zeros.get(k);
    const t = theta.get(k);
    if (!z || !t) continue;
    out.set(layer, {
      apozKeep: Float32Array.from(z, (v) => 1 - v / samples),
      taylor: l2Normalise(Float32Array.from(t, (v) => v / samples)),
    });
  }
  return out;
}
