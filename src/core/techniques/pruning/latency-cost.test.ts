import { describe, expect, it } from 'vitest';
import { zooSpec } from '../../model/zoo/mnist';
import { estimate } from '../../devices';
import { computeMasks } from './masks';
import { unitLatencyCost } from './latency-cost';
import type { LayerScores } from './types';

describe('latency-aware global structured pruning', () => {
  it('cost per unit = estimated latency saved by removing half the layer\'s units, per unit removed', () => {
    const spec = zooSpec('lenet5');
    const cost = unitLatencyCost(spec, ['conv2', 'fc1'], 'mcxn947');
    const ms = (s: typeof spec) => estimate(s, { dtype: 'int8' }, 'mcxn947').best.ms;
    const half = { ...spec, layers: spec.layers.map((l) => (l.name === 'conv2' && l.type === 'conv2d' ? { ...l, filters: l.filters - 8 } : l)) };
    expect(cost.conv2).toBeCloseTo(((ms(spec) - ms(half)) * 1000) / 8, 9);
    expect(cost.conv2).toBeGreaterThan(0);
    expect(cost.fc1).toBeGreaterThan(0);
    // Targets differ: the same filter saves far less time on the i.MX 95's NPU than on a Cortex-M33.
    expect(unitLatencyCost(spec, ['conv2'], 'imx95').conv2).toBeLessThan(cost.conv2);
  });

  it('with equal importance, "latency" removes the units that save the most time first', () => {
    const scores: LayerScores[] = [
      { layer: 'fast', shape: [4, 4], scores: new Float32Array(16), unitScores: Float32Array.from([1, 2, 3, 4]) },
      { layer: 'slow', shape: [4, 4], scores: new Float32Array(16), unitScores: Float32Array.from([1, 2, 3, 4]) },
    ];
    const cfg = { granularity: 'structured' as const, scope: 'global' as const, criterion: 'activation' as const, target: 0.25, layers: ['fast', 'slow'] };
    // 0.002 µs vs 3 µs per unit: below 1 (the MAC floor) both would tie; latency keeps them apart.
    const m = computeMasks(scores, { ...cfg, normalise: 'latency', unitCost: { fast: 0.002, slow: 3 } });
    expect([...m[1].units!]).toEqual([0, 0, 1, 1]);
    expect([...m[0].units!]).toEqual([1, 1, 1, 1]);
  });
});
