import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import './wasm-kernels';
import { readMnistFromDisk } from '../../node/mnist';
import { mnistToTensors, type MnistTensors } from '../data/tensors';
import { buildModel } from '../model/build';
import { zooSpec } from '../model/zoo/mnist';
import { epochOrder, evaluate, predictProbabilities, trainLoop, type LoopBatchEvent, type TrainLoopOptions } from './loop';
import { evalBatchSize } from './evaluate';

let data: MnistTensors;

function run(modelId: string, seed: number, extra: Partial<TrainLoopOptions> = {}) {
  const model = buildModel(zooSpec(modelId), seed);
  const done = trainLoop({
    model,
    train: data.train,
    test: data.test,
    epochs: 1,
    batchSize: 64,
    learningRate: 0.002,
    optimizer: 'adam',
    seed,
    trainSamples: 512,
    evaluateEachEpoch: false,
    ...extra,
  });
  return { model, done };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  data = mnistToTensors(readMnistFromDisk());
});
afterAll(() => data.dispose());

describe('trainLoop', () => {
  it('is reproducible: same seed and settings give the same first-epoch loss; another seed does not', async () => {
    const losses: number[] = [];
    for (const seed of [11, 11, 12]) {
      const { model, done } = run('mlp', seed);
      const r = await done;
      losses.push(r.history[0].loss);
      model.dispose();
    }
    expect(losses[1]).toBe(losses[0]);
    expect(losses[2]).not.toBe(losses[0]);
  });

  it('learns: one MLP epoch on 2,000 samples gets well above chance (10 %) on the 2,000 test digits', async () => {
    const { model, done } = run('mlp', 1, { trainSamples: 2000, batchSize: 32, learningRate: 0.001, evaluateEachEpoch: true });
    const r = await done;
    expect(r.epochsDone).toBe(1);
    expect(r.testAccuracy).toBeGreaterThan(0.8);
    expect(r.history[0].testAccuracy).toBe(r.testAccuracy);
    expect(r.steps).toBe(Math.ceil(2000 / 32));
    model.dispose();
  });

  it('trains a CNN on wasm (registered gradient kernels): the loss falls over two epochs', async () => {
    const { model, done } = run('lenet5', 3, { epochs: 2, trainSamples: 384 });
    const r = await done;
    expect(r.history).toHaveLength(2);
    expect(r.history[1].loss).toBeLessThan(r.history[0].loss);
    expect(r.testAccuracy).toBeGreaterThan(0.3);
    model.dispose();
  });

  it('leaks no tensors after a run (the optimizer and its slots are disposed)', async () => {
    const model = buildModel(zooSpec('dscnn'), 1);
    const before = tf.memory().numTensors;
    const r = await trainLoop({
      model, train: data.train, test: data.test, epochs: 2, batchSize: 32, learningRate: 0.01, optimizer: 'rmsprop', seed: 1, trainSamples: 96,
      onBatch: () => undefined, onEpoch: () => undefined,
    });
    expect(r.epochsDone).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stops between batches when the signal aborts, resolves with what it has and leaks nothing', async () => {
    const model = buildModel(zooSpec('mlp'), 1);
    const before = tf.memory().numTensors;
    const ctl = new AbortController();
    const batches: LoopBatchEvent[] = [];
    const r = await trainLoop({
      model, train: data.train, test: data.test, epochs: 3, batchSize: 16, learningRate: 0.001, optimizer: 'sgd', seed: 1, trainSamples: 800,
      signal: ctl.signal, reportIntervalMs: 0,
      onBatch: (e) => {
        batches.push(e);
        if (e.step === 4) ctl.abort();
      },
    });
    expect(r.stopped).toBe(true);
    expect(r.steps).toBe(5);
    expect(r.epochsDone).toBe(0);
    expect(batches.map((b) => b.step)).toEqual([0, 1, 2, 3, 4]);
    // The result still evaluates the model as it is.
    expect(r.testAccuracy).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('throttles batch events but always reports the last batch of an epoch', async () => {
    const events: LoopBatchEvent[] = [];
    const { model, done } = run('mlp', 1, { reportIntervalMs: 60_000, onBatch: (e) => events.push(e) });
    await done;
    // First batch (the interval has passed since "never") is not guaranteed; the last always is.
    expect(events.length).toBeLessThanOrEqual(2);
    const last = events[events.length - 1];
    expect(last.batch).toBe(last.batchesPerEpoch - 1);
    expect(last.loss).toBeGreaterThan(0);
    expect(last.accuracy).toBeGreaterThanOrEqual(0);
    model.dispose();
  });

  it('runs the hooks: custom loss with batch indices, forward hooks, afterStep after every step', async () => {
    const sizes: number[] = [];
    const steps: number[] = [];
    const hooked = new Set<string>();
    const { model, done } = run('mlp', 1, {
      trainSamples: 100,
      batchSize: 32,
      loss: (logits, y, idx) => {
        sizes.push(idx.shape[0]);
        expect(logits.shape).toEqual([idx.shape[0], 10]);
        return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
      },
      forward: { weight: (layer, _role, w) => (hooked.add(layer), w) },
      afterStep: (s) => steps.push(s),
    });
    await done;
    expect(sizes).toEqual([32, 32, 32, 4]);
    expect(steps).toEqual([0, 1, 2, 3]);
    expect([...hooked].sort()).toEqual(['fc1', 'fc2', 'logits']);
    model.dispose();
  });

  it('shuffles each epoch differently but reproducibly', () => {
    const e0 = Array.from(epochOrder(100, 5, 0));
    expect(Array.from(epochOrder(100, 5, 0))).toEqual(e0);
    expect(Array.from(epochOrder(100, 5, 1))).not.toEqual(e0);
    expect([...e0].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('evaluate and predict', () => {
  it('sizes evaluation batches so the largest activation stays within 4 M floats', () => {
    const mlp = buildModel(zooSpec('mlp'), 1);
    const teacher = buildModel(zooSpec('teacher'), 1);
    expect(evalBatchSize(mlp)).toBe(500);
    // conv1 output 28 x 28 x 32 = 25,088 floats per image.
    expect(evalBatchSize(teacher)).toBe(Math.floor(4_000_000 / 25_088));
    mlp.dispose();
    teacher.dispose();
  });

  it('evaluates in batches: consistent confusion matrix, accuracy and misclassified list; no leak', async () => {
    const { model, done } = run('mlp', 2, { trainSamples: 1000 });
    await done;
    const before = tf.memory().numTensors;
    const ev = evaluate(model, data.test.xs, data.test.labels, { batchSize: 300, limit: 1000 });
    expect(tf.memory().numTensors).toBe(before);
    const total = ev.confusion.flat().reduce((a, b) => a + b, 0);
    const diag = ev.confusion.reduce((a, row, i) => a + row[i], 0);
    expect(total).toBe(1000);
    expect(ev.accuracy).toBeCloseTo(diag / 1000, 10);
    expect(ev.loss).toBeGreaterThan(0);
    expect(ev.misclassified.length).toBe(Math.min(24, 1000 - diag));
    const labels = data.test.labels.dataSync();
    for (const m of ev.misclassified) {
      expect(labels[m.index]).toBe(m.label);
      expect(m.predicted).not.toBe(m.label);
      expect(m.confidence).toBeGreaterThan(0.1);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
    // Batch size does not change the result.
    const ev2 = evaluate(model, data.test.xs, data.test.labels, { batchSize: 1000, limit: 1000 });
    expect(ev2.confusion).toEqual(ev.confusion);
    model.dispose();
  });

  it('predicts class probabilities for one image, agreeing with evaluate; no leak', async () => {
    const { model, done } = run('mlp', 2, { trainSamples: 1000 });
    await done;
    const pixels = data.test.xs.slice(0, 1).dataSync() as Float32Array;
    const before = tf.memory().numTensors;
    const [probs] = predictProbabilities(model, pixels);
    expect(tf.memory().numTensors).toBe(before);
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const ev = evaluate(model, data.test.xs, data.test.labels, { limit: 1, maxMisclassified: 1 });
    const predicted = probs.indexOf(Math.max(...probs));
    const label = data.test.labels.dataSync()[0];
    expect(ev.confusion[label][predicted]).toBe(1);
    expect(() => predictProbabilities(model, new Float32Array(10))).toThrow(/multiple of 784/);
    model.dispose();
  });
});
