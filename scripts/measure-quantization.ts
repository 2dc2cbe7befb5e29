/**
 * Measures the Quantization lab's quality targets in Node (wasm backend), on the fixed MNIST split
 * (8,000 train / 2,000 test from `npm run data`):
 * - LeNet-5 float accuracy after training (seeded),
 * - int8 PTQ (per-channel weights, per-tensor activations) for each calibration method: fake-quant and
 *   integer-only accuracy, and the LSB agreement of the integer-only outputs with fake quantization,
 * - PTQ vs QAT across weight bit depths 8, 6, 4, 3, 2 (8-bit activations).
 *
 *   npx tsx scripts/measure-quantization.ts [--epochs 4] [--qat-epochs 2] [--seed 1] [--model lenet5]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../src/core/train/wasm-kernels';
import { buildModel } from '../src/core/model/build';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { readMnistFromDisk } from '../src/node/mnist';
import { imagesToFloat } from '../src/core/data/mnist';
import { splitToTensors } from '../src/core/data/tensors';
import { trainLoop } from '../src/core/train/loop';
import { calibrateModel, convertAndEvaluate, integerEvaluate, type PtqOptions } from '../src/core/techniques/quantization/pipeline';
import { runQat } from '../src/core/techniques/quantization/qat';
import { predictLogits, accuracyOf } from '../src/core/techniques/quantization/collect';
import { quantizedModelBytes } from '../src/core/techniques/quantization/quantize-model';

function arg(name: string, fallback: number | string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : String(fallback);
}
const EPOCHS = Number(arg('epochs', 4));
const QAT_EPOCHS = Number(arg('qat-epochs', 2));
const SEED = Number(arg('seed', 1));
const MODEL = arg('model', 'lenet5');
const CALIB = 500;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const mnist = readMnistFromDisk();
  const train = splitToTensors(mnist.train);
  const testPixels = imagesToFloat(mnist.test);
  const test = { xs: tf.tensor4d(testPixels, [mnist.test.count, 28, 28, 1]), labels: tf.tensor1d(Int32Array.from(mnist.test.labels), 'int32') };
  const testLabels = mnist.test.labels;
  const calibXs = train.xs.slice(0, CALIB);

  const spec = zooSpec(MODEL);
  const model = buildModel(spec, SEED);
  const t0 = Date.now();
  await trainLoop({ model, train, epochs: EPOCHS, batchSize: 32, learningRate: 0.001, optimizer: 'adam', seed: SEED, evaluateEachEpoch: false });
  const floatAcc = accuracyOf(predictLogits(model, test.xs), testLabels);
  const floatWeights = model.getWeights();
  console.log(`${spec.name}: ${EPOCHS} epochs adam 1e-3 batch 32 seed ${SEED} on 8,000 → float test accuracy ${pct(floatAcc)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const scratch = buildModel(spec, SEED);

  const base: PtqOptions = {
    weightBits: 8, activationBits: 8, scheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: SEED,
    calibration: 'minmax', percentile: 99.99,
  };
  console.log(`\nint8 PTQ, ${CALIB} calibration images (train split), test = 2,000 images`);
  console.log('scheme      granularity  calibration  fake-quant  integer-only  Δ vs float  exact  ≤1 LSB  max LSB  bytes');
  for (const [scheme, granularity, requantRounding] of [
    ['asymmetric', 'per-channel', 'double'], ['symmetric', 'per-channel', 'double'], ['asymmetric', 'per-tensor', 'double'], ['asymmetric', 'per-channel', 'single'],
  ] as const) {
    for (const calibration of ['minmax', 'percentile', 'mse'] as const) {
      if ((granularity === 'per-tensor' || requantRounding === 'single') && calibration !== 'minmax') continue;
      const o: PtqOptions = { ...base, scheme, granularity, calibration, requantRounding };
      const cal = calibrateModel(model, calibXs, o);
      const fq = convertAndEvaluate(model, scratch, cal.ranges, o, test.xs, testLabels);
      const int = await integerEvaluate(fq.qm, testPixels, testLabels, fq.logits);
      const a = int.agreement;
      console.log(
        `${scheme.padEnd(11)} ${granularity.padEnd(12)} ${(calibration + (requantRounding === 'single' ? ' (single rounding)' : '')).padEnd(12)} ${pct(fq.accuracy).padStart(10)}  ${pct(int.accuracy).padStart(12)}  ${((fq.accuracy - floatAcc) * 100).toFixed(2).padStart(7)} pp  ${pct(a.exact / a.outputs)}  ${pct(a.withinOne / a.outputs)}  ${a.maxDiff}  ${quantizedModelBytes(fq.qm)}`,
      );
    }
  }

  console.log(`\nPTQ vs QAT (${QAT_EPOCHS} QAT epochs, adam 3e-4, batch 32), asymmetric per-channel, 8-bit activations, minmax calibration`);
  console.log('weight bits  PTQ fake-quant  PTQ int-only  QAT fake-quant  QAT int-only');
  for (const bits of [8, 6, 4, 3, 2]) {
    const o: PtqOptions = { ...base, weightBits: bits };
    model.setWeights(floatWeights);
    const cal = calibrateModel(model, calibXs, o);
    const ptq = convertAndEvaluate(model, scratch, cal.ranges, o, test.xs, testLabels);
    const ptqInt = await integerEvaluate(ptq.qm, testPixels, testLabels, ptq.logits);
    const qat = await runQat({
      model, scratch, train, test, testLabels, calibXs,
      options: { ...o, epochs: QAT_EPOCHS, learningRate: 3e-4, batchSize: 32 },
    });
    const qatInt = await integerEvaluate(qat.qm, testPixels, testLabels, qat.logits);
    const single = await integerEvaluate({ ...qat.qm, settings: { ...qat.qm.settings, requantRounding: 'single' } }, testPixels, testLabels, qat.logits);
    console.log(`${String(bits).padStart(11)}  ${pct(ptq.accuracy).padStart(14)}  ${pct(ptqInt.accuracy).padStart(12)}  ${pct(qat.accuracy).padStart(14)}  ${pct(qatInt.accuracy).padStart(12)}   (QAT ≤1 LSB ${pct(qatInt.agreement.withinOne / qatInt.agreement.outputs)}; single rounding: int-only ${pct(single.accuracy)}, identical ${pct(single.agreement.exact / single.agreement.outputs)})`);
  }
  // Control: is QAT's gain more than the extra training? Fine-tune the float model for the same epochs.
  model.setWeights(floatWeights);
  await trainLoop({ model, train, epochs: QAT_EPOCHS, batchSize: 32, learningRate: 3e-4, optimizer: 'adam', seed: SEED, evaluateEachEpoch: false });
  console.log(`control: float model fine-tuned ${QAT_EPOCHS} more epoch(s) without fake quant → ${pct(accuracyOf(predictLogits(model, test.xs), testLabels))}`);

  console.log('\nharder: symmetric per-tensor weights, 8-bit activations');
  for (const bits of [4, 3]) {
    const o: PtqOptions = { ...base, weightBits: bits, scheme: 'symmetric', granularity: 'per-tensor' };
    model.setWeights(floatWeights);
    const cal = calibrateModel(model, calibXs, o);
    const p = convertAndEvaluate(model, scratch, cal.ranges, o, test.xs, testLabels);
    const q = await runQat({ model, scratch, train, test, testLabels, calibXs, options: { ...o, epochs: QAT_EPOCHS, learningRate: 3e-4, batchSize: 32 } });
    const qi = await integerEvaluate(q.qm, testPixels, testLabels, q.logits);
    console.log(`w${bits} symmetric per-tensor: PTQ ${pct(p.accuracy)}, QAT ${pct(q.accuracy)} (integer-only ${pct(qi.accuracy)})`);
  }
  model.setWeights(floatWeights);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
