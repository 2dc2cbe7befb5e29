/** QAT honours "Bits per layer": each layer's kernel is fake-quantized at its own bits during training. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { ModelSpec } from '../../model/spec';
import { planQuantization } from './graph';
import { qatHooks } from './fake-quant';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const spec: ModelSpec = { id: 'q', name: 'q', inputShape: [6], layers: [{ type: 'dense', name: 'a', units: 4, activation: 'relu' }, { type: 'dense', name: 'b', units: 3 }] };

function distinctPerChannel(w: Float32Array, channels: number): number {
  let most = 0;
  for (let c = 0; c < channels; c++) {
    const vals = new Set<number>();
    for (let i = c; i < w.length; i += channels) vals.add(w[i]);
    most = Math.max(most, vals.size);
  }
  return most;
}

describe('QAT with per-layer bits', () => {
  it('layer a at 2 bits (≤ 3 levels per channel), layer b at 8 bits; no tensors leak', () => {
    const plan = planQuantization(spec);
    const ranges = Object.fromEntries(plan.calibrated.map((t) => [t, [-2, 2] as [number, number]]));
    const before = tf.memory().numTensors;
    const hooks = qatHooks(plan, new Map([['a', 4], ['b', 3]]), ranges, {
      weightBits: 8, layerBits: { a: 2 }, activationBits: 8, scheme: 'symmetric', granularity: 'per-channel',
    });
    const wa = tf.tensor2d(Float32Array.from({ length: 24 }, (_, i) => Math.sin(i * 1.7)), [6, 4]);
    const wb = tf.tensor2d(Float32Array.from({ length: 12 }, (_, i) => Math.cos(i * 2.3)), [4, 3]);
    const qa = hooks.train.weight!('a', 'kernel', wa);
    const qb = hooks.train.weight!('b', 'kernel', wb);
    expect(distinctPerChannel(qa.dataSync() as Float32Array, 4)).toBeLessThanOrEqual(3); // symmetric 2 bit: −s, 0, s
    expect(distinctPerChannel(qb.dataSync() as Float32Array, 3)).toBe(4); // 8 bits keeps all 4 values of each channel
    tf.dispose([wa, wb, qa, qb]);
    hooks.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
