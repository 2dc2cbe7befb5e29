/**
 * engine.nas.*: runs an architecture search inside the worker. The device estimator filters each
 * candidate first; feasible ones get the proxy training on the worker's resident MNIST tensors.
 * Records stream to the page one by one (a few per minute, no throttle needed) and training progress
 * of the current candidate is throttled to ≤ 10 events/s. stop() ends the search and keeps the results.
 *
 * The trained weights of this session's candidates are kept (an LRU cache, shown in the diagnostics)
 * so "Use this model" can start from them instead of from scratch.
 */
import { estimate } from '../core/devices/estimate';
import type { WeightSet } from '../core/model/spec';
import { costOf, NAS_DEPLOYMENT } from '../core/techniques/nas/cost';

import { candidateSeed, trainProxy } from '../core/techniques/nas/proxy';
import { runSearch } from '../core/techniques/nas/search';
import { decode, genotypeKey } from '../core/techniques/nas/space';
import { makeStrategy } from '../core/techniques/nas/strategies';
import { Lru, weightBytes } from '../core/cache/lru';
import { createSlot, ensureData, getData, registerCache, runJob, throttle } from './context';
import type { NasApi, NasEvent } from './protocol/nas';

/**
 * Weights of trained candidates by search seed + architecture, least recently used first: at most
 * 64 candidates (three default 20-candidate searches) and 32 MB, whichever comes first, so a lesson
 * of many searches keeps the newest ones "Use this model" is likely to pick and memory stays bounded.
 */
export const NAS_WEIGHTS_CACHE = { maxEntries: 64, maxBytes: 32e6 };
export const trainedWeights = new Lru<WeightSet>({ name: 'NAS trained weights', ...NAS_WEIGHTS_CACHE, sizeOf: weightBytes });
registerCache(() => trainedWeights.stats());

export const nasApi: NasApi = {
  async search(s, onEvent) {
    await ensureData();
    const { tensors } = getData();
    // A fresh strategy every run: same settings + seed → the same sequence of candidates.
    const strategy = makeStrategy(s.strategy, s.space, s.seed, s.evolution);
    return runJob(`${s.strategy} search`, async (signal) => {
      const progress = throttle<NasEvent>(onEvent);
      try {
        return await runSearch({
          strategy,
          candidates: s.candidates,
          timeBudgetMs: s.timeBudgetSec * 1000,
          budget: s.budget,
          estimate: (spec) => costOf(estimate(spec, NAS_DEPLOYMENT, s.targetId), s.engine),
          signal,
          evaluate: async (spec, g, sig) => {
            const key = genotypeKey(g);
            const r = await trainProxy({
              spec,
              seed: candidateSeed(s.seed, g),
              train: tensors.train,
              test: tensors.test,
              settings: s.proxy,
              keepWeights: true,
              signal: sig,
              onProgress: (fraction) => progress.push({ type: 'training', key, fraction }),
            });
            if (r.stopped) return null;
            if (r.weights) trainedWeights.set(`${s.seed}:${key}`, r.weights);
            return { accuracy: r.accuracy, zeroCost: r.zeroCost };
          },
          onRecord: (record) => {
            progress.flush();
            try {
              onEvent?.({ type: 'candidate', record });
            } catch {
              /* the page went away; the search result still resolves */
            }
          },
        });
      } finally {
        progress.flush();
      }
    });
  },

  async adopt(genotype, searchSeed, slot) {
    const key = genotypeKey(genotype);
    const weights = trainedWeights.get(`${searchSeed}:${key}`);
    const seed = candidateSeed(searchSeed, genotype);
    createSlot(slot, decode(genotype), seed, weights);
    return { reusedWeights: weights !== undefined, seed };
  },
};
