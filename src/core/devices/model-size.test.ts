import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { modelSizes, sizeText, SIZE_LABEL } from './model-size';
import { zooSpec } from '../model/zoo/mnist';

describe('one model size definition', () => {
  it('weights only ≤ model file ≤ flash with runtime, each from the flash breakdown', () => {
    const e = estimate(zooSpec('mlp'), { dtype: 'int8' }, 'mcxn947');
    const s = modelSizes(e.flash);
    expect(s.weights).toBe(e.flash.weights + e.flash.biases + e.flash.quantParams);
    expect(s.file).toBe(e.flash.model);
    expect(s.flash).toBe(e.flash.total);
    expect(s.weights).toBeLessThan(s.file);
    expect(s.file).toBeLessThan(s.flash);
    // The MLP's 109,386 int8 weights and int32 biases: about 107 KB before any overhead.
    expect(s.weights).toBeGreaterThan(109_386);
    expect(s.weights).toBeLessThan(109_386 + 4 * 202 + 24 * 202 + 1);
  });

  it('prints the number with its definition', () => {
    expect(sizeText(62_464, 'weights')).toBe('61.0 KB weights only');
    expect(sizeText(2048, 'flash')).toBe(`2.0 KB ${SIZE_LABEL.flash}`);
  });
});
