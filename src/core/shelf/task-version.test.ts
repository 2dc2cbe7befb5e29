import { describe, expect, it } from 'vitest';
import { readShelfFile, writeShelfFile } from './file-format';
import { fakeTimeSeriesVersion, fakeVersion } from './test-fixtures';
import { formatTaskMetric, notMnistReason, runningAccuracy, runsOnMnist } from './types';
import { validateVersion } from './validate';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('shelf: time-series versions', () => {
  it('validation accepts a non-MNIST input shape with its task and metric', () => {
    const v = fakeTimeSeriesVersion('ts');
    expect(v.spec.inputShape).toEqual([128, 1, 3]);
    const r = validateVersion(v);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.task).toEqual({ domain: 'time-series', kind: 'classification', dataset: 'motor', datasetLabel: 'motor modes' });
    expect(r.value.metrics.taskMetric).toEqual({ name: 'accuracy', float: 0.964, int8: 0.957 });
    // Its accuracy is not an MNIST accuracy: nothing for the image labs' "Test accuracy".
    expect(runningAccuracy(r.value)).toBeUndefined();
  });

  it('round-trips through the shelf file with task, metric and weights', () => {
    const ts = fakeTimeSeriesVersion('ts', { name: 'R²', float: 0.93, int8: 0.91, extra: [{ name: 'MAE', value: 3.4, unit: '% SoC' }] });
    const back = readShelfFile(bytes(writeShelfFile({ versions: [fakeVersion('m'), ts], tombstones: [] })));
    const ts2 = back.versions.find((v) => v.id === 'ts')!;
    expect(ts2.task?.kind).toBe('regression');
    expect(ts2.metrics.taskMetric).toEqual(ts.metrics.taskMetric);
    expect(ts2.spec).toEqual(ts.spec);
    ts.weights.forEach((w, i) => expect(Array.from(ts2.weights[i].data)).toEqual(Array.from(w.data)));
    expect(back.versions.find((v) => v.id === 'm')!.task).toBeUndefined();
  });

  it('lists a bad task or metric as damaged, with the reason', () => {
    const bad = (patch: (v: ReturnType<typeof fakeTimeSeriesVersion>) => void) => {
      const v = fakeTimeSeriesVersion('x');
      patch(v);
      const r = validateVersion(v);
      return r.ok ? 'ok' : r.reason;
    };
    expect(bad((v) => ((v.task as { kind: string }).kind = 'dance'))).toMatch(/task "dance" is unknown/);
    expect(bad((v) => (v.metrics.taskMetric!.float = 1.5))).toMatch(/accuracy is not between 0 and 1/);
    expect(bad((v) => delete v.metrics.taskMetric)).toMatch(/task version has no metric/);
    expect(bad((v) => delete v.task)).toMatch(/task metric but no task/);
    expect(bad((v) => (v.metrics.taskMetric = { name: 'MAE', float: -1 }))).toMatch(/MAE is out of range/);
  });

  it('MNIST labs are offered MNIST versions only, with the reason for the others', () => {
    const ts = fakeTimeSeriesVersion('ts');
    expect(runsOnMnist(fakeVersion('m'))).toBe(true);
    expect(runsOnMnist(ts)).toBe(false);
    expect(notMnistReason(ts)).toBe('a time-series model (classification, motor modes) needs its own data, not MNIST digits');
    expect(runsOnMnist({ spec: { inputShape: [64, 1, 3] } })).toBe(false);
  });

  it('formats each metric as the page shows it', () => {
    expect(formatTaskMetric('accuracy', 0.9641)).toBe('96.4 %');
    expect(formatTaskMetric('AUC', 0.98123)).toBe('0.981');
    expect(formatTaskMetric('MAE', 3.41, '% SoC')).toBe('3.4 % SoC');
    expect(formatTaskMetric('R²', undefined)).toBe('–');
  });
});
