/**
 * Writes the Deploy lab's files for MLP, LeNet-5 and DS-CNN in Node, with the page's own export core
 * (src/core/export: the converter's full-integer PTQ, the .tflite writer, C array, main.cc, test
 * vectors), so scripts/tflm-check.sh can run them in the real TensorFlow Lite Micro.
 * Training follows the page's "Train a baseline here" defaults (Adam 1e-3, batch 32) on the fixed
 * 8,000-digit split; batch norm is folded and min/max is calibrated on the first N training images,
 * exactly as src/worker/deploy.ts does. Weights are cached in /tmp per model/epochs/seed.
 *
 *   npx tsx scripts/tflm-export.ts OUT_DIR [--models mlp,lenet5,dscnn] [--seed 1] [--calib 500] [--vectors 2000]
 *
 * OUT_DIR/<model>/: model.tflite, model_data.h, model_data.cc, main.cc, test_vectors.bin, summary.json.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import '../src/core/train/wasm-kernels';
import { buildModel } from '../src/core/model/build';
import type { WeightSet } from '../src/core/model/spec';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { readMnistFromDisk } from '../src/node/mnist';
import { imagesToFloat } from '../src/core/data/mnist';
import { splitToTensors } from '../src/core/data/tensors';
import { trainLoop } from '../src/core/train/loop';
import { foldBatchNorm } from '../src/core/techniques/quantization/fold-bn';
import { calibrateModel } from '../src/core/techniques/quantization/pipeline';
import { accuracyOf, predictLogits } from '../src/core/techniques/quantization/collect';
import { TFLITE_PTQ, quantizeForTflite } from '../src/core/export';
import { buildDeployment } from '../src/core/export/deployment';

const argOf = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const OUT = process.argv[2];
if (!OUT || OUT.startsWith('--')) throw new Error('usage: tflm-export.ts OUT_DIR [--models mlp,lenet5,dscnn] [--seed 1] [--calib 500] [--vectors 2000]');
const MODELS = argOf('models', 'mlp,lenet5,dscnn').split(',');
const SEED = Number(argOf('seed', '1'));
const CALIB = Number(argOf('calib', '500'));
const VECTORS = Number(argOf('vectors', '2000'));
/** Epochs per model: the previous session's browser measurements (labs/deploy.md). */
const EPOCHS: Record<string, number> = { mlp: 1, lenet5: 1, dscnn: 3 };

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const mnist = readMnistFromDisk();
  const train = splitToTensors(mnist.train);
  const testPixels = imagesToFloat(mnist.test);
  const testXs = tf.tensor4d(testPixels, [mnist.test.count, 28, 28, 1]);
  for (const id of MODELS) {
    const spec = zooSpec(id);
    const epochs = Number(argOf('epochs', String(EPOCHS[id] ?? 1)));
    const model = buildModel(spec, SEED);
    const cache = `/tmp/tinyml-tflm-${id}-seed${SEED}-e${epochs}.json`;
    if (existsSync(cache)) {
      const saved = JSON.parse(readFileSync(cache, 'utf8')) as (Omit<WeightSet[number], 'data'> & { data: number[] })[];
      model.setWeights(saved.map((w) => ({ ...w, data: Float32Array.from(w.data) })));
    } else {
      await trainLoop({ model, train, epochs, batchSize: 32, learningRate: 0.001, optimizer: 'adam', seed: SEED, evaluateEachEpoch: false });
      writeFileSync(cache, JSON.stringify(model.getWeights().map((w) => ({ ...w, data: [...w.data] }))));
    }
    const folded = foldBatchNorm(spec, model.getWeights());
    model.dispose();
    const foldedModel = buildModel(folded.spec, SEED);
    foldedModel.setWeights(folded.weights);
    const calXs = train.xs.slice(0, CALIB);
    const cal = calibrateModel(foldedModel, calXs, { ...TFLITE_PTQ, calibration: 'minmax', percentile: 100 });
    calXs.dispose();
    const floatAccuracy = accuracyOf(predictLogits(foldedModel, testXs), mnist.test.labels);
    foldedModel.dispose();
    const qm = quantizeForTflite(folded.spec, folded.weights, cal.ranges);
    const d = await buildDeployment(qm, testPixels, mnist.test.labels, VECTORS);
    const dir = join(OUT, id);
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(unzipSync(d.projectZip))) writeFileSync(join(dir, name), bytes);
    const summary = {
      model: spec.name, epochs, seed: SEED, calibrationImages: CALIB, floatAccuracy, integerAccuracy: d.integerAccuracy,
      testCount: mnist.test.count, testVectors: d.testVectorCount, tfliteBytes: d.pkg.tflite.length,
      estimatedArena: d.pkg.estimatedArena, arenaBytes: d.pkg.arenaBytes,
    };
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
    console.log(JSON.stringify(summary));
  }
  train.xs.dispose();
  train.labels.dispose();
  testXs.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
