/**
 * The size ledger of a (pruned) model: what each storage format costs.
 *
 * Every byte figure is "weights only" (src/core/devices/model-size.ts) and comes from the device
 * estimator itself, so the ledger and the device panel print the same number for the same model:
 * dense fp32, dense int8, and int8 values stored as bitmask (one bit per position + the non-zeros) or
 * CSR (a column index per non-zero + row pointers); int8 rows include the int32 biases and the
 * quantization parameters (batch norm folded, as deployed). "gzip" runs the dense int8 kernels
 * through gzip for real.
 * Unstructured zeros do not shrink dense storage and do not cut the MACs a dense kernel runs; only the
 * sparse formats gain, and only past their break-even sparsity (bitmask at int8: 12.5 %).
 */
import { analyzeSpec } from '../../model/analyze';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { weightStorageBytes } from '../../devices/flash';
import { estimate } from '../../devices/estimate';
import { modelSizes } from '../../devices/model-size';
import type { DType, StorageFormat } from '../../devices/types';
import { isNmSparse, NM_PATTERN } from './masks';

export interface SizeLedger {
  params: number;
  /** Parameters that are not zero (pruned kernel weights removed). */
  nonZeroParams: number;
  macs: number;
  /** MACs whose weight is non-zero: what a sparse kernel could skip to, not what a dense one runs. */
  nonZeroMacs: number;
  denseFp32: number;
  denseInt8: number;
  bitmask: number;
  csr: number;
  /**
   * 2:4 storage: per group of 4, the 2 kept int8 values + a 2-bit position for each (2.5 B per 4
   * weights) for layers whose kernel is 2:4-sparse, dense int8 for the rest; null when no layer is.
   */
  nm: number | null;
  /** Bytes (gzip of the int8 kernels + the dense rest), or null until measured (gzipSize is async). */
  gzip: number | null;
}

function countNonZero(d: Float32Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) n++;
  return n;
}

/** "Weights only" does not depend on the part (only the runtime code does), so any target gives it. */
const ANY_TARGET = 'mcxn947';

function weightsOnly(spec: ModelSpec, dtype: DType, storage: StorageFormat, sparsity: Record<string, number>): number {
  return modelSizes(estimate(spec, { dtype, perChannel: true, storage, sparsity }, ANY_TARGET).flash).weights;
}

export function sizeLedger(spec: ModelSpec, weights: WeightSet): SizeLedger {
  const info = analyzeSpec(spec);
  const kernels = new Map(weights.filter((w) => w.role === 'kernel').map((w) => [w.layer, w]));
  let nonZeroKernel = 0;
  let kernelParams = 0;
  let nonZeroMacs = 0;
  const bytes = { int8: 0, nm: 0 };
  const perLayer: Record<string, number> = {};
  let nmLayers = 0;
  for (const l of info.layers) {
    if (!l.kernelParams) continue;
    const k = kernels.get(l.name);
    const nz = k ? countNonZero(k.data) : l.kernelParams;
    const sparsity = 1 - nz / l.kernelParams;
    kernelParams += l.kernelParams;
    nonZeroKernel += nz;
    nonZeroMacs += l.macs * (nz / l.kernelParams);
    perLayer[l.name] = sparsity;
    bytes.int8 += weightStorageBytes(l.kernelParams, l.outChannels, 0, 'int8', 'dense');
    if (k && sparsity > 0 && isNmSparse(k.data, k.shape, NM_PATTERN.n, NM_PATTERN.m)) {
      nmLayers++;
      bytes.nm += nmStorageBytes(k.shape, NM_PATTERN.n, NM_PATTERN.m);
    } else {
      bytes.nm += weightStorageBytes(l.kernelParams, l.outChannels, 0, 'int8', 'dense');
    }
  }
  const denseInt8 = weightsOnly(spec, 'int8', 'dense', perLayer);
  return {
    params: info.params,
    nonZeroParams: info.params - kernelParams + nonZeroKernel,
    macs: info.macs,
    nonZeroMacs: Math.round(nonZeroMacs),
    denseFp32: weightsOnly(spec, 'fp32', 'dense', perLayer),
    denseInt8,
    bitmask: weightsOnly(spec, 'int8', 'bitmask', perLayer),
    csr: weightsOnly(spec, 'int8', 'csr', perLayer),
    // 2:4 has no estimator format: the dense int8 model with its 2:4 kernels swapped in.
    nm: nmLayers > 0 ? denseInt8 - bytes.int8 + bytes.nm : null,
    gzip: null,
  };
}

/** N:M storage of one int8 kernel: N values + N indices of ⌈log₂ M⌉ bits per group of M. */
export function nmStorageBytes(shape: number[], n: number, m: number): number {
  const units = shape[shape.length - 1];
  const reduction = shape.reduce((a, b) => a * b, 1) / units;
  let kept = 0;
  for (let g = 0; g < reduction; g += m) kept += Math.min(n, reduction - g);
  kept *= units;
  return kept + Math.ceil((kept * Math.ceil(Math.log2(m))) / 8);
}

/** Symmetric per-tensor int8 image of the kernels (zeros stay exactly zero). */
export function int8Kernels(weights: WeightSet): Int8Array {
  const kernels = weights.filter((w) => w.role === 'kernel');
  const out = new Int8Array(kernels.reduce((a, w) => a + w.data.length, 0));
  let off = 0;
  for (const w of kernels) {
    let max = 0;
    for (let i = 0; i < w.data.length; i++) max = Math.max(max, Math.abs(w.data[i]));
    const scale = max > 0 ? 127 / max : 0;
    for (let i = 0; i < w.data.length; i++) out[off + i] = Math.round(w.data[i] * scale);
    off += w.data.length;
  }
  return out;
}

/** gzip size of bytes via the standard CompressionStream (browsers, workers and Node ≥ 18). */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  const buf = await new Response(stream).arrayBuffer();
  return buf.byteLength;
}

/** Ledger with the gzip size of the int8 kernels plus the dense other parameters measured. */
export async function sizeLedgerWithGzip(spec: ModelSpec, weights: WeightSet): Promise<SizeLedger> {
  const l = sizeLedger(spec, weights);
  const k = int8Kernels(weights);
  const gz = await gzipSize(new Uint8Array(k.buffer, k.byteOffset, k.byteLength));
  const kernelBytes = k.length;
  return { ...l, gzip: gz + (l.denseInt8 - kernelBytes) };
}
