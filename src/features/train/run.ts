/**
 * Starting and stopping a Train-lab run. Called from click handlers only (never from effects:
 * StrictMode would start two runs). The run trains in the worker's "train" slot; when it completes
 * (not stopped) the model is saved as the baseline the other labs start from.
 */
import { getEngine, proxy } from '../../worker/client';
import { SLOTS, type EpochEvent, type TrainEvent, type TrainSettings } from '../../worker/protocol';
import { zooSpec } from '../../core/model/zoo/mnist';
import { reportSpeed } from '../../store/engine';
import { useBaseline } from '../../store/baseline';
import { runJob, stopJob, type JobHandle } from '../../store/jobs';
import { initialTrainRun, patchTrainRun, useTrainRun, type CurvePoint } from '../../store/train';
import { trainLab } from './lab';
import { labLink } from '../../store/shelf';
import { trainSettings } from '../../store/train-settings';

const TRAIN_SLOT = SLOTS.train;
/** How many misclassified test digits the page draws. */
export const MISCLASSIFIED_SHOWN = 12;
/** Keep the curve data small enough to redraw at 10 events/s without effort. */
const MAX_POINTS = 400;

export interface RunRequest {
  model: string;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: TrainSettings['optimizer'];
  seed: number;
}

/** Adds any epoch (test) point the event stream has not delivered yet, from the run's result. */
function completeCurves(history: EpochEvent[]): void {
  const curves = useTrainRun.getState().curves;
  const missing = history.filter(
    (h) => Number.isFinite(h.testAccuracy) && !curves.some((p) => p.x === h.epoch + 1 && p.testAccuracy !== undefined),
  );
  if (missing.length === 0) return;
  const added = missing.map((h) => ({ x: h.epoch + 1, testLoss: h.testLoss, testAccuracy: h.testAccuracy }));
  patchTrainRun({ curves: [...curves, ...added].sort((a, b) => a.x - b.x) });
}

function onEvent(e: TrainEvent): void {
  const s = useTrainRun.getState();
  let curves: CurvePoint[];
  if (e.type === 'batch') {
    const x = e.epoch + (e.batch + 1) / e.batchesPerEpoch;
    curves = [...s.curves, { x, trainLoss: e.loss, trainAccuracy: e.accuracy }];
    if (curves.length > MAX_POINTS) curves = curves.filter((p, i) => i % 2 === 0 || p.testLoss !== undefined);
    patchTrainRun({
      curves,
      epoch: e.epoch + 1,
      epochProgress: (e.batch + 1) / e.batchesPerEpoch,
      loss: e.loss,
      trainAccuracy: e.accuracy,
    });
  } else {
    const test = Number.isFinite(e.testAccuracy) ? { testLoss: e.testLoss, testAccuracy: e.testAccuracy } : {};
    curves = [...s.curves, { x: e.epoch + 1, ...test }];
    patchTrainRun({
      curves,
      epoch: e.epoch + 1,
      epochProgress: 1,
      loss: e.loss,
      trainAccuracy: e.accuracy,
      testAccuracy: Number.isFinite(e.testAccuracy) ? e.testAccuracy : s.testAccuracy,
    });
  }
  reportSpeed(e.samplesPerSec);
}

export async function startTraining(req: RunRequest): Promise<void> {
  const spec = zooSpec(req.model);
  const out = await runJob(trainLab, 'Training', (job) => {
    patchTrainRun({ ...initialTrainRun, hasModel: useTrainRun.getState().hasModel, status: 'preparing', modelName: spec.name, totalEpochs: req.epochs });
    return train(req, job);
  });
  if (out.status === 'error') patchTrainRun({ status: 'error', error: out.error });
}

async function train(req: RunRequest, job: JobHandle): Promise<void> {
  const engine = getEngine();
  await engine.createModel(TRAIN_SLOT, zooSpec(req.model), req.seed);
  patchTrainRun({ status: 'training', hasModel: true });
  const settings = { epochs: req.epochs, batchSize: req.batchSize, learningRate: req.learningRate, optimizer: req.optimizer, seed: req.seed };
  const result = await engine.train(TRAIN_SLOT, settings, proxy(job.guard(onEvent)));
  completeCurves(result.history);
  patchTrainRun({ status: 'evaluating', testAccuracy: result.testAccuracy });
  const evaluation = await engine.evaluate(TRAIN_SLOT);
  const shown = evaluation.misclassified.slice(0, MISCLASSIFIED_SHOWN);
  const pixels = await engine.testSamples(shown.map((m) => m.index));
  patchTrainRun({ evaluation, misclassifiedPixels: pixels, testAccuracy: evaluation.accuracy });
  if (!result.stopped) {
    // saveBaseline also copies the model into the worker's "baseline" slot for the other labs.
    // The shelf version carries the link that reproduces this run (these settings, this target).
    const saved = await engine.saveBaseline(TRAIN_SLOT, evaluation.accuracy, { settingsLink: labLink(trainLab.id, trainSettings, req) });
    useBaseline.getState().setBaseline(saved);
    patchTrainRun({ savedAsBaseline: true });
  }
  patchTrainRun({ status: result.stopped ? 'stopped' : 'done' });
}

export const stopTraining = (): Promise<void> => stopJob(trainLab);

/** The slot the draw pad predicts with: the Train page's own model, else the saved baseline. */
export const drawSlot = (hasModel: boolean, hasBaseline: boolean): string | null => (hasModel ? TRAIN_SLOT : hasBaseline ? SLOTS.baseline : null);
