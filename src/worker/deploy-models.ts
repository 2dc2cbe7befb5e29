/**
 * What "Model to deploy" offers and how each choice becomes the int8 model that is written: the
 * shelf's versions (newest first, with their lineage), the current baseline, and the Quantization
 * lab's unsaved result. A quantized shelf version is written with its own quantization parameters
 * when TFLite int8 can hold them (symmetric 8-bit weights, per-tensor dense, 8-bit activations);
 * otherwise the page says why and it is re-quantized from its float weights here.
 */
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import { planQuantization } from '../core/techniques/quantization/graph';
import { calibrateModel } from '../core/techniques/quantization/pipeline';
import { accuracyOf, predictLogits } from '../core/techniques/quantization/collect';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';
import { TFLITE_PTQ, quantizeForTflite } from '../core/export';
import type { ModelSpec, WeightSet } from '../core/model/spec';
import type { ModelVersion, QuantParams } from '../core/shelf/types';
import { notMnistReason, runningAccuracy, runsOnMnist } from '../core/shelf/types';
import { createSlot, getData, getSlot, hasSlot } from './context';
import { getVersion, shelfApi } from './shelf';
import { lastConversion } from './quantization';
import { SLOTS } from './protocol/slots';
import { isTimeSeries, recipeOf } from './ts-versions';
import type { DeployModelOption } from './protocol/deploy';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
export const SHELF_PREFIX = 'shelf:';

/** Why the Quantization lab's conversion cannot be written as TFLite int8 as it is, or null. */
export function incompatibility(qm: QuantizedModel): string | null {
  const s = qm.settings;
  if (s.weightBits !== 8 || s.activationBits !== 8) return `it uses ${s.weightBits}-bit weights and ${s.activationBits}-bit activations; TFLite int8 needs 8/8`;
  for (const lq of qm.layers.values()) {
    if (lq.weightParams.zeroPoint.some((z) => z !== 0)) return `layer "${lq.layer}" has asymmetric weights; TFLite int8 weights are symmetric (zero point 0)`;
    if (lq.op.kind === 'dense' && lq.weightParams.scale.length > 1) return `layer "${lq.layer}" has per-channel dense weights; TFLM's FULLY_CONNECTED takes per-tensor`;
  }
  if (s.requantRounding === 'single') return 'it uses single-rounding requantization; TFLite and LiteRT default to gemmlowp double rounding';
  if (s.rounding !== 'nearest') return 'its weights were rounded stochastically; the converter rounds to nearest';
  return null;
}

