/**
 * The Time-series lab's run settings as plain data, the defaults of each task, and the two steps every
 * caller (worker, tests, the measurement script) shares: build the task's dataset, prepare its windows.
 */
import { ACTIVITY_CLASSES, activityDataset } from './activity';
import { batteryDataset } from './battery';
import { MOTOR_CLASSES, motorDataset, type MotorMode } from './motor';
import { prepare, type FeatureMode, type Prepared } from './prepare';
import type { TimeSeriesDataset, TimeSeriesTask } from './types';
import { resampleDataset } from './window';
import { featuresPerChannel } from './features';
import type { ModelSpec } from '../../model/spec';
import { autoencoder, cnn1d, mlp } from '../../model/zoo/time-series';

export type DatasetId = 'motor' | 'activity' | 'battery' | 'csv';
export type ModelKind = 'cnn' | 'mlp' | 'autoencoder' | 'distance';

export interface TsRunSettings {
  dataset: DatasetId;
  sampleRate: number;
  windowLength: number;
  stride: number;
  features: FeatureMode;
  model: ModelKind;
  epochs: number;
  seed: number;
  /** Sensor noise as a multiple of the dataset's nominal noise (1 = default). */
  noise: number;
  /** Recordings per class (battery: discharges). */
  recordings: number;
  /** Seconds per recording (not used by the battery: a discharge runs to empty). */
  seconds: number;
  imbalance: number;
  bands: number;
  /** Low-pass before resampling imported data to another rate (off: tones above the new Nyquist fold). */
  antiAlias?: boolean;
}

/** Datasets each task offers (CSV uploads are added by the page when loaded). */
export const TASK_DATASETS: Record<TimeSeriesTask, DatasetId[]> = {
  classification: ['motor', 'activity', 'csv'],
  anomaly: ['motor', 'csv'],
  regression: ['battery'],
};

export const TASK_MODELS: Record<TimeSeriesTask, ModelKind[]> = {
  classification: ['cnn', 'mlp'],
  anomaly: ['autoencoder', 'distance'],
  regression: ['mlp', 'cnn'],
};

/** Nominal sensor noise per dataset at noise = 1 (g for the IMUs; the battery scales its own). */
export const NOMINAL_NOISE: Record<DatasetId, number> = { motor: 0.05, activity: 0.02, battery: 1, csv: 0 };

/** Per-dataset defaults of the signal settings. */
export const DATASET_DEFAULTS: Record<DatasetId, Pick<TsRunSettings, 'sampleRate' | 'windowLength' | 'stride' | 'seconds' | 'recordings'>> = {
  motor: { sampleRate: 1000, windowLength: 256, stride: 128, seconds: 2, recordings: 12 },
  activity: { sampleRate: 50, windowLength: 100, stride: 50, seconds: 10, recordings: 12 },
  battery: { sampleRate: 1, windowLength: 60, stride: 20, seconds: 0, recordings: 12 },
  csv: { sampleRate: 100, windowLength: 100, stride: 50, seconds: 0, recordings: 0 },
};

const base = { epochs: 10, seed: 1, noise: 1, imbalance: 0, bands: 8 };
export const TS_DEFAULTS: Record<TimeSeriesTask, TsRunSettings> = {
  classification: { ...base, dataset: 'motor', ...DATASET_DEFAULTS.motor, features: 'raw', model: 'cnn' },
  anomaly: { ...base, dataset: 'motor', ...DATASET_DEFAULTS.motor, recordings: 16, features: 'dsp', model: 'autoencoder' },
  regression: { ...base, dataset: 'battery', ...DATASET_DEFAULTS.battery, features: 'dsp', model: 'mlp' },
};

/**
 * "Field conditions": the defaults are clean (100 %, AUC 1.000), so nothing in the confusion matrix or
 * the ROC curve needs explaining. These presets add what a factory floor adds — sensor noise and rare
 * faults (imbalance: the last class keeps half the recordings) — and fewer battery discharges to learn
 * from. Measured (Node, seed 1, 10 epochs; scripts/time-series-quality.ts h …): classification 1-D
 * CNN 77 % (off / low mixed, outer race taken for inner race; noise ×3 gives 62 %), autoencoder AUC 0.87, battery MLP R² 0.81.
 * The guide links to them ("Set up this exercise"); the page links are built from the same values.
 */
export const FIELD_PRESETS: Record<TimeSeriesTask, Partial<TsRunSettings>> = {
  classification: { noise: 2, imbalance: 0.5 },
  anomaly: { noise: 8, imbalance: 0.5 },
  regression: { noise: 4, recordings: 6 },
};

