/**
 * The estimator against measurements it was not fitted to: the held-out points of
 * validation-data.ts estimated with the catalog, and leave-one-model-out on the MCX N947's MLPerf
 * Tiny fit. The residuals r = measured / estimate give each engine's error band (bands.ts).
 */
import { ENGINE_BANDS, type EngineBand } from './bands';
import { CALIBRATIONS } from './calibrations';
import { getTarget } from './catalog';
import { estimate } from './estimate';
import { leaveOneOut } from './fit';
import { HELD_OUT_POINTS, type ValidationPoint } from './validation-data';

export interface ValidationRow {
  point: ValidationPoint;
  targetName: string;
  estimate: number;
  low: number;
  high: number;
  /** estimate / measured. */
  ratio: number;
  inBand: boolean;
}

/** Held-out points estimated with the catalog as it is (bands included). */
export function heldOutRows(points: ValidationPoint[] = HELD_OUT_POINTS): ValidationRow[] {
  return points.map((p) => {
    const e = estimate(p.spec, { dtype: 'int8' }, p.targetId);
    const eng = p.engine === 'cpu' ? e.cpu : e.npu!;
    return { point: p, targetName: e.targetName, estimate: eng.ms, low: eng.low, high: eng.high, ratio: eng.ms / p.ms, inBand: p.ms >= eng.low && p.ms <= eng.high };
  });
}

export interface LooResult {
  targetId: string;
  engine: 'cpu' | 'npu';
  rows: { id: string; measured: number; predicted: number; ratio: number }[];
}

/** Leave-one-model-out for the MCX N947 CPU and NPU: refit on three MLPerf models, predict the fourth. */
export function mcxnLeaveOneOut(): LooResult[] {
  return CALIBRATIONS.filter((c) => c.targetId === 'mcxn947').map((c) => ({
    targetId: c.targetId,
    engine: c.engine,
    rows: leaveOneOut(c.points, c.prior(), c.params),
  }));
}

export interface EngineSummary {
  key: string;
  n: number;
  /** Median and worst of max(ratio, 1/ratio). */
  median: number;
  worst: number;
}

/** Symmetric error factor of a ratio: 1.25 for both 1.25 and 0.8. */
export const errorFactor = (ratio: number) => Math.max(ratio, 1 / ratio);

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function summarise(rows: { key: string; ratio: number }[]): EngineSummary[] {
  const by = new Map<string, number[]>();
  for (const r of rows) by.set(r.key, [...(by.get(r.key) ?? []), errorFactor(r.ratio)]);
  return [...by].map(([key, fs]) => ({ key, n: fs.length, median: median(fs), worst: Math.max(...fs) }));
}

const roundUp = (x: number) => Math.ceil(x * 20 - 1e-9) / 20;

/**
 * Bands from residuals (rule in bands.ts). `residuals` are estimate / measured ratios per
 * "targetId/engine"; held-out rows are passed as estimated *without* their band influencing them.
 */
export function deriveBands(residuals: Map<string, number[]>): Record<string, EngineBand> {
  const out: Record<string, EngineBand> = {};
  for (const [key, ratios] of residuals) {
    if (ratios.length === 0) continue;
    const floor = ratios.length >= 3 ? 1.15 : 1.5;
    // measured = estimate / ratio: above the estimate when ratio < 1.
    const above = Math.max(floor, ...ratios.map((r) => 1 / r));
    const below = Math.max(floor, ...ratios);
    out[key] = { below: roundUp(below), above: roundUp(above), status: 'calibrated', residuals: ratios.length };
  }
  return out;
}

/** All held-out residuals per engine: held-out points plus the MCX N947 leave-one-out predictions. */
export function residualsByEngine(rows = heldOutRows(), loo = mcxnLeaveOneOut()): Map<string, number[]> {
  const m = new Map<string, number[]>();
  const add = (key: string, r: number) => m.set(key, [...(m.get(key) ?? []), r]);
  for (const r of rows) add(`${r.point.targetId}/${r.point.engine}`, r.ratio);
  for (const l of loo) for (const r of l.rows) add(`${l.targetId}/${l.engine}`, r.ratio);
  return m;
}

/** The panel's label for an engine key, e.g. "MCX N947 NPU". */
export function engineLabel(key: string): string {
  const [targetId, engine] = key.split('/');
  return `${getTarget(targetId).name} ${engine.toUpperCase()}`;
}

export { ENGINE_BANDS };
