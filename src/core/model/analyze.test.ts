import { describe, expect, it } from 'vitest';
import { analyzeSpec, checkSpec, SpecError } from './analyze';
import type { ModelSpec } from './spec';

const mlp: ModelSpec = {
  id: 't-mlp',
  name: 'test MLP',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'flatten', name: 'flat' },
    { type: 'dense', name: 'fc1', units: 128, activation: 'relu' },
    { type: 'dense', name: 'fc2', units: 10 },
  ],
};

describe('analyzeSpec', () => {
  it('counts dense params and MACs by hand', () => {
    const info = analyzeSpec(mlp);
    expect(info.layers.map((l) => l.outputShape)).toEqual([[784], [128], [10]]);
    expect(info.layers[1].params).toBe(784 * 128 + 128);
    expect(info.layers[1].macs).toBe(784 * 128);
    expect(info.params).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(info.macs).toBe(784 * 128 + 128 * 10);
  });

  it('computes conv, depthwise and pooling shapes for same and valid padding', () => {
    const info = analyzeSpec({
      id: 'c',
      name: 'c',
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', name: 'c1', filters: 6, kernel: 5, padding: 'valid' },
        { type: 'maxPool2d', name: 'p1', pool: 2 },
        { type: 'depthwiseConv2d', name: 'dw', kernel: 3, stride: 2, padding: 'same', depthMultiplier: 2 },
        { type: 'globalAvgPool2d', name: 'gap' },
      ],
    });
    const [c1, p1, dw, gap] = info.layers;
    expect(c1.outputShape).toEqual([24, 24, 6]);
    expect(c1.macs).toBe(24 * 24 * 6 * 5 * 5 * 1);
    expect(c1.params).toBe(5 * 5 * 1 * 6 + 6);
    expect(p1.outputShape).toEqual([12, 12, 6]);
    expect(dw.outputShape).toEqual([6, 6, 12]);
    expect(dw.macs).toBe(6 * 6 * 3 * 3 * 6 * 2);
    expect(gap.outputShape).toEqual([12]);
  });

  it('follows skip connections through named inputs', () => {
    const info = analyzeSpec({
      id: 'r',
      name: 'r',
      inputShape: [8, 8, 4],
      layers: [
        { type: 'conv2d', name: 'a', filters: 4, kernel: 3, padding: 'same' },
        { type: 'conv2d', name: 'b', filters: 4, kernel: 3, padding: 'same' },
        { type: 'add', name: 'sum', inputs: ['input', 'b'] },
      ],
    });
    expect(info.layers[2].inputs).toEqual(['input', 'b']);
    expect(info.layers[2].outputShape).toEqual([8, 8, 4]);
  });

  it('names the layer and the problem in validation errors', () => {
    const bad = (layers: ModelSpec['layers'], inputShape = [28, 28, 1]) =>
      checkSpec({ id: 'x', name: 'x', inputShape, layers });
    const cases: [ReturnType<typeof bad>, RegExp][] = [
      [bad([{ type: 'dense', name: 'fc', units: 10 }]), /layer 1 "fc".*rank-1 input/],
      [bad([{ type: 'flatten', name: 'f' }, { type: 'dense', name: 'f', units: 3 }]), /layer 2 "f".*used twice/],
      [bad([{ type: 'conv2d', name: 'c', filters: 0, kernel: 3 }]), /layer 1 "c".*filters/],
      [bad([{ type: 'conv2d', name: 'c', filters: 2, kernel: 40, padding: 'valid' }]), /does not fit/],
      [bad([{ type: 'add', name: 's', inputs: ['input', 'nope'] }]), /"nope", which is not an earlier layer/],
      [bad([{ type: 'flatten', name: 'f' }, { type: 'dense', name: 'd', units: 4, activation: 'swish' as never }]), /unknown activation "swish"/],
      [bad([{ type: 'lstm' as never, name: 'l' }]), /unknown layer type "lstm"/],
      [bad([], [28, 28, 1]), /no layers/],
      [bad([{ type: 'flatten', name: 'f' }], [28, -1]), /inputShape/],
    ];
    for (const [result, pattern] of cases) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toBeInstanceOf(SpecError);
        expect(result.error.message).toMatch(pattern);
      }
    }
  });
});
