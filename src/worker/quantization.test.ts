import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { zooSpec } from '../core/model/zoo/mnist';
import { createSlot, getSlot, setData } from './context';
import { quantizationApi, type QuantRequest } from './quantization';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
});

const REQ: QuantRequest = {
  weightFormat: 8,
  activationBits: 8,
  scheme: 'asymmetric',
  granularity: 'per-channel',
  rounding: 'nearest',
  seed: 1,
  calibration: 'minmax',
  percentile: 99.99,
  calibrationSamples: 100,
};

describe('engine.quantization', () => {
  it('prepares a copy, quantizes, explains a neuron, and leaves the baseline untouched', async () => {
    createSlot('baseline', zooSpec('mlp'), 5);
    const before = getSlot('baseline').model.getWeights();
    const info = await quantizationApi.prepare();
    expect(info.layers.map((l) => l.name)).toEqual(['fc1', 'fc2', 'logits']);
    expect(info.tensors).toEqual(['fc1', 'fc2', 'logits']);

    const r8 = await quantizationApi.quantize(REQ);
    expect(r8.integerAccuracy).not.toBeNull();
    expect(Math.abs(r8.integerAccuracy! - r8.quantAccuracy)).toBeLessThanOrEqual(0.002);
    expect(r8.agreement!.withinOne / r8.agreement!.outputs).toBeGreaterThanOrEqual(0.99);
    expect(r8.modelBytes).toBeLessThan(r8.floatBytes / 3.5);
    expect(r8.layers).toHaveLength(3);
    expect(r8.weightSqnrDb).toBeGreaterThan(35);
    const fc1 = r8.tensors.find((t) => t.name === 'fc1')!;
    expect(fc1.sqnrDb).toBeGreaterThan(30); // 8-bit min/max: ~6 dB per bit minus the range's crest factor
    expect(fc1.clipped).toBe(0); // min/max calibration clips nothing on its own samples

    const r2 = await quantizationApi.quantize({ ...REQ, weightFormat: 2 });
    expect(r2.weightSqnrDb).toBeLessThan(r8.weightSqnrDb - 25);

    const t = await quantizationApi.explain({ method: 'PTQ', sample: 3, layer: 'logits', output: 4 });
    expect(t.macs).toHaveLength(64);
    expect(t.acc).toBe(t.sum + t.bias);

    const acts = await quantizationApi.values('activations', 'fc1');
    expect(acts.length).toBeGreaterThan(1000);
    expect(Math.min(...acts)).toBeGreaterThanOrEqual(0); // ReLU outputs

    const f16 = await quantizationApi.quantize({ ...REQ, weightFormat: 'fp16' });
    expect(f16.integerAccuracy).toBeNull();
    expect(Math.abs(f16.quantAccuracy - f16.floatAccuracy)).toBeLessThanOrEqual(0.002);

    const after = getSlot('baseline').model.getWeights();
    after.forEach((w, i) => expect(Array.from(w.data)).toEqual(Array.from(before[i].data)));
  });

  it('ledger and a PTQ-only sweep; the ledger does not replace the shown conversion', async () => {
    createSlot('baseline', zooSpec('mlp'), 6);
    await quantizationApi.prepare();
    const r = await quantizationApi.quantize({ ...REQ, weightFormat: 3 });
    const rows = await quantizationApi.ledger(REQ);
    expect(rows.map((x) => x.dtype)).toEqual(['fp32', 'fp16', 'int8', 'int4']);
    expect(rows[2].bytes).toBeLessThan(rows[1].bytes);
    expect(rows[3].bytes).toBeLessThan(rows[2].bytes);
    const t = await quantizationApi.explain({ method: 'PTQ', sample: 0, layer: 'fc1', output: 0 });
    // Still the 3-bit conversion: narrow 3-bit symmetric would be [-3, 3]; asymmetric 3-bit weights are in [-4, 3].
    for (const m of t.macs) {
      expect(m.wq).toBeGreaterThanOrEqual(-4);
      expect(m.wq).toBeLessThanOrEqual(3);
    }
    expect(r.request.weightFormat).toBe(3);
    const points = await quantizationApi.sweep({ ...REQ, bits: [8, 2], epochs: 0, learningRate: 3e-4, batchSize: 32 });
    expect(points.map((p) => p.bits)).toEqual([8, 2]);
    expect(Number.isNaN(points[0].qat)).toBe(true);
  });

  it('a batch-norm model (the teacher) is folded and runs on the int8 path', async () => {
    createSlot('baseline', zooSpec('teacher'), 2);
    const info = await quantizationApi.prepare();
    expect(info.spec.layers.some((l) => l.type === 'batchNorm')).toBe(false);
    expect(info.tensors).toContain('relu1');
    const r = await quantizationApi.quantize({ ...REQ, calibrationSamples: 50, requantRounding: 'single' });
    expect(r.integerAccuracy).not.toBeNull();
    expect(r.agreement!.withinOne / r.agreement!.outputs).toBeGreaterThanOrEqual(0.99);
    expect(Math.abs(r.integerAccuracy! - r.quantAccuracy)).toBeLessThanOrEqual(0.002);
  });
});
