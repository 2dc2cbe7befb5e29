/**
 * The integer kernels' fast paths (im2col dot products, two channels packed per double, four
 * channels per pass) must give exactly what a direct integer loop gives: every accumulator is an
 * integer, so there is no tolerance here. Odd channel counts, stride 2, same/valid padding, a depth
 * multiplier, 4- and 8-bit weights, and the unpacked path (forced) as well as the packed one.
 */
import { describe, expect, it } from 'vitest';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { analyzeSpec } from '../../model/analyze';
import { mulberry32, normal } from '../../data/random';
import { planQuantization } from './graph';
import { quantizeModel, type QuantSettings } from './quantize-model';
import { compileInteger, runSample, type CompiledWeighted, type IntegerModel } from './integer-model';

const ODD: ModelSpec = {
  id: 'odd',
  name: 'odd shapes',
  inputShape: [9, 7, 3],
  layers: [
    { type: 'conv2d', name: 'c1', filters: 5, kernel: 3, stride: 2, padding: 'same', activation: 'relu' },
    { type: 'depthwiseConv2d', name: 'd1', kernel: 3, stride: 1, padding: 'same', depthMultiplier: 3 },
    { type: 'conv2d', name: 'c2', filters: 7, kernel: 2, stride: 1, padding: 'valid', activation: 'relu' },
    { type: 'conv2d', name: 'c3', filters: 6, kernel: 3, stride: 2, padding: 'valid' },
    { type: 'flatten', name: 'flat' },
    { type: 'dense', name: 'f1', units: 9, activation: 'relu' },
    { type: 'dense', name: 'f2', units: 3 },
  ],
};

function randomWeights(spec: ModelSpec, seed: number): WeightSet {
  const r = mulberry32(seed);
  const ws: WeightSet = [];
  for (const li of analyzeSpec(spec).layers) {
    if (!li.kernelParams) continue;
    const k = (spec.layers[li.index] as { kernel?: number }).kernel ?? 1;
    const cin = li.type === 'dense' ? li.inputShapes[0][0] : li.inputShapes[0][2];
    const shape = li.type === 'dense' ? [cin, li.outChannels] : li.type === 'conv2d' ? [k, k, cin, li.outChannels] : [k, k, cin, li.outChannels / cin];
    const fanIn = li.kernelParams / li.outChannels;
    ws.push({ layer: li.name, role: 'kernel', shape, data: Float32Array.from({ length: li.kernelParams }, () => normal(r) / Math.sqrt(fanIn)) });
    ws.push({ layer: li.name, role: 'bias', shape: [li.outChannels], data: Float32Array.from({ length: li.outChannels }, () => 0.1 * normal(r)) });
  }
  return ws;
}

function build(settings: QuantSettings): IntegerModel {
  const ranges: Record<string, [number, number]> = {};
  for (const t of planQuantization(ODD).calibrated) ranges[t] = [-1.5, 2.5];
  // The JS kernels (the SIMD path has its own test, integer-simd.test.ts).
  return compileInteger(quantizeModel(ODD, randomWeights(ODD, 5), ranges, settings), { simd: false });
}

/** The direct loop: Σ (x − z_x)·w over the window, + bias, requantized by the op's own function. */
function direct(op: CompiledWeighted): Int32Array {
  const { g } = op;
  const C = g.cout;
  const out = new Int32Array(op.output.data.length);
  for (let i = 0; i < out.length; i++) {
    const c = i % C;
    const pos = (i - c) / C;
    const oy = Math.floor(pos / g.outW);
    const ox = pos % g.outW;
    let acc = 0;
    for (let ky = 0; ky < g.kh; ky++) {
      for (let kx = 0; kx < g.kw; kx++) {
        const iy = oy * g.sh - g.padT + ky;
        const ix = ox * g.sw - g.padL + kx;
        if (iy < 0 || ix < 0 || iy >= g.inH || ix >= g.inW) continue;
        const cins = op.kind === 'depthwiseConv2d' ? [Math.floor(c / op.mult)] : [...Array(g.cin).keys()];
        for (const ci of cins) {
          const wi = op.kind === 'depthwiseConv2d' ? (ky * g.kw + kx) * C + c : ((ky * g.kw + kx) * g.cin + ci) * C + c;
          acc += (op.input.data[(iy * g.inW + ix) * g.cin + ci] - op.input.zeroPoint) * op.w[wi];
        }
      }
    }
    const v = op.output.zeroPoint + op.requant(acc + op.bias[c], op.multiplier[c], op.shift[c]);
    out[i] = Math.min(Math.max(v, op.actMin), op.actMax);
  }
  return out;
}

const S8: QuantSettings = { weightBits: 8, activationBits: 8, scheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 };

describe('integer kernels: fast paths equal the direct loop exactly', () => {
  for (const settings of [S8, { ...S8, scheme: 'symmetric', granularity: 'per-tensor', weightBits: 4 } as QuantSettings]) {
    it(`w${settings.weightBits} ${settings.scheme} ${settings.granularity}: packed and unpacked`, () => {
      const packedModel = build(settings);
      const plainModel = build(settings);
      const weighted = (im: IntegerModel) => im.ops.filter((o): o is CompiledWeighted => 'requant' in o && 'g' in o);
      // Small layers here: every dense/conv fits the packing bound; the forced copy runs unpacked.
      const packable = weighted(packedModel).filter((o) => o.kind !== 'depthwiseConv2d');
      expect(packable.every((o) => o.packed !== null)).toBe(true);
      for (const o of weighted(plainModel)) o.packed = null;
      const r = mulberry32(8);
      for (let s = 0; s < 10; s++) {
        const x = Float32Array.from({ length: packedModel.input.data.length }, () => r());
        runSample(packedModel, x);
        runSample(plainModel, x);
        for (const [i, op] of weighted(packedModel).entries()) {
          const expected = direct(op);
          expect(Array.from(op.output.data)).toEqual(Array.from(expected));
          expect(Array.from(weighted(plainModel)[i].output.data)).toEqual(Array.from(expected));
        }
      }
    });
  }

  it('a layer whose sums could reach 2^25 (1,100 inputs, 8-bit) is not packed, and is still exact', () => {
    const wide: ModelSpec = { id: 'wide', name: 'wide', inputShape: [1100], layers: [{ type: 'dense', name: 'f', units: 5 }] };
    const im = compileInteger(quantizeModel(wide, randomWeights(wide, 2), { input: [0, 1], f: [-3, 3] }, S8), { simd: false });
    const op = im.ops[0] as CompiledWeighted;
    expect(op.packed).toBeNull();
    const r = mulberry32(4);
    runSample(im, Float32Array.from({ length: 1100 }, () => r()));
    expect(Array.from(op.output.data)).toEqual(Array.from(direct(op)));
  });
});
