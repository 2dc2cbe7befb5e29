/**
 * What the NAS page's buttons do: start a search in the worker (records stream into the store),
 * stop it, and "Use this model" (train the chosen architecture further and save it as the baseline).
 * Called from event handlers only, never from effects (StrictMode runs effects twice).
 */
import type { StrategyName } from '../../core/techniques/nas/strategies';
import type { CandidateRecord, SearchRunResult } from '../../core/techniques/nas/search';
import { DEFAULT_PROXY } from '../../core/techniques/nas/proxy-settings';
import { useBaseline } from '../../store/baseline';
import { runJob, stopJob, type JobHandle } from '../../store/jobs';
import { nasSettings, spaceFromSettings, useNasStore, type NasSettingsValues } from '../../store/nas';
import { labLink, useShelf } from '../../store/shelf';
import { errorText, pushNotice } from '../../store/notices';
import { getEngine, proxy } from '../../worker/client';
import type { NasEvent, NasSearchSettings } from '../../worker/protocol/nas';
import { SLOTS, type TrainEvent } from '../../worker/protocol';
import { nasLab } from './lab';

const CHOSEN_SLOT = SLOTS.nasChosen;

/** engine.nas: Comlink proxies nested namespaces by path at run time; its types only see a Promise. */
const nasEngine = () => getEngine().nas;

/** The search as the worker runs it; the budget's target is the device panel's target (one setting). */
export function searchSettings(v: NasSettingsValues, targetId: string, strategy: StrategyName = v.nasStrategy): NasSearchSettings {
  return {
    strategy,
    space: spaceFromSettings(v),
    seed: v.nasSeed,
    candidates: v.nasCandidates,
    timeBudgetSec: v.nasTime,
    proxy: { ...DEFAULT_PROXY, epochs: v.nasEpochs, trainSamples: v.nasSubset, zeroCost: v.nasZeroCost },
    budget: { ramKB: v.nasRam, flashKB: v.nasFlash, latencyMs: v.nasLatency },
    targetId,
    engine: v.nasEngine,
    evolution: { population: v.nasPopulation, sampleSize: v.nasTournament },
  };
}

/**
 * Records arrive from the worker one message each; rejected candidates (no training) come in bursts.
 * The first record after a quiet spell goes to the store at once, later ones are batched so the page
 * redraws its charts at most every RECORD_INTERVAL_MS.
 */
const RECORD_INTERVAL_MS = 250;

function recordBatcher(runId: number) {
  let pending: CandidateRecord[] = [];
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    const batch = pending;
    pending = [];
    useNasStore.getState().addRecords(runId, batch);
  };
  return {
    push(r: CandidateRecord) {
      pending.push(r);
      const wait = last + RECORD_INTERVAL_MS - performance.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    flush,
  };
}

/** The worker's own result of a search (all its records, even one still in flight to the page). */
export interface FinishedSearch {
  runId: number;
  result: SearchRunResult;
}

/** Runs the given strategies one after another on the same settings and seed; resolves with the last one's result. */
export async function startSearch(v: NasSettingsValues, targetId: string, strategies: StrategyName[] = [v.nasStrategy]): Promise<FinishedSearch | null> {
  const out = await runJob(nasLab, strategies.length > 1 ? 'Comparing strategies' : 'The search', (job) => runStrategies(v, targetId, strategies, job));
  return out.status === 'done' || out.status === 'stopped' ? out.value : null;
}