/** Anomaly detection on the motor: running healthy (low, high) is normal; the four faults are anomalies. */
export const ANOMALY_MODES: MotorMode[] = ['low', 'high', 'unbalance', 'misalignment', 'outer race', 'inner race'];
export const NORMAL_CLASS_NAMES = ['low', 'high', 'normal', 'ok', 'healthy'];

/**
 * Most samples (per channel, all recordings) a simulated dataset may have: 24x the motor default
 * (7 classes x 12 recordings x 2 s x 1000 Hz = 168,000). A hand-edited link such as the battery at
 * 1000 Hz (12 discharges of up to 6,000 s) would otherwise ask for 72 million samples and keep the
 * worker busy for minutes; it gets a message naming the fix instead.
 */
export const MAX_SIMULATED_SAMPLES = 4_000_000;

/** Upper bound of the samples buildDataset would simulate (the battery: discharges of at most 6,000 s). */
export function simulatedSamples(task: TimeSeriesTask, id: Exclude<DatasetId, 'csv'>, s: TsRunSettings): number {
  if (id === 'battery') return s.recordings * 6000 * s.sampleRate;
  const classes = id === 'motor' ? (task === 'anomaly' ? ANOMALY_MODES.length : MOTOR_CLASSES.length) : ACTIVITY_CLASSES.length;
  return classes * s.recordings * s.seconds * s.sampleRate;
}

export function buildDataset(task: TimeSeriesTask, id: Exclude<DatasetId, 'csv'>, s: TsRunSettings): TimeSeriesDataset {
  const samples = simulatedSamples(task, id, s);
  if (samples > MAX_SIMULATED_SAMPLES) {
    const d = DATASET_DEFAULTS[id];
    throw new RangeError(`These settings would simulate ${Math.round(samples).toLocaleString('en')} samples per channel (at most ${MAX_SIMULATED_SAMPLES.toLocaleString('en')}): lower the sampling rate (this dataset's default is ${d.sampleRate} Hz), the recordings or the seconds per recording.`);
  }
  const noise = s.noise * NOMINAL_NOISE[id];
  if (id === 'motor') {
    const modes = task === 'anomaly' ? ANOMALY_MODES : MOTOR_CLASSES;
    return motorDataset({ sampleRate: s.sampleRate, seconds: s.seconds, recordingsPerClass: s.recordings, noise, seed: s.seed, imbalance: s.imbalance, modes });
  }
  if (id === 'activity') return activityDataset({ sampleRate: s.sampleRate, seconds: s.seconds, recordingsPerClass: s.recordings, noise, seed: s.seed, imbalance: s.imbalance });
  return batteryDataset({ sampleRate: s.sampleRate, recordings: s.recordings, noise, seed: s.seed });
}

/** The classes of a dataset that count as normal for anomaly detection (by name; else the first class). */
export function normalClasses(ds: TimeSeriesDataset): number[] {
  const idx = ds.classNames.map((n, i) => (NORMAL_CLASS_NAMES.includes(n.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? idx : [0];
}

/** The CNN always reads raw windows; the other models read what "Features" says (distance: DSP). */
export function featureModeFor(model: ModelKind, features: FeatureMode): FeatureMode {
  return model === 'cnn' ? 'raw' : model === 'distance' ? 'dsp' : features;
}

export function prepareFor(task: TimeSeriesTask, ds: TimeSeriesDataset, s: TsRunSettings, model: ModelKind = s.model): Prepared {
  const data = ds.id === 'csv' && s.sampleRate !== ds.sampleRate ? resampleDataset(ds, s.sampleRate, s.antiAlias ?? true) : ds;
  return prepare(data, {
    task,
    windowLength: s.windowLength,
    stride: s.stride,
    features: featureModeFor(model, s.features),
    bands: s.bands,
    testFraction: 0.25,
    seed: s.seed,
    normalClasses: task === 'anomaly' ? normalClasses(data) : undefined,
  });
}

/**
 * The model the settings describe, without data (for the device panel before and after training):
 * raw windows [L, 1, C] or C·(6 + bands) DSP features; outputs = classes, 1 target, or the input (AE).
 */
export function specForSettings(task: TimeSeriesTask, s: TsRunSettings, channels: number, classes: number): ModelSpec | null {
  const mode = featureModeFor(s.model, s.features);
  const inputShape = mode === 'raw' ? [s.windowLength, 1, channels] : [channels * featuresPerChannel(s.bands)];
  const outputs = task === 'regression' ? 1 : classes;
  const role = task === 'regression' ? 'regressor' : 'classifier';
  if (s.model === 'distance') return null;
  if (s.model === 'autoencoder') return autoencoder(inputShape.reduce((a, b) => a * b, 1));
  if (s.model === 'cnn') return cnn1d(s.windowLength, channels, outputs, role);
  return mlp(inputShape, outputs, role);
}
