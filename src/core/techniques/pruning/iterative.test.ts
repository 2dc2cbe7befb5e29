import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { roundSparsity, runIterative } from './iterative';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const spec: ModelSpec = { id: 'it', name: 'it', inputShape: [6], layers: [{ type: 'dense', name: 'h', units: 8, activation: 'relu' }, { type: 'dense', name: 'logits', units: 10 }] };

describe('iterative pruning and lottery tickets', () => {
  it('removes the same share of survivors each round and reaches the target', () => {
    expect(roundSparsity(0.9, 0, 3)).toBe(0);
    expect(roundSparsity(0.9, 3, 3)).toBeCloseTo(0.9, 12);
    const keep = [1, 2, 3].map((r) => 1 - roundSparsity(0.9, r, 3));
    expect(keep[1] / keep[0]).toBeCloseTo(keep[0], 12);
  });

  it('rewinds survivors to θ₀, keeps masks nested, and leaks nothing', async () => {
    const xs = tf.randomNormal([64, 6], 0, 1, 'float32', 1);
    const labels = tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 10), 'int32');
    const model = buildModel(spec, 4);
    const initial = model.getWeights();
    const before = tf.memory().numTensors;
    const zerosBy: number[] = [];
    const r = await runIterative({
      model, initial, layers: ['h', 'logits'], target: 0.75, rounds: 2, reset: 'rewind',
      training: { epochs: 0, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 1 },
      train: { xs, labels }, test: { xs, labels },
      onRound: () => zerosBy.push(model.getWeights().filter((w) => w.role === 'kernel').reduce((a, w) => a + w.data.filter((v) => v === 0).length, 0)),
    });
    expect(r.points.map((p) => p.round)).toEqual([1, 2]);
    expect(r.points[1].sparsity).toBeCloseTo(0.75, 2);
    expect(zerosBy[0]).toBeLessThan(zerosBy[1]);
    // With no training, rewind leaves every surviving weight at exactly its initial value.
    const k = model.getWeights().find((w) => w.layer === 'h' && w.role === 'kernel')!.data;
    const k0 = initial.find((w) => w.layer === 'h' && w.role === 'kernel')!.data;
    k.forEach((v, i) => expect(v === 0 || v === k0[i]).toBe(true));
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    tf.dispose([xs, labels]);
  });
});
