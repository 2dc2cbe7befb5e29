/**
 * The affine (uniform) quantizer: q = clamp(round(x / s) + z, qmin, qmax), x̂ = s · (q − z).
 * Pure TypeScript over typed arrays; the tfjs fake-quant (fake-quant.ts) and the integer-only
 * engine (integer-model.ts) both use these parameters, so the page, PTQ, QAT and the int8 path
 * agree on every scale and zero point.
 *
 * Conventions (TFLite int8 spec): weights symmetric with a narrow range [−(2^(b−1)−1), 2^(b−1)−1]
 * so that −q is always representable; activations asymmetric over the full range [−2^(b−1), 2^(b−1)−1].
 * Per-channel means one scale per output channel = the flattened trailing axes of the kernel
 * (dense [in, out] → out; conv [kh, kw, cin, cout] → cout; depthwise [kh, kw, cin, m] → cin·m),
 * so the channel of flat index i is i mod C.
 * Scales are stored as float32 values (Math.fround) because tfjs computes in float32.
 */
import { mulberry32 } from '../../data/random';

export type Scheme = 'symmetric' | 'asymmetric';
export type Granularity = 'per-tensor' | 'per-channel';
export type Rounding = 'nearest' | 'stochastic';

export interface QuantParams {
  bits: number;
  qmin: number;
  qmax: number;
  /** One entry per channel (length 1 for per-tensor). */
  scale: number[];
  zeroPoint: number[];
}

export const MIN_BITS = 2;
export const MAX_BITS = 16;

/** Integer range for a bit depth; `narrow` drops the most negative code (symmetric weights). */
export function intRange(bits: number, narrow: boolean): [number, number] {
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw new RangeError(`bits must be an integer in ${MIN_BITS}..${MAX_BITS}, got ${bits}`);
  }
  const half = 2 ** (bits - 1);
  return [narrow ? -(half - 1) : -half, half - 1];
}

/**
 * Scale and zero point covering [min, max]. The range is first widened to contain 0 so that real
 * zero (padding, ReLU output) is exactly representable, as every integer runtime requires.
 */
export function paramsForRange(
  min: number,
  max: number,
  bits: number,
  scheme: Scheme,
  narrow = scheme === 'symmetric',
): { scale: number; zeroPoint: number; qmin: number; qmax: number } {
  const [qmin, qmax] = intRange(bits, narrow);
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  if (scheme === 'symmetric') {
    const a = Math.max(-lo, hi);
    // An all-zero tensor still needs a valid, positive scale.
    const scale = a > 0 ? Math.fround(a / qmax) : 1;
    return { scale, zeroPoint: 0, qmin, qmax };
  }
  const span = hi - lo;
  if (!(span > 0)) return { scale: 1, zeroPoint: Math.min(Math.max(0, qmin), qmax), qmin, qmax };
  const scale = Math.fround(span / (qmax - qmin));
  const zp = Math.round(qmin - lo / scale);
  return { scale, zeroPoint: Math.min(Math.max(zp, qmin), qmax), qmin, qmax };
}

/** Min and max of each channel (channel = i mod channels). */
export function channelRanges(x: ArrayLike<number>, channels: number): { min: number[]; max: number[] } {
  const min = new Array<number>(channels).fill(Infinity);
  const max = new Array<number>(channels).fill(-Infinity);
  for (let i = 0; i < x.length; i++) {
    const c = i % channels;
    const v = x[i];
    if (v < min[c]) min[c] = v;
    if (v > max[c]) max[c] = v;
  }
  for (let c = 0; c < channels; c++) {
    if (min[c] === Infinity) min[c] = max[c] = 0;
  }
  return { min, max };
}

export interface WeightQuantOptions {
  bits: number;
  scheme: Scheme;
  granularity: Granularity;
  /** Output channels of the kernel (the trailing axes; see the header). */
  channels: number;
  /** Optional clipping of the range (e.g. dragged on the page): [lo, hi] applied to every channel. */
  clip?: [number, number];
}

/** Parameters for a weight tensor: min/max per channel or per tensor, optionally clipped. */
export function weightParams(w: ArrayLike<number>, o: WeightQuantOptions): QuantParams {
  const n = o.granularity === 'per-channel' ? o.channels : 1;
  const { min, max } = channelRanges(w, n);
  const scale: number[] = [];
  const zeroPoint: number[] = [];
  let qmin = 0;
  let qmax = 0;
  for (let c = 0; c < n; c++) {
    let lo = min[c];
    let hi = max[c];
    if (o.clip) {
      lo = Math.max(lo, o.clip[0]);
      hi = Math.min(hi, o.clip[1]);
    }
    const p = paramsForRange(lo, hi, o.bits, o.scheme);
    scale.push(p.scale);
    zeroPoint.push(p.zeroPoint);
    qmin = p.qmin;
    qmax = p.qmax;
  }
  return { bits: o.bits, qmin, qmax, scale, zeroPoint };
}

/** Per-tensor parameters from a range (activations). */
export function tensorParams(min: number, max: number, bits: number, scheme: Scheme): QuantParams {
  const p = paramsForRange(min, max, bits, scheme, false);
  return { bits, qmin: p.qmin, qmax: p.qmax, scale: [p.scale], zeroPoint: [p.zeroPoint] };
}

/**
 * x → integers. Nearest rounds half away from zero (std::round, as the TFLite converter does);
 * stochastic rounds up with probability equal to the fraction (unbiased on average), seeded.
 */
export function quantize(x: ArrayLike<number>, p: QuantParams, rounding: Rounding = 'nearest', seed = 1): Int32Array {
  const n = p.scale.length;
  const out = new Int32Array(x.length);
  const rand = rounding === 'stochastic' ? mulberry32(seed) : null;
  for (let i = 0; i < x.length; i++) {
    const c = n === 1 ? 0 : i % n;
    const v = x[i] / p.scale[c];
    const r = rand ? Math.floor(v + rand()) : Math.sign(v) * Math.round(Math.abs(v));
    const q = r + p.zeroPoint[c];
    out[i] = q < p.qmin ? p.qmin : q > p.qmax ? p.qmax : q;
  }
  return out;
}

/** Integers → the real values they stand for (float32). */
export function dequantize(q: ArrayLike<number>, p: QuantParams): Float32Array {
  const n = p.scale.length;
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const c = n === 1 ? 0 : i % n;
    out[i] = p.scale[c] * (q[i] - p.zeroPoint[c]);
  }
  return out;
}

/** Quantize then dequantize: what the network "sees" after quantization. */
export function fakeQuantize(x: ArrayLike<number>, p: QuantParams, rounding: Rounding = 'nearest', seed = 1): Float32Array {
  return dequantize(quantize(x, p, rounding, seed), p);
}

/** The real range [lo, hi] a channel can represent (the clipping range). */
export function representableRange(p: QuantParams, channel = 0): [number, number] {
  const s = p.scale[channel];
  const z = p.zeroPoint[channel];
  return [s * (p.qmin - z), s * (p.qmax - z)];
}

/** The real values of all 2^b levels of one channel (for drawing the grid over a histogram). */
export function levels(p: QuantParams, channel = 0): number[] {
  const out: number[] = [];
  for (let q = p.qmin; q <= p.qmax; q++) out.push(p.scale[channel] * (q - p.zeroPoint[channel]));
  return out;
}
