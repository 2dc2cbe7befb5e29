/**
 * Latency per operator on a CPU and on an NPU.
 *
 * CPU (TFLM + CMSIS-NN on Cortex-M, TFLite + XNNPACK on Cortex-A):
 *   cycles_l = MAC_l / (η_dtype · k_l) + elements_l · c_elem + c_op,   t = Σ cycles / f + t_fixed
 * NPU (Neutron, Ethos-U, VSI), in NPU cycles at the NPU clock f (architecture in target-types.ts):
 *   conv:      MAC_l / (P · u_conv · min(1, Cin / lanes_in))       (input channels fill the array)
 *   depthwise: MAC_l / ((P / lanes_in) · u_dw)                     (no reduction: output lanes only)
 *   dense:     MAC_l / (P · u_conv · min(1, Cin / lanes_in))
 *   cycles_l = max(compute_l, W_l / B_w, A_l / B_a) + c_op,   t = (c_fixed + Σ cycles_l) / f
 * Operators the NPU cannot run (op class, activation or weight dtype) run on the CPU, plus a handover
 * cost each time execution switches engine. MACs are the dense count: neither engine has sparse kernels,
 * so unstructured sparsity never changes these numbers; a smaller (structurally pruned) spec does.
 */
import type { EngineEstimate } from './estimate-types';
import { BITS, type DeployedOp, type LoweredModel } from './lower';
import type { CpuEngine, NpuEngine, OpEfficiency, Target } from './target-types';
import type { Deployment, DType } from './types';

/** int4 kernels unpack two weights per byte before the int8 MAC (CMSIS-NN s4 kernels). */
export const INT4_SLOWDOWN = 1.15;
/** Cycles per weight to expand a compressed (bitmask / CSR) kernel into scratch before the op. */
export const DECOMPRESS_CYCLES_PER_WEIGHT = 2;

/**
 * k_l of the CPU: CMSIS-NN's penalty for Cin < 4 is im2col overhead, roughly flat in Cin.
 */
function efficiencyOf(op: DeployedOp, e: OpEfficiency): number {
  switch (op.op) {
    case 'conv':
      return op.cin >= 4 ? e.conv.value : e.convSmallCin.value;
    case 'depthwise':
      return e.depthwise.value;
    case 'dense':
      return e.dense.value;
    default:
      return 1;
  }
}

/** Sustained MACs per NPU cycle for a MAC op, from the array's shape (see the file comment). */
export function npuMacsPerCycle(op: DeployedOp, npu: NpuEngine, perChannelWeights = true): number {
  const p = npu.peakMacsPerCycle.value;
  const lanes = npu.inputLanes.value;
  const perChannel = perChannelWeights ? npu.perChannel.slowdown.value : 1;
  if (op.op === 'depthwise') return ((p / lanes) * npu.depthwiseUtilization.value) / perChannel;
  return (p * npu.convUtilization.value * Math.min(1, op.cin / lanes)) / perChannel;
}

function cpuMacsPerCycle(cpu: CpuEngine, d: DType): number {
  if (d === 'fp32') return cpu.fp32MacsPerCycle.value;
  if (d === 'fp16') return cpu.fp16MacsPerCycle.value;
  if (d === 'int4') return cpu.int8MacsPerCycle.value / INT4_SLOWDOWN;
  return cpu.int8MacsPerCycle.value;
}

/** Element-wise work of non-MAC ops, in element operations. */
function elementOps(op: DeployedOp): number {
  switch (op.op) {
    case 'pool':
      return op.outputSize * op.kh * op.kw;
    case 'globalPool':
      return op.inputSize;
    case 'add':
      return 2 * op.outputSize;
    case 'activation':
      return op.activation === 'sigmoid' || op.activation === 'tanh' ? 8 * op.outputSize : op.outputSize;
    case 'softmax':
      return 20 * op.outputSize;
    case 'batchNorm':
      return 2 * op.outputSize;
    default:
      return 0;
  }
}

/** Cycles of one op on the CPU. */
export function cpuCycles(op: DeployedOp, cpu: CpuEngine, dep: Deployment, actDtype: DType): number {
  let c = cpu.opOverheadCycles.value + elementOps(op) * cpu.elementCycles.value * (actDtype === 'fp32' ? 1.5 : 1);
  if (op.macs > 0) c += op.macs / (cpuMacsPerCycle(cpu, op.weightDtype) * efficiencyOf(op, cpu.efficiency));
  if ((dep.storage ?? 'dense') !== 'dense') c += op.kernelParams * DECOMPRESS_CYCLES_PER_WEIGHT;
  return c;
}

export function cpuMs(op: DeployedOp, cpu: CpuEngine, dep: Deployment, actDtype: DType): number {
  const compute = cpuCycles(op, cpu, dep, actDtype) / (cpu.clockMHz.value * 1000);
  if (!cpu.weightBytesPerMs || op.kernelParams === 0) return compute;
  // Weights executed in place from external flash: the layer cannot finish before its weights are read.
  const stream = (op.kernelParams * BITS[op.weightDtype]) / 8 / cpu.weightBytesPerMs.value;
  return Math.max(compute, stream);
}

/** The measurement is expected within [ms / below, ms · above]. */
export interface BandFactors {
  below: number;
  above: number;
}

