/**
 * Evenly spaced "nice" axis ticks (steps of 1, 2 or 5 × 10^k, the one nearest (hi − lo) / (count − 1)) covering [lo, hi], about `count` of
 * them, as axis libraries pick them; values are rounded so 0.1 + 0.2 prints as 0.3.
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo || count < 2) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / (count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The nearest of 1, 2, 5, 10 on a log scale (d3's thresholds: √2, √10, √50).
  const e = raw / power;
  const step = (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.SQRT2 ? 2 : 1) * power;
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toFixed(digits)));
  return out;
}
