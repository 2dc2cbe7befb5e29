/**
 * MNIST as resident tfjs tensors: uploaded once, then batches are cut with tf.gather (no per-batch
 * host-to-device copies). Images are float32 [n, 28, 28, 1] in [0, 1]; labels int32 [n].
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SHAPE, imagesToFloat, type MnistData, type MnistSplit } from './mnist';

export interface SplitTensors {
  xs: tf.Tensor4D;
  labels: tf.Tensor1D;
  count: number;
}

export interface MnistTensors {
  train: SplitTensors;
  test: SplitTensors;
  dispose(): void;
}

export function splitToTensors(split: MnistSplit): SplitTensors {
  const xs = tf.tensor4d(imagesToFloat(split), [split.count, ...IMAGE_SHAPE], 'float32');
  const labels = tf.tensor1d(Int32Array.from(split.labels), 'int32');
  return { xs, labels, count: split.count };
}

export function mnistToTensors(data: MnistData): MnistTensors {
  const train = splitToTensors(data.train);
  const test = splitToTensors(data.test);
  return {
    train,
    test,
    dispose() {
      tf.dispose([train.xs, train.labels, test.xs, test.labels]);
    },
  };
}

