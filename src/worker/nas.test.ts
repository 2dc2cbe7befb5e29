import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { DEFAULT_PROXY } from '../core/techniques/nas/proxy';
import type { SearchSpace } from '../core/techniques/nas/space';
import { cacheInfos, disposeSlot, getSlot, setData, stopJob } from './context';
import { NAS_WEIGHTS_CACHE, nasApi, trainedWeights } from './nas';
import type { NasEvent, NasSearchSettings } from './protocol/nas';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
});

const SMALL: SearchSpace = {
  blockCounts: [1],
  kinds: ['conv', 'dsconv'],
  kernels: [3],
  widths: [4, 8],
  downsamples: ['maxpool', 'stride2'],
  headPools: ['flatten'],
  headWidths: [0],
};

const settings: NasSearchSettings = {
  strategy: 'random',
  space: SMALL,
  seed: 3,
  candidates: 2,
  timeBudgetSec: 0,
  proxy: { ...DEFAULT_PROXY, trainSamples: 300 },
  budget: { ramKB: 100, flashKB: 500, latencyMs: 20 },
  targetId: 'mcxn947',
  engine: 'cpu',
};

describe('engine.nas', () => {
  it('runs a search, streams records and training progress, and adopts a trained candidate', async () => {
    const events: NasEvent[] = [];
    const res = await nasApi.search(settings, (e) => events.push(e));
    expect(res.stopReason).toBe('budget');
    const trained = res.records.filter((r) => r.status === 'trained');
    expect(trained).toHaveLength(2);
    expect(events.filter((e) => e.type === 'candidate')).toHaveLength(res.records.length);
    expect(events.some((e) => e.type === 'training')).toBe(true);
    for (const r of trained) expect(r.accuracy!).toBeGreaterThan(0.2);

    const before = tf.memory().numTensors;
    const adopted = await nasApi.adopt(trained[0].genotype, settings.seed, 'nas:test');
    expect(adopted.reusedWeights).toBe(true);
    expect(getSlot('nas:test').spec.id).toBe(`nas-${trained[0].key}`);
    disposeSlot('nas:test');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops on request and keeps what it has', async () => {
    let n = 0;
    const res = await nasApi.search({ ...settings, candidates: 50, space: { ...SMALL, widths: [4, 8, 16, 32, 64] } }, (e) => {
      if (e.type === 'candidate' && ++n === 1) stopJob();
    });
    expect(res.stopReason).toBe('stopped');
    expect(res.records.length).toBeGreaterThanOrEqual(1);
    expect(res.records.filter((r) => r.status === 'trained').length).toBeLessThan(50);
  });

  it('keeps trained weights in a bounded LRU cache that the diagnostics list', async () => {
    await nasApi.search({ ...settings, seed: 11 }, () => undefined);
    const info = cacheInfos().find((c) => c.name === 'NAS trained weights')!;
    expect(info.entries).toBeGreaterThanOrEqual(2);
    expect(info.bytes).toBeGreaterThan(0);
    expect(info).toMatchObject({ maxEntries: NAS_WEIGHTS_CACHE.maxEntries, maxBytes: NAS_WEIGHTS_CACHE.maxBytes });
    // Far more candidates than the bound (copies of a real weight set): the cache stays within it.
    const [key] = trainedWeights.keys();
    const w = trainedWeights.get(key)!;
    for (let i = 0; i < NAS_WEIGHTS_CACHE.maxEntries * 2; i++) trainedWeights.set(`fill:${i}`, w.map((t) => ({ ...t, data: t.data.slice() })));
    const full = cacheInfos().find((c) => c.name === 'NAS trained weights')!;
    expect(full.entries).toBe(NAS_WEIGHTS_CACHE.maxEntries);
    expect(full.bytes).toBeLessThanOrEqual(NAS_WEIGHTS_CACHE.maxBytes);
    expect(full.evicted).toBeGreaterThanOrEqual(NAS_WEIGHTS_CACHE.maxEntries);
    expect(trainedWeights.has(key)).toBe(false); // the oldest gave way
    // The newest search's candidates went in last, so "Use this model" still starts from their weights.
    const adopted = await nasApi.adopt((await nasApi.search({ ...settings, seed: 12, candidates: 1 }, () => undefined)).records.find((r) => r.status === 'trained')!.genotype, 12, 'nas:test');
    expect(adopted.reusedWeights).toBe(true);
    disposeSlot('nas:test');
    trainedWeights.clear();
    const model = cacheInfos().find((c) => c.name === 'Engine slots')!;
    expect(model.maxEntries).toBeNull();
  });
});
