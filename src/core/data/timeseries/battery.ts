/**
 * Li-ion cell discharge with ageing, for regression of the state of charge (SoC) from voltage, current
 * and temperature. A first-order Thevenin equivalent circuit (Plett, "Battery Management Systems",
 * vol. 1, 2015, ch. 2) with a lumped thermal model, integrated with forward Euler at the sampling rate:
 *
 *  dSoC/dt  = −I / (3600 Q)                 Q = Q_nom (1 − 0.25 a), age a ∈ [0, 1] (capacity fade)
 *  dV_1/dt  = −V_1 / (R_1 C_1) + I / C_1     (diffusion polarisation, τ = R_1 C_1 = 30 s)
 *  V        = OCV(SoC) − I R_0(T, a) − V_1
 *  R_0      = R_25 (1 + 0.5 a) exp(B (1/T − 1/298.15))   (Arrhenius-like rise when cold)
 *  m c dT/dt = I² R_0 + I V_1 − hA (T − T_amb)
 *  OCV(s)   = 3.45 + 0.75 s − 0.35 e^{−25 s}            (V; 4.2 V full, ≈3.1 V empty)
 *
 * The load is piecewise constant: segments of 30–180 s at 0.2–2 C, with rests (I = 0) 15 % of the time.
 * Parameter values are assumed, typical of a 2.5 Ah 18650 cell (see the guide); sensor noise is
 * Gaussian on each channel, scaled by `noise`.
 */
import { deriveSeed, mulberry32, normal, uniform } from '../random';
import type { Recording, TimeSeriesDataset } from './types';

export const BATTERY_PARAMS = {
  capacityAh: 2.5,
  r25: 0.03,
  r1: 0.015,
  c1: 2000,
  arrheniusB: 3000,
  heatCapacity: 45,
  hA: 0.3,
  cutoffSoC: 0.03,
};

export function ocv(soc: number): number {
  return 3.45 + 0.75 * soc - 0.35 * Math.exp(-25 * soc);
}

export interface BatteryOptions {
  sampleRate: number;
  recordings: number;
  /** 1 = 2 mV, 10 mA, 0.1 K rms sensor noise. */
  noise: number;
  seed: number;
  /** Stop a discharge after this many seconds (keeps data sets small). */
  maxSeconds?: number;
}

export function simulateDischarge(o: BatteryOptions, rand: () => number): Recording {
  const P = BATTERY_PARAMS;
  const dt = 1 / o.sampleRate;
  const age = rand();
  const Q = P.capacityAh * (1 - 0.25 * age);
  const tAmb = 273.15 + uniform(rand, 10, 35);
  let soc = uniform(rand, 0.9, 1);
  let v1 = 0;
  let temp = tAmb;
  let current = 0;
  let segmentLeft = 0;
  const v: number[] = [];
  const i: number[] = [];
  const tc: number[] = [];
  const target: number[] = [];
  const maxN = Math.round((o.maxSeconds ?? 6000) * o.sampleRate);
  while (soc > P.cutoffSoC && v.length < maxN) {
    if (segmentLeft <= 0) {
      segmentLeft = uniform(rand, 30, 180);
      current = rand() < 0.15 ? 0 : uniform(rand, 0.2, 2) * P.capacityAh;
    }
    segmentLeft -= dt;
    const r0 = P.r25 * (1 + 0.5 * age) * Math.exp(P.arrheniusB * (1 / temp - 1 / 298.15));
    soc -= (current * dt) / (3600 * Q);
    v1 += dt * (-v1 / (P.r1 * P.c1) + current / P.c1);
    temp += (dt * (current * current * r0 + current * v1 - P.hA * (temp - tAmb))) / P.heatCapacity;
    v.push(ocv(Math.max(0, soc)) - current * r0 - v1 + 0.002 * o.noise * normal(rand));
    i.push(current + 0.01 * o.noise * normal(rand));
    tc.push(temp - 273.15 + 0.1 * o.noise * normal(rand));
    target.push(Math.max(0, soc));
  }
  return { channels: [Float32Array.from(v), Float32Array.from(i), Float32Array.from(tc)], label: 0, target: Float32Array.from(target) };
}

export function batteryDataset(o: BatteryOptions): TimeSeriesDataset {
  const recordings: Recording[] = [];
  for (let r = 0; r < o.recordings; r++) recordings.push(simulateDischarge(o, mulberry32(deriveSeed(o.seed, `battery/${r}`))));
  return {
    id: 'battery',
    sampleRate: o.sampleRate,
    channelNames: ['voltage (V)', 'current (A)', 'temperature (°C)'],
    unit: '',
    classNames: ['discharge'],
    recordings,
    targetName: 'state of charge',
  };
}
