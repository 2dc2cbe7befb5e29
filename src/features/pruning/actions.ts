/**
 * What the Pruning page's buttons do. Called from click handlers only — never from effects (StrictMode
 * runs effects twice) — except `refreshInfo`, which only reads the baseline and is idempotent.
 */
import type { PruneConfig } from '../../core/techniques/pruning/types';
import { trainBaselineHere } from '../../store/baseline';
import { reportSpeed, setEngineBusy } from '../../store/engine';
import { whenEngineReady } from '../../store/engine-boot';
import { pushNotice } from '../../store/notices';
import { addSensitivityRow, patchPruning, usePruning, type PruningJob, type PruningSettingsValues } from '../../store/pruning';
import { getEngine, proxy } from '../../worker/client';
import type { TrainEvent } from '../../worker/protocol';
import type { SensitivityRow } from '../../core/techniques/pruning/sensitivity';
import type { PruneRequest, SweepPoint } from '../../worker/pruning';

export const SWEEP_LEVELS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98];
export const SCAN_LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BASELINE_TRAIN_SLOT = 'pruning:baseline-train';

/** Comlink types a nested namespace as a plain promise; at run time it is a remote like the rest. */
const pruningEngine = () => getEngine().pruning;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The layers a run may prune: all weighted layers minus the excluded ones (and, structured, minus blocked ones). */
export function includedLayers(v: PruningSettingsValues): string[] {
  const info = usePruning.getState().info;
  if (!info) return [];
  return info.layers
    .filter((l) => !v.prExcluded.includes(l.name))
    .filter((l) => v.prGranularity !== 'structured' || l.structuredBlocked === null)
    .map((l) => l.name);
}

export function configOf(v: PruningSettingsValues, target = v.prTarget / 100): PruneConfig {
  const layers = includedLayers(v);
  const overrides = Object.fromEntries(
    Object.entries(v.prOverrides).filter(([k]) => layers.includes(k)).map(([k, p]) => [k, p / 100]),
  );
  return { granularity: v.prGranularity, scope: v.prScope, criterion: v.prCriterion, target, layers, overrides, normalise: v.prNormalise };
}

function requestOf(v: PruningSettingsValues): PruneRequest {
  return {
    config: configOf(v),
    when: v.prWhen,
    training: { epochs: v.prFineTune, batchSize: 64, learningRate: Number(v.prLearningRate), optimizer: 'adam', seed: v.prSeed },
    schedule: { begin: 0, end: v.prSpan / 100 },
  };
}

/**
 * The id of the job running now (0 = none). Progress callbacks travel on their own Comlink channel, so
 * one can arrive after the job's result: callbacks check their id and drop such late events.
 */
let activeRun = 0;
let runCounter = 0;

/** Wraps a progress callback so it only acts while the job that created it runs. */
export function live<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const id = activeRun;
  return (...args: A) => {
    if (id !== 0 && id === activeRun) fn(...args);
  };
}

/** Runs one job with the shared busy / error / progress bookkeeping. */
export async function job(name: PruningJob, text: string, fn: () => Promise<void>): Promise<void> {
  if (usePruning.getState().job) return;
  activeRun = ++runCounter;
  patchPruning({ job: name, progress: { fraction: 0, text }, error: null });
  setEngineBusy(true, { id: 'pruning', title: 'Pruning' });
  try {
    await whenEngineReady();
    await fn();
  } catch (e) {
    patchPruning({ error: message(e) });
    pushNotice('error', `${text} failed: ${message(e)}`, `pruning-${name}`);
  } finally {
    activeRun = 0;
    patchPruning({ job: null, progress: null });
    setEngineBusy(false);
  }
}

let infoFor: string | null = null;

/** Loads the baseline's layers, ledger and accuracy (once per saved baseline). */
export async function refreshInfo(savedAt: string): Promise<void> {
  if (infoFor === savedAt) return;
  infoFor = savedAt;
  try {
    await whenEngineReady();
    const info = await pruningEngine().info();
    patchPruning({ info, report: null, sweep: null, sensitivity: null, duel: null });
  } catch (e) {
    infoFor = null;
    pushNotice('error', `Could not read the baseline: ${message(e)}`, 'pruning-info');
  }
}

