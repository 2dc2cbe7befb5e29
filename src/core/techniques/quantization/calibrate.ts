/**
 * Activation calibration for post-training quantization: choose the clipping range [lo, hi] of a
 * tensor from sample values seen on calibration inputs.
 * - min/max: the full observed range — no clipping error, but one outlier stretches the grid.
 * - percentile: drop the p-th tail on each side (e.g. 99.9) — a few outliers get clipped.
 * - MSE: the range that minimises the mean squared quantization error (clipping + rounding) over the
 *   samples, found by a grid search over shrink factors of the min/max range (Nagel et al. 2021's
 *   MSE range setting, as in NNCF and AIMET).
 * - KL: TensorRT's entropy calibrator (kl-calibrate.ts).
 */
import { klRange } from './kl-calibrate';
import { fakeQuantize, tensorParams, type Scheme } from './affine';
import { subsample } from './metrics';

export type CalibrationMethod = 'minmax' | 'percentile' | 'mse' | 'kl';

export interface CalibrationOptions {
  method: CalibrationMethod;
  bits: number;
  scheme: Scheme;
  /** For "percentile", e.g. 99.9. */
  percentile?: number;
}

export function minMax(x: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  return x.length ? [lo, hi] : [0, 0];
}

/** Linear-interpolated quantile of a sorted array, q in [0, 1]. */
function quantileSorted(s: Float32Array, q: number): number {
  if (s.length === 0) return 0;
  const pos = q * (s.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < s.length ? s[i] * (1 - f) + s[i + 1] * f : s[i];
}

export function percentileRange(x: ArrayLike<number>, p: number): [number, number] {
  const s = subsample(x, 400_000).sort();
  const tail = Math.min(Math.max((100 - p) / 100, 0), 0.5);
  return [quantileSorted(s, tail), quantileSorted(s, 1 - tail)];
}

/** Mean squared error of fake-quantizing x with the range [lo, hi]. */
export function rangeMse(x: ArrayLike<number>, lo: number, hi: number, bits: number, scheme: Scheme): number {
  const xq = fakeQuantize(x, tensorParams(lo, hi, bits, scheme));
  let se = 0;
  for (let i = 0; i < x.length; i++) se += (x[i] - xq[i]) ** 2;
  return se / Math.max(1, x.length);
}

export function mseRange(x: ArrayLike<number>, bits: number, scheme: Scheme, steps = 100): [number, number] {
  const s = subsample(x, 40_000);
  const [lo, hi] = minMax(s);
  let best: [number, number] = [lo, hi];
  let bestErr = Infinity;
  for (let k = steps; k >= 1; k--) {
    const f = k / steps;
    const err = rangeMse(s, lo * f, hi * f, bits, scheme);
    if (err < bestErr) {
      bestErr = err;
      best = [lo * f, hi * f];
    }
  }
  return best;
}

/** The calibrated clipping range of a tensor's sample values. */
export function calibrateRange(x: ArrayLike<number>, o: CalibrationOptions): [number, number] {
  switch (o.method) {
    case 'minmax':
      return minMax(x);
    case 'percentile':
      return percentileRange(x, o.percentile ?? 99.9);
    case 'mse':
      return mseRange(x, o.bits, o.scheme);
    case 'kl':
      return klRange(x, o.bits);
  }
}
