/**
 * engine.quantization.*: the Quantization lab inside the worker. Never modifies the "baseline" slot:
 * prepare() copies it (batch norm folded) into "quant:float"; fake-quant evaluation runs on
 * "quant:scratch"; QAT trains its own copy in "quant:qat". The integer-only engine is plain TS.
 */
import '../core/train/wasm-kernels';
import * as tf from '@tensorflow/tfjs';
import { imagesToFloat } from '../core/data/mnist';
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import { roundArray } from '../core/techniques/quantization/float-formats';
import { accuracyOf, predictLogits } from '../core/techniques/quantization/collect';
import { calibrateModel, convertAndEvaluate, integerEvaluate, type LsbAgreement, type PtqOptions } from '../core/techniques/quantization/pipeline';
import { runQat } from '../core/techniques/quantization/qat';
import { attachMasks } from '../core/techniques/pruning/model-masks';
import { masksFromZeros } from './shelf-convert';
import { compileInteger, runSample, IntegerPathError } from '../core/techniques/quantization/integer-model';
import { traceNeuron } from '../core/techniques/quantization/explain';
import { quantizedModelBytes, type QuantizedModel } from '../core/techniques/quantization/quantize-model';
import { layerReports, modelWeightSqnr, tensorReports } from '../core/techniques/quantization/report';
import { planQuantization } from '../core/techniques/quantization/graph';
import { subsample } from '../core/techniques/quantization/metrics';
import { createSlot, disposeSlot, getData, getSlot, hasSlot, runJob, throttle } from './context';
import { trainLoop } from '../core/train/loop';
import { SLOTS, type TrainEvent } from './protocol';
import type { QatRequest, QuantizationApi, QuantReport, QuantRequest, SweepPoint, LedgerRow } from './protocol/quantization';
import { clusterJob } from './quantization-cluster';
import { mixedPrecisionJob } from './quantization-mixed';

const FLOAT = 'quant:float';
const SCRATCH = 'quant:scratch';
const QAT = 'quant:qat';
const CONTROL = 'quant:control';

export type { WeightFormat, QuantRequest, QatRequest, QuantInfo, QuantReport, SweepPoint, LedgerRow, QuantizationApi } from './protocol/quantization';

let floatAccuracy = NaN;
let testPixels: Float32Array | null = null;
let lastSamples = new Map<string, Float32Array>();
const converted: Partial<Record<'PTQ' | 'QAT', QuantizedModel>> = {};

/** The latest PTQ / QAT conversion shown on the Quantization page (the Deploy lab can export it). */
export function lastConversion(): { method: 'PTQ' | 'QAT'; qm: QuantizedModel; floatAccuracy: number } | null {
  const method = converted.QAT ? 'QAT' : converted.PTQ ? 'PTQ' : null;
  return method ? { method, qm: converted[method]!, floatAccuracy } : null;
}

function data() {
  const { tensors, raw } = getData();
  testPixels ??= imagesToFloat(raw.test);
  return { tensors, raw, testPixels };
}

function ensurePrepared(): void {
  if (!hasSlot(FLOAT)) throw new Error('call prepare() first (it copies the baseline)');
}

function options(req: QuantRequest): PtqOptions {
  return { ...req, weightBits: typeof req.weightFormat === 'number' ? req.weightFormat : 8 };
}

async function evaluateConversion(method: 'PTQ' | 'QAT', source: string, req: QuantRequest, ranges: Record<string, [number, number]>, signal: AbortSignal, progress?: (s: string, d: number, t: number) => void, samples?: Map<string, Float32Array>): Promise<QuantReport> {
  const { tensors, raw, testPixels } = data();
  const labels = raw.test.labels;
  const float = getSlot(source).model;
  const scratch = getSlot(SCRATCH).model;
  const o = options(req);
  const fq = convertAndEvaluate(float, scratch, ranges, o, tensors.test.xs, labels);
  converted[method] = fq.qm;
  const weights = float.getWeights();
  let integerAccuracy: number | null = null;
  let integerNote: string | null = null;
  let agreement: LsbAgreement | null = null;
  try {
    const int = await integerEvaluate(fq.qm, testPixels, labels, fq.logits, { signal, onProgress: (d, t) => progress?.('integer-only', d, t) });
    integerAccuracy = int.accuracy;
    agreement = int.agreement;
    if (int.done < labels.length) integerNote = `stopped after ${int.done} of ${labels.length} images`;
  } catch (e) {
    if (!(e instanceof IntegerPathError)) throw e;
    integerNote = e.message;
  }
  return {
    method,
    request: req,
    floatAccuracy,
    quantAccuracy: fq.accuracy,
    integerAccuracy,
    integerNote,
    agreement,
    modelBytes: quantizedModelBytes(fq.qm),
    floatBytes: weights.reduce((a, w) => a + 4 * w.data.length, 0),
    weightSqnrDb: modelWeightSqnr(fq.qm, weights),
    layers: layerReports(fq.qm, weights),
    tensors: tensorReports(fq.qm, samples),
  };
}

