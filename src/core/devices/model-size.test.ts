import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { modelSizes, QUANT_BYTES_PER_CHANNEL, quantizedWeightsOnly, sizeKB, sizeText, SIZE_LABEL } from './model-size';
import { zooSpec } from '../model/zoo/mnist';
import { analyzeSpec } from '../model/analyze';
import type { ModelSpec, WeightSet } from '../model/spec';
import { planQuantization } from '../techniques/quantization/graph';
import { quantizedModelBytes, quantizeModel } from '../techniques/quantization/quantize-model';

/** Deterministic weights of the right sizes (sizes do not depend on the values). */
function weightsOf(spec: ModelSpec): WeightSet {
  const out: WeightSet = [];
  for (const l of analyzeSpec(spec).layers) {
    if (l.kernelParams === 0) continue;
    out.push({ layer: l.name, role: 'kernel', shape: [l.kernelParams / l.outChannels, l.outChannels], data: Float32Array.from({ length: l.kernelParams }, (_, i) => Math.sin(i)) });
    if (l.otherParams > 0) out.push({ layer: l.name, role: 'bias', shape: [l.outChannels], data: new Float32Array(l.outChannels).fill(0.1) });
  }
  return out;
}

describe('one model size definition', () => {
  it('weights only ≤ model file ≤ flash with runtime, each from the flash breakdown', () => {
    const e = estimate(zooSpec('mlp'), { dtype: 'int8' }, 'mcxn947');
    const s = modelSizes(e.flash);
    expect(s.weights).toBe(e.flash.weights + e.flash.biases + e.flash.quantParams);
    expect(s.file).toBe(e.flash.model);
    expect(s.flash).toBe(e.flash.total);
    expect(s.weights).toBeLessThan(s.file);
    expect(s.file).toBeLessThan(s.flash);
    // The MLP's 109,184 int8 weights and 202 int32 biases: about 107 KB before any overhead.
    expect(s.weights).toBeGreaterThan(109_184 + 4 * 202);
    expect(s.weights).toBeLessThan(109_184 + 4 * 202 + 24 * 202 + 12 * 3 + 1);
  });

  it('adds kernels, biases and the quantization parameters of each channel and op output', () => {
    expect(quantizedWeightsOnly([{ kernelBytes: 100, biasBytes: 40, quantChannels: 10 }, { kernelBytes: 7, biasBytes: 0, quantChannels: 1 }], 2)).toBe(
      100 + 40 + 10 * QUANT_BYTES_PER_CHANNEL + 7 + QUANT_BYTES_PER_CHANNEL + 2 * 12,
    );
  });

  // The issue: the same int8 model read 62.9, 73.2 and 61.0 KB on three panels.
  for (const id of ['mlp', 'lenet5', 'dscnn']) {
    it(`the same int8 ${id} is the same "weights only" in the Quantization lab and the device panel`, () => {
      const spec = zooSpec(id);
      const ranges = Object.fromEntries(planQuantization(spec).calibrated.map((t) => [t, [-4, 4] as [number, number]]));
      const qm = quantizeModel(spec, weightsOf(spec), ranges, { weightBits: 8, activationBits: 8, scheme: 'symmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1 });
      const panel = modelSizes(estimate(spec, { dtype: 'int8', perChannel: true }, 'mcxn947').flash).weights;
      expect(quantizedModelBytes(qm)).toBe(panel);
      expect(sizeText(quantizedModelBytes(qm), 'weights')).toBe(sizeText(panel, 'weights'));
      // The weights-only size does not depend on the part (the runtime's code does).
      expect(modelSizes(estimate(spec, { dtype: 'int8', perChannel: true }, 'rt1060').flash).weights).toBe(panel);
    });
  }

  it('prints the number with its definition', () => {
    expect(sizeText(62_464, 'weights')).toBe('61.0 KB weights only');
    expect(sizeText(2048, 'flash')).toBe(`2.0 KB ${SIZE_LABEL.flash}`);
    expect(sizeKB(1_800_000)).toBe('1757.8 KB');
    expect(sizeKB(NaN)).toBe('—');
  });
});
