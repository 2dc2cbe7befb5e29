import { describe, expect, it } from 'vitest';
import { argsortAscending, computeMasks, jaccardPruned, layerSparsity, overallSparsity, reduceToUnits } from './masks';
import type { LayerScores, PruneConfig } from './types';

function seeded(n: number, seed: number): Float32Array {
  let a = seed;
  return Float32Array.from({ length: n }, () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32 - 0.5;
  });
}

const layers: LayerScores[] = [
  { layer: 'a', shape: [12, 7], scores: seeded(84, 1).map(Math.abs) },
  { layer: 'b', shape: [3, 3, 2, 5], scores: seeded(90, 2).map(Math.abs) },
  { layer: 'c', shape: [7, 10], scores: seeded(70, 3).map(Math.abs) },
];
const cfg = (p: Partial<PruneConfig>): PruneConfig => ({
  granularity: 'unstructured',
  scope: 'global',
  criterion: 'magnitude',
  target: 0.5,
  layers: ['a', 'b', 'c'],
  ...p,
});
const pruned = (m: { mask: Uint8Array }) => m.mask.reduce((n, v) => n + (v ? 0 : 1), 0);

describe('argsortAscending', () => {
  it('orders by score and breaks ties by index', () => {
    expect([...argsortAscending(Float32Array.from([3, 1, 2, 1, 0]))]).toEqual([4, 1, 3, 2, 0]);
  });
});

describe('computeMasks, unstructured', () => {
  it('prunes nothing at 0 %', () => {
    for (const scope of ['global', 'local'] as const) {
      const masks = computeMasks(layers, cfg({ target: 0, scope }));
      expect(masks.every((m) => m.mask.every((v) => v === 1))).toBe(true);
    }
  });

  it('hits the global target exactly, even with every score tied', () => {
    const tied = layers.map((l) => ({ ...l, scores: new Float32Array(l.scores.length).fill(0.5) }));
    for (const target of [0.1, 0.5, 0.8, 0.9, 0.95, 0.99]) {
      for (const set of [layers, tied]) {
        const masks = computeMasks(set, cfg({ target }));
        const total = 84 + 90 + 70;
        expect(masks.reduce((n, m) => n + pruned(m), 0)).toBe(Math.round(target * total));
      }
    }
    // Ties go in position order: the first layer loses its weights first.
    const masks = computeMasks(tied, cfg({ target: 0.25 }));
    expect(pruned(masks[0])).toBe(61);
    expect(pruned(masks[1])).toBe(0);
  });

  it('global prunes the smallest scores across layers', () => {
    const masks = computeMasks(layers, cfg({ target: 0.6 }));
    let maxPruned = -Infinity;
    let minKept = Infinity;
    masks.forEach((m, li) => {
      m.mask.forEach((keep, i) => {
        const s = layers[li].scores[i];
        if (keep) minKept = Math.min(minKept, s);
        else maxPruned = Math.max(maxPruned, s);
      });
    });
    expect(maxPruned).toBeLessThanOrEqual(minKept);
  });

  it('local hits the target in every layer, with overrides', () => {
    const masks = computeMasks(layers, cfg({ scope: 'local', target: 0.8, overrides: { b: 0.3 } }));
    expect(pruned(masks[0])).toBe(Math.round(0.8 * 84));
    expect(pruned(masks[1])).toBe(Math.round(0.3 * 90));
    expect(pruned(masks[2])).toBe(Math.round(0.8 * 70));
    expect(layerSparsity(masks[2]).sparsity).toBeCloseTo(56 / 70, 10);
  });

  it('leaves excluded layers without masks', () => {
    const masks = computeMasks(layers, cfg({ layers: ['a', 'c'], target: 0.5 }));
    expect(masks.map((m) => m.layer)).toEqual(['a', 'c']);
    expect(overallSparsity(masks).weights).toBeCloseTo(77 / 154, 10);
  });
});

describe('computeMasks, structured', () => {
  it('removes whole units (columns / filters) and exactly k of them', () => {
    const masks = computeMasks(layers, cfg({ granularity: 'structured', scope: 'local', target: 0.4 }));
    for (const m of masks) {
      const units = m.shape[m.shape.length - 1];
      expect(m.units!.reduce((n, v) => n + (v ? 0 : 1), 0)).toBe(Math.round(0.4 * units));
      m.mask.forEach((v, i) => expect(v).toBe(m.units![i % units]));
    }
  });

  it('global hits the unit target exactly and keeps one unit per layer', () => {
    const masks = computeMasks(layers, cfg({ granularity: 'structured', target: 0.5 }));
    expect(masks.reduce((n, m) => n + m.units!.reduce((a, v) => a + (v ? 0 : 1), 0), 0)).toBe(Math.round(0.5 * 22));
    const extreme = computeMasks(layers, cfg({ granularity: 'structured', target: 0.99 }));
    for (const m of extreme) expect(m.units!.reduce((a, v) => a + v, 0)).toBeGreaterThanOrEqual(1);
  });

  it('ranks units by the RMS of magnitude scores', () => {
    // Unit 1 has the largest norm, unit 0 the smallest.
    const s: LayerScores = { layer: 'd', shape: [2, 3], scores: Float32Array.from([0.1, 3, 1, 0.1, 3, 1]) };
    expect([...reduceToUnits(s.scores, 3, 'rms')]).toEqual([0.1, 3, 1].map((v) => Math.fround(v)));
    const masks = computeMasks([s], { ...cfg({ granularity: 'structured', scope: 'local', target: 1 / 3 }), layers: ['d'] });
    expect([...masks[0].units!]).toEqual([0, 1, 1]);
  });
});

describe('jaccardPruned', () => {
  it('is 1 for identical masks, 0 for disjoint, |∩|/|∪| otherwise', () => {
    const m = (bits: number[]) => [{ layer: 'a', shape: [bits.length], mask: Uint8Array.from(bits) }];
    expect(jaccardPruned(m([0, 1, 0, 1]), m([0, 1, 0, 1]))).toBe(1);
    expect(jaccardPruned(m([0, 1, 1, 1]), m([1, 0, 1, 1]))).toBe(0);
    expect(jaccardPruned(m([0, 0, 1, 1]), m([0, 1, 0, 1]))).toBeCloseTo(1 / 3, 10);
    expect(jaccardPruned(m([1, 1]), m([1, 1]))).toBe(1);
  });
});
