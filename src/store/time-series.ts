/**
 * The Time-series lab's state: its settings (typed schema → URL + localStorage) and what its worker
 * jobs returned (per task: data summary, training outcome; the signal preview). Plain data only;
 * job state (running, progress, errors) lives in the job runner (store/jobs.ts).
 */
import { create } from 'zustand';
import { boolField, defineSettings, enumField, intField, numberField, type Values } from './settings-schema';
import type { CsvImportInfo, DataSummary, SignalPreview, TimeSeriesTask, TrainOutcome, TsRunSettings } from '../worker/protocol/time-series';

export const TASKS = ['classification', 'anomaly', 'regression'] as const;
export const DATASETS = ['motor', 'activity', 'battery', 'csv'] as const;
export const FEATURE_MODES = ['raw', 'dsp'] as const;
export const MODELS = ['cnn', 'mlp', 'autoencoder', 'distance'] as const;

export const timeSeriesSettings = defineSettings('time-series', {
  tsTask: enumField('Task', TASKS, 'classification'),
  tsDataset: enumField('Dataset', DATASETS, 'motor'),
  tsRate: intField('Sampling rate (Hz)', 1000, { min: 1, max: 16000 }),
  tsWindow: intField('Window length', 256, { min: 4, max: 4096 }),
  tsStride: intField('Stride', 128, { min: 1, max: 4096 }),
  tsFeatures: enumField('Features', FEATURE_MODES, 'raw'),
  tsModel: enumField('Model', MODELS, 'cnn'),
  tsEpochs: intField('Epochs', 10, { min: 1, max: 100 }),
  tsSeed: intField('Seed', 1, { min: 0, max: 999999 }),
  tsThreshold: numberField('Threshold', 95, { min: 50, max: 100 }),
  tsNoise: numberField('Noise (× nominal)', 1, { min: 0, max: 40 }),
  tsRecordings: intField('Recordings per class', 12, { min: 1, max: 100 }),
  tsSeconds: numberField('Seconds per recording', 2, { min: 0.2, max: 30 }),
  tsImbalance: numberField('Class imbalance', 0, { min: 0, max: 0.9 }),
  tsBands: intField('FFT bands', 8, { min: 2, max: 32 }),
  tsAntiAlias: boolField('Anti-aliasing filter', true),
});

export type TimeSeriesSettings = Values<typeof timeSeriesSettings.fields>;

/** The worker's run settings from the page's settings. */
export function runSettings(s: TimeSeriesSettings): TsRunSettings {
  return {
    dataset: s.tsDataset,
    sampleRate: s.tsRate,
    windowLength: s.tsWindow,
    stride: s.tsStride,
    features: s.tsFeatures,
    model: s.tsModel,
    epochs: s.tsEpochs,
    seed: s.tsSeed,
    noise: s.tsNoise,
    recordings: s.tsRecordings,
    seconds: s.tsSeconds,
    imbalance: s.tsImbalance,
    bands: s.tsBands,
    antiAlias: s.tsAntiAlias,
  };
}

export interface TaskState {
  summary: DataSummary | null;
  outcome: TrainOutcome | null;
  csv: CsvImportInfo | null;
  csvError: string | null;
  /** Loss per epoch of the current / last run. */
  curve: { epoch: number; loss: number }[];
}

export interface TimeSeriesState {
  preview: SignalPreview | null;
  previewError: string | null;
  tasks: Record<TimeSeriesTask, TaskState>;
}

const emptyTask = (): TaskState => ({ summary: null, outcome: null, csv: null, csvError: null, curve: [] });

export const useTimeSeries = create<TimeSeriesState>()(() => ({
  preview: null,
  previewError: null,
  tasks: { classification: emptyTask(), anomaly: emptyTask(), regression: emptyTask() },
}));

export function patchTimeSeries(p: Partial<TimeSeriesState>): void {
  useTimeSeries.setState(p);
}

export function patchTask(task: TimeSeriesTask, p: Partial<TaskState>): void {
  useTimeSeries.setState((s) => ({ tasks: { ...s.tasks, [task]: { ...s.tasks[task], ...p } } }));
}
