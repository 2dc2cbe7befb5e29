/** Settings of the short-training proxy (no tfjs here: the page imports this). */
import type { OptimizerName } from '../../train/loop';

export interface ProxySettings {
  epochs: number;
  /** Train on the first n training samples. */
  trainSamples: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Also compute the training-free SynFlow score at initialisation. */
  zeroCost: boolean;
}

export const DEFAULT_PROXY: ProxySettings = {
  epochs: 1,
  trainSamples: 2000,
  batchSize: 32,
  learningRate: 0.003,
  optimizer: 'adam',
  zeroCost: true,
};

