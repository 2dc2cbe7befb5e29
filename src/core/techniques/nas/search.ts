/**
 * The search driver: ask the strategy, decode, filter by the device budget, evaluate the feasible
 * ones with a proxy (short training, supplied by the caller), tell the strategy, repeat — until the
 * candidate budget, the time budget, the strategy, or the AbortSignal says stop. Whatever was evaluated
 * is kept and returned. Pure: the caller supplies the estimator and the evaluation (the worker trains).
 */
import { analyzeSpec } from '../../model/analyze';
import type { ModelSpec } from '../../model/spec';
import { checkBudget, type Budget, type CostEstimate } from './constraints';
import { decode, genotypeKey, type Genotype } from './space';
import type { SearchStrategy, StrategyName } from './strategies';

export type CandidateStatus = 'trained' | 'rejected';

/** One evaluated architecture, plain data (crosses the worker boundary). */
export interface CandidateRecord {
  /** Order in this run, from 0, counting trained and rejected. */
  index: number;
  /** 1-based number among trained candidates; 0 for rejected ones. */
  trainedIndex: number;
  strategy: StrategyName;
  key: string;
  genotype: Genotype;
  origin: string;
  params: number;
  macs: number;
  cost: CostEstimate;
  status: CandidateStatus;
  /** Why the constraint filter rejected it (empty when trained). */
  reasons: string[];
  /** Proxy test accuracy in [0, 1]; null when rejected. */
  accuracy: number | null;
  /** Training-free score at initialisation (e.g. log SynFlow), when computed. */
  zeroCost: number | null;
  /** Wall time spent evaluating it. */
  evalMs: number;
}

export interface Evaluation {
  accuracy: number;
  zeroCost?: number | null;
}

export type StopReason = 'budget' | 'time' | 'stopped' | 'exhausted' | 'no-feasible';

export interface SearchRunOptions {
  strategy: SearchStrategy;
  /** How many candidates to train (rejected ones are cheap and do not count). */
  candidates: number;
  /** Stop starting new candidates after this many ms (0 or undefined: no limit). */
  timeBudgetMs?: number;
  budget: Budget;
  estimate: (spec: ModelSpec) => CostEstimate;
  /** Trains/scores one feasible architecture; resolves null when aborted part-way (then discarded). */
  evaluate: (spec: ModelSpec, genotype: Genotype, signal?: AbortSignal) => Promise<Evaluation | null>;
  onRecord?: (r: CandidateRecord) => void;
  signal?: AbortSignal;
  now?: () => number;
  /** Give up after this many proposals (duplicates and rejections included). Default 50 x candidates + 100. */
  maxProposals?: number;
}

export interface SearchRunResult {
  records: CandidateRecord[];
  stopReason: StopReason;
  elapsedMs: number;
}

export async function runSearch(o: SearchRunOptions): Promise<SearchRunResult> {
  const now = o.now ?? (() => performance.now());
  const start = now();
  const records: CandidateRecord[] = [];
  // Same architecture, same result: duplicates are told their earlier fitness without retraining.
  const seen = new Map<string, number | null>();
  const maxProposals = o.maxProposals ?? o.candidates * 50 + 100;
  let trained = 0;
  let proposals = 0;
  const finish = (stopReason: StopReason): SearchRunResult => ({ records, stopReason, elapsedMs: now() - start });

  while (trained < o.candidates) {
    if (o.signal?.aborted) return finish('stopped');
    if (o.timeBudgetMs && o.timeBudgetMs > 0 && now() - start >= o.timeBudgetMs) return finish('time');
    if (proposals >= maxProposals) return finish(trained === 0 ? 'no-feasible' : 'exhausted');
    const proposal = o.strategy.ask();
    if (!proposal) return finish('exhausted');
    proposals++;
    const key = genotypeKey(proposal.genotype);
    if (seen.has(key)) {
      o.strategy.tell(proposal, seen.get(key)!);
      continue;
    }
    const spec = decode(proposal.genotype);
    const info = analyzeSpec(spec);
    const cost = o.estimate(spec);
    const verdict = checkBudget(cost, o.budget);
    const base = {
      index: records.length,
      strategy: o.strategy.name,
      key,
      genotype: proposal.genotype,
      origin: proposal.origin,
      params: info.params,
      macs: info.macs,
      cost,
    };
    if (!verdict.feasible) {
      seen.set(key, null);
      o.strategy.tell(proposal, null);
      const r: CandidateRecord = { ...base, trainedIndex: 0, status: 'rejected', reasons: verdict.reasons, accuracy: null, zeroCost: null, evalMs: 0 };
      records.push(r);
      o.onRecord?.(r);
      continue;
    }
    const t0 = now();
    const ev = await o.evaluate(spec, proposal.genotype, o.signal);
    if (!ev || o.signal?.aborted) return finish('stopped');
    trained++;
    seen.set(key, ev.accuracy);
    o.strategy.tell(proposal, ev.accuracy);
    const r: CandidateRecord = {
      ...base,
      trainedIndex: trained,
      status: 'trained',
      reasons: [],
      accuracy: ev.accuracy,
      zeroCost: ev.zeroCost ?? null,
      evalMs: now() - t0,
    };
    records.push(r);
    o.onRecord?.(r);
  }
  return finish('budget');
}

/** The best trained candidate by accuracy (ties: the cheaper latency), or null. */
export function bestRecord(records: readonly CandidateRecord[]): CandidateRecord | null {
  let best: CandidateRecord | null = null;
  for (const r of records) {
    if (r.status !== 'trained' || r.accuracy === null) continue;
    if (!best || r.accuracy > best.accuracy! || (r.accuracy === best.accuracy && r.cost.latencyMs < best.cost.latencyMs)) best = r;
  }
  return best;
}
