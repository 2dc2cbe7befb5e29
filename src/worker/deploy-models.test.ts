import 'fake-indexeddb/auto';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { createSlot, getSlot, setData } from './context';
import { shelfApi } from './shelf';
import { deployApi } from './deploy';
import { buildModel } from '../core/model/build';
import { zooSpec } from '../core/model/zoo/mnist';
import { quantizeForTflite, writeTflite, toTfliteGraph } from '../core/export';
import { quantParamsOf } from './shelf-convert';
import { fromStoredParams, quantParamsIncompatibility } from './deploy-models';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
});

/** A LeNet-5 with seeded weights and made-up but plausible activation ranges. */
function lenet() {
  const spec = zooSpec('lenet5');
  const model = buildModel(spec, 7);
  const weights = model.getWeights();
  model.dispose();
  const qm0 = quantizeForTflite(spec, weights, new Proxy({}, { get: (_t, name) => (name === 'input' ? [0, 1] : [-3.25, 5.5]) }));
  return { spec, weights, qm0 };
}

describe('deploying a quantized shelf version', () => {
  it('rebuilds exactly the stored parameters, so the written .tflite is byte-identical', () => {
    const { spec, weights, qm0 } = lenet();
    const stored = quantParamsOf(qm0, 'PTQ');
    expect(quantParamsIncompatibility(spec, stored)).toBeNull();
    const qm = fromStoredParams(spec, weights, stored);
    expect(writeTflite(toTfliteGraph(qm, 'int8'))).toEqual(writeTflite(toTfliteGraph(qm0, 'int8')));
  });

  it('names what TFLite int8 cannot hold, and refuses parameters it cannot reproduce', () => {
    const { spec, weights, qm0 } = lenet();
    const stored = quantParamsOf(qm0, 'PTQ');
    const asym = { ...stored, weights: stored.weights.map((w, i) => (i === 0 ? { ...w, zeroPoint: w.zeroPoint.map(() => 3) } : w)) };
    expect(quantParamsIncompatibility(spec, asym)).toMatch(/layer "conv1" has asymmetric weights/);
    expect(quantParamsIncompatibility(spec, { ...stored, weightBits: 4 })).toMatch(/4-bit weights/);
    const dense = stored.weights.find((w) => w.tensor.startsWith('fc'))!;
    const perChannelDense = { ...stored, weights: stored.weights.map((w) => (w === dense ? { ...w, scale: new Float32Array([1, 2]) } : w)) };
    expect(quantParamsIncompatibility(spec, perChannelDense)).toMatch(/per-channel dense weights/);
    const wrongScale = { ...stored, weights: stored.weights.map((w, i) => (i === 0 ? { ...w, scale: w.scale.map((s) => s * 1.5) } : w)) };
    expect(() => fromStoredParams(spec, weights, wrongScale)).toThrow(/do not reproduce their stored scales/);
  });
});

describe('engine.deploy with shelf versions', () => {
  it('lists them newest first with their lineage, writes a compatible quantized one with its own parameters and re-quantizes the rest', async () => {
    const spec = zooSpec('mlp');
    createSlot('test:mlp', spec, 3);
    const weights = getSlot('test:mlp').model.getWeights();
    const ranges = new Proxy({}, { get: (_t, name) => (name === 'input' ? [0, 1] : [-4, 9]) }) as Record<string, [number, number]>;
    const own = quantizeForTflite(spec, weights, ranges);
    const root = await shelfApi.save({ slot: 'test:mlp', name: 'MLP root', technique: 'train', lab: 'train', parentId: null, metrics: { floatAccuracy: 0.5 } });
    const stored = quantParamsOf(own, 'PTQ');
    const sym = await shelfApi.save({ slot: 'test:mlp', name: 'MLP · int8', technique: 'quantize', lab: 'quantization', parentId: root.version.id, quant: stored, metrics: { integerAccuracy: 0.5 } });
    const asymParams = { ...stored, weights: stored.weights.map((w) => ({ ...w, zeroPoint: w.zeroPoint.map(() => 1) })) };
    const asym = await shelfApi.save({ slot: 'test:mlp', name: 'MLP · asym', technique: 'quantize', lab: 'quantization', parentId: root.version.id, quant: asymParams, metrics: { integerAccuracy: 0.5 } });

    const models = await deployApi.models();
    expect(models.slice(0, 3).map((m) => m.label)).toEqual(['Shelf: MLP · asym', 'Shelf: MLP · int8', 'Shelf: MLP root']);
    expect(models[1]).toMatchObject({ lineage: 'Shelf lineage: MLP root → MLP · int8', quantized: true, quantNote: expect.stringMatching(/own quantization parameters/) });
    expect(models[0].quantNote).toMatch(/asymmetric weights.*re-quantizes/);

    const r = await deployApi.export({ model: `shelf:${sym.version.id}`, calibrationImages: 20, testVectors: 5 });
    expect(r.quantNote).toMatch(/own quantization parameters/);
    expect(r.tflite).toEqual(writeTflite(toTfliteGraph(own, 'int8')));
    expect(r.parentId).toBe(sym.version.id);
    const re = await deployApi.export({ model: `shelf:${asym.version.id}`, calibrationImages: 20, testVectors: 5 });
    expect(re.quantNote).toMatch(/^re-quantized, because .*asymmetric weights.*min\/max on 20 training images/);
    expect(re.tflite).not.toEqual(r.tflite);
  });
});
