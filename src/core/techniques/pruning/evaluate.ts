/** Test accuracy of a TfModel over resident tensors, in big batches (what sweeps and scans call). */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';

export function accuracyOf(model: TfModel, xs: tf.Tensor, labels: tf.Tensor1D, batchSize = 1000): number {
  const n = xs.shape[0];
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const hits = tf.tidy(() => {
      const x = xs.slice(start, size);
      const y = labels.slice(start, size);
      return tf.sum(tf.cast(tf.equal(tf.argMax(model.apply(x), 1), y), 'int32'));
    });
    correct += (hits.dataSync() as Int32Array)[0];
    hits.dispose();
  }
  return n ? correct / n : 0;
}
