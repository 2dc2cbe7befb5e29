/**
 * Batched evaluation and prediction. Batches keep peak memory small (a 2,000-image test split through
 * the teacher CNN at once would need hundreds of MB of activations).
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardHooks, TfModel } from '../model/tf-model';
import { analyzeSpec } from '../model/analyze';

/** Activation elements one evaluation batch may hold in its largest layer (4 M floats = 16 MB). */
const EVAL_BUDGET = 4_000_000;

/**
 * Batch size for evaluation: as large as possible (fewer kernel calls) while the largest layer's
 * output stays within EVAL_BUDGET — the wasm heap never shrinks, so a peak costs memory all session.
 */
export function evalBatchSize(model: TfModel): number {
  const largest = Math.max(...analyzeSpec(model.spec).layers.map((l) => l.outputSize));
  return Math.max(16, Math.min(500, Math.floor(EVAL_BUDGET / largest)));
}

export interface Misclassified {
  /** Index into the evaluated split. */
  index: number;
  label: number;
  predicted: number;
  /** Softmax probability of the predicted class. */
  confidence: number;
}

export interface Evaluation {
  /** Mean softmax cross-entropy. */
  loss: number;
  accuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  misclassified: Misclassified[];
}

export interface EvaluateOptions {
  batchSize?: number;
  hooks?: ForwardHooks;
  /** How many misclassified samples to return (default 24). */
  maxMisclassified?: number;
  /** Evaluate only the first n samples. */
  limit?: number;
}

/** xs: [n, ...inputShape] floats; labels: int32 [n]. */
export function evaluate(model: TfModel, xs: tf.Tensor, labels: tf.Tensor1D, opts: EvaluateOptions = {}): Evaluation {
  const n = Math.min(xs.shape[0], opts.limit ?? Infinity);
  const batch = opts.batchSize ?? evalBatchSize(model);
  const maxMis = opts.maxMisclassified ?? 24;
  // The class count is the model's output width (10 for MNIST; other labs have other counts).
  const classes = analyzeSpec(model.spec).outputShape.reduce((a, b) => a * b, 1);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const misclassified: Misclassified[] = [];
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    const [lossB, predB, confB, labB] = tf.tidy(() => {
      const x = xs.slice(start, size);
      const y = labels.slice(start, size);
      const logits = model.apply(x, { hooks: opts.hooks });
      const probs = tf.softmax(logits);
      const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(y, classes), logits, undefined, 0, tf.Reduction.SUM);
      return [loss, tf.argMax(logits, 1), tf.max(probs, 1), y];
    });
    lossSum += (lossB.dataSync() as Float32Array)[0];
    const pred = predB.dataSync();
    const conf = confB.dataSync();
    const lab = labB.dataSync();
    tf.dispose([lossB, predB, confB, labB]);
    for (let i = 0; i < size; i++) {
      confusion[lab[i]][pred[i]]++;
      if (lab[i] === pred[i]) correct++;
      else if (misclassified.length < maxMis) {
        misclassified.push({ index: start + i, label: lab[i], predicted: pred[i], confidence: conf[i] });
      }
    }
  }
  return { loss: n ? lossSum / n : NaN, accuracy: n ? correct / n : NaN, confusion, misclassified };
}

/** Mean squared error of the model output against targets [n, ...outputShape], batched. */
export function evaluateMse(model: TfModel, xs: tf.Tensor, targets: tf.Tensor, hooks?: ForwardHooks, batchSize = evalBatchSize(model)): number {
  const n = xs.shape[0];
  let sum = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const s = tf.tidy(() => tf.sum(tf.squaredDifference(model.apply(xs.slice(start, size), { hooks }), targets.slice(start, size))));
    sum += s.dataSync()[0];
    s.dispose();
  }
  const perSample = targets.shape.slice(1).reduce((a, b) => a * b, 1);
  return n ? sum / (n * perSample) : NaN;
}

/** Class probabilities for one or more images given as floats in [0, 1] (784 each). */
export function predictProbabilities(model: TfModel, pixels: Float32Array, hooks?: ForwardHooks): number[][] {
  const size = model.spec.inputShape.reduce((a, b) => a * b, 1);
  if (pixels.length === 0 || pixels.length % size !== 0) {
    throw new Error(`predict: expected a multiple of ${size} pixel values, got ${pixels.length}`);
  }
  const n = pixels.length / size;
  const probs = tf.tidy(() => tf.softmax(model.apply(tf.tensor(pixels, [n, ...model.spec.inputShape]), { hooks })));
  const flat = Array.from(probs.dataSync());
  probs.dispose();
  const classes = flat.length / n;
  return Array.from({ length: n }, (_, i) => flat.slice(i * classes, (i + 1) * classes));
}
