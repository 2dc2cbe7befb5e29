/**
 * The model shelf's data: a ModelVersion is one model the labs produced (a trained run, a pruned or
 * quantized copy, a distilled student, a NAS winner), with the weights that make it runnable, the
 * masks and quantization parameters that make it what it is, and where it came from (its parent and
 * the technique that made it). Plain data (typed arrays included), so it survives structured clone
 * (IndexedDB, postMessage) bit-exactly. Pure TypeScript: no tfjs, DOM or React.
 */
import type { ModelSpec, WeightSet, WeightTensor } from '../model/spec';

/** The lab (technique) that produced a version; shown on the lineage tree's edges. */
export type Technique = 'train' | 'prune' | 'fine-tune' | 'quantize' | 'distil' | 'nas' | 'import';

export const TECHNIQUES: readonly Technique[] = ['train', 'prune', 'fine-tune', 'quantize', 'distil', 'nas', 'import'];

/** A pruning mask for one weight tensor (1 = kept), same layout as the tensor. */
export interface VersionMask {
  layer: string;
  role: WeightTensor['role'];
  mask: Uint8Array;
}

/** Affine quantization parameters of one tensor: real = scale · (q − zeroPoint), per tensor or per channel. */
export interface QuantTensorParams {
  /** "layer/role" for weights, or an activation tensor's name. */
  tensor: string;
  scale: Float32Array;
  zeroPoint: Int32Array;
}

export interface QuantParams {
  weightBits: number;
  activationBits: number;
  perChannel: boolean;
  method: 'PTQ' | 'QAT';
  weights: QuantTensorParams[];
  activations: QuantTensorParams[];
}

/**
 * What a version was trained to do, when it is not MNIST digit classification (a version without a task
 * is an MNIST model, as every image lab makes). The image labs evaluate on MNIST, so they must not be
 * offered a version with a task; the Models page shows its stored metric instead.
 */
export interface VersionTask {
  /** The lab whose data it needs, e.g. "time-series". */
  domain: 'time-series';
  kind: 'classification' | 'anomaly' | 'regression';
  /** Dataset id ("motor", "activity", "battery", "csv") and how the page names it ("motor modes"). */
  dataset: string;
  datasetLabel: string;
  /**
   * The Time-series run link its windows are rebuilt from, when it is not the version's own
   * settingsLink (a pruned / quantized / deployed child keeps its root's run link here).
   */
  dataLink?: string;
}

export const TASK_KINDS: readonly VersionTask['kind'][] = ['classification', 'anomaly', 'regression'];

/** The metric a task version was measured with, on its own test windows. */
export interface TaskMetric {
  /** "accuracy" (0..1), "AUC" (0..1), "R²" (≤ 1) or "MAE" (in the target's unit, see `unit`). */
  name: 'accuracy' | 'AUC' | 'R²' | 'MAE';
  float: number;
  /** The same metric of the int8 PTQ model, when measured. */
  int8?: number;
  /** For MAE: the unit of the value as shown (e.g. "% SoC" with value 100 × the fraction). */
  unit?: string;
  /** Secondary figures shown beside it (regression: MAE next to R²). */
  extra?: { name: 'MAE' | 'RMSE'; value: number; unit?: string }[];
}

export interface VersionMetrics {
  /** Float test accuracy (0..1) when measured. */
  floatAccuracy?: number;
  /** Integer (int8 kernels) test accuracy when the version is quantized and it was measured. */
  integerAccuracy?: number;
  params: number;
  macs: number;
  /** Estimates on `target` (device id) when the version was saved. */
  target?: string;
  flashBytes?: number;
  ramBytes?: number;
  latencyMs?: number;
  /** A task version's own metric (the accuracy fields above are MNIST accuracies, absent for it). */
  taskMetric?: TaskMetric;
}

export interface ModelVersion {
  id: string;
  name: string;
  technique: Technique;
  /** The lab route that made it (e.g. "pruning") and a link (hash) that reproduces it. */
  lab: string;
  settingsLink?: string;
  parentId: string | null;
  /** ISO date. */
  createdAt: string;
  spec: ModelSpec;
  /** Seed the spec was initialised with (for rebuilding the same model). */
  seed: number;
  weights: WeightSet;
  masks?: VersionMask[];
  quant?: QuantParams;
  metrics: VersionMetrics;
  /** Absent: MNIST digit classification. */
  task?: VersionTask;
}

/** The shelf's summary of a version (no weights): what lists and tables need. */
export type VersionSummary = Omit<ModelVersion, 'weights' | 'masks' | 'quant'> & {
  quantized: boolean;
  pruned: boolean;
  /** Fraction of kernel weights masked to zero (0 when not pruned). */
  sparsity: number;
};

/** A record that could not be used, listed so the user can delete it. */
export interface DamagedRecord {
  id: string;
  /** The name, if one could be read. */
  name?: string;
  reason: string;
}

/** The accuracy a version runs at: integer accuracy for a quantized version, else float. */
export function runningAccuracy(v: Pick<ModelVersion, 'metrics'> & { quantized?: boolean; quant?: unknown }): number | undefined {
  const quantized = v.quantized ?? v.quant !== undefined;
  return quantized ? (v.metrics.integerAccuracy ?? v.metrics.floatAccuracy) : v.metrics.floatAccuracy;
}

export function isQuantized(v: Pick<ModelVersion, 'quant'>): boolean {
  return v.quant !== undefined;
}

/** Whether an MNIST lab (pruning, quantization, distillation, NAS, deploy) can run this version. */
export function runsOnMnist(v: { task?: VersionTask; spec: { inputShape: number[] } }): boolean {
  return v.task === undefined && v.spec.inputShape.join('x') === '28x28x1';
}

/** Why a version is not offered to an MNIST lab (for the select's hint). */
export function notMnistReason(v: { task?: VersionTask; spec: { inputShape: number[] } }): string {
  return v.task
    ? `a ${v.task.domain} model (${v.task.kind}, ${v.task.datasetLabel}) needs its own data, not MNIST digits`
    : `its input [${v.spec.inputShape.join(', ')}] is not a 28 × 28 MNIST image`;
}

/** "accuracy 97.1 %", "AUC 0.981", "R² 0.952", "MAE 3.2 % SoC": a task metric as text. */
export function formatTaskMetric(name: TaskMetric['name'], value: number | undefined, unit?: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (name === 'accuracy') return `${(value * 100).toFixed(1)} %`;
  if (name === 'MAE') return `${value.toFixed(unit ? 1 : 3)}${unit ? ` ${unit}` : ''}`;
  return value.toFixed(3);
}
