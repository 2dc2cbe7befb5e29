/**
 * The one format every time-series source produces (simulators, CSV import, live capture):
 * recordings of multichannel samples at a sampling rate, each with a class label (classification,
 * anomaly detection) and optionally a per-sample target (regression). Windows are cut from them.
 */

export type TimeSeriesTask = 'classification' | 'anomaly' | 'regression';

export interface Recording {
  /** One Float32Array per channel, all the same length. */
  channels: Float32Array[];
  /** Class index into the dataset's classNames. */
  label: number;
  /** Regression target per sample (e.g. state of charge), when the dataset has one. */
  target?: Float32Array;
}

export interface TimeSeriesDataset {
  /** e.g. "motor", "activity", "battery", "csv". */
  id: string;
  sampleRate: number;
  channelNames: string[];
  /** Physical unit of the channels, for plots. */
  unit: string;
  classNames: string[];
  recordings: Recording[];
  /** Regression datasets: the name and unit of the target. */
  targetName?: string;
}

/** Windows cut from recordings, laid out as NHWC [n, length, 1, channels] (time-major, channels last). */
export interface WindowSet {
  count: number;
  length: number;
  channels: number;
  /** n × length × channels, sample t of channel c at (i·length + t)·channels + c. */
  data: Float32Array;
  labels: Int32Array;
  /** Regression target at the window's last sample (NaN when the dataset has none). */
  targets: Float32Array;
  /** Index of the recording each window came from (splits keep recordings whole). */
  recording: Int32Array;
}

export function recordingLength(r: Recording): number {
  return r.channels[0]?.length ?? 0;
}
