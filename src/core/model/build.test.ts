import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../train/wasm-kernels';
import { bnSimdCalls } from '../train/wasm-kernels-simd';
import { analyzeSpec } from './analyze';
import { buildModel } from './build';
import type { ModelSpec } from './spec';
import { MNIST_ZOO } from './zoo/mnist';

/** Every layer type, including a skip connection, in one small model. */
const ALL_LAYERS: ModelSpec = {
  id: 'all',
  name: 'all layer types',
  inputShape: [12, 12, 2],
  layers: [
    { type: 'conv2d', name: 'c1', filters: 4, kernel: 3, padding: 'same', activation: 'relu6' },
    { type: 'batchNorm', name: 'bn' },
    { type: 'activation', name: 'act', activation: 'sigmoid' },
    { type: 'depthwiseConv2d', name: 'dw', kernel: 3, padding: 'same', depthMultiplier: 2, activation: 'tanh' },
    { type: 'conv2d', name: 'pw', filters: 8, kernel: 1, useBias: false },
    { type: 'add', name: 'res', inputs: ['dw', 'pw'], activation: 'relu' },
    { type: 'avgPool2d', name: 'ap', pool: 2 },
    { type: 'maxPool2d', name: 'mp', pool: 2, stride: 1, padding: 'same' },
    { type: 'dropout', name: 'drop', rate: 0.5 },
    { type: 'conv2d', name: 'c2', filters: 5, kernel: 3, stride: 2, padding: 'valid', activation: 'relu' },
    { type: 'globalAvgPool2d', name: 'gap' },
    { type: 'dense', name: 'd1', units: 6, activation: 'sigmoid' },
    { type: 'dense', name: 'logits', units: 3 },
  ],
};
const FLAT: ModelSpec = {
  id: 'flat',
  name: 'flat input',
  inputShape: [784],
  layers: [{ type: 'dense', name: 'out', units: 10, activation: 'softmax' }],
};

const input = (spec: ModelSpec, n: number, seed = 1) => tf.randomUniform([n, ...spec.inputShape], 0, 1, 'float32', seed);

