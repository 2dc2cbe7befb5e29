/**
 * Gradient check of the wasm kernels registered in wasm-kernels.ts against the cpu backend (tfjs'
 * reference implementation): same inputs, same upstream gradient, compare dx and dW element-wise;
 * plus a finite-difference check that does not trust any backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setTrainingSimd } from './wasm-kernels';
import { convSimdCalls, depthwiseSimdCalls, poolSimdCalls } from './wasm-kernels-simd';
import { simdSupported } from '../simd/module';
import { mulberry32 } from '../data/random';
import { maxRelErr, randArray } from './kernel-test-utils';

type ConvCase = { x: number[]; k: number[]; stride: number; pad: 'same' | 'valid'; depthwise?: boolean };


/** dx, dW of sum(conv(x, W) · g) on the current backend. */
function convGrads(c: ConvCase, xv: Float32Array, wv: Float32Array, seedG: number): { dx: Float32Array; dw: Float32Array } {
  return tf.tidy(() => {
    const x = tf.tensor4d(xv, c.x as [number, number, number, number]);
    const w = tf.tensor4d(wv, c.k as [number, number, number, number]);
    const f = (a: tf.Tensor4D, b: tf.Tensor4D) =>
      c.depthwise ? tf.depthwiseConv2d(a, b, c.stride, c.pad) : tf.conv2d(a, b, c.stride, c.pad);
    const outShape = f(x, w).shape;
    const g = tf.tensor(randArray(outShape.reduce((p, q) => p * q, 1), seedG), outShape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a as tf.Tensor4D, b as tf.Tensor4D).mul(g).sum())([x, w]);
    return { dx: dx.dataSync() as Float32Array, dw: dw.dataSync() as Float32Array };
  });
}


