/** The "Assumptions" list: every figure and rule behind an estimate, with its source. */
import type { Assumption } from './estimate-types';
import { MODEL_FIXED_BYTES, QUANT_BYTES_PER_CHANNEL, TENSOR_OVERHEAD_BYTES, TFLM_FRAMEWORK_CODE } from './flash';
import { DECOMPRESS_CYCLES_PER_WEIGHT, INT4_SLOWDOWN } from './latency';
import { ARENA_BYTES_PER_OP, ARENA_FIXED_BYTES } from './memory';
import { bandFor, bandNote } from './bands';
import type { Figure, Target } from './target-types';
import type { Deployment } from './types';

const A = 'assumed';
const row = (what: string, fig: Figure, unit = ''): Assumption => ({ what, value: `${fig.value}${unit}`, source: fig.source });
const kb = (b: number) => `${(b / 1024).toFixed(b % 1024 ? 1 : 0)} KB`;

const cache = new Map<string, Assumption[]>();

export function assumptionsFor(target: Target, dep: Deployment): Assumption[] {
  const key = `${target.id}|${dep.storage ?? 'dense'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const c = target.cpu;
  const out: Assumption[] = [
    { what: 'RAM capacity', value: kb(target.ram.value), source: `${target.ram.kind}: ${target.ram.source}` },
    { what: `Arena region: ${target.arenaRegion.name}`, value: kb(target.arenaRegion.bytes), source: target.arenaRegion.source },
    ...(target.modelRegion ? [{ what: `Model region: ${target.modelRegion.name}`, value: kb(target.modelRegion.bytes), source: target.modelRegion.source }] : []),
    { what: 'Flash capacity', value: kb(target.flash.value), source: `${target.flash.kind}: ${target.flash.source}` },
    row(`CPU clock (${c.name})`, c.clockMHz, ' MHz'),
    row('CPU η, int8 MAC/cycle', c.int8MacsPerCycle),
    row('CPU η, fp32 MAC/cycle', c.fp32MacsPerCycle),
    row('CPU η, fp16 MAC/cycle', c.fp16MacsPerCycle),
    row('CPU k, conv', c.efficiency.conv),
    row('CPU k, conv with Cin < 4', c.efficiency.convSmallCin),
    row('CPU k, depthwise', c.efficiency.depthwise),
    row('CPU k, dense', c.efficiency.dense),
    row('CPU cycles per operator', c.opOverheadCycles),
    row('CPU cycles per element (pool, add, activation)', c.elementCycles),
    row('CPU fixed cost per inference', c.fixedOverheadMs, ' ms'),
    { what: 'CPU error band', value: bandNote(bandFor(target.id, 'cpu')), source: 'held-out residuals (bands.ts, validation.ts)' },
    ...(c.weightBytesPerMs ? [{ what: 'Weight read bandwidth (XIP)', value: `${c.weightBytesPerMs.value / 1000} MB/s`, source: c.weightBytesPerMs.source }] : []),
    { what: 'int4 kernels vs int8', value: `${INT4_SLOWDOWN}× slower`, source: `${A} (unpacking two weights per byte)` },
  ];
  const n = target.npu;
  if (n) {
    out.push(
      row(`NPU clock (${n.name.split(' @')[0]})`, n.clockMHz, ' MHz'),
      row('NPU P, peak int8 MAC/cycle', n.peakMacsPerCycle),
      row('NPU input-channel lanes', n.inputLanes),
      row('NPU utilisation, conv', n.convUtilization),
      row('NPU utilisation, depthwise (of P / lanes)', n.depthwiseUtilization),
      row('NPU weight bandwidth, B/cycle', n.weightBytesPerCycle),
      ...(n.externalWeightBytesPerCycle ? [row('NPU weight bandwidth from external flash, B/cycle', n.externalWeightBytesPerCycle)] : []),
      ...(n.activationBytesPerCycle ? [row('NPU activation bandwidth (DDR), B/cycle', n.activationBytesPerCycle)] : []),
      row('NPU fixed cost per inference', n.fixedOverheadCycles, ' cycles'),
      row('NPU cost per operator', n.opOverheadCycles, ' cycles'),
      row('NPU↔CPU handover', n.handoverCycles, ' cycles'),
      { what: 'NPU per-channel weights', value: n.perChannel.supported ? `supported (×${n.perChannel.slowdown.value} compute)` : 'not supported', source: n.perChannel.slowdown.source },
      { what: 'NPU weight dtypes', value: n.dtypes.join(', '), source: 'NXP eIQ Neutron / Ethos-U / VSI documentation: int8 quantized models' },
      { what: 'NPU operators', value: n.ops.join(', '), source: `${A}; others fall back to the CPU` },
      { what: 'NPU error band', value: bandNote(bandFor(target.id, 'npu')), source: 'held-out residuals (bands.ts, validation.ts)' },
    );
  }
  out.push(
    { what: 'Unstructured sparsity', value: 'no speed-up', source: 'TFLM, CMSIS-NN and these NPUs have no sparse kernels: MACs stay dense' },
    { what: 'Bias bytes', value: 'int32 for int8/int4, else the float size', source: 'TFLite quantization spec' },
    { what: 'Quant params per channel', value: `${QUANT_BYTES_PER_CHANNEL} B`, source: 'TFLite flatbuffer: f32 scale + i64 zero point, kernel and bias' },
    { what: 'Metadata per tensor', value: `${TENSOR_OVERHEAD_BYTES} B`, source: `${A} (nxp-reference.md)` },
    { what: 'Fixed model-file part', value: kb(MODEL_FIXED_BYTES), source: `${A} (nxp-reference.md)` },
    {
      what: 'Runtime code',
      value: target.system === 'linux' ? '0 (in the OS image)' : `${kb(TFLM_FRAMEWORK_CODE)} + 2–20 KB per operator type used`,
      source: `${A} (nxp-reference.md: 10–20 KB framework + 30–60 KB kernels)`,
    },
    { what: 'Arena persistent data', value: `${ARENA_FIXED_BYTES} B + ${ARENA_BYTES_PER_OP} B per op`, source: 'nxp-reference.md; calibrated on the KWS arena (17,296 B)' },
    { what: 'Kernel scratch', value: 'conv 4·⌈Kh·Kw·Cin⌉₄ B, depthwise 2·Cin·Kh·Kw B', source: 'CMSIS-NN get_buffer_size functions' },
    { what: 'Download size', value: 'gzip ≈ entropy of zeros + 0.85·b bits per non-zero', source: A },
  );
  if ((dep.storage ?? 'dense') !== 'dense') {
    out.push({
      what: 'Compressed kernels',
      value: `expanded into scratch per op, ${DECOMPRESS_CYCLES_PER_WEIGHT} CPU cycles per weight`,
      source: `${A} (as TFLM's weight decompression does); the NPU streams dense int8`,
    });
  }
  if (target.notes) out.push({ what: 'Note', value: target.notes, source: '' });
  cache.set(key, out);
  return out;
}
