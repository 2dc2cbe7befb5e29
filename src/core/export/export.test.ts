import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { analyzeSpec } from '../model/analyze';
import { DSCNN, LENET5, MLP } from '../model/zoo/mnist';
import type { ModelSpec, WeightSet } from '../model/spec';
import { mulberry32 } from '../data/random';
import { planQuantization } from '../techniques/quantization/graph';
import {
  BuiltinOperator, TensorType, canonicalSpec, exportPackage, parseCArray, modelDataSource, quantizeForTflite, readTestVectors,
  readTflite, tfliteToSpec, tflmProjectZip, toTfliteGraph, writeTestVectors, writeTflite, TfliteFormatError,
} from './index';

/** Seeded random weights of the right shapes (the exporter does not care whether they are trained). */
function randomWeights(spec: ModelSpec, seed = 1): WeightSet {
  const rand = mulberry32(seed);
  const info = analyzeSpec(spec);
  const out: WeightSet = [];
  info.layers.forEach((li, i) => {
    const l = spec.layers[i];
    if (l.type !== 'dense' && l.type !== 'conv2d' && l.type !== 'depthwiseConv2d') return;
    const inShape = li.inputShapes[0];
    const cin = inShape[inShape.length - 1];
    const k = l.type === 'dense' ? [inShape.reduce((a, b) => a * b, 1), l.units] : [...[l.kernel].flat().concat([l.kernel].flat()).slice(0, 2), cin, l.type === 'conv2d' ? l.filters : (l.depthMultiplier ?? 1)];
    const n = k.reduce((a, b) => a * b, 1);
    out.push({ layer: l.name, role: 'kernel', shape: k, data: Float32Array.from({ length: n }, () => (rand() - 0.5) * 0.4) });
    if (l.useBias !== false) out.push({ layer: l.name, role: 'bias', shape: [li.outChannels], data: Float32Array.from({ length: li.outChannels }, () => (rand() - 0.5) * 0.1) });
  });
  return out;
}

function ranges(spec: ModelSpec): Record<string, [number, number]> {
  return Object.fromEntries(planQuantization(spec).calibrated.map((t, i) => [t, [-1 - (i % 3), 3 + i] as [number, number]]));
}

const RESNETISH: ModelSpec = {
  id: 'res', name: 'res', inputShape: [8, 8, 1],
  layers: [
    { type: 'conv2d', name: 'stem', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'conv2d', name: 'b1', filters: 4, kernel: 3, padding: 'same', activation: 'relu6' },
    { type: 'add', name: 'sum', inputs: ['stem', 'b1'], activation: 'relu' },
    { type: 'avgPool2d', name: 'pool', pool: 2 },
    { type: 'depthwiseConv2d', name: 'dw', kernel: 3, padding: 'valid', depthMultiplier: 2 },
    { type: 'globalAvgPool2d', name: 'gap' },
    { type: 'dense', name: 'logits', units: 3 },
  ],
};

const MODELS = [MLP, LENET5, DSCNN, RESNETISH];

