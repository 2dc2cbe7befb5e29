/** Pure helpers that turn search runs into what the page shows (numbers, chart points). */
import { paretoFront, spearman } from '../../core/techniques/nas/metrics';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import type { StrategyName } from '../../core/techniques/nas/strategies';
import type { NasRun } from '../../store/nas';

export type CostAxis = 'latency' | 'flash' | 'ram';

export const COST_AXES: { value: CostAxis; label: string; unit: string }[] = [
  { value: 'latency', label: 'Latency', unit: 'ms' },
  { value: 'flash', label: 'Flash', unit: 'KB' },
  { value: 'ram', label: 'RAM', unit: 'KB' },
];

export const STRATEGY_COLORS: Record<StrategyName, string> = {
  evolution: '#1f5fbf',
  random: '#c2410c',
  grid: '#6b21a8',
};

export function costValue(r: CandidateRecord, axis: CostAxis): number {
  if (axis === 'latency') return r.cost.latencyMs;
  return (axis === 'flash' ? r.cost.flashBytes : r.cost.ramBytes) / 1024;
}

export const trained = (records: readonly CandidateRecord[]) => records.filter((r) => r.status === 'trained');

export function best(records: readonly CandidateRecord[]): CandidateRecord | null {
  let b: CandidateRecord | null = null;
  for (const r of trained(records)) if (!b || r.accuracy! > b.accuracy!) b = r;
  return b;
}

export function fastest(records: readonly CandidateRecord[]): CandidateRecord | null {
  let b: CandidateRecord | null = null;
  for (const r of trained(records)) if (!b || r.cost.latencyMs < b.cost.latencyMs) b = r;
  return b;
}

/** Pareto front (accuracy up, cost down) over the trained candidates of the given runs. */
export function front(runs: readonly NasRun[], axis: CostAxis): CandidateRecord[] {
  const all = runs.flatMap((r) => trained(r.records));
  return paretoFront(all, (r) => r.accuracy!, (r) => costValue(r, axis));
}

/** Spearman's rho between the zero-cost score and the trained accuracy (NaN with < 3 pairs). */
export function proxyAgreement(records: readonly CandidateRecord[]): { rho: number; n: number } {
  const pairs = trained(records).filter((r) => r.zeroCost !== null && Number.isFinite(r.zeroCost));
  if (pairs.length < 3) return { rho: NaN, n: pairs.length };
  return { rho: spearman(pairs.map((r) => r.zeroCost!), pairs.map((r) => r.accuracy!)), n: pairs.length };
}

/** Rows {n, run<id>: best accuracy % so far} for the best-so-far chart, one column per run. */
export function bestSoFarRows(runs: readonly NasRun[]): Record<string, number | null>[] {
  const rows: Record<string, number | null>[] = [];
  const longest = Math.max(0, ...runs.map((r) => trained(r.records).length));
  for (let i = 0; i < longest; i++) rows.push({ n: i + 1 });
  for (const run of runs) {
    let b = -Infinity;
    trained(run.records).forEach((r, i) => {
      b = Math.max(b, r.accuracy!);
      rows[i][`run${run.id}`] = Math.round(b * 1000) / 10;
    });
  }
  return rows;
}

export const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

/** A log axis from the data with 1-2-5 ticks (recharts' own log ticks are sparse and odd). */
export function logTicks(values: number[]): { domain: [number, number]; ticks: number[] } {
  if (values.length === 0) return { domain: [1, 100], ticks: [1, 10, 100] };
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const ticks: number[] = [];
  for (let d = lo; d < hi * 1.001; d *= 10) for (const m of [1, 2, 5]) if (d * m <= hi * 1.001) ticks.push(Number((d * m).toPrecision(3)));
  const decades = Math.log10(hi / lo);
  // Many decades: keep only the powers of ten so labels do not collide.
  const isPow10 = (t: number) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9;
  return { domain: [lo, hi], ticks: decades > 3 ? ticks.filter(isPow10) : ticks };
}


/** One scatter point: cost on x, accuracy % on y (rejected candidates sit on the bottom edge). */
export interface ChartPoint {
  x: number;
  y: number;
  run: number;
  index: number;
  key: string;
  rejected: boolean;
}

export interface ScatterModel {
  yMin: number;
  yTicks: number[];
  xDomain: [number, number];
  xTicks: number[];
  rejected: ChartPoint[];
  /** Trained points of each run, in the order of `runs`. */
  trainedByRun: ChartPoint[][];
  /** The Pareto front over all runs, sorted by cost. */
  pareto: ChartPoint[];
}

export function chartPoint(runId: number, r: CandidateRecord, axis: CostAxis, yMin: number): ChartPoint {
  return {
    x: Math.max(1e-3, costValue(r, axis)),
    y: r.status === 'trained' ? r.accuracy! * 100 : yMin,
    run: runId,
    index: r.index,
    key: r.key,
    rejected: r.status === 'rejected',
  };
}

/**
 * Everything the accuracy-vs-cost scatter draws, computed in one pass so the page can memoise it
 * on (runs, axis, budget) instead of rebuilding it on every render.
 */
export function scatterModel(runs: readonly NasRun[], axis: CostAxis, budget: number): ScatterModel {
  const accs = runs.flatMap((r) => trained(r.records).map((c) => c.accuracy! * 100));
  const yMin = accs.length ? Math.max(0, Math.floor((Math.min(...accs) - 5) / 5) * 5) : 0;
  const step = 100 - yMin > 40 ? 10 : 5;
  const yTicks = [yMin];
  for (let t = Math.ceil((yMin + 1) / step) * step; t <= 100; t += step) yTicks.push(t);
  const rejected = runs.flatMap((run) => run.records.filter((r) => r.status === 'rejected').map((r) => chartPoint(run.id, r, axis, yMin)));
  const onFront = new Set(front(runs, axis));
  const pareto = runs
    .flatMap((run) => run.records.filter((r) => onFront.has(r)).map((r) => chartPoint(run.id, r, axis, yMin)))
    .sort((a, b) => a.x - b.x);
  const xs = [...runs.flatMap((r) => r.records.map((c) => Math.max(1e-3, costValue(c, axis)))), ...(budget > 0 ? [budget] : [])];
  const { domain, ticks } = logTicks(xs);
  return {
    yMin,
    yTicks,
    xDomain: domain,
    xTicks: ticks,
    rejected,
    trainedByRun: runs.map((run) => trained(run.records).map((r) => chartPoint(run.id, r, axis, yMin))),
    pareto,
  };
}
