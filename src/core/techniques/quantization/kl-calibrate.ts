/**
 * Entropy (KL-divergence) calibration, TensorRT's calibrator (Migacz, "8-bit Inference with
 * TensorRT", GTC 2017): histogram |x| into 2048 bins; for every candidate threshold of i bins, P is
 * the first i bins with everything beyond folded into the last one, Q is those i bins merged into the
 * grid's L levels and spread back evenly over the bins that were non-empty; the threshold keeps the i
 * with the smallest KL(P‖Q). The range is [−T, T], or [0, T] for a tensor with no negative values
 * (then all 2^bits levels lie on one side).
 */
import { subsample } from './metrics';

/** KL(P‖Q) of two unnormalised histograms; a bin with P > 0 and Q = 0 costs as if Q were tiny. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  let kl = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    const pi = p[i] / sp;
    const qi = Math.max(q[i] / sq, 1e-12);
    kl += pi * Math.log(pi / qi);
  }
  return kl;
}

/** The candidate reference P and quantized Q (expanded back to i bins) for a threshold of i bins. */
export function candidate(hist: ArrayLike<number>, i: number, levels: number): { p: Float64Array; q: Float64Array } {
  const p = Float64Array.from({ length: i }, (_, j) => hist[j]);
  for (let j = i; j < hist.length; j++) p[i - 1] += hist[j];
  const q = new Float64Array(i);
  const merged = Math.floor(i / levels);
  for (let l = 0; l < levels; l++) {
    const start = l * merged;
    const end = l === levels - 1 ? i : start + merged;
    let sum = 0;
    let nonEmpty = 0;
    for (let j = start; j < end; j++) {
      sum += hist[j];
      if (hist[j] !== 0) nonEmpty++;
    }
    for (let j = start; j < end; j++) if (hist[j] !== 0) q[j] = sum / nonEmpty;
  }
  return { p, q };
}

/** Number of bins i (levels ≤ i ≤ bins) whose threshold minimises KL(P‖Q). */
export function klThresholdBins(hist: ArrayLike<number>, levels: number): number {
  let best = hist.length;
  let bestKl = Infinity;
  for (let i = Math.min(levels, hist.length); i <= hist.length; i++) {
    const { p, q } = candidate(hist, i, levels);
    const kl = klDivergence(p, q);
    if (kl < bestKl) {
      bestKl = kl;
      best = i;
    }
  }
  return best;
}

export function klRange(x: ArrayLike<number>, bits: number, bins = 2048): [number, number] {
  const s = subsample(x, 200_000);
  let max = 0;
  let negative = false;
  for (let i = 0; i < s.length; i++) {
    max = Math.max(max, Math.abs(s[i]));
    if (s[i] < 0) negative = true;
  }
  if (max === 0) return [0, 0];
  const hist = new Float64Array(bins);
  for (let i = 0; i < s.length; i++) hist[Math.min(bins - 1, Math.floor((Math.abs(s[i]) / max) * bins))]++;
  const levels = negative ? 2 ** (bits - 1) : 2 ** bits;
  const t = (klThresholdBins(hist, Math.min(levels, bins)) / bins) * max;
  return negative ? [-t, t] : [0, t];
}
