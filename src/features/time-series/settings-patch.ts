/**
 * The settings patches of a task or dataset change: each brings its own signal defaults (rate, window,
 * stride, seconds, recordings). The controls apply them on a change; the page applies the dataset's
 * when a hand-edited link pairs a task with a dataset it does not offer.
 */
import { DATASET_DEFAULTS, TS_DEFAULTS } from '../../core/data/timeseries/lab-defaults';
import type { TimeSeriesSettings } from '../../store/time-series';

/** Task change: that task's own dataset, model and signal defaults. */
export function taskPatch(task: TimeSeriesSettings['tsTask']): Partial<TimeSeriesSettings> {
  const d = TS_DEFAULTS[task];
  return { tsTask: task, tsDataset: d.dataset, tsModel: d.model, tsFeatures: d.features, ...datasetPatch(d.dataset), tsRecordings: d.recordings };
}

export function datasetPatch(id: keyof typeof DATASET_DEFAULTS): Partial<TimeSeriesSettings> {
  const d = DATASET_DEFAULTS[id];
  return { tsDataset: id, tsRate: d.sampleRate, tsWindow: d.windowLength, tsStride: d.stride, ...(d.seconds ? { tsSeconds: d.seconds } : {}), ...(d.recordings ? { tsRecordings: d.recordings } : {}) };
}
