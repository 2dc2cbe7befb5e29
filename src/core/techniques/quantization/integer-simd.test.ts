/**
 * The WebAssembly SIMD dense / conv / depthwise path (integer-simd.ts, src/core/simd/int8.c) gives exactly what
 * the JS kernels give — every tensor of every sample, no tolerance — on random models (strides,
 * padding, non-square kernels, cin and channel counts off multiples of 4 / 8, per-tensor and
 * per-channel weights of 2..8 bits, both requant roundings, ReLU / ReLU6 clamps) and on a trained
 * LeNet-5 with MNIST test digits. The module's memory stays bounded across samples and models.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../../train/wasm-kernels';
import type { Activation, ModelSpec, WeightSet } from '../../model/spec';
import { analyzeSpec } from '../../model/analyze';
import { buildModel } from '../../model/build';
import { zooSpec } from '../../model/zoo/mnist';
import { mulberry32, normal } from '../../data/random';
import { imagesToFloat } from '../../data/mnist';
import { mnistToTensors, type MnistTensors } from '../../data/tensors';
import { readMnistFromDisk } from '../../../node/mnist';
import { trainLoop } from '../../train/loop';
import { simdSupported } from '../../simd/module';
import { planQuantization } from './graph';
import { quantizeModel, type QuantSettings, type QuantizedModel } from './quantize-model';
import { compileInteger, runInteger, runSample, type CompiledWeighted, type IntegerModel } from './integer-model';
import { simdMemoryBytes } from './integer-simd';
import { calibrateModel, convertAndEvaluate, type PtqOptions } from './pipeline';

type R = () => number;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: R, xs: T[]): T => xs[Math.floor(r() * xs.length)];

/** A random conv stack (sometimes with depthwise layers, multiplier 1..3), then two dense layers. */
function randomSpec(r: R, id: number): ModelSpec {
  const inputShape = [int(r, 3, 13), int(r, 3, 13), int(r, 1, 11)];
  let [h, w] = inputShape;
  const layers: ModelSpec['layers'] = [];
  const acts: Activation[] = ['linear', 'relu', 'relu6'];
  for (let j = 0, n = int(r, 1, 3); j < n; j++) {
    const padding = pick(r, ['same', 'valid'] as const);
    const kh = int(r, 1, padding === 'valid' ? Math.min(5, h) : 5);
    const kw = int(r, 1, padding === 'valid' ? Math.min(5, w) : 5);
    const sh = int(r, 1, 3);
    const sw = int(r, 1, 3);
    const dw = j > 0 && r() < 0.4;
    if (dw) layers.push({ type: 'depthwiseConv2d', name: `d${j}`, kernel: [kh, kw], stride: [sh, sw], padding, depthMultiplier: int(r, 1, 3), activation: pick(r, acts) });
    else layers.push({ type: 'conv2d', name: `c${j}`, filters: int(r, 1, 13), kernel: [kh, kw], stride: [sh, sw], padding, activation: pick(r, acts) });
    h = padding === 'same' ? Math.ceil(h / sh) : Math.floor((h - kh) / sh) + 1;
    w = padding === 'same' ? Math.ceil(w / sw) : Math.floor((w - kw) / sw) + 1;
  }
  layers.push({ type: 'flatten', name: 'flat' });
  layers.push({ type: 'dense', name: 'f1', units: int(r, 1, 12), activation: pick(r, acts) });
  layers.push({ type: 'dense', name: 'f2', units: int(r, 1, 5) });
  return { id: `rand${id}`, name: `random ${id}`, inputShape, layers };
}

function randomWeights(spec: ModelSpec, r: R): WeightSet {
  const ws: WeightSet = [];
  for (const li of analyzeSpec(spec).layers) {
    if (!li.kernelParams) continue;
    const l = spec.layers[li.index] as { kernel?: number | [number, number] };
    const [kh, kw] = typeof l.kernel === 'number' ? [l.kernel, l.kernel] : l.kernel ?? [1, 1];
    const cin = li.type === 'dense' ? li.inputShapes[0][0] : li.inputShapes[0][2];
    const shape = li.type === 'dense' ? [cin, li.outChannels] : li.type === 'conv2d' ? [kh, kw, cin, li.outChannels] : [kh, kw, cin, li.outChannels / cin];
    const fanIn = li.kernelParams / li.outChannels;
    ws.push({ layer: li.name, role: 'kernel', shape, data: Float32Array.from({ length: li.kernelParams }, () => normal(r) / Math.sqrt(fanIn)) });
    ws.push({ layer: li.name, role: 'bias', shape: [li.outChannels], data: Float32Array.from({ length: li.outChannels }, () => 0.3 * normal(r)) });
  }
  return ws;
}

const weighted = (im: IntegerModel) => im.ops.filter((o): o is CompiledWeighted => 'requant' in o && 'g' in o);

/** Runs the same inputs through both compilations and compares every tensor. */
function expectSame(qm: QuantizedModel, inputs: Float32Array[]): IntegerModel {
  const fast = compileInteger(qm);
  const js = compileInteger(qm, { simd: false });
  expect(weighted(js).every((o) => o.simd === null)).toBe(true);
  for (const x of inputs) {
    runSample(fast, x);
    runSample(js, x);
    for (const [name, t] of fast.tensors) expect(Array.from(t.data), name).toEqual(Array.from(js.tensors.get(name)!.data));
  }
  return fast;
}

