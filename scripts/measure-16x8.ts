/**
 * 16x8 vs 8x8 in the integer engine (Node + wasm, LeNet-5, fixed 8k/2k split): accuracy of the
 * integer-only model, its agreement with fake quant, and how far its logits are from the float model's.
 *
 *   npx tsx scripts/measure-16x8.ts [--epochs 5] [--seed 1]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../src/core/train/wasm-kernels';
import { buildModel } from '../src/core/model/build';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { readMnistFromDisk } from '../src/node/mnist';
import { imagesToFloat } from '../src/core/data/mnist';
import { trainLoop } from '../src/core/train/loop';
import { calibrateModel, convertAndEvaluate, integerEvaluate, type PtqOptions } from '../src/core/techniques/quantization/pipeline';
import { predictLogits, accuracyOf } from '../src/core/techniques/quantization/collect';
import { quantizedModelBytes } from '../src/core/techniques/quantization/quantize-model';

const arg = (n: string, d: number) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const EPOCHS = arg('epochs', 5);
const SEED = arg('seed', 1);
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const mnist = readMnistFromDisk();
  const train = { xs: tf.tensor4d(imagesToFloat(mnist.train), [mnist.train.count, 28, 28, 1]), labels: tf.tensor1d(Int32Array.from(mnist.train.labels), 'int32') };
  const testPixels = imagesToFloat(mnist.test);
  const testXs = tf.tensor4d(testPixels, [mnist.test.count, 28, 28, 1]);
  const labels = mnist.test.labels;
  const spec = zooSpec('lenet5');
  const model = buildModel(spec, SEED);
  await trainLoop({ model, train, epochs: EPOCHS, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: SEED, evaluateEachEpoch: false });
  const floatLogits = predictLogits(model, testXs);
  console.log(`LeNet-5, ${EPOCHS} epochs, seed ${SEED}: float ${pct(accuracyOf(floatLogits, labels))}`);
  const scratch = buildModel(spec, SEED);
  const calib = train.xs.slice(0, 500);
  console.log('mode  weight bits  fake-quant  integer-only  exact  ≤1 LSB  mean |logit − float|  bytes');
  for (const wb of [8, 4]) {
    for (const act of [8, 16]) {
      const o: PtqOptions = { weightBits: wb, activationBits: act, scheme: 'symmetric', activationScheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: SEED, calibration: 'minmax', percentile: 99.99 };
      const cal = calibrateModel(model, calib, o);
      const fq = convertAndEvaluate(model, scratch, cal.ranges, o, testXs, labels);
      const int = await integerEvaluate(fq.qm, testPixels, labels, fq.logits);
      const outScale = fq.qm.tensors.get(fq.qm.plan.output)!;
      let err = 0;
      for (let i = 0; i < int.outputs.length; i++) err += Math.abs((int.outputs[i] - outScale.zeroPoint[0]) * outScale.scale[0] - floatLogits[i]);
      const a = int.agreement;
      console.log(`${act === 16 ? '16x8' : '8x8 '}  ${String(wb).padStart(11)}  ${pct(fq.accuracy).padStart(10)}  ${pct(int.accuracy).padStart(12)}  ${pct(a.exact / a.outputs)}  ${pct(a.withinOne / a.outputs)}  ${(err / int.outputs.length).toFixed(4).padStart(20)}  ${quantizedModelBytes(fq.qm)}`);
    }
  }
  tf.dispose([train.xs, train.labels, testXs, calib]);
  model.dispose();
  scratch.dispose();
}
void main();
