/** Invariants of the device estimator (issue 4): they hold on every target, whatever the calibration. */
import { describe, expect, it } from 'vitest';
import { LENET5, MLP } from '../model/zoo/mnist';
import { MLPERF_TINY } from '../model/zoo/mlperf';
import type { ModelSpec } from '../model/spec';
import { TARGETS, breakEvenSparsity, estimate, estimateAll, lower, weightStorageBytes, type Deployment } from './index';

const INT8: Deployment = { dtype: 'int8' };
const FP32: Deployment = { dtype: 'fp32' };

function cnn(f1: number, f2: number, units: number, size = 28): ModelSpec {
  return {
    id: `cnn-${f1}-${f2}-${units}-${size}`,
    name: 'test cnn',
    inputShape: [size, size, 1],
    layers: [
      { type: 'conv2d', name: 'c1', filters: f1, kernel: 3, padding: 'same', activation: 'relu' },
      { type: 'maxPool2d', name: 'p1', pool: 2 },
      { type: 'depthwiseConv2d', name: 'dw', kernel: 3, padding: 'same', activation: 'relu' },
      { type: 'conv2d', name: 'c2', filters: f2, kernel: 1, activation: 'relu' },
      { type: 'globalAvgPool2d', name: 'gap' },
      { type: 'dense', name: 'fc', units, activation: 'relu' },
      { type: 'dense', name: 'logits', units: 10 },
    ],
  };
}

const sparsify = (spec: ModelSpec, s: number): Record<string, number> =>
  Object.fromEntries(spec.layers.filter((l) => l.type === 'dense' || l.type === 'conv2d' || l.type === 'depthwiseConv2d').map((l) => [l.name, s]));

describe('latency', () => {
  it('is non-decreasing in MACs on every target and engine (growing widths and inputs)', () => {
    const family = [cnn(2, 4, 8), cnn(4, 8, 16), cnn(4, 16, 16), cnn(8, 16, 32), cnn(8, 32, 64), cnn(16, 32, 64), cnn(16, 64, 128), cnn(16, 64, 128, 56), cnn(32, 64, 128, 56)];
    for (const dep of [INT8, FP32]) {
      const ests = family.map((s) => estimateAll(s, dep));
      for (let t = 0; t < TARGETS.length; t++) {
        const rows = ests.map((e) => e[t]).sort((a, b) => a.macs - b.macs);
        for (let i = 1; i < rows.length; i++) {
          expect(rows[i].macs).toBeGreaterThan(rows[i - 1].macs);
          expect(rows[i].cpu.ms).toBeGreaterThanOrEqual(rows[i - 1].cpu.ms);
          if (rows[i].npu?.available) expect(rows[i].npu!.ms).toBeGreaterThanOrEqual(rows[i - 1].npu!.ms);
        }
      }
    }
  });

  it('is unchanged by unstructured sparsity, on every target, engine and storage format', () => {
    for (const storage of ['dense', 'bitmask', 'csr'] as const) {
      const base = estimateAll(LENET5, { dtype: 'int8', storage });
      for (const s of [0.3, 0.8, 0.95]) {
        const sparse = estimateAll(LENET5, { dtype: 'int8', storage, sparsity: sparsify(LENET5, s) });
        sparse.forEach((e, t) => {
          expect(e.cpu.ms).toBe(base[t].cpu.ms);
          expect(e.npu?.ms).toBe(base[t].npu?.ms);
          expect(e.macs).toBe(base[t].macs);
        });
      }
    }
  });

  it('an fp32 model cannot use the int8-only NPU, and the reason says so', () => {
    const e = estimate(LENET5, FP32, 'mcxn947');
    expect(e.npu?.available).toBe(false);
    expect(e.npu?.reason).toMatch(/int8/);
    expect(e.npu?.reason).toMatch(/fp32/);
    expect(e.best.engine).toBe('cpu');
    expect(estimate(LENET5, INT8, 'mcxn947').best.engine).toBe('npu');
  });

  it('marks layers that fall back to the CPU (softmax, fp32 layer override) with the reason', () => {
    const kws = MLPERF_TINY.find((m) => m.id === 'kws')!.spec;
    const e = estimate(kws, INT8, 'mcxn947');
    expect(e.npu!.fallbackOps).toEqual(['fc/softmax']);
    expect(e.layers.find((l) => l.name === 'fc/softmax')!.fallback).toMatch(/softmax/);
    const mixed = estimate(LENET5, { dtype: 'int8', layerDtype: { fc1: 'fp32' } }, 'mcxn947');
    expect(mixed.npu!.fallbackOps).toContain('fc1');
    expect(mixed.layers.find((l) => l.name === 'fc1')!.fallback).toMatch(/fp32 weights/);
    expect(mixed.npu!.ms).toBeGreaterThan(estimate(LENET5, INT8, 'mcxn947').npu!.ms);
  });
});