async function runStrategies(v: NasSettingsValues, targetId: string, strategies: StrategyName[], job: JobHandle): Promise<FinishedSearch | null> {
  let last: FinishedSearch | null = null;
  const store = useNasStore.getState();
  for (const strategy of strategies) {
    const s = searchSettings(v, targetId, strategy);
    const label = `${strategy} · seed ${s.seed} · ${s.candidates} × ${s.proxy.epochs} epoch${s.proxy.epochs > 1 ? 's' : ''} on ${s.proxy.trainSamples}`;
    const runId = store.startRun({ strategy, seed: s.seed, label, candidates: s.candidates });
    const records = recordBatcher(runId);
    try {
      let seen = 0;
      const res = await nasEngine().search(
        s,
        // Records are data of this run (keyed by runId): the last one may trail the search's result on
        // Comlink's channel and must still land, so only the progress line and the training marker are guarded.
        proxy((e: NasEvent) => {
          if (e.type === 'candidate') {
            records.push(e.record);
            if (e.record.status === 'trained') job.progress(Math.min(1, ++seen / s.candidates), `${strategy} search: candidate ${seen}`);
          } else if (job.live()) useNasStore.getState().setTraining({ key: e.key, fraction: e.fraction });
        }),
      );
      records.flush();
      useNasStore.getState().finishRun(runId, { stopReason: res.stopReason, elapsedMs: res.elapsedMs });
      last = { runId, result: res };
      if (res.stopReason === 'stopped') return last;
      if (res.stopReason === 'no-feasible') {
        pushNotice('warning', 'No architecture in the space fits the budget: widen the budget or narrow the space to smaller models.', 'nas-none');
        return last;
      }
    } catch (e) {
      records.flush();
      useNasStore.getState().finishRun(runId, { error: errorText(e) });
      pushNotice('error', `The search failed: ${errorText(e)}`, 'nas-search');
      return null;
    }
  }
  return last;
}

export const stopSearch = (): Promise<void> => stopJob(nasLab);

/**
 * "Use this model": load the candidate (its proxy-trained weights when this session trained it),
 * train it `epochs` more on the full training split, and save it as the baseline.
 */
export async function adoptCandidate(r: CandidateRecord, searchSeed: number, epochs: number): Promise<void> {
  await runJob(nasLab, 'Training the chosen model', (job) => adopt(r, searchSeed, epochs, job));
}

async function adopt(r: CandidateRecord, searchSeed: number, epochs: number, job: JobHandle): Promise<void> {
  const set = useNasStore.getState().setAdopt;
  set({ key: r.key, phase: 'preparing', fraction: 0 });
  try {
    const engine = getEngine();
    const { reusedWeights, seed } = await nasEngine().adopt(r.genotype, searchSeed, CHOSEN_SLOT);
    // A fresh (never trained) model needs at least one epoch before it is worth keeping.
    const e = reusedWeights ? epochs : Math.max(1, epochs);
    let accuracy: number;
    if (e > 0) {
      set({ key: r.key, phase: 'training', fraction: 0, reusedWeights });
      const res = await engine.train(
        CHOSEN_SLOT,
        { epochs: e, batchSize: 32, learningRate: 0.002, optimizer: 'adam', seed, evaluateEachEpoch: false },
        proxy(job.guard((ev: TrainEvent) => {
          if (ev.type === 'batch') {
            const fraction = (ev.epoch * ev.batchesPerEpoch + ev.batch + 1) / (e * ev.batchesPerEpoch);
            set({ key: r.key, phase: 'training', fraction, reusedWeights });
            job.progress(fraction, `Training the chosen model: epoch ${ev.epoch + 1} of ${e}`);
          }
        })),
      );
      if (res.stopped) {
        set({ key: r.key, phase: 'stopped', fraction: 0, reusedWeights, message: 'Stopped: the baseline was not changed.' });
        return;
      }
      accuracy = res.testAccuracy;
    } else {
      accuracy = (await engine.evaluate(CHOSEN_SLOT)).accuracy;
    }
    set({ key: r.key, phase: 'saving', fraction: 1, reusedWeights, testAccuracy: accuracy });
    // On the shelf: the seed architecture's child (when the search started from one), with the search's link.
    const seedVersion = useShelf.getState().picks['nas-seed'];
    const saved = await engine.saveBaseline(CHOSEN_SLOT, accuracy, { parentId: seedVersion?.id ?? null, settingsLink: labLink(nasLab.id, nasSettings) });
    useBaseline.getState().setBaseline(saved);
    set({ key: r.key, phase: 'done', fraction: 1, reusedWeights, testAccuracy: accuracy });
  } catch (e) {
    set({ key: r.key, phase: 'failed', fraction: 0, message: errorText(e) });
    pushNotice('error', `Could not use this model: ${errorText(e)}`, 'nas-adopt');
  }
}
