/**
 * What the Time-series lab's "Save to shelf" stores for a run (pure): the default version name
 * ("1-D CNN · motor modes"), the task (so the image labs never evaluate it on MNIST) and the run's
 * metric as the page shows it (accuracy, AUC, or R² with the MAE beside it).
 */
import type { TaskMetric, VersionTask } from '../../core/shelf/types';
import type { TimeSeriesTask, TrainOutcome } from '../../worker/protocol/time-series';
import type { TimeSeriesSettings } from '../../store/time-series';

const MODEL_SHORT: Record<TimeSeriesSettings['tsModel'], string> = { cnn: '1-D CNN', mlp: 'MLP', autoencoder: 'Dense autoencoder', distance: 'Distance to normal' };

/** How a version names its data: the dataset as the task uses it. */
export function datasetLabel(task: TimeSeriesTask, dataset: TimeSeriesSettings['tsDataset']): string {
  if (dataset === 'csv') return 'my recordings';
  if (dataset === 'battery') return 'battery SoC';
  if (dataset === 'activity') return 'activity & gestures';
  return task === 'anomaly' ? 'motor faults' : 'motor modes';
}

export function taskOf(task: TimeSeriesTask, dataset: TimeSeriesSettings['tsDataset']): VersionTask {
  return { domain: 'time-series', kind: task, dataset, datasetLabel: datasetLabel(task, dataset) };
}

export function defaultTsVersionName(s: Pick<TimeSeriesSettings, 'tsTask' | 'tsDataset' | 'tsModel' | 'tsFeatures'>): string {
  const features = s.tsModel !== 'cnn' && s.tsFeatures === 'dsp' ? ' on DSP features' : '';
  return `${MODEL_SHORT[s.tsModel]}${features} · ${datasetLabel(s.tsTask, s.tsDataset)}`;
}

/** The run's metric (float and int8 PTQ), or null when the run has none to save (baseline, not evaluated). */
export function taskMetricOf(outcome: TrainOutcome): TaskMetric | null {
  const f = outcome.float;
  const q = outcome.int8;
  if (f.classification) return { name: 'accuracy', float: f.classification.accuracy, ...(q?.classification ? { int8: q.classification.accuracy } : {}) };
  if (f.anomaly) return { name: 'AUC', float: f.anomaly.auc, ...(q?.anomaly ? { int8: q.anomaly.auc } : {}) };
  if (f.regression) {
    // The page shows MAE in % of state of charge (the target is a 0..1 fraction).
    return { name: 'R²', float: f.regression.r2, ...(q?.regression ? { int8: q.regression.r2 } : {}), extra: [{ name: 'MAE', value: f.regression.mae * 100, unit: '% SoC' }] };
  }
  return null;
}
