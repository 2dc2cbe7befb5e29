import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readMnistFromDisk } from '../node/mnist';
import { zooSpec } from '../core/model/zoo/mnist';
import { createBaseApi } from './base';
import { runJob, setData, throttle } from './context';
import type { TrainEvent, TrainSettings } from './protocol';

const api = createBaseApi();
const settings: TrainSettings = { epochs: 1, batchSize: 32, learningRate: 0.002, optimizer: 'adam', seed: 3, trainSamples: 320 };

describe('base engine API (worker side, in Node)', () => {
  beforeAll(async () => {
    const info = await api.init('wasm');
    expect(info).toMatchObject({ backend: 'wasm', requested: 'wasm', fallbackReason: undefined });
    expect(info.detail).toMatch(/SIMD/);
    setData(readMnistFromDisk());
  });

  it('reports the data split', async () => {
    expect(await api.loadData()).toEqual({ train: 8000, test: 2000 });
  });

  it('creates, trains, evaluates and predicts in a slot, and frees everything on dispose', async () => {
    const before = (await api.memory()).numTensors;
    await api.createModel('a', zooSpec('mlp'), 1);
    expect(await api.hasModel('a')).toBe(true);
    const events: TrainEvent[] = [];
    const r = await api.train('a', { ...settings, epochs: 2 }, (e) => events.push(e));
    expect(r.stopped).toBe(false);
    expect(r.epochsDone).toBe(2);
    expect(r.history).toHaveLength(2);
    expect(r.testAccuracy).toBeGreaterThan(0.5);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1]);
    expect(epochs[1].testAccuracy).toBe(r.testAccuracy);
    const ev = await api.evaluate('a');
    expect(ev.accuracy).toBeCloseTo(r.testAccuracy, 10);
    expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(2000);
    expect(ev.misclassified.length).toBe(24);
    const { pixels, labels } = await api.testSamples([0, 1, 2]);
    expect(pixels.length).toBe(3 * 784);
    const probs = await api.predict('a', pixels.slice(0, 784));
    expect(probs.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    expect(labels).toHaveLength(3);
    await api.disposeModel('a');
    expect(await api.hasModel('a')).toBe(false);
    expect((await api.memory()).numTensors).toBe(before);
  });

  it('stop(jobId) aborts a running training, which resolves as stopped; a second job meanwhile is refused', async () => {
    await api.createModel('s', zooSpec('mlp'), 1);
    await api.beginJob('train:1');
    let second: Promise<unknown> | null = null;
    const r = await api.train('s', { ...settings, epochs: 5, trainSamples: 2000, batchSize: 16 }, (e) => {
      if (e.type === 'batch' && !second) {
        // Caught at once: the wasm backend's Node build turns unhandled rejections into crashes.
        second = api.train('s', settings).then(() => null, (err: unknown) => err);
        void api.stop('other:9'); // another job's late Stop must not end this one
        void api.stop('train:1');
      }
    });
    await api.endJob('train:1');
    expect(r.stopped).toBe(true);
    expect(r.epochsDone).toBe(0);
    expect(String(await second)).toMatch(/busy with "training"/);
    // The engine is free again.
    await expect(runJob('next', async () => 42)).resolves.toBe(42);
    await api.disposeModel('s');
  });

  it('a Stop that arrives between two calls of one page job stops the next call; other ids are untouched', async () => {
    await api.beginJob('lab:2');
    await api.stop('lab:2');
    await expect(runJob('first call', async (signal) => signal.aborted)).resolves.toBe(true);
    await api.endJob('lab:2');
    await api.beginJob('lab:3');
    await expect(runJob('next job', async (signal) => signal.aborted)).resolves.toBe(false);
    await api.endJob('lab:3');
  });

  it('moves weights between slots and round-trips getWeights/setWeights', async () => {
    await api.createModel('x', zooSpec('lenet5'), 1);
    await api.createModel('y', zooSpec('lenet5'), 2);
    const wx = await api.getWeights('x');
    expect(await api.getWeights('y')).not.toEqual(wx);
    await api.setWeights('y', wx);
    expect(await api.getWeights('y')).toEqual(wx);
    await api.copyModel('x', 'z');
    expect(await api.getWeights('z')).toEqual(wx);
    await expect(api.getWeights('nope')).rejects.toThrow(/no model in slot "nope"/);
    for (const s of ['x', 'y', 'z']) await api.disposeModel(s);
  });

  it('saves the baseline and loads it back into the "baseline" slot', async () => {
    expect(await api.loadBaseline()).toBeNull();
    await api.createModel('t', zooSpec('mlp-small'), 4);
    const saved = await api.saveBaseline('t', 0.91);
    expect(saved.spec.id).toBe('mlp-small');
    expect(saved.testAccuracy).toBe(0.91);
    const w = await api.getWeights('t');
    await api.disposeModel('baseline');
    const loaded = await api.loadBaseline();
    expect(loaded).toEqual(saved);
    expect(await api.getWeights('baseline')).toEqual(w);
    await api.disposeModel('t');
    await api.disposeModel('baseline');
  });

  it('reports the tensors in memory and the backend', async () => {
    const m = await api.memory();
    expect(m.backend).toBe(tf.getBackend());
    expect(m.numTensors).toBeGreaterThan(0); // the resident data
  });
});

describe('throttle', () => {
  it('sends at most one event per interval, forced events always, and the latest on flush', () => {
    const got: number[] = [];
    const t = throttle<number>((e) => got.push(e), 10_000);
    for (let i = 0; i < 50; i++) t.push(i);
    expect(got).toEqual([0]);
    t.push(50, true);
    expect(got).toEqual([0, 50]);
    t.push(51);
    t.push(52);
    t.flush();
    expect(got).toEqual([0, 50, 52]);
    t.flush();
    expect(got).toEqual([0, 50, 52]);
  });

  it('survives a callback that throws (a closed page)', () => {
    const t = throttle<number>(() => {
      throw new Error('gone');
    });
    expect(() => t.push(1, true)).not.toThrow();
  });
});
