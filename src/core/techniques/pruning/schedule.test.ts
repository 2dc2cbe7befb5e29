import { describe, expect, it } from 'vitest';
import { isPruneStep, scheduleFractions, scheduledSparsity, type PruneSchedule } from './schedule';

const s: PruneSchedule = { initial: 0, final: 0.8, begin: 10, end: 110, frequency: 10 };

describe('polynomial decay schedule (Zhu & Gupta 2017)', () => {
  it('is 0 before the start, s_i at t0 and s_f from the end on', () => {
    expect(scheduledSparsity(0, s)).toBe(0);
    expect(scheduledSparsity(10, s)).toBe(0);
    expect(scheduledSparsity(110, s)).toBe(0.8);
    expect(scheduledSparsity(500, s)).toBe(0.8);
  });

  it('follows s_f + (s_i − s_f)(1 − p)³ and rises monotonically', () => {
    expect(scheduledSparsity(60, s)).toBeCloseTo(0.8 - 0.8 * 0.5 ** 3, 12);
    let last = -1;
    for (let t = 0; t <= 120; t++) {
      const v = scheduledSparsity(t, s);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });

  it('recomputes masks every Δt steps between t0 and the end', () => {
    const steps = Array.from({ length: 130 }, (_, t) => t).filter((t) => isPruneStep(t, s));
    expect(steps).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
  });
});

describe('schedule start and span from the page', () => {
  it('start % and span % of the steps become fractions, the end capped at the last step', () => {
    expect(scheduleFractions(0, 70)).toEqual({ begin: 0, end: 0.7 });
    expect(scheduleFractions(20, 50)).toEqual({ begin: 0.2, end: 0.7 });
    expect(scheduleFractions(60, 70)).toEqual({ begin: 0.6, end: 1 });
  });
});
