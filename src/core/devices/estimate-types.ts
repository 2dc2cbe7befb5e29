/** Result types of the device estimator (what the panel, the Devices page, NAS and the CLI read). */
import type { OpClass } from './target-types';
import type { DType, StorageFormat } from './types';

/** One line of the "Assumptions" view. */
export interface Assumption {
  what: string;
  value: string;
  source: string;
}

export interface LayerEstimate {
  /** Deployed operator name (spec layer name, or "layer/softmax" for a split activation). */
  name: string;
  op: OpClass;
  /** Spec layers folded or fused into this op (batch norm, ReLU). */
  fused: string[];
  params: number;
  macs: number;
  weightDtype: DType;
  sparsity: number;
  /** Kernel bytes in flash in the chosen storage format. */
  weightBytes: number;
  /** Activation bytes of this op's output tensor. */
  outputBytes: number;
  /** Kernel scratch buffer while this op runs. */
  scratchBytes: number;
  cpuMs: number;
  /** Time of this op on the NPU engine (CPU time if it falls back), undefined without an NPU. */
  npuMs?: number;
  /** Why this op runs on the CPU even when the NPU is used (undefined = runs on the NPU). */
  fallback?: string;
}

export interface FlashEstimate {
  /** Kernels (weights) in the chosen storage format. */
  weights: number;
  biases: number;
  /** Per-channel / per-tensor scales and zero points. */
  quantParams: number;
  /** Model-file overhead: per-tensor metadata + the fixed flatbuffer part. */
  overhead: number;
  /** weights + biases + quantParams + overhead. */
  model: number;
  /** Runtime code (framework + the kernels this model uses); 0 on Linux parts (in the OS image). */
  code: number;
  total: number;
  capacity: number;
  /** capacity − total (negative when it does not fit). */
  margin: number;
  fits: boolean;
  /** Storage format used for the kernels. */
  storage: StorageFormat;
  /** Sparsity above which the chosen compressed format beats dense at this dtype (0 for dense). */
  breakEven: number;
}

/** One step of the arena timeline: memory in use while op `name` runs. */
export interface MemoryStep {
  name: string;
  /** Activation tensors alive during this op (inputs, output and skip tensors kept for later). */
  live: string[];
  activationBytes: number;
  scratchBytes: number;
  totalBytes: number;
}

export interface RamEstimate {
  /** Peak of activations + scratch over the timeline (the tensor-arena plan). */
  activationPeak: number;
  /** Which op the peak happens at. */
  peakAt: string;
  /** Largest kernel scratch buffer. */
  scratch: number;
  /** Interpreter persistent data: fixed + per op. */
  overhead: number;
  /** Tensor arena = activationPeak + overhead. */
  arena: number;
  /** Arena when the NPU runs the model: activations + the NPU's own scratch and persistent buffers. */
  npuArena?: number;
  /** The memory region the arena is judged against, as the part's memory map names it. */
  region: string;
  /** Weights held in RAM (Linux parts load the model into DDR; MCUs read weights from flash). */
  weights: number;
  /** Arena of the engine that runs the model (npuArena when the NPU is the faster engine) + weights. */
  total: number;
  capacity: number;
  margin: number;
  fits: boolean;
  timeline: MemoryStep[];
}

export interface EngineEstimate {
  engine: 'cpu' | 'npu';
  name: string;
  runtime: string;
  /** False when this engine cannot run the model at all (see reason). */
  available: boolean;
  reason?: string;
  ms: number;
  /** Error band: the measurement is expected within [low, high]. */
  low: number;
  high: number;
  /** Ops that run on the CPU although this is the NPU engine. */
  fallbackOps: string[];
  /** Whether the band was earned on held-out measurements of this engine or is assumed. */
  calibration: 'calibrated' | 'assumed';
  /** How the band was obtained, e.g. "from 4 held-out measurements: ÷1.30 / ×1.25". */
  bandNote: string;
}

export interface Estimate {
  targetId: string;
  targetName: string;
  /** Parameters the device stores: batch norm folded into the preceding conv / dense. */
  params: number;
  /** Parameters of the spec as trained (batch norm's γ, β, mean and variance counted). */
  trainingParams: number;
  macs: number;
  flash: FlashEstimate;
  /** gzip-equivalent size of the model file (what a browser or OTA update downloads), not flash. */
  downloadBytes: number;
  ram: RamEstimate;
  cpu: EngineEstimate;
  npu?: EngineEstimate;
  /** Fastest available engine (NPU when it can run the model). */
  best: EngineEstimate;
  fits: boolean;
  layers: LayerEstimate[];
  assumptions: Assumption[];
}
