import { describe, expect, it } from 'vitest';
import {
  dequantize,
  fakeQuantize,
  intRange,
  levels,
  paramsForRange,
  quantize,
  representableRange,
  tensorParams,
  weightParams,
} from './affine';
import { roundBf16, roundFp16 } from './float-formats';
import { quantError } from './metrics';
import { calibrateRange } from './calibrate';
import { mulberry32, normal } from '../../data/random';

function randn(n: number, seed: number, sd = 1): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => normal(r) * sd);
}

describe('affine quantization', () => {
  it('integer ranges: narrow for symmetric weights, full otherwise', () => {
    expect(intRange(8, true)).toEqual([-127, 127]);
    expect(intRange(8, false)).toEqual([-128, 127]);
    expect(intRange(2, true)).toEqual([-1, 1]);
    expect(intRange(16, false)).toEqual([-32768, 32767]);
    expect(() => intRange(1, false)).toThrow(RangeError);
    expect(() => intRange(17, false)).toThrow(RangeError);
  });

  for (const scheme of ['symmetric', 'asymmetric'] as const) {
    for (const bits of [2, 4, 8, 12]) {
      it(`${scheme} ${bits}-bit: error ≤ scale/2 in range, zero exact`, () => {
        const x = randn(5000, bits, 0.7);
        const p = tensorParams(-1.3, 2.1, bits, scheme);
        const [lo, hi] = representableRange(p);
        const xq = fakeQuantize(x, p);
        const s = p.scale[0];
        let inRange = 0;
        for (let i = 0; i < x.length; i++) {
          if (x[i] >= lo && x[i] <= hi) {
            inRange++;
            // + float32 rounding of the stored result (xq is a Float32Array).
            expect(Math.abs(x[i] - xq[i])).toBeLessThanOrEqual(s / 2 + 2 ** -22 * Math.abs(x[i]));
          } else {
            // Outside, the value is clipped to the nearest end of the range.
            expect(xq[i]).toBeCloseTo(x[i] < lo ? lo : hi, 5);
          }
        }
        expect(inRange).toBeGreaterThan(1000);
        expect(fakeQuantize([0], p)[0]).toBe(0);
        const q = quantize(x, p);
        for (const v of q) {
          expect(v).toBeGreaterThanOrEqual(p.qmin);
          expect(v).toBeLessThanOrEqual(p.qmax);
        }
        if (scheme === 'symmetric') expect(p.zeroPoint).toEqual([0]);
      });
    }
  }

  it('zero is representable even for an all-positive range', () => {
    const p = paramsForRange(0.5, 3, 8, 'asymmetric');
    expect(p.zeroPoint).toBe(-128);
    expect(p.scale * (p.zeroPoint - p.zeroPoint)).toBe(0);
    const q = paramsForRange(-4, -1, 4, 'asymmetric');
    expect(dequantize([q.zeroPoint], { bits: 4, qmin: q.qmin, qmax: q.qmax, scale: [q.scale], zeroPoint: [q.zeroPoint] })[0]).toBe(0);
  });

  it('per-channel: one scale per output channel (trailing axis), from that channel only', () => {
    // Kernel [3, 2] (dense in=3, out=2): channel 0 small, channel 1 large.
    const w = [0.1, 10, -0.2, -5, 0.05, 2];
    const p = weightParams(w, { bits: 8, scheme: 'symmetric', granularity: 'per-channel', channels: 2 });
    expect(p.scale).toHaveLength(2);
    expect(p.scale[0]).toBeCloseTo(0.2 / 127, 7);
    expect(p.scale[1]).toBeCloseTo(10 / 127, 6);
    expect(p.zeroPoint).toEqual([0, 0]);
    const pt = weightParams(w, { bits: 8, scheme: 'symmetric', granularity: 'per-tensor', channels: 2 });
    expect(pt.scale).toHaveLength(1);
    // Per-channel is far more accurate for the small channel.
    const e1 = quantError([0.1, -0.2, 0.05], fakeQuantize(w, p).filter((_, i) => i % 2 === 0));
    const e2 = quantError([0.1, -0.2, 0.05], fakeQuantize(w, pt).filter((_, i) => i % 2 === 0));
    expect(e1.sqnrDb).toBeGreaterThan(e2.sqnrDb + 20);
  });

  it('stochastic rounding is unbiased and seeded', () => {
    const p = tensorParams(-1, 1, 4, 'symmetric');
    const x = new Float32Array(20000).fill(0.3 * p.scale[0] + 2 * p.scale[0]);
    const a = quantize(x, p, 'stochastic', 7);
    const b = quantize(x, p, 'stochastic', 7);
    expect(Array.from(a)).toEqual(Array.from(b));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean).toBeGreaterThan(2.28);
    expect(mean).toBeLessThan(2.32);
    expect(new Set(a).size).toBe(2);
  });

  it('levels: 2^b values, evenly spaced by the scale, containing 0', () => {
    const p = tensorParams(-1, 3, 3, 'asymmetric');
    const l = levels(p);
    expect(l).toHaveLength(8);
    expect(l).toContain(0);
    for (let i = 1; i < l.length; i++) expect(l[i] - l[i - 1]).toBeCloseTo(p.scale[0], 6);
  });
});

describe('16-bit floats', () => {
  it('fp16 rounding matches known values', () => {
    expect(roundFp16(1)).toBe(1);
    expect(roundFp16(1 + 2 ** -11)).toBe(1); // tie to even
    expect(roundFp16(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
    expect(roundFp16(65504)).toBe(65504);
    expect(roundFp16(1e6)).toBe(Infinity);
    expect(roundFp16(2 ** -24)).toBe(2 ** -24);
    expect(roundFp16(0.1)).toBeCloseTo(0.0999755859375, 12);
    expect(roundFp16(-0.1)).toBeCloseTo(-0.0999755859375, 12);
  });
  it('bf16 keeps 8 significant bits', () => {
    expect(roundBf16(1)).toBe(1);
    expect(roundBf16(1 + 2 ** -8)).toBe(1); // tie to even
    expect(roundBf16(1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6);
    expect(roundBf16(3.14159)).toBe(3.140625);
    const x = randn(1000, 3);
    for (const v of x) expect(Math.abs(roundBf16(v) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -8);
  });
});

describe('calibration', () => {
  const x = randn(50000, 11);
  x[0] = 40; // one outlier
  it('min/max covers everything; percentile and MSE clip the outlier', () => {
    const mm = calibrateRange(x, { method: 'minmax', bits: 8, scheme: 'asymmetric' });
    expect(mm[1]).toBe(40);
    const pc = calibrateRange(x, { method: 'percentile', percentile: 99.9, bits: 8, scheme: 'asymmetric' });
    expect(pc[1]).toBeGreaterThan(2.8);
    expect(pc[1]).toBeLessThan(4);
    const ms = calibrateRange(x, { method: 'mse', bits: 4, scheme: 'symmetric' });
    expect(ms[1]).toBeLessThan(10);
    const err = (r: [number, number]) => quantError(x, fakeQuantize(x, tensorParams(r[0], r[1], 4, 'symmetric'))).rmse;
    expect(err(ms)).toBeLessThan(err(mm));
  });
});
