/**
 * Bias adjustment for the missing class (Hinton et al. 2015, §3): a student distilled without any 3s
 * learned what a 3 looks like from the soft targets, but its output bias for 3 was never pushed up by
 * a hard label, so it rarely wins the arg-max. Adding δ to that one output bias (logit z_d → z_d + δ)
 * recovers most 3s. Only the left-out digit's logit moves; every other logit is untouched.
 *
 * "Find best bias" searches δ on a validation split (training images outside the transfer set) for
 * the highest validation accuracy over all digits, as Hinton et al. chose theirs for test error: the
 * left-out digit's accuracy alone would always prefer δ → ∞, which calls every image that digit.
 */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';

export interface ShiftedScore {
  bias: number;
  /** Accuracy over all samples with the shift. */
  accuracy: number;
  /** Of the samples labelled `digit`: how many are right. */
  digitCorrect: number;
  digitTotal: number;
}

/** Accuracy of logits [n × classes] (row-major) with δ added to column `digit`. */
export function shiftedScore(logits: Float32Array, labels: ArrayLike<number>, classes: number, digit: number, bias: number): ShiftedScore {
  const n = labels.length;
  let correct = 0;
  let digitCorrect = 0;
  let digitTotal = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestV = -Infinity;
    for (let c = 0; c < classes; c++) {
      const v = logits[i * classes + c] + (c === digit ? bias : 0);
      if (v > bestV) {
        bestV = v;
        best = c;
      }
    }
    if (best === labels[i]) correct++;
    if (labels[i] === digit) {
      digitTotal++;
      if (best === digit) digitCorrect++;
    }
  }
  return { bias, accuracy: n ? correct / n : 0, digitCorrect, digitTotal };
}

/** δ from `from` to `to` in `step`s; the best validation accuracy wins, ties go to the smaller |δ|. */
export function findBestBias(logits: Float32Array, labels: ArrayLike<number>, classes: number, digit: number, grid = { from: 0, to: 20, step: 0.1 }): { best: ShiftedScore; curve: ShiftedScore[] } {
  const curve: ShiftedScore[] = [];
  for (let k = 0; grid.from + k * grid.step <= grid.to + 1e-9; k++) {
    curve.push(shiftedScore(logits, labels, classes, digit, +(grid.from + k * grid.step).toFixed(6)));
  }
  let best = curve[0];
  for (const s of curve) if (s.accuracy > best.accuracy || (s.accuracy === best.accuracy && Math.abs(s.bias) < Math.abs(best.bias))) best = s;
  return { best, curve };
}

/** The model's last layer: the dense layer whose bias gives the logits. */
export function outputBias(model: TfModel): tf.Variable {
  const last = model.spec.layers[model.spec.layers.length - 1];
  const b = model.variables.get(last.name)?.bias;
  if (last.type !== 'dense' || !b) throw new Error('bias adjustment needs a model that ends in a dense layer with a bias');
  return b;
}

/** Sets the output bias to `original` with δ added to `digit` (idempotent for the same δ). */
export function applyBiasAdjustment(model: TfModel, original: Float32Array, digit: number, bias: number): void {
  const b = outputBias(model);
  const next = original.slice();
  next[digit] += bias;
  tf.tidy(() => b.assign(tf.tensor1d(next)));
}
