/**
 * A shelf version as the seed of an architecture search: the closest genotype of the NAS space to
 * the version's ModelSpec, and a search space around it (each choice and its neighbours), so the
 * search starts from a known model and explores its neighbourhood instead of the whole space.
 * A version found by NAS maps back exactly; any other CNN (LeNet-5, DS-CNN) or an MLP maps to its
 * nearest block structure, and the result says which it was.
 */
import type { LayerSpec, ModelSpec, Pair } from '../model/spec';
import {
  ALL_BLOCK_COUNTS, ALL_HEAD_WIDTHS, ALL_KERNELS, ALL_WIDTHS, decode, genotypeKey,
  type BlockGene, type Genotype, type SearchSpace,
} from '../techniques/nas/space';

export interface NasSeed {
  genotype: Genotype;
  /** True when decode(genotype) is the version's own architecture. */
  exact: boolean;
}

const first = (p: Pair | undefined, def: number) => (p === undefined ? def : typeof p === 'number' ? p : p[0]);

function nearest(value: number, allowed: readonly number[]): number {
  return allowed.reduce((best, v) => (Math.abs(v - value) < Math.abs(best - value) ? v : best), allowed[0]);
}

/** The genotype closest to `spec` (a conv block per spatial conv, downsampling from strides and pools). */
export function nasSeedOf(spec: ModelSpec): NasSeed {
  const blocks: BlockGene[] = [];
  let pool: Genotype['pool'] = 'flatten';
  const dense: number[] = [];
  const layers = spec.layers;
  for (let i = 0; i < layers.length; i++) {
    const l: LayerSpec = layers[i];
    if (l.type === 'conv2d' || l.type === 'depthwiseConv2d') {
      const k = first(l.kernel, 3);
      // A depthwise conv followed by a 1x1 conv is one depthwise-separable block.
      const next = layers[i + 1];
      const separable = l.type === 'depthwiseConv2d' && next?.type === 'conv2d' && first(next.kernel, 1) === 1;
      if (l.type === 'conv2d' && k === 1 && blocks.length > 0) continue; // a stray pointwise conv: part of the last block
      const width = separable ? next.filters : l.type === 'conv2d' ? l.filters : 16;
      const down = first(l.stride, 1) > 1 ? 'stride2' : 'none';
      blocks.push({ kind: separable || l.type === 'depthwiseConv2d' ? 'dsconv' : 'conv', kernel: nearest(k, ALL_KERNELS), width: nearest(width, ALL_WIDTHS), down });
      if (separable) i++;
    } else if ((l.type === 'maxPool2d' || l.type === 'avgPool2d') && blocks.length > 0) {
      const last = blocks[blocks.length - 1];
      if (last.down === 'none') last.down = 'maxpool';
    } else if (l.type === 'globalAvgPool2d') pool = 'gap';
    else if (l.type === 'dense') dense.push(l.units);
  }
  // An MLP has no convolutions: seed with the smallest conv block.
  if (blocks.length === 0) blocks.push({ kind: 'conv', kernel: 3, width: nearest(dense[0] ? dense[0] / 8 : 8, ALL_WIDTHS), down: 'maxpool' });
  const maxBlocks = ALL_BLOCK_COUNTS[ALL_BLOCK_COUNTS.length - 1];
  const genotype: Genotype = { blocks: blocks.slice(0, maxBlocks), pool, head: nearest(dense.length > 1 ? dense[dense.length - 2] : 0, ALL_HEAD_WIDTHS) };
  const decoded = decode(genotype);
  // A NAS winner's id names its genotype; anything else must have the very same layers.
  const exact = spec.id === decoded.id || JSON.stringify(decoded.layers) === JSON.stringify(spec.layers);
  return { genotype, exact };
}

/** The value and its neighbours in `all` (sorted, as the space editor lists them). */
function around(values: number[], all: readonly number[]): number[] {
  const out = new Set<number>();
  for (const v of values) {
    const i = all.indexOf(v);
    for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < all.length) out.add(all[j]);
  }
  return all.filter((v) => out.has(v));
}

/** A space around the seed: block count ±1, the widths, kernels and head widths used and their neighbours. */
export function spaceAround(g: Genotype): SearchSpace {
  const kinds = [...new Set(g.blocks.map((b) => b.kind))];
  const downs = [...new Set(g.blocks.map((b) => b.down))];
  return {
    blockCounts: around([g.blocks.length], ALL_BLOCK_COUNTS),
    kinds,
    kernels: [...new Set(g.blocks.map((b) => b.kernel))].sort((a, b) => a - b),
    widths: around(g.blocks.map((b) => b.width), ALL_WIDTHS),
    downsamples: downs.includes('none') || g.blocks.length < 2 ? downs : [...downs, 'none'],
    headPools: [g.pool],
    headWidths: around([g.head], ALL_HEAD_WIDTHS),
  };
}

export const seedKey = (s: NasSeed): string => genotypeKey(s.genotype);