function band(ms: number, b: BandFactors) {
  return { ms, low: ms / b.below, high: ms * b.above };
}

export function cpuLatency(m: LoweredModel, target: Target, dep: Deployment, perOp: number[], b: BandFactors): Omit<EngineEstimate, 'calibration' | 'bandNote'> {
  const cpu = target.cpu;
  let ms = cpu.fixedOverheadMs.value;
  for (const op of m.ops) {
    const t = cpuMs(op, cpu, dep, m.activationDtype);
    perOp.push(t);
    ms += t;
  }
  return { engine: 'cpu', name: cpu.name, runtime: cpu.runtime, available: true, ...band(ms, b), fallbackOps: [] };
}

/** Why `op` cannot run on the NPU, or undefined when it can. */
export function npuFallbackReason(op: DeployedOp, npu: NpuEngine): string | undefined {
  if (!npu.ops.includes(op.op)) return `${op.op} is not an operator the ${npu.name.split(' @')[0]} runs`;
  if (op.op !== 'softmax' && !npu.activations.includes(op.activation)) return `${op.activation} activation is not supported on the NPU`;
  if (op.kernelParams > 0 && !npu.dtypes.includes(op.weightDtype)) return `${op.weightDtype} weights; the NPU takes ${npu.dtypes.join('/')} only`;
  return undefined;
}

/** Why the NPU cannot run this deployment at all (activations must be int8), or undefined. */
export function npuUnavailableReason(dep: Deployment, npu: NpuEngine): string | undefined {
  const name = npu.name.split(' @')[0];
  if (dep.dtype === 'int4') return `The ${name} takes 8-bit weights only; this variant is int4. Deploy it as int8 to use the NPU.`;
  if (!npu.dtypes.includes(dep.dtype)) {
    return `The ${name} runs ${npu.dtypes.join('/')} models only; this variant is ${dep.dtype}. Quantize it to int8 to use the NPU.`;
  }
  if (dep.activationBits === 16 && isIntegerDtype(dep.dtype) && !npu.int16Activations?.supported) {
    return `The ${name} runs int8 activations; 16-bit activations (16x8) on it have no source here (assumed not supported). Use 8-bit activations for the NPU.`;
  }
  if (dep.perChannel !== false && !npu.perChannel.supported) {
    return `The ${name} takes per-tensor quantized weights only; re-quantize this variant per tensor to use the NPU.`;
  }
  return undefined;
}

export function npuLatency(
  m: LoweredModel,
  target: Target,
  npu: NpuEngine,
  dep: Deployment,
  cpuPerOp: number[],
  perOp: (number | undefined)[],
  reasons: (string | undefined)[],
  b: BandFactors,
  /** True when the model does not fit the part's model region and weights stream from external flash. */
  weightsExternal = false,
): Omit<EngineEstimate, 'calibration' | 'bandNote'> {
  const base = { engine: 'npu' as const, name: npu.name, runtime: npu.runtime };
  const unavailable = npuUnavailableReason(dep, npu);
  if (unavailable) {
    m.ops.forEach(() => {
      perOp.push(undefined);
      reasons.push(undefined);
    });
    return { ...base, available: false, reason: unavailable, ms: NaN, low: NaN, high: NaN, fallbackOps: [] };
  }
  const hz = npu.clockMHz.value * 1000; // cycles per ms
  let ms = npu.fixedOverheadCycles.value / hz;
  let onNpu = true;
  const fallbackOps: string[] = [];
  m.ops.forEach((op, i) => {
    const why = npuFallbackReason(op, npu);
    reasons.push(why);
    let t: number;
    if (why) {
      fallbackOps.push(op.name);
      t = cpuPerOp[i] + (onNpu ? npu.handoverCycles.value / hz : 0);
      onNpu = false;
    } else {
      const compute = op.macs > 0 ? op.macs / npuMacsPerCycle(op, npu, dep.perChannel !== false) : elementOps(op) / (npu.peakMacsPerCycle.value / npu.inputLanes.value);
      // int8: one byte per weight, and per activation element read and written when tensors stream from DDR.
      const bw = weightsExternal && npu.externalWeightBytesPerCycle ? npu.externalWeightBytesPerCycle : npu.weightBytesPerCycle;
      const weights = op.kernelParams / bw.value;
      const acts = npu.activationBytesPerCycle ? (op.inputSize * op.inputs.length + op.outputSize) / npu.activationBytesPerCycle.value : 0;
      // Compressed kernels are expanded by the CPU first: the NPU streams dense int8 weights.
      const expand = (dep.storage ?? 'dense') !== 'dense' ? (op.kernelParams * DECOMPRESS_CYCLES_PER_WEIGHT) / (target.cpu.clockMHz.value * 1000) : 0;
      const cycles = Math.max(compute, weights, acts) + npu.opOverheadCycles.value + (onNpu ? 0 : npu.handoverCycles.value);
      t = cycles / hz + expand;
      onNpu = true;
    }
    perOp.push(t);
    ms += t;
  });
  return { ...base, available: true, ...band(ms, b), fallbackOps };
}

function isIntegerDtype(d: DType): boolean {
  return d === 'int8' || d === 'int4';
}
