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

describe('hostile specs', () => {
  const base = { name: 'x', inputShape: [4] };
  it('rejects sizes that are not finite, whole or within limits, naming the layer', () => {
    for (const units of [1e308, Infinity, NaN, 2.5, 0, -3, 1e10]) {
      expect(() => analyzeSpec({ ...base, layers: [{ type: 'dense', name: 'fc', units }] } as never)).toThrow(/layer 0 "fc"|fc/);
    }
    expect(() => analyzeSpec({ name: 'x', inputShape: [8, 8, 1], layers: [{ type: 'conv2d', name: 'c', filters: 4, kernel: 0 }] } as never)).toThrow(/kernel/);
  });
  it('a dense layer of 10^9 units is an honest error, not "Infinity" parameters', () => {
    const spec = { name: 'x', inputShape: [784, 784, 3], layers: [{ type: 'flatten', name: 'f' }, { type: 'dense', name: 'huge', units: 1e9 }] };
    expect(() => analyzeSpec(spec as never)).toThrow(/huge.*too large|too large/);
  });
  it('refuses more layers than it supports and analyses the longest allowed chain', () => {
    const layers = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'activation', name: `a${i}`, activation: 'relu' }));
    expect(() => analyzeSpec({ ...base, layers: layers(20_000) } as never)).toThrow(/at most 5000/);
    expect(analyzeSpec({ ...base, layers: layers(5000) } as never).layers).toHaveLength(5000);
  });
  it('keeps error messages short whatever the file puts in a name or shape', () => {
    const long = 'n'.repeat(400_000);
    const err = checkSpec({ ...base, inputShape: [-1, ...Array(50_000).fill(7)], layers: [{ type: 'dense', name: long, units: 2 }] } as never);
    expect(err.ok).toBe(false);
    if (!err.ok) expect(err.error.message.length).toBeLessThanOrEqual(300);
  });
  it('names are text of at most 200 characters: longer or non-text names are errors, 200 is fine', () => {
    const dense = (name: string) => ({ ...base, layers: [{ type: 'dense', name, units: 2 }] });
    expect(analyzeSpec(dense('n'.repeat(200)) as never).layers).toHaveLength(1);
    expect(() => analyzeSpec(dense('n'.repeat(201)) as never)).toThrow(/201 characters; at most 200/);
    expect(() => analyzeSpec({ ...dense('fc'), name: 'm'.repeat(201) } as never)).toThrow(/model's name/);
    expect(() => analyzeSpec({ ...dense('fc'), name: { evil: 1 } } as never)).toThrow(/model's name/);
  });
  it('a non-string name is an error, not a crash', () => {
    expect(() => analyzeSpec({ ...base, layers: [{ type: 'dense', name: { evil: 1 }, units: 2 }] } as never)).toThrow(/no name/);
  });
});
