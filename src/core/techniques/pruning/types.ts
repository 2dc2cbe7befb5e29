/**
 * The vocabulary of the pruning lab, shared by the pure core, the worker and the page.
 * Masks are plain data: one Uint8Array per weighted layer kernel, same layout as the kernel
 * (1 = kept, 0 = pruned), so they cross the worker boundary as transferable typed arrays.
 */
import type * as tf from '@tensorflow/tfjs';

export type Granularity = 'unstructured' | 'structured' | 'nm';
export type Scope = 'global' | 'local';
/**
 * magnitude |w|; activation = |w|·‖x‖₂ per weight (Wanda's score) and mean |a| per unit; gradient Σ|g|;
 * taylor = per-weight Σ|w·g| (mean per unit); taylor-group (Molchanov 2019); taylor-activation
 * (Molchanov 2017); apoz (Hu et al. 2016); obd (LeCun et al. 1990). Definitions in criteria.ts.
 */
export type Criterion = 'magnitude' | 'activation' | 'gradient' | 'taylor' | 'taylor-group' | 'taylor-activation' | 'apoz' | 'obd';
export type PruneWhen = 'before' | 'during' | 'after';

export interface PruneConfig {
  granularity: Granularity;
  scope: Scope;
  criterion: Criterion;
  /** Fraction 0..0.99 of weights (unstructured) or units (structured) to remove. */
  target: number;
  /** Layers that may be pruned; the rest keep every weight. */
  layers: string[];
  /**
   * Structured + global only: how unit scores of different layers are made comparable. 'l2' divides
   * each layer's unit scores by their L2 norm; 'macs' also divides each by the MACs that removing one
   * of its units saves (`unitCost`), so units go where they cost most per unit of importance; 'latency'
   * does the same with the estimated latency saved on a device target.
   */
  normalise?: 'none' | 'l2' | 'macs' | 'latency';
  /**
   * Cost saved per removed unit, by layer: MACs for 'macs' (unitMacCost), microseconds on the device
   * target for 'latency' (unitLatencyCost).
   */
  unitCost?: Record<string, number>;
  /** Device target whose estimated latency 'latency' uses (default: the estimator's default target). */
  costTarget?: string;
  /** Local scope only: per-layer targets that replace `target` for the named layers. */
  overrides?: Record<string, number>;
}

/** One weighted layer's kernel mask. `units` is set for structured masks (1 = unit kept). */
export interface LayerMask {
  layer: string;
  /** Kernel shape, e.g. [in, out] or [kh, kw, cin, cout]. */
  shape: number[];
  mask: Uint8Array;
  units?: Uint8Array;
}

export type MaskSet = LayerMask[];

/** Per-weight (or per-unit) importance of one layer; higher = more important. */
export interface LayerScores {
  layer: string;
  shape: number[];
  /** Same layout as the kernel. */
  scores: Float32Array;
  /**
   * Structured only: one score per output unit. When absent it is derived from `scores`
   * (RMS for magnitude, mean for the other criteria).
   */
  unitScores?: Float32Array;
}

export interface LayerSparsity {
  layer: string;
  /** Kernel weights in the layer. */
  total: number;
  pruned: number;
  /** pruned / total. */
  sparsity: number;
  /** Output units and how many were removed (structured) or are all-zero (unstructured). */
  units: number;
  unitsPruned: number;
}

/** One batch of calibration data for the criteria that look at activations or gradients. */
export interface Batch {
  xs: tf.Tensor;
  /** int32 class labels [n]. */
  labels: tf.Tensor1D;
}
