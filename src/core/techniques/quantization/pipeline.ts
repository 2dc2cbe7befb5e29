/**
 * The PTQ pipeline on a TfModel, shared by the worker and the measurement script:
 * calibrate → convert (quantizeModel) → evaluate the fake-quant model → run the integer-only model
 * and compare it with the fake-quant outputs LSB by LSB.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';
import { calibrateRange, type CalibrationMethod } from './calibrate';
import { planQuantization, type QuantPlan } from './graph';
import { fakeQuantWeightSet, is16x8, quantizeModel, type QuantizedModel, type QuantSettings } from './quantize-model';
import { activationHooks } from './fake-quant';
import { accuracyOf, collectActivations, predictLogits } from './collect';
import { compileInteger, runInteger, type IntegerModel } from './integer-model';

export interface PtqOptions extends QuantSettings {
  calibration: CalibrationMethod;
  /** For percentile calibration, e.g. 99.9. */
  percentile: number;
  /** Clipping ranges set by hand (page), by tensor name; they win over calibration. */
  rangeOverrides?: Record<string, [number, number]>;
}

export interface Calibration {
  plan: QuantPlan;
  /** Sample values per calibrated tensor (for histograms). */
  samples: Map<string, Float32Array>;
  ranges: Record<string, [number, number]>;
}

export function calibrateModel(model: TfModel, calibXs: tf.Tensor, o: PtqOptions): Calibration {
  const plan = planQuantization(model.spec);
  const samples = collectActivations(model, calibXs, plan);
  const ranges: Record<string, [number, number]> = {};
  for (const name of plan.calibrated) {
    ranges[name] = o.rangeOverrides?.[name] ??
      calibrateRange(samples.get(name) ?? new Float32Array(1), {
        method: o.calibration,
        bits: o.activationBits,
        scheme: is16x8(o) ? 'symmetric' : o.scheme, // 16x8 activations are symmetric
        percentile: o.percentile,
      });
  }
  return { plan, samples, ranges };
}

export interface FakeQuantResult {
  qm: QuantizedModel;
  logits: Float32Array;
  accuracy: number;
}

/**
 * Converts `float` with the given activation ranges and evaluates the fake-quant model: `scratch` (a
 * model of the same spec) receives the dequantized integer weights and runs with activation fake quant.
 */
export function convertAndEvaluate(
  float: TfModel,
  scratch: TfModel,
  ranges: Record<string, [number, number]>,
  o: QuantSettings,
  testXs: tf.Tensor,
  testLabels: ArrayLike<number>,
): FakeQuantResult {
  const weights = float.getWeights();
  const qm = quantizeModel(float.spec, weights, ranges, o);
  scratch.setWeights(fakeQuantWeightSet(qm, weights));
  const logits = predictLogits(scratch, testXs, activationHooks(qm));
  return { qm, logits, accuracy: accuracyOf(logits, testLabels) };
}

export interface LsbAgreement {
  outputs: number;
  /** Outputs where integer-only and fake-quant give the same int8 value. */
  exact: number;
  /** … differ by at most one step (1 LSB). */
  withinOne: number;
  maxDiff: number;
}

/** Compares integer-only int8 outputs with fake-quant logits mapped back onto the output grid. */
export function compareOutputs(im: IntegerModel, intOut: Int32Array, fakeLogits: Float32Array, count: number): LsbAgreement {
  const t = im.output;
  let exact = 0;
  let withinOne = 0;
  let maxDiff = 0;
  const n = count * t.data.length;
  for (let i = 0; i < n; i++) {
    const v = fakeLogits[i] / t.scale;
    const qf = Math.min(Math.max(Math.sign(v) * Math.round(Math.abs(v)) + t.zeroPoint, t.qmin), t.qmax);
    const d = Math.abs(qf - intOut[i]);
    if (d === 0) exact++;
    if (d <= 1) withinOne++;
    if (d > maxDiff) maxDiff = d;
  }
  return { outputs: n, exact, withinOne, maxDiff };
}

export interface IntegerResult {
  accuracy: number;
  agreement: LsbAgreement;
  /** Samples run (fewer when stopped). */
  done: number;
  outputs: Int32Array;
}

export async function integerEvaluate(
  qm: QuantizedModel,
  pixels: Float32Array,
  labels: ArrayLike<number>,
  fakeLogits: Float32Array,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<IntegerResult> {
  const im = compileInteger(qm);
  const run = await runInteger(im, pixels, labels.length, opts);
  let correct = 0;
  for (let i = 0; i < run.done; i++) if (run.predictions[i] === labels[i]) correct++;
  return {
    accuracy: run.done ? correct / run.done : NaN,
    agreement: compareOutputs(im, run.outputs, fakeLogits, run.done),
    done: run.done,
    outputs: run.outputs,
  };
}
