import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmGradientKernels } from '../core/train/wasm-kernels';
import { TS_DEFAULTS, type TsRunSettings } from '../core/data/timeseries/lab-defaults';
import { stopJob } from './context';
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
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops a run through the job signal and keeps what it has', async () => {
    const before = tf.memory().numTensors;
    const run = api.train('classification', { ...small, epochs: 200 }, (e) => {
      if (e.type === 'epoch' && e.epoch === 0) stopJob();
    });
    const out = await run;
    expect(out.stopped).toBe(true);
    expect(out.epochsDone).toBeLessThan(200);
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
