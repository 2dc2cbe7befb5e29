/** Weight histograms for the before/after view (pure). */

export interface Histogram {
  /** Left edge of the first bin and the bin width. */
  min: number;
  width: number;
  counts: number[];
  /** Exact zeros, counted apart so the pruned spike does not flatten the rest of the plot. */
  zeros: number;
}

export function histogram(values: Float32Array[], bins = 41, range?: number): Histogram {
  let r = range ?? 0;
  if (range === undefined) for (const v of values) for (let i = 0; i < v.length; i++) r = Math.max(r, Math.abs(v[i]));
  r = r || 1;
  const width = (2 * r) / bins;
  const counts = new Array<number>(bins).fill(0);
  let zeros = 0;
  for (const v of values) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === 0) {
        zeros++;
        continue;
      }
      counts[Math.min(bins - 1, Math.max(0, Math.floor((v[i] + r) / width)))]++;
    }
  }
  return { min: -r, width, counts, zeros };
}
