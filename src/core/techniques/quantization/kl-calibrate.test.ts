import { describe, expect, it } from 'vitest';
import { candidate, klDivergence, klRange, klThresholdBins } from './kl-calibrate';

describe('KL-divergence (entropy) calibration', () => {
  it('picks the threshold of a known histogram, computed by hand', () => {
    // hist [6, 2, 1, 1], 2 levels. i = 2: P [6, 4], Q [6, 2] → KL 0.0541;
    // i = 3: P [6, 2, 2], Q [6, 1.5, 1.5] → 0.0097; i = 4: P [6, 2, 1, 1], Q [4, 4, 1, 1] → 0.1046.
    const hist = [6, 2, 1, 1];
    expect([...candidate(hist, 3, 2).q]).toEqual([6, 1.5, 1.5]);
    expect(klDivergence(...Object.values(candidate(hist, 2, 2)) as [Float64Array, Float64Array])).toBeCloseTo(0.6 * Math.log(0.6 / 0.75) + 0.4 * Math.log(0.4 / 0.25), 10);
    expect(klDivergence(candidate(hist, 3, 2).p, candidate(hist, 3, 2).q)).toBeCloseTo(0.6 * Math.log(0.6 / (6 / 9)) + 0.4 * Math.log(0.2 / (1.5 / 9)), 10);
    expect(klDivergence(candidate(hist, 4, 2).p, candidate(hist, 4, 2).q)).toBeCloseTo(0.6 * Math.log(0.6 / 0.4) + 0.2 * Math.log(0.2 / 0.4), 10);
    expect(klThresholdBins(hist, 2)).toBe(3);
  });

  it('keeps the whole range of a uniform histogram and clips a lone outlier', () => {
    expect(klThresholdBins(new Array(256).fill(5), 16)).toBe(256);
    // Gaussian-like bulk plus one far outlier: the threshold lands well inside the range.
    const x: number[] = [];
    let a = 7;
    for (let i = 0; i < 20000; i++) {
      a = (a * 1664525 + 1013904223) >>> 0;
      const u = a / 2 ** 32;
      a = (a * 1664525 + 1013904223) >>> 0;
      const v = a / 2 ** 32;
      x.push(Math.sqrt(-2 * Math.log(u + 1e-12)) * Math.cos(2 * Math.PI * v));
    }
    x.push(40);
    const [lo, hi] = klRange(x, 8);
    expect(lo).toBe(-hi);
    expect(hi).toBeGreaterThan(2);
    expect(hi).toBeLessThan(20);
    // Non-negative data (after ReLU) gets a one-sided range.
    expect(klRange(x.map(Math.abs), 8)[0]).toBe(0);
  });
});
