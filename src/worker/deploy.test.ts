import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { zooSpec } from '../core/model/zoo/mnist';
import { readTestVectors, readTflite, tfliteToSpec, canonicalSpec } from '../core/export';
import { createSlot, getSlot, setData } from './context';
import { deployApi } from './deploy';
import { quantizationApi } from './quantization';
import { SLOTS } from './protocol/slots';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
});

describe('engine.deploy', () => {
  it('exports the baseline, keeps the app numbers when LiteRT.js cannot load (Node), leaves the baseline and tensors alone', async () => {
    createSlot('baseline', zooSpec('lenet5'), 3);
    const before = getSlot('baseline').model.getWeights();
    const models = await deployApi.models();
    expect(models.find((m) => m.id === 'baseline')).toMatchObject({ available: true });

    const tensorsBefore = tf.memory().numTensors;
    const r = await deployApi.export({ model: 'baseline', calibrationImages: 50, testVectors: 20 });
    // The only tensors left are the exported model's float copy, kept for "Save to shelf".
    expect(tf.memory().numTensors).toBe(tensorsBefore + getSlot(SLOTS.deployFloat).model.getWeights().length);
    expect(readTflite(r.tflite).version).toBe(3);
    expect(tfliteToSpec(r.floatTflite).layers).toEqual(canonicalSpec(zooSpec('lenet5')));
    expect(r.testCount).toBe(2000);
    expect(r.integerAccuracy).toBeGreaterThanOrEqual(0);
    expect(r.appOutputs.length).toBe(2000 * 10);
    // There is no browser here: LiteRT.js fails to load, and says so; everything else is still there.
    expect('error' in r.runtime && r.runtime.error).toMatch(/LiteRT\.js could not run/);
    const tv = readTestVectors(r.testVectorsBin);
    expect(tv.count).toBe(20);
    expect(Array.from(tv.expected.subarray(0, 10))).toEqual(Array.from(r.appOutputs.subarray(0, 10)));
    expect(r.ops).toEqual(['CONV_2D', 'MAX_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED']);
    expect(getSlot('baseline').model.getWeights().map((w) => Array.from(w.data.subarray(0, 8)))).toEqual(before.map((w) => Array.from(w.data.subarray(0, 8))));
  });

  it('offers the Quantization lab result only when TFLite can hold it, and says why not', async () => {
    createSlot('baseline', zooSpec('mlp'), 5);
    await quantizationApi.prepare();
    const base = { weightFormat: 8, activationBits: 8, granularity: 'per-channel', rounding: 'nearest', seed: 1, calibration: 'minmax', percentile: 99.99, calibrationSamples: 50 } as const;
    await quantizationApi.quantize({ ...base, scheme: 'asymmetric' });
    const q = (await deployApi.models()).find((m) => m.id === 'quantization')!;
    expect(q.available).toBe(false);
    expect(q.reason).toMatch(/asymmetric weights/);
    await quantizationApi.quantize({ ...base, scheme: 'symmetric', granularity: 'per-tensor' });
    const ok = (await deployApi.models()).find((m) => m.id === 'quantization')!;
    expect(ok).toMatchObject({ available: true });
    const r = await deployApi.export({ model: 'quantization', calibrationImages: 1, testVectors: 5 });
    expect(r.layers.every((l) => l.scales === 1)).toBe(true);
    await expect(deployApi.export({ model: 'nonsense', calibrationImages: 1, testVectors: 5 })).rejects.toThrow(/unknown model/);
  });
});
