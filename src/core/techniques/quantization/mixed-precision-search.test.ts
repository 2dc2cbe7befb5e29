import { describe, expect, it } from 'vitest';
import { greedyPath, overridesOf, paretoFront, sensitivityScan, weightBytes } from './mixed-precision';

describe('mixed-precision search', () => {
  it('Pareto front: drops dominated points and duplicates, sorted by size', () => {
    const pts = [
      { bytes: 100, accuracy: 0.9 }, // 0: front
      { bytes: 50, accuracy: 0.85 }, // 1: front
      { bytes: 60, accuracy: 0.8 }, // 2: dominated by 1
      { bytes: 100, accuracy: 0.88 }, // 3: dominated by 0
      { bytes: 20, accuracy: 0.5 }, // 4: front
      { bytes: 50, accuracy: 0.85 }, // 5: duplicate of 1
    ];
    expect(paretoFront(pts)).toEqual([4, 1, 0]);
  });

  it('weight bytes by hand: ⌈n·b/8⌉ per layer', () => {
    expect(weightBytes({ a: 10, b: 3 }, { a: 4, b: 2 })).toBe(5 + 1);
  });

  it('scan: one layer at a time, drop = reference − accuracy', async () => {
    // A fake model: layer "a" loses 10 pp per bit below 8, "b" loses 1 pp.
    const evaluate = async (bits: Record<string, number>) => 0.95 - 0.1 * (8 - bits.a) / 4 - 0.01 * (8 - bits.b) / 4;
    const { reference, rows } = await sensitivityScan(['a', 'b'], [4, 2], 8, evaluate);
    expect(reference).toBeCloseTo(0.95);
    expect(rows.map((r) => [r.layer, r.bits, Number(r.drop.toFixed(4))])).toEqual([['a', 4, 0.1], ['a', 2, 0.15], ['b', 4, 0.01], ['b', 2, 0.015]]);
  });

  it('greedy path lowers the cheapest layer per byte first and ends with every layer at the lowest level', () => {
    const rows = [
      { layer: 'a', bits: 4, accuracy: 0, drop: 0.1 }, { layer: 'a', bits: 2, accuracy: 0, drop: 0.3 },
      { layer: 'b', bits: 4, accuracy: 0, drop: 0.01 }, { layer: 'b', bits: 2, accuracy: 0, drop: 0.02 },
    ];
    const path = greedyPath({ a: 100, b: 100 }, [8, 4, 2], rows);
    expect(path).toEqual([{ a: 8, b: 4 }, { a: 8, b: 2 }, { a: 4, b: 2 }, { a: 2, b: 2 }]);
    expect(overridesOf(path[1], 8)).toEqual({ b: 2 });
  });
});