/** Index of `needle` in `hay`, or -1. */
function indexOf(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
const f32le = (v: number) => Array.from(new Uint8Array(Float32Array.of(v).buffer));
const u32le = (v: number) => Array.from(new Uint8Array(Uint32Array.of(v).buffer));

describe('TFLite writer and reader', () => {
  it.each(MODELS.map((m) => [m.id, m] as const))('%s: the bytes parse back to the same graph (both interfaces)', (_id, spec) => {
    const qm = quantizeForTflite(spec, randomWeights(spec), ranges(spec));
    for (const io of ['int8', 'float32'] as const) {
      const g = toTfliteGraph(qm, io);
      const bytes = writeTflite(g);
      expect(String.fromCharCode(...bytes.subarray(4, 8))).toBe('TFL3');
      const back = readTflite(bytes);
      expect(back.version).toBe(3);
      expect(back.tensors).toEqual(g.tensors.map((t) => ({ ...t, quant: t.quant && { ...t.quant, scale: t.quant.scale.map(Math.fround) } })));
      expect(back.operators).toEqual(g.operators.map((o) => ({ ...o, options: expect.objectContaining(o.options) })));
      expect(back.opcodes).toEqual(g.opcodes);
      expect(back.buffers).toEqual(g.buffers);
      expect(back.inputs).toEqual(g.inputs);
      expect(back.outputs).toEqual(g.outputs);
      for (const c of back.opcodes) expect(c.deprecatedBuiltinCode).toBe(c.builtinCode);
      const ioType = io === 'int8' ? TensorType.INT8 : TensorType.FLOAT32;
      expect(back.tensors[back.inputs[0]].type).toBe(ioType);
      expect(back.tensors[back.outputs[0]].type).toBe(ioType);
    }
  });

  it('constant buffers are 16-byte aligned in the file', () => {
    const qm = quantizeForTflite(LENET5, randomWeights(LENET5), ranges(LENET5));
    const bytes = writeTflite(toTfliteGraph(qm, 'int8'));
    const g = readTflite(bytes);
    for (const b of g.buffers.filter((x) => x.length > 0)) {
      const at = indexOf(bytes, Array.from(b.subarray(0, Math.min(64, b.length))));
      expect(at % 16).toBe(0);
    }
  });

  it('one dense layer: per-tensor int8 weights, the exact bytes of scale, zero point and values', () => {
    const spec: ModelSpec = { id: 'd', name: 'd', inputShape: [2], layers: [{ type: 'dense', name: 'fc', units: 2 }] };
    const w: WeightSet = [
      { layer: 'fc', role: 'kernel', shape: [2, 2], data: Float32Array.of(1, -0.5, 0.25, 0.5) },
      { layer: 'fc', role: 'bias', shape: [2], data: Float32Array.of(0, 0) },
    ];
    const qm = quantizeForTflite(spec, w, { fc: [-2, 2] });
    const bytes = writeTflite(toTfliteGraph(qm, 'int8'));
    const s = Math.fround(1 / 127);
    // scale vector: length 1, then the float32; zero_point vector: length 1, then int64 0.
    expect(indexOf(bytes, [...u32le(1), ...f32le(s)])).toBeGreaterThan(0);
    expect(indexOf(bytes, [...u32le(1), 0, 0, 0, 0, 0, 0, 0, 0])).toBeGreaterThan(0);
    // weights [out, in]: round(w·127) half away from zero = [[127, 32], [-64, 64]].
    expect(indexOf(bytes, [...u32le(4), 0x7f, 0x20, 0xc0, 0x40])).toBeGreaterThan(0);
    const g = readTflite(bytes);
    const k = g.tensors.find((t) => t.name === 'fc/kernel')!;
    expect(k.shape).toEqual([2, 2]);
    expect(k.quant).toEqual({ scale: [s], zeroPoint: [0], quantizedDimension: 0 });
    const b = g.tensors.find((t) => t.name === 'fc/bias')!;
    expect(b.type).toBe(TensorType.INT32);
    expect(b.quant!.scale).toEqual([Math.fround(Math.fround(1 / 255) * s)]);
    const out = g.tensors.find((t) => t.name === 'fc')!;
    // asymmetric activation over [-2, 2]: scale 4/255 (float32), zero point round(−128 + 2/scale) = −1
    // (the float32 scale is a hair above 4/255, so 2/scale is just under 127.5).
    expect(out.quant!.scale).toEqual([Math.fround(4 / 255)]);
    expect(out.quant!.zeroPoint).toEqual([-1]);
  });

  it('one conv layer: per-channel scales along axis 0, OHWI weights', () => {
    const spec: ModelSpec = { id: 'c', name: 'c', inputShape: [3, 3, 1], layers: [{ type: 'conv2d', name: 'conv', filters: 2, kernel: 1, activation: 'relu' }] };
    const w: WeightSet = [
      { layer: 'conv', role: 'kernel', shape: [1, 1, 1, 2], data: Float32Array.of(0.5, -0.25) },
      { layer: 'conv', role: 'bias', shape: [2], data: Float32Array.of(0.1, 0) },
    ];
    const qm = quantizeForTflite(spec, w, { conv: [0, 1] });
    const bytes = writeTflite(toTfliteGraph(qm, 'int8'));
    const [s0, s1] = [Math.fround(0.5 / 127), Math.fround(0.25 / 127)];
    expect(indexOf(bytes, [...u32le(2), ...f32le(s0), ...f32le(s1)])).toBeGreaterThan(0);
    expect(indexOf(bytes, [...u32le(2), 0x7f, 0x81])).toBeGreaterThan(0); // 127, −127
    const g = readTflite(bytes);
    const k = g.tensors.find((t) => t.name === 'conv/kernel')!;
    expect(k.shape).toEqual([2, 1, 1, 1]);
    expect(k.quant).toEqual({ scale: [s0, s1], zeroPoint: [0, 0], quantizedDimension: 0 });
    const conv = g.operators[0];
    expect(g.opcodes[conv.opcodeIndex].builtinCode).toBe(BuiltinOperator.CONV_2D);
    expect(conv.options).toMatchObject({ padding: 1, strideW: 1, strideH: 1, activation: 1 });
    // bias 0.1 / (s_in·s0) as int32
    const bias = g.buffers[g.tensors.find((t) => t.name === 'conv/bias')!.buffer];
    expect(new DataView(bias.buffer, bias.byteOffset).getInt32(0, true)).toBe(Math.round(0.1 / (Math.fround(1 / 255) * s0)));
  });
});

describe('C array, TFLM project and test vectors', () => {
  const qm = quantizeForTflite(DSCNN, randomWeights(DSCNN), ranges(DSCNN));
  const pkg = exportPackage(qm);

  it('model_data.cc holds exactly the .tflite bytes, aligned', () => {
    const src = modelDataSource(pkg.tflite);
    expect(src).toContain('alignas(16) const unsigned char g_model_data[]');
    expect(src).toContain(`g_model_data_len = ${pkg.tflite.length};`);
    expect(parseCArray(src)).toEqual(pkg.tflite);
  });

  it('main.cc registers exactly the operators used and an arena above the estimate', () => {
    const zip = unzipSync(tflmProjectZip({ ...pkg, modelName: 'DS-CNN' }));
    expect(Object.keys(zip).sort()).toEqual(['README.md', 'main.cc', 'model.tflite', 'model_data.cc', 'model_data.h']);
    const main = strFromU8(zip['main.cc']);
    expect(main).toContain('MicroMutableOpResolver<4>');
    for (const m of ['AddConv2D', 'AddDepthwiseConv2D', 'AddReshape', 'AddFullyConnected']) expect(main).toContain(`resolver.${m}()`);
    expect(main).not.toContain('AddMaxPool2D');
    expect(pkg.arenaBytes).toBeGreaterThan(pkg.estimatedArena);
    expect(zip['model.tflite']).toEqual(pkg.tflite);
  });

  it('test_vectors.bin round-trips and has the documented layout', () => {
    const v = {
      count: 3, inputShape: [1, 2], outputShape: [1, 2], input: { scale: 1 / 255, zeroPoint: -128 }, output: { scale: 0.1, zeroPoint: 5 },
      inputs: Int8Array.of(-128, 127, 0, 1, 2, 3), labels: Uint8Array.of(1, 0, 9), expected: Int8Array.of(-1, 2, -3, 4, -5, 6),
    };
    const bytes = writeTestVectors(v);
    const h = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h)));
    expect(header.labels).toEqual({ dtype: 'uint8', offset: 6, length: 3 });
    expect(bytes.length).toBe(8 + h + 15);
    expect(bytes[8 + h + 6 + 2]).toBe(9);
    expect(readTestVectors(bytes)).toEqual(v);
  });
});

