/**
 * Output-by-output comparison of two int8 runs of the same model on the same images (the app's
 * integer engine vs a real runtime): accuracy, argmax agreement, and the share of int8 outputs equal
 * or within one step (1 LSB) — requantization rounding differs between kernels by at most that.
 */

export interface Int8Comparison {
  count: number;
  accuracy: number;
  argmaxAgreement: number;
  exact: number;
  withinOne: number;
  maxDiff: number;
  disagreements: { index: number; label: number; app: number; runtime: number }[];
}

function argmax(v: ArrayLike<number>, start: number, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (v[start + k] > v[start + best]) best = k;
  return best;
}

export function compareInt8(app: ArrayLike<number>, runtime: ArrayLike<number>, labels: ArrayLike<number>, outSize: number, count = labels.length): Int8Comparison {
  let correct = 0;
  let agree = 0;
  let exact = 0;
  let within = 0;
  let maxDiff = 0;
  const disagreements: Int8Comparison['disagreements'] = [];
  for (let i = 0; i < count; i++) {
    const a = argmax(app, i * outSize, outSize);
    const r = argmax(runtime, i * outSize, outSize);
    if (r === labels[i]) correct++;
    if (a === r) agree++;
    else if (disagreements.length < 20) disagreements.push({ index: i, label: labels[i], app: a, runtime: r });
    for (let k = 0; k < outSize; k++) {
      const d = Math.abs(app[i * outSize + k] - runtime[i * outSize + k]);
      if (d === 0) exact++;
      if (d <= 1) within++;
      if (d > maxDiff) maxDiff = d;
    }
  }
  const n = count * outSize;
  return { count, accuracy: correct / count, argmaxAgreement: agree / count, exact: exact / n, withinOne: within / n, maxDiff, disagreements };
}
