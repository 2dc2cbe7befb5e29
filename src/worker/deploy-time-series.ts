/**
 * Deploy for a time-series shelf version: the MNIST export path (buildDeployment, LiteRT.js, the
 * same files) fed with the version's own windows, rebuilt from its run link. Calibration = min/max
 * over training windows (input range included); the app's integer engine and LiteRT.js run on every
 * test window; the task's metric is computed from each one's dequantized outputs.
 */
import { dequantizeOutputs, scoreOutputs } from '../core/data/timeseries/recipe';
import { buildDeployment } from '../core/export/deployment';
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import type { ModelVersion } from '../core/shelf/types';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';
import type { TfModel } from '../core/model/tf-model';
import { createSlot, disposeSlot } from './context';
import { fromStoredParams, quantParamsIncompatibility, SHELF_PREFIX } from './deploy-models';
import { fileParts, runtimeCheck, runtimeOutputs } from './deploy-result';
import { SLOTS } from './protocol/slots';
import { getVersion } from './shelf';
import { calibrateTimeSeries, childTask, floatScore, reproductionNote, windowsOf } from './ts-versions';
import type { DeployModelOption, DeployRequest, DeployResult, TaskDeployScore } from './protocol/deploy';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The version's own int8 parameters when TFLite can hold them exactly, else a fresh calibration on its windows. */
function conversionOf(v: ModelVersion, p: ReturnType<typeof windowsOf>['p'], calibration: number): { qm: QuantizedModel; model: TfModel; note: string; windows: number } {
  const folded = foldBatchNorm(v.spec, v.weights);
  const model = createSlot(SLOTS.deployFloat, folded.spec, v.seed, folded.weights).model;
  let why: string | null = null;
  if (v.quant) {
    why = quantParamsIncompatibility(v.spec, v.quant);
    if (!why) {
      try {
        return { qm: fromStoredParams(v.spec, v.weights, v.quant, true), model, note: 'the version’s own quantization parameters (no new calibration)', windows: 0 };
      } catch (e) {
        why = message(e);
      }
    }
  }
  const c = calibrateTimeSeries(model, folded.weights, p, calibration);
  const fresh = `calibrated here: min/max on ${c.windows} training windows (input range included)`;
  return { qm: c.qm, model, note: why ? `re-quantized, because its own parameters cannot be written as TFLite int8 (${why}); ${fresh}` : fresh, windows: c.windows };
}

export async function exportTimeSeries(option: DeployModelOption, req: DeployRequest, signal: AbortSignal, progress: (f: number, t: string) => void): Promise<DeployResult> {
  const v = await getVersion(option.id.slice(SHELF_PREFIX.length));
  progress(0.03, 'Rebuilding the version’s windows from its run link…');
  const { recipe, p } = windowsOf(v);
  disposeSlot(SLOTS.deployFloat);
  progress(0.08, 'Calibrating on training windows…');
  const { qm, model, note, windows } = conversionOf(v, p, req.calibrationImages);
  const test = p.test;
  const count = test.count;
  const float = floatScore(recipe.task, model, test).score;
  const reproduction = reproductionNote(v, float);
  progress(0.15, 'Writing the files and running the app’s integer engine on the test windows…');
  const d = await buildDeployment(qm, test.x, test.labels, req.testVectors, {
    signal, task: recipe.task, onProgress: (done, total) => progress(0.15 + 0.35 * (done / total), `App integer engine: ${done} / ${total} windows`),
  });
  const io = d.pkg.io;
  const app = scoreOutputs(recipe.task, test, dequantizeOutputs(d.run.outputs, io.outputScale, io.outputZeroPoint));
  progress(0.5, 'Loading LiteRT.js and running the exported file…');
  const lr = await runtimeOutputs(d, test.x, count, 'windows', signal, progress);
  const rt = 'error' in lr ? null : scoreOutputs(recipe.task, test, dequantizeOutputs(lr.outputs, io.outputScale, io.outputZeroPoint));
  const runtime = runtimeCheck(d, lr, test.labels, count);
  const s = recipe.settings;
  const taskScore: TaskDeployScore = {
    task: childTask(v)!, metric: float.name, float: float.value, appInt8: app.value, runtime: rt?.value ?? null,
    ...(float.mae !== undefined ? { mae: { float: float.mae, appInt8: app.mae!, runtime: rt?.mae ?? null, unit: '% SoC' } } : {}),
    testWindows: count, calibrationWindows: windows, reproduced: reproduction.reproduced,
    dataNote: `Windows rebuilt from the version’s run link (${v.task!.datasetLabel}, seed ${s.seed}, ${s.sampleRate} Hz, window ${s.windowLength}, stride ${s.stride}, noise ×${s.noise}): ${reproduction.note}.`,
  };
  return {
    ...fileParts(qm, d),
    modelLabel: option.label, lineage: option.lineage,
    floatAccuracy: null, integerAccuracy: d.integerAccuracy, testCount: count,
    labels: Uint8Array.from(test.labels), runtime,
    quantNote: note, saveSlot: SLOTS.deployFloat, parentId: v.id, taskScore,
  };
}
