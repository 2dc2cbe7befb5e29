/**
 * The runtime form of a ModelSpec in tfjs: a functional forward pass over named variables.
 *
 * Why functional and not tf.LayersModel: every technique needs to reach inside the forward pass —
 * pruning multiplies kernels by masks and records activations, quantization inserts fake-quant on
 * weights and activations with a straight-through estimator, distillation needs raw logits. A forward
 * function with hooks gives all of that without a custom layer per technique.
 *
 * Conventions: the zoo's trainable models end in a dense layer without activation, so `apply` returns
 * logits; probabilities are softmax(logits). Implemented in build.ts.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec, WeightSet, WeightTensor } from './spec';

export interface ForwardHooks {
  /** Replace a layer's weight before use (masking, fake quantization). Runs inside the gradient tape. */
  weight?: (layer: string, role: WeightTensor['role'], w: tf.Tensor) => tf.Tensor;
  /** Replace or observe a layer's output (after its activation function). */
  activation?: (layer: string, y: tf.Tensor) => tf.Tensor;
}

export interface ForwardOptions {
  /** Dropout on, batch-norm uses batch statistics. Default false. */
  training?: boolean;
  hooks?: ForwardHooks;
}

export interface TfModel {
  spec: ModelSpec;
  /** Trainable variables by layer name and role. */
  variables: Map<string, Partial<Record<WeightTensor['role'], tf.Variable>>>;
  /** Trainable variables as a flat list (what the optimizer updates). */
  trainable(): tf.Variable[];
  /** x: [batch, ...inputShape] → logits [batch, classes]. Does not dispose x. */
  apply(x: tf.Tensor, opts?: ForwardOptions): tf.Tensor;
  getWeights(): WeightSet;
  setWeights(weights: WeightSet): void;
  dispose(): void;
}
