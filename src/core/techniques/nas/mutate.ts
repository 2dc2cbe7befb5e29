/**
 * One mutation per child, as in regularized evolution (Real et al. 2019): change exactly one choice.
 * Widths and head widths step to a neighbouring value rather than jumping anywhere, so a child stays
 * close to its parent and good parents tend to have good children (a smoother landscape for a tiny
 * budget); the other choices flip to any other allowed value.
 */
import type { Rng } from './rng';
import { sampleBlock, type BlockGene, type Genotype, type SearchSpace } from './space';

export type MutationKind = 'kind' | 'kernel' | 'width' | 'down' | 'add' | 'remove' | 'pool' | 'head';

export interface Mutation {
  kind: MutationKind;
  /** Block index for block-level mutations. */
  block?: number;
  child: Genotype;
}

function other<T>(rng: Rng, values: readonly T[], current: T): T {
  const rest = values.filter((v) => v !== current);
  return rng.pick(rest);
}

/** A neighbouring value in the sorted list (or any allowed value if the current one is not listed). */
function neighbour(rng: Rng, values: readonly number[], current: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = sorted.indexOf(current);
  if (i < 0) return rng.pick(sorted);
  const options = [sorted[i - 1], sorted[i + 1]].filter((v) => v !== undefined);
  return rng.pick(options);
}

/** Which mutations can change this genotype inside this space. */
export function availableMutations(g: Genotype, space: SearchSpace): MutationKind[] {
  const kinds: MutationKind[] = [];
  const n = g.blocks.length;
  if (n > 0) {
    if (space.kinds.length > 1) kinds.push('kind');
    if (space.kernels.length > 1) kinds.push('kernel');
    if (space.widths.length > 1) kinds.push('width');
    if (space.downsamples.length > 1) kinds.push('down');
  }
  if (space.blockCounts.includes(n + 1)) kinds.push('add');
  if (space.blockCounts.includes(n - 1)) kinds.push('remove');
  if (space.headPools.length > 1) kinds.push('pool');
  if (space.headWidths.length > 1) kinds.push('head');
  return kinds;
}

/**
 * Returns a child that differs from the parent in exactly one choice and lies in the space
 * (assuming the parent does). When the space has a single architecture, returns a copy.
 */
export function mutate(rng: Rng, parent: Genotype, space: SearchSpace): Mutation {
  const blocks: BlockGene[] = parent.blocks.map((b) => ({ ...b }));
  const child: Genotype = { blocks, pool: parent.pool, head: parent.head };
  const options = availableMutations(parent, space);
  if (options.length === 0) return { kind: 'head', child };
  const kind = rng.pick(options);
  const i = rng.int(blocks.length);
  switch (kind) {
    case 'kind':
      blocks[i].kind = other(rng, space.kinds, blocks[i].kind);
      return { kind, block: i, child };
    case 'kernel':
      blocks[i].kernel = other(rng, space.kernels, blocks[i].kernel);
      return { kind, block: i, child };
    case 'width':
      blocks[i].width = neighbour(rng, space.widths, blocks[i].width);
      return { kind, block: i, child };
    case 'down':
      blocks[i].down = other(rng, space.downsamples, blocks[i].down);
      return { kind, block: i, child };
    case 'add': {
      const at = rng.int(blocks.length + 1);
      blocks.splice(at, 0, sampleBlock(rng, space));
      return { kind, block: at, child };
    }
    case 'remove':
      blocks.splice(i, 1);
      return { kind, block: i, child };
    case 'pool':
      child.pool = other(rng, space.headPools, parent.pool);
      return { kind, child };
    case 'head':
      child.head = neighbour(rng, space.headWidths, parent.head);
      return { kind, child };
  }
}
