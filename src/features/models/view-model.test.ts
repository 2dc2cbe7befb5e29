import { describe, expect, it } from 'vitest';
import { fakeTimeSeriesVersion, fakeVersion } from '../../core/shelf/test-fixtures';
import type { ModelVersion } from '../../core/shelf/types';
import type { ShelfEntry } from '../../worker/protocol/shelf';
import { versionRows } from './view-model';

/** A listing entry as the worker builds it (summary + fp32 deployment). */
function entry(v: ModelVersion): ShelfEntry {
  const { weights: _w, ...rest } = v;
  void _w;
  return { ...rest, quantized: false, pruned: false, sparsity: 0, deployment: { dtype: 'fp32' } };
}

describe('Models view model: time-series versions', () => {
  const rows = versionRows(
    [
      entry(fakeVersion('m')),
      entry(fakeTimeSeriesVersion('cls')),
      entry(fakeTimeSeriesVersion('ad', { name: 'AUC', float: 0.9812, int8: 0.975 })),
      entry(fakeTimeSeriesVersion('reg', { name: 'R²', float: 0.934, extra: [{ name: 'MAE', value: 3.14, unit: '% SoC' }] })),
    ],
    [],
    'mcxn947',
  );
  const [mnist, cls, ad, reg] = rows;

  it('shows the stored metric under its own name ("Test accuracy" only for an accuracy)', () => {
    expect(mnist.metric).toMatchObject({ label: 'Test accuracy', text: '93.8 %' });
    expect(mnist.metric.note).toMatch(/MNIST/);
    expect(cls.metric).toMatchObject({ label: 'Test accuracy', text: '96.4 %' });
    expect(cls.metric.note).toBe('float model on its motor modes test windows (stored when saved); int8 PTQ 95.7 %');
    expect(ad.metric).toMatchObject({ label: 'AUC', text: '0.981' });
    expect(reg.metric).toMatchObject({ label: 'R²', text: '0.934', extra: [{ label: 'MAE', text: '3.1 % SoC' }] });
  });

  it('marks the task and data, and never shows an MNIST accuracy for it', () => {
    expect(mnist.taskLabel).toBeNull();
    expect(cls.taskLabel).toBe('time series · classification · motor modes');
    expect(ad.taskLabel).toBe('time series · anomaly detection · motor modes');
    expect(cls.accuracy).toBeUndefined();
  });

  it('estimates flash, RAM and latency from the spec as for any model', () => {
    for (const r of rows) {
      expect(r.flashBytes).toBeGreaterThan(0);
      expect(r.ramBytes).toBeGreaterThan(0);
      expect(r.latencyMs).toBeGreaterThan(0);
    }
  });
});
