/**
 * What the Quantization page's buttons do. Called from click handlers only — never from effects
 * (StrictMode runs effects twice) — except `prepareOnce`, which only copies the baseline and is idempotent.
 */
import { reportSpeed } from '../../store/engine';
import { runJob, stopJob, type JobHandle } from '../../store/jobs';
import { whenEngineReady } from '../../store/engine-boot';
import { errorText, pushNotice } from '../../store/notices';
import {
  SWEEP_BITS,
  patchQuantization,
  useQuantization,
  type QuantizationSettingsValues,
} from '../../store/quantization';
import { getEngine, proxy } from '../../worker/client';
import type { TrainEvent } from '../../worker/protocol';
import type { QatRequest, QuantRequest, SweepPoint } from '../../worker/protocol/quantization';
import { quantizationLab } from './lab';

const engine = () => getEngine().quantization;

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

/** Runs one of this lab's jobs; `done` stores its result if it finished or was stopped. */
export async function job<T>(name: string, body: (job: JobHandle) => Promise<T>, done: (value: T) => void): Promise<void> {
  const out = await runJob(quantizationLab, name, body);
  if (out.status === 'done' || out.status === 'stopped') done(out.value);
}

let preparedFor: string | null = null;

/** Copies the baseline into the lab's slots and measures its float accuracy (once per saved baseline). */
export async function prepareOnce(savedAt: string): Promise<void> {
  if (preparedFor === savedAt) return;
  preparedFor = savedAt;
  try {
    await whenEngineReady();
    const info = await engine().prepare();
    patchQuantization({ info, prepareError: null, ptq: null, qat: null, sweep: null, ledger: null, trace: null, weightClip: {}, rangeOverrides: {} });
  } catch (e) {
    preparedFor = null;
    patchQuantization({ prepareError: errorText(e) });
    pushNotice('error', `Could not prepare the baseline for quantization: ${errorText(e)}`, 'quantization-prepare');
  }
}

function trainProgress(job: JobHandle, label: string, fraction?: (e: TrainEvent) => number) {
  return proxy(job.guard((e: TrainEvent) => {
    if (e.type === 'batch') {
      job.progress(fraction ? fraction(e) : (e.batch + 1) / e.batchesPerEpoch, `${label}: epoch ${e.epoch + 1}, batch ${e.batch + 1} of ${e.batchesPerEpoch}`);
    }
    reportSpeed(e.samplesPerSec);
  }));
}

export function quantize(v: QuantizationSettingsValues): Promise<void> {
  return job(
    'Quantizing',
    (j) =>
      engine().quantize(
        requestOf(v),
        proxy(j.guard((stage: string, done: number, total: number) =>
          j.progress(total ? done / total : 0, stage === 'integer-only' ? `Integer-only inference: ${done} of ${total} test images` : 'Calibrating…'),
        )),
      ),
    (report) => patchQuantization({ ptq: report, shown: 'PTQ', trace: null }),
  );
}

export function trainQat(v: QuantizationSettingsValues): Promise<void> {
  const req = qatRequestOf(v);
  if (typeof req.weightFormat !== 'number') {
    pushNotice('warning', 'QAT trains for an integer grid: choose a number of weight bits, not fp16/bf16.', 'quantization-qat');
    return Promise.resolve();
  }
  const fraction = (e: TrainEvent) => (e.type === 'batch' ? (e.epoch + (e.batch + 1) / e.batchesPerEpoch) / req.epochs : 0);
  return job('Quantization-aware training', (j) => engine().trainQat(req, trainProgress(j, 'QAT', fraction)), (report) => {
    patchQuantization({ qat: report, shown: 'QAT', trace: null });
    if (report.stopped) pushNotice('info', 'QAT was stopped: the result is the model as it was when you stopped.', 'quantization-stopped');
  });
}

export function runSweep(v: QuantizationSettingsValues): Promise<void> {
  const req = { ...qatRequestOf(v), epochs: v.qQatEpochs, bits: SWEEP_BITS };
  let control: number | null = null;
  const points: SweepPoint[] = [];
  const show = () => patchQuantization({ sweep: { points: [...points], qatEpochs: v.qQatEpochs, control } });
  return job(
    'The bit-depth sweep',
    (j) => {
      show();
      if (req.epochs > 0) j.progress(0, `Sweep: fine-tuning the float model for ${req.epochs} epoch(s) as a control`);
      return engine().sweep(
        req,
        proxy(j.guard((p: SweepPoint) => {
          points.push(p);
          show();
          j.progress(points.length / SWEEP_BITS.length, `Sweep: ${points.length} of ${SWEEP_BITS.length} bit depths`);
        })),
        proxy(j.guard((acc: number) => {
          control = acc;
          show();
        })),
      );
    },
    // The result holds every point, also one whose event trailed the result on Comlink's channel.
    (all) => {
      points.splice(0, points.length, ...all);
      show();
    },
  );
}

export function computeLedger(v: QuantizationSettingsValues): Promise<void> {
  return job('The size ledger', () => engine().ledger(requestOf(v, false)), (ledger) => patchQuantization({ ledger }));
}

export function stepThrough(method: 'PTQ' | 'QAT', sample: number, layer: string, output: number): Promise<void> {
  return job('The step-through', () => engine().explain({ method, sample, layer, output }), (t) => patchQuantization({ trace: { ...t, sample, method } }));
}

export async function loadValues(kind: 'weights' | 'activations', name: string): Promise<Float32Array | null> {
  try {
    return await engine().values(kind, name);
  } catch (e) {
    pushNotice('warning', errorText(e), 'quantization-values');
    return null;
  }
}

export const stop = (): Promise<void> => stopJob(quantizationLab);