/** fp16 / bf16: weights rounded to the format, activations left in float32 (no integer path). */
function floatFormatReport(req: QuantRequest, format: 'fp16' | 'bf16'): QuantReport {
  const { tensors, raw } = data();
  const weights = getSlot(FLOAT).model.getWeights();
  const rounded = weights.map((w) => ({ ...w, data: roundArray(w.data, format) }));
  const scratch = getSlot(SCRATCH).model;
  scratch.setWeights(rounded);
  const acc = accuracyOf(predictLogits(scratch, tensors.test.xs), raw.test.labels);
  let sig = 0;
  let noise = 0;
  weights.forEach((w, i) => w.data.forEach((v, j) => ((sig += v * v), (noise += (v - rounded[i].data[j]) ** 2))));
  const n = weights.reduce((a, w) => a + w.data.length, 0);
  return {
    method: 'PTQ', request: req, floatAccuracy, quantAccuracy: acc, integerAccuracy: null,
    integerNote: `${format} weights run on float units; the int8 path needs integer formats`,
    agreement: null, modelBytes: 2 * n, floatBytes: 4 * n,
    weightSqnrDb: noise === 0 ? Infinity : 10 * Math.log10(sig / noise), layers: [], tensors: [],
  };
}

function calibrationXs(req: QuantRequest): tf.Tensor {
  const { tensors } = data();
  return tensors.train.xs.slice(0, Math.max(1, Math.min(req.calibrationSamples, tensors.train.count)));
}

async function ptq(req: QuantRequest, signal: AbortSignal, progress?: (s: string, d: number, t: number) => void): Promise<QuantReport> {
  ensurePrepared();
  if (typeof req.weightFormat !== 'number') return floatFormatReport(req, req.weightFormat);
  progress?.('calibrating', 0, 1);
  const xs = calibrationXs(req);
  try {
    const cal = calibrateModel(getSlot(FLOAT).model, xs, options(req));
    lastSamples = new Map([...cal.samples].map(([k, v]) => [k, subsample(v, 30_000)]));
    return await evaluateConversion('PTQ', FLOAT, req, cal.ranges, signal, progress, lastSamples);
  } finally {
    xs.dispose();
  }
}

async function qat(req: QatRequest, signal: AbortSignal, onEvent?: (e: TrainEvent) => void): Promise<QuantReport> {
  ensurePrepared();
  if (typeof req.weightFormat !== 'number') throw new Error('QAT needs an integer bit depth, not a float format');
  const { tensors, raw } = data();
  const src = getSlot(FLOAT);
  const start = src.model.getWeights();
  createSlot(QAT, src.spec, src.seed, start);
  // A pruned model's zeros are its masks: hold them through QAT so the pruned weights stay exactly zero.
  const pruned = masksFromZeros(start).filter((m) => m.mask.includes(0));
  const masks = pruned.length ? attachMasks(getSlot(QAT).model, pruned) : null;
  const events = throttle(onEvent);
  const xs = calibrationXs(req);
  const epochs: { epoch: number; testAccuracy: number }[] = [];
  try {
    const res = await runQat({
      model: getSlot(QAT).model,
      scratch: getSlot(SCRATCH).model,
      train: { xs: tensors.train.xs, labels: tensors.train.labels },
      test: { xs: tensors.test.xs, labels: tensors.test.labels },
      testLabels: raw.test.labels,
      calibXs: xs,
      options: { ...options(req), epochs: req.epochs, learningRate: req.learningRate, batchSize: req.batchSize },
      signal,
      afterStep: masks ? () => masks.apply() : undefined,
      onBatch: (e) => events.push(e),
      onEpoch: (e) => {
        epochs.push({ epoch: e.epoch, testAccuracy: e.testAccuracy });
        events.push(e, true);
      },
    });
    events.flush();
    const report = await evaluateConversion('QAT', QAT, req, res.ranges, new AbortController().signal);
    return { ...report, epochs, stopped: res.loop.stopped };
  } finally {
    masks?.dispose();
    xs.dispose();
  }
}

