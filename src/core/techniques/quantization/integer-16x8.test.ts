/**
 * The 16x8 mode of the integer engine (TFLite's int16 activations × int8 weights): the 64-bit
 * requantization against BigInt, a dense layer by hand, and a whole model against the float
 * reference of the same integer arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { mulberry32 } from '../../data/random';
import { multiplyByQuantizedMultiplier64, quantizeMultiplier } from './fixed-point';
import { is16x8, quantizeModel, type QuantSettings } from './quantize-model';
import { compileInteger, runSample, type CompiledWeighted } from './integer-model';

/** TFLite's int64 MultiplyByQuantizedMultiplier, exactly, in BigInt. */
function reference64(x: number, m: number, shift: number): number {
  const reduced = m < 0x7fff0000 ? (BigInt(m) + (1n << 15n)) >> 16n : 0x7fffn;
  const ts = BigInt(15 - shift);
  return Number((BigInt(x) * reduced + (1n << (ts - 1n))) >> ts);
}

const S16: QuantSettings = { weightBits: 8, activationBits: 16, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 };

describe('16x8 integer inference (int16 activations, int8 weights)', () => {
  it('the 64-bit requantization equals TFLite’s reduced-multiplier formula (BigInt) over |x| < 2^47', () => {
    const r = mulberry32(5);
    let checked = 0;
    for (let i = 0; i < 20000; i++) {
      const x = Math.floor((r() * 2 - 1) * 2 ** (i % 2 ? 47 : 30));
      const m = i % 97 === 0 ? 0x7fff8000 : 2 ** 30 + Math.floor(r() * 2 ** 30);
      const shift = -Math.floor(r() * 32) + (i % 5 === 0 ? 7 : 0);
      if (shift < -31 || shift > 7) continue;
      const ref = reference64(x, m, shift);
      if (Math.abs(ref) >= 2 ** 31) continue; // TFLite requires the result to fit int32
      expect(multiplyByQuantizedMultiplier64(x, m, shift)).toBe(ref);
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
    // By hand: M = 0.25 → m = 2^30, shift −1; m' = 2^14; (1000·2^14 + 2^15) >> 16 = 250.5 → 250.
    const q = quantizeMultiplier(0.25);
    expect(multiplyByQuantizedMultiplier64(1000, q.multiplier, q.shift)).toBe(250);
    expect(multiplyByQuantizedMultiplier64(1002, q.multiplier, q.shift)).toBe(251); // 250.5 rounds half up
    expect(multiplyByQuantizedMultiplier64(-1002, q.multiplier, q.shift)).toBe(-250);
  });

  it('is16x8 needs 16 activation bits and ≤ 8-bit weights in every layer', () => {
    expect(is16x8(S16)).toBe(true);
    expect(is16x8({ ...S16, activationBits: 8 })).toBe(false);
    expect(is16x8({ ...S16, weightBits: 12 })).toBe(false);
    expect(is16x8({ ...S16, layerBits: { d: 10 } })).toBe(false);
  });

  it('a dense layer by hand: int16 in, zero points 0, int64 bias, output int16', () => {
    // One input pixel, two outputs: y = [2x + 0.5, −x], x = 1 (pixel 255).
    const spec: ModelSpec = { id: 'd', name: 'd', inputShape: [1], layers: [{ type: 'dense', name: 'd', units: 2 }] };
    const weights: WeightSet = [
      { layer: 'd', role: 'kernel', shape: [1, 2], data: Float32Array.from([2, -1]) },
      { layer: 'd', role: 'bias', shape: [2], data: Float32Array.from([0.5, 0]) },
    ];
    const qm = quantizeModel(spec, weights, { d: [-4, 4] }, S16);
    const out = qm.tensors.get('d')!;
    expect(out.zeroPoint[0]).toBe(0);
    expect([out.qmin, out.qmax]).toEqual([-32768, 32767]); // full int16 range, scale max|x| / 32767
    expect(qm.tensors.get('input')!.zeroPoint[0]).toBe(0);
    const im = compileInteger(qm);
    const y = runSample(im, [1]);
    expect(im.input.data[0]).toBe(32640); // 128 · 255, exact
    const op = im.ops[0] as CompiledWeighted;
    expect(op.bias).toBeInstanceOf(Float64Array); // int64 bias, exact below 2^53
    // Per channel symmetric weights: w = ±127 with s_w = 2/127, 1/127.
    expect(Array.from(op.w)).toEqual([127, -127]);
    const sIn = im.input.scale;
    const sOut = out.scale[0];
    const expected = [(32640 * 127 + Math.round(0.5 / (sIn * (2 / 127)))) * ((sIn * (2 / 127)) / sOut), -32640 * 127 * ((sIn * (1 / 127)) / sOut)];
    expect(Math.abs(y[0] - expected[0])).toBeLessThanOrEqual(1);
    expect(Math.abs(y[1] - expected[1])).toBeLessThanOrEqual(1);
    expect(y[0] * sOut).toBeCloseTo(2.5, 3); // 16 bits: the real value to 1e-3 (8 bits: ~0.03)
    expect(y[1] * sOut).toBeCloseTo(-1, 3);
    expect(qm.layers.get('d')!.biasQ64![0]).toBe(Math.round(0.5 / (sIn * Math.fround(2 / 127))));
  });

  it('a conv + depthwise + add + pool model: every 16x8 op within 1 of the float reference of its integer math', () => {
    const spec: ModelSpec = {
      id: 'm', name: 'm', inputShape: [6, 6, 1],
      layers: [
        { type: 'conv2d', name: 'c1', filters: 3, kernel: 3, padding: 'same', activation: 'relu' },
        { type: 'depthwiseConv2d', name: 'd1', kernel: 3, padding: 'same' },
        { type: 'add', name: 'a1', inputs: ['c1', 'd1'], activation: 'relu' },
        { type: 'maxPool2d', name: 'p1', pool: 2 },
        { type: 'flatten', name: 'f' },
        { type: 'dense', name: 'o', units: 4 },
      ],
    };
    const r = mulberry32(9);
    const rnd = (n: number, s: number) => Float32Array.from({ length: n }, () => (r() * 2 - 1) * s);
    const weights: WeightSet = [
      { layer: 'c1', role: 'kernel', shape: [3, 3, 1, 3], data: rnd(27, 0.6) },
      { layer: 'c1', role: 'bias', shape: [3], data: rnd(3, 0.1) },
      { layer: 'd1', role: 'kernel', shape: [3, 3, 3, 1], data: rnd(27, 0.5) },
      { layer: 'd1', role: 'bias', shape: [3], data: rnd(3, 0.1) },
      { layer: 'o', role: 'kernel', shape: [27, 4], data: rnd(108, 0.4) },
      { layer: 'o', role: 'bias', shape: [4], data: rnd(4, 0.1) },
    ];
    const ranges: Record<string, [number, number]> = { c1: [0, 3], d1: [-3, 3], a1: [0, 5], o: [-6, 6] };
    const im16 = compileInteger(quantizeModel(spec, weights, ranges, S16));
    const add = im16.ops.find((o) => o.kind === 'add')!;
    expect(add.kind === 'add' && add.leftShift).toBe(15);
    let maxErr16 = 0;
    for (let s = 0; s < 10; s++) {
      const x = Float32Array.from({ length: 36 }, () => Math.round(r() * 255) / 255);
      runSample(im16, x);
      for (const op of im16.ops) {
        if (op.kind !== 'dense' && op.kind !== 'conv2d' && op.kind !== 'depthwiseConv2d') continue;
        // Float reference of the same integer math: round(M·(Σ x·w + b)).
        const { g } = op;
        for (let i = 0; i < op.output.data.length; i++) {
          const c = i % g.cout;
          const pos = (i - c) / g.cout;
          const oy = Math.floor(pos / g.outW);
          const ox = pos % g.outW;
          let acc = op.bias[c];
          for (let ky = 0; ky < g.kh; ky++) for (let kx = 0; kx < g.kw; kx++) {
            const iy = oy * g.sh - g.padT + ky;
            const ix = ox * g.sw - g.padL + kx;
            if (iy < 0 || ix < 0 || iy >= g.inH || ix >= g.inW) continue;
            const cins = op.kind === 'depthwiseConv2d' ? [c] : [...Array(g.cin).keys()];
            for (const ci of cins) {
              const wi = op.kind === 'depthwiseConv2d' ? (ky * g.kw + kx) * g.cout + c : ((ky * g.kw + kx) * g.cin + ci) * g.cout + c;
              acc += op.input.data[(iy * g.inW + ix) * g.cin + ci] * op.w[wi];
            }
          }
          const m = (op.multiplier[c] / 2 ** 31) * 2 ** op.shift[c];
          const ref = Math.min(Math.max(Math.round(acc * m), op.actMin), op.actMax);
          maxErr16 = Math.max(maxErr16, Math.abs(ref - op.output.data[i]));
          expect(op.output.data[i]).toBeGreaterThanOrEqual(-32768);
          expect(op.output.data[i]).toBeLessThanOrEqual(32767);
        }
      }
    }
    expect(maxErr16).toBeLessThanOrEqual(1);
  });

  it('refuses 16-bit activations with more than 8-bit weights', () => {
    const spec: ModelSpec = { id: 'd', name: 'd', inputShape: [1], layers: [{ type: 'dense', name: 'd', units: 1 }] };
    const w: WeightSet = [{ layer: 'd', role: 'kernel', shape: [1, 1], data: Float32Array.from([1]) }];
    expect(() => compileInteger(quantizeModel(spec, w, { d: [-1, 1] }, { ...S16, weightBits: 12 }))).toThrow(/16x8/);
  });
});
