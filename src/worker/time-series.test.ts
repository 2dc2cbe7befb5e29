import 'fake-indexeddb/auto';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmGradientKernels } from '../core/train/wasm-kernels';
import { TS_DEFAULTS, type TsRunSettings } from '../core/data/timeseries/lab-defaults';
import { cacheInfos, disposeSlot, getSlot, hasSlot, stopJob } from './context';
import { SLOTS } from './protocol/slots';
import { shelfApi } from './shelf';
import { timeSeriesApi as api } from './time-series';
import type { TsEvent } from './protocol/time-series';

beforeAll(async () => {
  registerWasmGradientKernels();
  await tf.setBackend('wasm');
  await tf.ready();
});

const small: TsRunSettings = { ...TS_DEFAULTS.classification, sampleRate: 500, windowLength: 128, stride: 64, recordings: 3, seconds: 1, epochs: 2 };

describe('engine["time-series"]', () => {
  it('previews, generates, trains, evaluates and quantizes without leaking tensors', async () => {
    const pv = await api.preview('classification', small);
    expect(pv.classes.map((c) => c.name)).toContain('unbalance');
    expect(pv.classes[0].window[0].length).toBe(128);
    expect(pv.classes[0].spectrogram.bins).toBeGreaterThan(8);
    const summary = await api.generate('classification', small);
    expect(summary.windows).toBe(7 * 3 * 6); // 500 samples, windows of 128 every 64 → floor(372 / 64) + 1 = 6 per recording
    expect(summary.fisher.length).toBe(12);
    const before = tf.memory().numTensors;
    const events: TsEvent[] = [];
    const out = await api.train('classification', small, (e) => events.push(e));
    expect(out.epochsDone).toBe(2);
    expect(out.float.classification!.confusion.length).toBe(7);
    expect(out.int8!.classification!.accuracy).toBeGreaterThanOrEqual(0);
    expect(events.some((e) => e.type === 'epoch')).toBe(true);
    // The trained model stays in its slot for "Save to shelf"; a second run replaces it (no growth).
    expect(out.saveSlot).toBe(SLOTS.tsClassification);
    expect(getSlot(SLOTS.tsClassification).spec).toEqual(out.spec);
    const kept = tf.memory().numTensors;
    await api.train('classification', small);
    expect(tf.memory().numTensors).toBe(kept);
    disposeSlot(SLOTS.tsClassification);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("lists the kept datasets in the diagnostics' caches: one per task, replaced when regenerated", async () => {
    const info = () => cacheInfos().find((c) => c.name === 'Time-series data')!;
    await api.generate('classification', small);
    const one = info();
    // 7 classes x 3 recordings x 1 s at 500 Hz x 3 channels of float32.
    expect(one.bytes).toBe(7 * 3 * 500 * 3 * 4);
    await api.generate('classification', { ...small, seed: small.seed + 1 });
    expect(info().entries).toBe(one.entries);
    expect(info().bytes).toBe(one.bytes);
    await api.generate('classification', { ...small, recordings: 6 });
    expect(info().bytes).toBe(2 * one.bytes);
    expect(info().maxEntries).toBe(3);
  });

  it('saves the trained model to the shelf with its task and metric, and loads it back', async () => {
    const out = await api.train('classification', small);
    const acc = out.float.classification!.accuracy;
    const saved = await shelfApi.save({
      slot: out.saveSlot!, name: '1-D CNN · motor modes', technique: 'train', lab: 'time-series', settingsLink: '#/time-series?tsEpochs=2', parentId: null,
      metrics: { taskMetric: { name: 'accuracy', float: acc, int8: out.int8!.classification!.accuracy } },
      task: { domain: 'time-series', kind: 'classification', dataset: 'motor', datasetLabel: 'motor modes' },
    });
    expect(saved.version.task?.kind).toBe('classification');
    expect(saved.version.metrics.taskMetric?.float).toBe(acc);
    expect(saved.version.spec.inputShape).toEqual([128, 1, 3]);
    const listed = (await shelfApi.list()).versions.find((v) => v.id === saved.version.id)!;
    expect(listed.metrics.taskMetric?.name).toBe('accuracy');
    await shelfApi.load(saved.version.id, 'ts-check');
    expect(hasSlot('ts-check')).toBe(true);
    disposeSlot('ts-check');
    disposeSlot(SLOTS.tsClassification);
  });

  it('stops a run through the job signal and keeps what it has', async () => {
    const before = tf.memory().numTensors;
    const run = api.train('classification', { ...small, epochs: 200 }, (e) => {
      if (e.type === 'epoch' && e.epoch === 0) stopJob();
    });
    const out = await run;
    expect(out.stopped).toBe(true);
    expect(out.epochsDone).toBeLessThan(200);
    // A stopped run's model is kept for saving too; without it nothing is left behind.
    disposeSlot(SLOTS.tsClassification);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('imports CSV files per label and reports bad files by name of the problem', async () => {
    const rows = (f: number) => ['t,x', ...Array.from({ length: 400 }, (_, i) => `${i / 100},${Math.sin((2 * Math.PI * f * i) / 100)}`)].join('\n');
    const s = { ...TS_DEFAULTS.classification, dataset: 'csv' as const, sampleRate: 100, windowLength: 50, stride: 25 };
    const { info, summary } = await api.importCsv('classification', [{ name: 'slow.csv', text: rows(2) }, { name: 'fast.csv', text: rows(9) }], s);
    expect(info.files.map((f) => f.labels[0])).toEqual(['slow', 'fast']);
    expect(summary.classNames).toEqual(['slow', 'fast']);
    // Each file (one recording) is cut into 4 pieces of 100 samples → 3 windows of 50 every 25 each.
    expect(summary.windows).toBe(2 * 4 * 3);
    await expect(api.importCsv('classification', [{ name: 'bad.csv', text: 'x,y\n1,2\n3\n' }], s)).rejects.toThrow(/Ragged rows/);
    const out = await api.train('classification', { ...s, model: 'mlp', features: 'dsp', epochs: 5 });
    expect(out.float.classification!.accuracy).toBeGreaterThan(0.5);
  });

  it('says so when the window is longer than every recording', async () => {
    const s = await api.generate('classification', { ...small, windowLength: 4000 });
    expect(s.windows).toBe(0);
    expect(s.notice).toMatch(/No windows/);
  });
});
