/** The parts of a DeployResult every export writes the same way (MNIST and time-series versions alike). */
import { analyzeSpec } from '../core/model/analyze';
import { compareInt8, resolverOps } from '../core/export';
import type { Deployment } from '../core/export/deployment';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';
import { quantParamsOf } from './shelf-convert';
import { runFloatTwin } from './litert';
import type { DeployResult, RuntimeCheck } from './protocol/deploy';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The file, its operators, arena and per-layer parameters, the downloads and the parameters to save. */
export function fileParts(qm: QuantizedModel, d: Deployment) {
  const { pkg } = d;
  const info = analyzeSpec(qm.spec);
  return {
    spec: qm.spec, params: info.params, macs: info.macs,
    tflite: pkg.tflite, floatTflite: pkg.floatTflite,
    cArrayZip: d.cArrayZip, projectZip: d.projectZip,
    testVectorsBin: d.testVectorsBin, testVectorCount: d.testVectorCount, io: pkg.io,
    ops: resolverOps(pkg.graph).map((o) => o.name),
    arenaBytes: pkg.arenaBytes, estimatedArena: pkg.estimatedArena,
    layers: [...qm.layers.values()].map((lq) => ({
      name: lq.layer, op: lq.op.kind, weightShape: lq.kernelShape, scales: lq.weightParams.scale.length,
      scaleMin: Math.min(...lq.weightParams.scale), scaleMax: Math.max(...lq.weightParams.scale),
    })),
    appOutputs: d.run.outputs, quant: quantParamsOf(qm, 'PTQ'),
  } satisfies Partial<DeployResult>;
}

/** The float-interface twin in LiteRT.js on `count` inputs: its int8 outputs, or why it could not run. */
export async function runtimeOutputs(
  d: Deployment, inputs: Float32Array, count: number, what: string, signal: AbortSignal, progress: (f: number, t: string) => void,
): Promise<{ outputs: Int32Array; version: string; msPerInput: number } | { error: string }> {
  try {
    return await runFloatTwin(d.pkg.floatTflite, inputs, count, d.pkg.io, { signal, onProgress: (n) => progress(0.5 + 0.5 * (n / count), `LiteRT.js: ${n} / ${count} ${what}`) });
  } catch (e) {
    if (signal.aborted) throw e;
    return { error: `LiteRT.js could not run the exported model: ${message(e)}` };
  }
}

/** The runtime's int8 outputs compared with the app's, with its time per inference; or why it did not run. */
export function runtimeCheck(
  d: Deployment, lr: Awaited<ReturnType<typeof runtimeOutputs>>, labels: ArrayLike<number>, count: number,
): RuntimeCheck | { error: string } {
  if ('error' in lr) return lr;
  return { runtime: lr.version, where: 'worker', msPerInput: lr.msPerInput, ...compareInt8(d.run.outputs, lr.outputs, labels, d.run.outputSize, count) };
}