/** Why a shelf version's stored parameters cannot be written as TFLite int8, or null. */
export function quantParamsIncompatibility(spec: ModelSpec, q: QuantParams): string | null {
  if (q.weightBits !== 8 || q.activationBits !== 8) return `it has ${q.weightBits}-bit weights and ${q.activationBits}-bit activations; TFLite int8 needs 8/8`;
  for (const w of q.weights) {
    const layer = w.tensor.split('/')[0];
    if (w.zeroPoint.some((z) => z !== 0)) return `layer "${layer}" has asymmetric weights; TFLite int8 weights are symmetric (zero point 0)`;
    if (spec.layers.find((l) => l.name === layer)?.type === 'dense' && w.scale.length > 1) return `layer "${layer}" has per-channel dense weights; TFLM's FULLY_CONNECTED takes per-tensor`;
  }
  return null;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The version's own parameters as a QuantizedModel: activation ranges rebuilt from each stored
 * scale / zero point, weights re-quantized from the stored float weights (symmetric max-abs, as
 * stored), then every parameter checked against the stored one. Throws with the reason if not exact.
 */
export function fromStoredParams(spec: ModelSpec, weights: WeightSet, q: QuantParams, ownInput = false): QuantizedModel {
  const ranges: Record<string, [number, number]> = {};
  for (const a of q.activations) ranges[a.tensor] = [(-128 - a.zeroPoint[0]) * a.scale[0], (127 - a.zeroPoint[0]) * a.scale[0]];
  // ownInput: a time-series version's input was calibrated on its windows (MNIST's is fixed).
  const qm = quantizeForTflite(spec, weights, ranges, ownInput ? ranges.input : undefined);
  for (const a of q.activations) {
    const p = qm.tensors.get(a.tensor);
    if (!p || !close(p.scale[0], a.scale[0]) || p.zeroPoint[0] !== a.zeroPoint[0]) throw new Error(`tensor "${a.tensor}" does not reproduce its stored scale / zero point`);
  }
  for (const w of q.weights) {
    const lq = qm.layers.get(w.tensor.split('/')[0]);
    if (!lq || lq.weightParams.scale.length !== w.scale.length || lq.weightParams.scale.some((s, i) => !close(s, w.scale[i]))) {
      throw new Error(`the weights of "${w.tensor}" do not reproduce their stored scales`);
    }
  }
  return qm;
}

function planProblem(spec: ModelSpec, weights?: WeightSet): string | undefined {
  try {
    planQuantization(weights ? foldBatchNorm(spec, weights).spec : spec);
    return undefined;
  } catch (e) {
    return message(e);
  }
}

/** "LeNet-5 → LeNet-5 · pruned 80 % → …" from the root to the version (deleted parents named so). */
function lineageOf(id: string, byId: Map<string, { name: string; parentId: string | null }>, deleted: Map<string, string>): string {
  const names: string[] = [];
  for (let at: string | null = id, guard = 0; at && guard < 50; guard++) {
    const v = byId.get(at);
    if (!v) {
      names.unshift(`${deleted.get(at) ?? 'unknown'} (deleted)`);
      break;
    }
    names.unshift(v.name);
    at = v.parentId;
  }
  return names.join(' → ');
}

export async function deployableModels(): Promise<DeployModelOption[]> {
  const out: DeployModelOption[] = [];
  /** Time-series versions: listed last (never the default pick); those whose data cannot be rebuilt say why. */
  const otherTask: DeployModelOption[] = [];
  try {
    const listing = await shelfApi.list();
    const byId = new Map(listing.versions.map((v) => [v.id, v]));
    const deleted = new Map(listing.tombstones.map((t) => [t.id, t.name]));
    for (const v of [...listing.versions].reverse()) {
      let quantNote: string | undefined;
      if (v.quantized) {
        const full = await getVersion(v.id);
        const why = full.quant && quantParamsIncompatibility(full.spec, full.quant);
        quantNote = why ? `Its own quantization cannot be written as TFLite int8 (${why}): Export re-quantizes it from its float weights.` : 'Written with its own quantization parameters (checked to reproduce exactly on export).';
      }
      const entry = {
        id: SHELF_PREFIX + v.id, label: `Shelf: ${v.name}`, lineage: `Shelf lineage: ${lineageOf(v.id, byId, deleted)}`,
        spec: v.spec, accuracy: runningAccuracy(v), quantized: v.quantized, quantNote,
      };
      if (runsOnMnist(v)) out.push({ ...entry, available: true });
      else {
        // A time-series version calibrates and is checked on its own windows, rebuilt from its run link.
        const recipe = isTimeSeries(v) ? recipeOf(v) : { error: notMnistReason(v) };
        const reason = 'error' in recipe ? recipe.error : planProblem(v.spec);
        otherTask.push({ ...entry, available: !reason, ...(reason ? { reason } : {}), task: v.task, taskMetric: v.metrics.taskMetric });
      }
    }
  } catch {
    /* no shelf (storage unavailable): the baseline is still offered below */
  }
  if (hasSlot(SLOTS.baseline)) {
    const { spec, model } = getSlot(SLOTS.baseline);
    const reason = planProblem(spec, model.getWeights());
    out.push({ id: 'baseline', label: `Current baseline: ${spec.name}`, lineage: 'The baseline the labs start from, converted here (PTQ as the TFLite converter does it)', available: !reason, reason, spec });
  } else if (out.length === 0) {
    out.push({ id: 'baseline', label: 'Baseline (none saved yet)', lineage: 'Train lab baseline', available: false, reason: 'no baseline is saved yet: train one first' });
  }
  const q = lastConversion();
  if (q) {
    const why = incompatibility(q.qm);
    out.push({
      id: 'quantization', label: `Quantization lab result, not saved (${q.method}, ${q.qm.settings.weightBits}/${q.qm.settings.activationBits} bit)`,
      lineage: `Quantization lab ${q.method} of the baseline, exported as converted there`,
      available: !why, reason: why ?? undefined, spec: q.qm.spec, accuracy: q.floatAccuracy, quantized: true,
    });
  }
  out.push(...otherTask);
  return out;
}

/** Folds batch norm into DEPLOY_FLOAT (kept after export so "Save to shelf" can store it) and min/max-calibrates it. */
function calibrated(spec: ModelSpec, weights: WeightSet, seed: number, calibrationImages: number): { qm: QuantizedModel; floatAccuracy: number } {
  const folded = foldBatchNorm(spec, weights);
  const { tensors, raw } = getData();
  const model = createSlot(SLOTS.deployFloat, folded.spec, seed, folded.weights).model;
  const n = Math.max(1, Math.min(calibrationImages, tensors.train.count));
  const xs = tensors.train.xs.slice(0, n);
  try {
    const cal = calibrateModel(model, xs, { ...TFLITE_PTQ, calibration: 'minmax', percentile: 100 });
    return { qm: quantizeForTflite(folded.spec, folded.weights, cal.ranges), floatAccuracy: accuracyOf(predictLogits(model, tensors.test.xs), raw.test.labels) };
  } finally {
    xs.dispose();
  }
}

export interface Chosen {
  qm: QuantizedModel;
  floatAccuracy: number | null;
  /** How its quantization parameters were obtained (shown next to the results). */
  quantNote: string;
  /** The slot holding its float weights (what "Save to shelf" stores) and the shelf parent. */
  saveSlot: string;
  parentId: string | null;
}

export async function chooseModel(option: DeployModelOption, calibrationImages: number): Promise<Chosen> {
  const fresh = `calibrated here: min/max on ${calibrationImages} training images`;
  if (option.id === 'quantization') {
    const q = lastConversion()!;
    return { qm: q.qm, floatAccuracy: q.floatAccuracy, quantNote: 'the Quantization lab’s own parameters', saveSlot: q.method === 'QAT' ? 'quant:qat' : 'quant:float', parentId: null };
  }
  if (option.id === 'baseline') {
    const base = getSlot(SLOTS.baseline);
    return { ...calibrated(base.spec, base.model.getWeights(), base.seed, calibrationImages), quantNote: fresh, saveSlot: SLOTS.deployFloat, parentId: null };
  }
  const v: ModelVersion = await getVersion(option.id.slice(SHELF_PREFIX.length));
  const parentId = v.id;
  if (v.quant) {
    let why = quantParamsIncompatibility(v.spec, v.quant);
    if (!why) {
      try {
        const qm = fromStoredParams(v.spec, v.weights, v.quant);
        createSlot(SLOTS.deployFloat, v.spec, v.seed, v.weights);
        return { qm, floatAccuracy: v.metrics.floatAccuracy ?? null, quantNote: 'the version’s own quantization parameters (no new calibration)', saveSlot: SLOTS.deployFloat, parentId };
      } catch (e) {
        why = message(e);
      }
    }
    const c = calibrated(v.spec, v.weights, v.seed, calibrationImages);
    return { ...c, quantNote: `re-quantized, because its own parameters cannot be written as TFLite int8 (${why}); ${fresh}`, saveSlot: SLOTS.deployFloat, parentId };
  }
  return { ...calibrated(v.spec, v.weights, v.seed, calibrationImages), quantNote: fresh, saveSlot: SLOTS.deployFloat, parentId };
}
