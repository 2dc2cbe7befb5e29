import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../../../node/mnist';
import { mnistToTensors, type MnistTensors } from '../../data/tensors';
import { candidateSeed, DEFAULT_PROXY, trainProxy } from './proxy';
import { decode, type Genotype } from './space';

let data: MnistTensors;
beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  data = mnistToTensors(readMnistFromDisk());
});
afterAll(() => data.dispose());

const g: Genotype = {
  blocks: [{ kind: 'dsconv', kernel: 3, width: 8, down: 'maxpool' }],
  pool: 'flatten',
  head: 0,
};

describe('proxy training', () => {
  it('learns well above chance in one short epoch, reproducibly, without leaking tensors', async () => {
    const settings = { ...DEFAULT_PROXY, trainSamples: 600 };
    const before = tf.memory().numTensors;
    const run = () =>
      trainProxy({ spec: decode(g), seed: candidateSeed(1, g), train: data.train, test: data.test, settings, keepWeights: true });
    const a = await run();
    const b = await run();
    expect(a.stopped).toBe(false);
    expect(a.accuracy).toBeGreaterThan(0.5);
    expect(b.accuracy).toBe(a.accuracy);
    expect(b.zeroCost).toBe(a.zeroCost);
    expect(Number.isFinite(a.zeroCost!)).toBe(true);
    expect(a.weights!.map((w) => w.layer)).toEqual(['b1_dw', 'b1_dw', 'b1_pw', 'b1_pw', 'logits', 'logits']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports a stop part-way and keeps no weights', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await trainProxy({
      spec: decode(g),
      seed: 1,
      train: data.train,
      test: data.test,
      settings: { ...DEFAULT_PROXY, trainSamples: 200, zeroCost: false },
      keepWeights: true,
      signal: ac.signal,
    });
    expect(r.stopped).toBe(true);
    expect(r.weights).toBeUndefined();
    expect(r.zeroCost).toBeNull();
  });
});
