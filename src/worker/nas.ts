/**
 * engine.nas.*: runs an architecture search inside the worker. The device estimator filters each
 * candidate first; feasible ones get the proxy training on the worker's resident MNIST tensors.
 * Records stream to the page one by one (a few per minute, no throttle needed) and training progress
 * of the current candidate is throttled to ≤ 10 events/s. stop() ends the search and keeps the results.
 *
 * The trained weights of this session's candidates are kept (bounded) so "Use this model" can start
 * from them instead of from scratch.
 */
import { estimate } from '../core/devices/estimate';
import type { WeightSet } from '../core/model/spec';
import { costOf, NAS_DEPLOYMENT, type LatencyEngine } from '../core/techniques/nas/cost';
import type { Budget } from '../core/techniques/nas/constraints';
import { candidateSeed, trainProxy, type ProxySettings } from '../core/techniques/nas/proxy';
import { runSearch, type CandidateRecord, type SearchRunResult } from '../core/techniques/nas/search';
import { decode, genotypeKey, type Genotype, type SearchSpace } from '../core/techniques/nas/space';
import { makeStrategy, type EvolutionOptions, type StrategyName } from '../core/techniques/nas/strategies';
import { createSlot, ensureData, getData, runJob, throttle } from './context';

export interface NasSearchSettings {
  strategy: StrategyName;
  space: SearchSpace;
  seed: number;
  /** Candidates to train (rejected ones do not count). */
  candidates: number;
  /** Stop starting new candidates after this many seconds (0: no limit). */
  timeBudgetSec: number;
  proxy: ProxySettings;
  budget: Budget;
  targetId: string;
  engine: LatencyEngine;
  evolution?: EvolutionOptions;
}

export type NasEvent =
  | { type: 'candidate'; record: CandidateRecord }
  | { type: 'training'; key: string; fraction: number };

export interface NasAdoptResult {
  /** True when the candidate's trained weights were reused; false when it starts from a fresh init. */
  reusedWeights: boolean;
  seed: number;
}

export interface NasApi {
  /** Runs one search; resolves with every record when the budget is spent or stop() is called. */
  search(settings: NasSearchSettings, onEvent?: (e: NasEvent) => void): Promise<SearchRunResult>;
  /**
   * Puts an architecture into a model slot: with its proxy-trained weights when this session trained
   * it, else freshly initialised with the seed the search would use. The page then trains it further
   * (engine.train) and saves it as the baseline (engine.saveBaseline).
   */
  adopt(genotype: Genotype, searchSeed: number, slot: string): Promise<NasAdoptResult>;
}

/** Weights of trained candidates by architecture key, oldest first; bounded to keep worker memory small. */
const trainedWeights = new Map<string, WeightSet>();
const MAX_KEPT = 64;

function keep(key: string, w: WeightSet) {
  trainedWeights.delete(key);
  trainedWeights.set(key, w);
  while (trainedWeights.size > MAX_KEPT) trainedWeights.delete(trainedWeights.keys().next().value!);
}

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
            if (r.weights) keep(`${s.seed}:${key}`, r.weights);
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
