/**
 * ModelSpec: the declarative, JSON-serialisable model description every lab, the device estimator,
 * NAS and export read. tfjs models are built from it (see build.ts); nothing here imports tfjs.
 *
 * Conventions (same as tfjs / TFLite):
 * - Shapes exclude the batch dimension; images are NHWC, so an input shape is [H, W, C].
 * - Weight layouts: dense kernel [in, out]; conv2d kernel [kh, kw, cin, cout];
 *   depthwise kernel [kh, kw, cin, depthMultiplier].
 * - Layers form a chain by default; a layer with `inputs` reads the named earlier layers instead
 *   (the name "input" is the model input). That is how skip connections (ResNet) are written:
 *   `{ type: 'add', name: 'res1', inputs: ['b1_conv2', 'b1_shortcut'] }`.
 */

export type Activation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax';
export type Padding = 'same' | 'valid';
export type Pair = number | [number, number];

interface LayerBase {
  /** Unique within the model; used for weights, masks, quantization params and the UI. */
  name: string;
  /** Names of the layers this one reads; defaults to the previous layer (or "input" for the first). */
  inputs?: string[];
}

export interface DenseLayer extends LayerBase {
  type: 'dense';
  units: number;
  activation?: Activation;
  useBias?: boolean;
}

export interface Conv2dLayer extends LayerBase {
  type: 'conv2d';
  filters: number;
  kernel: Pair;
  stride?: Pair;
  padding?: Padding;
  activation?: Activation;
  useBias?: boolean;
}

export interface DepthwiseConv2dLayer extends LayerBase {
  type: 'depthwiseConv2d';
  kernel: Pair;
  stride?: Pair;
  padding?: Padding;
  depthMultiplier?: number;
  activation?: Activation;
  useBias?: boolean;
}

export interface Pool2dLayer extends LayerBase {
  type: 'maxPool2d' | 'avgPool2d';
  pool: Pair;
  /** Defaults to the pool size. */
  stride?: Pair;
  padding?: Padding;
}

export interface GlobalAvgPoolLayer extends LayerBase {
  type: 'globalAvgPool2d';
}

export interface FlattenLayer extends LayerBase {
  type: 'flatten';
}

export interface BatchNormLayer extends LayerBase {
  type: 'batchNorm';
  epsilon?: number;
}

export interface ActivationLayer extends LayerBase {
  type: 'activation';
  activation: Activation;
}

export interface DropoutLayer extends LayerBase {
  type: 'dropout';
  rate: number;
}

/** Element-wise sum of two or more inputs of identical shape (skip connections). */
export interface AddLayer extends LayerBase {
  type: 'add';
  inputs: string[];
  activation?: Activation;
}

export type LayerSpec =
  | DenseLayer
  | Conv2dLayer
  | DepthwiseConv2dLayer
  | Pool2dLayer
  | GlobalAvgPoolLayer
  | FlattenLayer
  | BatchNormLayer
  | ActivationLayer
  | DropoutLayer
  | AddLayer;


export interface ModelSpec {
  /** Stable id, e.g. "mlp", "lenet5", "nas-3f2a". */
  id: string;
  /** Human-readable name shown in the UI. */
  name: string;
  /** Input shape without batch, e.g. [28, 28, 1] or [784]. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Optional one-line description for the UI. */
  description?: string;
}

/** Layers that own a weight kernel (the ones pruning, quantization and the estimator care about). */
export type WeightedLayer = DenseLayer | Conv2dLayer | DepthwiseConv2dLayer;

export function isWeighted(l: LayerSpec): l is WeightedLayer {
  return l.type === 'dense' || l.type === 'conv2d' || l.type === 'depthwiseConv2d';
}

export function pair(p: Pair | undefined, fallback: number): [number, number] {
  if (p === undefined) return [fallback, fallback];
  return typeof p === 'number' ? [p, p] : [p[0], p[1]];
}

/** One weight tensor of a trained model, as plain data (transferable between worker and page). */
export interface WeightTensor {
  /** Layer name from the spec. */
  layer: string;
  role: 'kernel' | 'bias' | 'gamma' | 'beta' | 'movingMean' | 'movingVariance';
  shape: number[];
  data: Float32Array;
}

/** All weights of a model, in spec layer order then role order. */
export type WeightSet = WeightTensor[];
