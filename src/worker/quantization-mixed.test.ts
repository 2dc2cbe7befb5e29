import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { zooSpec } from '../core/model/zoo/mnist';
import { createSlot, setData } from './context';
import { quantizationApi } from './quantization';
import type { MixedPrecisionRequest } from './protocol/quantization';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
});

const REQ: MixedPrecisionRequest = {
  refBits: 8, lowBits: [4, 2], activationBits: 8, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1,
  calibration: 'minmax', percentile: 99.99, calibrationSamples: 100,
};

describe('engine.quantization.mixedPrecision', () => {
  it('scans every layer at each lower level, builds uniform + greedy assignments with a Pareto front, and leaks nothing', async () => {
    createSlot('baseline', zooSpec('mlp'), 5);
    await quantizationApi.prepare();
    const before = tf.memory().numTensors;
    const r = await quantizationApi.mixedPrecision(REQ);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.rows.map((x) => `${x.layer}:${x.bits}`)).toEqual(['fc1:4', 'fc1:2', 'fc2:4', 'fc2:2', 'logits:4', 'logits:2']);
    for (const x of r.rows) expect(x.drop).toBeCloseTo(r.reference - x.accuracy, 10);
    // Uniform 8 is the reference itself.
    const u8 = r.assignments.find((a) => a.origin === 'uniform 8 bit')!;
    expect(u8.accuracy).toBe(r.reference);
    // The greedy path ends with every layer at 2 bits: 3 layers × 2 levels = 6 steps.
    expect(r.assignments.filter((a) => a.origin.startsWith('greedy'))).toHaveLength(6);
    // Front: sorted by size, accuracy rising with size, and the smallest model is on it.
    const front = r.assignments.filter((a) => a.front).sort((a, b) => a.bytes - b.bytes);
    for (let i = 1; i < front.length; i++) expect(front[i].accuracy).toBeGreaterThan(front[i - 1].accuracy);
    expect(front[0].bytes).toBe(Math.min(...r.assignments.map((a) => a.bytes)));
    // Sizes: lowering a layer from 8 to 4 bits saves exactly half its kernel bytes.
    const step1 = r.assignments.find((a) => a.origin === 'greedy step 1')!;
    const lowered = Object.entries(step1.bits).find(([, b]) => b === 4)![0];
    const layer = r.layers.find((l) => l.layer === lowered)!;
    expect(u8.bytes - step1.bytes).toBe(layer.bytesAtRef / 2);
  }, 120_000);
});
