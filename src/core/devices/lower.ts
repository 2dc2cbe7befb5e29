/**
 * Lowering: turn a ModelSpec + Deployment into the operators a runtime actually executes, the way
 * the TFLite converter does. Batch norm after a conv/dense folds into its weights and bias, ReLU /
 * ReLU6 (as a layer or an attribute) fuse into the producing operator, Flatten and Dropout are free
 * (a reshape view / removed at inference). Everything downstream (flash, arena, latency) reads this.
 */
import { analyzeSpec, type LayerInfo, type ModelInfo } from '../model/analyze';
import { isWeighted, pair, type LayerSpec, type ModelSpec } from '../model/spec';
import type { OpClass } from './target-types';
import type { Deployment, DType } from './types';

export interface DeployedOp {
  /** Name shown per layer; extra ops get a suffix, e.g. "fc/softmax". */
  name: string;
  /** The spec layer this op comes from. */
  layer: string;
  op: OpClass;
  /** Fused or standalone activation function. */
  activation: string;
  /** Tensor names read / written (after aliasing). */
  inputs: string[];
  output: string;
  outputSize: number;
  /** Elements read from the first input. */
  inputSize: number;
  macs: number;
  kernelParams: number;
  /** Biases after BN folding (a folded BN gives a bias-less conv a bias). */
  biases: number;
  outChannels: number;
  /** Rows of the kernel matrix for CSR (output channels) and kernel geometry for scratch. */
  kh: number;
  kw: number;
  cin: number;
  weightDtype: DType;
  sparsity: number;
  /** Names of spec layers folded/fused into this op (BN, activation). */
  fused: string[];
}

export interface LoweredModel {
  info: ModelInfo;
  ops: DeployedOp[];
  /** Tensor name → elements (the input is "input"). */
  tensorSize: Map<string, number>;
  /** Spec layers that produce no runtime op, with the op they went into ("" = removed). */
  folded: { layer: string; into: string }[];
  activationDtype: DType;
}

const FUSABLE_ACT = new Set(['linear', 'relu', 'relu6', undefined]);

function opClassOf(l: LayerSpec): OpClass | null {
  switch (l.type) {
    case 'conv2d':
      return 'conv';
    case 'depthwiseConv2d':
      return 'depthwise';
    case 'dense':
      return 'dense';
    case 'maxPool2d':
    case 'avgPool2d':
      return 'pool';
    case 'globalAvgPool2d':
      return 'globalPool';
    case 'add':
      return 'add';
    case 'batchNorm':
      return 'batchNorm';
    case 'activation':
      return l.activation === 'softmax' ? 'softmax' : 'activation';
    default:
      return null; // flatten, dropout
  }
}

const lowerCache = new WeakMap<ModelSpec, ModelInfo>();

/** analyzeSpec, memoised per spec object (the panel re-estimates the same spec on every drag). */
export function analyzeCached(spec: ModelSpec): ModelInfo {
  let info = lowerCache.get(spec);
  if (!info) {
    info = analyzeSpec(spec);
    lowerCache.set(spec, info);
  }
  return info;
}

