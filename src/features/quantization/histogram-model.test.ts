import { describe, expect, it } from 'vitest';
import { channelValues, histogramView } from './histogram-model';

describe('histogram explorer view-model', () => {
  const values = Float32Array.from({ length: 4000 }, (_, i) => Math.sin(i * 0.37) * (i % 50 === 0 ? 3 : 1));
  it('narrowing the clipping range changes SQNR and clips values', () => {
    const wide = histogramView(values, [-3, 3], 4, 'symmetric', true);
    const narrow = histogramView(values, [-1, 1], 4, 'symmetric', true);
    expect(wide.error.clippedFraction).toBe(0);
    expect(narrow.error.clippedFraction).toBeGreaterThan(0);
    expect(narrow.error.sqnrDb).not.toBeCloseTo(wide.error.sqnrDb, 1);
    expect(narrow.error.maxAbsError).toBeGreaterThan(1); // an outlier at ±3 clipped to ±1
    expect(wide.error.maxAbsError).toBeLessThanOrEqual(wide.params.scale[0] / 2 + 1e-6);
    expect(wide.levels).toHaveLength(15);
    expect(wide.bins.reduce((a, b) => a + b.float, 0)).toBe(values.length);
    expect(wide.bins.reduce((a, b) => a + b.quantized, 0)).toBe(values.length);
  });
  it('hides the level lines when there are too many; examples round-trip', () => {
    const v = histogramView(values, [-3, 3], 8, 'asymmetric', false);
    expect(v.levels).toBeNull();
    expect(v.levelCount).toBe(256);
    for (const e of v.examples) expect(Math.abs(e.x - e.xq)).toBeLessThanOrEqual(v.params.scale[0] / 2 + 1e-6);
  });
  it('channelValues takes every C-th value', () => {
    expect(Array.from(channelValues(Float32Array.from([0, 1, 2, 3, 4, 5]), 3, 1))).toEqual([1, 4]);
  });
});
