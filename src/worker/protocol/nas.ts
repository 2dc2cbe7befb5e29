/**
 * engine.nas.*: the Architecture search lab's contract with the worker.
 * Types only: the page and the worker share them; the implementation is src/worker/nas.ts.
 */
import type { LatencyEngine } from '../../core/techniques/nas/cost';
import type { Budget } from '../../core/techniques/nas/constraints';
import type { ProxySettings } from '../../core/techniques/nas/proxy';
import type { CandidateRecord, SearchRunResult } from '../../core/techniques/nas/search';
import type { Genotype, SearchSpace } from '../../core/techniques/nas/space';
import type { EvolutionOptions, StrategyName } from '../../core/techniques/nas/strategies';

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
