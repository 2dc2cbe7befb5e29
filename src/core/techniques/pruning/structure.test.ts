import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { computeMasks } from './masks';
import { applyTensorMasks, effectiveMasks, expandAlongAxis, shrinkModel, sliceAxis, structuredCandidates, tensorMasks } from './structure';
import type { LayerScores } from './types';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

/** Every structural case: BN after conv, pooling, a depthwise layer following its input, flatten, dense. */
const spec: ModelSpec = {
  id: 't',
  name: 'test',
  inputShape: [8, 8, 1],
  layers: [
    { type: 'conv2d', name: 'c1', filters: 6, kernel: 3, padding: 'same', useBias: false },
    { type: 'batchNorm', name: 'bn1' },
    { type: 'activation', name: 'r1', activation: 'relu' },
    { type: 'maxPool2d', name: 'p1', pool: 2 },
    { type: 'depthwiseConv2d', name: 'dw', kernel: 3, padding: 'same', depthMultiplier: 2, activation: 'relu' },
    { type: 'conv2d', name: 'c2', filters: 5, kernel: 1, activation: 'relu' },
    { type: 'flatten', name: 'f' },
    { type: 'dense', name: 'd1', units: 7, activation: 'relu' },
    { type: 'dropout', name: 'drop', rate: 0.2 },
    { type: 'dense', name: 'out', units: 3 },
  ],
};

function randomWeights(weights: WeightSet, seed: number): WeightSet {
  let a = seed;
  const r = () => ((a = (a * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return weights.map((w) => ({
    ...w,
    data: w.data.map(() => (w.role === 'movingVariance' ? 0.5 + r() : r() - 0.5)),
  }));
}

function scoresOf(weights: WeightSet, layers: string[]): LayerScores[] {
  return weights
    .filter((w) => w.role === 'kernel' && layers.includes(w.layer))
    .map((w) => ({ layer: w.layer, shape: w.shape, scores: w.data.map(Math.abs) }));
}

describe('axis helpers', () => {
  it('slice and expand along an axis agree', () => {
    const shape = [2, 3, 2];
    const data = Float32Array.from({ length: 12 }, (_, i) => i);
    const keep = Uint8Array.from([1, 0, 1]);
    const s = sliceAxis(data, shape, 1, keep);
    expect(s.shape).toEqual([2, 2, 2]);
    expect([...s.data]).toEqual([0, 1, 4, 5, 6, 7, 10, 11]);
    const m = expandAlongAxis(shape, 1, keep);
    expect([...data.filter((_, i) => m[i])]).toEqual([...s.data]);
  });
});

describe('structured removal', () => {
  it('lists dense/conv layers whose units can go, not the output layer', () => {
    const c = structuredCandidates(spec);
    expect(c.layers).toEqual(['c1', 'c2', 'd1']);
    expect(Object.keys(c.excluded)).toEqual(['out']);
  });

  it('the smaller model computes exactly what the masked model computes', () => {
    const model = buildModel(spec, 1);
    const weights = randomWeights(model.getWeights(), 7);
    const masks = computeMasks(scoresOf(weights, ['c1', 'c2', 'd1']), {
      granularity: 'structured',
      scope: 'local',
      criterion: 'magnitude',
      target: 0.5,
      layers: ['c1', 'c2', 'd1'],
    });
    model.setWeights(applyTensorMasks(weights, tensorMasks(spec, weights, masks)));
    const small = shrinkModel(spec, weights, masks);
    expect(small.spec.layers.find((l) => l.name === 'c1')).toMatchObject({ filters: 3 });
    expect(small.spec.layers.find((l) => l.name === 'c2')).toMatchObject({ filters: 2 }); // round(2.5) = 3 of 5 removed
    expect(small.spec.layers.find((l) => l.name === 'd1')).toMatchObject({ units: 3 }); // round(3.5) = 4 of 7 removed
    const smallModel = buildModel(small.spec, 1);
    smallModel.setWeights(small.weights);
    const before = tf.memory().numTensors;

    const x = tf.randomUniform([4, 8, 8, 1], 0, 1, 'float32', 3);
    const a = model.apply(x);
    const b = smallModel.apply(x);
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
    const scale = tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]);
    expect(scale).toBeGreaterThan(0);
    expect(diff).toBeLessThan(1e-4 * Math.max(1, scale));
    tf.dispose([x, a, b]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    smallModel.dispose();
  });

  it('effective masks add the inputs that read removed units upstream', () => {
    const model = buildModel(spec, 4);
    const weights = randomWeights(model.getWeights(), 5);
    model.dispose();
    const masks = computeMasks(scoresOf(weights, ['c1', 'c2']), {
      granularity: 'structured', scope: 'local', criterion: 'magnitude', target: 0.5, layers: ['c1', 'c2'],
    });
    const [e1, e2] = effectiveMasks(spec, masks);
    expect([...e1.mask]).toEqual([...masks[0].mask]); // c1 reads the image: nothing removed upstream
    // c2 [1,1,12,5] reads dw's 12 channels = c1's 6 channels × multiplier 2.
    const c1Units = masks[0].units!;
    e2.mask.forEach((v, i) => {
      const cin = Math.floor(i / 5) % 12;
      expect(v).toBe(masks[1].units![i % 5] & c1Units[Math.floor(cin / 2)]);
    });
  });

  it('structured masks also zero the bias and the batch-norm channel that follow a unit', () => {
    const model = buildModel(spec, 2);
    const weights = randomWeights(model.getWeights(), 3);
    model.dispose();
    const masks = computeMasks(scoresOf(weights, ['c1']), {
      granularity: 'structured',
      scope: 'local',
      criterion: 'magnitude',
      target: 0.5,
      layers: ['c1'],
    });
    const tm = tensorMasks(spec, weights, masks);
    const keys = tm.map((m) => `${m.layer}/${m.role}`).sort();
    expect(keys).toEqual(['bn1/beta', 'bn1/gamma', 'c1/kernel', 'dw/bias', 'dw/kernel']);
    const units = masks[0].units!;
    expect([...tm.find((m) => m.layer === 'bn1' && m.role === 'gamma')!.mask]).toEqual([...units]);
    // depth multiplier 2: every input channel owns two output channels.
    expect([...tm.find((m) => m.layer === 'dw' && m.role === 'bias')!.mask]).toEqual([...units].flatMap((u) => [u, u]));
  });
});
