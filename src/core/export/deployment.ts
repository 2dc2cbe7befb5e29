/**
 * Everything Deploy hands out for one int8 model, from the QuantizedModel and the test split: both
 * .tflite interfaces, the app's integer engine run over the test digits (its accuracy and int8
 * outputs), test_vectors.bin with the first N of them, the C array zip and the TFLM project zip.
 * One function so the worker (the page) and scripts/tflm-export.ts (the TFLM check) write the very
 * same files.
 */
import { compileInteger, runInteger, setInput, type IntegerRun } from '../techniques/quantization/integer-model';
import type { QuantizedModel } from '../techniques/quantization/quantize-model';
import { exportPackage, type ExportPackage } from './index';
import { writeTestVectors } from './test-vectors';
import { cArrayZip, tflmProjectZip, type SensorTask } from './tflm-project';

export interface Deployment {
  pkg: ExportPackage;
  /** The app's integer engine over all test digits. */
  run: IntegerRun;
  integerAccuracy: number;
  testVectorsBin: Uint8Array;
  testVectorCount: number;
  cArrayZip: Uint8Array;
  projectZip: Uint8Array;
}

/** The first `count` inputs exactly as the integer engine quantizes them (int8). */
export function int8Inputs(qm: QuantizedModel, pixels: Float32Array, count: number): Int8Array {
  const im = compileInteger(qm);
  const size = im.input.data.length;
  const out = new Int8Array(count * size);
  for (let i = 0; i < count; i++) {
    setInput(im, pixels, i * size);
    out.set(im.input.data, i * size);
  }
  return out;
}

export async function buildDeployment(
  qm: QuantizedModel,
  testPixels: Float32Array,
  testLabels: ArrayLike<number>,
  testVectors: number,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; task?: SensorTask } = {},
): Promise<Deployment> {
  const pkg = exportPackage(qm);
  const count = testLabels.length;
  const run = await runInteger(compileInteger(qm), testPixels, count, opts);
  if (run.done < count) throw new Error('stopped');
  let correct = 0;
  for (let i = 0; i < count; i++) if (run.predictions[i] === testLabels[i]) correct++;
  const nVec = Math.max(1, Math.min(testVectors, count));
  const { io } = pkg;
  const testVectorsBin = writeTestVectors({
    count: nVec, inputShape: io.inputShape, outputShape: io.outputShape,
    input: { scale: io.inputScale, zeroPoint: io.inputZeroPoint }, output: { scale: io.outputScale, zeroPoint: io.outputZeroPoint },
    inputs: int8Inputs(qm, testPixels, nVec), labels: Uint8Array.from({ length: nVec }, (_, i) => testLabels[i]),
    expected: Int8Array.from(run.outputs.subarray(0, nVec * run.outputSize)),
  });
  const modelName = qm.spec.name;
  return {
    pkg, run, integerAccuracy: correct / count, testVectorsBin, testVectorCount: nVec,
    cArrayZip: cArrayZip({ tflite: pkg.tflite, io, modelName }),
    projectZip: tflmProjectZip({ ...pkg, modelName, testVectors: testVectorsBin, task: opts.task }),
  };
}
