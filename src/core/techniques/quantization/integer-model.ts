/**
 * Integer-only inference in plain TypeScript — the arithmetic an MCU (CMSIS-NN) or NPU runs for a
 * TFLite int8 model: int8 activations and weights, int32 accumulators and biases, requantization by a
 * Q31 fixed-point multiplier and shift, zero points, saturation, and fused ReLU/ReLU6 as clamping.
 * No float is touched between the quantized input and the int8 output.
 *
 * compileInteger() turns a QuantizedModel into preallocated typed-array buffers; runInteger() then runs
 * samples with no allocation in the inner loops. Accumulators are Int32Array: with |x−z| ≤ 255 and
 * |w−z| ≤ 255 a dot product of up to 33,000 terms cannot overflow, which compile checks.
 *
 * 16x8 mode (is16x8: 16 activation bits, ≤ 8-bit weights) follows TFLite's 16x8 reference kernels
 * (reference_integer_ops conv.h / fully_connected.h / depthwise_conv.h with int16 input): int16
 * activations with zero point 0 (no input or output offset), int8 weights, int64 bias and an int64
 * accumulator (a Float64Array, exact below 2^53), requantized by the 64-bit
 * MultiplyByQuantizedMultiplier; adds shift their inputs left by 15 instead of 20.
 */
import { multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplier64, multiplyByQuantizedMultiplierSingle, quantizeMultiplier } from './fixed-point';
import { ADD_LEFT_SHIFT, ADD_LEFT_SHIFT_16, PACK, PACK_LIMIT, runOp } from './integer-kernels';
import { prepareSimd, type SimdLayer } from './integer-simd';

export { runOp };
import { is16x8, type QuantizedModel } from './quantize-model';
import type { ClampActivation, QuantOp } from './graph';
import type { CompiledOp, CompiledWeighted, Geometry, IntTensor, Requant } from './integer-ops';

export type { CompiledOp, CompiledWeighted, IntTensor, Requant };

export class IntegerPathError extends Error {}


export interface IntegerModel {
  ops: CompiledOp[];
  tensors: Map<string, IntTensor>;
  input: IntTensor;
  output: IntTensor;
}


function clampRange(act: ClampActivation, t: IntTensor): [number, number] {
  let lo = t.qmin;
  let hi = t.qmax;
  if (act !== 'linear') lo = Math.max(lo, t.zeroPoint);
  if (act === 'relu6') hi = Math.min(hi, t.zeroPoint + Math.round(6 / t.scale));
  return [lo, hi];
}

function pad(inp: number, out: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? Math.floor(Math.max((out - 1) * s + k - inp, 0) / 2) : 0;
}

function geometry(inShape: number[], outShape: number[], k: [number, number], s: [number, number], padding: string): Geometry {
  const [inH, inW, cin] = inShape.length === 3 ? inShape : [1, 1, inShape[0]];
  const [outH, outW, cout] = outShape.length === 3 ? outShape : [1, 1, outShape[0]];
  return {
    inH, inW, cin, outH, outW, cout,
    kh: k[0], kw: k[1], sh: s[0], sw: s[1],
    padT: pad(inH, outH, k[0], s[0], padding),
    padL: pad(inW, outW, k[1], s[1], padding),
  };
}

/**
 * The buffers the kernels read (integer-kernels.ts): dense/conv weights transposed to one contiguous
 * row per output channel, so each output is one long dot product with an im2col patch (instead of
 * short inner loops over the output channels: 6 for LeNet's conv1), and everything as doubles.
 */
function kernelLayout(kind: CompiledWeighted['kind'], g: Geometry, w: Int32Array, bias: Int32Array | Float64Array, input: IntTensor, wide: boolean) {
  const C = g.cout;
  const biasF = Float64Array.from(bias);
  const inChannel = new Int32Array(C);
  if (kind === 'depthwiseConv2d') {
    const m = C / g.cin;
    for (let c = 0; c < C; c++) inChannel[c] = Math.floor(c / m);
    return { wk: Float64Array.from(w), packed: null, biasF, scratch: new Float64Array(C), inChannel };
  }
  const K = g.kh * g.kw * g.cin;
  const wk = new Float64Array(K * C);
  for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) wk[c * K + k] = w[k * C + c];
  // Two channels per double: each |sum| stays below 2^25, so lo + 2^26·hi (< 2^52) is exact and
  // splits back uniquely (hi = round(s / 2^26), lo = s − 2^26·hi).
  let maxW = 0;
  for (let i = 0; i < w.length; i++) maxW = Math.max(maxW, Math.abs(w[i]));
  const maxX = Math.max(input.qmax - input.zeroPoint, input.zeroPoint - input.qmin);
  let packed: Float64Array | null = null;
  if (!wide && K * maxX * maxW < PACK_LIMIT) {
    const rows = Math.ceil(C / 2);
    packed = new Float64Array(rows * K);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < K; k++) packed[r * K + k] = wk[2 * r * K + k] + (2 * r + 1 < C ? PACK * wk[(2 * r + 1) * K + k] : 0);
    }
  }
  return { wk, packed, biasF, scratch: new Float64Array(K), inChannel };
}