export function lower(spec: ModelSpec, deployment: Deployment): LoweredModel {
  const info = analyzeCached(spec);
  const consumers = new Map<string, number>();
  for (const li of info.layers) for (const n of li.inputs) consumers.set(n, (consumers.get(n) ?? 0) + 1);

  const alias = new Map<string, string>([['input', 'input']]);
  const tensorSize = new Map<string, number>([['input', info.inputSize]]);
  const producer = new Map<string, DeployedOp>();
  const ops: DeployedOp[] = [];
  const folded: { layer: string; into: string }[] = [];
  const resolve = (n: string) => alias.get(n) ?? n;
  const actDtype: DType = deployment.dtype;

  spec.layers.forEach((l, i) => {
    const li: LayerInfo = info.layers[i];
    const inputs = li.inputs.map(resolve);
    const src = producer.get(inputs[0]);
    // Fold / fuse into the producer only when it is the sole reader of the producer's output.
    const soleReader = src !== undefined && li.inputs.length === 1 && consumers.get(li.inputs[0]) === 1;
    const foldTo = (target: string) => {
      alias.set(l.name, inputs[0]);
      folded.push({ layer: l.name, into: target });
    };
    if (l.type === 'flatten' || l.type === 'dropout' || (l.type === 'activation' && l.activation === 'linear')) return foldTo('');
    if (l.type === 'batchNorm' && soleReader && (src.op === 'conv' || src.op === 'depthwise' || src.op === 'dense') && src.activation === 'linear') {
      if (src.biases === 0) src.biases = src.outChannels;
      src.fused.push(l.name);
      return foldTo(src.name);
    }
    if (l.type === 'activation' && l.activation !== 'softmax' && FUSABLE_ACT.has(l.activation) && soleReader && src.activation === 'linear' && src.op !== 'softmax') {
      src.activation = l.activation;
      src.fused.push(l.name);
      return foldTo(src.name);
    }
    const op = opClassOf(l)!;
    let kh = 1;
    let kw = 1;
    if (l.type === 'conv2d' || l.type === 'depthwiseConv2d') [kh, kw] = pair(l.kernel, 1);
    else if (l.type === 'maxPool2d' || l.type === 'avgPool2d') [kh, kw] = pair(l.pool, 1);
    const inShape = li.inputShapes[0];
    const act = 'activation' in l && l.activation ? l.activation : 'linear';
    const weighted = isWeighted(l);
    const d: DeployedOp = {
      name: l.name,
      layer: l.name,
      op,
      activation: FUSABLE_ACT.has(act) || op === 'activation' || op === 'softmax' ? act : 'linear',
      inputs,
      output: l.name,
      outputSize: li.outputSize,
      inputSize: inShape.reduce((a, b) => a * b, 1),
      macs: li.macs,
      kernelParams: li.kernelParams,
      biases: weighted ? li.otherParams : 0,
      outChannels: li.outChannels,
      kh,
      kw,
      cin: inShape[inShape.length - 1],
      weightDtype: deployment.layerDtype?.[l.name] ?? deployment.dtype,
      sparsity: weighted ? clamp01(deployment.sparsity?.[l.name] ?? 0) : 0,
      fused: [],
    };
    // A batch norm that cannot fold runs as MUL + ADD: a scale and an offset per channel.
    if (op === 'batchNorm') d.biases = 2 * li.outChannels;
    ops.push(d);
    producer.set(l.name, d);
    tensorSize.set(l.name, li.outputSize);
    // A non-fusable activation attribute (sigmoid, tanh, softmax) runs as its own op after this one.
    if (!FUSABLE_ACT.has(act) && op !== 'activation' && op !== 'softmax') {
      const extra: DeployedOp = {
        ...d,
        name: `${l.name}/${act}`,
        op: act === 'softmax' ? 'softmax' : 'activation',
        activation: act,
        inputs: [l.name],
        output: `${l.name}/${act}`,
        inputSize: li.outputSize,
        macs: 0,
        kernelParams: 0,
        biases: 0,
        kh: 1,
        kw: 1,
        sparsity: 0,
        fused: [],
      };
      ops.push(extra);
      producer.set(extra.output, extra);
      tensorSize.set(extra.output, li.outputSize);
      alias.set(l.name, extra.output);
    }
  });
  return { info, ops, tensorSize, folded, activationDtype: actDtype };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

export const BITS: Record<DType, number> = { fp32: 32, fp16: 16, int8: 8, int4: 4 };

/** Bytes per activation element: int4 models keep int8 activations (W4A8). */
export function activationBytes(d: DType): number {
  return d === 'fp32' ? 4 : d === 'fp16' ? 2 : 1;
}
