import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../../../node/mnist';
import { mnistToTensors, type MnistTensors } from '../../data/tensors';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { calibrationBatches, runPruning } from './pipeline';
import type { PruneConfig } from './types';

const mlp: ModelSpec = {
  id: 'mlp-t',
  name: 'mlp',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'flatten', name: 'flat' },
    { type: 'dense', name: 'h1', units: 32, activation: 'relu' },
    { type: 'dense', name: 'h2', units: 16, activation: 'relu' },
    { type: 'dense', name: 'out', units: 10 },
  ],
};

let data: MnistTensors;
let train: { xs: tf.Tensor; labels: tf.Tensor1D };
let test: { xs: tf.Tensor; labels: tf.Tensor1D };

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  data = mnistToTensors(readMnistFromDisk());
  train = { xs: data.train.xs.slice(0, 1000), labels: data.train.labels.slice(0, 1000) };
  test = { xs: data.test.xs.slice(0, 300), labels: data.test.labels.slice(0, 300) };
});
afterAll(() => {
  tf.dispose([train.xs, train.labels, test.xs, test.labels]);
  data.dispose();
});

const cfg = (p: Partial<PruneConfig>): PruneConfig => ({
  granularity: 'unstructured',
  scope: 'global',
  criterion: 'magnitude',
  target: 0.8,
  layers: ['h1', 'h2', 'out'],
  ...p,
});
const training = { epochs: 1, batchSize: 64, learningRate: 0.003, optimizer: 'adam' as const, seed: 1 };

describe('runPruning', () => {
  it('0 % changes no weight and no output', async () => {
    const model = buildModel(mlp, 3);
    const before = model.getWeights();
    const yBefore = tf.tidy(() => model.apply(test.xs).dataSync());
    const r = await runPruning({ model, config: cfg({ target: 0 }), when: 'after', train, test, training: { ...training, epochs: 0 }, calibration: [] });
    expect(r.sparsity.weights).toBe(0);
    model.getWeights().forEach((w, i) => expect(w.data).toEqual(before[i].data));
    expect(tf.tidy(() => model.apply(test.xs).dataSync())).toEqual(yBefore);
    model.dispose();
  });

  it('masks survive fine-tuning: pruned weights stay exactly 0, the rest train', async () => {
    const model = buildModel(mlp, 4);
    const start = tf.memory().numTensors;
    const calibration = calibrationBatches(train, 128, 2);
    for (const criterion of ['magnitude', 'taylor'] as const) {
      const before = model.getWeights();
      const r = await runPruning({ model, config: cfg({ criterion }), when: 'after', train, test, training, calibration });
      expect(r.sparsity.weights).toBeCloseTo(0.8, 3);
      const after = model.getWeights();
      let changed = 0;
      for (const m of r.masks) {
        const w = after.find((t) => t.layer === m.layer && t.role === 'kernel')!;
        const w0 = before.find((t) => t.layer === m.layer && t.role === 'kernel')!;
        m.mask.forEach((keep, i) => {
          if (!keep) expect(w.data[i] === 0).toBe(true); // ±0
          else if (w.data[i] !== w0.data[i]) changed++;
        });
      }
      expect(changed).toBeGreaterThan(1000);
      expect(r.epochs).toHaveLength(1);
    }
    tf.dispose(calibration.flatMap((b) => [b.xs, b.labels]));
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it('structured, before training: whole units stay removed while the sparse net learns', async () => {
    const model = buildModel(mlp, 5);
    const r = await runPruning({
      model,
      config: cfg({ granularity: 'structured', scope: 'local', target: 0.5, layers: ['h1', 'h2'] }),
      when: 'before',
      train,
      test,
      training,
      calibration: [],
    });
    expect(r.sparsity.units).toBe(0.5);
    const bias = model.getWeights().find((w) => w.layer === 'h1' && w.role === 'bias')!;
    const units = r.masks[0].units!;
    units.forEach((u, i) => {
      if (!u) expect(bias.data[i] === 0).toBe(true);
    });
    expect(r.accuracyFinal).toBeGreaterThan(r.accuracyBefore + 0.15);
    model.dispose();
  });

  it('during training: the schedule reaches the target exactly', async () => {
    const model = buildModel(mlp, 6);
    const seen: number[] = [];
    const r = await runPruning({
      model,
      config: cfg({ target: 0.9 }),
      when: 'during',
      train,
      test,
      training,
      calibration: [],
      onMasks: (_, s) => seen.push(s),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toBe(0.9);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(r.sparsity.weights).toBeCloseTo(0.9, 3);
    model.dispose();
  });

  it('during training with a later start: no pruning before the start step, the target still reached', async () => {
    const model = buildModel(mlp, 6);
    const steps: number[] = [];
    const seen: number[] = [];
    const r = await runPruning({
      model, config: cfg({ target: 0.8 }), when: 'during', train, test, training, calibration: [],
      schedule: { begin: 0.5, end: 0.9 },
      onMasks: (step, s) => (steps.push(step), seen.push(s)),
    });
    const total = Math.ceil(1000 / training.batchSize) * training.epochs; // 16 steps
    expect(steps[0]).toBe(Math.floor(0.5 * total));
    expect(seen[0]).toBe(0); // t0: the cubic schedule starts at s_i = 0
    expect(seen[seen.length - 1]).toBe(0.8);
    expect(r.sparsity.weights).toBeCloseTo(0.8, 3);
    model.dispose();
  });
});
