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
import { lower } from '../../devices/lower';
import { quantizedWeightsOnly } from '../../devices/model-size';

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
  /**
   * The model input's real range when it is not MNIST pixels in [0, 1] (a standardised sensor window):
   * 8-bit asymmetric input parameters calibrated from it instead of INPUT_PARAMS. Unset: INPUT_PARAMS.
   */
  inputRange?: [number, number];
}

/**
 * The model input is MNIST pixels p/255: as int8 they are exactly p − 128 with scale 1/255
 * (what a camera pipeline feeds an int8 model), whatever the activation bit depth.
 */
export const INPUT_PARAMS: QuantParams = { bits: 8, qmin: -128, qmax: 127, scale: [Math.fround(1 / 255)], zeroPoint: [-128] };

/**
 * 16x8 mode: int16 input too, symmetric with zero point 0 (the 16x8 kernels take no input offset).
 * Scale 1/(255·128) stores pixel p as exactly 128·p ≤ 32,640.
 */
export const INPUT_PARAMS_16X8: QuantParams = { bits: 16, qmin: -32768, qmax: 32767, scale: [Math.fround(1 / (255 * 128))], zeroPoint: [0] };

/**
 * TFLite's 16x8 quantization mode (the converter's EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8):
 * int16 activations, symmetric with zero point 0, and integer weights of at most 8 bits. Chosen
 * here by 16 activation bits with ≤ 8-bit integer weights.
 */
export function is16x8(s: Pick<QuantSettings, 'activationBits' | 'weightBits' | 'layerBits'>): boolean {
  return s.activationBits === 16 && s.weightBits <= 8 && Object.values(s.layerBits ?? {}).every((b) => b <= 8);
}

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
  /** 16x8 mode only: the int64 bias TFLite's 16x8 kernels use (exact in a double up to 2^47). */
  biasQ64?: Float64Array;
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
/** The int64 accumulator bound of TFLite's 64-bit requantization (|x| < 2^47). */
const INT47 = 2 ** 47 - 1;

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
  const mode16 = is16x8(settings);
  const input = settings.inputRange ? tensorParams(settings.inputRange[0], settings.inputRange[1], 8, 'asymmetric') : INPUT_PARAMS;
  tensors.set('input', mode16 ? INPUT_PARAMS_16X8 : input);
  // 16x8: every activation symmetric (zero point 0), whatever "Scheme" says for the weights.
  const actScheme = mode16 ? 'symmetric' : (settings.activationScheme ?? settings.scheme);
  for (const name of plan.calibrated) {
    const r = ranges[name];
    if (!r) throw new Error(`no calibrated range for tensor "${name}"`);
    tensors.set(name, tensorParams(r[0], r[1], settings.activationBits, actScheme));
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
    const biasQ64 = mode16 ? new Float64Array(channels) : undefined;
    const multipliers = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      const sw = wp.scale[wp.scale.length === 1 ? 0 : c];
      biasScale[c] = sIn * sw;
      const q = bias ? Math.round(bias[c] / biasScale[c]) : 0;
      biasQ[c] = Math.max(-INT32_MAX, Math.min(INT32_MAX, q));
      if (biasQ64) biasQ64[c] = Math.max(-INT47, Math.min(INT47, q));
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
      biasQ64,
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
    if (w.role === 'bias') return { ...w, data: Float32Array.from(lq.biasQ64 ?? lq.biasQ, (q, c) => q * lq.biasScale[c]) };
    return w;
  });
}

/**
 * "Weights only" (core/devices/model-size): weights packed at b bits, int32 (16x8: int64) biases, the
 * quantization parameters of each channel and of each op's output — the device panel's definition.
 */
export function quantizedModelBytes(qm: QuantizedModel): number {
  const layers = [...qm.layers.values()].map((lq) => ({
    kernelBytes: Math.ceil((lq.weightQ.length * lq.weightParams.bits) / 8),
    biasBytes: (lq.biasQ64 ? 8 : 4) * lq.biasQ.length, // 16x8 stores int64 biases
    quantChannels: lq.weightParams.scale.length,
  }));
  return quantizedWeightsOnly(layers, lower(qm.spec, { dtype: 'int8' }).ops.length);
}
