import { describe, expect, it } from 'vitest';
import { buildDataset, FIELD_PRESETS, MAX_SIMULATED_SAMPLES, simulatedSamples, TS_DEFAULTS } from './lab-defaults';
import type { TimeSeriesTask } from './types';

const TASKS: TimeSeriesTask[] = ['classification', 'anomaly', 'regression'];

describe('simulated sample budget', () => {
  it('refuses a battery at the motor rate (a short regression link) with the fix named, before simulating', () => {
    const s = { ...TS_DEFAULTS.regression, sampleRate: 1000, windowLength: 256, stride: 128 };
    expect(simulatedSamples('regression', 'battery', s)).toBeGreaterThan(MAX_SIMULATED_SAMPLES);
    expect(() => buildDataset('regression', 'battery', s)).toThrow(/lower the sampling rate \(this dataset's default is 1 Hz\)/);
  });

  it('bounds the samples actually simulated (motor: classes x recordings x seconds x rate)', () => {
    const s = { ...TS_DEFAULTS.classification, recordings: 2, seconds: 1, sampleRate: 500 };
    const ds = buildDataset('classification', 'motor', s);
    const samples = ds.recordings.reduce((n, r) => n + r.channels[0].length, 0);
    expect(samples).toBeLessThanOrEqual(simulatedSamples('classification', 'motor', s));
    expect(samples).toBeGreaterThan(0);
  });

  it('keeps every task default and field preset inside the budget', () => {
    for (const t of TASKS) {
      const s = { ...TS_DEFAULTS[t], ...FIELD_PRESETS[t] };
      const id = s.dataset === 'csv' ? 'motor' : s.dataset;
      expect(simulatedSamples(t, id, TS_DEFAULTS[t])).toBeLessThan(MAX_SIMULATED_SAMPLES);
      expect(simulatedSamples(t, id, s)).toBeLessThan(MAX_SIMULATED_SAMPLES);
    }
  });
});
