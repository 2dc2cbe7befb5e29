/** 16x8 deployments (int16 activations, int8 weights): memory by hand and which NPUs take them. */
import { describe, expect, it } from 'vitest';
import { LENET5 } from '../model/zoo/mnist';
import type { ModelSpec } from '../model/spec';
import { estimate } from './index';

const MLP2: ModelSpec = { id: 'm', name: 'm', inputShape: [4], layers: [{ type: 'dense', name: 'a', units: 3, activation: 'relu' }, { type: 'dense', name: 'b', units: 2 }] };

describe('16x8 deployments', () => {
  it('activation tensors take 2 bytes and biases 8 (int64); kernels stay int8', () => {
    const a8 = estimate(MLP2, { dtype: 'int8' }, 'mcxn947');
    const a16 = estimate(MLP2, { dtype: 'int8', activationBits: 16 }, 'mcxn947');
    expect(a16.layers.map((l) => l.outputBytes)).toEqual([6, 4]); // 3 and 2 int16 values
    expect(a8.layers.map((l) => l.outputBytes)).toEqual([3, 2]);
    expect(a16.flash.weights).toBe(a8.flash.weights);
    expect(a16.flash.biases - a8.flash.biases).toBe(4 * (3 + 2)); // int64 instead of int32 biases
    expect(a16.ram.total).toBeGreaterThan(a8.ram.total);
  });

  it('the NPU runs 16x8 only where a source says so (i.MX 93 Ethos-U65, i.MX 95 Neutron-S)', () => {
    const dep = { dtype: 'int8', activationBits: 16 } as const;
    for (const t of ['imx93', 'imx95']) expect(estimate(LENET5, dep, t).npu?.available).toBe(true);
    for (const t of ['mcxn947', 'rt700', 'imx8mp']) {
      const npu = estimate(LENET5, dep, t).npu!;
      expect(npu.available).toBe(false);
      expect(npu.reason).toMatch(/16x8.*assumed/);
      expect(estimate(LENET5, { dtype: 'int8' }, t).npu!.available).toBe(true);
    }
  });
});
