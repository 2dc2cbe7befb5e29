import { describe, expect, it } from 'vitest';
import type { VersionTask } from '../../shelf/types';
import { preparedFromRecipe, recipeFromLink, scoreOutputs, spreadWindows, type TsRecipe } from './recipe';
import { TS_DEFAULTS } from './lab-defaults';

/**
 * A run link in the Time-series page's format (every key of its settings schema; the worker's
 * deploy test builds one with the schema itself, so the two cannot drift apart unseen).
 */
const PAGE_DEFAULTS = {
  tsTask: 'classification', tsDataset: 'motor', tsRate: 1000, tsWindow: 256, tsStride: 128, tsFeatures: 'raw', tsModel: 'cnn', tsEpochs: 10, tsSeed: 1,
  tsThreshold: 95, tsNoise: 1, tsRecordings: 12, tsSeconds: 2, tsImbalance: 0, tsBands: 8, tsAntiAlias: true,
};
function runLink(over: Partial<Record<keyof typeof PAGE_DEFAULTS, string | number | boolean>>): string {
  const all = Object.fromEntries(Object.entries({ ...PAGE_DEFAULTS, ...over }).map(([k, v]) => [k, String(v)]));
  return `#/time-series?${new URLSearchParams({ ...all, target: 'mcxn947' })}`;
}

const motor: VersionTask = { domain: 'time-series', kind: 'classification', dataset: 'motor', datasetLabel: 'motor modes' };
const small = { tsRate: 500, tsWindow: 128, tsStride: 64, tsRecordings: 2, tsSeconds: 1, tsSeed: 4 } as const;

describe('time-series recipe from a run link', () => {
  it('reads back exactly the run settings the page trained with', () => {
    const r = recipeFromLink(motor, runLink(small)) as TsRecipe;
    expect(r.task).toBe('classification');
    expect(r.settings).toEqual({ ...TS_DEFAULTS.classification, sampleRate: 500, windowLength: 128, stride: 64, recordings: 2, seconds: 1, seed: 4, antiAlias: true });
  });

  it('rebuilds the same windows bit for bit from the same link, other windows from another seed', () => {
    const r = recipeFromLink(motor, runLink(small)) as TsRecipe;
    const a = preparedFromRecipe(r);
    const b = preparedFromRecipe(recipeFromLink(motor, runLink(small)) as TsRecipe);
    expect(a.train.count).toBeGreaterThan(10);
    expect(a.test.count).toBeGreaterThan(2);
    expect(Buffer.from(b.train.x.buffer).equals(Buffer.from(a.train.x.buffer))).toBe(true);
    expect(Array.from(b.test.labels)).toEqual(Array.from(a.test.labels));
    const other = preparedFromRecipe(recipeFromLink(motor, runLink({ ...small, tsSeed: 5 })) as TsRecipe);
    expect(Buffer.from(other.train.x.buffer).equals(Buffer.from(a.train.x.buffer))).toBe(false);
  });

  it('refuses what it cannot rebuild, with the reason: CSV data, a missing key, a task mismatch', () => {
    expect(recipeFromLink({ ...motor, dataset: 'csv', datasetLabel: 'my recordings' }, runLink({ tsDataset: 'csv' }))).toEqual({ error: expect.stringMatching(/own recordings.*does not store/) });
    expect(recipeFromLink(motor, '#/time-series?tsTask=classification&tsEpochs=1')).toEqual({ error: expect.stringMatching(/lacks/) });
    expect(recipeFromLink(motor, runLink({ ...small, tsTask: 'regression' }))).toEqual({ error: expect.stringMatching(/for regression/) });
    expect(recipeFromLink(motor, undefined)).toEqual({ error: expect.stringMatching(/no run link/) });
  });
});

describe('task scores from outputs', () => {
  const split = { count: 4, x: Float32Array.of(0, 1, 2, 3, 4, 5, 6, 7), labels: Int32Array.of(0, 1, 1, 0), targets: Float32Array.of(0.1, 0.2, 0.3, 0.4), anomalous: [false, true, true, false] };
  it('accuracy of the argmax, AUC of the reconstruction error, R² and MAE (% SoC)', () => {
    expect(scoreOutputs('classification', split, [1, 0, 0, 1, 1, 0, 1, 0])).toEqual({ name: 'accuracy', value: 0.75 });
    // Reconstructions: exact for the normal rows, off for the anomalous ones → AUC 1.
    expect(scoreOutputs('anomaly', split, [0, 1, 9, 9, 9, 9, 6, 7]).value).toBe(1);
    const r = scoreOutputs('regression', split, [0.1, 0.2, 0.3, 0.5]);
    expect(r.name).toBe('R²');
    expect(r.mae).toBeCloseTo(2.5, 5);
  });
  it('spreads calibration windows over the whole split', () => {
    const s = spreadWindows(split, 2);
    expect(s.count).toBe(2);
    expect(Array.from(s.x)).toEqual([0, 1, 4, 5]);
  });
});
