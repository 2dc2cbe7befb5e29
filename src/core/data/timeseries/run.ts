/**
 * Train, evaluate and int8-quantize a time-series model with the project's own pieces: ModelSpec →
 * buildModel, the shared training loop (cross-entropy on labels, or MSE on targets for regression and
 * the autoencoder), and the quantization core's PTQ (calibrate → convert → fake-quant evaluation).
 * The input is quantized here too (int8, scale from the training range): the quantization core's
 * fixed input parameters assume MNIST pixels in [0, 1].
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import type { ForwardHooks, TfModel } from '../../model/tf-model';
import { autoencoder, cnn1d, mlp } from '../../model/zoo/time-series';
import { trainLoop, type LoopBatchEvent, type LoopEpochEvent, type LoopResult } from '../../train/loop';
import { predictLogits } from '../../techniques/quantization/collect';
import { calibrateModel, convertAndEvaluate } from '../../techniques/quantization/pipeline';
import { fakeQuantize, tensorParams } from '../../techniques/quantization/affine';
import { activationHooks } from '../../techniques/quantization/fake-quant';
import { atThreshold, thresholdAt, confusionMatrix, accuracyOf, regressionMetrics, rocCurve, type RocPoint, type ThresholdStats } from './metrics';
import type { Prepared, PreparedSplit } from './prepare';

export type TsModelKind = 'cnn' | 'mlp' | 'autoencoder' | 'distance';

export function specFor(kind: TsModelKind, p: Prepared): ModelSpec | null {
  const outputs = p.task === 'regression' ? 1 : p.classNames.length;
  const role = p.task === 'regression' ? 'regressor' : 'classifier';
  if (kind === 'distance') return null;
  if (kind === 'autoencoder') return autoencoder(p.inputShape.reduce((a, b) => a * b, 1));
  if (kind === 'cnn') return cnn1d(p.inputShape[0], p.inputShape[2], outputs, role);
  return mlp(p.inputShape, outputs, role);
}

export interface TsTrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  signal?: AbortSignal;
  onBatch?: (e: LoopBatchEvent) => void;
  onEpoch?: (e: LoopEpochEvent) => void;
}

/** The autoencoder reads (and reconstructs) a flat vector, also when fed raw windows. */
function inputShapeOf(kind: TsModelKind, p: Prepared): number[] {
  return kind === 'autoencoder' ? [p.inputShape.reduce((a, b) => a * b, 1)] : p.inputShape;
}

function tensors(p: Prepared, s: PreparedSplit, kind: TsModelKind) {
  const xs = tf.tensor(s.x, [s.count, ...inputShapeOf(kind, p)]);
  if (p.task === 'classification') return { xs, labels: tf.tensor1d(s.labels, 'int32') };
  if (kind === 'autoencoder') return { xs, targets: xs };
  return { xs, targets: tf.tensor2d(s.targets, [s.count, 1]) };
}

function disposeSplit(t: ReturnType<typeof tensors>) {
  tf.dispose([t.xs, 'labels' in t ? t.labels : t.targets]);
}

/** Trains a model on `p.train` (the test split is evaluated after training, not during). */
export async function trainModel(kind: TsModelKind, p: Prepared, o: TsTrainOptions): Promise<{ model: TfModel; result: LoopResult }> {
  const spec = specFor(kind, p);
  if (!spec) throw new Error(`"${kind}" has no trainable model`);
  if (p.train.count === 0) throw new Error('no training windows: lower the window length or raise the sampling rate');
  const model = buildModel(spec, o.seed);
  const train = tensors(p, p.train, kind);
  try {
    const result = await trainLoop({
      model,
      train,
      epochs: o.epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      optimizer: 'adam',
      seed: o.seed,
      evaluateEachEpoch: false,
      signal: o.signal,
      onBatch: o.onBatch,
      onEpoch: o.onEpoch,
    });
    return { model, result };
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    disposeSplit(train);
  }
}

export interface TaskEvaluation {
  task: Prepared['task'];
  classification?: { accuracy: number; confusion: number[][] };
  anomaly?: {
    auc: number;
    roc: RocPoint[];
    scores: Float32Array;
    anomalous: boolean[];
    /** Class of each test window (which fault it is). */
    labels: Int32Array;
    /** Scores of the normal training windows, sorted (the threshold is a percentile of these). */
    normalTrainScores: Float32Array;
  };
  regression?: { mae: number; rmse: number; r2: number; predicted: Float32Array; truth: Float32Array };
}

