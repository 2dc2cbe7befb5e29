import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { zooSpec } from '../core/model/zoo/mnist';
import { genotypeKey, type Genotype } from '../core/techniques/nas/space';
import type { CandidateRecord } from '../core/techniques/nas/search';
import { createSlot, disposeSlot, getSlot } from './context';
import { dbGet, dbPut, resetDbForTests } from './db';
import { distillationApi } from './distillation';
import { SLOTS } from './protocol';
import { probeSpeed, recordingsApi } from './recordings';
import { setUpShelfTests } from './shelf-test-env';
import { readMnistFromDisk } from '../node/mnist';

setUpShelfTests(readMnistFromDisk);

const history = [{ type: 'epoch' as const, epoch: 0, loss: 0.4, accuracy: 0.9, testLoss: 0.3, testAccuracy: 0.91, samplesPerSec: 200 }];
const settings = { kdTeacherEpochs: 1, kdSeed: 7, backend: 'wasm' };

/** A "trained" teacher in the teacher slot: a small model stands in (recording does not care what it is). */
function putTeacher(): Float32Array {
  createSlot(SLOTS.teacher, zooSpec('mlp-small'), 7);
  return getSlot(SLOTS.teacher).model.getWeights()[0].data.slice();
}

describe('engine.recordings', () => {
  it('records the teacher, survives a fresh page load, and puts it back as the teacher bit-exactly', async () => {
    const first = putTeacher();
    expect(await recordingsApi.recordTeacher({ durationMs: 5000, settings, history })).toEqual({ persisted: true });
    // A fresh page: no slots, no memory copy; only IndexedDB holds the recording.
    disposeSlot(SLOTS.teacher);
    await resetDbForTests();
    const loaded = await recordingsApi.teacher();
    expect(loaded.status).toBe('ok');
    if (loaded.status === 'ok') {
      expect(loaded.recording).toMatchObject({ backend: 'wasm', durationMs: 5000, settings, modelName: zooSpec('mlp-small').name, testAccuracy: 0.91, seed: 7 });
      expect('model' in loaded.recording).toBe(false); // weights stay in the worker
    }
    const before = tf.memory().numTensors;
    const info = await recordingsApi.useTeacher();
    expect(info.testAccuracy).toBe(0.91);
    expect(Buffer.from(getSlot(SLOTS.teacher).model.getWeights()[0].data.buffer).equals(Buffer.from(first.buffer))).toBe(true);
    // It is now the saved zoo teacher too (what the Distillation page loads).
    expect(await distillationApi.teacherInfo('zoo')).toMatchObject({ source: 'zoo', testAccuracy: 0.91 });
    // Using it twice replaces the slot's model, it does not add one.
    const after = tf.memory().numTensors;
    await recordingsApi.useTeacher();
    expect(tf.memory().numTensors).toBe(after);
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it('reports a damaged teacher recording with its reason and refuses to use it', async () => {
    putTeacher();
    await recordingsApi.recordTeacher({ durationMs: 5000, settings, history });
    const raw = (await dbGet('recordings', 'teacher')) as { model: { weights: { data: Float32Array }[] } };
    raw.model.weights[0].data = raw.model.weights[0].data.subarray(0, 10);
    await dbPut('recordings', 'teacher', raw);
    const loaded = await recordingsApi.teacher();
    expect(loaded).toMatchObject({ status: 'rejected' });
    if (loaded.status === 'rejected') expect(loaded.reason).toMatch(/teacher is damaged: weights .* have 10 values/);
    await expect(recordingsApi.useTeacher()).rejects.toThrow(/cannot be used/);
  });

  it('refuses to record a NAS run that does not validate, and keeps a good one', async () => {
    const genotype: Genotype = { blocks: [{ kind: 'dsconv', kernel: 3, width: 8, down: 'stride2' }], pool: 'gap', head: 0 };
    const rec: CandidateRecord = {
      index: 0, trainedIndex: 1, strategy: 'evolution', key: genotypeKey(genotype), genotype, origin: 'random', params: 500, macs: 20_000,
      cost: { flashBytes: 2000, ramBytes: 1000, latencyMs: 0.5 }, status: 'trained', reasons: [], accuracy: 0.7, zeroCost: 1.2, evalMs: 300,
    };
    const run = { strategy: 'evolution' as const, seed: 1, label: 'evolution · seed 1', candidates: 1, stopReason: 'budget' as const, elapsedMs: 400, records: [rec] };
    await expect(recordingsApi.recordNas({ durationMs: 500, settings: {}, run: { ...run, records: [{ ...rec, key: 'other' }] } })).rejects.toThrow(/could not be recorded/);
    expect(await recordingsApi.nas()).toEqual({ status: 'none' });
    await recordingsApi.recordNas({ durationMs: 500, settings: { nasSeed: 1 }, run });
    const loaded = await recordingsApi.nas();
    expect(loaded.status === 'ok' && loaded.recording.run.records[0].key).toBe(rec.key);
    await recordingsApi.remove('nas');
    expect(await recordingsApi.nas()).toEqual({ status: 'none' });
  });

  it('times teacher batches without leaking tensors, and prefers a training run to the probe', async () => {
    const before = tf.memory().numTensors;
    // The page's probe times the teacher CNN; a small model keeps this test quick, the code path is the same.
    const probe = await probeSpeed(zooSpec('lenet5'));
    expect(tf.memory().numTensors).toBe(before);
    expect(probe).toMatchObject({ backend: 'wasm', source: 'probe', count: 4 });
    expect(probe!.msPerEpoch).toBeGreaterThan(0);
    expect(await recordingsApi.teacherRate()).toEqual(probe);
    const trained = await recordingsApi.saveTeacherRate({ durationMs: 120_000, epochs: 2 });
    expect(await recordingsApi.teacherRate()).toEqual(trained);
    expect(trained!.msPerEpoch).toBe(60_000);
  }, 60_000);
});
