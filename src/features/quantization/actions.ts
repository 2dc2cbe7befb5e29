/**
 * What the Quantization page's buttons do. Called from click handlers only — never from effects
 * (StrictMode runs effects twice) — except `prepareOnce`, which only copies the baseline and is idempotent.
 */
import { trainBaselineHere } from '../../store/baseline';
import { reportSpeed, setEngineBusy } from '../../store/engine';
import { whenEngineReady } from '../../store/engine-boot';
import { pushNotice } from '../../store/notices';
import {
  SWEEP_BITS,
  patchQuantization,
  useQuantization,
  type QuantJob,
  type QuantizationSettingsValues,
} from '../../store/quantization';
import { getEngine, proxy } from '../../worker/client';
import type { TrainEvent } from '../../worker/protocol';
import type { QatRequest, QuantRequest, SweepPoint } from '../../worker/quantization-types';

const BASELINE_TRAIN_SLOT = 'quant:baseline-train';
const engine = () => getEngine().quantization;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function requestOf(v: QuantizationSettingsValues, withOverrides = true): QuantRequest {
  const s = useQuantization.getState();
  const wf = v.qWeightBits;
  return {
    weightFormat: wf === 'fp16' || wf === 'bf16' ? wf : Number(wf),
    activationBits: Number(v.qActivationBits),
    scheme: v.qScheme,
    granularity: v.qGranularity,
    rounding: v.qRounding,
    requantRounding: v.qRequant,
    seed: v.qSeed,
    calibration: v.qCalibration,
    percentile: Number(v.qPercentile),
    calibrationSamples: v.qCalibrationSamples,
    layerBits: Object.keys(v.qLayerBits).length ? v.qLayerBits : undefined,
    weightClip: withOverrides ? s.weightClip : undefined,
    rangeOverrides: withOverrides ? s.rangeOverrides : undefined,
  };
}

function qatRequestOf(v: QuantizationSettingsValues): QatRequest {
  return { ...requestOf(v), epochs: Math.max(1, v.qQatEpochs), learningRate: Number(v.qLearningRate), batchSize: 32 };
}

export async function job(name: QuantJob, text: string, fn: () => Promise<void>): Promise<void> {
  if (useQuantization.getState().job) return;
  patchQuantization({ job: name, progress: { fraction: 0, text }, error: null });
  setEngineBusy(true, { id: 'quantization', title: 'Quantization' });
  try {
    await whenEngineReady();
    await fn();
  } catch (e) {
    patchQuantization({ error: message(e) });
    pushNotice('error', `${text} failed: ${message(e)}`, `quantization-${name}`);
  } finally {
    patchQuantization({ job: null, progress: null });
    setEngineBusy(false);
  }
}

let preparedFor: string | null = null;

/** Copies the baseline into the lab's slots and measures its float accuracy (once per saved baseline). */
export async function prepareOnce(savedAt: string): Promise<void> {
  if (preparedFor === savedAt) return;
  preparedFor = savedAt;
  try {
    await whenEngineReady();
    const info = await engine().prepare();
    patchQuantization({ info, ptq: null, qat: null, sweep: null, ledger: null, trace: null, weightClip: {}, rangeOverrides: {} });
  } catch (e) {
    preparedFor = null;
    patchQuantization({ error: message(e) });
    pushNotice('error', `Could not prepare the baseline for quantization: ${message(e)}`, 'quantization-prepare');
  }
}

function trainProgress(label: string, fraction?: (e: TrainEvent) => number) {
  return proxy((e: TrainEvent) => {
    if (e.type === 'batch') {
      patchQuantization({
        progress: { fraction: fraction ? fraction(e) : (e.batch + 1) / e.batchesPerEpoch, text: `${label}: epoch ${e.epoch + 1}, batch ${e.batch + 1} of ${e.batchesPerEpoch}` },
      });
    }
    reportSpeed(e.samplesPerSec);
  });
}

export function quantize(v: QuantizationSettingsValues): Promise<void> {
  return job('ptq', 'Quantizing', async () => {
    const report = await engine().quantize(
      requestOf(v),
      proxy((stage: string, done: number, total: number) =>
        patchQuantization({ progress: { fraction: total ? done / total : 0, text: stage === 'integer-only' ? `Integer-only inference: ${done} of ${total} test images` : 'Calibrating…' } }),
      ),
    );
    patchQuantization({ ptq: report, shown: 'PTQ', trace: null });
  });
}

export function trainQat(v: QuantizationSettingsValues): Promise<void> {
  const req = qatRequestOf(v);
  if (typeof req.weightFormat !== 'number') {
    pushNotice('warning', 'QAT trains for an integer grid: choose a number of weight bits, not fp16/bf16.', 'quantization-qat');
    return Promise.resolve();
  }
  return job('qat', 'Quantization-aware training', async () => {
    const report = await engine().trainQat(req, trainProgress('QAT', (e) => e.type === 'batch' ? (e.epoch + (e.batch + 1) / e.batchesPerEpoch) / req.epochs : 0));
    patchQuantization({ qat: report, shown: 'QAT', trace: null });
    if (report.stopped) pushNotice('info', 'QAT was stopped: the result is the model as it was when you stopped.', 'quantization-stopped');
  });
}

export function runSweep(v: QuantizationSettingsValues): Promise<void> {
  const req = { ...qatRequestOf(v), epochs: v.qQatEpochs, bits: SWEEP_BITS };
  let control: number | null = null;
  patchQuantization({ sweep: { points: [], qatEpochs: v.qQatEpochs, control } });
  return job('sweep', 'The bit-depth sweep', async () => {
    const points: SweepPoint[] = [];
    if (req.epochs > 0) patchQuantization({ progress: { fraction: 0, text: `Sweep: fine-tuning the float model for ${req.epochs} epoch(s) as a control` } });
    await engine().sweep(
      req,
      proxy((p: SweepPoint) => {
        points.push(p);
        patchQuantization({
          sweep: { points: [...points], qatEpochs: v.qQatEpochs, control },
          progress: { fraction: points.length / SWEEP_BITS.length, text: `Sweep: ${points.length} of ${SWEEP_BITS.length} bit depths` },
        });
      }),
      proxy((acc: number) => {
        control = acc;
        patchQuantization({ sweep: { points: [...points], qatEpochs: v.qQatEpochs, control } });
      }),
    );
  });
}

export function computeLedger(v: QuantizationSettingsValues): Promise<void> {
  return job('ledger', 'The size ledger', async () => {
    patchQuantization({ ledger: await engine().ledger(requestOf(v, false)) });
  });
}

export function stepThrough(method: 'PTQ' | 'QAT', sample: number, layer: string, output: number): Promise<void> {
  return job('explain', 'The step-through', async () => {
    const t = await engine().explain({ method, sample, layer, output });
    patchQuantization({ trace: { ...t, sample, method } });
  });
}

export async function loadValues(kind: 'weights' | 'activations', name: string): Promise<Float32Array | null> {
  try {
    return await engine().values(kind, name);
  } catch (e) {
    pushNotice('warning', message(e), 'quantization-values');
    return null;
  }
}

export async function stopJob(): Promise<void> {
  await getEngine().stop();
}

export function trainBaseline(model: string, epochs: number, seed: number): Promise<void> {
  return job('baseline', 'Training the baseline', async () => {
    if (!(await trainBaselineHere(BASELINE_TRAIN_SLOT, model, epochs, seed, trainProgress('Baseline')))) {
      pushNotice('info', 'The baseline run was stopped; nothing was saved.', 'quantization-baseline');
    }
  });
}