describe('buildModel', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it.each([...MNIST_ZOO, ALL_LAYERS, FLAT].map((s) => [s.id, s] as const))(
    '%s: every layer output shape matches analyzeSpec, in training and inference',
    (_id, spec) => {
      const info = analyzeSpec(spec);
      const model = buildModel(spec, 3);
      for (const training of [false, true]) {
        const seen = new Map<string, number[]>();
        tf.tidy(() => {
          const y = model.apply(input(spec, 3), {
            training,
            hooks: { activation: (name, t) => (seen.set(name, t.shape.slice(1)), t) },
          });
          expect(y.shape).toEqual([3, ...info.outputShape]);
        });
        for (const l of info.layers) expect(seen.get(l.name), l.name).toEqual(l.outputShape);
      }
      model.dispose();
    },
  );

  it('accepts a flat 784 input for a [28, 28, 1] model (and vice versa)', () => {
    const model = buildModel(MNIST_ZOO[0], 1);
    tf.tidy(() => {
      const x = input(MNIST_ZOO[0], 2);
      const a = model.apply(x).arraySync();
      const b = model.apply(x.reshape([2, 784])).arraySync();
      expect(b).toEqual(a);
    });
    model.dispose();
  });

  it('creates kernels, biases and batch-norm state as the spec says', () => {
    const model = buildModel(ALL_LAYERS, 1);
    const info = analyzeSpec(ALL_LAYERS);
    const count = model.getWeights().reduce((a, w) => a + w.data.length, 0);
    expect(count).toBe(info.params);
    expect(model.variables.get('pw')?.bias).toBeUndefined();
    expect(model.variables.get('bn')?.movingMean?.trainable).toBe(false);
    // Trainable: everything except the moving statistics.
    expect(model.trainable().reduce((a, v) => a + v.size, 0)).toBe(info.params - 2 * 4);
    model.dispose();
  });

  it('initialises Glorot-uniform kernels and zero biases, reproducibly from the seed', () => {
    const models = [7, 7, 8].map((seed) => buildModel(MNIST_ZOO[1], seed));
    const [a, b, c] = models.map((m) => m.getWeights());
    for (const m of models) m.dispose();
    expect(b).toEqual(a);
    expect(c[0].data).not.toEqual(a[0].data);
    const conv1 = a.find((w) => w.layer === 'conv1' && w.role === 'kernel')!;
    const limit = Math.sqrt(6 / (25 * 1 + 25 * 6));
    expect(Math.max(...conv1.data.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...conv1.data.map(Math.abs))).toBeGreaterThan(limit * 0.9);
    const bias = a.find((w) => w.layer === 'conv1' && w.role === 'bias')!;
    expect(bias.data.every((v) => v === 0)).toBe(true);
  });

  it('round-trips getWeights/setWeights: a differently seeded model then computes the same outputs', () => {
    const a = buildModel(ALL_LAYERS, 1);
    const b = buildModel(ALL_LAYERS, 2);
    tf.tidy(() => {
      const x = input(ALL_LAYERS, 4);
      expect(b.apply(x).arraySync()).not.toEqual(a.apply(x).arraySync());
      b.setWeights(a.getWeights());
      expect(b.apply(x).arraySync()).toEqual(a.apply(x).arraySync());
    });
    expect(b.getWeights()).toEqual(a.getWeights());
    a.dispose();
    b.dispose();
  });

  it('rejects weights of the wrong shape or for unknown layers, without changing anything', () => {
    const m = buildModel(MNIST_ZOO[0], 1);
    const before = m.getWeights();
    const w = m.getWeights();
    w[0] = { ...w[0], shape: [10, 10], data: new Float32Array(100) };
    expect(() => m.setWeights(w)).toThrow(/fc1\/kernel has shape \[784, 128\]/);
    expect(() => m.setWeights([{ layer: 'nope', role: 'kernel', shape: [1], data: new Float32Array(1) }])).toThrow(/no kernel in layer "nope"/);
    expect(m.getWeights()).toEqual(before);
    m.dispose();
  });

  it('calls weight hooks inside the forward pass; a hook that zeroes kernels changes the output', () => {
    const m = buildModel(MNIST_ZOO[1], 1);
    const calls: string[] = [];
    tf.tidy(() => {
      const x = input(MNIST_ZOO[1], 2);
      const plain = m.apply(x);
      const hooked = m.apply(x, {
        hooks: {
          weight: (layer, role, w) => {
            calls.push(`${layer}/${role}`);
            return role === 'kernel' && layer === 'logits' ? tf.zerosLike(w) : w;
          },
        },
      });
      expect(hooked.arraySync()).not.toEqual(plain.arraySync());
      // logits kernel zeroed, bias zero-initialised => logits are exactly zero.
      expect(hooked.abs().max().dataSync()[0]).toBe(0);
    });
    expect(calls).toEqual(['conv1/kernel', 'conv1/bias', 'conv2/kernel', 'conv2/bias', 'fc1/kernel', 'fc1/bias', 'fc2/kernel', 'fc2/bias', 'logits/kernel', 'logits/bias']);
    m.dispose();
  });

  it('uses batch statistics and updates moving statistics only when training', () => {
    const m = buildModel(ALL_LAYERS, 1);
    const mean = () => Array.from(m.variables.get('bn')!.movingMean!.dataSync());
    const start = mean();
    tf.tidy(() => {
      m.apply(input(ALL_LAYERS, 4));
    });
    expect(mean()).toEqual(start);
    tf.tidy(() => {
      m.apply(input(ALL_LAYERS, 4), { training: true });
    });
    expect(mean()).not.toEqual(start);
    m.dispose();
  });

  it('on wasm, batch norm in training runs as its two kernels and computes what tfjs\'s ops compute on cpu', async () => {
    const spec: ModelSpec = {
      id: 'bn',
      name: 'conv + batch norm',
      inputShape: [9, 9, 2],
      layers: [
        { type: 'conv2d', name: 'c', filters: 6, kernel: 3, padding: 'valid', useBias: false },
        { type: 'batchNorm', name: 'bn' },
        { type: 'activation', name: 'act', activation: 'relu' },
        { type: 'flatten', name: 'flat' },
        { type: 'dense', name: 'logits', units: 3 },
      ],
    };
    const run = () => {
      const m = buildModel(spec, 5);
      const x = tf.tensor4d(Float32Array.from({ length: 4 * 9 * 9 * 2 }, (_, i) => Math.sin(i) * 2 + 0.3), [4, 9, 9, 2]);
      const vars = m.trainable();
      const { value, grads } = tf.variableGrads(() => m.apply(x, { training: true }).square().sum() as tf.Scalar, vars);
      const out = {
        loss: value.dataSync()[0],
        grads: vars.map((v) => Array.from(grads[v.name].dataSync())),
        moving: [...m.variables.get('bn')!.movingMean!.dataSync(), ...m.variables.get('bn')!.movingVariance!.dataSync()],
      };
      tf.dispose([value, x, ...Object.values(grads)]);
      m.dispose();
      return out;
    };
    await tf.setBackend('cpu');
    const want = run();
    await tf.setBackend('wasm');
    const calls = { ...bnSimdCalls };
    const got = run();
    expect(bnSimdCalls.forward - calls.forward).toBe(1);
    expect(bnSimdCalls.backward - calls.backward).toBe(1);
    expect(got.loss).toBeCloseTo(want.loss, 3);
    got.moving.forEach((v, i) => expect(v, `moving statistic ${i}`).toBeCloseTo(want.moving[i], 5));
    got.grads.forEach((g, k) => g.forEach((v, i) => expect(Math.abs(v - want.grads[k][i]), `gradient ${k}[${i}]`).toBeLessThan(1e-3 * Math.max(1, Math.abs(want.grads[k][i])))));
  });

  it('applies dropout only when training, with seeded masks', () => {
    const spec: ModelSpec = { id: 'd', name: 'd', inputShape: [50], layers: [{ type: 'dropout', name: 'drop', rate: 0.5 }] };
    const m1 = buildModel(spec, 5);
    const m2 = buildModel(spec, 5);
    tf.tidy(() => {
      const x = tf.ones([2, 50]);
      expect(m1.apply(x).arraySync()).toEqual(x.arraySync());
      const t1 = m1.apply(x, { training: true }).dataSync();
      const t2 = m2.apply(x, { training: true }).dataSync();
      expect(Array.from(t1)).toEqual(Array.from(t2));
      const zeros = t1.filter((v) => v === 0).length;
      expect(zeros).toBeGreaterThan(20);
      expect(zeros).toBeLessThan(80);
      expect(Math.max(...t1)).toBeCloseTo(2, 5);
      // The next call draws a new mask.
      expect(Array.from(m1.apply(x, { training: true }).dataSync())).not.toEqual(Array.from(t1));
    });
    m1.dispose();
    m2.dispose();
  });

  it.each([
    ['conv2d', { type: 'conv2d', name: 'c', filters: 4, kernel: 3, padding: 'same' }],
    ['conv2d with bias and stride 2', { type: 'conv2d', name: 'c', filters: 3, kernel: 3, stride: 2, useBias: true }],
    ['depthwiseConv2d', { type: 'depthwiseConv2d', name: 'c', kernel: 3, depthMultiplier: 2 }],
  ] as const)('a linear %s on the model input computes no input gradient when training, and the same weight gradients', (_n, first) => {
    const spec: ModelSpec = {
      id: 'lin', name: 'linear first layer', inputShape: [9, 9, 2],
      layers: [first, { type: 'flatten', name: 'f' }, { type: 'dense', name: 'out', units: 3 }],
    };
    const m = buildModel(spec, 4);
    const x = input(spec, 5);
    const grads = (training: boolean) => tf.variableGrads(() => m.apply(x, { training }).square().sum() as tf.Scalar, m.trainable());
    const backpropInput = async (training: boolean) => {
      const p = await tf.profile(() => tf.dispose(grads(training)));
      return p.kernels.filter((k) => /BackpropInput/.test(k.name) && k.outputShapes[0]?.join() === x.shape.join()).length;
    };
    return (async () => {
      // Inference mode takes the fused op, whose custom gradient also computes the input's gradient.
      expect(await backpropInput(false)).toBe(1);
      expect(await backpropInput(true)).toBe(0);
      const start = tf.memory().numTensors;
      const a = grads(true), b = grads(false);
      for (const k of Object.keys(b.grads)) {
        const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a.grads[k], b.grads[k]))));
        expect(d.arraySync(), k).toBeLessThan(1e-4);
        d.dispose();
      }
      expect(Object.keys(a.grads).sort()).toEqual(Object.keys(b.grads).sort());
      tf.dispose([a.value, b.value, a.grads, b.grads]);
      expect(tf.memory().numTensors).toBe(start);
      x.dispose();
      m.dispose();
    })();
  });

  it('leaks no tensors: forward passes are tidy and dispose frees every variable', () => {
    const start = tf.memory().numTensors;
    for (const spec of [...MNIST_ZOO, ALL_LAYERS]) {
      const m = buildModel(spec, 1);
      const x = input(spec, 2);
      m.apply(x).dispose();
      m.apply(x, { training: true }).dispose();
      tf.dispose(tf.grads((xx: tf.Tensor) => m.apply(xx, { training: true }).sum())([x]));
      x.dispose();
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
