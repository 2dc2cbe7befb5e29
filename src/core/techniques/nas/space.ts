/**
 * The NAS search space: small CNNs for 28x28x1 MNIST digits, written as a genotype (a few choices per
 * block) that decodes to a ModelSpec every other part of the lab (estimator, builder, labs) reads.
 *
 * A block is either a standard convolution or a depthwise-separable one (depthwise kxk then a 1x1
 * pointwise convolution, as in MobileNet), each followed by ReLU and an optional 2x downsampling
 * (a stride-2 convolution or a 2x2 max-pool). The head is flatten or global-average-pool, an optional
 * hidden dense layer, and 10 logits.
 */
import type { LayerSpec, ModelSpec } from '../../model/spec';
import type { Rng } from './rng';

export type BlockKind = 'conv' | 'dsconv';
export type Downsample = 'none' | 'maxpool' | 'stride2';
export type HeadPool = 'flatten' | 'gap';

export const BLOCK_KINDS: readonly BlockKind[] = ['conv', 'dsconv'];
export const DOWNSAMPLES: readonly Downsample[] = ['none', 'maxpool', 'stride2'];
export const HEAD_POOLS: readonly HeadPool[] = ['flatten', 'gap'];
export const ALL_BLOCK_COUNTS: readonly number[] = [1, 2, 3, 4];
export const ALL_KERNELS: readonly number[] = [3, 5];
export const ALL_WIDTHS: readonly number[] = [4, 8, 16, 32, 64];
export const ALL_HEAD_WIDTHS: readonly number[] = [0, 16, 32, 64, 128];

/** Every field lists the allowed values of one choice; the student narrows or widens them. */
export interface SearchSpace {
  blockCounts: number[];
  kinds: BlockKind[];
  kernels: number[];
  widths: number[];
  downsamples: Downsample[];
  headPools: HeadPool[];
  /** Hidden dense units before the logits; 0 means none. */
  headWidths: number[];
}

export interface BlockGene {
  kind: BlockKind;
  kernel: number;
  width: number;
  down: Downsample;
}

export interface Genotype {
  blocks: BlockGene[];
  pool: HeadPool;
  head: number;
}

export const DEFAULT_SPACE: SearchSpace = {
  blockCounts: [1, 2, 3, 4],
  kinds: ['conv', 'dsconv'],
  kernels: [3, 5],
  widths: [4, 8, 16, 32, 64],
  downsamples: ['none', 'maxpool', 'stride2'],
  headPools: ['flatten', 'gap'],
  headWidths: [0, 32, 64],
};

export const INPUT_SHAPE = [28, 28, 1];
export const CLASSES = 10;

/** Names what is wrong with a space (an empty or out-of-range choice), or [] when it is usable. */
export function validateSpace(space: SearchSpace): string[] {
  const errors: string[] = [];
  const check = <T>(name: string, values: T[], allowed: readonly T[]) => {
    if (values.length === 0) errors.push(`${name}: choose at least one value`);
    for (const v of values) if (!allowed.includes(v)) errors.push(`${name}: ${String(v)} is not allowed`);
  };
  check('Blocks', space.blockCounts, ALL_BLOCK_COUNTS);
  check('Block kind', space.kinds, BLOCK_KINDS);
  check('Kernel', space.kernels, ALL_KERNELS);
  check('Width', space.widths, ALL_WIDTHS);
  check('Downsampling', space.downsamples, DOWNSAMPLES);
  check('Head pooling', space.headPools, HEAD_POOLS);
  check('Head width', space.headWidths, ALL_HEAD_WIDTHS);
  return errors;
}

/** Choices per block (kind x kernel x width x downsampling). */
export function blockChoices(space: SearchSpace): number {
  return space.kinds.length * space.kernels.length * space.widths.length * space.downsamples.length;
}

/** Number of distinct architectures: sum over block counts n of blockChoices^n, times head choices. */
export function spaceSize(space: SearchSpace): number {
  const b = blockChoices(space);
  const blocks = space.blockCounts.reduce((a, n) => a + b ** n, 0);
  return blocks * space.headPools.length * space.headWidths.length;
}

/** A short stable name, e.g. "c3x16m-d5x32s-gap-h64" (c/d = conv/dsconv, m/s = maxpool/stride 2). */
export function genotypeKey(g: Genotype): string {
  const blocks = g.blocks.map(
    (b) => `${b.kind === 'conv' ? 'c' : 'd'}${b.kernel}x${b.width}${b.down === 'none' ? '' : b.down === 'maxpool' ? 'm' : 's'}`,
  );
  return [...blocks, g.pool, `h${g.head}`].join('-');
}

