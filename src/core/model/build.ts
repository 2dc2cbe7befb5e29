/**
 * buildModel: turns a ModelSpec into a TfModel (see tf-model.ts) — named tf.Variables plus a
 * functional forward pass with hooks. Initialisation is seeded and computed in JS (mulberry32), so the
 * same spec + seed gives bit-identical starting weights on every backend.
 *
 * Dense and conv layers whose activation is linear or relu use tfjs "fused" ops (one kernel for
 * matmul/conv + bias + relu, which is markedly faster on wasm); tfjs can only differentiate fused ops
 * for those two activations, so the others run as separate ops.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeSpec } from './analyze';
import { pair, type Activation, type LayerSpec, type ModelSpec, type WeightSet, type WeightTensor } from './spec';
import type { ForwardOptions, TfModel } from './tf-model';
import { deriveSeed, mulberry32 } from '../data/random';
import { batchNormTraining, fusedBatchNormReady } from '../train/batch-norm';

type Role = WeightTensor['role'];
type LayerVars = Partial<Record<Role, tf.Variable>>;

/** Role order used by getWeights (and expected, by name, by setWeights). */
export const ROLE_ORDER: Role[] = ['kernel', 'bias', 'gamma', 'beta', 'movingMean', 'movingVariance'];
/** Batch-norm moving-average momentum. 0.9 rather than Keras 0.99: students train for a few hundred steps, and with 0.99 the inference statistics would still be mostly their initial values. */
export const BN_MOMENTUM = 0.9;

let modelCounter = 0;