export interface CompileOptions {
  /** Run 8x8 dense / conv layers through the WebAssembly SIMD kernel where supported (default true). */
  simd?: boolean;
}

export function compileInteger(qm: QuantizedModel, opts: CompileOptions = {}): IntegerModel {
  const useSimd = opts.simd ?? true;
  const simdGroup: SimdLayer[] = [];
  const { weightBits, activationBits } = qm.settings;
  const wide = is16x8(qm.settings);
  if (!wide && (weightBits > 8 || activationBits > 8)) {
    throw new IntegerPathError(`the integer path needs ≤ 8-bit weights with ≤ 8-bit activations, or 16x8 (16-bit activations, ≤ 8-bit weights); got ${weightBits}/${activationBits}`);
  }
  // 16x8 has one requantization in TFLite (the 64-bit one); "single/double" applies to 8x8 only.
  const requant: Requant = wide ? multiplyByQuantizedMultiplier64 : qm.settings.requantRounding === 'single' ? multiplyByQuantizedMultiplierSingle : multiplyByQuantizedMultiplier;
  const addRequant: Requant = qm.settings.requantRounding === 'single' ? multiplyByQuantizedMultiplierSingle : multiplyByQuantizedMultiplier;
  const addShift = wide ? ADD_LEFT_SHIFT_16 : ADD_LEFT_SHIFT;
  const tensors = new Map<string, IntTensor>();
  for (const [name, t] of qm.plan.tensors) {
    const p = qm.tensors.get(name)!;
    const size = t.shape.reduce((a, b) => a * b, 1);
    tensors.set(name, { name, shape: t.shape, data: new Int32Array(size), scale: p.scale[0], zeroPoint: p.zeroPoint[0], qmin: p.qmin, qmax: p.qmax });
  }
  const T = (n: string) => tensors.get(n)!;
  const ops = qm.plan.ops.map((op: QuantOp): CompiledOp => {
    const output = T(op.out);
    switch (op.kind) {
      case 'dense':
      case 'conv2d':
      case 'depthwiseConv2d': {
        const lq = qm.layers.get(op.layer)!;
        const input = T(op.inputs[0]);
        const g = geometry(op.inShape, op.outShape, op.kernel, op.stride, op.padding);
        const C = lq.channels;
        const wp = lq.weightParams;
        const w = new Int32Array(lq.weightQ.length);
        const wZp = new Int32Array(C);
        const wScale = new Float64Array(C);
        for (let c = 0; c < C; c++) {
          wZp[c] = wp.zeroPoint[wp.zeroPoint.length === 1 ? 0 : c];
          wScale[c] = wp.scale[wp.scale.length === 1 ? 0 : c];
        }
        for (let i = 0; i < w.length; i++) w[i] = lq.weightQ[i] - wZp[i % C];
        const terms = op.kind === 'depthwiseConv2d' ? g.kh * g.kw : g.kh * g.kw * g.cin;
        if (wide) {
          if (input.zeroPoint !== 0 || output.zeroPoint !== 0) throw new IntegerPathError(`layer "${op.layer}": 16x8 needs zero-point-0 activations`);
          // |x| ≤ 32,768, |w| ≤ 128: the int64 sum plus bias must stay below 2^47 (the requantization's bound).
          if (terms * 32768 * 128 > 2 ** 46) throw new IntegerPathError(`layer "${op.layer}": ${terms} MACs per output exceed the 16x8 accumulator bound`);
        } else if (terms * 255 * 255 > 2 ** 31 - 1) throw new IntegerPathError(`layer "${op.layer}": ${terms} MACs per output may overflow int32`);
        const multiplier = new Int32Array(C);
        const shift = new Int32Array(C);
        for (let c = 0; c < C; c++) {
          const q = quantizeMultiplier(lq.multipliers[c]);
          multiplier[c] = q.multiplier;
          shift[c] = q.shift;
        }
        const [actMin, actMax] = clampRange(op.activation, output);
        const compiled: CompiledWeighted = {
          kind: op.kind, layer: op.layer, input, output, g,
          mult: op.kind === 'depthwiseConv2d' ? g.cout / g.cin : 1,
          w, wZp, wScale, bias: wide ? lq.biasQ64! : lq.biasQ, multiplier, shift, actMin, actMax, activation: op.activation, requant,
          ...kernelLayout(op.kind, g, w, wide ? lq.biasQ64! : lq.biasQ, input, wide), simd: null,
        };
        if (useSimd) compiled.simd = prepareSimd(compiled, simdGroup);
        return compiled;
      }
      case 'maxPool2d':
      case 'avgPool2d':
        return { kind: op.kind, input: T(op.inputs[0]), output, g: geometry(op.inShape, op.outShape, op.pool, op.stride, op.padding) };
      case 'globalAvgPool2d': {
        const [h, w] = op.inShape;
        return { kind: op.kind, input: T(op.inputs[0]), output, g: geometry(op.inShape, [1, 1, op.outShape[0]], [h, w], [h, w], 'valid') };
      }
      case 'flatten':
        return { kind: 'flatten', input: T(op.inputs[0]), output, lo: output.qmin, hi: output.qmax };
      case 'clamp': {
        const [lo, hi] = clampRange(op.activation, output);
        return { kind: 'clamp', input: T(op.inputs[0]), output, lo, hi };
      }
      case 'add': {
        const inputs = op.inputs.map(T);
        const twiceMax = 2 * Math.max(...inputs.map((t) => t.scale));
        const [lo, hi] = clampRange(op.activation, output);
        return {
          kind: 'add', inputs, output, lo, hi, requant: addRequant, leftShift: addShift,
          inMult: inputs.map((t) => quantizeMultiplier(t.scale / twiceMax)),
          outMult: quantizeMultiplier(twiceMax / (2 ** addShift * output.scale)),
        };
      }
    }
  });
  return { ops, tensors, input: T('input'), output: T(qm.plan.output) };
}

