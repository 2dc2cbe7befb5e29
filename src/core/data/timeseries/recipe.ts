/**
 * A time-series shelf version's data, rebuilt from the run link it was saved with. The simulators and
 * the split are seeded, so the same link gives the same training and test windows (recipe.test.ts
 * checks it bit for bit); the other labs (Deploy, Quantization, Pruning) calibrate and evaluate on
 * them. Data the shelf does not hold (CSV files, live clips) cannot be rebuilt: that is an error
 * with the reason, never a guess. Also: a task's metric from any model's outputs (float, int8
 * dequantized, a runtime's), so every path reports the very same figure. Pure TypeScript.
 */
import { minMax } from '../../techniques/quantization/calibrate';
import type { TaskMetric, VersionTask } from '../../shelf/types';
import { buildDataset, prepareFor, type DatasetId, type ModelKind, type TsRunSettings } from './lab-defaults';
import { accuracyOf, confusionMatrix, regressionMetrics, rocCurve } from './metrics';
import type { Prepared, PreparedSplit } from './prepare';
import type { TimeSeriesTask } from './types';

export interface TsRecipe {
  task: TimeSeriesTask;
  settings: TsRunSettings;
}

const DATASETS: readonly DatasetId[] = ['motor', 'activity', 'battery', 'csv'];
const MODELS: readonly ModelKind[] = ['cnn', 'mlp', 'autoencoder', 'distance'];
/** Run-link keys (the Time-series page's settings schema, store/time-series.ts) → run settings. */
const NUMBERS = {
  sampleRate: 'tsRate', windowLength: 'tsWindow', stride: 'tsStride', epochs: 'tsEpochs', seed: 'tsSeed', noise: 'tsNoise',
  recordings: 'tsRecordings', seconds: 'tsSeconds', imbalance: 'tsImbalance', bands: 'tsBands',
} as const;

/**
 * The recipe in a version's run link, or why there is none. Every key must be present and valid
 * (the page writes all of them): a missing one is reported, not replaced by a default, because a
 * default could silently rebuild other data than the model was trained on.
 */
export function recipeFromLink(task: VersionTask, link: string | undefined): TsRecipe | { error: string } {
  if (task.dataset === 'csv') {
    return { error: 'it was trained on your own recordings (CSV files or live clips), which the shelf does not store, so its calibration and test windows cannot be rebuilt here' };
  }
  const q = link?.indexOf('?') ?? -1;
  if (!link || q < 0) return { error: 'it has no run link to rebuild its data from' };
  const params = new URLSearchParams(link.slice(q + 1));
  const linkTask = params.get('tsTask');
  if (linkTask !== null && linkTask !== task.kind) return { error: `its run link is for ${linkTask}, the version for ${task.kind}` };
  const dataset = params.get('tsDataset') as DatasetId | null;
  const model = params.get('tsModel') as ModelKind | null;
  const features = params.get('tsFeatures');
  if (!dataset || !DATASETS.includes(dataset)) return { error: `its run link lacks a valid "tsDataset" (${dataset === null ? 'missing' : `"${dataset.slice(0, 20)}"`})` };
  if (dataset !== task.dataset) return { error: `its run link names dataset "${dataset}", the version "${task.dataset}"` };
  if (!model || !MODELS.includes(model)) return { error: `its run link has no valid model ("${model ?? 'none'}")` };
  if (features !== 'raw' && features !== 'dsp') return { error: `its run link has no valid features ("${features ?? 'none'}")` };
  const numbers: Partial<Record<keyof typeof NUMBERS, number>> = {};
  for (const [field, key] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, string][]) {
    const text = params.get(key);
    const n = text === null || text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(n) || n < 0) return { error: `its run link lacks a valid "${key}" (${text === null ? 'missing' : `"${text.slice(0, 20)}"`})` };
    numbers[field] = n;
  }
  const aa = params.get('tsAntiAlias');
  const settings = { dataset, model, features, ...numbers, antiAlias: aa === null ? true : aa === 'true' || aa === '1' } as TsRunSettings;
  if (settings.windowLength < 1 || settings.stride < 1 || settings.sampleRate < 1) return { error: 'its run link has a window, stride or rate below 1' };
  return { task: task.kind, settings };
}

