/**
 * Plain-number helpers for the page (no tfjs): the teacher's soft targets for one digit at any
 * temperature. The page keeps the teacher's logits for the chosen test digit, so moving the
 * Temperature slider redraws the bars at once, without asking the worker or retraining.
 */

/** softmax(z / T), numerically stable (max subtracted). */
export function softmaxWithTemperature(logits: ArrayLike<number>, temperature: number): number[] {
  if (!(Number.isFinite(temperature) && temperature > 0)) {
    throw new RangeError(`temperature must be a positive number, got ${temperature}`);
  }
  const n = logits.length;
  if (n === 0) return [];
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i] / temperature);
  const out = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.exp(logits[i] / temperature - max);
    sum += out[i];
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** Entropy in bits: 0 for a one-hot target, log2(10) ≈ 3.32 for a uniform one over 10 classes. */
export function entropyBits(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log2(p[i]);
  return h;
}

export interface SoftTargetRow {
  digit: number;
  /** Probability at T = 1. */
  atOne: number;
  /** Probability at the chosen temperature. */
  atT: number;
}

/** Rows for the soft-target bar chart: one per class, at T = 1 and at the chosen T. */
export function softTargetRows(logits: ArrayLike<number>, temperature: number): SoftTargetRow[] {
  const p1 = softmaxWithTemperature(logits, 1);
  const pt = softmaxWithTemperature(logits, temperature);
  return p1.map((atOne, digit) => ({ digit, atOne, atT: pt[digit] }));
}
