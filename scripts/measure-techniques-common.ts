/**
 * Shared set-up of the technique measurements (issue 19): the MNIST split as tensors and a LeNet-5
 * baseline trained once per seed (5 epochs, Adam 0.001, batch 64) and cached in /tmp so several
 * measurement scripts reuse it.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import '../src/core/train/wasm-kernels';
import { readMnistFromDisk } from '../src/node/mnist';
import { mnistToTensors } from '../src/core/data/tensors';
import { buildModel } from '../src/core/model/build';
import type { WeightSet } from '../src/core/model/spec';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { trainLoop } from '../src/core/train/loop';

export const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
export const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

export async function setup() {
  await tf.setBackend('wasm');
  await tf.ready();
  const data = mnistToTensors(readMnistFromDisk());
  return {
    data,
    train: { xs: data.train.xs, labels: data.train.labels },
    test: { xs: data.test.xs, labels: data.test.labels },
  };
}

/** LeNet-5 trained `epochs` epochs from `seed` (cached as JSON in /tmp). */
export async function lenetBaseline(train: { xs: tf.Tensor; labels: tf.Tensor1D }, test: { xs: tf.Tensor; labels: tf.Tensor1D }, seed: number, epochs = 5) {
  const spec = zooSpec('lenet5');
  const file = `/tmp/tinyml-lenet5-seed${seed}-e${epochs}.json`;
  const model = buildModel(spec, seed);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { layer: string; role: WeightSet[number]['role']; shape: number[]; data: number[] }[];
    model.setWeights(saved.map((w) => ({ ...w, data: Float32Array.from(w.data) })));
  } else {
    await trainLoop({ model, train, test, epochs, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed, evaluateEachEpoch: false });
    writeFileSync(file, JSON.stringify(model.getWeights().map((w) => ({ ...w, data: [...w.data] }))));
  }
  return { spec, model };
}
