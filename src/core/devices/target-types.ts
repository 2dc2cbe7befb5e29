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
}

/**
 * An NPU described by its architecture (see latency.ts for how these combine):
 * a MAC array of P = inputLanes x outputLanes int8 MACs per cycle; a convolution fills it only when
 * it has at least `inputLanes` input channels, and a depthwise convolution (no input-channel
 * reduction) runs on the output lanes alone. Weights and (on DDR-based parts) activations stream
 * at a bandwidth per cycle; fixed and per-operator costs are cycles at the NPU clock.
 */
export interface NpuEngine {
  kind: 'npu';
  id: string;
  name: string;
  npu: NpuKind;
  clockMHz: Figure;
  /** P: int8 MACs per cycle of the whole array. */
  peakMacsPerCycle: Figure;
  /** Input channels reduced in parallel: a conv with Cin < inputLanes leaves part of the array idle. */
  inputLanes: Figure;
  /** Fraction of the peak a well-shaped convolution sustains (tiling edges, pipeline fill). */
  convUtilization: Figure;
  /** Fraction of the output lanes a depthwise convolution keeps busy (P / inputLanes lanes at most). */
  depthwiseUtilization: Figure;
  /** Bytes of weights per NPU cycle from where the weights live (on-chip flash/SRAM or DDR). */
  weightBytesPerCycle: Figure;
  /** Bytes of weights per cycle when the model does not fit the part's model region (external flash). */
  externalWeightBytesPerCycle?: Figure;
  /**
   * Bytes of activations per cycle when tensors live in DDR and a data mover streams them; undefined
   * when activations stay in on-chip SRAM next to the NPU.
   */
  activationBytesPerCycle?: Figure;
  /** Fixed cost per inference (driver, job setup, cache maintenance), in NPU cycles. */
  fixedOverheadCycles: Figure;
  /** Cost per operator (command stream / microcode / DMA setup), in NPU cycles. */
  opOverheadCycles: Figure;
  /** Extra cost each time execution moves between NPU and CPU, in NPU cycles. */
  handoverCycles: Figure;
  /** Per-channel weight quantization: native, or slower (factor on compute), as documented. */
  perChannel: { supported: boolean; slowdown: Figure };
  /** Weight dtypes the NPU executes (the others fall back to the CPU). */
  dtypes: DType[];
  /** 16x8 (int16 activations with int8 weights): runs on the NPU, with its source. Absent = not known to. */
  int16Activations?: { supported: boolean; source: string };
  /** Operator classes the NPU executes; the others fall back to the CPU. */
  ops: OpClass[];
  /** Activations the NPU fuses into its operators. */
  activations: string[];
  /** Runtime name shown in the panel. */
  runtime: string;
}

export type Engine = CpuEngine | NpuEngine;

export interface MemoryFigure extends Figure {
  /** What the number is: "on-chip SRAM", "external QSPI flash", "LPDDR4 on the EVK"... */
  kind: string;
}

/** A contiguous memory region: what a tensor arena (or a copied model) can occupy. */
export interface MemoryRegion {
  /** Named as the part's memory map / SDK linker script names it, e.g. "OCRAM 0x2020_0000 (m_data2)". */
  name: string;
  bytes: number;
  source: string;
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
  /** The largest contiguous RAM region an arena can use: fit is judged against it (TCM vs OCRAM, SRAM partitions). */
  arenaRegion: MemoryRegion;
  /** On-chip RAM the runtime copies the model into when it fits; otherwise weights stay in external flash. */
  modelRegion?: MemoryRegion;
  /** Bytes of non-volatile storage for model + runtime. */
  flash: MemoryFigure;
  cpu: CpuEngine;
  npu?: NpuEngine;
  notes?: string;
}
