import { describe, expect, it } from 'vitest';
import { niceTicks } from './ticks';

describe('niceTicks', () => {
  it('picks 1, 2 or 5 × 10^k steps inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 2.3, 5)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(87.3, 91.2, 5)).toEqual([88, 89, 90, 91]);
    expect(niceTicks(2, 8, 6)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(niceTicks(0, 1200, 5)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
  });
  it('prints rounded values and handles an empty range', () => {
    expect(niceTicks(0.1, 0.35, 5).every((t) => String(t).length <= 4)).toBe(true);
    expect(niceTicks(3, 3, 5)).toEqual([3]);
    expect(niceTicks(NaN, 1, 5)).toEqual([]);
  });
});
