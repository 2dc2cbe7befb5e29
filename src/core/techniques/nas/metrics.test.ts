import { describe, expect, it } from 'vitest';
import { checkBudget } from './constraints';
import { bestSoFar, paretoFront, ranks, spearman } from './metrics';

describe('pareto front', () => {
  const pts = [
    { id: 'a', acc: 0.9, cost: 10 },
    { id: 'b', acc: 0.95, cost: 20 },
    { id: 'c', acc: 0.85, cost: 15 }, // dominated by a
    { id: 'd', acc: 0.97, cost: 40 },
    { id: 'e', acc: 0.95, cost: 30 }, // dominated by b (same accuracy, dearer)
    { id: 'f', acc: 0.5, cost: 5 },
    { id: 'g', acc: 0.9, cost: 10 }, // duplicate of a
  ];
  it('keeps exactly the non-dominated points, sorted by cost', () => {
    const front = paretoFront(pts, (p) => p.acc, (p) => p.cost).map((p) => p.id);
    expect(front).toEqual(['f', 'a', 'b', 'd']);
  });
  it('handles empty input and a single point', () => {
    expect(paretoFront([], (p: number) => p, (p) => p)).toEqual([]);
    expect(paretoFront([{ acc: 1, cost: 1 }], (p) => p.acc, (p) => p.cost)).toHaveLength(1);
  });
  it('no front point is dominated and every other point is', () => {
    const front = new Set(paretoFront(pts, (p) => p.acc, (p) => p.cost));
    const dominates = (x: (typeof pts)[0], y: (typeof pts)[0]) =>
      x.cost <= y.cost && x.acc >= y.acc && (x.cost < y.cost || x.acc > y.acc);
    for (const p of pts) {
      const dominated = pts.some((q) => dominates(q, p));
      if (front.has(p)) expect(dominated).toBe(false);
      else expect(dominated || p.id === 'g').toBe(true);
    }
  });
});

describe('rank correlation', () => {
  it('averages tied ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
  it('is 1 for monotone, -1 for reversed, known value otherwise', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // Textbook example: d = [0,-1,1,0,0] -> rho = 1 - 6*2/(5*24) = 0.9
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 12);
    // With ties: ranks x = [1,2.5,2.5,4], y = [1,2,3,4] -> pearson = 0.9486833
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486833, 6);
  });
  it('is NaN when undefined', () => {
    expect(spearman([1], [2])).toBeNaN();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('best so far', () => {
  it('is the running maximum, skipping rejected entries', () => {
    expect(bestSoFar([null, 0.5, 0.4, null, 0.7, 0.6])).toEqual([null, 0.5, 0.5, 0.5, 0.7, 0.7]);
  });
});

describe('constraint filter', () => {
  const budget = { ramKB: 100, flashKB: 200, latencyMs: 20 };
  it('rejects exactly the estimates over a limit and names each violation', () => {
    const cases = [
      { c: { ramBytes: 100 * 1024, flashBytes: 200 * 1024, latencyMs: 20 }, ok: true, n: 0 },
      { c: { ramBytes: 100 * 1024 + 1, flashBytes: 1, latencyMs: 1 }, ok: false, n: 1 },
      { c: { ramBytes: 1, flashBytes: 200 * 1024 + 1, latencyMs: 1 }, ok: false, n: 1 },
      { c: { ramBytes: 1, flashBytes: 1, latencyMs: 20.001 }, ok: false, n: 1 },
      { c: { ramBytes: 1e9, flashBytes: 1e9, latencyMs: 1e9 }, ok: false, n: 3 },
    ];
    for (const { c, ok, n } of cases) {
      const v = checkBudget(c, budget);
      expect(v.feasible).toBe(ok);
      expect(v.reasons).toHaveLength(n);
    }
    expect(checkBudget({ ramBytes: 131 * 1024, flashBytes: 0, latencyMs: 0 }, budget).reasons).toEqual(['RAM 131.0 KB > 100 KB']);
  });
  it('ignores missing or zero limits', () => {
    expect(checkBudget({ ramBytes: 1e12, flashBytes: 1e12, latencyMs: 1e12 }, { ramKB: 0 }).feasible).toBe(true);
  });
});
