/**
 * A pruned version quantized with QAT stays pruned: the real path (shelf → baseline slot →
 * engine.quantization.trainQat → "Save to shelf" with inherited masks) keeps every pruned weight at
 * exactly zero, in the float weights and in the integer ones, and the child's masks equal the parent's.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { zooSpec } from '../core/model/zoo/mnist';
import { createBaseApi } from './base';
import { createSlot, getSlot } from './context';
import { dbGet } from './db';
import { shelfApi } from './shelf';
import { conversionOf, quantizationApi, type QuantRequest } from './quantization';
import type { ModelVersion } from '../core/shelf/types';
import { setUpShelfTests, savePrunedVersion, pruneHalf, revivedAndMoved } from './shelf-test-env';
import { readMnistFromDisk } from '../node/mnist';

const base = createBaseApi();

setUpShelfTests(readMnistFromDisk);

const REQ: QuantRequest = {
  weightFormat: 8, activationBits: 8, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest',
  seed: 1, calibration: 'minmax', percentile: 99.99, calibrationSamples: 100,
};

it('QAT on a pruned version keeps its pruned weights zero and the child inherits the same masks', async () => {
  const parent = await savePrunedVersion(base);
  expect(parent.masks!.every((m) => m.mask.includes(0))).toBe(true);

  await shelfApi.load(parent.id, 'baseline'); // "Start from" the pruned version
  await quantizationApi.prepare();
  const qatReq = { ...REQ, epochs: 1, learningRate: 0.001, batchSize: 64, trainSamples: 1000 };
  await quantizationApi.trainQat(qatReq);
  const before = tf.memory().numTensors; // the first run adds the "quant:qat" slot; a second adds nothing
  const report = await quantizationApi.trainQat(qatReq);
  expect(tf.memory().numTensors).toBe(before); // the masks' tensors are freed with each run
  expect(report.integerAccuracy).not.toBeNull();

  // The trained float weights: every weight the parent pruned is still exactly zero, and training moved the others.
  const trained = getSlot('quant:qat').model.getWeights();
  const float = revivedAndMoved(parent, trained);
  let revived = float.revived;
  const moved = float.moved;
  expect(revived).toBe(0);
  expect(moved).toBeGreaterThan(1000);
  // The integer weights too: a zero real weight is the zero point (0 for symmetric weights).
  for (const layer of conversionOf('QAT')!.layers.values()) {
    const m = parent.masks!.find((x) => x.layer === layer.layer)!;
    const q = layer.weightQ;
    for (let i = 0; i < m.mask.length; i++) if (m.mask[i] === 0 && q[i] !== 0) revived++;
  }
  expect(revived).toBe(0);

  const child = (await shelfApi.save({
    slot: 'quant:qat', name: 'pruned 50 % · int8 QAT', technique: 'quantize', lab: 'quantization', parentId: parent.id,
    masks: 'inherit', quant: 'QAT', quantCheck: { weightBits: 8, activationBits: 8 }, metrics: { integerAccuracy: report.integerAccuracy! },
  })).version;
  const stored = (await dbGet('versions', child.id)) as ModelVersion;
  expect(stored.masks!.map((m) => [m.layer, Buffer.from(m.mask).toString('base64')])).toEqual(parent.masks!.map((m) => [m.layer, Buffer.from(m.mask).toString('base64')]));
  expect(child.pruned).toBe(true);
});

it('refuses to save a child that revived its parent\'s pruned weights', async () => {
  createSlot('t', zooSpec('mlp'), 5);
  pruneHalf('t');
  await shelfApi.save({ slot: 't', name: 'p', technique: 'prune', lab: 'pruning', parentId: null, masks: 'from-zeros', metrics: {} });
  const parent = (await shelfApi.list()).versions[0];
  createSlot('u', zooSpec('mlp'), 6); // dense weights: nothing is zero any more
  await expect(shelfApi.save({ slot: 'u', name: 'c', technique: 'fine-tune', lab: 'pruning', parentId: parent.id, masks: 'inherit', metrics: {} })).rejects.toThrow(/no longer zero/);
});
