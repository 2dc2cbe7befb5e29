/** Error measures between a float tensor and its quantized version, and histograms for the page. */

export interface QuantError {
  /** Signal-to-quantization-noise ratio 10·log10(Σx² / Σ(x − x̂)²) in dB; Infinity when exact. */
  sqnrDb: number;
  maxAbsError: number;
  /** Root mean squared error. */
  rmse: number;
  /** Fraction of values outside the representable range (clipped). */
  clippedFraction: number;
}

export function quantError(x: ArrayLike<number>, xq: ArrayLike<number>, range?: [number, number]): QuantError {
  let sig = 0;
  let noise = 0;
  let maxErr = 0;
  let clipped = 0;
  for (let i = 0; i < x.length; i++) {
    const e = x[i] - xq[i];
    sig += x[i] * x[i];
    noise += e * e;
    const a = Math.abs(e);
    if (a > maxErr) maxErr = a;
    if (range && (x[i] < range[0] || x[i] > range[1])) clipped++;
  }
  const n = Math.max(1, x.length);
  return {
    sqnrDb: noise === 0 ? Infinity : 10 * Math.log10(sig / noise),
    maxAbsError: maxErr,
    rmse: Math.sqrt(noise / n),
    clippedFraction: clipped / n,
  };
}

export interface Histogram {
  lo: number;
  hi: number;
  /** Bin width. */
  width: number;
  counts: number[];
}

/** Equal-width histogram over [lo, hi] (values outside land in the edge bins). */
export function histogram(x: ArrayLike<number>, bins: number, lo?: number, hi?: number): Histogram {
  let a = lo ?? Infinity;
  let b = hi ?? -Infinity;
  if (lo === undefined || hi === undefined) {
    for (let i = 0; i < x.length; i++) {
      if (lo === undefined && x[i] < a) a = x[i];
      if (hi === undefined && x[i] > b) b = x[i];
    }
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) a = b = 0;
  if (b <= a) b = a + 1e-6;
  const width = (b - a) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < x.length; i++) {
    const k = Math.floor((x[i] - a) / width);
    counts[k < 0 ? 0 : k >= bins ? bins - 1 : k]++;
  }
  return { lo: a, hi: b, width, counts };
}

/** Every k-th value so that at most `max` remain (deterministic; keeps calibration cheap). */
export function subsample(x: ArrayLike<number>, max: number): Float32Array {
  if (x.length <= max) return Float32Array.from(x);
  const step = x.length / max;
  const out = new Float32Array(max);
  for (let i = 0; i < max; i++) out[i] = x[Math.floor(i * step)];
  return out;
}
