import { describe, expect, it } from 'vitest';
import { accumulateGroupTaylor, apoz, l2Normalise, obdSaliency, sumPerUnit, taylorActivation } from './criteria';

describe('criteria on hand-computed cases', () => {
  it('group Taylor sums w·g over the unit before squaring', () => {
    // Kernel [2 in, 2 units]: unit 0 = {w0, w2}, unit 1 = {w1, w3}.
    const w = Float32Array.from([1, 2, -1, 3]);
    const g = Float32Array.from([0.5, 0.1, 0.5, -0.2]);
    const acc = new Float32Array(2);
    accumulateGroupTaylor(acc, w, g);
    // unit 0: 1·0.5 + (−1)·0.5 = 0 → 0 (the terms cancel; the per-weight sum of squares would be 0.5).
    // unit 1: 2·0.1 + 3·(−0.2) = −0.4 → 0.16.
    expect(acc[0]).toBeCloseTo(0, 7);
    expect(acc[1]).toBeCloseTo(0.16, 6);
    accumulateGroupTaylor(acc, w, g);
    expect(acc[1]).toBeCloseTo(0.32, 6); // accumulates over batches
  });

  it('APoZ counts zeros per channel over samples and positions', () => {
    // 2 samples × 2 positions × 3 channels.
    const a = Float32Array.from([0, 1, 2, 0, 0, 3, /* sample 2 */ 0, 1, 0, 5, 0, 1]);
    expect([...apoz(a, 3)]).toEqual([3 / 4, 2 / 4, 1 / 4]);
  });

  it('OBD saliency is h·w²/2 with a known diagonal', () => {
    const w = Float32Array.from([2, -1, 0.5]);
    const h = Float32Array.from([0.5, 4, 8]); // Σ_b g² over 2 batches → h = [0.25, 2, 4]
    const s = obdSaliency(w, h, 2);
    expect([...s]).toEqual([0.25 * 4 / 2, 2 * 1 / 2, 4 * 0.25 / 2]);
    expect([...sumPerUnit(Float32Array.from([1, 2, 3, 4]), 2)]).toEqual([4, 6]);
  });

  it('Taylor activation takes |mean over positions| per sample, then the mean over samples', () => {
    // 2 samples × 2 positions × 1 channel.
    const a = Float32Array.from([1, 2, 3, 1]);
    const g = Float32Array.from([1, -1, 1, 1]);
    // sample 1: (1 − 2)/2 = −0.5 → 0.5; sample 2: (3 + 1)/2 = 2 → mean 1.25.
    expect([...taylorActivation(a, g, 2, 1)]).toEqual([1.25]);
    const n = l2Normalise(Float32Array.from([3, 4]));
    expect(n[0]).toBeCloseTo(0.6, 6);
    expect(n[1]).toBeCloseTo(0.8, 6);
    expect([...l2Normalise(new Float32Array(2))]).toEqual([0, 0]);
  });
});
