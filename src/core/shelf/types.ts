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
