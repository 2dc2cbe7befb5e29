import { describe, expect, it } from 'vitest';
import { multiplierValue, multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierSingle, quantizeMultiplier, roundingDivideByPOT, srdhm } from './fixed-point';
import { mulberry32 } from '../../data/random';

const I32_MIN = -(2n ** 31n);
const I32_MAX = 2n ** 31n - 1n;

/** Reference gemmlowp in BigInt (exact 64-bit). */
function srdhmRef(a: number, b: number): number {
  if (a === -2147483648 && b === -2147483648) return 2147483647;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  const q = (ab + nudge) / (1n << 31n); // BigInt division truncates toward zero, like C++
  return Number(q < I32_MIN ? I32_MIN : q > I32_MAX ? I32_MAX : q);
}
function rdbpRef(x: number, e: number): number {
  const mask = (1n << BigInt(e)) - 1n;
  const X = BigInt(x);
  const rem = X & mask;
  const thr = (mask >> 1n) + (X < 0n ? 1n : 0n);
  return Number((X >> BigInt(e)) + (rem > thr ? 1n : 0n));
}

describe('fixed-point requantization (TFLite / gemmlowp)', () => {
  it('quantizeMultiplier reproduces M to 2^-31 relative over many magnitudes', () => {
    const r = mulberry32(5);
    for (let i = 0; i < 5000; i++) {
      const m = 2 ** (r() * 40 - 30) * (0.5 + r());
      const q = quantizeMultiplier(m);
      expect(q.multiplier).toBeGreaterThanOrEqual(2 ** 30);
      expect(q.multiplier).toBeLessThan(2 ** 31);
      expect(Number.isInteger(q.multiplier)).toBe(true);
      expect(Math.abs(multiplierValue(q) - m) / m).toBeLessThanOrEqual(2 ** -31);
    }
    // Typical int8 conv multiplier s_in·s_w/s_out.
    const m = (0.0039215 * 0.0021) / 0.0517;
    const q = quantizeMultiplier(m);
    expect(q.shift).toBe(Math.floor(Math.log2(m)) + 1);
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 2 ** 30, shift: 0 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 2 ** 30, shift: 1 });
  });

  it('SaturatingRoundingDoublingHighMul equals the exact 64-bit BigInt reference', () => {
    const r = mulberry32(9);
    const cases: [number, number][] = [
      [-2147483648, -2147483648],
      [2147483647, 2147483647],
      [-2147483648, 2147483647],
      [0, 123],
      [-1, 1 << 30],
      [1, 1 << 30],
      [-3, 1 << 30],
    ];
    for (let i = 0; i < 20000; i++) {
      const a = Math.floor(r() * 2 ** 32) - 2 ** 31;
      const b = i % 2 ? Math.floor(r() * 2 ** 32) - 2 ** 31 : 2 ** 30 + Math.floor(r() * 2 ** 30);
      const small = Math.floor(r() * 200001) - 100000;
      cases.push([a, b], [small, b]);
    }
    for (const [a, b] of cases) expect(srdhm(a, b)).toBe(srdhmRef(a, b));
  });

  it('RoundingDivideByPOT rounds to nearest, ties away from zero', () => {
    expect(roundingDivideByPOT(5, 1)).toBe(3);
    expect(roundingDivideByPOT(-5, 1)).toBe(-3);
    expect(roundingDivideByPOT(4, 1)).toBe(2);
    expect(roundingDivideByPOT(-7, 2)).toBe(-2);
    const r = mulberry32(2);
    for (let i = 0; i < 5000; i++) {
      const x = Math.floor(r() * 2 ** 32) - 2 ** 31;
      const e = 1 + Math.floor(r() * 31);
      expect(roundingDivideByPOT(x, e)).toBe(rdbpRef(x, e));
    }
  });

  it('MultiplyByQuantizedMultiplier ≈ round(x·M) within 1', () => {
    const r = mulberry32(4);
    for (let i = 0; i < 5000; i++) {
      const m = 2 ** (r() * 20 - 16);
      const x = Math.floor(r() * 2 ** 24) - 2 ** 23;
      const q = quantizeMultiplier(m);
      expect(Math.abs(multiplyByQuantizedMultiplier(x, q.multiplier, q.shift) - x * m)).toBeLessThanOrEqual(1);
    }
  });

  it('single rounding equals the exact 64-bit (x·m + 2^(30−shift)) >> (31−shift)', () => {
    const r = mulberry32(8);
    for (let i = 0; i < 20000; i++) {
      const x = i % 3 ? Math.floor(r() * 2 ** 32) - 2 ** 31 : Math.floor(r() * 2 ** 20) - 2 ** 19;
      const m = 2 ** 30 + Math.floor(r() * 2 ** 30);
      const shift = -Math.floor(r() * 31) + (i % 7 === 0 ? 5 : 0);
      const ts = BigInt(31 - shift);
      const ref = Number((BigInt(x) * BigInt(m) + (1n << (ts - 1n))) >> ts);
      const got = multiplyByQuantizedMultiplierSingle(x, m, shift);
      if (Number.isSafeInteger(ref) && Math.abs(ref) < 2 ** 31) expect(got).toBe(ref);
    }
    // Rounds once: x·M = 5.5 → 6 (half up), where double rounding can differ.
    const q = quantizeMultiplier(0.25);
    expect(multiplyByQuantizedMultiplierSingle(22, q.multiplier, q.shift)).toBe(6);
    expect(multiplyByQuantizedMultiplierSingle(-22, q.multiplier, q.shift)).toBe(-5);
  });
});
