/**
 * engine.deploy.*: the Deploy lab inside the worker. Never modifies the baseline: export() copies it
 * (batch norm folded) into the "deploy:float" slot, calibrates min/max on training images, converts
 * with the TFLite converter's settings (core/export TFLITE_PTQ), writes the files, runs the app's
 * integer engine on the test split and the float-interface .tflite in LiteRT.js.
 */
import '../core/train/wasm-kernels';
import { imagesToFloat } from '../core/data/mnist';
import { analyzeSpec } from '../core/model/analyze';
import {
  TFLITE_PTQ, cArrayZip, compareInt8, exportPackage, quantizeForTflite, resolverOps, tflmProjectZip, writeTestVectors,
} from '../core/export';
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import { planQuantization } from '../core/techniques/quantization/graph';
import { calibrateModel } from '../core/techniques/quantization/pipeline';
import { accuracyOf, predictLogits } from '../core/techniques/quantization/collect';
import { compileInteger, runInteger, setInput } from '../core/techniques/quantization/integer-model';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';
import { createSlot, disposeSlot, getData, getSlot, hasSlot, runJob } from './context';
import { SLOTS } from './protocol/slots';
import { lastConversion } from './quantization';
import { runFloatTwin } from './litert';
import type { DeployApi, DeployModelOption, DeployRequest, DeployResult, RuntimeCheck } from './protocol/deploy';

const BASELINE_SLOT = SLOTS.baseline;
const FLOAT_SLOT = SLOTS.deployFloat;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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

/**
 * The source of "Model to deploy": the saved baseline and the Quantization lab's latest result.
 * One function so the model shelf can replace it with its saved versions.
 */
export function deployableModels(): DeployModelOption[] {
  const out: DeployModelOption[] = [];
  if (hasSlot(BASELINE_SLOT)) {
    const { spec } = getSlot(BASELINE_SLOT);
    let reason: string | undefined;
    try {
      planQuantization(foldBatchNorm(spec, getSlot(BASELINE_SLOT).model.getWeights()).spec);
    } catch (e) {
      reason = message(e);
    }
    out.push({ id: 'baseline', label: `Baseline: ${spec.name}`, lineage: 'Train lab baseline, converted here (PTQ as the TFLite converter does it)', available: !reason, reason, spec });
  } else {
    out.push({ id: 'baseline', label: 'Baseline (none saved yet)', lineage: 'Train lab baseline', available: false, reason: 'no baseline is saved yet: train one first' });
  }
  const q = lastConversion();
  if (q) {
    const why = incompatibility(q.qm);
    out.push({
      id: 'quantization', label: `Quantization lab result (${q.method}, ${q.qm.settings.weightBits}/${q.qm.settings.activationBits} bit)`,
      lineage: `Quantization lab ${q.method} of the baseline, exported as converted there`,
      available: !why, reason: why ?? undefined, spec: q.qm.spec, accuracy: q.floatAccuracy,
    });
  }
  return out;
}

function calibrated(calibrationImages: number): { qm: QuantizedModel; floatAccuracy: number } {
  const base = getSlot(BASELINE_SLOT);
  const folded = foldBatchNorm(base.spec, base.model.getWeights());
  const { tensors, raw } = getData();
  const model = createSlot(FLOAT_SLOT, folded.spec, base.seed, folded.weights).model;
  try {
    const n = Math.max(1, Math.min(calibrationImages, tensors.train.count));
    const xs = tensors.train.xs.slice(0, n);
    try {
      const cal = calibrateModel(model, xs, { ...TFLITE_PTQ, calibration: 'minmax', percentile: 100 });
      const qm = quantizeForTflite(folded.spec, folded.weights, cal.ranges);
      const floatAccuracy = accuracyOf(predictLogits(model, tensors.test.xs), raw.test.labels);
      return { qm, floatAccuracy };
    } finally {
      xs.dispose();
    }
  } finally {
    disposeSlot(FLOAT_SLOT);
  }
}

/** The first `count` inputs exactly as the integer engine quantizes them (int8). */
function int8Inputs(qm: QuantizedModel, pixels: Float32Array, count: number): Int8Array {
  const im = compileInteger(qm);
  const size = im.input.data.length;
  const out = new Int8Array(count * size);
  for (let i = 0; i < count; i++) {
    setInput(im, pixels, i * size);
    out.set(im.input.data, i * size);
  }
  return out;
}

