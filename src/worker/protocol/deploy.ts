/**
 * engine.deploy.*: the Deploy lab's worker API (types only). The worker converts a model to int8 the
 * way the TFLite converter does, writes both .tflite interfaces and the downloads, runs the app's own
 * integer engine on the 2,000 test digits and then the exported bytes in LiteRT.js.
 */
import type { IoQuant } from '../../core/export';
import type { ModelSpec } from '../../core/model/spec';
import type { Int8Comparison } from '../../core/export/compare';
import type { QuantParams, TaskMetric, VersionTask } from '../../core/shelf/types';

/** One entry of "Model to deploy". */
export interface DeployModelOption {
  id: string;
  label: string;
  /** False when it cannot be exported as it is (then `reason` says why). */
  available: boolean;
  reason?: string;
  spec?: ModelSpec;
  /** Test accuracy when known (integer accuracy for a quantized shelf version). */
  accuracy?: number;
  /** A quantized version: written with its own parameters when TFLite int8 can hold them. */
  quantized?: boolean;
  /** For a quantized version: whether its own parameters are written, or why it is re-quantized. */
  quantNote?: string;
  /** Where it comes from, e.g. "Train lab baseline" or "Quantization lab (PTQ, 8/8 bit)". */
  lineage: string;
  /** A time-series version: its task and stored metric (it calibrates and tests on its own windows). */
  task?: VersionTask;
  taskMetric?: TaskMetric;
}

/** A time-series export's own metric on its rebuilt test windows: float vs the app's int8 vs the runtime. */
export interface TaskDeployScore {
  task: VersionTask;
  metric: TaskMetric['name'];
  float: number;
  appInt8: number;
  /** Null when LiteRT.js did not run. */
  runtime: number | null;
  /** Regression: the MAE (in % SoC) beside R². */
  mae?: { float: number; appInt8: number; runtime: number | null; unit: string };
  testWindows: number;
  calibrationWindows: number;
  /** Where the windows came from and whether they reproduce the stored float metric. */
  dataNote: string;
  reproduced: boolean | null;
}

export interface DeployRequest {
  model: string;
  /** Training images (time series: windows) used for min/max calibration (ignored for the Quantization lab's result). */
  calibrationImages: number;
  /** Test digits written into test_vectors.bin. */
  testVectors: number;
}

/** LiteRT.js on the float-interface twin vs the app's integer engine, over the same test digits. */
export interface RuntimeCheck extends Int8Comparison {
  runtime: string;
  /** Where LiteRT.js ran. */
  where: 'worker' | 'page';
  /** Milliseconds per inference in LiteRT.js (input in, run, output out; the compile not counted). */
  msPerInput: number;
}

export interface DeployResult {
  modelLabel: string;
  lineage: string;
  /** The spec actually written (batch norm folded, dropout gone). */
  spec: ModelSpec;
  params: number;
  macs: number;
  floatAccuracy: number | null;
  integerAccuracy: number;
  testCount: number;
  /** int8 I/O ("Download .tflite"). */
  tflite: Uint8Array;
  /** float32 I/O with QUANTIZE / DEQUANTIZE (run in LiteRT.js). */
  floatTflite: Uint8Array;
  cArrayZip: Uint8Array;
  projectZip: Uint8Array;
  testVectorsBin: Uint8Array;
  testVectorCount: number;
  io: IoQuant;
  ops: string[];
  arenaBytes: number;
  estimatedArena: number;
  /** Per-layer quantization parameters as written. */
  layers: { name: string; op: string; weightShape: number[]; scales: number; scaleMin: number; scaleMax: number }[];
  /** The app's int8 outputs (count × classes) and labels, for a page-side runtime check. */
  appOutputs: Int32Array;
  labels: Uint8Array;
  /** LiteRT.js result, or why it could not run. */
  runtime: RuntimeCheck | { error: string };
  /** How the quantization parameters were obtained (own parameters, or calibrated here and why). */
  quantNote: string;
  /** For "Save to shelf": the worker slot with the float weights, the shelf parent, the parameters written. */
  saveSlot: string;
  parentId: string | null;
  quant: QuantParams;
  /** Set for a time-series version: its task metric (the digit accuracies above are then not meaningful). */
  taskScore?: TaskDeployScore;
}

export interface DeployApi {
  /** What "Model to deploy" offers. */
  models(): Promise<DeployModelOption[]>;
  export(req: DeployRequest, onProgress?: (fraction: number, text: string) => void): Promise<DeployResult>;
}
