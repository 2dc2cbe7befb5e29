/**
 * engine.deploy.*: the Deploy lab inside the worker. Never modifies the baseline: export() copies it
 * (batch norm folded) into the "deploy:float" slot, calibrates min/max on training images, converts
 * with the TFLite converter's settings (core/export TFLITE_PTQ), writes the files, runs the app's
 * integer engine on the test split and the float-interface .tflite in LiteRT.js.
 */
import '../core/train/wasm-kernels';
import { imagesToFloat } from '../core/data/mnist';
import { analyzeSpec } from '../core/model/analyze';
import { compareInt8, resolverOps } from '../core/export';
import { buildDeployment } from '../core/export/deployment';
import { disposeSlot, getData, runJob } from './context';
import { SLOTS } from './protocol/slots';
import { chooseModel, deployableModels } from './deploy-models';
import { quantParamsOf } from './shelf-convert';
import { runFloatTwin } from './litert';
import type { DeployApi, DeployRequest, DeployResult, RuntimeCheck } from './protocol/deploy';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function exportModel(req: DeployRequest, signal: AbortSignal, progress: (f: number, t: string) => void): Promise<DeployResult> {
  const option = (await deployableModels()).find((m) => m.id === req.model);
  if (!option) throw new Error(`unknown model "${req.model}"`);
  if (!option.available) throw new Error(`${option.label} cannot be exported: ${option.reason}`);
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
  const { pkg, run } = d;
  progress(0.5, 'Loading LiteRT.js and running the exported file…');
  let runtime: RuntimeCheck | { error: string };
  try {
    const lr = await runFloatTwin(pkg.floatTflite, pixels, count, pkg.io, { signal, onProgress: (d) => progress(0.5 + 0.5 * (d / count), `LiteRT.js: ${d} / ${count} digits`) });
    runtime = { runtime: lr.version, where: 'worker', ...compareInt8(run.outputs, lr.outputs, labels, run.outputSize, count) };
  } catch (e) {
    if (signal.aborted) throw e;
    runtime = { error: `LiteRT.js could not run the exported model: ${message(e)}` };
  }
  const info = analyzeSpec(qm.spec);
  return {
    modelLabel: option.label, lineage: option.lineage, spec: qm.spec, params: info.params, macs: info.macs,
    floatAccuracy, integerAccuracy: d.integerAccuracy, testCount: count,
    tflite: pkg.tflite, floatTflite: pkg.floatTflite,
    cArrayZip: d.cArrayZip, projectZip: d.projectZip,
    testVectorsBin: d.testVectorsBin, testVectorCount: d.testVectorCount, io: pkg.io,
    ops: resolverOps(pkg.graph).map((o) => o.name),
    arenaBytes: pkg.arenaBytes, estimatedArena: pkg.estimatedArena,
    layers: [...qm.layers.values()].map((lq) => ({
      name: lq.layer, op: lq.op.kind, weightShape: lq.kernelShape, scales: lq.weightParams.scale.length,
      scaleMin: Math.min(...lq.weightParams.scale), scaleMax: Math.max(...lq.weightParams.scale),
    })),
    appOutputs: run.outputs, labels: Uint8Array.from(labels), runtime,
    quantNote: chosen.quantNote, saveSlot: chosen.saveSlot, parentId: chosen.parentId, quant: quantParamsOf(qm, 'PTQ'),
  };
}

export const deployApi: DeployApi = {
  models: deployableModels,
  export(req, onProgress) {
    return runJob('export', (signal) => exportModel(req, signal, (f, t) => onProgress?.(f, t)));
  },
};
