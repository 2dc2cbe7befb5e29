/**
 * The bench's Node half (run by scripts/bench.mjs with tsx, once per source tree, cwd = that tree):
 * times the core jobs that do not depend on the browser, on the wasm backend in one thread:
 * - integer-only evaluation of the 2,000 test digits by an int8 LeNet-5 (PTQ, per-channel, minmax);
 * - the sensitivity scan: LeNet-5's 5 weighted layers × 9 levels × 2,000 test images;
 * - a 20-candidate random NAS search (default space, 1 proxy epoch on 2,000 samples, seed 1).
 * Each job reports wall time (…Ms) and this process's CPU time (…CpuMs, user + system, from
 * process.cpuUsage()): everything here runs on one thread, so CPU time is the work done, and it
 * stays comparable between the two trees when other jobs load the machine (wall time then mostly
 * measures the wait for a core). The bench prints its ratios from CPU time.
 * Prints one JSON line. Uses only APIs that exist in the baseline commit too, so both trees run it.
 *   npx tsx scripts/bench/core-node.ts [--only integer,sensitivity,nas]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../../src/core/train/wasm-kernels';
import { imagesToFloat } from '../../src/core/data/mnist';
import { mnistToTensors } from '../../src/core/data/tensors';
import { analyzeSpec } from '../../src/core/model/analyze';
import { buildModel } from '../../src/core/model/build';
import { zooSpec } from '../../src/core/model/zoo/mnist';
import { trainLoop } from '../../src/core/train/loop';
import { calibrateModel, convertAndEvaluate, integerEvaluate, type PtqOptions } from '../../src/core/techniques/quantization/pipeline';
import { computeScores } from '../../src/core/techniques/pruning/collect';
import { sensitivityScan } from '../../src/core/techniques/pruning/sensitivity';
import { estimate } from '../../src/core/devices/estimate';
import { costOf, NAS_DEPLOYMENT } from '../../src/core/techniques/nas/cost';
import { candidateSeed, DEFAULT_PROXY, trainProxy } from '../../src/core/techniques/nas/proxy';
import { runSearch } from '../../src/core/techniques/nas/search';
import { DEFAULT_SPACE } from '../../src/core/techniques/nas/space';
import { makeStrategy } from '../../src/core/techniques/nas/strategies';

const onlyArg = process.argv.indexOf('--only');
const only = new Set((onlyArg > 0 ? process.argv[onlyArg + 1] : 'integer,sensitivity,nas').split(','));
const now = () => performance.now();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

await tf.setBackend('wasm');
await tf.ready();
// The Node MNIST reader moved (src/core/data/mnist-node → src/node/mnist); the bench runs old trees too.
const loaders = ['../../src/node/mnist', '../../src/core/data/mnist-node'];
type Reader = typeof import('../../src/node/mnist').readMnistFromDisk;
async function findReader(): Promise<Reader> {
  for (const path of loaders) {
    try {
      return ((await import(/* @vite-ignore */ path)) as { readMnistFromDisk: Reader }).readMnistFromDisk;
    } catch {
      // not in this tree
    }
  }
  throw new Error('no Node MNIST reader found');
}
const mnist = (await findReader())();
const data = mnistToTensors(mnist);
const testPixels = imagesToFloat(mnist.test);
const spec = zooSpec('lenet5');
const model = buildModel(spec, 1);
// One short epoch so activations and weights look like a trained net's (zeros after ReLU matter).
await trainLoop({ model, train: data.train, epochs: 1, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: 1, trainSamples: 2000, evaluateEachEpoch: false });
const out: Record<string, number> = {};

if (only.has('integer')) {
  const o: PtqOptions = {
    weightBits: 8, activationBits: 8, scheme: 'asymmetric', granularity: 'per-channel', rounding: 'nearest', seed: 1,
    calibration: 'minmax', percentile: 99.99,
  };
  const calibXs = data.train.xs.slice(0, 500);
  const scratch = buildModel(spec, 1);
  const cal = calibrateModel(model, calibXs, o);
  const fq = convertAndEvaluate(model, scratch, cal.ranges, o, data.test.xs, mnist.test.labels);
  let best = Infinity;
  let bestCpu = Infinity;
  let acc = NaN;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = now();
    const c0 = cpu();
    const r = await integerEvaluate(fq.qm, testPixels, mnist.test.labels, fq.logits);
    best = Math.min(best, now() - t0);
    bestCpu = Math.min(bestCpu, cpu() - c0);
    acc = r.accuracy;
  }
  out.integerEvalMs = best;
  out.integerEvalCpuMs = bestCpu;
  out.integerAccuracy = acc;
  tf.dispose(calibXs);
  scratch.dispose();
}

if (only.has('sensitivity')) {
  const weighted = analyzeSpec(spec).layers.filter((l) => l.kernelParams).map((l) => l.name);
  const levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  let best = Infinity;
  let bestCpu = Infinity;
  for (let rep = 0; rep < 2; rep++) {
    const t0 = now();
    const c0 = cpu();
    await sensitivityScan(model, { scores: computeScores(model, 'magnitude', weighted, []), levels, granularity: 'unstructured', test: data.test });
    best = Math.min(best, now() - t0);
    bestCpu = Math.min(bestCpu, cpu() - c0);
  }
  out.sensitivityMs = best;
  out.sensitivityCpuMs = bestCpu;
}

if (only.has('nas')) {
  const proxy = { ...DEFAULT_PROXY, epochs: 1, trainSamples: 2000, zeroCost: true };
  const t0 = now();
  const c0 = cpu();
  const res = await runSearch({
    strategy: makeStrategy('random', DEFAULT_SPACE, 1),
    candidates: 20,
    budget: { ramKB: 100, flashKB: 500, latencyMs: 20 },
    estimate: (s) => costOf(estimate(s, NAS_DEPLOYMENT, 'mcxn947'), 'cpu'),
    evaluate: async (s, g) => {
      const r = await trainProxy({ spec: s, seed: candidateSeed(1, g), train: data.train, test: data.test, settings: proxy });
      return { accuracy: r.accuracy, zeroCost: r.zeroCost };
    },
  });
  out.nasMs = now() - t0;
  out.nasCpuMs = cpu() - c0;
  out.nasTrained = res.records.filter((r) => r.status === 'trained').length;
}

model.dispose();
data.dispose();
console.log(`CORE_RESULT ${JSON.stringify(out)}`);
