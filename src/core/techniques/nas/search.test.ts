import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../../model/analyze';
import type { ModelSpec } from '../../model/spec';
import { bestRecord, runSearch, type SearchRunOptions } from './search';
import { DEFAULT_SPACE, genotypeKey, isInSpace, spaceSize, type SearchSpace } from './space';
import { evolutionSearch, gridSearch, makeStrategy, randomSearch, type StrategyName } from './strategies';

const TINY: SearchSpace = {
  blockCounts: [1, 2],
  kinds: ['conv', 'dsconv'],
  kernels: [3],
  widths: [4, 8],
  downsamples: ['maxpool'],
  headPools: ['gap'],
  headWidths: [0],
};

/** A fake estimator: cost grows with parameters, so the budget bites predictably. */
const estimate = (spec: ModelSpec) => {
  const info = analyzeSpec(spec);
  return { flashBytes: info.params, ramBytes: 1000, latencyMs: info.macs / 1e5 };
};
/** A fake proxy accuracy that prefers more MACs up to a point (deterministic, no training). */
const fakeAccuracy = (spec: ModelSpec) => 1 - 1 / (1 + Math.log10(1 + analyzeSpec(spec).macs));

function options(strategy: StrategyName, seed: number, over: Partial<SearchRunOptions> = {}): SearchRunOptions {
  return {
    strategy: makeStrategy(strategy, DEFAULT_SPACE, seed),
    candidates: 20,
    budget: { flashKB: 50 },
    estimate,
    evaluate: async (spec) => ({ accuracy: fakeAccuracy(spec) }),
    ...over,
  };
}

describe('strategies', () => {
  it('the same seed gives the same sequence of candidates; another seed does not', () => {
    for (const name of ['random', 'evolution'] as const) {
      const seq = (seed: number) => {
        const s = makeStrategy(name, DEFAULT_SPACE, seed);
        return Array.from({ length: 30 }, (_, i) => {
          const p = s.ask()!;
          s.tell(p, (i * 37) % 11);
          return genotypeKey(p.genotype);
        });
      };
      expect(seq(42)).toEqual(seq(42));
      expect(seq(42)).not.toEqual(seq(43));
    }
  });

  it('evolution starts from the same founders random search sees first', () => {
    const r = randomSearch(DEFAULT_SPACE, 5);
    const e = evolutionSearch(DEFAULT_SPACE, 5, { population: 6, sampleSize: 2 });
    for (let i = 0; i < 6; i++) {
      const pe = e.ask()!;
      expect(genotypeKey(pe.genotype)).toBe(genotypeKey(r.ask()!.genotype));
      e.tell(pe, i / 10);
    }
    expect(e.ask()!.origin).toMatch(/^mutation/);
  });

  it('evolution mutates the tournament winner and ages out the oldest', () => {
    // Sample size = population: the parent is always the fittest member still alive.
    const e = evolutionSearch(TINY, 1, { population: 3, sampleSize: 50 });
    const founders = [0, 1, 2].map(() => e.ask()!);
    founders.forEach((p, i) => e.tell(p, [0.9, 0.1, 0.2][i]));
    const child = e.ask()!;
    expect(child.origin).toMatch(/^mutation/);
    expect(isInSpace(child.genotype, TINY)).toBe(true);
    // A child joins and the oldest (fitness 0.9) dies: the best is now the child or 0.2.
    e.tell(child, 0.05);
    const p2 = e.ask()!;
    expect(p2.origin).toMatch(/^mutation/);
  });

  it('rejected children never join the population', () => {
    const e = evolutionSearch(DEFAULT_SPACE, 2, { population: 2, sampleSize: 2 });
    for (let i = 0; i < 10; i++) e.tell(e.ask()!, null);
    expect(e.ask()!.origin).toBe('random'); // still filling the population
  });

  it('grid search walks the whole tiny space and refuses a huge one', () => {
    const g = gridSearch(TINY);
    const keys = new Set<string>();
    for (let p = g.ask(); p; p = g.ask()) keys.add(genotypeKey(p.genotype));
    expect(keys.size).toBe(spaceSize(TINY));
    expect(() => gridSearch(DEFAULT_SPACE)).toThrow(/at most/);
  });
});

describe('runSearch', () => {
  it('trains exactly the candidate budget and rejects exactly the over-budget ones before training', async () => {
    const evaluated: string[] = [];
    const res = await runSearch(
      options('random', 1, {
        evaluate: async (spec) => {
          evaluated.push(spec.id);
          return { accuracy: fakeAccuracy(spec) };
        },
      }),
    );
    expect(res.stopReason).toBe('budget');
    const trained = res.records.filter((r) => r.status === 'trained');
    const rejected = res.records.filter((r) => r.status === 'rejected');
    expect(trained).toHaveLength(20);
    expect(evaluated).toHaveLength(20);
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of trained) expect(r.cost.flashBytes).toBeLessThanOrEqual(50 * 1024);
    for (const r of rejected) {
      expect(r.cost.flashBytes).toBeGreaterThan(50 * 1024);
      expect(r.reasons[0]).toMatch(/^flash/);
      expect(evaluated).not.toContain(`nas-${r.key}`);
    }
    expect(trained.map((r) => r.trainedIndex)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('is reproducible by seed, and evolution beats random on a smooth fake landscape', async () => {
    const a = await runSearch(options('evolution', 9));
    const b = await runSearch(options('evolution', 9));
    expect(a.records.map((r) => r.key)).toEqual(b.records.map((r) => r.key));
    let wins = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const evo = bestRecord((await runSearch(options('evolution', seed))).records)!.accuracy!;
      const rnd = bestRecord((await runSearch(options('random', seed))).records)!.accuracy!;
      if (evo >= rnd) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(3);
  });

  it('never retrains a duplicate architecture', async () => {
    const res = await runSearch({ ...options('evolution', 3), strategy: evolutionSearch(TINY, 3, { population: 3, sampleSize: 2 }), candidates: 25 });
    const keys = res.records.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(spaceSize(TINY));
    expect(res.stopReason).toBe('exhausted');
  });

  it('stops when aborted, keeps what it has and discards the interrupted candidate', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const res = await runSearch(
      options('random', 4, {
        signal: ac.signal,
        evaluate: async (spec, _g, signal) => {
          if (seen.length === 3) {
            ac.abort();
            return signal?.aborted ? null : { accuracy: 0 };
          }
          seen.push(1);
          return { accuracy: fakeAccuracy(spec) };
        },
        onRecord: () => {},
      }),
    );
    expect(res.stopReason).toBe('stopped');
    expect(res.records.filter((r) => r.status === 'trained')).toHaveLength(3);
  });

  it('stops starting candidates when the time budget is spent', async () => {
    let t = 0;
    const res = await runSearch(
      options('random', 4, {
        now: () => t,
        timeBudgetMs: 1000,
        evaluate: async (spec) => {
          t += 300;
          return { accuracy: fakeAccuracy(spec) };
        },
      }),
    );
    expect(res.stopReason).toBe('time');
    expect(res.records.filter((r) => r.status === 'trained')).toHaveLength(4);
  });

  it('gives up when nothing fits', async () => {
    const res = await runSearch(options('random', 1, { budget: { flashKB: 0.001 }, maxProposals: 30 }));
    expect(res.stopReason).toBe('no-feasible');
    expect(res.records.every((r) => r.status === 'rejected')).toBe(true);
    expect(bestRecord(res.records)).toBeNull();
  });
});
