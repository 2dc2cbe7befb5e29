/**
 * Plain-data summaries of a quantized model for the page: per-layer weight error and memory by
 * dtype, per-tensor activation parameters, and the whole model's size at fp32 / fp16 / int8 / int4.
 */
import type { WeightSet } from '../../model/spec';
import { dequantize, fakeQuantize, representableRange, type QuantParams } from './affine';
import { quantError } from './metrics';
import type { QuantizedModel } from './quantize-model';

export interface LayerReport {
  name: string;
  kind: 'dense' | 'conv2d' | 'depthwiseConv2d';
  kernelShape: number[];
  channels: number;
  weights: number;
  weightParams: QuantParams;
  /** SQNR and max error of the kernel after quantization. */
  sqnrDb: number;
  maxAbsError: number;
  /** Kernel + bias bytes at each dtype (int formats: int32 bias and one scale/zero point per channel). */
  bytes: { fp32: number; fp16: number; int8: number; int4: number };
  inputTensor: string;
  outputTensor: string;
}

export interface TensorReport {
  name: string;
  shape: number[];
  params: QuantParams;
  /** Where its parameters come from: the fixed input, calibration, or another tensor. */
  source: 'input' | 'calibrated' | string;
  /** SQNR of the calibration samples under these parameters (calibrated tensors, when samples exist). */
  sqnrDb?: number;
  /** Fraction of calibration samples outside the clipping range. */
  clipped?: number;
}

/** Bytes of one weighted layer's kernel + bias at a storage dtype. */
export function layerBytes(weights: number, channels: number, dtype: 'fp32' | 'fp16' | 'int8' | 'int4', perChannel = true): number {
  if (dtype === 'fp32') return 4 * (weights + channels);
  if (dtype === 'fp16') return 2 * (weights + channels);
  const bits = dtype === 'int8' ? 8 : 4;
  return Math.ceil((weights * bits) / 8) + 4 * channels + 8 * (perChannel ? channels : 1);
}

export function layerReports(qm: QuantizedModel, floatWeights: WeightSet): LayerReport[] {
  const out: LayerReport[] = [];
  for (const lq of qm.layers.values()) {
    const k = floatWeights.find((w) => w.layer === lq.layer && w.role === 'kernel')!;
    const err = quantError(k.data, dequantize(lq.weightQ, lq.weightParams));
    const perChannel = lq.weightParams.scale.length > 1;
    const n = lq.weightQ.length;
    out.push({
      name: lq.layer,
      kind: lq.op.kind,
      kernelShape: lq.kernelShape,
      channels: lq.channels,
      weights: n,
      weightParams: lq.weightParams,
      sqnrDb: err.sqnrDb,
      maxAbsError: err.maxAbsError,
      bytes: {
        fp32: layerBytes(n, lq.channels, 'fp32'),
        fp16: layerBytes(n, lq.channels, 'fp16'),
        int8: layerBytes(n, lq.channels, 'int8', perChannel),
        int4: layerBytes(n, lq.channels, 'int4', perChannel),
      },
      inputTensor: lq.inputTensor,
      outputTensor: lq.outputTensor,
    });
  }
  return out;
}

export function tensorReports(qm: QuantizedModel, samples?: Map<string, Float32Array>): TensorReport[] {
  return [...qm.plan.tensors.values()].map((t) => {
    const params = qm.tensors.get(t.name)!;
    const x = t.params === 'calibrated' ? samples?.get(t.name) : undefined;
    const err = x ? quantError(x, fakeQuantize(x, params), representableRange(params)) : undefined;
    return {
      name: t.name,
      shape: t.shape,
      params,
      source: typeof t.params === 'object' ? t.params.from : t.params,
      sqnrDb: err?.sqnrDb,
      clipped: err?.clippedFraction,
    };
  });
}

/** SQNR over all kernels together (signal and noise energies summed across layers). */
export function modelWeightSqnr(qm: QuantizedModel, floatWeights: WeightSet): number {
  let sig = 0;
  let noise = 0;
  for (const lq of qm.layers.values()) {
    const k = floatWeights.find((w) => w.layer === lq.layer && w.role === 'kernel')!.data;
    const d = dequantize(lq.weightQ, lq.weightParams);
    for (let i = 0; i < k.length; i++) {
      sig += k[i] * k[i];
      noise += (k[i] - d[i]) ** 2;
    }
  }
  return noise === 0 ? Infinity : 10 * Math.log10(sig / noise);
}
