/**
 * Pure view-model of the histogram explorer: given float values, a clipping range and the bit depth,
 * the quantization parameters, the error numbers and the histogram series. Cheap enough to recompute
 * on every slider move (tens of thousands of values).
 */
import { fakeQuantize, levels, paramsForRange, quantize, type QuantParams, type Scheme } from '../../core/techniques/quantization/affine';
import { histogram } from '../../core/techniques/quantization/metrics';
import { quantError, type QuantError } from '../../core/techniques/quantization/metrics';

export interface HistogramView {
  params: QuantParams;
  error: QuantError;
  /** One row per bin: centre, float count, quantized count. */
  bins: { x: number; float: number; quantized: number }[];
  /** Real values of the levels (only when there are at most `maxLevels`). */
  levels: number[] | null;
  levelCount: number;
  domain: [number, number];
  examples: { x: number; q: number; xq: number }[];
}

export function histogramView(values: Float32Array, clip: [number, number], bits: number, scheme: Scheme, narrow: boolean, domain?: [number, number], binsCount = 60, maxLevels = 64): HistogramView {
  const p = paramsForRange(clip[0], clip[1], bits, scheme, narrow);
  const params: QuantParams = { bits, qmin: p.qmin, qmax: p.qmax, scale: [p.scale], zeroPoint: [p.zeroPoint] };
  const xq = fakeQuantize(values, params);
  const rep: [number, number] = [p.scale * (p.qmin - p.zeroPoint), p.scale * (p.qmax - p.zeroPoint)];
  const error = quantError(values, xq, rep);
  let lo = domain?.[0] ?? Math.min(clip[0], rep[0]);
  let hi = domain?.[1] ?? Math.max(clip[1], rep[1]);
  if (!domain) {
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const hf = histogram(values, binsCount, lo, hi);
  const hq = histogram(xq, binsCount, lo, hi);
  const bins = hf.counts.map((c, i) => ({ x: hf.lo + (i + 0.5) * hf.width, float: c, quantized: hq.counts[i] }));
  const levelCount = p.qmax - p.qmin + 1;
  const q = quantize(values.subarray(0, 8), params);
  return {
    params,
    error,
    bins,
    levels: levelCount <= maxLevels ? levels(params) : null,
    levelCount,
    domain: [lo, hi],
    examples: Array.from(q, (qi, i) => ({ x: values[i], q: qi, xq: xq[i] })),
  };
}

/** Values of one output channel of a kernel (channel = flat index mod channels). */
export function channelValues(kernel: Float32Array, channels: number, channel: number): Float32Array {
  const out = new Float32Array(Math.floor(kernel.length / channels));
  for (let i = 0; i < out.length; i++) out[i] = kernel[i * channels + channel];
  return out;
}
