import { describe, expect, it } from 'vitest';
import { betterRate, estimateTeacherTime, FORWARD_SHARE, rateFromProbe, rateFromTraining, validateRate } from './teacher-speed';

const at = new Date('2026-12-02T03:00:00.000Z');
const soon = new Date('2026-12-02T03:10:00.000Z');

describe('teacher training estimate', () => {
  it('scales a training run per epoch and names its basis', () => {
    const rate = rateFromTraining('wasm', 90_000, 3, at)!;
    expect(rate.msPerEpoch).toBe(30_000);
    const e = estimateTeacherTime(rate, 6, 'wasm', soon)!;
    expect(e.seconds).toBe(180);
    expect(e.basis).toContain('3-epoch teacher training on wasm');
    expect(e.basis).toContain('10 min ago');
  });

  it('adds the test pass to a probe: train samples plus a third of the test samples', () => {
    // 4 batches of 64 samples in 1,280 ms = 5 ms per sample.
    const rate = rateFromProbe('wasm', { ms: 1280, batches: 4, batchSize: 64 }, { trainSamples: 8000, testSamples: 2000 }, at)!;
    expect(rate.msPerEpoch).toBeCloseTo(5 * (8000 + FORWARD_SHARE * 2000), 6);
    const e = estimateTeacherTime(rate, 2, 'wasm', at)!;
    expect(e.seconds).toBeCloseTo((2 * rate.msPerEpoch) / 1000, 6);
    expect(e.basis).toMatch(/4 teacher batches timed just now on wasm/);
  });

  it('gives no estimate for another backend than the one measured, or for nothing measured', () => {
    const rate = rateFromTraining('wasm', 90_000, 3, at);
    expect(estimateTeacherTime(rate, 6, 'webgl')).toBeNull();
    expect(estimateTeacherTime(null, 6, 'wasm')).toBeNull();
  });

  it('refuses to make a rate from nonsense measurements', () => {
    expect(rateFromTraining('wasm', 0, 3)).toBeNull();
    expect(rateFromTraining('wasm', 1000, 0)).toBeNull();
    expect(rateFromTraining('wasm', Infinity, 1)).toBeNull();
    expect(rateFromProbe('wasm', { ms: NaN, batches: 4, batchSize: 64 }, { trainSamples: 8000, testSamples: 2000 })).toBeNull();
    expect(rateFromProbe('wasm', { ms: 100, batches: 0, batchSize: 64 }, { trainSamples: 8000, testSamples: 2000 })).toBeNull();
  });

  it('prefers a training run to a probe, and the newer of two of a kind', () => {
    const train = rateFromTraining('wasm', 90_000, 3, at)!;
    const probe = rateFromProbe('wasm', { ms: 1280, batches: 4, batchSize: 64 }, { trainSamples: 8000, testSamples: 2000 }, soon)!;
    expect(betterRate(probe, train)).toBe(train);
    expect(betterRate(train, null)).toBe(train);
    const later = rateFromTraining('wasm', 60_000, 3, soon)!;
    expect(betterRate(train, later)).toBe(later);
  });

  it('rejects a damaged stored rate and keeps a good one', () => {
    const good = rateFromTraining('wasm', 90_000, 3, at)!;
    expect(validateRate(structuredClone(good))).toEqual(good);
    for (const bad of [null, 'x', { ...good, msPerEpoch: -1 }, { ...good, msPerEpoch: NaN }, { ...good, source: 'guess' }, { ...good, measuredAt: 'soon' }, { ...good, count: 0 }, { ...good, backend: '' }]) {
      expect(validateRate(bad)).toBeNull();
    }
  });
});
