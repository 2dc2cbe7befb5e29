import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import type { NasRun } from '../../store/nas';
import { best, bestSoFarRows, fastest, front, logTicks, proxyAgreement, scatterModel } from './view-model';

const rec = (i: number, acc: number | null, lat: number, zc: number | null = null): CandidateRecord => ({
  index: i,
  trainedIndex: acc === null ? 0 : i + 1,
  strategy: 'random',
  key: `k${i}`,
  genotype: { blocks: [], pool: 'gap', head: 0 },
  origin: 'random',
  params: 1,
  macs: 1,
  cost: { latencyMs: lat, flashBytes: 1024 * lat, ramBytes: 2048 },
  status: acc === null ? 'rejected' : 'trained',
  reasons: [],
  accuracy: acc,
  zeroCost: zc,
  evalMs: 1,
});

const run = (id: number, records: CandidateRecord[]): NasRun => ({ id, strategy: 'random', seed: 1, label: '', candidates: 20, records, running: false });

describe('NAS view model', () => {
  const records = [rec(0, 0.8, 5, 1), rec(1, null, 50), rec(2, 0.9, 10, 2), rec(3, 0.85, 20, 3), rec(4, 0.7, 1, 0)];
  it('picks the best and fastest trained candidates, ignoring rejected ones', () => {
    expect(best(records)!.key).toBe('k2');
    expect(fastest(records)!.key).toBe('k4');
  });
  it('draws the front over trained candidates only', () => {
    expect(front([run(1, records)], 'latency').map((r) => r.key)).toEqual(['k4', 'k0', 'k2']);
  });
  it('rank-correlates zero-cost with accuracy', () => {
    // zero-cost ranks [2,3,4,1] vs accuracy ranks [2,4,3,1] → 1 - 6·2/(4·15) = 0.8
    expect(proxyAgreement(records).rho).toBeCloseTo(0.8, 12);
    expect(proxyAgreement(records.slice(0, 2)).n).toBe(1);
  });
  it('tabulates best-so-far per run', () => {
    const rows = bestSoFarRows([run(1, records), run(2, [rec(0, 0.95, 1)])]);
    expect(rows.map((r) => r.run1)).toEqual([80, 90, 90, 90]);
    expect(rows.map((r) => r.run2)).toEqual([95, undefined, undefined, undefined]);
  });
  it('makes 1-2-5 log ticks spanning the data, powers of ten only over many decades', () => {
    expect(logTicks([0.3, 42])).toEqual({ domain: [0.1, 100], ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100] });
    expect(logTicks([0.05, 2000]).ticks).toEqual([0.01, 0.1, 1, 10, 100, 1000, 10000]);
  });
  it('builds the scatter: rejected on the bottom edge, trained per run, front sorted by cost', () => {
    const m = scatterModel([run(1, records), run(2, [rec(0, 0.95, 2)])], 'latency', 30);
    // Lowest accuracy 70 % → axis from 65 % in steps of 5.
    expect(m.yMin).toBe(65);
    expect(m.yTicks[0]).toBe(65);
    expect(m.yTicks[m.yTicks.length - 1]).toBe(100);
    expect(m.rejected).toEqual([{ x: 50, y: 65, run: 1, index: 1, key: 'k1', rejected: true }]);
    expect(m.trainedByRun.map((pts) => pts.map((p) => p.key))).toEqual([['k0', 'k2', 'k3', 'k4'], ['k0']]);
    expect(m.trainedByRun[0][1]).toMatchObject({ x: 10, y: 90, run: 1, index: 2 });
    // Run 2's 95 % at 2 ms dominates k0 (80 %, 5 ms) and k2 (90 %, 10 ms).
    expect(m.pareto.map((p) => `${p.run}:${p.key}`)).toEqual(['1:k4', '2:k0']);
    // The budget (30 ms) and the 50 ms rejected candidate are inside the x domain.
    expect(m.xDomain).toEqual([1, 100]);
  });
});
