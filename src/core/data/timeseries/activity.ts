/**
 * Human activity / gesture set from a 3-axis IMU accelerometer worn on the wrist (units of g).
 * Each recording draws its own device orientation (gravity direction), rhythm and amplitude.
 *
 *  idle    gravity + physiological tremor (8–12 Hz, ~5 mg)
 *  walk    step frequency f_s ∈ [1.6, 2.1] Hz: vertical 0.25 g sin(2π f_s t) + 0.1 g sin(4π f_s t + ψ),
 *          fore–aft 0.15 g at f_s, lateral sway 0.08 g at the stride frequency f_s / 2
 *  run     f_s ∈ [2.5, 3.0] Hz: heel-strike half-sine impacts of ~1.5 g over 30 % of each step, fore–aft 0.3 g
 *  wave    forearm swings θ(t) = θ_0 sin(2π f t), f ∈ [1.5, 2.5] Hz, θ_0 ≈ 0.6 rad: gravity rotates in the
 *          x–y plane (g sin θ, g cos θ) and the tangential acceleration r θ̈ adds on x (r = 0.15 m)
 *  circle  the hand draws a vertical circle of radius R = 0.15 m at f ∈ [0.7, 1.2] Hz: centripetal
 *          acceleration R ω² (cos ωt, sin ωt) on (x, z)
 * Amplitudes follow typical wrist-IMU magnitudes (assumed; see the guide for sources and caveats).
 */
import { deriveSeed, mulberry32, normal, uniform } from '../random';
import { classCounts } from './motor';
import type { Recording, TimeSeriesDataset } from './types';

export const ACTIVITY_CLASSES = ['idle', 'walk', 'run', 'wave', 'circle'] as const;
export type Activity = (typeof ACTIVITY_CLASSES)[number];
const G = 9.81;

export interface ActivityOptions {
  sampleRate: number;
  seconds: number;
  recordingsPerClass: number;
  noise: number;
  seed: number;
  imbalance?: number;
}

/** Rotates the unit vector (0, 0, 1) by small random tilts: the resting gravity direction. */
function gravityDirection(rand: () => number): [number, number, number] {
  const a = uniform(rand, -0.5, 0.5);
  const b = uniform(rand, -0.5, 0.5);
  return [Math.sin(a), Math.cos(a) * Math.sin(b), Math.cos(a) * Math.cos(b)];
}

export function simulateActivity(kind: Activity, o: ActivityOptions, rand: () => number): Float32Array[] {
  const fs = o.sampleRate;
  const n = Math.max(1, Math.round(o.seconds * fs));
  const out = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  const g = gravityDirection(rand);
  const scale = uniform(rand, 0.8, 1.2);
  const psi = 2 * Math.PI * rand();
  const p0 = 2 * Math.PI * rand();
  const f =
    kind === 'walk' ? uniform(rand, 1.6, 2.1) : kind === 'run' ? uniform(rand, 2.5, 3.0) : kind === 'wave' ? uniform(rand, 1.5, 2.5) : kind === 'circle' ? uniform(rand, 0.7, 1.2) : uniform(rand, 8, 12);
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    const w = 2 * Math.PI * f;
    let a: [number, number, number] = [g[0], g[1], g[2]];
    switch (kind) {
      case 'idle':
        a = [a[0] + 0.005 * Math.sin(w * t + p0), a[1] + 0.004 * Math.sin(w * t + psi), a[2]];
        break;
      case 'walk':
        a = [a[0] + scale * 0.15 * Math.sin(w * t + p0 + Math.PI / 2), a[1] + scale * 0.08 * Math.sin((w / 2) * t + p0), a[2] + scale * (0.25 * Math.sin(w * t + p0) + 0.1 * Math.sin(2 * w * t + psi))];
        break;
      case 'run': {
        const phase = ((f * t + p0 / (2 * Math.PI)) % 1 + 1) % 1;
        const impact = phase < 0.3 ? 1.5 * scale * Math.sin((Math.PI * phase) / 0.3) : -0.2 * scale;
        a = [a[0] + scale * 0.3 * Math.sin(w * t + p0), a[1] + 0.1 * scale * Math.sin((w / 2) * t), a[2] + impact];
        break;
      }
      case 'wave': {
        const th0 = 0.6 * scale;
        const th = th0 * Math.sin(w * t + p0);
        const tangential = (-0.15 * th0 * w * w * Math.sin(w * t + p0)) / G;
        a = [Math.sin(th) + tangential, Math.cos(th) * 0.7 + g[1] * 0.3, g[2] * 0.5];
        break;
      }
      case 'circle': {
        const c = (0.15 * scale * w * w) / G;
        a = [a[0] + c * Math.cos(w * t + p0), a[1], a[2] + c * Math.sin(w * t + p0)];
        break;
      }
    }
    for (let c = 0; c < 3; c++) out[c][i] = a[c] + o.noise * normal(rand);
  }
  return out;
}

export function activityDataset(o: ActivityOptions): TimeSeriesDataset {
  const counts = classCounts(o.recordingsPerClass, ACTIVITY_CLASSES.length, o.imbalance);
  const recordings: Recording[] = [];
  ACTIVITY_CLASSES.forEach((kind, c) => {
    for (let r = 0; r < counts[c]; r++) {
      const rand = mulberry32(deriveSeed(o.seed, `activity/${kind}/${r}`));
      recordings.push({ channels: simulateActivity(kind, o, rand), label: c });
    }
  });
  return { id: 'activity', sampleRate: o.sampleRate, channelNames: ['x', 'y', 'z'], unit: 'g', classNames: [...ACTIVITY_CLASSES], recordings };
}
