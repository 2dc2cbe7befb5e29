import { describe, expect, it } from 'vitest';
import { estimate } from '../../devices/estimate';
import { checkBudget } from './constraints';
import { costOf, NAS_DEPLOYMENT } from './cost';
import { createRng } from './rng';
import { runSearch } from './search';
import { decode, DEFAULT_SPACE, genotypeKey, sampleGenotype } from './space';
import { randomSearch } from './strategies';

describe('constraint filter with the device estimator', () => {
  const budget = { ramKB: 100, flashKB: 300, latencyMs: 20 };
  const cost = (g: Parameters<typeof decode>[0]) => costOf(estimate(decode(g), NAS_DEPLOYMENT, 'mcxn947'), 'cpu');

  it('rejects exactly the sampled architectures whose estimate is over a limit', async () => {
    // The same stream random search will draw from, estimated independently.
    const rng = createRng(11);
    const expected = new Map<string, boolean>();
    for (let i = 0; i < 300; i++) {
      const g = sampleGenotype(rng, DEFAULT_SPACE);
      const c = cost(g);
      const over = c.ramBytes > budget.ramKB * 1024 || c.flashBytes > budget.flashKB * 1024 || c.latencyMs > budget.latencyMs;
      expected.set(genotypeKey(g), !over);
    }
    const feasible = [...expected.values()].filter(Boolean).length;
    // The budget must bite both ways for this test to mean anything.
    expect(feasible).toBeGreaterThan(10);
    expect(feasible).toBeLessThan(expected.size - 10);

    const res = await runSearch({
      strategy: randomSearch(DEFAULT_SPACE, 11),
      candidates: feasible,
      budget,
      estimate: (spec) => costOf(estimate(spec, NAS_DEPLOYMENT, 'mcxn947'), 'cpu'),
      evaluate: async () => ({ accuracy: 0.5 }),
      maxProposals: 300,
    });
    expect(res.records.length).toBeGreaterThan(0);
    for (const r of res.records) {
      expect(r.status === 'trained').toBe(expected.get(r.key));
      expect(checkBudget(r.cost, budget).feasible).toBe(r.status === 'trained');
    }
  });

  it('uses the NPU latency when asked and available, the CPU otherwise', () => {
    const g = sampleGenotype(createRng(2), DEFAULT_SPACE);
    const e947 = estimate(decode(g), NAS_DEPLOYMENT, 'mcxn947');
    expect(costOf(e947, 'npu')).toMatchObject({ engine: 'npu', latencyMs: e947.npu!.ms });
    expect(costOf(e947, 'cpu')).toMatchObject({ engine: 'cpu', latencyMs: e947.cpu.ms });
    const e236 = estimate(decode(g), NAS_DEPLOYMENT, 'mcxn236');
    expect(costOf(e236, 'npu')).toMatchObject({ engine: 'cpu', latencyMs: e236.cpu.ms });
  });
});
