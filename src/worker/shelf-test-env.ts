/**
 * Shared set-up of the worker's shelf tests (shelf, QAT and distillation masks): tfjs on wasm, the
 * MNIST subset read from disk, and a fresh fake IndexedDB before every test. Test-only module.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, beforeEach } from 'vitest';
import { createSlot, getSlot, setData } from './context';
import type { MnistData } from '../core/data/mnist';
import { dbGet, resetDbForTests } from './db';
import { shelfApi } from './shelf';
import type { createBaseApi } from './base';
import { zooSpec } from '../core/model/zoo/mnist';
import type { ModelVersion } from '../core/shelf/types';
import type { WeightSet } from '../core/model/spec';

type BaseApi = ReturnType<typeof createBaseApi>;

/** `loadMnist` is the test's own Node loader (src/node/mnist.ts: worker code does not import node/). */
export function setUpShelfTests(loadMnist: () => MnistData): void {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    setData(loadMnist());
  });
  beforeEach(async () => {
    await resetDbForTests();
    globalThis.indexedDB = new IDBFactory();
  });
}

/** Zeros the smallest half of every kernel (magnitude pruning, as the Pruning lab's result). */
export function pruneHalf(slot: string): void {
  const weights = getSlot(slot).model.getWeights().map((w) => {
    if (w.role !== 'kernel') return w;
    const cut = Float32Array.from(w.data, Math.abs).sort()[Math.floor(w.data.length / 2)];
    return { ...w, data: Float32Array.from(w.data, (x) => (Math.abs(x) < cut ? 0 : x)) };
  });
  getSlot(slot).model.setWeights(weights);
}

/**
 * The pruned version both mask tests start from: the MLP trained for one short epoch (saved as the
 * baseline and the shelf's root), then its smallest half of every kernel zeroed and saved as a child
 * with masks from its zeros. Slot 't' holds the pruned model afterwards.
 */
export async function savePrunedVersion(base: BaseApi): Promise<ModelVersion> {
  createSlot('t', zooSpec('mlp'), 5);
  await base.train('t', { epochs: 1, batchSize: 64, learningRate: 0.002, optimizer: 'adam', seed: 5, trainSamples: 1000 });
  await base.saveBaseline('t', (await base.evaluate('t')).accuracy);
  const root = (await shelfApi.list()).versions[0];
  pruneHalf('t');
  const pruned = (await shelfApi.save({ slot: 't', name: 'pruned 50 %', technique: 'prune', lab: 'pruning', parentId: root.id, masks: 'from-zeros', metrics: {} })).version;
  return (await dbGet('versions', pruned.id)) as ModelVersion;
}

/** Pruned weights that are no longer zero, and kept weights that training changed. */
export function revivedAndMoved(parent: ModelVersion, trained: WeightSet): { revived: number; moved: number } {
  let revived = 0;
  let moved = 0;
  for (const m of parent.masks!) {
    const w = trained.find((x) => x.layer === m.layer && x.role === m.role)!;
    const p = parent.weights.find((x) => x.layer === m.layer && x.role === m.role)!;
    for (let i = 0; i < m.mask.length; i++) {
      if (m.mask[i] === 0) revived += w.data[i] !== 0 ? 1 : 0; // -0 (a negative weight times the mask) is zero too
      else if (w.data[i] !== p.data[i]) moved++;
    }
  }
  return { revived, moved };
}