describe('.tflite → ModelSpec', () => {
  it.each(MODELS.map((m) => [m.id, m] as const))('%s: export → import gives the same spec, params and MACs', (_id, spec) => {
    const qm = quantizeForTflite(spec, randomWeights(spec), ranges(spec));
    for (const io of ['int8', 'float32'] as const) {
      const back = tfliteToSpec(writeTflite(toTfliteGraph(qm, io)), spec.id);
      expect(back.inputShape).toEqual(spec.inputShape);
      expect(back.layers).toEqual(canonicalSpec(spec));
      const [a, b] = [analyzeSpec(spec), analyzeSpec(back)];
      expect([b.params, b.macs]).toEqual([a.params, a.macs]);
    }
  });

  const bytes = writeTflite(toTfliteGraph(quantizeForTflite(LENET5, randomWeights(LENET5), ranges(LENET5)), 'int8'));

  it('a truncated file gives a clear error', () => {
    for (const n of [3, 100, Math.floor(bytes.length / 2)]) {
      expect(() => tfliteToSpec(bytes.slice(0, n))).toThrow(TfliteFormatError);
    }
    expect(() => tfliteToSpec(bytes.slice(0, bytes.length / 2))).toThrow(/truncated|too short/);
  });

  it('a foreign file names what is wrong', () => {
    expect(() => tfliteToSpec(new TextEncoder().encode('{"modelTopology": {}}'))).toThrow(/not a TFLite model/);
    expect(() => tfliteToSpec(new Uint8Array(21 * 2 ** 20))).toThrow(/20 MB/);
  });

  it('an unsupported operator is named', () => {
    const g = readTflite(bytes);
    g.opcodes[0] = { builtinCode: BuiltinOperator.TANH, deprecatedBuiltinCode: BuiltinOperator.TANH, version: 1 };
    expect(() => tfliteToSpec(writeTflite(g))).toThrow(/TANH/);
  });

  it('a layer the exporter cannot write is named with the reason', () => {
    const spec: ModelSpec = { ...MLP, layers: MLP.layers.map((l) => (l.name === 'fc2' ? { ...l, activation: 'sigmoid' as const } : l)) };
    expect(() => quantizeForTflite(spec, randomWeights(spec), {})).toThrow(/fc2.*sigmoid/);
  });
});
