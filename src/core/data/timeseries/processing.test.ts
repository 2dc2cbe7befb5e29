import { describe, expect, it } from 'vitest';
import { bandEdges, bandEnergies, fisherRatios, powerSpectrum, spectralCentroid, timeFeatures, extractFeatures, featuresPerChannel } from './features';
import { atThreshold, confusionMatrix, accuracyOf, regressionMetrics, rocCurve } from './metrics';
import { makeWindows, resample, splitRecordings, windowCount } from './window';
import type { Recording } from './types';

describe('windowing and resampling', () => {
  it('counts windows as floor((n − L) / S) + 1 and never crosses recordings', () => {
    expect(windowCount(1000, 256, 128)).toBe(6);
    expect(windowCount(256, 256, 1)).toBe(1);
    expect(windowCount(255, 256, 1)).toBe(0);
    const recs: Recording[] = [
      { channels: [Float32Array.from({ length: 10 }, (_, i) => i)], label: 0 },
      { channels: [Float32Array.from({ length: 7 }, (_, i) => 100 + i)], label: 1 },
    ];
    const w = makeWindows(recs, 4, 3);
    expect(w.count).toBe(3 + 2);
    expect(Array.from(w.data.slice(4 * 3, 4 * 4))).toEqual([100, 101, 102, 103]);
    expect(Array.from(w.labels)).toEqual([0, 0, 0, 1, 1]);
  });

  it('resamples by linear interpolation and halves the length at half the rate', () => {
    const x = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(resample(x, 2, 1))).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(resample(Float32Array.from([0, 2]), 1, 2))).toEqual([0, 1, 2]);
  });

  it('a tone above the new Nyquist folds without the anti-aliasing filter and is suppressed with it', () => {
    // 40 Hz at 1000 Hz, resampled to 50 Hz (Nyquist 25 Hz): the alias lands at |40 − 50| = 10 Hz.
    const x = Float32Array.from({ length: 2000 }, (_, i) => Math.sin((2 * Math.PI * 40 * i) / 1000));
    const amplitudeAt = (y: Float32Array, hz: number, rate: number) => {
      let re = 0;
      let im = 0;
      for (let i = 0; i < y.length; i++) {
        re += y[i] * Math.cos((2 * Math.PI * hz * i) / rate);
        im += y[i] * Math.sin((2 * Math.PI * hz * i) / rate);
      }
      return (2 * Math.hypot(re, im)) / y.length;
    };
    const aliased = resample(x, 1000, 50, false);
    const filtered = resample(x, 1000, 50, true);
    expect(amplitudeAt(aliased, 10, 50)).toBeGreaterThan(0.8); // full-size false 10 Hz line
    expect(amplitudeAt(filtered, 10, 50)).toBeLessThan(0.02); // ≥ 34 dB down
    // A tone inside the new band passes the filter (5 Hz, within 10 %).
    const low = Float32Array.from({ length: 2000 }, (_, i) => Math.sin((2 * Math.PI * 5 * i) / 1000));
    expect(amplitudeAt(resample(low, 1000, 50, true), 5, 50)).toBeGreaterThan(0.9);
  });

  it('splits by recording, and anomaly splits keep faults out of training', () => {
    const recs: Recording[] = Array.from({ length: 12 }, (_, i) => ({ channels: [new Float32Array(4)], label: i % 3 }));
    const s = splitRecordings(recs, 0.25, 1);
    expect(s.train.length + s.test.length).toBe(12);
    expect(new Set([...s.train, ...s.test]).size).toBe(12);
    const a = splitRecordings(recs, 0.25, 1, [0]);
    expect(a.train.every((i) => recs[i].label === 0)).toBe(true);
    expect(a.test.filter((i) => recs[i].label !== 0).length).toBe(8);
  });
});

