import { describe, expect, it } from 'vitest';
import { zooSpec } from '../../model/zoo/mnist';
import { analyzeSpec } from '../../model/analyze';
import { computeMasks } from './masks';
import { unitMacCost } from './structure';
import type { LayerScores } from './types';

describe('cost-aware global structured pruning', () => {
  it('a unit\'s MAC cost counts its own MACs and what its readers lose', () => {
    const spec = zooSpec('lenet5');
    const cost = unitMacCost(spec, ['conv2', 'fc1']);
    const layers = analyzeSpec(spec).layers;
    const conv2 = layers.find((l) => l.name === 'conv2')!;
    const fc1 = layers.find((l) => l.name === 'fc1')!;
    // One conv2 filter: its own 1/16 of conv2's MACs + 25 of fc1's 400 inputs (5·5 positions) × 120 units.
    expect(cost.conv2).toBe(conv2.macs / 16 + 25 * 120);
    // One fc1 unit: its 400 MACs + one input of fc2 × 84 units.
    expect(cost.fc1).toBe(fc1.macs / 120 + 84);
  });

  it('with equal importance, "macs" removes the expensive layer\'s units first; "l2" evens out the scales', () => {
    const scores: LayerScores[] = [
      { layer: 'cheap', shape: [4, 4], scores: new Float32Array(16), unitScores: Float32Array.from([1, 2, 3, 4]) },
      { layer: 'dear', shape: [4, 4], scores: new Float32Array(16), unitScores: Float32Array.from([10, 20, 30, 40]) },
    ];
    const base = { granularity: 'structured' as const, scope: 'global' as const, criterion: 'activation' as const, target: 0.25, layers: ['cheap', 'dear'] };
    // Raw scores: the cheap layer's small numbers go first.
    expect([...computeMasks(scores, base)[0].units!]).toEqual([0, 0, 1, 1]);
    // L2: the same shape in both layers → ties, broken by position (the first layer, lowest units).
    const l2 = computeMasks(scores, { ...base, normalise: 'l2' });
    expect([...l2[0].units!, ...l2[1].units!].filter((u) => u === 0)).toHaveLength(2);
    const macs = computeMasks(scores, { ...base, normalise: 'macs', unitCost: { cheap: 10, dear: 1000 } });
    expect([...macs[1].units!]).toEqual([0, 0, 1, 1]);
    expect([...macs[0].units!]).toEqual([1, 1, 1, 1]);
  });
});
