/**
 * Shared set-up of the worker's shelf tests (shelf, QAT and distillation masks): tfjs on wasm, the
 * MNIST subset read from disk, and a fresh fake IndexedDB before every test. Test-only module.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, beforeEach } from 'vitest';
import { getSlot, setData } from './context';
import type { MnistData } from '../core/data/mnist';
import { resetDbForTests } from './db';

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
