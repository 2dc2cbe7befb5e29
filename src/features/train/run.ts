/**
 * Starting and stopping a Train-lab run. Called from click handlers only (never from effects:
 * StrictMode would start two runs). The run trains in the worker's "train" slot; when it completes
 * (not stopped) the model is saved as the baseline the other labs start from.
 */
import { getEngine, proxy } from '../../worker/client';
import type { EpochEvent, TrainEvent, TrainSettings } from '../../worker/protocol';
import { zooSpec } from '../../core/model/zoo/mnist';
import { whenEngineReady } from '../../store/engine-boot';
import { reportSpeed, setEngineBusy } from '../../store/engine';
import { useBaseline } from '../../store/baseline';
import { pushNotice } from '../../store/notices';
import { initialTrainRun, isTrainBusy, patchTrainRun, useTrainRun, type CurvePoint } from '../../store/train';

export const TRAIN_SLOT = 'train';
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

/** Set by Stop while a run is still preparing (loading data, building the model), before train() can be aborted. */
let stopRequested = false;

/**
 * Id of the latest run. Progress events travel on their own Comlink channel and can arrive after
 * train() resolved (or after Stop and a new Train): events of an earlier run are dropped.
 */
let runCounter = 0;

function eventsFor(run: number) {
  return (e: TrainEvent) => {
    if (run === runCounter) onEvent(e);
  };
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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function startTraining(req: RunRequest): Promise<void> {
  if (isTrainBusy(useTrainRun.getState())) return;
  const spec = zooSpec(req.model);
  patchTrainRun({
    ...initialTrainRun,
    hasModel: useTrainRun.getState().hasModel,
    status: 'preparing',
    modelName: spec.name,
    totalEpochs: req.epochs,
  });
  setEngineBusy(true, { id: 'train', title: 'Train' });
  stopRequested = false;
  const run = ++runCounter;
  try {
    await whenEngineReady();
    const engine = getEngine();
    await engine.createModel(TRAIN_SLOT, spec, req.seed);
    if (stopRequested) {
      patchTrainRun({ status: 'stopped', hasModel: true });
      return;
    }
    patchTrainRun({ status: 'training', hasModel: true });
    const result = await engine.train(
      TRAIN_SLOT,
      {
        epochs: req.epochs,
        batchSize: req.batchSize,
        learningRate: req.learningRate,
        optimizer: req.optimizer,
        seed: req.seed,
      },
      proxy(eventsFor(run)),
    );
    completeCurves(result.history);
    patchTrainRun({ status: 'evaluating', testAccuracy: result.testAccuracy });
    const evaluation = await engine.evaluate(TRAIN_SLOT);
    const shown = evaluation.misclassified.slice(0, MISCLASSIFIED_SHOWN);
    const pixels = await engine.testSamples(shown.map((m) => m.index));
    patchTrainRun({ evaluation, misclassifiedPixels: pixels, testAccuracy: evaluation.accuracy });
    if (!result.stopped) {
      // saveBaseline also copies the model into the worker's "baseline" slot for the other labs.
      const saved = await engine.saveBaseline(TRAIN_SLOT, evaluation.accuracy);
      useBaseline.getState().setBaseline(saved);
      patchTrainRun({ savedAsBaseline: true });
    }
    patchTrainRun({ status: result.stopped ? 'stopped' : 'done' });
  } catch (e) {
    patchTrainRun({ status: 'error', error: message(e) });
    pushNotice('error', `Training failed: ${message(e)}`, 'train-run');
  } finally {
    setEngineBusy(false);
  }
}

export async function stopTraining(): Promise<void> {
  stopRequested = true;
  try {
    await getEngine().stop();
  } catch (e) {
    pushNotice('error', `Could not stop the run: ${message(e)}`, 'train-stop');
  }
}
