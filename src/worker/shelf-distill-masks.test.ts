/**
 * A pruned version used as the distillation student's start stays pruned: the real path (shelf →
 * "distill:init" slot → engine.distillation.run → "Save to shelf" with inherited masks) keeps every
 * pruned weight at exactly zero in both students (distilled and scratch), and the saved child's
 * masks equal the parent's.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { createBaseApi } from './base';
import { getSlot } from './context';
import { dbGet } from './db';
import { shelfApi } from './shelf';
import { distillationApi } from './distillation';
import { SLOTS } from './protocol';
import type { DistillRequest } from './protocol/distillation';
import type { ModelVersion } from '../core/shelf/types';
import { setUpShelfTests, savePrunedVersion, revivedAndMoved } from './shelf-test-env';
import { readMnistFromDisk } from '../node/mnist';

const base = createBaseApi();

setUpShelfTests(readMnistFromDisk);

const masksOf = (v: ModelVersion) => v.masks!.map((m) => [m.layer, m.role, Buffer.from(m.mask).toString('base64')]);

it('distilling from a pruned start keeps both students pruned and the saved child inherits the masks', async () => {
  // The teacher: the MLP trained for one short epoch (the baseline slot); the student start: a 50 %-pruned copy.
  const parent = await savePrunedVersion(base);
  expect(parent.masks!.every((m) => m.mask.includes(0))).toBe(true);

  await shelfApi.load(parent.id, SLOTS.distillInit); // "Start from" the pruned version
  const req: DistillRequest = {
    teacher: 'baseline', studentSpec: parent.spec, studentInit: SLOTS.distillInit, transferSize: 300, leaveOut: null,
    settings: { temperature: 4, alpha: 0.9, epochs: 1, batchSize: 32, learningRate: 3e-3, optimizer: 'adam', seed: 2 },
  };
  await distillationApi.run(req);
  const before = tf.memory().numTensors; // the first run adds the two student slots; a second adds nothing
  const report = await distillationApi.run(req);
  expect(tf.memory().numTensors).toBe(before); // the masks' tensors are freed with each run
  expect(report.students.map((s) => s.kind)).toEqual(['distilled', 'scratch']);

  for (const slot of [SLOTS.distilled, SLOTS.scratchStudent]) {
    const { revived, moved } = revivedAndMoved(parent, getSlot(slot).model.getWeights());
    expect({ slot, revived }).toEqual({ slot, revived: 0 });
    expect(moved).toBeGreaterThan(1000);
  }

  const child = (await shelfApi.save({
    slot: SLOTS.distilled, name: 'pruned 50 % · distilled', technique: 'distil', lab: 'distillation', parentId: parent.id,
    masks: 'inherit', metrics: { floatAccuracy: report.students[0].testAccuracy },
  })).version;
  const stored = (await dbGet('versions', child.id)) as ModelVersion;
  expect(masksOf(stored)).toEqual(masksOf(parent));
  expect(child.pruned).toBe(true);
});
