/**
 * From a dataset to model-ready arrays: split by recording, cut windows, then either standardised raw
 * windows ([length, 1, channels]) or standardised DSP features ([dim]). Statistics come from the
 * training split only (the test split is never looked at). Pure TypeScript.
 */
import { extractFeatures, featureNames } from './features';
import { columnStats, makeWindows, splitRecordings, standardize, type ChannelStats } from './window';
import type { TimeSeriesDataset, TimeSeriesTask, WindowSet } from './types';

export type FeatureMode = 'raw' | 'dsp';

export interface PrepareOptions {
  task: TimeSeriesTask;
  windowLength: number;
  stride: number;
  features: FeatureMode;
  bands: number;
  testFraction: number;
  seed: number;
  /** Anomaly detection: classes that count as normal (trained on). */
  normalClasses?: number[];
}

export interface PreparedSplit {
  count: number;
  /** count × prod(inputShape). */
  x: Float32Array;
  labels: Int32Array;
  targets: Float32Array;
  /** Anomaly detection: true for windows of a non-normal class. */
  anomalous: boolean[];
}

export interface Prepared {
  task: TimeSeriesTask;
  features: FeatureMode;
  inputShape: number[];
  classNames: string[];
  featureNames: string[];
  sampleRate: number;
  stats: ChannelStats;
  train: PreparedSplit;
  test: PreparedSplit;
  /** Windows in both splits. */
  windows: number;
}

function toSplit(w: WindowSet, o: PrepareOptions, sampleRate: number, stats: ChannelStats | null): { split: PreparedSplit; raw: Float32Array; dim: number } {
  const dim = o.features === 'raw' ? w.channels : w.channels * (6 + o.bands);
  const raw = o.features === 'raw' ? w.data : extractFeatures(w, sampleRate, o.bands);
  const normal = o.normalClasses ?? [];
  const split: PreparedSplit = {
    count: w.count,
    x: stats ? standardize(raw, stats) : raw,
    labels: w.labels,
    targets: w.targets,
    anomalous: Array.from(w.labels, (l) => o.task === 'anomaly' && !normal.includes(l)),
  };
  return { split, raw, dim };
}

export function prepare(ds: TimeSeriesDataset, o: PrepareOptions): Prepared {
  const s = splitRecordings(ds.recordings, o.testFraction, o.seed, o.task === 'anomaly' ? o.normalClasses : undefined);
  const wTrain = makeWindows(ds.recordings, o.windowLength, o.stride, s.train);
  const wTest = makeWindows(ds.recordings, o.windowLength, o.stride, s.test);
  const first = toSplit(wTrain, o, ds.sampleRate, null);
  const stats = columnStats(first.raw, first.dim);
  first.split.x = standardize(first.raw, stats);
  const test = toSplit(wTest, o, ds.sampleRate, stats).split;
  const channels = ds.channelNames.length;
  return {
    task: o.task,
    features: o.features,
    inputShape: o.features === 'raw' ? [o.windowLength, 1, channels] : [first.dim],
    classNames: ds.classNames,
    featureNames: o.features === 'raw' ? ds.channelNames : featureNames(ds.channelNames, o.bands),
    sampleRate: ds.sampleRate,
    stats,
    train: first.split,
    test,
    windows: wTrain.count + wTest.count,
  };
}
