/**
 * The shared baseline: the model the Train lab saved (spec + test accuracy), which every other lab
 * starts from. The shell loads it from the worker on start (engine.loadBaseline() puts its weights
 * in the worker's "baseline" slot); the Train lab replaces it after each completed run.
 *
 * Labs read `useBaseline((s) => s.baseline)`; when it is null (and `loaded` is true) they show
 * "No baseline yet" with a way to train one here.
 */
import { create } from 'zustand';
import { zooSpec } from '../core/model/zoo/mnist';
import { getEngine, proxy } from '../worker/client';
import { SLOTS, type SavedBaseline, type TrainEvent } from '../worker/protocol';
import { reportSpeed } from './engine';
import { runJob, type LabRef } from './jobs';
import { pushNotice } from './notices';

/** Batch size, optimizer and learning rate of a baseline run (the Train page's defaults). */
export const BASELINE_TRAINING = { batchSize: 64, learningRate: 0.001, optimizer: 'adam' } as const;

export interface BaselineState {
  baseline: SavedBaseline | null;
  /** False until the worker answered loadBaseline() (so labs can tell "none" from "not known yet"). */
  loaded: boolean;
  setBaseline(b: SavedBaseline | null): void;
}

export const useBaseline = create<BaselineState>()((set) => ({
  baseline: null,
  loaded: false,
  setBaseline: (baseline) => set({ baseline, loaded: true }),
}));

/** "LeNet-5 · 98.1 %" — the one-line description labs show. */
export function describeBaseline(b: SavedBaseline): string {
  return `${b.spec.name} · ${(b.testAccuracy * 100).toFixed(1)} %`;
}

/**
 * "Train a baseline here" for labs that need one: a short run of a zoo model, saved as the shared
 * baseline, as a job of `lab` (src/store/jobs.ts). Progress goes to the job's status line.
 */
export async function trainBaselineHere(lab: LabRef, modelId: string, epochs: number, seed: number): Promise<void> {
  const out = await runJob(lab, 'Training the baseline', async (job) => {
    const engine = getEngine();
    await engine.createModel(SLOTS.baselineHere, zooSpec(modelId), seed);
    try {
      const onEvent = job.guard((e: TrainEvent) => {
        if (e.type === 'batch') job.progress((e.batch + 1) / e.batchesPerEpoch, `Baseline: epoch ${e.epoch + 1} of ${epochs}, batch ${e.batch + 1} of ${e.batchesPerEpoch}`);
        reportSpeed(e.samplesPerSec);
      });
      const r = await engine.train(SLOTS.baselineHere, { ...BASELINE_TRAINING, epochs, seed }, proxy(onEvent));
      if (r.stopped) return false;
      useBaseline.getState().setBaseline(await engine.saveBaseline(SLOTS.baselineHere, r.testAccuracy));
      return true;
    } finally {
      await engine.disposeModel(SLOTS.baselineHere);
    }
  });
  if (out.status === 'stopped' || (out.status === 'done' && !out.value)) {
    pushNotice('info', 'The baseline run was stopped; nothing was saved.', `baseline-here:${lab.id}`);
  }
}
