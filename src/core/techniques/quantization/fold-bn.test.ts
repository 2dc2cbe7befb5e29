import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../../model/build';
import { zooSpec } from '../../model/zoo/mnist';
import { mulberry32 } from '../../data/random';
import { foldBatchNorm } from './fold-bn';
import { planQuantization } from './graph';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('batch-norm folding', () => {
  it('the folded teacher computes the same logits and plans as conv + fused ReLU', () => {
    const spec = zooSpec('teacher');
    const model = buildModel(spec, 2);
    const r = mulberry32(4);
    // Non-trivial batch-norm statistics so folding matters.
    const weights = model.getWeights().map((w) =>
      w.role === 'movingVariance' ? { ...w, data: w.data.map(() => 0.2 + r()) }
        : w.role === 'movingMean' || w.role === 'beta' ? { ...w, data: w.data.map(() => r() - 0.5) }
          : w.role === 'gamma' ? { ...w, data: w.data.map(() => 0.5 + r()) } : w,
    );
    model.setWeights(weights);
    const folded = foldBatchNorm(spec, weights);
    expect(folded.spec.layers.some((l) => l.type === 'batchNorm')).toBe(false);
    const fm = buildModel(folded.spec, 2);
    fm.setWeights(folded.weights);
    const x = tf.tensor4d(Float32Array.from({ length: 4 * 784 }, () => r()), [4, 28, 28, 1]);
    const a = model.apply(x);
    const b = fm.apply(x);
    const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
    expect(diff).toBeLessThan(1e-3);
    tf.dispose([x, a, b]);
    model.dispose();
    fm.dispose();
    const plan = planQuantization(folded.spec);
    expect(plan.calibrated).toEqual(['relu1', 'relu2', 'conv3', 'fc1', 'logits']);
    expect(plan.ops[0]).toMatchObject({ kind: 'conv2d', layer: 'conv1', out: 'relu1', activation: 'relu' });
  });

  it('a model without batch norm comes back unchanged', () => {
    const spec = zooSpec('lenet5');
    const w = [{ layer: 'x', role: 'kernel' as const, shape: [1], data: new Float32Array(1) }];
    const f = foldBatchNorm(spec, w);
    expect(f.spec).toBe(spec);
    expect(f.weights).toBe(w);
  });
});
