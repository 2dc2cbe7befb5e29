/**
 * engine.tsVersions.*: int8 PTQ and magnitude pruning of a time-series shelf version (types only).
 * The Quantization and Pruning labs work on MNIST digits; a time-series version brings its own data,
 * rebuilt in the worker from its run link, and is scored with its own metric.
 */
import type { TaskScore } from '../../core/data/timeseries/recipe';
import type { QuantParams, VersionTask } from '../../core/shelf/types';

export type { TaskScore };

/** What every report says about the data it was measured on. */
export interface TsVersionData {
  versionId: string;
  versionName: string;
  /** The task a child stores (same task, same windows). */
  task: VersionTask;
  testWindows: number;
  /** Where the windows came from and whether they reproduce the version's stored float metric. */
  dataNote: string;
  reproduced: boolean | null;
  /** The worker slot holding the result's float weights (what "Save to shelf" stores). */
  saveSlot: string;
}

export interface TsQuantizeRequest {
  id: string;
  calibrationWindows: number;
}

export interface TsQuantReport extends TsVersionData {
  float: TaskScore;
  /** The app's integer-only engine with these parameters (what Deploy writes). */
  int8: TaskScore;
  calibrationWindows: number;
  floatBytes: number;
  int8Bytes: number;
  /** The int8 parameters (TFLite's scheme), stored with the quantized child. */
  quant: QuantParams;
}

export interface TsPruneRequest {
  id: string;
  /** Fraction of kernel weights to remove (0..0.99). */
  sparsity: number;
  scope: 'global' | 'local';
}

export interface TsPruneReport extends TsVersionData {
  before: TaskScore;
  after: TaskScore;
  /** Achieved fraction of kernel weights that are zero, overall and per layer. */
  sparsity: number;
  layers: { name: string; sparsity: number }[];
}

export interface TsVersionsApi {
  quantize(req: TsQuantizeRequest, onProgress?: (fraction: number, text: string) => void): Promise<TsQuantReport>;
  prune(req: TsPruneRequest, onProgress?: (fraction: number, text: string) => void): Promise<TsPruneReport>;
}