describe('flash', () => {
  it('int8 kernels take 1/4 of fp32 (and the whole model file about a quarter)', () => {
    for (const spec of [MLP, LENET5]) {
      const a = estimate(spec, INT8);
      const b = estimate(spec, FP32);
      expect(a.flash.weights / b.flash.weights).toBeCloseTo(0.25, 3);
      expect(a.flash.model / b.flash.model).toBeGreaterThan(0.25);
      expect(a.flash.model / b.flash.model).toBeLessThan(0.32);
    }
    expect(estimate(MLP, { dtype: 'int4' }).flash.weights / estimate(MLP, FP32).flash.weights).toBeCloseTo(0.125, 3);
  });

  it('bitmask beats dense only past 12.5 % sparsity at int8', () => {
    const n = 120 * 84;
    const dense = weightStorageBytes(n, 84, 0, 'int8', 'dense');
    expect(breakEvenSparsity('int8', 'bitmask')).toBe(0.125);
    for (const s of [0, 0.05, 0.1, 0.12]) expect(weightStorageBytes(n, 84, s, 'int8', 'bitmask')).toBeGreaterThan(dense);
    for (const s of [0.14, 0.2, 0.5, 0.9]) expect(weightStorageBytes(n, 84, s, 'int8', 'bitmask')).toBeLessThan(dense);
    // Through the estimator: the whole kernel budget follows the same rule.
    const d = estimate(LENET5, INT8).flash.weights;
    expect(estimate(LENET5, { dtype: 'int8', storage: 'bitmask', sparsity: sparsify(LENET5, 0.1) }).flash.weights).toBeGreaterThan(d);
    expect(estimate(LENET5, { dtype: 'int8', storage: 'bitmask', sparsity: sparsify(LENET5, 0.2) }).flash.weights).toBeLessThan(d);
  });

  it('CSR needs more sparsity than bitmask to pay off, and dense storage ignores sparsity', () => {
    const n = 400 * 120;
    const dense = weightStorageBytes(n, 120, 0, 'int8', 'dense');
    expect(weightStorageBytes(n, 120, 0.4, 'int8', 'csr')).toBeGreaterThan(dense);
    expect(weightStorageBytes(n, 120, 0.8, 'int8', 'csr')).toBeLessThan(dense);
    expect(estimate(LENET5, { dtype: 'int8', sparsity: sparsify(LENET5, 0.9) }).flash.total).toBe(estimate(LENET5, INT8).flash.total);
  });

  it('the download size shrinks with sparsity even when flash (dense storage) does not', () => {
    const a = estimate(LENET5, INT8);
    const b = estimate(LENET5, { dtype: 'int8', sparsity: sparsify(LENET5, 0.9) });
    expect(b.downloadBytes).toBeLessThan(a.downloadBytes * 0.5);
    expect(a.downloadBytes).toBeLessThan(a.flash.model);
  });

  it('folds conv → batch norm → ReLU into one op (no extra flash, no extra op), but not BN after a ReLU', () => {
    const conv1 = { type: 'conv2d', name: 'conv1', filters: 6, kernel: 5, padding: 'same', useBias: false } as const;
    const rest = LENET5.layers.slice(1);
    const withBn: ModelSpec = { ...LENET5, id: 'bn', layers: [conv1, { type: 'batchNorm', name: 'bn1' }, { type: 'activation', name: 'relu1', activation: 'relu' }, ...rest] };
    const a = estimate(withBn, INT8);
    const b = estimate(LENET5, INT8);
    expect(a.flash.model).toBe(b.flash.model);
    expect(a.cpu.ms).toBe(b.cpu.ms);
    expect(a.layers.map((l) => l.name)).toEqual(b.layers.map((l) => l.name));
    expect(a.layers[0].fused).toEqual(['bn1', 'relu1']);
    // BN after the ReLU cannot be folded: it stays an element-wise op and costs time.
    const late: ModelSpec = { ...LENET5, id: 'late-bn', layers: [LENET5.layers[0], { type: 'batchNorm', name: 'bn1' }, ...rest] };
    const c = estimate(late, INT8);
    expect(c.layers.map((l) => l.name)).toContain('bn1');
    expect(c.cpu.ms).toBeGreaterThan(b.cpu.ms);
  });
});

