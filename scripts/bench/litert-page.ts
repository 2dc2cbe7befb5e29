/**
 * Bench page part: LiteRT.js inference time for the Deploy lab's file, against references measured
 * in the same page and run. LeNet-5 is trained briefly (one epoch on 2,000 digits, seed 1), exported
 * as Deploy exports it (batch norm folded, min/max calibration on 300 images, the TFLite converter's
 * int8 settings), and each of `count` test digits is run one at a time through
 *  - LiteRT.js on the float-interface .tflite (the Deploy page's runtime check; src/worker/litert.ts),
 *  - the app's integer-only engine on the same int8 model (Deploy's "App integer accuracy"),
 *  - tfjs on wasm, the float model at batch 1 (predict per digit).
 * Also reports the argmax agreement of LiteRT.js with the app's engine (a check the timing ran the
 * right thing). Main thread of the bench page, like the roofline.
 */
import { zooSpec } from '../../src/core/model/zoo/mnist';

// The site root (this page is scripts/bench/litert.html): the app's data/ and wasm files are relative to it.
const SITE_ROOT = new URL('../../', location.href).href;

export interface LiteRtBench {
  count: number;
  litertMsPerDigit: number;
  appIntegerMsPerDigit: number;
  tfjsFloatMsPerDigit: number;
  argmaxAgreement: number;
  compileMs: number;
}

async function benchLitert(count: number): Promise<LiteRtBench> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  const urls = await import('./wasm-urls');
  await import('../../src/core/train/wasm-kernels');
  const { initBackend } = await import('../../src/core/train/backend');
  await (initBackend as (b: 'wasm', o: { wasmPaths: Record<string, string>; threads?: number }) => Promise<unknown>)('wasm', { wasmPaths: urls.wasmPaths(SITE_ROOT), threads: 1 });
  await tf.ready();
  const { buildModel } = await import('../../src/core/model/build');
  const { fetchMnist, imagesToFloat } = await import('../../src/core/data/mnist');
  const { splitToTensors } = await import('../../src/core/data/tensors');
  const { trainLoop } = await import('../../src/core/train/loop');
  const { foldBatchNorm } = await import('../../src/core/techniques/quantization/fold-bn');
  const { calibrateModel } = await import('../../src/core/techniques/quantization/pipeline');
  const { TFLITE_PTQ, quantizeForTflite, exportPackage, compareInt8 } = await import('../../src/core/export');
  const { compileInteger, runInteger } = await import('../../src/core/techniques/quantization/integer-model');
  const { runFloatTwin, loadLiteRtOnce } = await import('../../src/worker/litert');

  const data = await fetchMnist(SITE_ROOT);
  const train = splitToTensors(data.train);
  const spec = zooSpec('lenet5');
  const model = buildModel(spec, 1);
  await trainLoop({ model, train, epochs: 1, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: 1, trainSamples: 2000, evaluateEachEpoch: false });
  const folded = foldBatchNorm(spec, model.getWeights());
  model.dispose();
  const floatModel = buildModel(folded.spec, 1);
  floatModel.setWeights(folded.weights);
  const calXs = train.xs.slice(0, 300);
  const cal = calibrateModel(floatModel, calXs, { ...TFLITE_PTQ, calibration: 'minmax', percentile: 100 });
  tf.dispose([calXs, train.xs, train.labels]);
  const qm = quantizeForTflite(folded.spec, folded.weights, cal.ranges);
  const pkg = exportPackage(qm);
  const pixels = imagesToFloat(data.test).subarray(0, count * 784);
  const labels = data.test.labels.subarray(0, count);

  // LiteRT.js: loaded and compiled once outside the timing (runFloatTwin times only the inferences).
  await loadLiteRtOnce();
  const c0 = performance.now();
  await runFloatTwin(pkg.floatTflite, pixels.subarray(0, 784), 1, pkg.io);
  const compileMs = performance.now() - c0;
  const lr = await runFloatTwin(pkg.floatTflite, pixels, count, pkg.io);

  // The app's integer engine, one digit at a time (runInteger's own loop; no progress callback).
  const im = compileInteger(qm);
  await runInteger(im, pixels, Math.min(count, 50));
  const a0 = performance.now();
  const app = await runInteger(im, pixels, count, { chunk: count });
  const appMs = performance.now() - a0;

  // tfjs float, batch 1.
  const xs = tf.tensor4d(pixels, [count, 28, 28, 1]);
  const one = (i: number) => tf.tidy(() => (floatModel.apply(xs.slice(i, 1), { training: false }) as import('@tensorflow/tfjs').Tensor).dataSync());
  for (let i = 0; i < 20; i++) one(i);
  const f0 = performance.now();
  for (let i = 0; i < count; i++) one(i);
  const floatMs = performance.now() - f0;
  xs.dispose();
  floatModel.dispose();

  const cmp = compareInt8(app.outputs, lr.outputs, labels, app.outputSize, count);
  return {
    count,
    litertMsPerDigit: lr.msPerInput,
    appIntegerMsPerDigit: appMs / count,
    tfjsFloatMsPerDigit: floatMs / count,
    argmaxAgreement: cmp.argmaxAgreement,
    compileMs,
  };
}

Object.assign(window, { benchLitert, benchReady: true });
