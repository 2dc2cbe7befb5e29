import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../../model/analyze';
import { availableMutations, mutate } from './mutate';
import { createRng } from './rng';
import {
  DEFAULT_SPACE,
  decode,
  genotypeAt,
  genotypeKey,
  isInSpace,
  sampleGenotype,
  spaceSize,
  validateSpace,
  type Genotype,
  type SearchSpace,
} from './space';

const TINY: SearchSpace = {
  blockCounts: [1, 2],
  kinds: ['conv', 'dsconv'],
  kernels: [3],
  widths: [4, 8],
  downsamples: ['maxpool'],
  headPools: ['gap'],
  headWidths: [0],
};

describe('search space', () => {
  it('counts the space as the sum over block counts of choices^n times head choices', () => {
    // per block 2*2*5*3 = 60; (60 + 60^2 + 60^3 + 60^4) * 2 pools * 3 heads
    expect(spaceSize(DEFAULT_SPACE)).toBe((60 + 3600 + 216000 + 12960000) * 6);
    // per block 2*1*2*1 = 4; 4 + 16 = 20
    expect(spaceSize(TINY)).toBe(20);
  });

  it('names invalid spaces', () => {
    expect(validateSpace(DEFAULT_SPACE)).toEqual([]);
    expect(validateSpace({ ...TINY, widths: [] })).toEqual(['Width: choose at least one value']);
    expect(validateSpace({ ...TINY, kernels: [7] })).toEqual(['Kernel: 7 is not allowed']);
  });

  it('every sampled architecture is a valid ModelSpec inside the space, logits out', () => {
    const rng = createRng(1);
    for (let i = 0; i < 500; i++) {
      const g = sampleGenotype(rng, DEFAULT_SPACE);
      expect(isInSpace(g, DEFAULT_SPACE)).toBe(true);
      const spec = decode(g);
      const info = analyzeSpec(spec);
      expect(info.outputShape).toEqual([10]);
      expect(spec.inputShape).toEqual([28, 28, 1]);
      const last = spec.layers[spec.layers.length - 1];
      expect(last.type === 'dense' && (last.activation ?? 'linear') === 'linear').toBe(true);
    }
  });

  it('every mutated architecture is valid, inside the space and differs in exactly one choice', () => {
    const rng = createRng(7);
    const spaces: SearchSpace[] = [DEFAULT_SPACE, TINY, { ...DEFAULT_SPACE, blockCounts: [2, 3], widths: [8, 16] }];
    for (const space of spaces) {
      let g = sampleGenotype(rng, space);
      for (let i = 0; i < 400; i++) {
        const m = mutate(rng, g, space);
        expect(isInSpace(m.child, space)).toBe(true);
        expect(analyzeSpec(decode(m.child)).outputShape).toEqual([10]);
        expect(genotypeKey(m.child)).not.toBe(genotypeKey(g));
        expect(changedChoices(g, m.child)).toBe(1);
        g = m.child;
      }
    }
  });

  it('does not mutate the parent', () => {
    const rng = createRng(3);
    const g = sampleGenotype(rng, DEFAULT_SPACE);
    const before = JSON.stringify(g);
    for (let i = 0; i < 50; i++) mutate(rng, g, DEFAULT_SPACE);
    expect(JSON.stringify(g)).toBe(before);
  });

  it('a single-architecture space has no mutations', () => {
    const one: SearchSpace = { ...TINY, blockCounts: [1], kinds: ['conv'], widths: [4] };
    expect(spaceSize(one)).toBe(1);
    const g = genotypeAt(0, one);
    expect(availableMutations(g, one)).toEqual([]);
    expect(genotypeKey(mutate(createRng(1), g, one).child)).toBe(genotypeKey(g));
  });

  it('grid order enumerates every architecture of a space exactly once', () => {
    const keys = new Set<string>();
    for (let i = 0; i < spaceSize(TINY); i++) {
      const g = genotypeAt(i, TINY);
      expect(isInSpace(g, TINY)).toBe(true);
      keys.add(genotypeKey(g));
    }
    expect(keys.size).toBe(20);
    expect(() => genotypeAt(20, TINY)).toThrow(RangeError);
  });

  it('decodes a known genotype to the expected layers and counts', () => {
    const g: Genotype = {
      blocks: [
        { kind: 'conv', kernel: 3, width: 8, down: 'maxpool' },
        { kind: 'dsconv', kernel: 5, width: 16, down: 'stride2' },
      ],
      pool: 'flatten',
      head: 32,
    };
    const spec = decode(g);
    expect(spec.layers.map((l) => l.name)).toEqual(['b1_conv', 'b1_pool', 'b2_dw', 'b2_pw', 'flatten', 'fc', 'logits']);
    const info = analyzeSpec(spec);
    // conv 3x3x1x8 +8; dw 5x5x8 +8; pw 1x1x8x16 +16; 7x7x16=784 -> 32: 784*32+32; 32*10+10
    expect(info.params).toBe(80 + 208 + 144 + 25120 + 330);
    expect(info.layers.find((l) => l.name === 'flatten')!.outputShape).toEqual([784]);
    expect(genotypeKey(g)).toBe('c3x8m-d5x16s-flatten-h32');
  });
});

function changedChoices(a: Genotype, b: Genotype): number {
  let n = (a.pool !== b.pool ? 1 : 0) + (a.head !== b.head ? 1 : 0);
  if (a.blocks.length !== b.blocks.length) {
    // An added or removed block is one change: the rest must match in order.
    const [long, short] = a.blocks.length > b.blocks.length ? [a.blocks, b.blocks] : [b.blocks, a.blocks];
    const same = (x: object, y: object) => JSON.stringify(x) === JSON.stringify(y);
    const ok = long.some((_, skip) => short.every((blk, i) => same(blk, long[i < skip ? i : i + 1])));
    return n + (ok && long.length === short.length + 1 ? 1 : 99);
  }
  a.blocks.forEach((x, i) => {
    const y = b.blocks[i];
    n += (x.kind !== y.kind ? 1 : 0) + (x.kernel !== y.kernel ? 1 : 0) + (x.width !== y.width ? 1 : 0) + (x.down !== y.down ? 1 : 0);
  });
  return n;
}
