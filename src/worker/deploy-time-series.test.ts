import * as tf from '@tensorflow/tfjs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTestVectors, readTflite, TensorType } from '../core/export';
import { disposeSlot, getSlot } from './context';
import { deployApi } from './deploy';
import { SHELF_PREFIX } from './deploy-models';
import { SLOTS } from './protocol/slots';
import { defaults, encode } from '../store/settings-schema';
import { runSettings, timeSeriesSettings, type TimeSeriesSettings } from '../store/time-series';
import { saveTsVersion, setUpTsVersionTests } from './ts-version-test-env';

setUpTsVersionTests();

/** Motor modes, 1-D CNN: 500 Hz, windows of 128 every 64, 3 recordings of 1 s per class, 2 epochs. */
const SMALL: TimeSeriesSettings = { ...defaults(timeSeriesSettings), tsRate: 500, tsWindow: 128, tsStride: 64, tsRecordings: 3, tsSeconds: 1, tsEpochs: 2, tsSeed: 1 };
/** The run link as the page writes it (its settings schema: recipe.ts must read every key back). */
const linkOf = (s: TimeSeriesSettings) => `#/time-series?${new URLSearchParams(encode(timeSeriesSettings, s))}`;

describe('Deploy: a time-series version (1-D CNN on motor windows)', () => {
  it('exports an int8 .tflite for the window shape, with its task metric float vs int8, and leaks no tensors', async () => {
    const v = await saveTsVersion('classification', runSettings(SMALL), linkOf(SMALL));
    const option = (await deployApi.models()).find((m) => m.id === SHELF_PREFIX + v.id)!;
    expect(option).toMatchObject({ available: true, task: { kind: 'classification' } });

    const before = tf.memory().numTensors;
    const r = await deployApi.export({ model: option.id, calibrationImages: 100, testVectors: 10 });
    // Only the exported model's float copy stays (for "Save to shelf").
    expect(tf.memory().numTensors).toBe(before + getSlot(SLOTS.deployFloat).model.getWeights().length);

    // The graph reads one window [1, 128, 1, 3] and writes 7 logits, int8 at both ends.
    const g = readTflite(r.tflite);
    const input = g.tensors[g.inputs[0]];
    expect(input.shape).toEqual([1, 128, 1, 3]);
    expect(input.type).toBe(TensorType.INT8);
    expect(g.tensors[g.outputs[0]].shape).toEqual([1, 7]);
    // Input parameters come from the windows' own range (standardised: negative values too), not MNIST's [0, 1].
    expect(r.io.inputScale).not.toBeCloseTo(1 / 255, 6);
    expect(r.io.inputZeroPoint).toBeGreaterThan(-128);

    const s = r.taskScore!;
    expect(s.metric).toBe('accuracy');
    expect(s.testWindows).toBe(r.testCount);
    // The rebuilt windows give back the stored float accuracy: the same data as at training.
    expect(s.reproduced).toBe(true);
    expect(s.float).toBeCloseTo(v.metrics.taskMetric!.float, 6);
    // int8 within 5 points of float on these few dozen test windows (one window is 1.8 points here).
    expect(Math.abs(s.appInt8 - s.float)).toBeLessThanOrEqual(0.05);
    // No LiteRT.js in Node: the runtime figure is missing, and says why; the app's figures stand.
    expect(s.runtime).toBeNull();
    expect('error' in r.runtime && r.runtime.error).toMatch(/LiteRT\.js could not run/);

    const tv = readTestVectors(r.testVectorsBin);
    expect(tv.count).toBe(10);
    expect(tv.inputShape).toEqual([1, 128, 1, 3]);
    const main = strFromU8(unzipSync(r.projectZip)['main.cc']);
    expect(main).toContain('One sensor window (384 values, [1, 128, 1, 3]');
    expect(main).toContain('static float window[384]');
  });

  it('says plainly when a version’s data cannot be rebuilt (an incomplete link; CSV data: recipe.test.ts)', async () => {
    const partial = await saveTsVersion('classification', runSettings(SMALL), '#/time-series?tsTask=classification&tsEpochs=2');
    const models = await deployApi.models();
    const p = models.find((m) => m.id === SHELF_PREFIX + partial.id)!;
    expect(p.available).toBe(false);
    expect(p.reason).toMatch(/run link lacks a valid "tsDataset"/);
    await expect(deployApi.export({ model: p.id, calibrationImages: 10, testVectors: 1 })).rejects.toThrow(/cannot be exported/);
  });

  it('exports a battery regressor (MLP on DSP features): R² and MAE float vs int8', async () => {
    const s: TimeSeriesSettings = { ...defaults(timeSeriesSettings), tsTask: 'regression', tsDataset: 'battery', tsRate: 1, tsWindow: 60, tsStride: 20, tsRecordings: 4, tsFeatures: 'dsp', tsModel: 'mlp', tsEpochs: 20, tsSeed: 1 };
    const v = await saveTsVersion('regression', runSettings(s), linkOf(s));
    disposeSlot(SLOTS.deployFloat); // the first test's export
    const before = tf.memory().numTensors;
    const r = await deployApi.export({ model: SHELF_PREFIX + v.id, calibrationImages: 200, testVectors: 5 });
    expect(tf.memory().numTensors).toBe(before + getSlot(SLOTS.deployFloat).model.getWeights().length);
    const t = r.taskScore!;
    expect(t.metric).toBe('R²');
    expect(t.reproduced).toBe(true);
    expect(readTflite(r.tflite).tensors[readTflite(r.tflite).outputs[0]].shape).toEqual([1, 1]);
    console.log(`ts regression: R² float ${t.float} int8 ${t.appInt8}; MAE float ${t.mae!.float} int8 ${t.mae!.appInt8} % SoC, ${t.testWindows} windows`);
    // int8 PTQ of a small regressor: R² within 0.1 and MAE within 2 points of SoC of float.
    expect(Math.abs(t.appInt8 - t.float)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(t.mae!.appInt8 - t.mae!.float)).toBeLessThanOrEqual(2);
    expect(strFromU8(unzipSync(r.projectZip)['main.cc'])).toContain('MicroPrintf("predicted');
  });

  it('exports a motor anomaly detector (autoencoder on normal windows, field noise x8 so the AUC is not 1): AUC float vs int8', async () => {
    const s: TimeSeriesSettings = { ...SMALL, tsTask: 'anomaly', tsDataset: 'motor', tsFeatures: 'dsp', tsModel: 'autoencoder', tsRecordings: 4, tsEpochs: 20, tsNoise: 8 };
    const v = await saveTsVersion('anomaly', runSettings(s), linkOf(s));
    disposeSlot(SLOTS.deployFloat);
    const before = tf.memory().numTensors;
    const r = await deployApi.export({ model: SHELF_PREFIX + v.id, calibrationImages: 200, testVectors: 5 });
    expect(tf.memory().numTensors).toBe(before + getSlot(SLOTS.deployFloat).model.getWeights().length);
    const t = r.taskScore!;
    expect(t.metric).toBe('AUC');
    expect(t.reproduced).toBe(true);
    expect(t.float).toBeCloseTo(v.metrics.taskMetric!.float, 6);
    // The autoencoder reconstructs its input: the graph's output has the input's shape.
    const g = readTflite(r.tflite);
    expect(g.tensors[g.outputs[0]].shape).toEqual(g.tensors[g.inputs[0]].shape);
    console.log(`ts anomaly: AUC float ${t.float} int8 ${t.appInt8}, ${t.testWindows} windows`);
    // Issue 14's bound for int8 PTQ of the anomaly detector: AUC within 0.02 of float.
    expect(Math.abs(t.appInt8 - t.float)).toBeLessThanOrEqual(0.02);
    expect(t.float).toBeGreaterThan(0.5);
    expect(strFromU8(unzipSync(r.projectZip)['main.cc'])).toMatch(/anomaly|score/i);
  });
});
