import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaults, encode } from '../store/settings-schema';
import { runSettings, timeSeriesSettings, type TimeSeriesSettings } from '../store/time-series';
import { getSlot } from './context';
import { deployApi } from './deploy';
import { SHELF_PREFIX } from './deploy-models';
import { getVersion, shelfApi } from './shelf';
import { tsVersionsApi } from './ts-version-labs';
import { saveTsVersion, setUpTsVersionTests } from './ts-version-test-env';

setUpTsVersionTests();

const SMALL: TimeSeriesSettings = { ...defaults(timeSeriesSettings), tsRate: 500, tsWindow: 128, tsStride: 64, tsRecordings: 3, tsSeconds: 1, tsEpochs: 15, tsSeed: 3 };
const linkOf = (s: TimeSeriesSettings) => `#/time-series?${new URLSearchParams(encode(timeSeriesSettings, s))}`;

describe('engine.tsVersions on a saved 1-D CNN (motor modes)', () => {
  it('int8 PTQ: task metric float vs integer-only, no leaks; the saved child deploys with exactly those parameters', async () => {
    const v = await saveTsVersion('classification', runSettings(SMALL), linkOf(SMALL));
    const before = tf.memory().numTensors;
    const r = await tsVersionsApi.quantize({ id: v.id, calibrationWindows: 100 });
    expect(tf.memory().numTensors).toBe(before + getSlot(r.saveSlot).model.getWeights().length);
    expect(r.reproduced).toBe(true);
    expect(r.float.value).toBeCloseTo(v.metrics.taskMetric!.float, 6);
    // Within 5 points on these few dozen test windows (one window is ~2 points).
    expect(Math.abs(r.int8.value - r.float.value)).toBeLessThanOrEqual(0.05);
    // int8 kernels (int32 biases): under a third of the float32 bytes.
    expect(r.int8Bytes).toBeLessThan(r.floatBytes / 3);
    console.log(`ts PTQ: float ${r.float.value}, int8 ${r.int8.value}, ${r.testWindows} test windows, ${r.calibrationWindows} calibration`);

    const child = await shelfApi.save({
      slot: r.saveSlot, name: 'ts int8', technique: 'quantize', lab: 'quantization', parentId: v.id, masks: 'inherit', quant: r.quant, task: r.task,
      metrics: { taskMetric: { name: r.float.name, float: r.float.value, int8: r.int8.value } },
    });
    expect((await getVersion(child.version.id)).task?.dataLink).toBe(linkOf(SMALL));
    const d = await deployApi.export({ model: SHELF_PREFIX + child.version.id, calibrationImages: 7, testVectors: 5 });
    expect(d.quantNote).toMatch(/own quantization parameters/);
    // Same parameters, same windows, same integer engine: the very same metric.
    expect(d.taskScore!.appInt8).toBe(r.int8.value);
    expect(d.taskScore!.reproduced).toBe(true);
  });

  it('magnitude pruning: exact sparsity, task metric before / after, the child keeps its zeros as masks', async () => {
    const v = await saveTsVersion('classification', runSettings(SMALL), linkOf(SMALL));
    const before = tf.memory().numTensors;
    const r = await tsVersionsApi.prune({ id: v.id, sparsity: 0.6, scope: 'global' });
    expect(tf.memory().numTensors).toBe(before + getSlot(r.saveSlot).model.getWeights().length);
    expect(r.sparsity).toBeCloseTo(0.6, 2);
    expect(r.before.value).toBeCloseTo(v.metrics.taskMetric!.float, 6);
    expect(r.after.value).toBeGreaterThanOrEqual(0);
    console.log(`ts prune 60 %: before ${r.before.value}, after ${r.after.value}`);
    const child = await shelfApi.save({
      slot: r.saveSlot, name: 'ts pruned', technique: 'prune', lab: 'pruning', parentId: v.id, masks: 'from-zeros', task: r.task,
      metrics: { taskMetric: { name: r.after.name, float: r.after.value } },
    });
    const full = await getVersion(child.version.id);
    const kept = full.masks!.reduce((a, m) => a + m.mask.reduce((s, x) => s + x, 0), 0);
    const total = full.masks!.reduce((a, m) => a + m.mask.length, 0);
    expect(1 - kept / total).toBeCloseTo(r.sparsity, 6);
    // A pruned child's windows are its root's: pruning it again works, and quantized versions are refused.
    await expect(tsVersionsApi.prune({ id: child.version.id, sparsity: 0.7, scope: 'local' })).resolves.toMatchObject({ reproduced: true });
  });
});
