import { describe, expect, it } from 'vitest';
import type { TrainOutcome } from '../../worker/protocol/time-series';
import { defaultTsVersionName, taskMetricOf, taskOf } from './shelf-save';

const outcome = (float: TrainOutcome['float'], int8: TrainOutcome['int8']): TrainOutcome =>
  ({ stopped: false, epochsDone: 1, history: [], spec: null, float, int8, summary: {} as TrainOutcome['summary'] });

describe('time-series: what "Save to shelf" stores', () => {
  it('names the model and its data', () => {
    expect(defaultTsVersionName({ tsTask: 'classification', tsDataset: 'motor', tsModel: 'cnn', tsFeatures: 'raw' })).toBe('1-D CNN · motor modes');
    expect(defaultTsVersionName({ tsTask: 'anomaly', tsDataset: 'motor', tsModel: 'autoencoder', tsFeatures: 'dsp' })).toBe('Dense autoencoder on DSP features · motor faults');
    expect(taskOf('regression', 'battery')).toEqual({ domain: 'time-series', kind: 'regression', dataset: 'battery', datasetLabel: 'battery SoC' });
  });

  it('keeps the metric that applies to the task, float and int8', () => {
    const cls = (a: number) => ({ task: 'classification' as const, classification: { accuracy: a, confusion: [] } });
    expect(taskMetricOf(outcome(cls(0.96), cls(0.95)))).toEqual({ name: 'accuracy', float: 0.96, int8: 0.95 });
    const an = { task: 'anomaly' as const, anomaly: { auc: 0.97 } as NonNullable<TrainOutcome['float']['anomaly']> };
    expect(taskMetricOf(outcome(an, null))).toEqual({ name: 'AUC', float: 0.97 });
    const reg = (r2: number) => ({ task: 'regression' as const, regression: { mae: 0.031, rmse: 0.04, r2, predicted: new Float32Array(), truth: new Float32Array() } });
    expect(taskMetricOf(outcome(reg(0.93), reg(0.9)))).toEqual({ name: 'R²', float: 0.93, int8: 0.9, extra: [{ name: 'MAE', value: 3.1, unit: '% SoC' }] });
    expect(taskMetricOf(outcome({ task: 'classification' }, null))).toBeNull();
  });
});
