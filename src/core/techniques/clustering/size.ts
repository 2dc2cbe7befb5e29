/**
 * What a clustered model costs to store, next to fp32 dense. Two honest numbers:
 *  packed  per clustered kernel a codebook (k fp32 centroids, or k int8 + one fp32 scale) and one
 *          ⌈log₂ k⌉-bit index per weight — for a pruned kernel a 1-bit-per-weight bitmask and indices
 *          only for the non-zeros (Deep Compression stores sparse indices; this is its simplest form);
 *          every other tensor (biases, unclustered kernels) dense fp32
 *  gzip    gzip of a plain image: codebooks, then one index byte per weight (0 = pruned, 1 + code),
 *          then the other tensors as fp32 — what a generic compressor finds in the repetition
 * Neither is a format TFLite Micro executes: on the device the shared weights run as an ordinary
 * (int8 or fp32) kernel; the gain is flash for storage and download, not RAM or time.
 */
import type { WeightSet } from '../../model/spec';
import { gzipSize } from '../pruning/ledger';
import type { LayerClusters } from './kmeans';

export interface ClusteredSize {
  fp32Dense: number;
  packed: number;
  gzip: number;
  /** Codebook bytes and index (+ bitmask) bytes inside `packed`. */
  codebooks: number;
  indices: number;
}

export const indexBits = (k: number) => Math.max(1, Math.ceil(Math.log2(k)));

/** Packed bytes of one clustered kernel. */
export function packedLayerBytes(cl: LayerClusters, int8Codebook: boolean): { codebook: number; indices: number } {
  const k = cl.centroids.length;
  let zeros = 0;
  for (const i of cl.index) if (i === k) zeros++;
  const n = cl.index.length;
  const codebook = int8Codebook ? k + 4 : 4 * k;
  const indices = zeros > 0 ? Math.ceil(n / 8) + Math.ceil(((n - zeros) * indexBits(k)) / 8) : Math.ceil((n * indexBits(k)) / 8);
  return { codebook, indices };
}

export async function clusteredSize(weights: WeightSet, clusters: Map<string, LayerClusters>, int8Codebook: boolean): Promise<ClusteredSize> {
  let fp32Dense = 0;
  let codebooks = 0;
  let indices = 0;
  let other = 0;
  const parts: Uint8Array[] = [];
  const rest: Float32Array[] = [];
  for (const w of weights) {
    fp32Dense += 4 * w.data.length;
    const cl = w.role === 'kernel' ? clusters.get(w.layer) : undefined;
    if (!cl) {
      other += 4 * w.data.length;
      rest.push(w.data);
      continue;
    }
    const p = packedLayerBytes(cl, int8Codebook);
    codebooks += p.codebook;
    indices += p.indices;
    const k = cl.centroids.length;
    if (int8Codebook) {
      const scale = Math.max(...cl.centroids.map(Math.abs)) / 127 || 1;
      parts.push(Uint8Array.from(cl.centroids, (c) => Math.round(c / scale) & 0xff));
    } else {
      parts.push(new Uint8Array(Float32Array.from(cl.centroids).buffer));
    }
    // k = 256 plus the zero code needs two bytes per index.
    if (k < 256) parts.push(Uint8Array.from(cl.index, (i) => (i === k ? 0 : i + 1)));
    else parts.push(new Uint8Array(Uint16Array.from(cl.index, (i) => (i === k ? 0 : i + 1)).buffer));
  }
  for (const r of rest) parts.push(new Uint8Array(Float32Array.from(r).buffer));
  const image = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    image.set(p, off);
    off += p.length;
  }
  return { fp32Dense, packed: codebooks + indices + other, gzip: await gzipSize(image), codebooks, indices };
}
