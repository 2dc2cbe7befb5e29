/**
 * engine.deploy.*: the Deploy lab inside the worker. Never modifies the baseline: export() copies it
 * (batch norm folded) into the "deploy:float" slot, calibrates min/max on training images, converts
 * with the TFLite converter's settings (core/export TFLITE_PTQ), writes the files, runs the app's
 * integer engine on the test split and the float-interface .tflite in LiteRT.js. A time-series
 * version takes the same path on its own rebuilt windows (deploy-time-series.ts).
 */
import '../core/train/wasm-kernels';
import { imagesToFloat } from '../core/data/mnist';
import { buildDeployment } from '../core/export/deployment';
import { disposeSlot, getData, runJob } from './context';
import { SLOTS } from './protocol/slots';
import { chooseModel, deployableModels } from './deploy-models';
import { exportTimeSeries } from './deploy-time-series';
import { fileParts, runtimeCheck, runtimeOutputs } from './deploy-result';
import type { DeployApi, DeployRequest, DeployResult } from './protocol/deploy';

async function exportModel(req: DeployRequest, signal: AbortSignal, progress: (f: number, t: string) => void): Promise<DeployResult> {
  const option = (await deployableModels()).find((m) => m.id === req.model);
  if (!option) throw new Error(`unknown model "${req.model}"`);
  if (!option.available) throw new Error(`${option.label} cannot be exported: ${option.reason}`);
  if (option.task) return exportTimeSeries(option, req, signal, progress);
  progress(0.05, 'Calibrating on training images…');
  disposeSlot(SLOTS.deployFloat);
  const chosen = await chooseModel(option, req.calibrationImages);
  const { qm, floatAccuracy } = chosen;
  progress(0.15, 'Writing the files and running the app’s integer engine on the test digits…');
  const { raw } = getData();
  const pixels = imagesToFloat(raw.test);
  const labels = raw.test.labels;
  const count = labels.length;
  const d = await buildDeployment(qm, pixels, labels, req.testVectors, {
    signal, onProgress: (done, total) => progress(0.15 + 0.35 * (done / total), `App integer engine: ${done} / ${total} digits`),
  });
  progress(0.5, 'Loading LiteRT.js and running the exported file…');
  const lr = await runtimeOutputs(d, pixels, count, 'digits', signal, progress);
  const runtime = runtimeCheck(d, lr, labels, count);
  return {
    ...fileParts(qm, d),
    modelLabel: option.label, lineage: option.lineage,
    floatAccuracy, integerAccuracy: d.integerAccuracy, testCount: count,
    labels: Uint8Array.from(labels), runtime,
    quantNote: chosen.quantNote, saveSlot: chosen.saveSlot, parentId: chosen.parentId,
  };
}

export const deployApi: DeployApi = {
  models: deployableModels,
  export(req, onProgress) {
    return runJob('export', (signal) => exportModel(req, signal, (f, t) => onProgress?.(f, t)));
  },
};
