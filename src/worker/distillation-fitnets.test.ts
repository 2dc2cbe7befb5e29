import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { MLP } from '../core/model/zoo/mnist';
import { trainLoop } from '../core/train/loop';
import { scaleWidth } from '../core/techniques/distillation/student';
import { MLP_SMALL } from '../core/model/zoo/mnist';
import { createSlot, getData, setData } from './context';
import { distillationApi } from './distillation';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
  const { model } = createSlot('baseline', MLP, 1); // teacher with two hidden layers: hint = fc2
  const { tensors } = getData();
  await trainLoop({
    model, train: { xs: tensors.train.xs, labels: tensors.train.labels }, trainSamples: 2000,
    epochs: 1, batchSize: 64, learningRate: 3e-3, optimizer: 'adam', seed: 1, evaluateEachEpoch: false,
  });
});

describe('engine.distillation.fitnets', () => {
  it('trains KD and FitNets students on the same seed, reports both, keeps neither, leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const stages: string[] = [];
    const r = await distillationApi.fitnets(
      {
        teacher: 'baseline', studentSpec: scaleWidth(MLP_SMALL, 0.5), transferSize: 500, leaveOut: null,
        settings: { temperature: 4, alpha: 0.9, epochs: 1, batchSize: 32, learningRate: 3e-3, optimizer: 'adam', seed: 2 }, hintEpochs: 2,
      },
      (s) => stages.push(s),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect({ hint: r.hint, hintSize: r.hintSize, guided: r.guided, guidedSize: r.guidedSize }).toEqual({ hint: 'fc2', hintSize: 64, guided: 'fc1', guidedSize: 16 });
    expect(r.hintLosses).toHaveLength(2);
    expect(r.hintLosses[1]).toBeLessThan(r.hintLosses[0]);
    expect(r.kd!.history).toHaveLength(1);
    expect(r.fitnets!.history).toHaveLength(1);
    expect(r.kd!.testAccuracy).toBeGreaterThan(0.3);
    expect(r.fitnets!.testAccuracy).toBeGreaterThan(0.3);
    expect(stages).toContain('FitNets hint stage');
  }, 120_000);
});
