import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../../model/build';
import { MLP_SMALL } from '../../model/zoo/mnist';
import type { TfModel } from '../../model/tf-model';
import { readMnistFromDisk } from '../../../node/mnist';
import { splitToTensors, type SplitTensors } from '../../data/tensors';
import { trainLoop } from '../../train/loop';
import { computeLogits, runDistillation, type DistillSettings } from './run';
import { scaleWidth } from './student';
import { selectTransferSet } from './transfer-set';

// Small on purpose: a few hundred samples, a 784-8-10 student, 1-2 epochs — seconds on wasm.
let train: SplitTensors;
let test: SplitTensors;
let teacher: TfModel;
let trainLabels: Uint8Array;
const STUDENT = scaleWidth(MLP_SMALL, 0.25);
const SETTINGS: DistillSettings = { temperature: 4, alpha: 0.9, epochs: 2, batchSize: 32, learningRate: 3e-3, optimizer: 'adam', seed: 5 };

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const data = readMnistFromDisk();
  const sub = (s: typeof data.train, n: number) => ({ images: s.images.subarray(0, n * 784), labels: s.labels.subarray(0, n), count: n });
  train = splitToTensors(sub(data.train, 600));
  test = splitToTensors(sub(data.test, 300));
  trainLabels = data.train.labels.subarray(0, 600);
  teacher = buildModel(MLP_SMALL, 1);
  await trainLoop({ model: teacher, train, epochs: 2, batchSize: 32, learningRate: 3e-3, optimizer: 'adam', seed: 1, evaluateEachEpoch: false });
});

afterAll(() => {
  teacher?.dispose();
  tf.dispose([train.xs, train.labels, test.xs, test.labels]);
});

describe('computeLogits', () => {
  it('equals one big forward pass, batch by batch', () => {
    const before = tf.memory().numTensors;
    const xs = train.xs.slice(0, 70);
    const batched = computeLogits(teacher, xs, 32);
    const whole = teacher.apply(xs);
    expect(batched.shape).toEqual([70, 10]);
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(batched, whole))).dataSync()[0]);
    expect(diff).toBeLessThan(1e-4);
    tf.dispose([xs, batched, whole]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('runDistillation', () => {
  it('trains a distilled and a scratch student, reports the left-out digit, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const transfer = selectTransferSet(trainLabels, { size: 400, leaveOut: 3, seed: 5 });
    const epochs: string[] = [];
    const r = await runDistillation({
      teacher, studentSpec: STUDENT, train, test, transfer, leaveOut: 3, settings: SETTINGS,
      onEpoch: (kind, e) => epochs.push(`${kind}:${e.epoch}`),
    });
    expect(r.stopped).toBe(false);
    expect(r.students.map((s) => s.kind)).toEqual(['distilled', 'scratch']);
    expect(epochs).toEqual(['distilled:0', 'distilled:1', 'scratch:0', 'scratch:1']);
    for (const s of r.students) {
      expect(s.testAccuracy).toBeGreaterThan(0.3);
      expect(s.leftOut?.digit).toBe(3);
      expect(s.leftOut!.total).toBeGreaterThan(0);
      expect(s.confusion.flat().reduce((a, b) => a + b, 0)).toBe(300);
    }
    // The scratch student never saw a 3 and never predicts one.
    const scratch = r.students[1];
    expect(scratch.leftOut!.correct).toBe(0);
    for (const s of r.students) s.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with alpha = 0 the distilled student is the scratch student (same seed, data and order)', async () => {
    const transfer = selectTransferSet(trainLabels, { size: 200, leaveOut: null, seed: 2 });
    const r = await runDistillation({
      teacher, studentSpec: STUDENT, train, test, transfer, leaveOut: null, settings: { ...SETTINGS, alpha: 0, epochs: 1 },
    });
    const [a, b] = r.students.map((s) => s.model.getWeights());
    let maxDiff = 0;
    a.forEach((t, i) => t.data.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - b[i].data[k])))));
    expect(maxDiff).toBeLessThan(1e-4);
    expect(r.students[0].testAccuracy).toBeCloseTo(r.students[1].testAccuracy, 2);
    for (const s of r.students) s.model.dispose();
  });

  it('trains on shifted copies too (one epoch = originals + copies) without leaks', async () => {
    const before = tf.memory().numTensors;
    const transfer = selectTransferSet(trainLabels, { size: 100, leaveOut: 3, seed: 4 });
    const batches: number[] = [];
    const r = await runDistillation({
      teacher, studentSpec: STUDENT, train, test, transfer, leaveOut: 3, shiftedCopies: 2,
      settings: { ...SETTINGS, epochs: 1, batchSize: 50 }, reportIntervalMs: 0,
      onBatch: (kind, e) => kind === 'scratch' && batches.push(e.batchesPerEpoch),
    });
    expect(batches[0]).toBe(6); // 100 images x 3 / 50 per batch
    expect(r.students[1].leftOut!.correct).toBe(0);
    for (const s of r.students) s.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when aborted, keeps what it has and frees the rest', async () => {
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const transfer = selectTransferSet(trainLabels, { size: 400, leaveOut: null, seed: 3 });
    const r = await runDistillation({
      teacher, studentSpec: STUDENT, train, test, transfer, leaveOut: null, settings: { ...SETTINGS, epochs: 5 },
      signal: ctrl.signal,
      onBatch: (_kind, e) => {
        if (e.step >= 3) ctrl.abort();
      },
      reportIntervalMs: 0,
    });
    expect(r.stopped).toBe(true);
    expect(r.students).toHaveLength(1);
    expect(r.students[0].loop.epochsDone).toBeLessThan(5);
    r.students[0].model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