describe('structured pruning (a smaller spec)', () => {
  it('lowers MACs, latency, flash and RAM on every target', () => {
    for (const dep of [INT8, FP32]) {
      const big = estimateAll(cnn(16, 64, 128), dep);
      const small = estimateAll(cnn(8, 32, 64), dep);
      big.forEach((b, t) => {
        const s = small[t];
        expect(s.macs).toBeLessThan(b.macs);
        expect(s.params).toBeLessThan(b.params);
        expect(s.cpu.ms).toBeLessThan(b.cpu.ms);
        if (b.npu?.available) expect(s.npu!.ms).toBeLessThan(b.npu.ms);
        expect(s.flash.total).toBeLessThan(b.flash.total);
        expect(s.ram.total).toBeLessThan(b.ram.total);
      });
    }
  });
});

describe('RAM (tensor arena plan)', () => {
  it('the peak is at least the largest layer input + output, and fp32 needs 4x the activations', () => {
    for (const spec of [MLP, LENET5, ...MLPERF_TINY.map((m) => m.spec)]) {
      for (const dep of [INT8, FP32]) {
        const e = estimate(spec, dep);
        const bytes = dep.dtype === 'fp32' ? 4 : 1;
        const m = lower(spec, dep);
        const inOut = m.ops.map((op) => (op.inputs.reduce((a, t) => a + m.tensorSize.get(t)!, 0) + op.outputSize) * bytes);
        expect(inOut.length).toBeGreaterThan(0);
        expect(e.ram.activationPeak).toBeGreaterThanOrEqual(Math.max(...inOut));
        expect(e.ram.arena).toBeGreaterThan(e.ram.activationPeak);
      }
      const i8 = estimate(spec, INT8).ram;
      expect(estimate(spec, FP32).ram.activationPeak).toBeGreaterThanOrEqual(4 * (i8.activationPeak - i8.scratch));
    }
  });

  it('keeps skip tensors alive across a residual block', () => {
    const ic = MLPERF_TINY.find((m) => m.id === 'ic')!.spec;
    const e = estimate(ic, INT8);
    const step = e.ram.timeline.find((s) => s.name === 's1_conv2')!;
    expect(step.live).toEqual(expect.arrayContaining(['conv1', 's1_conv1', 's1_conv2']));
    expect(step.activationBytes).toBe(3 * 32 * 32 * 16);
    // After the add the shortcut tensor is freed.
    expect(e.ram.timeline.find((s) => s.name === 's2_conv1')!.live).not.toContain('conv1');
  });

  it('compares with capacity: a model too big for the MCX N236 does not fit and says by how much', () => {
    const big = cnn(64, 128, 512, 96);
    const e = estimate(big, FP32, 'mcxn236');
    expect(e.ram.fits).toBe(false);
    expect(e.fits).toBe(false);
    expect(e.ram.margin).toBeLessThan(0);
    expect(estimate(big, FP32, 'imx93').fits).toBe(true);
  });
});

describe('errors', () => {
  it('an unknown target names the known ones', () => {
    expect(() => estimate(MLP, INT8, 'esp32')).toThrow(/unknown target "esp32".*mcxn947/);
  });
  it('an invalid spec names the layer', () => {
    const bad: ModelSpec = { ...MLP, layers: [{ type: 'dense', name: 'fc', units: 10 }] };
    expect(() => estimate(bad, INT8)).toThrow(/layer 1 "fc"/);
  });
});
