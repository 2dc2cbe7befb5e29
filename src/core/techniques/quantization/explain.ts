/**
 * Step-through of one output neuron of a dense/conv layer in the integer-only model: every
 * multiply-accumulate (q_x − z_x)(q_w − z_w), the int32 sum, the int32 bias, the fixed-point
 * requantization (multiplier, shift), the zero point and clamp, the final int8 value and the real
 * number it stands for. Reads the buffers left by runSample(), so run the sample first.
 */
import { multiplierValue, multiplyByQuantizedMultiplierSingle } from './fixed-point';
import type { CompiledWeighted, IntegerModel } from './integer-model';

export interface MacTerm {
  /** Flat index into the input tensor. */
  inputIndex: number;
  /** Flat index into the kernel. */
  weightIndex: number;
  xq: number;
  wq: number;
  product: number;
}

export interface NeuronTrace {
  layer: string;
  kind: CompiledWeighted['kind'];
  outputIndex: number;
  /** [y, x, channel] for conv outputs, [0, 0, unit] for dense. */
  position: [number, number, number];
  inputZeroPoint: number;
  weightZeroPoint: number;
  macs: MacTerm[];
  /** Σ (q_x − z_x)(q_w − z_w). */
  sum: number;
  bias: number;
  /** sum + bias: the int32 accumulator. */
  acc: number;
  inputScale: number;
  weightScale: number;
  outputScale: number;
  /** s_in · s_w / s_out. */
  realMultiplier: number;
  multiplier: number;
  shift: number;
  /** What multiplier·2^(shift−31) stands for. */
  fixedPointMultiplier: number;
  /** MultiplyByQuantizedMultiplier(acc, multiplier, shift). */
  scaled: number;
  /** Which requantization rounding produced `scaled`. */
  rounding: 'double' | 'single';
  outputZeroPoint: number;
  /** scaled + z_out before the clamp. */
  beforeClamp: number;
  clamp: [number, number];
  /** The fused activation the clamp implements (relu: lower bound = zero point = real 0). */
  activation: 'linear' | 'relu' | 'relu6';
  q: number;
  /** s_out · (q − z_out): the real value the int8 output stands for. */
  real: number;
  /** s_in · s_w · acc: the real value before rounding to the output grid. */
  exact: number;
}

export function weightedOps(im: IntegerModel): CompiledWeighted[] {
  return im.ops.filter((o): o is CompiledWeighted => o.kind === 'dense' || o.kind === 'conv2d' || o.kind === 'depthwiseConv2d');
}

export function traceNeuron(im: IntegerModel, layer: string, outputIndex: number): NeuronTrace {
  const op = weightedOps(im).find((o) => o.layer === layer);
  if (!op) throw new Error(`no dense/conv layer "${layer}" in the integer model`);
  const { g } = op;
  const C = g.cout;
  if (outputIndex < 0 || outputIndex >= op.output.data.length) throw new RangeError(`output index ${outputIndex} out of range`);
  const c = outputIndex % C;
  const pos = (outputIndex - c) / C;
  const oy = Math.floor(pos / g.outW);
  const ox = pos % g.outW;
  const x = op.input.data;
  const zIn = op.input.zeroPoint;
  const macs: MacTerm[] = [];
  let sum = 0;
  for (let ky = 0; ky < g.kh; ky++) {
    const iy = oy * g.sh - g.padT + ky;
    if (iy < 0 || iy >= g.inH) continue;
    for (let kx = 0; kx < g.kw; kx++) {
      const ix = ox * g.sw - g.padL + kx;
      if (ix < 0 || ix >= g.inW) continue;
      const xBase = (iy * g.inW + ix) * g.cin;
      const add = (ci: number, wi: number) => {
        const product = (x[xBase + ci] - zIn) * op.w[wi];
        macs.push({ inputIndex: xBase + ci, weightIndex: wi, xq: x[xBase + ci], wq: op.w[wi] + op.wZp[c], product });
        sum += product;
      };
      if (op.kind === 'depthwiseConv2d') add((c / op.mult) | 0, (ky * g.kw + kx) * C + c);
      else for (let ci = 0; ci < g.cin; ci++) add(ci, ((ky * g.kw + kx) * g.cin + ci) * C + c);
    }
  }
  const bias = op.bias[c];
  const acc = sum + bias;
  const multiplier = op.multiplier[c];
  const shift = op.shift[c];
  const scaled = op.requant(acc, multiplier, shift);
  const zOut = op.output.zeroPoint;
  const beforeClamp = scaled + zOut;
  const q = Math.min(Math.max(beforeClamp, op.actMin), op.actMax);
  const sw = op.wScale[c];
  const sIn = op.input.scale;
  const sOut = op.output.scale;
  return {
    layer,
    kind: op.kind,
    outputIndex,
    position: [oy, ox, c],
    inputZeroPoint: zIn,
    weightZeroPoint: op.wZp[c],
    macs,
    sum,
    bias,
    acc,
    inputScale: sIn,
    weightScale: sw,
    outputScale: sOut,
    realMultiplier: (sIn * sw) / sOut,
    multiplier,
    shift,
    fixedPointMultiplier: multiplierValue({ multiplier, shift }),
    scaled,
    rounding: op.requant === multiplyByQuantizedMultiplierSingle ? 'single' : 'double',
    outputZeroPoint: zOut,
    beforeClamp,
    clamp: [op.actMin, op.actMax],
    activation: op.activation,
    q,
    real: sOut * (q - zOut),
    exact: sIn * sw * acc,
  };
}