export function applyActivation(x: tf.Tensor, act: Activation | undefined): tf.Tensor {
  switch (act ?? 'linear') {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'relu6':
      return tf.relu6(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'softmax':
      return tf.softmax(x);
  }
}

/** Glorot (Xavier) uniform: U(-l, l), l = sqrt(6 / (fanIn + fanOut)) — Glorot & Bengio, 2010. */
function glorotUniform(shape: number[], fanIn: number, fanOut: number, seed: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const rand = mulberry32(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * rand() - 1) * limit;
  return out;
}

function fusable(act: Activation | undefined): act is 'linear' | 'relu' | undefined {
  return act === undefined || act === 'linear' || act === 'relu';
}

export function buildModel(spec: ModelSpec, seed: number): TfModel {
  const info = analyzeSpec(spec);
  const prefix = `m${++modelCounter}_${spec.id}`;
  const variables = new Map<string, LayerVars>();
  const make = (layer: string, role: Role, shape: number[], values: Float32Array, trainable = true) => {
    const init = tf.tensor(values, shape, 'float32');
    const v = tf.variable(init, trainable, `${prefix}/${layer}/${role}`);
    init.dispose(); // the variable holds its own reference to the data
    const entry = variables.get(layer) ?? {};
    entry[role] = v;
    variables.set(layer, entry);
  };
  const fill = (n: number, value: number) => new Float32Array(n).fill(value);

  spec.layers.forEach((l, i) => {
    const li = info.layers[i];
    const inShape = li.inputShapes[0];
    const kseed = deriveSeed(seed, `${l.name}/kernel`);
    if (l.type === 'dense') {
      const shape = [inShape[0], l.units];
      make(l.name, 'kernel', shape, glorotUniform(shape, inShape[0], l.units, kseed));
      if (l.useBias !== false) make(l.name, 'bias', [l.units], fill(l.units, 0));
    } else if (l.type === 'conv2d' || l.type === 'depthwiseConv2d') {
      const [kh, kw] = pair(l.kernel, 0);
      const cin = inShape[2];
      const last = l.type === 'conv2d' ? l.filters : (l.depthMultiplier ?? 1);
      const shape = [kh, kw, cin, last];
      // Keras fans: depthwise kernels see one input channel each.
      const fanIn = kh * kw * (l.type === 'conv2d' ? cin : 1);
      const fanOut = kh * kw * last;
      make(l.name, 'kernel', shape, glorotUniform(shape, fanIn, fanOut, kseed));
      if (l.useBias !== false) make(l.name, 'bias', [li.outChannels], fill(li.outChannels, 0));
    } else if (l.type === 'batchNorm') {
      const c = inShape[inShape.length - 1];
      make(l.name, 'gamma', [c], fill(c, 1));
      make(l.name, 'beta', [c], fill(c, 0));
      make(l.name, 'movingMean', [c], fill(c, 0), false);
      make(l.name, 'movingVariance', [c], fill(c, 1), false);
    }
  });

  let dropoutCalls = 0;

  function apply(x: tf.Tensor, opts: ForwardOptions = {}): tf.Tensor {
    const training = opts.training ?? false;
    const hooks = opts.hooks;
    return tf.tidy(() => {
      const want = [-1, ...spec.inputShape];
      const input = x.shape.slice(1).join('x') === spec.inputShape.join('x') ? x : x.reshape(want);
      const outputs = new Map<string, tf.Tensor>([['input', input]]);
      let prev = 'input';
      const w = (layer: string, role: Role): tf.Tensor | undefined => {
        const v = variables.get(layer)?.[role];
        if (!v) return undefined;
        return hooks?.weight ? hooks.weight(layer, role, v) : v;
      };
      for (const l of spec.layers) {
        const ins = (l.inputs ?? [prev]).map((n) => outputs.get(n)!);
        let y = forwardLayer(l, ins, w, training, ins[0] === input);
        if (hooks?.activation) y = hooks.activation(l.name, y);
        outputs.set(l.name, y);
        prev = l.name;
      }
      return outputs.get(prev)!;
    });
  }

  function forwardLayer(
    l: LayerSpec,
    ins: tf.Tensor[],
    w: (layer: string, role: Role) => tf.Tensor | undefined,
    training: boolean,
    onInput: boolean,
  ): tf.Tensor {
    const x = ins[0];
    switch (l.type) {
      case 'dense': {
        const kernel = w(l.name, 'kernel')!;
        const bias = w(l.name, 'bias');
        const a = x as tf.Tensor2D;
        if (fusable(l.activation)) {
          return tf.fused.matMul({ a, b: kernel as tf.Tensor2D, bias, activation: l.activation ?? 'linear' });
        }
        const z = bias ? tf.add(tf.matMul(a, kernel as tf.Tensor2D), bias) : tf.matMul(a, kernel as tf.Tensor2D);
        return applyActivation(z, l.activation);
      }
      case 'conv2d':
      case 'depthwiseConv2d': {
        const kernel = w(l.name, 'kernel') as tf.Tensor4D;
        const bias = w(l.name, 'bias');
        const strides = pair(l.stride, 1);
        const pad = l.padding ?? 'valid';
        const args = { x: x as tf.Tensor4D, filter: kernel, strides, pad, bias };
        if (training && onInput && (l.activation ?? 'linear') === 'linear') {
          // A linear fused conv's gradient (a customGrad) computes the input's gradient too, which the
          // model's input never needs (7.9 ms of the teacher's 89 ms step on wasm); the plain ops'
          // gradients are pruned by the tape to what the weights need.
          const z = l.type === 'conv2d' ? tf.conv2d(args.x, kernel, strides, pad) : tf.depthwiseConv2d(args.x, kernel, strides, pad);
          return bias ? tf.add(z, bias) : z;
        }
        if (fusable(l.activation)) {
          const activation = l.activation ?? 'linear';
          return l.type === 'conv2d'
            ? tf.fused.conv2d({ ...args, activation })
            : tf.fused.depthwiseConv2d({ ...args, activation });
        }
        const z = l.type === 'conv2d' ? tf.fused.conv2d(args) : tf.fused.depthwiseConv2d(args);
        return applyActivation(z, l.activation);
      }
      case 'maxPool2d':
      case 'avgPool2d': {
        const size = pair(l.pool, 0);
        const strides = l.stride === undefined ? size : pair(l.stride, 1);
        const pad = l.padding ?? 'valid';
        return l.type === 'maxPool2d'
          ? tf.maxPool(x as tf.Tensor4D, size, strides, pad)
          : tf.avgPool(x as tf.Tensor4D, size, strides, pad);
      }
      case 'globalAvgPool2d':
        return tf.mean(x, [1, 2]);
      case 'flatten':
        return tf.reshape(x, [x.shape[0], -1]);
      case 'batchNorm': {
        const eps = l.epsilon ?? 1e-3;
        const gamma = w(l.name, 'gamma')!;
        const beta = w(l.name, 'beta')!;
        const vars = variables.get(l.name)!;
        if (!training) return tf.batchNorm(x, vars.movingMean!, vars.movingVariance!, beta, gamma, eps);
        // Moving statistics for inference (Ioffe & Szegedy, 2015); not part of the gradient.
        const updateMoving = (mean: tf.Tensor, variance: tf.Tensor) => {
          vars.movingMean!.assign(tf.tidy(() => vars.movingMean!.mul(BN_MOMENTUM).add(mean.mul(1 - BN_MOMENTUM))));
          vars.movingVariance!.assign(
            tf.tidy(() => vars.movingVariance!.mul(BN_MOMENTUM).add(variance.mul(1 - BN_MOMENTUM))),
          );
        };
        if (fusedBatchNormReady()) {
          // wasm: moments, normalisation and the whole gradient as two kernels (train/batch-norm.ts).
          const r = batchNormTraining(x, gamma, beta, eps);
          updateMoving(r.mean, r.variance);
          tf.dispose([r.mean, r.variance]);
          return r.y;
        }
        const axes = x.shape.slice(0, -1).map((_, i) => i);
        const { mean, variance } = tf.moments(x, axes);
        updateMoving(mean, variance);
        // y = x·scale + shift with per-channel scale and shift: the same function as tf.batchNorm, but
        // its gradient is two broadcast multiplies and channel sums, where tf.batchNorm's gradient
        // tiles full-size tensors (≈10x slower on wasm).
        const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, eps)));
        const shift = tf.sub(beta, tf.mul(mean, scale));
        return tf.add(tf.mul(x, scale), shift);
      }
      case 'activation':
        return applyActivation(x, l.activation);
      case 'dropout':
        if (!training || l.rate === 0) return x;
        return tf.dropout(x, l.rate, undefined, deriveSeed(seed, `dropout/${l.name}/${dropoutCalls++}`));
      case 'add':
        return applyActivation(tf.addN(ins), l.activation);
    }
  }

  const model: TfModel = {
    spec,
    variables,
    trainable() {
      const out: tf.Variable[] = [];
      for (const l of spec.layers) {
        const vars = variables.get(l.name);
        if (!vars) continue;
        for (const role of ROLE_ORDER) {
          const v = vars[role];
          if (v && v.trainable) out.push(v);
        }
      }
      return out;
    },
    apply,
    getWeights(): WeightSet {
      const out: WeightSet = [];
      for (const l of spec.layers) {
        const vars = variables.get(l.name);
        if (!vars) continue;
        for (const role of ROLE_ORDER) {
          const v = vars[role];
          if (v) out.push({ layer: l.name, role, shape: v.shape.slice(), data: Float32Array.from(v.dataSync() as Float32Array) });
        }
      }
      return out;
    },
    setWeights(weights: WeightSet) {
      for (const t of weights) {
        const v = variables.get(t.layer)?.[t.role];
        if (!v) throw new Error(`setWeights: model "${spec.id}" has no ${t.role} in layer "${t.layer}"`);
        if (v.shape.join('x') !== t.shape.join('x')) {
          throw new Error(`setWeights: ${t.layer}/${t.role} has shape [${v.shape.join(', ')}], got [${t.shape.join(', ')}]`);
        }
        if (t.data.length !== v.size) throw new Error(`setWeights: ${t.layer}/${t.role} expects ${v.size} values, got ${t.data.length}`);
      }
      for (const t of weights) {
        const v = variables.get(t.layer)![t.role]!;
        tf.tidy(() => v.assign(tf.tensor(t.data, t.shape, 'float32')));
      }
    },
    dispose() {
      for (const vars of variables.values()) for (const v of Object.values(vars)) v?.dispose();
      variables.clear();
    },
  };
  return model;
}
