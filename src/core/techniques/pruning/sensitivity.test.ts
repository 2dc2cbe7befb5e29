import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { computeScores } from './collect';
import { accuracyOf } from './evaluate';
import { computeMasks } from './masks';
import { sensitivityScan, suffixSpec } from './sensitivity';
import { applyTensorMasks, tensorMasks } from './structure';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const spec: ModelSpec = {
  id: 's',
  name: 's',
  inputShape: [8, 8, 1],
  layers: [
    { type: 'conv2d', name: 'c1', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxPool2d', name: 'p1', pool: 2 },
    { type: 'flatten', name: 'f' },
    { type: 'dense', name: 'd1', units: 12, activation: 'relu' },
    { type: 'dense', name: 'out', units: 3 },
  ],
};

describe('sensitivity scan', () => {
  it('builds the suffix after a layer, and refuses when a skip connection jumps over it', () => {
    const s = suffixSpec(spec, 'f')!;
    expect(s.inputShape).toEqual([36]);
    expect(s.layers.map((l) => l.name)).toEqual(['d1', 'out']);
    const skip: ModelSpec = {
      id: 'k', name: 'k', inputShape: [4],
      layers: [
        { type: 'dense', name: 'a', units: 4 },
        { type: 'dense', name: 'b', units: 4 },
        { type: 'add', name: 'sum', inputs: ['a', 'b'] },
      ],
    };
    expect(suffixSpec(skip, 'a')).not.toBeNull();
    expect(suffixSpec(skip, 'b')).toBeNull();
  });

  it('equals pruning the whole model layer by layer, restores every weight, and leaks nothing', async () => {
    const model = buildModel(spec, 11);
    const xs = tf.randomUniform([60, 8, 8, 1], 0, 1, 'float32', 5);
    // Labels = the model's own predictions, so the unpruned accuracy is 1 and pruning can only lower it.
    const labels = tf.tidy(() => tf.argMax(model.apply(xs), 1).toInt()) as tf.Tensor1D;
    const weights = model.getWeights();
    const layers = ['c1', 'd1', 'out'];
    const levels = [0.3, 0.6, 0.9];
    const before = tf.memory().numTensors;
    for (const granularity of ['unstructured', 'structured'] as const) {
      const scoreLayers = granularity === 'structured' ? ['c1', 'd1'] : layers;
      const scores = computeScores(model, 'magnitude', scoreLayers, []);
      const res = await sensitivityScan(model, { scores, levels, granularity, test: { xs, labels }, batchSize: 25 });
      expect(res.baseline).toBe(1);
      expect(res.rows.map((r) => r.layer)).toEqual(scoreLayers);
      // Reference: mask the full model and evaluate it.
      for (const row of res.rows) {
        row.accuracy.forEach((acc, i) => {
          const masks = computeMasks(scores.filter((s) => s.layer === row.layer), {
            granularity, scope: 'local', criterion: 'magnitude', target: levels[i], layers: [row.layer],
          });
          const ref = buildModel(spec, 0);
          ref.setWeights(applyTensorMasks(weights, tensorMasks(spec, weights, masks)));
          expect(acc).toBeCloseTo(accuracyOf(ref, xs, labels), 10);
          ref.dispose();
        });
      }
      model.getWeights().forEach((w, i) => expect(w.data).toEqual(weights[i].data));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xs, labels]);
    model.dispose();
  });

  it('stops when aborted and returns what it has', async () => {
    const model = buildModel(spec, 12);
    const xs = tf.randomUniform([20, 8, 8, 1]);
    const labels = tf.zeros([20], 'int32') as tf.Tensor1D;
    const ac = new AbortController();
    const res = await sensitivityScan(model, {
      scores: computeScores(model, 'magnitude', ['c1', 'd1'], []),
      levels: [0.5],
      granularity: 'unstructured',
      test: { xs, labels },
      signal: ac.signal,
      onRow: () => ac.abort(),
    });
    expect(res.stopped).toBe(true);
    expect(res.rows).toHaveLength(1);
    tf.dispose([xs, labels]);
    model.dispose();
  });
});
