/**
 * The time-series zoo (Time-series lab). A 1-D convolution is written as a conv2d with kernel [k, 1] on
 * a [window, 1, channels] input, which is also how TFLite Micro runs Conv1D (as CONV_2D with H = 1), so
 * the device panel, pruning, quantization and export treat these models like any other ModelSpec.
 * Classifiers and regressors output raw values (logits / the target); the autoencoder reconstructs its
 * input (linear output).
 */
import type { ModelSpec } from '../spec';

/** Two strided conv blocks, a pool, a small dense head. */
export function cnn1d(windowLength: number, channels: number, outputs: number, kind: 'classifier' | 'regressor' = 'classifier'): ModelSpec {
  return {
    id: `ts-cnn1d-${kind}`,
    name: `1-D CNN ${kind}`,
    description: 'Two strided 1-D convolutions (kernel 9) act as learned band-pass filters; max pooling and a dense head decide.',
    inputShape: [windowLength, 1, channels],
    layers: [
      { type: 'conv2d', name: 'conv1', filters: 8, kernel: [9, 1], stride: [2, 1], padding: 'same', activation: 'relu' },
      { type: 'conv2d', name: 'conv2', filters: 16, kernel: [9, 1], stride: [2, 1], padding: 'same', activation: 'relu' },
      { type: 'maxPool2d', name: 'pool', pool: [4, 1], padding: 'same' },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: kind === 'classifier' ? 'logits' : 'output', units: outputs },
    ],
  };
}

/** MLP on a feature vector (DSP features or a flattened window). */
export function mlp(inputShape: number[], outputs: number, kind: 'classifier' | 'regressor' = 'classifier'): ModelSpec {
  return {
    id: `ts-mlp-${kind}`,
    name: `MLP ${kind}`,
    description: 'Two hidden layers of 32 on the feature vector.',
    inputShape,
    layers: [
      ...(inputShape.length > 1 ? [{ type: 'flatten' as const, name: 'flatten' }] : []),
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'fc2', units: 32, activation: 'relu' },
      { type: 'dense', name: kind === 'classifier' ? 'logits' : 'output', units: outputs },
    ],
  };
}

/**
 * Dense autoencoder: dim-32-16-4-16-32-dim, the MLPerf Tiny anomaly-detection model's shape
 * (640-128×4-8-128×4-640, Banbury et al. 2021) scaled to a feature vector of tens of values.
 */
export function autoencoder(dim: number): ModelSpec {
  return {
    id: 'ts-autoencoder',
    name: 'Dense autoencoder',
    description: 'Squeezes the features through a 4-wide bottleneck and reconstructs them; what it cannot reconstruct is anomalous.',
    inputShape: [dim],
    layers: [
      { type: 'dense', name: 'enc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'enc2', units: 16, activation: 'relu' },
      { type: 'dense', name: 'code', units: 4, activation: 'relu' },
      { type: 'dense', name: 'dec1', units: 16, activation: 'relu' },
      { type: 'dense', name: 'dec2', units: 32, activation: 'relu' },
      { type: 'dense', name: 'output', units: dim },
    ],
  };
}
