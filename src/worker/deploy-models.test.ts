import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../core/model/build';
import { zooSpec } from '../core/model/zoo/mnist';
import { quantizeForTflite, writeTflite, toTfliteGraph } from '../core/export';
import { quantParamsOf } from './shelf-convert';
import { fromStoredParams, quantParamsIncompatibility } from './deploy-models';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
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
