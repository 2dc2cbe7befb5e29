/**
 * What the Pruning page's buttons do. Called from click handlers only — never from effects (StrictMode
 * runs effects twice) — except `refreshInfo`, which only reads the baseline and is idempotent.
 */
import type { PruneConfig } from '../../core/techniques/pruning/types';
import { reportSpeed } from '../../store/engine';
import { runJob, stopJob, type JobHandle } from '../../store/jobs';
import { whenEngineReady } from '../../store/engine-boot';
import { errorText, pushNotice } from '../../store/notices';
import { addSensitivityRow, patchPruning, usePruning, type PruningSettingsValues } from '../../store/pruning';
import { useSettingsStore } from '../../store/use-lab-settings';
import { scheduleFractions } from '../../core/techniques/pruning/schedule';
import { getEngine, proxy } from '../../worker/client';
import type { TrainEvent } from '../../worker/protocol';
import { pruningLab } from './lab';
import type { SensitivityRow } from '../../core/techniques/pruning/sensitivity';
import type { PruneRequest, SweepPoint } from '../../worker/protocol/pruning';

export const SWEEP_LEVELS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98];
export const SCAN_LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Comlink types a nested namespace as a plain promise; at run time it is a remote like the rest. */
const pruningEngine = () => getEngine().pruning;


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
  // 'latency' uses the device panel's target, as the panel shows it.
  const costTarget = useSettingsStore.getState().values.device?.target as string | undefined;
  return { granularity: v.prGranularity, scope: v.prScope, criterion: v.prCriterion, target, layers, overrides, normalise: v.prNormalise, costTarget };
}

function requestOf(v: PruningSettingsValues): PruneRequest {
  return {
    config: configOf(v),
    when: v.prWhen,
    training: { epochs: v.prFineTune, batchSize: 64, learningRate: Number(v.prLearningRate), optimizer: 'adam', seed: v.prSeed },
    schedule: scheduleFractions(v.prStart, v.prSpan),
  };
}

/** Runs one of this lab's jobs; its result lands in the store only if it finished or was stopped. */
export async function job<T>(name: string, body: (job: JobHandle) => Promise<T>, done: (value: T, stopped: boolean) => void): Promise<void> {
  const out = await runJob(pruningLab, name, body);
  if (out.status === 'done' || out.status === 'stopped') done(out.value, out.status === 'stopped');
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
    pushNotice('error', `Could not read the baseline: ${errorText(e)}`, 'pruning-info');
  }
}

function trainProgress(job: JobHandle, label: string) {
  return proxy(job.guard((e: TrainEvent) => {
    if (e.type === 'batch') job.progress((e.batch + 1) / e.batchesPerEpoch, `${label}: epoch ${e.epoch + 1}, batch ${e.batch + 1} of ${e.batchesPerEpoch}`);
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
  return job('Pruning', (j) => pruningEngine().prune(req, trainProgress(j, v.prWhen === 'after' ? 'Fine-tuning' : 'Training')), (report) => {
    patchPruning({ report, reportLabel: label });
    if (report.stopped) pushNotice('info', 'Stopped: the results show the model as it was when you stopped.', 'pruning-stopped');
  });
}

export function runSweep(v: PruningSettingsValues): Promise<void> {
  const req = requestOf(v);
  const fineTune = req.training.epochs > 0;
  return job('The sweep', (j) => {
    patchPruning({ sweep: { points: [], fineTune } });
    const points: SweepPoint[] = [];
    return pruningEngine().sweep(
      { ...req, when: 'after', levels: SWEEP_LEVELS },
      proxy(j.guard((p: SweepPoint) => {
        points.push(p);
        patchPruning({ sweep: { points: [...points], fineTune } });
        j.progress(points.length / SWEEP_LEVELS.length, `Sweep: ${points.length} of ${SWEEP_LEVELS.length} levels`);
      })),
    );
  }, (all) => patchPruning({ sweep: { points: all, fineTune } }));
}

export function runSensitivity(v: PruningSettingsValues): Promise<void> {
  const config = configOf(v);
  return job('The sensitivity scan', (j) => {
    patchPruning({ sensitivity: null });
    return pruningEngine().sensitivity(
      { config, levels: SCAN_LEVELS },
      proxy(j.guard((row: SensitivityRow, done: number, total: number) => {
        addSensitivityRow(row, SCAN_LEVELS);
        j.progress(done / total, `Sensitivity scan: ${done} of ${total} evaluations`);
      })),
    );
  }, (result) => patchPruning({ sensitivity: result }));
}

export function runDuel(v: PruningSettingsValues): Promise<void> {
  const config = configOf(v);
  // Both sides fine-tune for the page's "Fine-tune epochs" (same seed, masks held), as the sweep does.
  const { training } = requestOf(v);
  return job('The criteria duel', () => pruningEngine().duel({ config, criteria: [v.prDuelA, v.prDuelB], training }), (duel) => patchPruning({ duel }));
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

export const stop = (): Promise<void> => stopJob(pruningLab);