describe('integer engine: the SIMD dense / conv kernel equals the JS kernels exactly', () => {
  it('the SIMD path is available in Node', () => expect(simdSupported()).toBe(true));

  it('random shapes, strides, padding, bit widths, granularities, roundings and clamps', () => {
    const r = mulberry32(2026);
    const kinds = new Map<string, number>();
    for (let m = 0; m < 40; m++) {
      const spec = randomSpec(r, m);
      const settings: QuantSettings = {
        weightBits: int(r, 2, 8), activationBits: pick(r, [8, 8, 6, 4]), scheme: pick(r, ['asymmetric', 'symmetric'] as const),
        granularity: pick(r, ['per-channel', 'per-tensor'] as const), rounding: 'nearest', seed: m,
        requantRounding: pick(r, ['double', 'single'] as const),
      };
      const ranges: Record<string, [number, number]> = {};
      for (const t of planQuantization(spec).calibrated) ranges[t] = [r() < 0.3 ? 0 : -0.2 - 2 * r(), 0.3 + 3 * r()];
      const qm = quantizeModel(spec, randomWeights(spec, r), ranges, settings);
      const size = spec.inputShape.reduce((a, b) => a * b, 1);
      const inputs = Array.from({ length: 4 }, () => Float32Array.from({ length: size }, () => 1.2 * r() - 0.1));
      const fast = expectSame(qm, inputs);
      // Every 8x8 dense / conv / depthwise layer runs in SIMD.
      for (const o of weighted(fast)) {
        expect(o.simd !== null, `${spec.id} ${o.layer}`).toBe(true);
        kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
      }
    }
    expect(kinds.get('depthwiseConv2d')).toBeGreaterThan(5);
    expect(kinds.get('conv2d')).toBeGreaterThan(40);
  });

  it('16x8 models stay in JS', () => {
    const spec: ModelSpec = { id: 's', name: 's', inputShape: [5, 5, 2], layers: [{ type: 'conv2d', name: 'c', filters: 3, kernel: 3 }, { type: 'flatten', name: 'fl' }, { type: 'dense', name: 'd', units: 2 }] };
    const ranges: Record<string, [number, number]> = {};
    for (const t of planQuantization(spec).calibrated) ranges[t] = [-1, 1];
    const qm = quantizeModel(spec, randomWeights(spec, mulberry32(1)), ranges, { weightBits: 8, activationBits: 16, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 });
    expect(weighted(compileInteger(qm)).every((o) => o.simd === null)).toBe(true);
  });

  it('memory stays bounded across many samples and alternating models', () => {
    const r = mulberry32(7);
    const spec = zooSpec('lenet5');
    const ranges: Record<string, [number, number]> = {};
    for (const t of planQuantization(spec).calibrated) ranges[t] = [-1, 3];
    const S: QuantSettings = { weightBits: 8, activationBits: 8, scheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 };
    const a = compileInteger(quantizeModel(spec, randomWeights(spec, r), ranges, S));
    const x = Float32Array.from({ length: 784 }, () => r());
    runSample(a, x);
    const bytes = simdMemoryBytes();
    for (let i = 0; i < 300; i++) runSample(a, x);
    expect(simdMemoryBytes()).toBe(bytes);
    for (let i = 0; i < 30; i++) {
      const b = compileInteger(quantizeModel(spec, randomWeights(spec, r), ranges, { ...S, requantRounding: i % 2 ? 'single' : 'double' }));
      runSample(b, x);
      runSample(a, x);
    }
    expect(simdMemoryBytes()).toBe(bytes);
  });
});

describe('integer engine: SIMD on a trained LeNet-5', () => {
  let data: MnistTensors;
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterAll(() => data?.dispose());

  it('int8 logits of 500 test digits are identical to the JS kernels', async () => {
    const mnist = readMnistFromDisk();
    data = mnistToTensors(mnist);
    const spec = zooSpec('lenet5');
    const model = buildModel(spec, 1);
    await trainLoop({ model, train: data.train, epochs: 1, batchSize: 64, learningRate: 0.002, optimizer: 'adam', seed: 1, trainSamples: 2000, evaluateEachEpoch: false });
    const o: PtqOptions = { weightBits: 8, activationBits: 8, scheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1, calibration: 'minmax', percentile: 99.99 };
    const calibXs = data.train.xs.slice(0, 200);
    const scratch = buildModel(spec, 1);
    const fq = convertAndEvaluate(model, scratch, calibrateModel(model, calibXs, o).ranges, o, data.test.xs, mnist.test.labels);
    tf.dispose([calibXs]);
    scratch.dispose();
    model.dispose();
    const pixels = imagesToFloat(mnist.test).subarray(0, 500 * 784);
    const fast = compileInteger(fq.qm);
    expect(weighted(fast).every((op) => op.simd !== null)).toBe(true);
    const a = await runInteger(fast, pixels, 500);
    const b = await runInteger(compileInteger(fq.qm, { simd: false }), pixels, 500);
    expect(Array.from(a.outputs)).toEqual(Array.from(b.outputs));
    let correct = 0;
    for (let i = 0; i < 500; i++) if (a.predictions[i] === mnist.test.labels[i]) correct++;
    expect(correct / 500).toBeGreaterThan(0.6);
  }, 60_000);
});
