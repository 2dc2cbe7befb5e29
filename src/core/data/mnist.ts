/**
 * MNIST as produced by `npm run data` (scripts/build-mnist.mjs): two uint8 files, images (784 bytes
 * each) and labels (0..9). The first TRAIN_SIZE records are the training split, the last TEST_SIZE the
 * test split (a fixed, stratified split of the mnist package's 10,000 digits, each split shuffled once
 * with a fixed seed so any prefix is class-balanced).
 *
 * This module is plain data: no tfjs (see tensors.ts), no DOM. `fetchMnist` works in a worker and in
 * Node (global fetch); Node tests read the files with src/node/mnist.ts.
 */

export const IMAGE_SIZE = 784;
export const IMAGE_SHAPE: [number, number, number] = [28, 28, 1];
export const NUM_CLASSES = 10;
export const TRAIN_SIZE = 8000;
export const TEST_SIZE = 2000;
export const MNIST_FILES = { images: 'data/mnist-images.bin', labels: 'data/mnist-labels.bin' } as const;

export interface MnistSplit {
  /** n * 784 bytes, 0..255, row-major 28x28. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
}

/** Checks the two files and splits them (views, no copies). Throws a readable error on bad data. */
export function parseMnist(images: Uint8Array, labels: Uint8Array): MnistData {
  const n = TRAIN_SIZE + TEST_SIZE;
  if (labels.length !== n) throw new Error(`MNIST labels: expected ${n} bytes, got ${labels.length}`);
  if (images.length !== n * IMAGE_SIZE) {
    throw new Error(`MNIST images: expected ${n * IMAGE_SIZE} bytes, got ${images.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (labels[i] >= NUM_CLASSES) throw new Error(`MNIST labels: record ${i} has label ${labels[i]}`);
  }
  const split = (from: number, count: number): MnistSplit => ({
    images: images.subarray(from * IMAGE_SIZE, (from + count) * IMAGE_SIZE),
    labels: labels.subarray(from, from + count),
    count,
  });
  return { train: split(0, TRAIN_SIZE), test: split(TRAIN_SIZE, TEST_SIZE) };
}

export type ProgressFn = (loaded: number, total: number) => void;

/** Fetches a binary file, reporting bytes as they arrive (when the body is streamable). */
async function fetchBytes(url: string, onChunk: (bytes: number) => void, expected: number): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onChunk(buf.length);
    return buf;
  }
  const out = new Uint8Array(expected);
  const reader = res.body.getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > out.length) throw new Error(`${url} is larger than the expected ${expected} bytes`);
    out.set(value, offset);
    offset += value.length;
    onChunk(value.length);
  }
  return offset === expected ? out : out.subarray(0, offset);
}

/**
 * Loads both files relative to `baseUrl` (the page URL in a worker: `self.location.href` is the
 * worker script, so callers pass the app's base). Progress is in bytes over both files.
 */
export async function fetchMnist(baseUrl: string, onProgress?: ProgressFn): Promise<MnistData> {
  const n = TRAIN_SIZE + TEST_SIZE;
  const total = n * IMAGE_SIZE + n;
  let loaded = 0;
  const tick = (b: number) => {
    loaded += b;
    onProgress?.(loaded, total);
  };
  const [images, labels] = await Promise.all([
    fetchBytes(new URL(MNIST_FILES.images, baseUrl).href, tick, n * IMAGE_SIZE),
    fetchBytes(new URL(MNIST_FILES.labels, baseUrl).href, tick, n),
  ]);
  return parseMnist(images, labels);
}

/** Pixels of the chosen records as floats in [0, 1] (n * 784). */
export function imagesToFloat(split: MnistSplit, indices?: ArrayLike<number>): Float32Array {
  const idx = indices ?? Array.from({ length: split.count }, (_, i) => i);
  const out = new Float32Array(idx.length * IMAGE_SIZE);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (i < 0 || i >= split.count) throw new RangeError(`sample ${i} is outside 0..${split.count - 1}`);
    const src = split.images.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE);
    for (let p = 0; p < IMAGE_SIZE; p++) out[k * IMAGE_SIZE + p] = src[p] / 255;
  }
  return out;
}

/** One-hot rows (n * classes) for integer labels. */
export function oneHot(labels: ArrayLike<number>, classes = NUM_CLASSES): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) out[i * classes + labels[i]] = 1;
  return out;
}

/** Per-class counts. */
export function classCounts(labels: ArrayLike<number>, classes = NUM_CLASSES): number[] {
  const c = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) c[labels[i]]++;
  return c;
}

/**
 * The training subset used when a run asks for fewer than all samples: the first `count` records.
 * The split is already shuffled with a fixed seed, so a prefix is class-balanced and the same subset is
 * used whatever the training seed (runs with different seeds compare fairly).
 */
export function subsetIndices(total: number, count?: number): Int32Array {
  const n = count === undefined ? total : Math.max(1, Math.min(total, Math.floor(count)));
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}
