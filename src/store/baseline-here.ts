/** "Train a baseline here": what labs that start from the baseline offer when none is saved yet. */
import { zooSpec } from '../core/model/zoo/mnist';
import { getEngine, proxy } from '../worker/client';
import { SLOTS, type TrainEvent } from '../worker/protocol';
import { useBaseline } from './baseline';
import { reportSpeed } from './engine';
import { runJob, type LabRef } from './jobs';
import { pushNotice } from './notices';
import { defineSettings, enumField, intField } from './settings-schema';
import { trainSettings } from './train-settings';

/** Batch size, optimizer and learning rate of a baseline run (the Train page's defaults). */
export const BASELINE_TRAINING = { batchSize: 64, learningRate: 0.001, optimizer: 'adam' } as const;

/**
 * The baseline recipe a lab link may carry (`blModel`, `blEpochs`, `blSeed`) so every student of a
 * class trains the same baseline. Its defaults are the Train page's, so "here" and "on the Train page"
 * give the same model.
 */
const train = trainSettings.fields;
export const baselineRecipeSettings = defineSettings('baseline-recipe', {
  blModel: enumField('Baseline model', ['mlp', 'lenet5', 'dscnn'] as const, train.model.default as 'mlp'),
  blEpochs: intField('Baseline epochs', train.epochs.default, { min: 1, max: 50 }),
  blSeed: intField('Baseline seed', train.seed.default, { min: 0, max: 2 ** 31 - 1 }),
});

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
