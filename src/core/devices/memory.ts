/**
 * RAM: the tensor-arena plan. Ops run in spec order; a tensor lives from the op that writes it to
 * the last op that reads it (skip connections keep tensors alive across several ops). While op i
 * runs, the arena holds every live tensor plus op i's kernel scratch:
 *   arena = max_i (Σ live activations_i + scratch_i) + persistent (≈1 KB + 60 B per op).
 * This is what TFLM's greedy planner achieves on chains and residual blocks (it never overlaps two
 * tensors that are alive together). MCUs read weights from flash (execute-in-place), so weights are
 * not in the arena; Linux parts load the model file into DDR, so there they are.
 */
import type { MemoryStep, RamEstimate } from './estimate-types';
import { BITS, activationBytes, type DeployedOp, type LoweredModel } from './lower';
import type { Target } from './target-types';
import type { Deployment } from './types';

export const ARENA_FIXED_BYTES = 1024;
export const ARENA_BYTES_PER_OP = 60;

/**
 * CMSIS-NN scratch buffers (int8): conv im2col of two int16 columns = 4·⌈Kh·Kw·Cin⌉₄ (none for 1x1),
 * generic depthwise 2·Cin·Kh·Kw (the 3x3 kernel needs none), average pooling an int32 per channel.
 * fp32 TFLM reference kernels need no scratch. Compressed kernels (bitmask / CSR) are expanded into
 * scratch for the op that uses them, so their dense size is added.
 */
export function scratchBytes(op: DeployedOp, dep: Deployment, quantized: boolean): number {
  let s = 0;
  if (quantized) {
    const c = op.cin;
    if (op.op === 'conv' && op.kh * op.kw > 1) s = 4 * (Math.ceil((op.kh * op.kw * c) / 4) * 4);
    else if (op.op === 'depthwise' && !(op.kh === 3 && op.kw === 3 && op.outChannels === c)) s = 2 * c * op.kh * op.kw;
    else if (op.op === 'pool' || op.op === 'globalPool') s = 4 * c;
  }
  if ((dep.storage ?? 'dense') !== 'dense' && op.kernelParams > 0) s += Math.ceil((op.kernelParams * BITS[op.weightDtype]) / 8);
  return s;
}

/**
 * Arena when the NPU runs the model. The Neutron converter replaces the supported subgraph with one
 * custom operator: TFLM keeps that operator's input (the model input) alive for its whole run, and
 * the converter plans the intermediate tensors in its own scratch without reusing the input's
 * space. So: the live-tensor plan with the model input pinned, no CMSIS-NN scratch, plus TFLM's
 * persistent data. On the RT700 SDK examples this gives 17.5 KB / 45.1 KB / 148.5 KB for DS-CNN,
 * CifarNet and MobileNetV1 0.25/128 against 17,296 / 44,768 / 149,184 B measured (memory.test.ts;
 * those three arenas suggested the rule, so they check it rather than validate it independently).
 */
export function npuArenaBytes(m: LoweredModel): number {
  const lastUse = new Map<string, number>();
  m.ops.forEach((op, i) => op.inputs.forEach((t) => lastUse.set(t, i)));
  const live = new Map<string, number>([['input', m.info.inputSize]]);
  let peak = 0;
  m.ops.forEach((op, i) => {
    live.set(op.output, op.outputSize);
    let act = 0;
    for (const v of live.values()) act += v;
    peak = Math.max(peak, act);
    for (const t of [...live.keys()]) if (t !== 'input' && (lastUse.get(t) ?? -1) <= i && i < m.ops.length - 1) live.delete(t);
  });
  return peak + ARENA_FIXED_BYTES;
}

export function ramEstimate(m: LoweredModel, dep: Deployment, target: Target, modelFileBytes: number): RamEstimate {
  const bytesPerAct = dep.activationBits === 16 ? 2 : activationBytes(m.activationDtype); // 16x8: int16 tensors
  const quantized = m.activationDtype === 'int8' || m.activationDtype === 'int4';
  const lastUse = new Map<string, number>();
  m.ops.forEach((op, i) => op.inputs.forEach((t) => lastUse.set(t, i)));
  const last = m.ops.length - 1;
  if (last >= 0) lastUse.set(m.ops[last].output, last);

  const live = new Map<string, number>([['input', m.info.inputSize]]);
  const timeline: MemoryStep[] = [];
  let peak = 0;
  let peakAt = '';
  let maxScratch = 0;
  m.ops.forEach((op, i) => {
    live.set(op.output, op.outputSize);
    let act = 0;
    for (const v of live.values()) act += v * bytesPerAct;
    const scratch = scratchBytes(op, dep, quantized);
    maxScratch = Math.max(maxScratch, scratch);
    const total = act + scratch;
    timeline.push({ name: op.name, live: [...live.keys()], activationBytes: act, scratchBytes: scratch, totalBytes: total });
    if (total > peak) {
      peak = total;
      peakAt = op.name;
    }
    // Free what no later op reads.
    for (const t of [...live.keys()]) if ((lastUse.get(t) ?? -1) <= i && i < last) live.delete(t);
  });
  const overhead = ARENA_FIXED_BYTES + ARENA_BYTES_PER_OP * m.ops.length;
  const arena = peak + overhead;
  const weights = target.system === 'linux' ? modelFileBytes : 0;
  const total = arena + weights;
  // An arena must be one contiguous block: judge it against the largest region, not the RAM total.
  const capacity = target.arenaRegion.bytes;
  return {
    activationPeak: peak,
    peakAt,
    scratch: maxScratch,
    overhead,
    arena,
    npuArena: target.npu && quantized ? npuArenaBytes(m) : undefined,
    region: target.arenaRegion.name,
    weights,
    total,
    capacity,
    margin: capacity - total,
    fits: total <= capacity,
    timeline,
  };
}
