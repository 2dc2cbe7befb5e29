/**
 * Contract between the labs and the device estimator: a ModelSpec plus how it is deployed.
 * Structured pruning is already reflected in the spec (fewer units/filters); unstructured
 * sparsity and storage format live here because they do not change the spec's shapes.
 */
import type { ModelSpec } from '../model/spec';

export type DType = 'fp32' | 'fp16' | 'int8' | 'int4';
export type StorageFormat = 'dense' | 'bitmask' | 'csr';

export interface Deployment {
  /** Default dtype of weights and activations. */
  dtype: DType;
  /** Per-layer weight dtype overrides, by layer name. */
  layerDtype?: Record<string, DType>;
  /** Per-layer unstructured sparsity of the kernel, 0..1, by layer name. */
  sparsity?: Record<string, number>;
  /** How sparse kernels are stored in flash (default dense). */
  storage?: StorageFormat;
  /** Per-channel weight quantization parameters (default true for int8/int4). */
  perChannel?: boolean;
  /**
   * Activation bits of an int8 deployment: 16 = TFLite's 16x8 mode (int16 activations with int8
   * weights, int64 biases). Default 8.
   */
  activationBits?: 8 | 16;
}

/** One column of the device panel: e.g. "baseline fp32", "pruned 80 %", "int8". */
export interface ModelVariant {
  label: string;
  spec: ModelSpec;
  deployment: Deployment;
}
