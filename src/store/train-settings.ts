/** The Train lab's settings: one typed schema, mirrored to the link and local storage. */
import { defineSettings, enumField, intField, numberField } from './settings-schema';
import { MNIST_ZOO } from '../core/model/zoo/mnist';

export const MODEL_IDS = MNIST_ZOO.map((s) => s.id);

export const trainSettings = defineSettings('train', {
  model: enumField('Model', MODEL_IDS, 'mlp'),
  epochs: intField('Epochs', 5, { min: 1, max: 50 }),
  batchSize: intField('Batch size', 64, { min: 1, max: 1024 }),
  learningRate: numberField('Learning rate', 0.001, { min: 0.00001, max: 1 }),
  optimizer: enumField('Optimizer', ['adam', 'sgd', 'rmsprop'] as const, 'adam'),
  seed: intField('Seed', 42, { min: 0, max: 2 ** 31 - 1 }),
});
