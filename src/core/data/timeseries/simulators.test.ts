import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { activityDataset } from './activity';
import { batteryDataset, ocv } from './battery';
import { binHz, envelopeSpectrum, powerSpectrum } from './features';
import { BPFI_RATIO, BPFO_RATIO, motorDataset, simulateMotor, MOTOR_PARAMS, type MotorMode } from './motor';

const FS = 2000;
const steady = { speedJitter: 0, speedDrift: 0 };

function peakHz(p: Float64Array, fs: number, loHz = 1, hiHz = fs / 2): number {
  let best = -1;
  let k0 = 0;
  for (let k = 1; k < p.length; k++) {
    const f = binHz(k, p.length, fs);
    if (f >= loHz && f <= hiHz && p[k] > best) {
      best = p[k];
      k0 = k;
    }
  }
  return binHz(k0, p.length, fs);
}

function channel(mode: MotorMode, c: number, seed = 5): Float32Array {
  return simulateMotor(mode, { sampleRate: FS, seconds: 4, recordingsPerClass: 1, noise: 0.02, seed, params: steady }, mulberry32(seed))[c];
}

const fr = MOTOR_PARAMS.highHz;
const bin = FS / 8192; // 4 s at 2 kHz, zero-padded to 8192 points

describe('motor simulator', () => {
  it('is reproducible by seed and differs between seeds', () => {
    const o = { sampleRate: 500, seconds: 1, recordingsPerClass: 2, noise: 0.05, seed: 3 };
    const a = motorDataset(o);
    const b = motorDataset(o);
    const c = motorDataset({ ...o, seed: 4 });
    expect(a.recordings.length).toBe(14);
    expect(Array.from(a.recordings[5].channels[2])).toEqual(Array.from(b.recordings[5].channels[2]));
    expect(Array.from(a.recordings[5].channels[2])).not.toEqual(Array.from(c.recordings[5].channels[2]));
  });

  it('puts unbalance at 1× and misalignment at 2× the shaft frequency (within one FFT bin)', () => {
    expect(Math.abs(peakHz(powerSpectrum(channel('unbalance', 1)), FS) - fr)).toBeLessThanOrEqual(bin);
    expect(Math.abs(peakHz(powerSpectrum(channel('misalignment', 1)), FS) - 2 * fr)).toBeLessThanOrEqual(bin);
    // Low speed runs at its own shaft frequency.
    expect(Math.abs(peakHz(powerSpectrum(channel('low', 1)), FS, 1, 60) - MOTOR_PARAMS.lowHz)).toBeLessThanOrEqual(bin);
  });

  it('puts bearing faults at BPFO / BPFI in the envelope spectrum (within one FFT bin)', () => {
    const band = [3 * fr, 8 * fr] as const;
    expect(Math.abs(peakHz(envelopeSpectrum(channel('outer race', 2)), FS, ...band) - BPFO_RATIO * fr)).toBeLessThanOrEqual(bin);
    expect(Math.abs(peakHz(envelopeSpectrum(channel('inner race', 2)), FS, ...band) - BPFI_RATIO * fr)).toBeLessThanOrEqual(bin);
    // The outer race fault frequency of a 6205 bearing (CWRU data: 3.5848 × shaft speed).
    expect(BPFO_RATIO).toBeCloseTo(3.585, 2);
    expect(BPFI_RATIO).toBeCloseTo(5.415, 2);
  });

  it('reads +1 g of gravity on z when off, and only noise on x', () => {
    const z = channel('off', 2);
    const x = channel('off', 0);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(z)).toBeCloseTo(1, 2);
    expect(Math.abs(mean(x))).toBeLessThan(0.01);
  });
});

describe('activity and battery simulators', () => {
  it('activity is reproducible and walking shows its step frequency', () => {
    const o = { sampleRate: 50, seconds: 8, recordingsPerClass: 2, noise: 0.01, seed: 9 };
    const a = activityDataset(o);
    expect(Array.from(a.recordings[3].channels[0])).toEqual(Array.from(activityDataset(o).recordings[3].channels[0]));
    const walk = a.recordings.find((r) => r.label === 1)!;
    const f = peakHz(powerSpectrum(walk.channels[2]), 50, 0.5, 5);
    expect(f).toBeGreaterThan(1.5);
    expect(f).toBeLessThan(2.2);
  });

  it('battery discharges monotonically and voltage follows OCV minus the IR drop', () => {
    const ds = batteryDataset({ sampleRate: 1, recordings: 2, noise: 0, seed: 1, maxSeconds: 2000 });
    const r = ds.recordings[0];
    const soc = r.target!;
    for (let i = 1; i < soc.length; i++) expect(soc[i]).toBeLessThanOrEqual(soc[i - 1] + 1e-7);
    for (let i = 0; i < soc.length; i += 97) {
      expect(r.channels[0][i]).toBeLessThanOrEqual(ocv(soc[i]) + 1e-3);
      if (r.channels[1][i] > 1) expect(r.channels[0][i]).toBeLessThan(ocv(soc[i]) - 0.01);
    }
    expect(ocv(1)).toBeCloseTo(4.2, 1);
  });
});
