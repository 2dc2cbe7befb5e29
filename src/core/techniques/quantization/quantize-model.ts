/**
 * Post-training conversion of a float model into its quantized description: per layer the integer
 * weights with their scales and zero points, int32 biases with scale s_in·s_w, and per tensor the
 * activation parameters. This is plain data: the fake-quant model (tfjs), the integer-only engine and
 * the page's "integer representation" all read it.
 */
import type { ModelSpec, WeightSet } from '../../model/spec';
import {
  dequantize,
  quantize,
  tensorParams,
  weightParams,
  type Granularity,
  type QuantParams,
  type Rounding,
  type Scheme,
} from './affine';
import { planQuantization, paramsSource, type QuantPlan, type WeightedOp } from './graph';
import { deriveSeed } from '../../data/random';

export interface QuantSettings {
  weightBits: number;
  /** Mixed precision: weight bits of named layers (2..8), replacing `weightBits` for them (PTQ). */
  layerBits?: Record<string, number>;
  activationBits: number;
  scheme: Scheme;
  granularity: Granularity;
  /**
   * Overrides for what TFLite's converter does differently from one global choice: activations
   * asymmetric while weights are symmetric, and per-tensor dense weights (what TFLM expects) while
   * conv weights are per-channel. Default: `scheme` and `granularity`.
   */
  activationScheme?: Scheme;
  denseGranularity?: Granularity;
  rounding: Rounding;
  seed: number;
  /** Clipping overrides of weight ranges by layer name (e.g. dragged on the page). */
  weightClip?: Record<string, [number, number]>;
  /**
   * How the integer path rounds x·M: "double" = gemmlowp / TFLite default (high-mul, then shift),
   * "single" = TFLITE_SINGLE_ROUNDING (one rounding in 64-bit). Default double.
   */
  requantRounding?: 'double' | 'single';
}

/**
 * The model input is MNIST pixels p/255: as int8 they are exactly p − 128 with scale 1/255
 * (what a camera pipeline feeds an int8 model), whatever the activation bit depth.
 */
export const INPUT_PARAMS: QuantParams = { bits: 8, qmin: -128, qmax: 127, scale: [Math.fround(1 / 255)], zeroPoint: [-128] };

export interface LayerQuant {
  layer: string;
  op: WeightedOp;
  kernelShape: number[];
  channels: number;
  weightParams: QuantParams;
  /** Integer kernel, same layout as the float kernel. */
  weightQ: Int32Array;
  /** int32 bias (scale s_in·s_w[c], zero point 0), one per output channel. */
  biasQ: Int32Array;
  biasScale: Float64Array;
  /** Real multipliers s_in·s_w[c] / s_out per output channel. */
  multipliers: Float64Array;
  inputTensor: string;
  outputTensor: string;
}

export interface QuantizedModel {
  spec: ModelSpec;
  plan: QuantPlan;
  settings: QuantSettings;
  /** Resolved per-tensor parameters for every tensor of the plan. */
  tensors: Map<string, QuantParams>;
  layers: Map<string, LayerQuant>;
}

const INT32_MAX = 2147483647;

/**
 * ranges: calibrated [lo, hi] for every tensor in plan.calibrated (see calibrate.ts).
 * The spec must be batch-norm free (fold-bn.ts).
 */
export function quantizeModel(
  spec: ModelSpec,
  weights: WeightSet,
  ranges: Record<string, [number, number]>,
  settings: QuantSettings,
): QuantizedModel {
  const plan = planQuantization(spec);
  const tensors = new Map<string, QuantParams>();
  tensors.set('input', INPUT_PARAMS);
  for (const name of plan.calibrated) {
    const r = ranges[name];
    if (!r) throw new Error(`no calibrated range for tensor "${name}"`);
    tensors.set(name, tensorParams(r[0], r[1], settings.activationBits, settings.activationScheme ?? settings.scheme));
  }
  for (const [name] of plan.tensors) {
    if (!tensors.has(name)) tensors.set(name, tensors.get(paramsSource(plan, name))!);
  }

  const layers = new Map<string, LayerQuant>();
  for (const op of plan.ops) {
    if (op.kind !== 'dense' && op.kind !== 'conv2d' && op.kind !== 'depthwiseConv2d') continue;
    const k = weights.find((w) => w.layer === op.layer && w.role === 'kernel');
    if (!k) throw new Error(`no kernel for layer "${op.layer}"`);
    const channels = op.outShape[op.outShape.length - 1];
    const wp = weightParams(k.data, {
      bits: settings.layerBits?.[op.layer] ?? settings.weightBits,
      scheme: settings.scheme,
      granularity: op.kind === 'dense' ? (settings.denseGranularity ?? settings.granularity) : settings.granularity,
      channels,
      clip: settings.weightClip?.[op.layer],
    });
    const weightQ = quantize(k.data, wp, settings.rounding, deriveSeed(settings.seed, op.layer));
    const sIn = tensors.get(op.inputs[0])!.scale[0];
    const sOut = tensors.get(op.out)!.scale[0];
    const bias = weights.find((w) => w.layer === op.layer && w.role === 'bias')?.data;
    const biasScale = new Float64Array(channels);
    const biasQ = new Int32Array(channels);
    const multipliers = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      const sw = wp.scale[wp.scale.length === 1 ? 0 : c];
      biasScale[c] = sIn * sw;
      const q = bias ? Math.round(bias[c] / biasScale[c]) : 0;
      biasQ[c] = Math.max(-INT32_MAX, Math.min(INT32_MAX, q));
      multipliers[c] = (sIn * sw) / sOut;
    }
    layers.set(op.layer, {
      layer: op.layer,
      op,
      kernelShape: k.shape,
      channels,
      weightParams: wp,
      weightQ,
      biasQ,
      biasScale,
      multipliers,
      inputTensor: op.inputs[0],
      outputTensor: op.out,
    });
  }
  return { spec, plan, settings, tensors, layers };
}

/** The float weights a fake-quant model uses: exactly the dequantized integers of the conversion. */
export function fakeQuantWeightSet(qm: QuantizedModel, weights: WeightSet): WeightSet {
  return weights.map((w) => {
    const lq = qm.layers.get(w.layer);
    if (!lq) return w;
    if (w.role === 'kernel') return { ...w, data: dequantize(lq.weightQ, lq.weightParams) };
    if (w.role === 'bias') return { ...w, data: Float32Array.from(lq.biasQ, (q, c) => q * lq.biasScale[c]) };
    return w;
  });
}

/** Bytes of the stored model: weights packed at b bits, int32 biases, one scale + zero point per channel. */
export function quantizedModelBytes(qm: QuantizedModel): number {
  let bytes = 0;
  for (const lq of qm.layers.values()) {
    bytes += Math.ceil((lq.weightQ.length * lq.weightParams.bits) / 8);
    bytes += 4 * lq.biasQ.length;
    bytes += 8 * lq.weightParams.scale.length;
  }
  return bytes + 8 * qm.tensors.size;
}
