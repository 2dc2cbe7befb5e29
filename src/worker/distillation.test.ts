import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { MLP_SMALL } from '../core/model/zoo/mnist';
import { trainLoop } from '../core/train/loop';
import { scaleWidth } from '../core/techniques/distillation/student';
import { createSlot, disposeSlot, getData, hasSlot, setData, stopJob } from './context';
import { distillationApi } from './distillation';
import { SLOTS } from './protocol';
import type { DistillEvent } from './protocol/distillation';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
  // A quick stand-in for the Train lab's baseline: the small MLP, one epoch on 2,000 samples.
  const { model } = createSlot('baseline', MLP_SMALL, 1);
  const { tensors } = getData();
  await trainLoop({
    model, train: { xs: tensors.train.xs, labels: tensors.train.labels }, trainSamples: 2000,
    epochs: 1, batchSize: 64, learningRate: 3e-3, optimizer: 'adam', seed: 1, evaluateEachEpoch: false,
  });
});

describe('engine.distillation', () => {
  it('has no zoo teacher before one is trained, and uses the baseline as teacher', async () => {
    expect(await distillationApi.teacherInfo('zoo')).toBeNull();
    const info = await distillationApi.teacherInfo('baseline');
    expect(info?.spec.id).toBe('mlp-small');
    expect(info!.testAccuracy).toBeGreaterThan(0.7);
  });

  it('runs both students with a left-out digit, streams events, keeps the students and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const events: DistillEvent[] = [];
    const report = await distillationApi.run(
      {
        teacher: 'baseline',
        studentSpec: scaleWidth(MLP_SMALL, 0.5),
        transferSize: 500,
        leaveOut: 3,
        settings: { temperature: 4, alpha: 0.9, epochs: 1, batchSize: 32, learningRate: 3e-3, optimizer: 'adam', seed: 2 },
      },
      (e) => events.push(e),
    );
    expect(report.stopped).toBe(false);
    expect(report.transferSize).toBe(500);
    expect(report.transferCounts[3]).toBe(0);
    expect(report.transferCounts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(report.teacherLeftOut?.digit).toBe(3);
    expect(report.students.map((s) => s.kind)).toEqual(['distilled', 'scratch']);
    expect(report.students[1].leftOut?.correct).toBe(0);
    for (const s of report.students) expect(s.history).toHaveLength(1);
    expect(events.filter((e) => e.type === 'student').map((e) => e.kind)).toEqual(['distilled', 'scratch']);
    expect(events.some((e) => e.type === 'train' && e.event.type === 'epoch')).toBe(true);
    expect(hasSlot(SLOTS.distilled) && hasSlot(SLOTS.scratchStudent)).toBe(true);
    // The two kept students are the only new tensors (2 dense layers x kernel + bias each).
    expect(tf.memory().numTensors).toBe(before + 8);
    disposeSlot(SLOTS.distilled);
    disposeSlot(SLOTS.scratchStudent);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("returns the teacher's logits for a test image of the chosen digit", async () => {
    const s = await distillationApi.softTargets('baseline', 7);
    expect(s.label).toBe(7);
    expect(getData().raw.test.labels[s.index]).toBe(7);
    expect(s.logits).toHaveLength(10);
    expect(s.pixels).toHaveLength(784);
    expect(s.logits.every(Number.isFinite)).toBe(true);
  });

  it('a teacher run stopped before its first epoch ends leaves no teacher behind and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const r = await distillationApi.trainTeacher({ epochs: 3, seed: 1 }, (e) => {
      if (e.type === 'batch') stopJob();
    });
    expect(r.stopped).toBe(true);
    expect(r.history).toHaveLength(0);
    expect(hasSlot(SLOTS.teacher)).toBe(false);
    expect(await distillationApi.teacherInfo('zoo')).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