async function exportModel(req: DeployRequest, signal: AbortSignal, progress: (f: number, t: string) => void): Promise<DeployResult> {
  const option = deployableModels().find((m) => m.id === req.model);
  if (!option) throw new Error(`unknown model "${req.model}"`);
  if (!option.available) throw new Error(`${option.label} cannot be exported: ${option.reason}`);
  progress(0.05, 'Calibrating on training images…');
  let qm: QuantizedModel;
  let floatAccuracy: number | null;
  if (req.model === 'quantization') {
    const q = lastConversion()!;
    qm = q.qm;
    floatAccuracy = q.floatAccuracy;
  } else ({ qm, floatAccuracy } = calibrated(req.calibrationImages));
  progress(0.15, 'Writing the .tflite files…');
  const pkg = exportPackage(qm);
  const { raw } = getData();
  const pixels = imagesToFloat(raw.test);
  const labels = raw.test.labels;
  const count = labels.length;
  progress(0.2, 'Running the app’s integer engine on the test digits…');
  const im = compileInteger(qm);
  const run = await runInteger(im, pixels, count, { signal, onProgress: (d, t) => progress(0.2 + 0.3 * (d / t), `App integer engine: ${d} / ${t} digits`) });
  if (run.done < count) throw new Error('stopped');
  let correct = 0;
  for (let i = 0; i < count; i++) if (run.predictions[i] === labels[i]) correct++;
  const outSize = run.outputSize;
  const nVec = Math.max(1, Math.min(req.testVectors, count));
  const testVectorsBin = writeTestVectors({
    count: nVec, inputShape: pkg.io.inputShape, outputShape: pkg.io.outputShape,
    input: { scale: pkg.io.inputScale, zeroPoint: pkg.io.inputZeroPoint }, output: { scale: pkg.io.outputScale, zeroPoint: pkg.io.outputZeroPoint },
    inputs: int8Inputs(qm, pixels, nVec), labels: labels.slice(0, nVec), expected: Int8Array.from(run.outputs.subarray(0, nVec * outSize)),
  });
  progress(0.5, 'Loading LiteRT.js and running the exported file…');
  let runtime: RuntimeCheck | { error: string };
  try {
    const lr = await runFloatTwin(pkg.floatTflite, pixels, count, pkg.io, { signal, onProgress: (d) => progress(0.5 + 0.5 * (d / count), `LiteRT.js: ${d} / ${count} digits`) });
    runtime = { runtime: lr.version, where: 'worker', ...compareInt8(run.outputs, lr.outputs, labels, outSize, count) };
  } catch (e) {
    if (signal.aborted) throw e;
    runtime = { error: `LiteRT.js could not run the exported model: ${message(e)}` };
  }
  const info = analyzeSpec(qm.spec);
  const modelName = qm.spec.name;
  return {
    modelLabel: option.label, lineage: option.lineage, spec: qm.spec, params: info.params, macs: info.macs,
    floatAccuracy, integerAccuracy: correct / count, testCount: count,
    tflite: pkg.tflite, floatTflite: pkg.floatTflite,
    cArrayZip: cArrayZip({ tflite: pkg.tflite, io: pkg.io, modelName }),
    projectZip: tflmProjectZip({ ...pkg, modelName, testVectors: testVectorsBin }),
    testVectorsBin, testVectorCount: nVec, io: pkg.io,
    ops: resolverOps(pkg.graph).map((o) => o.name),
    arenaBytes: pkg.arenaBytes, estimatedArena: pkg.estimatedArena,
    layers: [...qm.layers.values()].map((lq) => ({
      name: lq.layer, op: lq.op.kind, weightShape: lq.kernelShape, scales: lq.weightParams.scale.length,
      scaleMin: Math.min(...lq.weightParams.scale), scaleMax: Math.max(...lq.weightParams.scale),
    })),
    appOutputs: run.outputs, labels: Uint8Array.from(labels), runtime,
  };
}

export const deployApi: DeployApi = {
  async models() {
    return deployableModels();
  },
  export(req, onProgress) {
    return runJob('export', (signal) => exportModel(req, signal, (f, t) => onProgress?.(f, t)));
  },
};
