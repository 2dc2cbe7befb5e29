import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../analyze';
import { MNIST_ZOO, zooSpec } from './mnist';

describe('MNIST zoo', () => {
  it('MLP 784-128-64-10: hand-computed parameters and MACs', () => {
    const info = analyzeSpec(zooSpec('mlp'));
    // Weights + biases per dense layer.
    expect(info.params).toBe(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10); // 109,386
    expect(info.macs).toBe(784 * 128 + 128 * 64 + 64 * 10); // 109,184
  });

  it('LeNet-5: hand-computed parameters and MACs', () => {
    const info = analyzeSpec(zooSpec('lenet5'));
    const conv1 = 5 * 5 * 1 * 6 + 6; // 28x28x6 out ("same")
    const conv2 = 5 * 5 * 6 * 16 + 16; // 14x14x6 -> 10x10x16 ("valid")
    const fc = 400 * 120 + 120 + 120 * 84 + 84 + 84 * 10 + 10;
    expect(info.params).toBe(conv1 + conv2 + fc); // 61,706
    const macs = 28 * 28 * 25 * 6 + 10 * 10 * 150 * 16 + 400 * 120 + 120 * 84 + 84 * 10;
    expect(info.macs).toBe(macs); // 416,520
    expect(info.layers.find((l) => l.name === 'pool2')!.outputShape).toEqual([5, 5, 16]);
  });

  it('every zoo model takes a 28x28x1 image and outputs 10 logits', () => {
    for (const s of MNIST_ZOO) {
      const info = analyzeSpec(s);
      expect(s.inputShape).toEqual([28, 28, 1]);
      expect(info.outputShape).toEqual([10]);
      const last = s.layers[s.layers.length - 1];
      expect(last.type).toBe('dense');
      expect('activation' in last ? last.activation : undefined).toBeUndefined();
    }
  });

  it('orders the zoo by purpose: the DS-CNN is cheaper than LeNet, the teacher is the largest', () => {
    const macs = Object.fromEntries(MNIST_ZOO.map((s) => [s.id, analyzeSpec(s).macs]));
    expect(macs.dscnn).toBeLessThan(macs.lenet5);
    expect(macs.teacher).toBeGreaterThan(macs.lenet5);
    expect(analyzeSpec(zooSpec('mlp-small')).params).toBeLessThan(analyzeSpec(zooSpec('mlp')).params / 4);
  });

  it('zooSpec returns an independent copy and names unknown ids', () => {
    const a = zooSpec('mlp');
    a.layers.pop();
    expect(zooSpec('mlp').layers.length).toBe(4);
    expect(() => zooSpec('resnet')).toThrow(/unknown model "resnet".*mlp, lenet5/);
  });
});