export function isInSpace(g: Genotype, space: SearchSpace): boolean {
  return (
    space.blockCounts.includes(g.blocks.length) &&
    g.blocks.every(
      (b) =>
        space.kinds.includes(b.kind) &&
        space.kernels.includes(b.kernel) &&
        space.widths.includes(b.width) &&
        space.downsamples.includes(b.down),
    ) &&
    space.headPools.includes(g.pool) &&
    space.headWidths.includes(g.head)
  );
}

/** The ModelSpec of a genotype: input [28, 28, 1], ReLU everywhere, logits out. */
export function decode(g: Genotype): ModelSpec {
  const layers: LayerSpec[] = [];
  g.blocks.forEach((b, i) => {
    const p = `b${i + 1}`;
    const stride = b.down === 'stride2' ? 2 : 1;
    if (b.kind === 'conv') {
      layers.push({ type: 'conv2d', name: `${p}_conv`, filters: b.width, kernel: b.kernel, stride, padding: 'same', activation: 'relu' });
    } else {
      layers.push({ type: 'depthwiseConv2d', name: `${p}_dw`, kernel: b.kernel, stride, padding: 'same', activation: 'relu' });
      layers.push({ type: 'conv2d', name: `${p}_pw`, filters: b.width, kernel: 1, padding: 'same', activation: 'relu' });
    }
    // 'same' padding so four downsamplings still fit: 28 -> 14 -> 7 -> 4 -> 2.
    if (b.down === 'maxpool') layers.push({ type: 'maxPool2d', name: `${p}_pool`, pool: 2, padding: 'same' });
  });
  layers.push(g.pool === 'gap' ? { type: 'globalAvgPool2d', name: 'gap' } : { type: 'flatten', name: 'flatten' });
  if (g.head > 0) layers.push({ type: 'dense', name: 'fc', units: g.head, activation: 'relu' });
  layers.push({ type: 'dense', name: 'logits', units: CLASSES });
  const key = genotypeKey(g);
  return {
    id: `nas-${key}`,
    name: `NAS ${key}`,
    inputShape: [...INPUT_SHAPE],
    layers,
    description: `Found by architecture search: ${describe(g)}`,
  };
}

/** One line a student can read: "conv 3x3x16 + maxpool → dsconv 5x5x32 stride 2 → gap → dense 64". */
export function describe(g: Genotype): string {
  const blocks = g.blocks.map((b) => {
    const down = b.down === 'none' ? '' : b.down === 'maxpool' ? ' + maxpool' : ' stride 2';
    return `${b.kind} ${b.kernel}x${b.kernel}x${b.width}${down}`;
  });
  return [...blocks, g.pool, ...(g.head > 0 ? [`dense ${g.head}`] : []), 'logits'].join(' → ');
}

export function sampleBlock(rng: Rng, space: SearchSpace): BlockGene {
  return {
    kind: rng.pick(space.kinds),
    kernel: rng.pick(space.kernels),
    width: rng.pick(space.widths),
    down: rng.pick(space.downsamples),
  };
}

/** A uniformly random block count, then uniformly random choices (the usual random-search prior). */
export function sampleGenotype(rng: Rng, space: SearchSpace): Genotype {
  const n = rng.pick(space.blockCounts);
  const blocks = Array.from({ length: n }, () => sampleBlock(rng, space));
  return { blocks, pool: rng.pick(space.headPools), head: rng.pick(space.headWidths) };
}

/** The index-th architecture in a fixed order (block count, then mixed radix): grid search. */
export function genotypeAt(index: number, space: SearchSpace): Genotype {
  if (!Number.isInteger(index) || index < 0 || index >= spaceSize(space)) throw new RangeError(`no architecture ${index}`);
  const heads = space.headPools.length * space.headWidths.length;
  const b = blockChoices(space);
  let rest = index;
  for (const n of [...space.blockCounts].sort((x, y) => x - y)) {
    const count = b ** n * heads;
    if (rest >= count) {
      rest -= count;
      continue;
    }
    const digit = (radix: number) => {
      const d = rest % radix;
      rest = Math.floor(rest / radix);
      return d;
    };
    const head = space.headWidths[digit(space.headWidths.length)];
    const pool = space.headPools[digit(space.headPools.length)];
    const blocks: BlockGene[] = [];
    for (let i = 0; i < n; i++) {
      blocks.push({
        width: space.widths[digit(space.widths.length)],
        kernel: space.kernels[digit(space.kernels.length)],
        down: space.downsamples[digit(space.downsamples.length)],
        kind: space.kinds[digit(space.kinds.length)],
      });
    }
    return { blocks, pool, head };
  }
  throw new RangeError(`no architecture ${index}`);
}
