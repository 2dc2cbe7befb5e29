import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../model/spec';
import { analyzeSpec } from '../../model/analyze';
import { compareSize, scaleWidth } from './student';

const MLP: ModelSpec = {
  id: 'mlp',
  name: 'MLP',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: 64, activation: 'relu' },
    { type: 'dense', name: 'logits', units: 10 },
  ],
};
const CNN: ModelSpec = {
  id: 'cnn',
  name: 'CNN',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', name: 'c1', filters: 8, kernel: 3, activation: 'relu' },
    { type: 'maxPool2d', name: 'p1', pool: 2 },
    { type: 'conv2d', name: 'c2', filters: 16, kernel: 3, activation: 'relu' },
    { type: 'flatten', name: 'f' },
    { type: 'dense', name: 'logits', units: 10 },
  ],
};

describe('student width', () => {
  it('scales hidden units and filters and keeps the 10 logits', () => {
    const half = scaleWidth(MLP, 0.5);
    expect(half.layers[1]).toMatchObject({ units: 32 });
    expect(half.layers[2]).toMatchObject({ units: 10 });
    const wide = scaleWidth(CNN, 2);
    expect(wide.layers.map((l) => ('filters' in l ? l.filters : null))).toEqual([16, null, 32, null, null]);
    expect(analyzeSpec(wide).outputShape).toEqual([10]);
    expect(wide.id).not.toBe(CNN.id);
  });

  it('width 1 is the zoo model; never fewer than one unit', () => {
    expect(scaleWidth(MLP, 1)).toEqual(MLP);
    expect(scaleWidth(MLP, 0.001).layers[1]).toMatchObject({ units: 1 });
    expect(() => scaleWidth(MLP, 0)).toThrow(RangeError);
  });

  it('params grow monotonically with width', () => {
    const p = [0.25, 0.5, 1, 2].map((w) => analyzeSpec(scaleWidth(CNN, w)).params);
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThan(p[i - 1]);
  });

  it('compares teacher and student size by params and MACs', () => {
    const c = compareSize(MLP, scaleWidth(MLP, 0.5));
    // 784*64+64 + 64*10+10 = 50,890 vs 784*32+32 + 32*10+10 = 25,450
    expect(c.teacherParams).toBe(50890);
    expect(c.studentParams).toBe(25450);
    expect(c.paramRatio).toBeCloseTo(50890 / 25450, 10);
    expect(c.macRatio).toBeGreaterThan(1);
  });
});
