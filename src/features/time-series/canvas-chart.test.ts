import { describe, expect, it } from 'vitest';
import { extentOf, niceTicks, plotFrame, tickFormat } from './canvas-chart';

describe('canvas chart axes', () => {
  it('puts ticks at 1, 2 or 5 × 10^k inside the domain', () => {
    expect(niceTicks([0, 1], 6).values.map((v) => +v.toFixed(9))).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks([0.55, 10.45], 6)).toMatchObject({ step: 2, values: [2, 4, 6, 8, 10] });
    expect(niceTicks([-1.5, 2.2], 4).values).toEqual([-1, 0, 1, 2]);
    expect(niceTicks([3, 3]).values).toEqual([3]);
  });

  it('formats ticks with the decimals their step needs', () => {
    expect(tickFormat(2)(4)).toBe('4');
    expect(tickFormat(0.2)(0.4)).toBe('0.4');
    expect(tickFormat(0.25)(0.5)).toBe('0.50');
    expect(tickFormat(0.05, 's')(0.1)).toBe('0.10s');
  });

  it('pads the data extent and gives a flat series some height', () => {
    expect(extentOf([0, 10])).toEqual([-0.5, 10.5]);
    expect(extentOf([2, 2])).toEqual([1.95, 2.05]);
    expect(extentOf([])).toEqual([0, 1]);
  });

  it('leaves more room for larger (presenter) text', () => {
    const small = plotFrame(400, 200, 12, { yLabel: true, xTitle: true, yTickChars: 4, lastXTickChars: 3 });
    const large = plotFrame(400, 200, 18, { yLabel: true, xTitle: true, yTickChars: 4, lastXTickChars: 3 });
    expect(large.width).toBeLessThan(small.width);
    expect(large.height).toBeLessThan(small.height);
    expect(small.left + small.width).toBeLessThan(400);
  });
});
