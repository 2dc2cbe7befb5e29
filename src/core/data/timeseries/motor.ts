/**
 * Motor / fan on a 3-axis accelerometer (units of g). Axes: x axial, y horizontal radial, z vertical
 * radial (gravity +1 g). Continuous-time model evaluated at t = n / fs, so a low sampling rate
 * aliases exactly as an accelerometer without an anti-aliasing filter would.
 *
 *  shaft speed  f_r(t) = f_0 (1 + j) (1 + d sin(2π t / T_d)),  phase φ(t) = 2π ∫ f_r dt
 *  healthy      a = a_res (f_r/25)² H(f_r) cos φ  (residual unbalance) + a_bp H(5 f_r) cos 5φ (5 blades)
 *  unbalance    centrifugal force m e ω²: radial A_u (f_r/25)² H(f_r) [cos φ, sin φ] on (y, z)  → 1× line
 *  misalignment radial A_m H(2 f_r) cos(2φ + θ) (2× line) and axial A_a cos φ on x
 *  bearing      an impulse each time the fault phase k·φ/2π passes an integer (k = BPFO/f_r or BPFI/f_r),
 *               each ringing the housing resonance: h(τ) = e^{−ζ ω_n τ} sin(ω_d τ); 1 % slip jitter per
 *               impulse; inner race impulses amplitude-modulated by the load zone (0.6 + 0.4 cos φ),
 *               which puts sidebands at BPFI ± f_r in the envelope spectrum
 *  H(f)         dynamic amplification of the mount, 1/√((1 − r²)² + (2 ζ_s r)²), r = f / f_s
 *  sensor       + white Gaussian noise σ (g), + gravity on z
 *
 * Bearing geometry: SKF 6205 (9 balls, d = 7.94 mm, D = 39.04 mm, contact angle 0), as in the Case
 * Western Reserve University bearing data: BPFO = (n/2) f_r (1 − d/D) = 3.585 f_r, BPFI = 5.415 f_r.
 * Amplitudes, resonances and damping are assumed (chosen to be plausible for a small fan, documented in
 * labs/time-series.md).
 */
import { deriveSeed, mulberry32, normal } from '../random';
import type { Recording, TimeSeriesDataset } from './types';

export const MOTOR_CLASSES = ['off', 'low', 'high', 'unbalance', 'misalignment', 'outer race', 'inner race'] as const;
export type MotorMode = (typeof MOTOR_CLASSES)[number];

export const BEARING = { balls: 9, ballDiameter: 7.94, pitchDiameter: 39.04 };
const ratio = BEARING.ballDiameter / BEARING.pitchDiameter;
/** Fault frequencies per unit shaft frequency. */
export const BPFO_RATIO = (BEARING.balls / 2) * (1 - ratio);
export const BPFI_RATIO = (BEARING.balls / 2) * (1 + ratio);

export const MOTOR_PARAMS = {
  lowHz: 15,
  highHz: 25,
  bladeCount: 5,
  residualG: 0.03,
  bladePassG: 0.04,
  unbalanceG: 0.3,
  misalignRadialG: 0.25,
  misalignAxialG: 0.12,
  bearingG: 0.6,
  /** Housing resonance excited by bearing impacts. */
  bearingResonanceHz: 320,
  bearingDamping: 0.06,
  /** Mount (structure) resonance that amplifies the rotating lines. */
  mountResonanceHz: 180,
  mountDamping: 0.1,
  /** Speed jitter between recordings (load, slip) and slow drift within one. */
  speedJitter: 0.04,
  speedDrift: 0.01,
  driftPeriodS: 1.7,
  slipJitter: 0.01,
};

export interface MotorOptions {
  sampleRate: number;
  seconds: number;
  recordingsPerClass: number;
  /** Sensor noise, g rms. */
  noise: number;
  seed: number;
  /** 0: balanced; 1: the last class gets almost no recordings (linear in class index). */
  imbalance?: number;
  /** Which modes to simulate (default all). */
  modes?: readonly MotorMode[];
  /** Override physical parameters (tests set jitter to 0). */
  params?: Partial<typeof MOTOR_PARAMS>;
}

function amplification(f: number, fn: number, zeta: number): number {
  const r = f / fn;
  return 1 / Math.sqrt((1 - r * r) ** 2 + (2 * zeta * r) ** 2);
}

/** Recordings per class after the imbalance rule (at least one each). */
export function classCounts(perClass: number, classes: number, imbalance = 0): number[] {
  return Array.from({ length: classes }, (_, c) =>
    Math.max(1, Math.round(perClass * (1 - Math.min(0.95, imbalance) * (classes > 1 ? c / (classes - 1) : 0)))),
  );
}

