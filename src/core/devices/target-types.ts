/**
 * Types of the target catalog. Every number that drives an estimate is a `Figure`: the value plus
 * where it comes from, so the panel's "Assumptions" view can cite it or say plainly "assumed".
 */
import type { DType } from './types';

export interface Figure {
  value: number;
  /** A datasheet / app note / model zoo reference, or "assumed" (with why, when useful). */
  source: string;
}

/** The CPU micro-architecture classes the cost model distinguishes. */
export type CpuCore = 'cortex-m33' | 'cortex-m7' | 'cortex-a53' | 'cortex-a55';
/** The NPU families the cost model distinguishes. */
export type NpuKind = 'neutron' | 'ethos-u' | 'vsi-npu';

/** Deployed operator classes (after BN folding and activation fusion, see lower.ts). */
export type OpClass =
  | 'conv'
  | 'depthwise'
  | 'dense'
  | 'pool'
  | 'globalPool'
  | 'add'
  | 'activation'
  | 'softmax'
  | 'batchNorm';

/** Per-operator efficiency factors relative to the engine's peak (k_l on a CPU, u_l on an NPU). */
export interface OpEfficiency {
  conv: Figure;
  /** Convolutions whose input has fewer than 4 channels (first layers): SIMD lanes sit idle. */
  convSmallCin: Figure;
  depthwise: Figure;
  dense: Figure;
}

export interface CpuEngine {
  kind: 'cpu';
  id: string;
  name: string;
  core: CpuCore;
  clockMHz: Figure;
  /** η: sustained int8 MACs per cycle of the runtime's best kernels on a regular conv. */
  int8MacsPerCycle: Figure;
  /** Sustained fp32 MACs per cycle. */
  fp32MacsPerCycle: Figure;
  /** Sustained fp16 MACs per cycle (cores without fp16 arithmetic convert to fp32). */
  fp16MacsPerCycle: Figure;
  efficiency: OpEfficiency;
  /** Interpreter cost per invoked operator, in cycles. */
  opOverheadCycles: Figure;
  /** Fixed cost per inference (invoke, input copy), in ms. */
  fixedOverheadMs: Figure;
  /** Cycles per element for element-wise / pooling work (int8). */
  elementCycles: Figure;
  /**
   * Bytes per ms the CPU can read weights at when they execute in place from external flash: each
   * weight is read at least once per inference, so t_l ≥ W_l / bandwidth (matters for dense layers).
   * Undefined = weights in on-chip flash/SRAM or DDR, fast enough not to bound.
   */
  weightBytesPerMs?: Figure;
  /** Runtime name shown in the panel, e.g. "TFLM + CMSIS-NN". */
  runtime: string;
  /** Ratio band of the estimate: the truth is expected within [t / band, t · band]. */
  errorBand: Figure;
}

export interface NpuEngine {
  kind: 'npu';
  id: string;
  name: string;
  npu: NpuKind;
  clockMHz: Figure;
  /** P: peak int8 MACs per cycle. */
  peakMacsPerCycle: Figure;
  /** u_l: fraction of the peak reached per operator class. */
  efficiency: OpEfficiency;
  /** Bytes of weights the NPU can stream per cycle: bounds layers with little weight reuse. */
  weightBytesPerCycle: Figure;
  /**
   * True when activations also stream through that bandwidth (NPUs whose tensors live in DDR, moved
   * by a data mover); false when they stay in on-chip SRAM next to the NPU.
   */
  activationsStream?: boolean;
  /** Fixed cost per inference (driver, job setup), in ms. */
  fixedOverheadMs: Figure;
  /** Cost per operator (descriptor / command stream), in ms. */
  opOverheadMs: Figure;
  /** Extra cost each time execution moves between NPU and CPU, in ms. */
  handoverMs: Figure;
  /** Weight dtypes the NPU executes (the others fall back to the CPU). */
  dtypes: DType[];
  /** Operator classes the NPU executes; the others fall back to the CPU. */
  ops: OpClass[];
  /** Activations the NPU fuses into its operators. */
  activations: string[];
  runtime: string;
  errorBand: Figure;
}

export type Engine = CpuEngine | NpuEngine;

export interface MemoryFigure extends Figure {
  /** What the number is: "on-chip SRAM", "external QSPI flash", "LPDDR4 on the EVK"... */
  kind: string;
}

export interface Target {
  id: string;
  name: string;
  family: 'MCX N' | 'i.MX RT' | 'i.MX';
  /** The evaluation board the figures refer to. */
  board: string;
  /** Class of system: an MCU runs TFLM bare-metal, an application processor runs Linux + TFLite. */
  system: 'mcu' | 'linux';
  /** Bytes of RAM available to the model (tensor arena; on Linux also the weights). */
  ram: MemoryFigure;
  /** Bytes of non-volatile storage for model + runtime. */
  flash: MemoryFigure;
  cpu: CpuEngine;
  npu?: NpuEngine;
  notes?: string;
}
