/**
 * Measures the Pruning lab's quality targets (issue 5) in Node on the wasm backend:
 *   npx tsx scripts/measure-pruning.ts [--epochs 5] [--seed 1] [--ft-lr 0.001]
 * LeNet-5 CNN on the fixed MNIST split (8,000 train / 2,000 test): trains a baseline, then
 *  - 80 % and 90 % unstructured global magnitude pruning after training + 1 fine-tune epoch,
 *  - 50 % structured (filters / neurons, local) + fine-tuning, with the shrunk model's MACs,
 *  - the sensitivity scan (every weighted layer × 10..90 %) on the 2,000 test images, timed.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../src/core/train/wasm-kernels';
import { readMnistFromDisk } from '../src/node/mnist';
import { mnistToTensors } from '../src/core/data/tensors';
import { analyzeSpec } from '../src/core/model/analyze';
import { buildModel } from '../src/core/model/build';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { trainLoop } from '../src/core/train/loop';
import { computeScores } from '../src/core/techniques/pruning/collect';
import { accuracyOf } from '../src/core/techniques/pruning/evaluate';
import { runPruning } from '../src/core/techniques/pruning/pipeline';
import { sensitivityScan } from '../src/core/techniques/pruning/sensitivity';
import { shrinkModel } from '../src/core/techniques/pruning/structure';
import type { PruneConfig } from '../src/core/techniques/pruning/types';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const EPOCHS = arg('epochs', 5);
const SEED = arg('seed', 1);
const FT_LR = arg('ft-lr', 0.001);
const STRUCT_FT = arg('struct-ft', 2);

await tf.setBackend('wasm');
await tf.ready();
const data = mnistToTensors(readMnistFromDisk());
const train = { xs: data.train.xs, labels: data.train.labels };
const test = { xs: data.test.xs, labels: data.test.labels };
const spec = zooSpec('lenet5');
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

let t = performance.now();
const base = buildModel(spec, SEED);
const br = await trainLoop({ model: base, train, test, epochs: EPOCHS, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: SEED, evaluateEachEpoch: false });
const baseline = br.testAccuracy;
const baseWeights = base.getWeights();
console.log(`baseline lenet5: ${EPOCHS} epochs, seed ${SEED}: test ${pct(baseline)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);

const weighted = ['conv1', 'conv2', 'fc1', 'fc2', 'logits'];
const ft = { epochs: 1, batchSize: 64, learningRate: FT_LR, optimizer: 'adam' as const, seed: SEED };

async function run(label: string, config: PruneConfig, epochs: number) {
  const m = buildModel(spec, SEED);
  m.setWeights(baseWeights);
  t = performance.now();
  const r = await runPruning({ model: m, config, when: 'after', train, test, training: { ...ft, epochs }, calibration: [] });
  const s = config.granularity === 'structured' ? r.sparsity.units : r.sparsity.weights;
  let extra = '';
  if (config.granularity === 'structured') {
    const small = shrinkModel(spec, m.getWeights(), r.masks);
    const sm = buildModel(small.spec, SEED);
    sm.setWeights(small.weights);
    const accSmall = accuracyOf(sm, test.xs, test.labels);
    extra = `; shrunk model MACs ${analyzeSpec(small.spec).macs} vs ${analyzeSpec(spec).macs} (${(analyzeSpec(small.spec).macs / analyzeSpec(spec).macs).toFixed(3)}x), params ${analyzeSpec(small.spec).params} vs ${analyzeSpec(spec).params}, shrunk acc ${pct(accSmall)}`;
    sm.dispose();
  }
  console.log(
    `${label}: sparsity ${pct(s)}, one-shot ${pct(r.accuracyPruned)}, after ${epochs} FT epoch(s) ${pct(r.accuracyFinal)}, ` +
      `change ${(100 * (r.accuracyFinal - baseline)).toFixed(2)} pp (${((performance.now() - t) / 1000).toFixed(1)} s)${extra}`,
  );
  m.dispose();
}

const g = (target: number): PruneConfig => ({ granularity: 'unstructured', scope: 'global', criterion: 'magnitude', target, layers: weighted });
await run('80 % unstructured global magnitude', g(0.8), 1);
await run('90 % unstructured global magnitude', g(0.9), 1);
await run('50 % structured local magnitude', { granularity: 'structured', scope: 'local', criterion: 'magnitude', target: 0.5, layers: ['conv1', 'conv2', 'fc1', 'fc2'] }, STRUCT_FT);

const scan = buildModel(spec, SEED);
scan.setWeights(baseWeights);
const levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
// Twice: the first run includes one-off wasm warm-up; the machine's load shows in the spread.
for (let rep = 1; rep <= 2; rep++) {
  t = performance.now();
  const res = await sensitivityScan(scan, {
    scores: computeScores(scan, 'magnitude', weighted, []),
    levels,
    granularity: 'unstructured',
    test,
  });
  const secs = (performance.now() - t) / 1000;
  console.log(`sensitivity scan (run ${rep}): ${res.rows.length} layers x ${levels.length} levels on 2,000 test images in ${secs.toFixed(2)} s`);
  if (rep === 2) for (const r of res.rows) console.log(`  ${r.layer.padEnd(7)} ${r.accuracy.map((a) => (100 * a).toFixed(1)).join('  ')}`);
}
scan.dispose();
base.dispose();
data.dispose();