export function simulateMotor(mode: MotorMode, o: MotorOptions, rand: () => number): Float32Array[] {
  const P = { ...MOTOR_PARAMS, ...o.params };
  const fs = o.sampleRate;
  const n = Math.max(1, Math.round(o.seconds * fs));
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const z = new Float32Array(n);
  const f0 = mode === 'off' ? 0 : mode === 'low' ? P.lowHz : P.highHz;
  const jitter = 1 + P.speedJitter * (2 * rand() - 1);
  const driftPhase = 2 * Math.PI * rand();
  const wn = 2 * Math.PI * P.bearingResonanceHz;
  const wd = wn * Math.sqrt(1 - P.bearingDamping ** 2);
  const decay = P.bearingDamping * wn;
  const faultRatio = mode === 'outer race' ? BPFO_RATIO : mode === 'inner race' ? BPFI_RATIO : 0;
  const impulses: { t: number; a: number }[] = [];
  let phi = 2 * Math.PI * rand();
  // Fault "phase" in impulses: the next impulse fires when it passes nextAt (slip jitter per impulse).
  let faultPhase = 0;
  let nextAt = 1;
  const misalignTheta = 2 * Math.PI * rand();
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    const fr = f0 * jitter * (1 + P.speedDrift * Math.sin((2 * Math.PI * t) / P.driftPeriodS + driftPhase));
    let ax = 0;
    let ay = 0;
    let az = 1;
    if (fr > 0) {
      const s = (fr / P.highHz) ** 2;
      const h1 = amplification(fr, P.mountResonanceHz, P.mountDamping);
      const res = P.residualG * s * h1 * Math.cos(phi);
      const blade = P.bladePassG * amplification(P.bladeCount * fr, P.mountResonanceHz, P.mountDamping) * Math.cos(P.bladeCount * phi);
      ay += res + blade;
      az += 0.7 * res + 0.5 * blade;
      ax += 0.2 * blade;
      if (mode === 'unbalance') {
        ay += P.unbalanceG * s * h1 * Math.cos(phi);
        az += P.unbalanceG * s * h1 * Math.sin(phi);
      } else if (mode === 'misalignment') {
        const h2 = amplification(2 * fr, P.mountResonanceHz, P.mountDamping);
        ay += P.misalignRadialG * h2 * Math.cos(2 * phi + misalignTheta);
        az += P.misalignRadialG * h2 * Math.sin(2 * phi + misalignTheta);
        ax += P.misalignAxialG * Math.cos(phi);
      } else if (faultRatio > 0) {
        const step = (faultRatio * fr) / fs;
        while (faultPhase + step >= nextAt) {
          const frac = (nextAt - faultPhase) / step;
          const tk = t + frac / fs;
          const load = mode === 'inner race' ? 0.6 + 0.4 * Math.cos(phi + 2 * Math.PI * fr * (frac / fs)) : 1;
          impulses.push({ t: tk, a: P.bearingG * load });
          nextAt += 1 + P.slipJitter * normal(rand);
        }
        faultPhase += step;
        let ring = 0;
        for (let k = impulses.length - 1; k >= 0; k--) {
          const tau = t - impulses[k].t;
          if (tau * decay > 7) {
            impulses.splice(0, k + 1);
            break;
          }
          if (tau >= 0) ring += impulses[k].a * Math.exp(-decay * tau) * Math.sin(wd * tau);
        }
        az += ring;
        ay += 0.4 * ring;
      }
      phi += (2 * Math.PI * fr) / fs;
    }
    x[i] = ax + o.noise * normal(rand);
    y[i] = ay + o.noise * normal(rand);
    z[i] = az + o.noise * normal(rand);
  }
  return [x, y, z];
}

export function motorDataset(o: MotorOptions): TimeSeriesDataset {
  const modes = o.modes ?? MOTOR_CLASSES;
  const counts = classCounts(o.recordingsPerClass, modes.length, o.imbalance);
  const recordings: Recording[] = [];
  modes.forEach((mode, c) => {
    for (let r = 0; r < counts[c]; r++) {
      const rand = mulberry32(deriveSeed(o.seed, `motor/${mode}/${r}`));
      recordings.push({ channels: simulateMotor(mode, o, rand), label: c });
    }
  });
  return { id: 'motor', sampleRate: o.sampleRate, channelNames: ['x (axial)', 'y (radial)', 'z (vertical)'], unit: 'g', classNames: [...modes], recordings };
}
