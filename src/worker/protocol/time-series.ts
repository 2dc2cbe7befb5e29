/**
 * engine["time-series"].*: the Time-series lab's worker API (types only). The worker keeps each
 * task's dataset (simulated, imported CSV or live clips) and trains / evaluates / quantizes on it;
 * the page holds plain data only.
 */
import type { TsRunSettings } from '../../core/data/timeseries/lab-defaults';
import type { TaskEvaluation } from '../../core/data/timeseries/run';
import type { TimeSeriesTask } from '../../core/data/timeseries/types';
import type { ModelSpec } from '../../core/model/spec';
import type { LoopBatchEvent, LoopEpochEvent } from '../../core/train/loop';

export type { TsRunSettings, TaskEvaluation, TimeSeriesTask };

export interface Spectrogram {
  frames: number;
  bins: number;
  /** frames × bins power in dB, frame-major. */
  db: Float32Array;
  /** Frequency of the last bin (Nyquist) and seconds between frames. */
  maxHz: number;
  hopSeconds: number;
}

export interface ClassPreview {
  name: string;
  /** One window of each channel, as the model sees it (before standardisation). */
  window: Float32Array[];
  spectrogram: Spectrogram;
  /** Which channel the spectrogram shows. */
  spectrogramChannel: string;
}

export interface SignalPreview {
  dataset: string;
  sampleRate: number;
  windowLength: number;
  channelNames: string[];
  unit: string;
  classes: ClassPreview[];
}

export interface FisherEntry {
  name: string;
  ratio: number;
}

export interface DataSummary {
  task: TimeSeriesTask;
  dataset: string;
  sampleRate: number;
  channelNames: string[];
  classNames: string[];
  recordings: number;
  windows: number;
  train: number;
  test: number;
  /** Windows per class over both splits. */
  classWindows: number[];
  /** DSP features ranked by Fisher's ratio (top 12), on the training windows. */
  fisher: FisherEntry[];
  /** The two best features, per training window (≤ 210 points), for the separability plot. */
  scatter: { x: number; y: number; label: number }[];
  scatterAxes: [string, string];
  /** Set when the settings give no windows (or too few); the page shows it instead of failing. */
  notice?: string;
}

export interface CsvImportInfo {
  files: { name: string; rows: number; channels: string[]; labels: string[]; sampleRate: number | null; timeColumn: string | null; labelColumn: string | null }[];
  /** Header and first rows of the first file. */
  preview: string[][];
}

export interface Clip {
  label: string;
  sampleRate: number;
  channelNames: string[];
  channels: Float32Array[];
}

export interface TrainOutcome {
  stopped: boolean;
  epochsDone: number;
  history: LoopEpochEvent[];
  /** Null for the distance-to-normal baseline (nothing to deploy but the features). */
  spec: ModelSpec | null;
  float: TaskEvaluation;
  /** The int8 PTQ model's metric on the same test windows (null for the baseline). */
  int8: TaskEvaluation | null;
  summary: DataSummary;
}

export type TsEvent = LoopBatchEvent | LoopEpochEvent | { type: 'phase'; text: string; fraction: number };

export interface TimeSeriesApi {
  /** One recording per class at the current settings: windows and spectrograms (fast, not a job). */
  preview(task: TimeSeriesTask, settings: TsRunSettings): Promise<SignalPreview>;
  /** Simulates the task's dataset (a job) and summarises its windows and feature separability. */
  generate(task: TimeSeriesTask, settings: TsRunSettings): Promise<DataSummary>;
  /** Parses CSV files (one file per label, or a label column) into the task's dataset. */
  importCsv(task: TimeSeriesTask, files: { name: string; text: string }[], settings: TsRunSettings): Promise<{ info: CsvImportInfo; summary: DataSummary }>;
  /** Live-captured clips (accelerometer, microphone) become the task's dataset. */
  importClips(task: TimeSeriesTask, clips: Clip[], settings: TsRunSettings): Promise<DataSummary>;
  /** Generates the dataset first when it is missing or stale, then trains, evaluates and quantizes. */
  train(task: TimeSeriesTask, settings: TsRunSettings, onEvent?: (e: TsEvent) => void): Promise<TrainOutcome>;
}