/** The run link a version's windows come from: a child's inherited one (task.dataLink), else its own. */
export function dataLinkOf(v: { task?: VersionTask; settingsLink?: string }): string | undefined {
  return v.task?.dataLink ?? v.settingsLink;
}

/** A shelf version's recipe, or why its data cannot be rebuilt. */
export function versionRecipe(v: { task?: VersionTask; settingsLink?: string }): TsRecipe | { error: string } {
  if (v.task?.domain !== 'time-series') return { error: 'it is not a time-series version' };
  return recipeFromLink(v.task, dataLinkOf(v));
}

/** The training and test windows of a recipe (simulated from its seed, then split and windowed as the page does). */
export function preparedFromRecipe(r: TsRecipe): Prepared {
  if (r.settings.dataset === 'csv') throw new Error('CSV data cannot be rebuilt from a recipe');
  return prepareFor(r.task, buildDataset(r.task, r.settings.dataset, r.settings), r.settings);
}

/**
 * `count` windows spread evenly over the split (the first windows are one recording's: they would
 * calibrate on one class only). Returns their inputs, count × window size.
 */
export function spreadWindows(s: PreparedSplit, count: number): { x: Float32Array; count: number } {
  const n = Math.max(1, Math.min(count, s.count));
  const per = s.x.length / Math.max(1, s.count);
  const x = new Float32Array(n * per);
  for (let i = 0; i < n; i++) {
    const at = Math.floor((i * s.count) / n);
    x.set(s.x.subarray(at * per, (at + 1) * per), i * per);
  }
  return { x, count: n };
}

/** [min, max] of the inputs (what the converter's calibration gives the input tensor). */
export function rangeOf(x: ArrayLike<number>): [number, number] {
  const [lo, hi] = minMax(x);
  return [Math.min(lo, 0), Math.max(hi, 0)];
}

export interface TaskScore {
  name: TaskMetric['name'];
  value: number;
  /** Regression: mean absolute error in % of state of charge (the page's unit), beside R². */
  mae?: number;
}

/** The metric name a task is reported with. */
export function metricNameOf(task: TimeSeriesTask): TaskMetric['name'] {
  return task === 'classification' ? 'accuracy' : task === 'anomaly' ? 'AUC' : 'R²';
}

/**
 * The task's metric from a model's outputs on `split` (count × outSize floats): accuracy of the argmax,
 * AUC of the reconstruction error (anomaly: the output reconstructs the input), or R² with the MAE.
 */
export function scoreOutputs(task: TimeSeriesTask, split: PreparedSplit, out: ArrayLike<number>): TaskScore {
  const count = split.count;
  const outSize = out.length / Math.max(1, count);
  if (task === 'classification') {
    const pred = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      let best = 0;
      for (let c = 1; c < outSize; c++) if (out[i * outSize + c] > out[i * outSize + best]) best = c;
      pred[i] = best;
    }
    const classes = Math.max(outSize, ...Array.from(split.labels, (l) => l + 1));
    return { name: 'accuracy', value: accuracyOf(confusionMatrix(split.labels, pred, classes)) };
  }
  if (task === 'anomaly') {
    const scores = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      let s = 0;
      for (let d = 0; d < outSize; d++) s += (out[i * outSize + d] - split.x[i * outSize + d]) ** 2;
      scores[i] = s / outSize;
    }
    return { name: 'AUC', value: rocCurve(scores, split.anomalous).auc };
  }
  const m = regressionMetrics(split.targets, Float32Array.from(out));
  return { name: 'R²', value: m.r2, mae: m.mae * 100 };
}

/** int8 outputs → real values: (q − zero point) · scale. */
export function dequantizeOutputs(q: ArrayLike<number>, scale: number, zeroPoint: number): Float32Array {
  return Float32Array.from(q, (v) => (v - zeroPoint) * scale);
}