describe('features', () => {
  it('match hand-computed RMS, peak, crest factor and kurtosis', () => {
    // [1, -1, 1, -1]: mean 0, RMS 1, peak 1, crest 1, kurtosis 1.
    expect(timeFeatures([1, -1, 1, -1])).toEqual({ mean: 0, rms: 1, peak: 1, crest: 1, kurtosis: 1 });
    // [0, 0, 0, 4] + 1: mean 2 (of 1,1,1,5), deviations -1,-1,-1,3: m2 = 3, m4 = 84/4 = 21, kurtosis 21/9.
    const f = timeFeatures([1, 1, 1, 5]);
    expect(f.mean).toBe(2);
    expect(f.rms).toBeCloseTo(Math.sqrt(3), 12);
    expect(f.peak).toBe(3);
    expect(f.crest).toBeCloseTo(3 / Math.sqrt(3), 12);
    expect(f.kurtosis).toBeCloseTo(21 / 9, 12);
  });

  it('find a pure tone in its FFT bin, its band and its centroid', () => {
    const n = 64;
    const x = Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * 8 * i) / n));
    const p = powerSpectrum(x, false);
    expect(p.length).toBe(33);
    // Without a window a bin-centred cosine of amplitude 1 has |X_8| = N/2.
    expect(p[8]).toBeCloseTo((n / 2) ** 2, 6);
    expect(p[7]).toBeLessThan(1e-9);
    expect(spectralCentroid(p, 64)).toBeCloseTo(8, 6);
    // 32 bins in 4 log-spaced bands: edges 32^(b/4) → bins [1,2), [2,6), [6,13), [13,33).
    expect(bandEdges(32, 4)).toEqual([1, 2, 6, 13, 33]);
    const b = bandEnergies(p, 4);
    expect(b[2]).toBeCloseTo(p[8], 6);
    expect(b[0] + b[1] + b[3]).toBeLessThan(1e-6);
  });

  it('extracts channels × (6 + bands) features per window', () => {
    const recs: Recording[] = [{ channels: [new Float32Array(64).fill(1), Float32Array.from({ length: 64 }, (_, i) => i % 2)], label: 0 }];
    const w = makeWindows(recs, 32, 32);
    const f = extractFeatures(w, 100, 4);
    expect(f.length).toBe(2 * 2 * featuresPerChannel(4));
    expect(f[0]).toBe(1); // channel 0 mean
    expect(f[1]).toBe(0); // channel 0 RMS of the mean-removed signal
  });

  it("Fisher's ratio is large for a separating feature and zero for a useless one", () => {
    // Feature 0 separates classes (0,0 | 10,10 with noise ±1); feature 1 is identical across classes.
    const data = Float32Array.from([-1, 5, 1, 6, 9, 5, 11, 6]);
    const r = fisherRatios(data, 2, Int32Array.from([0, 0, 1, 1]));
    // between = 4·25 = 100, within = 4 → 25
    expect(r[0]).toBeCloseTo(25, 9);
    expect(r[1]).toBe(0);
  });
});

describe('metrics', () => {
  it('ROC and AUC match a hand case with a tie', () => {
    // Anomalies scored 0.9, 0.6, 0.4; normals 0.6, 0.3, 0.1. Pairs won: 3 + 2.5 + 2 = 7.5 of 9.
    const scores = [0.9, 0.6, 0.4, 0.6, 0.3, 0.1];
    const pos = [true, true, true, false, false, false];
    const { auc, points } = rocCurve(scores, pos);
    expect(auc).toBeCloseTo(7.5 / 9, 12);
    expect(points[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(points[points.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
    const t = atThreshold(scores, pos, 0.5);
    expect(t).toMatchObject({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(t.precision).toBeCloseTo(2 / 3, 12);
    expect(t.recall).toBeCloseTo(2 / 3, 12);
  });

  it('regression metrics and the confusion matrix match hand values', () => {
    const m = regressionMetrics([1, 2, 3, 4], [1, 2, 3, 5]);
    expect(m.mae).toBe(0.25);
    expect(m.rmse).toBe(0.5);
    expect(m.r2).toBeCloseTo(1 - 1 / 5, 12);
    const c = confusionMatrix([0, 0, 1, 2], [0, 1, 1, 2], 3);
    expect(c).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 1]]);
    expect(accuracyOf(c)).toBe(0.75);
  });
});