const CASES: ConvCase[] = [
  { x: [2, 8, 8, 1], k: [5, 5, 1, 3], stride: 1, pad: 'same' },
  { x: [3, 9, 7, 4], k: [3, 3, 4, 5], stride: 1, pad: 'valid' },
  { x: [2, 9, 9, 3], k: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { x: [2, 10, 10, 2], k: [3, 2, 2, 3], stride: 2, pad: 'valid' },
  { x: [2, 6, 6, 4], k: [1, 1, 4, 6], stride: 1, pad: 'valid' },
  { x: [2, 8, 8, 4], k: [3, 3, 4, 1], stride: 1, pad: 'same', depthwise: true },
  { x: [2, 9, 9, 3], k: [3, 3, 3, 2], stride: 2, pad: 'same', depthwise: true },
  { x: [1, 7, 8, 2], k: [2, 3, 2, 3], stride: 1, pad: 'valid', depthwise: true },
  { x: [2, 10, 10, 2], k: [3, 3, 2, 1], stride: 2, pad: 'valid', depthwise: true },
  { x: [2, 9, 8, 5], k: [3, 2, 5, 1], stride: 1, pad: 'valid', depthwise: true },
  { x: [3, 6, 6, 3], k: [5, 5, 3, 1], stride: 1, pad: 'same', depthwise: true },
  // The XNNPACK depthwise dW: odd sizes, stride 2, channels not a multiple of 4, unused trailing rows.
  { x: [3, 11, 9, 7], k: [3, 3, 7, 1], stride: 2, pad: 'same', depthwise: true },
  { x: [2, 10, 9, 5], k: [3, 3, 5, 1], stride: 2, pad: 'valid', depthwise: true },
  { x: [5, 14, 14, 6], k: [3, 3, 6, 1], stride: 1, pad: 'same', depthwise: true },
  { x: [1, 5, 5, 1], k: [5, 5, 1, 1], stride: 1, pad: 'valid', depthwise: true },
];

describe('wasm gradient kernels vs cpu', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('registers the kernels the wasm backend lacks', () => {
    for (const k of ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'MaxPoolGrad', 'BatchMatMul', 'Sum', 'Mean']) {
      expect(tf.getKernel(k, 'wasm'), k).toBeDefined();
    }
  });

  it.each(CASES.map((c, i) => [i, `${c.depthwise ? 'depthwise' : 'conv2d'} x${c.x.join('x')} k${c.k.join('x')} s${c.stride} ${c.pad}`, c] as const))(
    'case %i: %s',
    async (i, _name, c) => {
      const xv = randArray(c.x.reduce((p, q) => p * q, 1), 100 + i);
      const wv = randArray(c.k.reduce((p, q) => p * q, 1), 200 + i);
      await tf.setBackend('cpu');
      const ref = convGrads(c, xv, wv, 300 + i);
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      // Kernels composed of kernels free their intermediates on the backend: its buffer count too.
      const buffersBefore = tf.engine().backend.numDataIds();
      const got = convGrads(c, xv, wv, 300 + i);
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
      expect(maxRelErr(got.dw, ref.dw)).toBeLessThan(1e-5);
      expect(maxRelErr(got.dx, ref.dx)).toBeLessThan(1e-5);
      // Not all zeros: a kernel that returned nothing would pass a diff against a broken reference.
      expect(Math.max(...ref.dw.map(Math.abs))).toBeGreaterThan(0.01);
    },
  );

  it.each([
    [[2, 8, 8, 3], 2, 2, 'valid', ''],
    [[2, 9, 9, 2], 3, 2, 'same', ''],
    [[1, 7, 6, 4], 3, 1, 'same', ''],
    [[2, 7, 7, 1], 2, 2, 'valid', ''],
    [[2, 8, 8, 3], 2, 2, 'valid', 'ties'],
    [[2, 7, 7, 2], 3, 3, 'same', 'ties'],
    [[2, 7, 7, 2], 3, 2, 'same', 'ties'],
    // The SIMD path (stride = window): channels not a multiple of 4, clipped and uncovered edges.
    [[3, 7, 9, 5], 2, 2, 'same', ''],
    [[2, 9, 7, 6], 2, 2, 'valid', 'ties'],
    [[2, 8, 10, 9], 3, 3, 'same', ''],
    [[1, 6, 6, 8], 2, 2, 'valid', ''],
    [[2, 5, 7, 4], [1, 2], [1, 2], 'valid', 'ties'],
  ] as const)('maxPool gradient x%j pool %j stride %j %s %s', async (shape, poolSize, strideSize, pad, ties) => {
    const raw = randArray((shape as readonly number[]).reduce((p, q) => p * q, 1), 11);
    // "ties": ReLU-like data with many equal values; the gradient must go to the first maximum only.
    const xv = ties ? raw.map((v) => Math.max(0, Math.round(v))) : raw;
    const [pool, stride] = [poolSize, strideSize].map((v) => (typeof v === 'number' ? v : ([...v] as [number, number])));
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(xv, [...shape] as [number, number, number, number]);
        const y = tf.maxPool(x, pool, stride, pad);
        const g = tf.tensor(randArray(y.size, 12), y.shape);
        return tf.grad((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, pool, stride, pad).mul(g).sum())(x).dataSync() as Float32Array;
      });
    await tf.setBackend('cpu');
    const ref = run();
    await tf.setBackend('wasm');
    const windows = [pool, stride].map((v) => (typeof v === 'number' ? [v, v] : v));
    const nonOverlapping = windows[0].join() === windows[1].join();
    for (const simd of [true, false]) {
      setTrainingSimd(simd);
      const calls = poolSimdCalls.grad;
      const before = tf.memory().numTensors;
      const got = run();
      expect(tf.memory().numTensors).toBe(before);
      expect(maxRelErr(got, ref), `simd ${simd}`).toBeLessThan(1e-6);
      expect(poolSimdCalls.grad - calls).toBe(simd && nonOverlapping ? 1 : 0);
    }
    setTrainingSimd(true);
    expect(ref.some((v) => v !== 0)).toBe(true);
  });

  it.each([
    [[5, 7], [5, 4], true, false],
    [[6, 5], [4, 5], false, true],
    [[5, 6], [4, 5], true, true],
    [[2, 5, 3], [2, 5, 4], true, false],
    [[2, 3, 5], [2, 4, 5], false, true],
  ] as const)('matMul a%j b%j transposeA=%s transposeB=%s', async (sa, sb, ta, tb) => {
    const av = randArray((sa as readonly number[]).reduce((p, q) => p * q, 1), 21);
    const bv = randArray((sb as readonly number[]).reduce((p, q) => p * q, 1), 22);
    const run = () =>
      tf.tidy(() => {
        const a: tf.Tensor = tf.tensor(av, Array.from(sa));
        const b: tf.Tensor = tf.tensor(bv, Array.from(sb));
        return tf.matMul(a, b, ta, tb).dataSync() as Float32Array;
      });
    await tf.setBackend('cpu');
    const ref = run();
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const got = run();
    expect(tf.memory().numTensors).toBe(before);
    expect(maxRelErr(got, ref)).toBeLessThan(1e-5);
  });

  it.each([
    ['sum', [3, 5, 7, 6], [0, 1, 2], false],
    ['mean', [3, 5, 7, 6], [0, 1, 2], true],
    ['mean', [2, 9, 9, 5], [2, 0, 1], false],
    ['sum', [10, 3], 0, true],
    ['mean', [4, 3, 7], [-3, -2], false],
    // Not "all but the last axis": the backend's own kernel.
    ['sum', [3, 5, 7], [1, 2], false],
    ['mean', [3, 5, 7], 2, true],
    // The SIMD column sums: widths around the 4- and 16-column blocks, odd row counts.
    ['sum', [3, 7, 5, 17], [0, 1, 2], false],
    ['sum', [1, 1, 1, 33], [0, 1, 2], true],
    ['mean', [9, 3], 0, false],
    ['sum', [7, 1], 0, false],
    ['sum', [64, 14, 14, 16], [0, 1, 2], false],
    ['mean', [5, 3, 3, 20], [0, 1, 2], false],
  ] as const)('%s over x%j axes %j keepDims %s (and its gradient)', async (op, shape, axis, keepDims) => {
    const xv = randArray((shape as readonly number[]).reduce((p, q) => p * q, 1), 31);
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor(xv, Array.from(shape));
        const ax = typeof axis === 'number' ? axis : Array.from(axis);
        const f = (t: tf.Tensor) => (op === 'sum' ? tf.sum(t, ax, keepDims) : tf.mean(t, ax, keepDims));
        const y = f(x);
        const g = tf.tensor(randArray(y.size, 32), y.shape);
        const dx = tf.grad((t: tf.Tensor) => f(t).mul(g).sum())(x);
        return { y: y.dataSync() as Float32Array, shape: y.shape, dx: dx.dataSync() as Float32Array };
      });
    await tf.setBackend('cpu');
    const ref = run();
    await tf.setBackend('wasm');
    try {
      for (const simd of [true, false]) {
        setTrainingSimd(simd);
        const before = tf.memory().numTensors;
        const buffersBefore = tf.engine().backend.numDataIds();
        const got = run();
        expect(tf.memory().numTensors).toBe(before);
        expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
        expect(got.shape).toEqual(ref.shape);
        expect(maxRelErr(got.y, ref.y), `simd=${simd}`).toBeLessThan(1e-5);
        expect(maxRelErr(got.dx, ref.dx), `simd=${simd}`).toBeLessThan(1e-5);
      }
    } finally {
      setTrainingSimd(true);
    }
  });

  it('clone and same-dtype cast share the buffer (refcounted): values kept after the source is disposed, no leak', () => {
    const buffersBefore = tf.engine().backend.numDataIds();
    const before = tf.memory().numTensors;
    const x = tf.tensor([1.5, -2, 3], [3]);
    const c = tf.clone(x);
    const f = tf.cast(x, 'float32');
    const i = tf.cast(x, 'int32');
    // One buffer for x, its clone and its float cast; the int cast is a converted copy.
    expect(tf.engine().backend.numDataIds()).toBe(buffersBefore + 2);
    x.dispose();
    expect(Array.from(c.dataSync())).toEqual([1.5, -2, 3]);
    expect(Array.from(f.dataSync())).toEqual([1.5, -2, 3]);
    expect(Array.from(i.dataSync())).toEqual([1, -2, 3]);
    c.dispose();
    expect(Array.from(f.dataSync())).toEqual([1.5, -2, 3]);
    f.dispose();
    i.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  });

  // The depthwise gradients twice — on the SIMD module and on the fallback (XNNPACK / plain JS, what
  // runs without WebAssembly SIMD) — against the cpu backend on random shapes: stride 1 and 2, same
  // and valid padding, channel counts around the f32x4 width, multipliers 1, 2 (SIMD) and 3 (scalar).
  const DW_CASES: ConvCase[] = [];
  {
    const r = mulberry32(77);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    for (const c of [1, 3, 5, 8, 17]) {
      for (const m of [1, 2]) {
        for (const batch of [1, 3]) {
          for (const stride of [1, 2]) {
            const pad = pick(['same', 'valid'] as const);
            const kh = pick([1, 2, 3, 3, 5]);
            const kw = pick([1, 3, 3, 4]);
            DW_CASES.push({ x: [batch, kh + Math.floor(r() * 8), kw + Math.floor(r() * 8), c], k: [kh, kw, c, m], stride, pad, depthwise: true });
          }
        }
      }
    }
    DW_CASES.push({ x: [2, 7, 6, 5], k: [3, 3, 5, 3], stride: 2, pad: 'same', depthwise: true });
    DW_CASES.push({ x: [3, 8, 9, 4], k: [2, 3, 4, 3], stride: 1, pad: 'valid', depthwise: true });
    // DS-CNN's two layers (smaller batch).
    DW_CASES.push({ x: [3, 14, 14, 16], k: [3, 3, 16, 1], stride: 1, pad: 'same', depthwise: true });
    DW_CASES.push({ x: [3, 14, 14, 32], k: [3, 3, 32, 1], stride: 2, pad: 'same', depthwise: true });
  }

  it('has WebAssembly SIMD here, so the SIMD path below is the one tested', () => {
    expect(simdSupported()).toBe(true);
  });

  it.each(DW_CASES.map((c, i) => [i, `x${c.x.join('x')} k${c.k.join('x')} s${c.stride} ${c.pad}`, c] as const))(
    'depthwise gradients, SIMD and fallback, case %i: %s',
    async (i, _name, c) => {
      const xv = randArray(c.x.reduce((p, q) => p * q, 1), 500 + i);
      const wv = randArray(c.k.reduce((p, q) => p * q, 1), 600 + i);
      await tf.setBackend('cpu');
      const ref = convGrads(c, xv, wv, 700 + i);
      await tf.setBackend('wasm');
      try {
        for (const simd of [true, false]) {
          setTrainingSimd(simd);
          const before = tf.memory().numTensors;
          const buffersBefore = tf.engine().backend.numDataIds();
          const calls = { ...depthwiseSimdCalls };
          const got = convGrads(c, xv, wv, 700 + i);
          expect(tf.memory().numTensors).toBe(before);
          expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
          expect(depthwiseSimdCalls.filter - calls.filter, 'SIMD dW calls').toBe(simd ? 1 : 0);
          expect(depthwiseSimdCalls.input - calls.input, 'SIMD dx calls').toBe(simd ? 1 : 0);
          expect(maxRelErr(got.dw, ref.dw), `dW simd=${simd}`).toBeLessThan(1e-5);
          expect(maxRelErr(got.dx, ref.dx), `dx simd=${simd}`).toBeLessThan(1e-5);
        }
      } finally {
        setTrainingSimd(true);
      }
      expect(Math.max(...ref.dw.map(Math.abs))).toBeGreaterThan(0.01);
    },
  );

  // Plain convolutions' dW on the SIMD module: channel counts around its 4 x 8 register tile and
  // tails, strides, padding, rows wider than its 64-column chunk, and the zoo's own layers.
  const CONV_CASES: ConvCase[] = [];
  {
    const r = mulberry32(43);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    for (const c of [1, 3, 4, 6, 9]) {
      for (const co of [1, 4, 6, 8, 13, 16]) {
        const kh = pick([1, 2, 3, 5]);
        const kw = pick([1, 3, 4]);
        CONV_CASES.push({ x: [pick([1, 2, 3]), kh + Math.floor(r() * 7), kw + Math.floor(r() * 7), c], k: [kh, kw, c, co], stride: pick([1, 2]), pad: pick(['same', 'valid'] as const) });
      }
    }
    CONV_CASES.push({ x: [2, 3, 150, 5], k: [3, 3, 5, 9], stride: 1, pad: 'same' });
    CONV_CASES.push({ x: [1, 2, 140, 4], k: [1, 5, 4, 8], stride: 2, pad: 'same' });
    CONV_CASES.push({ x: [3, 28, 28, 1], k: [3, 3, 1, 16], stride: 2, pad: 'same' }); // DS-CNN conv1
    // One input channel at stride 1: four adjacent taps merge where they see the same columns.
    CONV_CASES.push({ x: [3, 28, 28, 1], k: [5, 5, 1, 6], stride: 1, pad: 'valid' }); // LeNet-5 conv1
    CONV_CASES.push({ x: [2, 9, 11, 1], k: [3, 7, 1, 5], stride: 1, pad: 'same' });
    CONV_CASES.push({ x: [1, 2, 130, 1], k: [1, 6, 1, 3], stride: 1, pad: 'same' });
    CONV_CASES.push({ x: [3, 14, 14, 16], k: [1, 1, 16, 32], stride: 1, pad: 'valid' }); // DS-CNN pw1
    CONV_CASES.push({ x: [3, 12, 12, 6], k: [5, 5, 6, 16], stride: 1, pad: 'valid' }); // LeNet-5 conv2
    CONV_CASES.push({ x: [2, 14, 14, 32], k: [3, 3, 32, 64], stride: 1, pad: 'same' }); // teacher
  }

  it.each(CONV_CASES.map((c, i) => [i, `x${c.x.join('x')} k${c.k.join('x')} s${c.stride} ${c.pad}`, c] as const))(
    'conv2d weight gradient, SIMD and fallback, case %i: %s',
    async (i, _name, c) => {
      const xv = randArray(c.x.reduce((p, q) => p * q, 1), 800 + i);
      const wv = randArray(c.k.reduce((p, q) => p * q, 1), 900 + i);
      await tf.setBackend('cpu');
      const ref = convGrads(c, xv, wv, 1000 + i);
      await tf.setBackend('wasm');
      try {
        for (const simd of [true, false]) {
          setTrainingSimd(simd);
          const before = tf.memory().numTensors;
          const buffersBefore = tf.engine().backend.numDataIds();
          const calls = convSimdCalls.filter;
          const got = convGrads(c, xv, wv, 1000 + i);
          expect(tf.memory().numTensors).toBe(before);
          expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
          expect(convSimdCalls.filter - calls, 'SIMD dW calls').toBe(simd ? 1 : 0);
          expect(maxRelErr(got.dw, ref.dw), `dW simd=${simd}`).toBeLessThan(1e-5);
        }
      } finally {
        setTrainingSimd(true);
      }
      expect(Math.max(...ref.dw.map(Math.abs))).toBeGreaterThan(0.01);
    },
  );

  it('agrees with a finite-difference estimate of dW (independent of any backend kernel)', () => {
    const c: ConvCase = { x: [1, 5, 5, 2], k: [3, 3, 2, 2], stride: 1, pad: 'same' };
    const xv = randArray(50, 7);
    const wv = randArray(36, 8);
    const g = randArray(50, 9);
    const lossAt = (w: Float32Array) =>
      tf.tidy(() => tf.conv2d(tf.tensor4d(xv, [1, 5, 5, 2]), tf.tensor4d(w, [3, 3, 2, 2]), 1, 'same').mul(tf.tensor(g, [1, 5, 5, 2])).sum().dataSync()[0]);
    const { dw } = convGrads(c, xv, wv, 0);
    const gradFromKernel = tf.tidy(() => {
      const x = tf.tensor4d(xv, [1, 5, 5, 2]);
      const gt = tf.tensor(g, [1, 5, 5, 2]);
      return tf.grad((w: tf.Tensor) => tf.conv2d(x, w as tf.Tensor4D, 1, 'same').mul(gt).sum())(tf.tensor4d(wv, [3, 3, 2, 2])).dataSync();
    });
    expect(dw.length).toBe(36);
    const eps = 1e-2;
    for (const i of [0, 7, 17, 35]) {
      const up = Float32Array.from(wv);
      const down = Float32Array.from(wv);
      up[i] += eps;
      down[i] -= eps;
      const fd = (lossAt(up) - lossAt(down)) / (2 * eps);
      expect(gradFromKernel[i]).toBeCloseTo(fd, 2);
    }
  });
});
