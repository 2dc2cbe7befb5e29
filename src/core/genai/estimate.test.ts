import { describe, expect, it } from 'vitest';
import { estimateLlm, estimateLlmOn, formatGB, formatTps, RUNTIME_BYTES } from './estimate';
import { GENAI_PARTS, findGenAiPart, type GenAiPart } from './parts';
import { kvCacheBytes, nearestShape, MODEL_SHAPES, type ModelShape } from './shapes';

const fig = (value: number) => ({ value, source: 'test' });
/** A part with round numbers: 10 GB/s at η = 0.5, 2 cores · 1000 MHz · 4 MAC/cycle · 1.0 = 8 GMAC/s. */
const HAND: GenAiPart = {
  id: 'hand',
  name: 'hand part',
  dramBytes: { ...fig(4e9), kind: 'DRAM' } as GenAiPart['dramBytes'],
  dramBandwidth: fig(10e9),
  bandwidthEfficiency: fig(0.5),
  cpuCores: fig(2),
  cpuClockMHz: fig(1000),
  cpuMacsPerCycle: fig(4),
  parallelEfficiency: fig(1),
  npuNote: '',
};
const TINY: ModelShape = { id: 't', name: 't', paramsB: 1, layers: 10, heads: 8, kvHeads: 2, headDim: 64 };

describe('LLM estimator (hand cases)', () => {
  it('1 B params at 4 bits, 1,000 tokens: weights 0.5 GB, KV 5.12 MB, decode = η·BW / bytes per token', () => {
    const e = estimateLlm(HAND, { paramsB: 1, weightBits: 4, contextTokens: 1000, shape: TINY });
    expect(e.weightsBytes).toBe(0.5e9);
    // 2 (K,V) · 10 layers · 2 KV heads · 64 · 1000 tokens · 2 B
    expect(e.kvBytes).toBe(5_120_000);
    expect(e.memoryBytes).toBe(0.5e9 + 5_120_000 + RUNTIME_BYTES);
    expect(e.bytesPerToken).toBe(505_120_000);
    expect(e.decodeBandwidthTps).toBeCloseTo((0.5 * 10e9) / 505_120_000, 9);
    // attention adds layers · heads · headDim · L MACs per token; compute bound = 8 GMAC/s over that
    expect(e.macsPerToken).toBe(1e9 + 10 * 8 * 64 * 1000);
    expect(e.decodeComputeTps).toBeCloseTo(8e9 / (1e9 + 5_120_000), 9);
    expect(e.decodeTps).toBe(Math.min(e.decodeBandwidthTps, e.decodeComputeTps));
    expect(e.prefillTps).toBeCloseTo(8e9 / e.macsPerToken, 9);
  });

  it('decode is bandwidth bound at 16 bits: tok/s = η·BW / (W + K) exactly', () => {
    const e = estimateLlm(HAND, { paramsB: 1, weightBits: 16, contextTokens: 1000, shape: TINY });
    expect(e.decodeBound).toBe('memory bandwidth');
    expect(e.decodeTps).toBeCloseTo(5e9 / (2e9 + 5_120_000), 9);
  });

  it('memory is linear in parameters and in bits (weights part)', () => {
    const w = (p: number, b: 16 | 8 | 4) => estimateLlm(HAND, { paramsB: p, weightBits: b, contextTokens: 512, shape: TINY }).weightsBytes;
    expect(w(2, 8)).toBeCloseTo(2 * w(1, 8), 6);
    expect(w(4, 8)).toBeCloseTo(4 * w(1, 8), 6);
    expect(w(1, 16)).toBeCloseTo(2 * w(1, 8), 6);
    expect(w(1, 8)).toBeCloseTo(2 * w(1, 4), 6);
    const m = (p: number) => estimateLlm(HAND, { paramsB: p, weightBits: 8, contextTokens: 512, shape: TINY }).memoryBytes;
    expect(m(3) - m(2)).toBeCloseTo(m(2) - m(1), 0);
  });

  it('KV cache is linear in context length', () => {
    expect(kvCacheBytes(TINY, 2048)).toBe(2 * kvCacheBytes(TINY, 1024));
  });

  it('an 8 B model at 16 bits does not fit on any i.MX 93 (16 GB of weights, at most 2 GB DRAM)', () => {
    for (const ctx of [128, 1024, 8192]) {
      const e = estimateLlmOn('imx93', { paramsB: 8, weightBits: 16, contextTokens: ctx });
      expect(e.weightsBytes).toBe(16e9);
      expect(e.fits).toBe(false);
    }
    // and a 0.5 B model at 4 bits does fit there
    expect(estimateLlmOn('imx93', { paramsB: 0.5, weightBits: 4, contextTokens: 1024 }).fits).toBe(true);
  });

  it('4-bit weights decode about 4× faster than 16-bit on the same part (bandwidth bound)', () => {
    const at = (b: 16 | 4) => estimateLlmOn('imx95', { paramsB: 1, weightBits: b, contextTokens: 1024 }).decodeBandwidthTps;
    expect(at(4) / at(16)).toBeGreaterThan(3);
    expect(at(4) / at(16)).toBeLessThan(4);
  });

  it('the NPU speeds up prefill on the i.MX 95 only; decode is unchanged', () => {
    const cpu = estimateLlmOn('imx95', { paramsB: 1, weightBits: 4, contextTokens: 1024, engine: 'cpu' });
    const npu = estimateLlmOn('imx95', { paramsB: 1, weightBits: 4, contextTokens: 1024, engine: 'npu' });
    expect(npu.prefillEngine).toBe('npu');
    expect(npu.prefillTps / cpu.prefillTps).toBeGreaterThan(2);
    expect(npu.decodeTps).toBe(cpu.decodeTps);
    expect(estimateLlmOn('imx93', { paramsB: 1, weightBits: 4, contextTokens: 1024, engine: 'npu' }).prefillEngine).toBe('cpu');
  });

  it('bad inputs fall back and never give NaN', () => {
    for (const bad of [0, -3, NaN, Infinity]) {
      const e = estimateLlmOn('imx95', { paramsB: bad, weightBits: 8, contextTokens: bad });
      for (const [k, v] of Object.entries(e)) if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
    }
    expect(() => estimateLlmOn('nope', { paramsB: 1, weightBits: 8, contextTokens: 1 })).toThrow(/unknown GenAI target/);
  });
});

describe('shapes and parts', () => {
  it('the nearest shape is picked in log space', () => {
    expect(nearestShape(0.1).id).toBe('smollm2-135m');
    expect(nearestShape(1.2).id).toBe('llama3.2-1b');
    expect(nearestShape(7).id).toBe('llama3.1-8b');
    for (const s of MODEL_SHAPES) expect(s.heads % s.kvHeads).toBe(0);
  });
  it('DRAM bandwidths come from bus width × transfer rate', () => {
    expect(findGenAiPart('imx93')!.dramBandwidth.value).toBeCloseTo(7.466e9, -6);
    expect(findGenAiPart('imx95')!.dramBandwidth.value).toBe(25.6e9);
    for (const p of GENAI_PARTS) expect(p.dramBandwidth.source.length).toBeGreaterThan(10);
  });
  it('formats', () => {
    expect(formatGB(16e9)).toBe('16.0 GB');
    expect(formatGB(0.8e9)).toBe('0.80 GB');
    expect(formatTps(12.345)).toBe('12.3 tokens/s');
    expect(formatTps(NaN)).toBe('—');
  });
});
