/** Test helper: deterministic, valid ModelVersions (no tfjs) for the shelf's unit tests. */
import { analyzeSpec } from '../model/analyze';
import { zooSpec } from '../model/zoo/mnist';
import { expectedWeights } from './validate';
import { cnn1d } from '../model/zoo/time-series';
import type { ModelVersion, TaskMetric } from './types';

export function fakeVersion(id: string, parentId: string | null = null, extra: Partial<ModelVersion> = {}): ModelVersion {
  const spec = zooSpec('mlp');
  const info = analyzeSpec(spec);
  const weights = expectedWeights(spec, info).map((w, i) => {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    // Awkward floats (subnormals, negative zero, values needing all 24 mantissa bits) for bit-exactness.
    for (let k = 0; k < n; k++) data[k] = k % 97 === 0 ? -0 : k % 89 === 0 ? 1e-40 : Math.fround(Math.sin(k * 1.618 + i) / 3);
    return { ...w, data };
  });
  return {
    id, name: `MLP ${id}`, technique: parentId ? 'prune' : 'train', lab: parentId ? 'pruning' : 'train',
    settingsLink: '#/train?model=mlp&epochs=1', parentId, createdAt: '2026-12-01T12:00:00.000Z',
    spec, seed: 7, weights, metrics: { floatAccuracy: 0.9375, params: info.params, macs: info.macs },
    ...extra,
  };
}

/** A pruned + quantized version: masks on every kernel, per-channel weight and per-tensor activation params. */
export function fakeQuantizedVersion(id: string, parentId: string): ModelVersion {
  const v = fakeVersion(id, parentId, { technique: 'quantize', lab: 'quantization' });
  v.masks = v.weights.filter((w) => w.role === 'kernel').map((w) => ({ layer: w.layer, role: w.role, mask: Uint8Array.from(w.data, (_x, k) => (k % 5 === 0 ? 0 : 1)) }));
  v.quant = {
    weightBits: 8, activationBits: 8, perChannel: true, method: 'PTQ',
    weights: v.weights.filter((w) => w.role === 'kernel').map((w) => {
      const c = w.shape[w.shape.length - 1];
      return { tensor: `${w.layer}/kernel`, scale: Float32Array.from({ length: c }, (_, k) => Math.fround(0.001 + k * 1.37e-5)), zeroPoint: new Int32Array(c) };
    }),
    activations: [{ tensor: 'input', scale: Float32Array.of(Math.fround(1 / 255)), zeroPoint: Int32Array.of(-128) }],
  };
  v.metrics.integerAccuracy = 0.931;
  return v;
}

/** A time-series version: the 1-D CNN on 3-axis windows of 128 samples (input [128, 1, 3], 7 motor modes). */
export function fakeTimeSeriesVersion(id: string, metric: TaskMetric = { name: 'accuracy', float: 0.964, int8: 0.957 }): ModelVersion {
  const spec = cnn1d(128, 3, 7);
  const info = analyzeSpec(spec);
  const weights = expectedWeights(spec, info).map((w, i) => ({ ...w, data: Float32Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, (_x, k) => Math.fround(Math.cos(k * 0.7 + i) / 5)) }));
  return {
    id, name: `1-D CNN · motor modes ${id}`, technique: 'train', lab: 'time-series', settingsLink: '#/time-series?tsTask=classification&tsEpochs=1',
    parentId: null, createdAt: '2026-12-02T01:00:00.000Z', spec, seed: 3, weights,
    metrics: { params: info.params, macs: info.macs, taskMetric: metric },
    task: { domain: 'time-series', kind: metric.name === 'accuracy' ? 'classification' : metric.name === 'AUC' ? 'anomaly' : 'regression', dataset: 'motor', datasetLabel: 'motor modes' },
  };
}
