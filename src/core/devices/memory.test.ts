/**
 * Memory as the parts have it: the arena is judged against the largest contiguous region (named in
 * the estimate), not the RAM total; the NPU keeps its own arena, checked against the RT700 SDK logs.
 */
import { describe, expect, it } from 'vitest';
import { MLPERF_TINY } from '../model/zoo/mlperf';
import { cifarNet, mobilenetV1 } from '../model/zoo/reference-models';
import type { ModelSpec } from '../model/spec';
import { estimate } from './estimate';

/** A one-layer model whose arena is `kb` KB of int8 activations: input + output of a 1x1 conv, 512 B each per channel. */
const blob = (kb: number): ModelSpec => ({
  id: `blob-${kb}`,
  name: `blob ${kb} KB`,
  inputShape: [32, 16, kb],
  layers: [{ type: 'conv2d', name: 'c', filters: kb, kernel: 1 }],
});

describe('arena regions', () => {
  it('MCX N947: a 448 KB arena does not fit the 384 KB data SRAM although the part has 512 KB', () => {
    const e = estimate(blob(448), { dtype: 'int8' }, 'mcxn947');
    expect(e.ram.total).toBeGreaterThan(384 * 1024);
    expect(e.ram.total).toBeLessThan(512 * 1024);
    expect(e.ram.fits).toBe(false);
    expect(e.ram.capacity).toBe(384 * 1024);
    expect(e.ram.region).toMatch(/SRAM 0x2000_0000/);
  });
  it('i.MX RT1170: the arena goes to the 768 KB OCRAM, not the 2 MB total', () => {
    const small = estimate(blob(640), { dtype: 'int8' }, 'rt1170');
    const big = estimate(blob(960), { dtype: 'int8' }, 'rt1170');
    expect(small.ram.fits).toBe(true);
    expect(big.ram.fits).toBe(false);
    expect(big.ram.region).toMatch(/OCRAM/);
  });
});

describe('NPU arena (RT700 MCUXpresso SDK logs: "TensorArena Size … Used")', () => {
  const cases: [string, ModelSpec, number][] = [
    ['DS-CNN (tflm_kws)', MLPERF_TINY[0].spec, 17_296],
    ['CifarNet (tflm_cifar10)', cifarNet(), 44_768],
    ['MobileNetV1 0.25/128 (tflm_label_image)', mobilenetV1(0.25, 128, 1001), 149_184],
  ];
  for (const [name, spec, measured] of cases) {
    it(`${name}: within 3 % of ${measured} B, and the fit uses it when the NPU runs`, () => {
      const e = estimate(spec, { dtype: 'int8' }, 'rt700');
      expect(Math.abs(e.ram.npuArena! / measured - 1)).toBeLessThan(0.03);
      expect(e.best.engine).toBe('npu');
      expect(e.ram.total).toBe(e.ram.npuArena);
    });
  }
  it('fp32 models have no NPU arena (the NPU cannot run them)', () => {
    expect(estimate(cifarNet(), { dtype: 'fp32' }, 'rt700').ram.npuArena).toBeUndefined();
  });
});
