import { describe, expect, it } from 'vitest';
import { zooSpec } from '../model/zoo/mnist';
import { decode, isInSpace, validateSpace, type Genotype } from '../techniques/nas/space';
import { nasSeedOf, spaceAround } from './nas-seed';

const winner: Genotype = {
  blocks: [
    { kind: 'conv', kernel: 3, width: 16, down: 'maxpool' },
    { kind: 'dsconv', kernel: 5, width: 32, down: 'stride2' },
  ],
  pool: 'gap',
  head: 64,
};

describe('NAS seed from a shelf version', () => {
  it('maps a NAS winner back to its own genotype exactly', () => {
    const seed = nasSeedOf(decode(winner));
    expect(seed.exact).toBe(true);
    expect(seed.genotype).toEqual(winner);
  });

  it('maps other CNNs and an MLP to a nearby genotype (not exact) whose space is valid and contains it', () => {
    for (const id of ['lenet5', 'mlp', 'dscnn', 'teacher']) {
      const spec = zooSpec(id);
      const seed = nasSeedOf(spec);
      expect(seed.exact).toBe(false);
      const space = spaceAround(seed.genotype);
      expect(validateSpace(space)).toEqual([]);
      expect(isInSpace(seed.genotype, space)).toBe(true);
    }
  });

  it('the space around a seed holds the seed, its neighbour widths and block counts ±1', () => {
    const space = spaceAround(winner);
    expect(isInSpace(winner, space)).toBe(true);
    expect(space.blockCounts).toEqual([1, 2, 3]);
    expect(space.widths).toEqual([8, 16, 32, 64]);
    expect(space.headPools).toEqual(['gap']);
    expect(space.headWidths).toEqual([32, 64, 128]);
  });
});