export const quantizationApi: QuantizationApi = {
  async prepare() {
    const base = getSlot(SLOTS.baseline);
    const folded = foldBatchNorm(base.spec, base.model.getWeights());
    planQuantization(folded.spec); // throws a readable error for unsupported layers
    createSlot(FLOAT, folded.spec, base.seed, folded.weights);
    createSlot(SCRATCH, folded.spec, base.seed, folded.weights);
    const { tensors, raw } = data();
    floatAccuracy = accuracyOf(predictLogits(getSlot(FLOAT).model, tensors.test.xs), raw.test.labels);
    const plan = planQuantization(folded.spec);
    return {
      spec: folded.spec,
      floatAccuracy,
      floatBytes: folded.weights.reduce((a, w) => a + 4 * w.data.length, 0),
      layers: plan.ops.flatMap((op) =>
        op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'depthwiseConv2d'
          ? [{ name: op.layer, kind: op.kind, kernelShape: folded.weights.find((w) => w.layer === op.layer && w.role === 'kernel')!.shape, channels: op.outShape[op.outShape.length - 1] }]
          : [],
      ),
      tensors: plan.calibrated,
    };
  },

  quantize(req, onProgress) {
    const p = throttle<[string, number, number]>(onProgress ? (a) => onProgress(...a) : undefined);
    return runJob('quantize', async (signal) => {
      const r = await ptq(req, signal, (s, d, t) => p.push([s, d, t], d === t));
      p.flush();
      return r;
    });
  },

  trainQat(req, onEvent) {
    return runJob('quantization-aware training', (signal) => qat(req, signal, onEvent));
  },

  sweep(req, onPoint, onControl) {
    return runJob('bit-depth sweep', async (signal) => {
      const points: SweepPoint[] = [];
      if (req.epochs > 0) {
        ensurePrepared();
        const { tensors, raw } = data();
        const src = getSlot(FLOAT);
        const control = createSlot(CONTROL, src.spec, src.seed, src.model.getWeights());
        try {
          const r = await trainLoop({
            model: control.model, train: { xs: tensors.train.xs, labels: tensors.train.labels }, epochs: req.epochs,
            batchSize: req.batchSize, learningRate: req.learningRate, optimizer: 'adam', seed: req.seed, signal, evaluateEachEpoch: false,
          });
          if (!r.stopped) onControl?.(accuracyOf(predictLogits(control.model, tensors.test.xs), raw.test.labels));
        } finally {
          disposeSlot(CONTROL);
        }
      }
      for (const bits of req.bits) {
        if (signal.aborted) break;
        const r = { ...req, weightFormat: bits };
        const p = await ptq(r, signal);
        let q = NaN;
        if (req.epochs > 0 && !signal.aborted) {
          const qr = await qat(r, signal);
          if (!qr.stopped) q = qr.quantAccuracy;
        }
        const point = { bits, ptq: p.quantAccuracy, qat: q };
        points.push(point);
        onPoint?.(point);
      }
      return points;
    });
  },

  ledger(req) {
    return runJob('size ledger', async (signal) => {
      ensurePrepared();
      // The ledger's own conversions must not replace what the page is showing.
      const keep = { ptq: converted.PTQ, samples: lastSamples };
      const n = getSlot(FLOAT).model.getWeights().reduce((a, w) => a + w.data.length, 0);
      const rows: LedgerRow[] = [{ dtype: 'fp32', accuracy: floatAccuracy, bytes: 4 * n }];
      const fp16 = floatFormatReport({ ...req, weightFormat: 'fp16' }, 'fp16');
      rows.push({ dtype: 'fp16', accuracy: fp16.quantAccuracy, bytes: fp16.modelBytes });
      for (const [dtype, bits] of [['int8', 8], ['int4', 4]] as const) {
        const r = await ptq({ ...req, weightFormat: bits, activationBits: 8 }, signal);
        rows.push({ dtype, accuracy: r.integerAccuracy ?? r.quantAccuracy, bytes: r.modelBytes });
      }
      converted.PTQ = keep.ptq;
      lastSamples = keep.samples;
      return rows;
    });
  },

  cluster: (req, onStage) => clusterJob(req, onStage),

  mixedPrecision: (req, onProgress) => mixedPrecisionJob(req, onProgress),

  async values(kind, name) {
    if (kind === 'weights') {
      ensurePrepared();
      const k = getSlot(FLOAT).model.getWeights().find((w) => w.layer === name && w.role === 'kernel');
      if (!k) throw new Error(`no kernel "${name}"`);
      return k.data;
    }
    const v = lastSamples.get(name);
    if (!v) throw new Error(`no calibration samples for "${name}" yet (quantize first)`);
    return v;
  },

  async explain({ method, sample, layer, output }) {
    const qm = converted[method];
    if (!qm) throw new Error(`run ${method === 'PTQ' ? 'Quantize (PTQ)' : 'Train with QAT'} first`);
    const { raw, testPixels } = data();
    const im = compileInteger(qm);
    const y = runSample(im, testPixels, sample * 784);
    let best = 0;
    for (let k = 1; k < y.length; k++) if (y[k] > y[best]) best = k;
    return { ...traceNeuron(im, layer, output), label: raw.test.labels[sample], prediction: best };
  },
};

/** The last conversion by one method (its quantization parameters go onto the shelf with "Save to shelf"). */
export function conversionOf(method: 'PTQ' | 'QAT'): QuantizedModel | undefined {
  return converted[method];
}
