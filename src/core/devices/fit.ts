/**
 * Fitting the catalog's free constants to published measurements, and leave-one-out validation.
 * The loss is Σ ln²(estimate / measured) (ratios, not milliseconds: a 2x miss on a 0.2 ms model
 * counts like a 2x miss on a 200 ms one). It is minimised by coordinate descent in log space: each
 * parameter is scaled by e^±step while that lowers the loss, and the step halves when nothing does.
 * Deterministic, derivative-free, and fast enough for a handful of parameters (a few thousand
 * estimates). Used by fit.test.ts to refit the catalog and by validation.ts for leave-one-model-out.
 */
import type { ModelSpec } from '../model/spec';
import { cpuLatency, npuLatency } from './latency';
import { lower, type LoweredModel } from './lower';
import { flashEstimate } from './flash';
import { weightsInExternalFlash } from './estimate';
import type { CpuEngine, Figure, NpuEngine, OpEfficiency, Target } from './target-types';
import type { Deployment } from './types';

export interface FitPoint {
  id: string;
  spec: ModelSpec;
  engine: 'cpu' | 'npu';
  ms: number;
}

/** One free constant: read it from a target, or return a copy of the target with a new value. */
export interface FitParam {
  name: string;
  /** Physical range: utilisations and efficiencies cannot exceed 1, overheads cannot vanish. */
  min: number;
  max: number;
  get(t: Target): number;
  set(t: Target, v: number): Target;
}

const INT8: Deployment = { dtype: 'int8' };
const NO_BAND = { below: 1, above: 1 };
const lowered = new WeakMap<ModelSpec, LoweredModel>();

function lowerCached(spec: ModelSpec): LoweredModel {
  let m = lowered.get(spec);
  if (!m) {
    m = lower(spec, INT8);
    lowered.set(spec, m);
  }
  return m;
}

/** Estimated int8 latency of one point's model on one engine of `target` (no band, no caching of targets). */
export function predictMs(spec: ModelSpec, engine: 'cpu' | 'npu', target: Target): number {
  const m = lowerCached(spec);
  const cpuPerOp: number[] = [];
  const cpu = cpuLatency(m, target, INT8, cpuPerOp, NO_BAND);
  if (engine === 'cpu') return cpu.ms;
  if (!target.npu) return NaN;
  const external = weightsInExternalFlash(target, flashEstimate(m, INT8, target).model);
  return npuLatency(m, target, target.npu, INT8, cpuPerOp, [], [], NO_BAND, external).ms;
}

export function loss(points: FitPoint[], target: Target): number {
  let l = 0;
  for (const p of points) l += Math.log(predictMs(p.spec, p.engine, target) / p.ms) ** 2;
  return l;
}

export interface FitResult {
  target: Target;
  values: Record<string, number>;
  /** Root mean square of ln(estimate / measured) at the optimum. */
  rmsLogError: number;
}

/** Fit `params` of `start` to `points` (see the file comment). */
export function fit(points: FitPoint[], start: Target, params: FitParam[], maxRounds = 400): FitResult {
  let t = start;
  let best = loss(points, t);
  let step = Math.log(2);
  for (let round = 0; round < maxRounds && step > 1e-4; round++) {
    let improved = false;
    for (const p of params) {
      for (const dir of [1, -1]) {
        const v = Math.min(p.max, Math.max(p.min, p.get(t) * Math.exp(dir * step)));
        if (v === p.get(t)) continue;
        const cand = p.set(t, v);
        const l = loss(points, cand);
        if (l < best - 1e-12) {
          t = cand;
          best = l;
          improved = true;
          break;
        }
      }
    }
    if (!improved) step /= 2;
  }
  const values = Object.fromEntries(params.map((p) => [p.name, p.get(t)]));
  return { target: t, values, rmsLogError: Math.sqrt(best / Math.max(1, points.length)) };
}

export interface LooRow {
  id: string;
  measured: number;
  /** Estimate for the left-out point from constants fitted on the others. */
  predicted: number;
  ratio: number;
  values: Record<string, number>;
}

/** Leave-one-out: for each point, refit on the others and predict it. */
export function leaveOneOut(points: FitPoint[], start: Target, params: FitParam[]): LooRow[] {
  return points.map((p) => {
    const others = points.filter((q) => q !== p);
    const r = fit(others, start, params);
    const predicted = predictMs(p.spec, p.engine, r.target);
    return { id: p.id, measured: p.ms, predicted, ratio: predicted / p.ms, values: r.values };
  });
}

// ---- Parameter helpers -------------------------------------------------------------------------

const withValue = (fig: Figure, v: number): Figure => ({ ...fig, value: v });

/** A numeric Figure field of the CPU engine. */
export function cpuParam(key: 'int8MacsPerCycle' | 'opOverheadCycles' | 'fixedOverheadMs' | 'elementCycles', min: number, max: number): FitParam {
  return {
    name: `cpu.${key}`,
    min,
    max,
    get: (t) => t.cpu[key].value,
    set: (t, v) => ({ ...t, cpu: { ...t.cpu, [key]: withValue(t.cpu[key], v) } as CpuEngine }),
  };
}

/** A CPU per-operator efficiency factor k_l. */
export function cpuEfficiencyParam(key: keyof OpEfficiency): FitParam {
  return {
    name: `cpu.efficiency.${key}`,
    min: 0.02,
    max: 1,
    get: (t) => t.cpu.efficiency[key].value,
    set: (t, v) => ({ ...t, cpu: { ...t.cpu, efficiency: { ...t.cpu.efficiency, [key]: withValue(t.cpu.efficiency[key], v) } } }),
  };
}

type NpuFigureKey = 'convUtilization' | 'depthwiseUtilization' | 'weightBytesPerCycle' | 'activationBytesPerCycle' | 'fixedOverheadCycles' | 'opOverheadCycles';

/** A numeric Figure field of the NPU engine. */
export function npuParam(key: NpuFigureKey, min = 0.01, max = 1): FitParam {
  return {
    name: `npu.${key}`,
    min,
    max,
    get: (t) => t.npu?.[key]?.value ?? NaN,
    set: (t, v) => ({ ...t, npu: { ...t.npu!, [key]: withValue(t.npu![key]!, v) } as NpuEngine }),
  };
}