/** Per-row mean squared difference between output and input (the reconstruction error). */
function reconstructionErrors(out: Float32Array, x: Float32Array, count: number): Float32Array {
  const dim = x.length / Math.max(1, count);
  const e = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += (out[i * dim + d] - x[i * dim + d]) ** 2;
    e[i] = s / dim;
  }
  return e;
}

/** Distance to normal: mean squared z-score (features are standardised on normal training data). */
export function distanceScores(s: PreparedSplit): Float32Array {
  return reconstructionErrors(new Float32Array(s.x.length), s.x, s.count);
}

function predict(model: TfModel | null, s: PreparedSplit, hooks?: ForwardHooks, quantizeInput?: (x: Float32Array) => Float32Array): Float32Array {
  if (!model) return new Float32Array(0);
  const x = quantizeInput ? quantizeInput(s.x) : s.x;
  const xs = tf.tensor(x, [s.count, ...model.spec.inputShape]);
  try {
    return predictLogits(model, xs, hooks);
  } finally {
    xs.dispose();
  }
}

export function evaluateModel(kind: TsModelKind, model: TfModel | null, p: Prepared, hooks?: ForwardHooks, quantizeInput?: (x: Float32Array) => Float32Array): TaskEvaluation {
  if (p.task === 'classification') {
    const out = predict(model, p.test, hooks, quantizeInput);
    const k = p.classNames.length;
    const pred = new Int32Array(p.test.count);
    for (let i = 0; i < p.test.count; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (out[i * k + c] > out[i * k + best]) best = c;
      pred[i] = best;
    }
    const confusion = confusionMatrix(p.test.labels, pred, k);
    return { task: p.task, classification: { accuracy: accuracyOf(confusion), confusion } };
  }
  if (p.task === 'anomaly') {
    const score = (s: PreparedSplit) =>
      kind === 'distance' ? distanceScores(s) : reconstructionErrors(predict(model, s, hooks, quantizeInput), s.x, s.count);
    const scores = score(p.test);
    const { auc, points } = rocCurve(scores, p.test.anomalous);
    return { task: p.task, anomaly: { auc, roc: thinRoc(points), scores, anomalous: p.test.anomalous, labels: p.test.labels, normalTrainScores: score(p.train).sort() } };
  }
  const predicted = predict(model, p.test, hooks, quantizeInput);
  return { task: p.task, regression: { ...regressionMetrics(p.test.targets, predicted), predicted, truth: p.test.targets } };
}

/** At most ~200 ROC points for the page (the AUC is computed on all of them). */
function thinRoc(points: RocPoint[]): RocPoint[] {
  const step = Math.max(1, Math.ceil(points.length / 200));
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

export function anomalyAtThreshold(a: NonNullable<TaskEvaluation['anomaly']>, percentile: number): ThresholdStats & { threshold: number } {
  const threshold = thresholdAt(a.normalTrainScores, percentile);
  return { threshold, ...atThreshold(a.scores, a.anomalous, threshold) };
}

/**
 * int8 post-training quantization (per-channel weights, asymmetric activations, min–max calibration on
 * up to 500 training windows) and the task metric of the quantized model.
 */
export function quantizeAndEvaluate(kind: TsModelKind, model: TfModel, p: Prepared, seed: number): TaskEvaluation {
  const settings = { weightBits: 8, activationBits: 8, scheme: 'asymmetric' as const, granularity: 'per-channel' as const, rounding: 'nearest' as const, seed };
  const calibCount = Math.min(500, p.train.count);
  const per = p.inputShape.reduce((a, b) => a * b, 1);
  const calibXs = tf.tensor(p.train.x.subarray(0, calibCount * per), [calibCount, ...model.spec.inputShape]);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of p.train.x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const inputParams = tensorParams(lo, hi, 8, 'asymmetric');
  const quantizeInput = (x: Float32Array) => fakeQuantize(x, inputParams);
  const scratch = buildModel(model.spec, seed);
  try {
    const cal = calibrateModel(model, calibXs, { ...settings, calibration: 'minmax', percentile: 99.99 });
    // convertAndEvaluate loads the dequantized int8 weights into `scratch`; its own accuracy (on one
    // calibration row) is not used: the task metric is computed below on the whole test split.
    const one = calibXs.slice(0, 1);
    const { qm } = convertAndEvaluate(model, scratch, cal.ranges, settings, one, [0]);
    one.dispose();
    return evaluateModel(kind, scratch, p, activationHooks(qm), quantizeInput);
  } finally {
    calibXs.dispose();
    scratch.dispose();
  }
}