function trainProgress(label: string) {
  return proxy(live((e: TrainEvent) => {
    if (e.type === 'batch') {
      patchPruning({ progress: { fraction: (e.batch + 1) / e.batchesPerEpoch, text: `${label}: epoch ${e.epoch + 1}, batch ${e.batch + 1} of ${e.batchesPerEpoch}` } });
    }
    reportSpeed(e.samplesPerSec);
  }));
}

export function prune(v: PruningSettingsValues): Promise<void> {
  const req = requestOf(v);
  if (req.config.layers.length === 0) {
    pushNotice('warning', 'No layer is included: tick at least one layer under "Layers to prune".', 'pruning-layers');
    return Promise.resolve();
  }
  const label = `${v.prTarget} % ${v.prGranularity} ${v.prScope} ${v.prCriterion}, ${v.prWhen} training`;
  return job('prune', 'Pruning', async () => {
    const report = await pruningEngine().prune(req, trainProgress(v.prWhen === 'after' ? 'Fine-tuning' : 'Training'));
    patchPruning({ report, reportLabel: label });
    if (report.stopped) pushNotice('info', 'Stopped: the results show the model as it was when you stopped.', 'pruning-stopped');
  });
}

export function runSweep(v: PruningSettingsValues): Promise<void> {
  const req = requestOf(v);
  const fineTune = req.training.epochs > 0;
  return job('sweep', 'The sweep', async () => {
    patchPruning({ sweep: { points: [], fineTune } });
    const points: SweepPoint[] = [];
    const all = await pruningEngine().sweep(
      { ...req, when: 'after', levels: SWEEP_LEVELS },
      proxy(live((p: SweepPoint) => {
        points.push(p);
        patchPruning({ sweep: { points: [...points], fineTune }, progress: { fraction: points.length / SWEEP_LEVELS.length, text: `Sweep: ${points.length} of ${SWEEP_LEVELS.length} levels` } });
      })),
    );
    patchPruning({ sweep: { points: all, fineTune } });
  });
}

export function runSensitivity(v: PruningSettingsValues): Promise<void> {
  const config = configOf(v);
  return job('sensitivity', 'The sensitivity scan', async () => {
    patchPruning({ sensitivity: null });
    const result = await pruningEngine().sensitivity(
      { config, levels: SCAN_LEVELS },
      proxy(live((row: SensitivityRow, done: number, total: number) => {
        addSensitivityRow(row, SCAN_LEVELS);
        patchPruning({ progress: { fraction: done / total, text: `Sensitivity scan: ${done} of ${total} evaluations` } });
      })),
    );
    patchPruning({ sensitivity: result });
  });
}

export function runDuel(v: PruningSettingsValues): Promise<void> {
  const config = configOf(v);
  return job('duel', 'The criteria duel', async () => {
    const duel = await pruningEngine().duel({ config, criteria: [v.prDuelA, v.prDuelB] });
    patchPruning({ duel });
  });
}

/** Local per-layer targets from a scan: the highest level that costs at most `budget` accuracy. */
export function targetsFromScan(budget = 0.01): Record<string, number> {
  const s = usePruning.getState().sensitivity;
  if (!s) return {};
  const out: Record<string, number> = {};
  for (const row of s.rows) {
    let best = 0;
    row.accuracy.forEach((a, i) => {
      if (s.baseline - a <= budget) best = Math.max(best, s.levels[i]);
    });
    out[row.layer] = Math.round(best * 100);
  }
  return out;
}

export async function stopJob(): Promise<void> {
  try {
    await getEngine().stop();
  } catch (e) {
    pushNotice('error', `Could not stop: ${message(e)}`, 'pruning-stop');
  }
}

/** "Train a baseline here": a short run of a zoo model, saved as the baseline every lab shares. */
export function trainBaseline(model: string, epochs: number, seed: number): Promise<void> {
  return job('baseline', 'Training the baseline', async () => {
    if (!(await trainBaselineHere(BASELINE_TRAIN_SLOT, model, epochs, seed, trainProgress('Baseline')))) {
      pushNotice('info', 'The baseline run was stopped; nothing was saved.', 'pruning-baseline');
    }
  });
}
