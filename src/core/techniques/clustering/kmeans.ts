/**
 * Weight clustering (weight sharing) of one layer: 1-D k-means over its weights (Han et al. 2016,
 * "Deep Compression", §3; the TF Model Optimization toolkit's clustering API). After clustering the
 * layer stores a codebook of k centroids and one index per weight.
 *
 * Centroid initialisation, as Han et al. §3.1 and tfmot's CentroidInitialization define them:
 *  linear   k values evenly spaced between the layer's min and max weight (Han et al.'s best)
 *  density  k values at evenly spaced quantiles of the weights' CDF (dense near 0)
 *  random   k values drawn uniformly between min and max (tfmot's RANDOM), seeded
 * Pruned weights (exact zeros) are left out when `keepZeros` is set: they keep a reserved code and
 * stay exactly zero, so clustering does not undo pruning (tfmot's sparsity-preserving clustering).
 */
import { mulberry32 } from '../../data/random';

export type CentroidInit = 'linear' | 'density' | 'random';

export interface LayerClusters {
  /** k centroids (some may end up unused). */
  centroids: Float32Array;
  /** Per weight: its centroid's index, or `centroids.length` (the zero code) for a kept zero. */
  index: Uint16Array;
}


export function initCentroids(values: Float32Array, k: number, init: CentroidInit, seed = 1): Float32Array {
  if (values.length === 0) return new Float32Array(k);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (init === 'linear') return Float32Array.from({ length: k }, (_, i) => (k === 1 ? (min + max) / 2 : min + ((max - min) * i) / (k - 1)));
  if (init === 'random') {
    const r = mulberry32(seed);
    return Float32Array.from({ length: k }, () => min + (max - min) * r()).sort();
  }
  const sorted = Float32Array.from(values).sort();
  return Float32Array.from({ length: k }, (_, i) => sorted[Math.min(sorted.length - 1, Math.floor(((i + 0.5) / k) * sorted.length))]);
}

/** Index of the nearest centroid; `sorted` centroids allow a binary search. */
function nearest(sorted: Float32Array, v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(v - sorted[lo]) <= Math.abs(v - sorted[hi]) ? lo : hi;
}

/** Lloyd's k-means in 1-D (assign to nearest, move to the mean) until no assignment changes. */
export function clusterLayer(w: Float32Array, k: number, init: CentroidInit, opts: { seed?: number; keepZeros?: boolean; iterations?: number } = {}): LayerClusters {
  if (!Number.isInteger(k) || k < 2 || k > 256) throw new Error(`clusters must be an integer from 2 to 256, got ${k}`);
  const keepZeros = opts.keepZeros ?? true;
  const members = keepZeros ? w.filter((v) => v !== 0) : w;
  const c = initCentroids(members, k, init, opts.seed).sort();
  const index = new Uint16Array(w.length);
  const zeroCode = k;
  const assign = (): boolean => {
    let changed = false;
    for (let i = 0; i < w.length; i++) {
      const code = keepZeros && w[i] === 0 ? zeroCode : nearest(c, w[i]);
      if (code !== index[i]) changed = true;
      index[i] = code;
    }
    return changed;
  };
  for (let it = 0; it < (opts.iterations ?? 50); it++) {
    if (!assign() && it > 0) break;
    const sum = new Float64Array(k);
    const count = new Uint32Array(k);
    for (let i = 0; i < w.length; i++) {
      if (index[i] === zeroCode) continue;
      sum[index[i]] += w[i];
      count[index[i]]++;
    }
    for (let j = 0; j < k; j++) if (count[j] > 0) c[j] = sum[j] / count[j];
    // An empty cluster keeps its old value, which may leave the order; the binary search needs it.
    c.sort();
  }
  assign();
  return { centroids: c, index };
}

/** The layer's weights with every weight replaced by its centroid (kept zeros stay 0). */
export function reconstruct(cl: LayerClusters): Float32Array {
  const k = cl.centroids.length;
  return Float32Array.from(cl.index, (i) => (i === k ? 0 : cl.centroids[i]));
}

/** New centroids = mean of the members' current values (used after each fine-tuning step). */
export function recentre(cl: LayerClusters, current: Float32Array): Float32Array {
  const k = cl.centroids.length;
  const sum = new Float64Array(k);
  const count = new Uint32Array(k);
  for (let i = 0; i < current.length; i++) {
    const j = cl.index[i];
    if (j === k) continue;
    sum[j] += current[i];
    count[j]++;
  }
  const c = cl.centroids;
  for (let j = 0; j < k; j++) if (count[j] > 0) c[j] = sum[j] / count[j];
  return reconstruct(cl);
}

/** Number of distinct values in an array (tests and the report use it to check sharing). */
export function distinctValues(w: Float32Array): number {
  return new Set(w).size;
}
