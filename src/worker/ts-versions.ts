/**
 * Time-series shelf versions in the MNIST labs' worker code: their windows rebuilt from the run link
 * (core/data/timeseries/recipe.ts; the last one is cached, generating takes a moment), their float
 * metric checked against the stored one, and their int8 conversion as the TFLite converter does it
 * with the input range calibrated on their own windows (not MNIST's fixed pixel range).
 */
import * as tf from '@tensorflow/tfjs';
import { dataLinkOf, preparedFromRecipe, rangeOf, scoreOutputs, spreadWindows, versionRecipe, type TaskScore, type TsRecipe } from '../core/data/timeseries/recipe';
import type { Prepared, PreparedSplit } from '../core/data/timeseries/prepare';
import { TFLITE_PTQ, quantizeForTflite } from '../core/export';
import type { ModelSpec, WeightSet } from '../core/model/spec';
import type { TfModel } from '../core/model/tf-model';
import type { ModelVersion, VersionSummary, VersionTask } from '../core/shelf/types';
import { predictLogits } from '../core/techniques/quantization/collect';
import { calibrateModel } from '../core/techniques/quantization/pipeline';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';

export function isTimeSeries(v: Pick<ModelVersion, 'task'>): boolean {
  return v.task?.domain === 'time-series';
}

/** The version's recipe, or why its data cannot be rebuilt. */
export const recipeOf = versionRecipe;

/** The task a child of `v` stores: the same task, pointing at the same windows. */
export function childTask(v: Pick<VersionSummary, 'task' | 'settingsLink'>): VersionTask | undefined {
  const link = dataLinkOf(v);
  return v.task && { ...v.task, ...(link ? { dataLink: link } : {}) };
}

let cached: { key: string; p: Prepared } | null = null;

/** Training and test windows of a time-series version (throws with the reason when they cannot be rebuilt). */
export function windowsOf(v: Pick<ModelVersion, 'task' | 'settingsLink'>): { recipe: TsRecipe; p: Prepared } {
  const recipe = recipeOf(v);
  if ('error' in recipe) throw new Error(`its data cannot be rebuilt: ${recipe.error}`);
  const key = JSON.stringify(recipe);
  if (cached?.key !== key) cached = { key, p: preparedFromRecipe(recipe) };
  return { recipe, p: cached.p };
}

/** The split's inputs as a tensor shaped for `spec` (the caller disposes it). */
export function splitTensor(spec: ModelSpec, x: Float32Array, count: number): tf.Tensor {
  return tf.tensor(x, [count, ...spec.inputShape]);
}

/** The float model's outputs and task metric on a split. */
export function floatScore(task: TsRecipe['task'], model: TfModel, split: PreparedSplit): { out: Float32Array; score: TaskScore } {
  const xs = splitTensor(model.spec, split.x, split.count);
  try {
    const out = predictLogits(model, xs);
    return { out, score: scoreOutputs(task, split, out) };
  } finally {
    xs.dispose();
  }
}

/**
 * The TFLite converter's int8 PTQ of a time-series model: min/max ranges of every activation and of
 * the input over `calibration` training windows spread over the split. `model` holds spec/weights.
 */
export function calibrateTimeSeries(model: TfModel, weights: WeightSet, p: Prepared, calibration: number): { qm: QuantizedModel; windows: number } {
  const cal = spreadWindows(p.train, calibration);
  const xs = splitTensor(model.spec, cal.x, cal.count);
  try {
    const ranges = calibrateModel(model, xs, { ...TFLITE_PTQ, calibration: 'minmax', percentile: 100 }).ranges;
    return { qm: quantizeForTflite(model.spec, weights, ranges, rangeOf(cal.x)), windows: cal.count };
  } finally {
    xs.dispose();
  }
}

/** How far a rebuilt float metric may be from the stored one and still count as the same data. */
export const REPRODUCE_TOLERANCE = 0.005;

/** A sentence on whether the rebuilt windows reproduce the version's stored float metric. */
export function reproductionNote(v: Pick<ModelVersion, 'metrics'>, now: TaskScore): { reproduced: boolean | null; note: string } {
  const stored = v.metrics.taskMetric;
  if (!stored || stored.name !== now.name) return { reproduced: null, note: 'no stored float metric to compare with' };
  const d = Math.abs(stored.float - now.value);
  const fmt = (x: number) => (now.name === 'accuracy' ? `${(x * 100).toFixed(2)} %` : x.toFixed(4));
  return d <= REPRODUCE_TOLERANCE
    ? { reproduced: true, note: `the rebuilt test windows reproduce the stored float ${now.name} (${fmt(stored.float)} stored, ${fmt(now.value)} now)` }
    : { reproduced: false, note: `the rebuilt test windows do NOT reproduce the stored float ${now.name} (${fmt(stored.float)} stored, ${fmt(now.value)} now): the simulators or the windowing changed since it was saved, so treat these figures with care` };
}