/** Quantizes one sample's float input into the input tensor (the only float step, at the edge). */
export function setInput(im: IntegerModel, pixels: ArrayLike<number>, offset = 0): void {
  const t = im.input;
  const inv = 1 / t.scale;
  for (let i = 0; i < t.data.length; i++) {
    const q = Math.round(pixels[offset + i] * inv) + t.zeroPoint;
    t.data[i] = q < t.qmin ? t.qmin : q > t.qmax ? t.qmax : q;
  }
}

/** Runs one sample; the int8 output stays in im.output.data (and every tensor in its buffer). */
export function runSample(im: IntegerModel, pixels: ArrayLike<number>, offset = 0): Int32Array {
  setInput(im, pixels, offset);
  for (const op of im.ops) runOp(op);
  return im.output.data;
}

export interface IntegerRun {
  /** count × outputSize int8 outputs. */
  outputs: Int32Array;
  outputSize: number;
  predictions: Uint8Array;
  /** Samples done (less than count when aborted). */
  done: number;
}

/**
 * Runs `count` samples of `pixels` (count × inputSize floats). Yields to the event loop every
 * `chunk` samples so a worker can receive "stop" and post progress.
 */
export async function runInteger(
  im: IntegerModel,
  pixels: ArrayLike<number>,
  count: number,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; chunk?: number } = {},
): Promise<IntegerRun> {
  const inSize = im.input.data.length;
  const outSize = im.output.data.length;
  const outputs = new Int32Array(count * outSize);
  const predictions = new Uint8Array(count);
  const chunk = opts.chunk ?? 100;
  let done = 0;
  for (; done < count; done++) {
    if (done % chunk === 0 && done > 0) {
      opts.onProgress?.(done, count);
      await new Promise((r) => setTimeout(r, 0));
      if (opts.signal?.aborted) break;
    }
    const y = runSample(im, pixels, done * inSize);
    outputs.set(y, done * outSize);
    let best = 0;
    for (let k = 1; k < outSize; k++) if (y[k] > y[best]) best = k;
    predictions[done] = best;
  }
  opts.onProgress?.(done, count);
  return { outputs, outputSize: outSize, predictions, done };
}
