/**
 * Flash (model file + runtime code) and download size.
 *
 * Model file ≈ kernels in their storage format + biases + quantization parameters + per-tensor
 * metadata + a fixed flatbuffer part; runtime code = framework + the kernels the model uses.
 * Compressed kernel formats (sizes for N weights, nnz non-zeros, b bits, R rows):
 *   bitmask: ⌈N/8⌉ + ⌈nnz·b/8⌉            (one bit per weight says zero or not)
 *   CSR:     nnz·(b/8 + idx) + 4·(R + 1)   (column index per non-zero, row pointers)
 * so bitmask beats dense only past s* = 1/b (12.5 % at int8) and CSR only past s* = idx/(b/8+idx).
 */
import type { FlashEstimate } from './estimate-types';
import { BITS, type DeployedOp, type LoweredModel } from './lower';
import type { OpClass, Target } from './target-types';
import type { Deployment, DType, StorageFormat } from './types';

/** Flatbuffer metadata per tensor (shape, type, name, buffer entry). */
export const TENSOR_OVERHEAD_BYTES = 150;
/** Fixed part of a .tflite file (schema tables, operator codes, signature). */
export const MODEL_FIXED_BYTES = 4096;
// Quantization parameters: one definition, shared with the Quantization lab's "Model size".
import { QUANT_BYTES_PER_ACTIVATION, QUANT_BYTES_PER_CHANNEL } from './model-size';
export { QUANT_BYTES_PER_CHANNEL };
export const TFLM_FRAMEWORK_CODE = 16 * 1024;
/** Approximate code size of the CMSIS-NN / TFLM kernels per operator class (all their variants). */
export const KERNEL_CODE: Record<OpClass, number> = {
  conv: 20 * 1024,
  depthwise: 14 * 1024,
  dense: 6 * 1024,
  pool: 5 * 1024,
  globalPool: 4 * 1024,
  add: 4 * 1024,
  activation: 2 * 1024,
  softmax: 4 * 1024,
  batchNorm: 4 * 1024,
};
/** gzip ratio on the non-zero weight values: trained weights are close to Gaussian, so only a little. */
const GZIP_VALUE_RATIO: Record<DType, number> = { fp32: 0.92, fp16: 0.9, int8: 0.85, int4: 0.92 };
/** gzip on metadata, biases and scales. */
const GZIP_OTHER_RATIO = 0.5;

/** Bytes per CSR column index: the smallest unsigned integer that addresses a row's columns. */
export function csrIndexBytes(cols: number): number {
  return cols <= 256 ? 1 : cols <= 65536 ? 2 : 4;
}

/** Bytes of one kernel of `n` weights (`rows` output channels) in a storage format. */
export function weightStorageBytes(n: number, rows: number, sparsity: number, dtype: DType, format: StorageFormat): number {
  if (n === 0) return 0;
  const b = BITS[dtype];
  const nnz = Math.round(n * (1 - sparsity));
  switch (format) {
    case 'dense':
      return Math.ceil((n * b) / 8);
    case 'bitmask':
      return Math.ceil(n / 8) + Math.ceil((nnz * b) / 8);
    case 'csr': {
      const r = Math.max(1, rows);
      return nnz * (b / 8 + csrIndexBytes(Math.ceil(n / r))) + 4 * (r + 1);
    }
  }
}

/** Sparsity above which `format` is smaller than dense (for a large kernel of `cols` columns). */
export function breakEvenSparsity(dtype: DType, format: StorageFormat, cols = 1024): number {
  const bytes = BITS[dtype] / 8;
  if (format === 'dense') return 0;
  if (format === 'bitmask') return 1 / BITS[dtype];
  const idx = csrIndexBytes(cols);
  return idx / (bytes + idx);
}

function biasBytes(d: DType): number {
  // int8/int4 kernels use int32 biases; float kernels keep float biases.
  return d === 'fp16' ? 2 : 4;
}

function isQuantized(d: DType) {
  return d === 'int8' || d === 'int4';
}

export function flashEstimate(m: LoweredModel, dep: Deployment, target: Target): FlashEstimate {
  const storage = dep.storage ?? 'dense';
  const perChannel = dep.perChannel ?? true;
  let weights = 0;
  let biases = 0;
  let quant = 0;
  let tensors = 1; // model input
  const used = new Set<OpClass>();
  for (const op of m.ops) {
    used.add(op.op);
    tensors += 1; // output activation tensor
    if (isQuantized(m.activationDtype)) quant += QUANT_BYTES_PER_ACTIVATION;
    if (op.kernelParams > 0) {
      weights += kernelBytes(op, storage);
      biases += op.biases * (dep.activationBits === 16 && isQuantized(op.weightDtype) ? 8 : biasBytes(op.weightDtype)); // 16x8: int64 biases
      tensors += op.biases > 0 ? 2 : 1;
      if (isQuantized(op.weightDtype)) quant += perChannel ? QUANT_BYTES_PER_CHANNEL * op.outChannels : QUANT_BYTES_PER_CHANNEL;
    }
  }
  const overhead = tensors * TENSOR_OVERHEAD_BYTES + MODEL_FIXED_BYTES;
  const model = weights + biases + quant + overhead;
  const code = target.system === 'linux' ? 0 : TFLM_FRAMEWORK_CODE + [...used].reduce((a, o) => a + KERNEL_CODE[o], 0);
  const total = model + code;
  const capacity = target.flash.value;
  return {
    weights,
    biases,
    quantParams: quant,
    overhead,
    model,
    code,
    total,
    capacity,
    margin: capacity - total,
    fits: total <= capacity,
    storage,
    breakEven: breakEvenSparsity(dep.dtype, storage),
  };
}

export function kernelBytes(op: DeployedOp, storage: StorageFormat): number {
  return weightStorageBytes(op.kernelParams, op.outChannels, op.sparsity, op.weightDtype, storage);
}

/** Binary entropy in bits. */
function h2(p: number): number {
  return p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/**
 * gzip-equivalent size of the model file: the zero pattern costs ≈ its entropy (×1.2 for deflate's
 * inefficiency), each non-zero ≈ ρ_b·b bits, metadata halves. Independent of the storage format,
 * since gzip removes most of the difference between them.
 */
export function downloadBytes(m: LoweredModel, flash: FlashEstimate): number {
  let bits = 0;
  for (const op of m.ops) {
    if (op.kernelParams === 0) continue;
    const s = op.sparsity;
    bits += op.kernelParams * (1.2 * h2(s) + (1 - s) * GZIP_VALUE_RATIO[op.weightDtype] * BITS[op.weightDtype]);
  }
  return Math.round(bits / 8 + (flash.biases + flash.quantParams + flash.overhead) * GZIP_OTHER_RATIO);
}
