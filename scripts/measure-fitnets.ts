/**
 * FitNets (hint stage, then KD) vs plain KD on the same seed (Node + wasm, fixed 8k/2k split).
 * Teacher: the MLP 784-128-64-10 trained 5 epochs (hint = fc2, 64); student 784-32-10 (guided = fc1).
 *
 *   npx tsx scripts/measure-fitnets.ts [--seeds 1,2,3] [--hint-epochs 2] [--epochs 8]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../src/core/train/wasm-kernels';
import { buildModel } from '../src/core/model/build';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { readMnistFromDisk } from '../src/node/mnist';
import { mnistToTensors } from '../src/core/data/tensors';
import { trainLoop } from '../src/core/train/loop';
import { evaluate } from '../src/core/train/evaluate';
import { selectTransferSet } from '../src/core/techniques/distillation/transfer-set';
import { compareFitNets } from '../src/core/techniques/distillation/fitnets-run';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const SEEDS = arg('seeds', '1,2,3').split(',').map(Number);
const HINT = Number(arg('hint-epochs', '2'));
const EPOCHS = Number(arg('epochs', '8'));

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const raw = readMnistFromDisk();
  const data = mnistToTensors(raw);
  const teacher = buildModel(zooSpec('mlp'), 1);
  await trainLoop({ model: teacher, train: data.train, epochs: 5, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: 1, evaluateEachEpoch: false });
  console.log(`teacher MLP 5 epochs: ${(evaluate(teacher, data.test.xs, data.test.labels, { maxMisclassified: 0 }).accuracy * 100).toFixed(2)} %`);
  console.log(`student mlp-small, 1,000 transfer images, T = 4, α = 0.9, ${EPOCHS} KD epochs, lr 0.003, batch 32; FitNets: ${HINT} hint epochs first`);
  for (const seed of SEEDS) {
    const transfer = selectTransferSet(raw.train.labels, { size: 1000, leaveOut: null, seed });
    const c = await compareFitNets({
      teacher, studentSpec: zooSpec('mlp-small'), train: data.train, test: data.test, transfer, leaveOut: null,
      settings: { temperature: 4, alpha: 0.9, epochs: EPOCHS, batchSize: 32, learningRate: 0.003, optimizer: 'adam', seed }, hintEpochs: HINT,
    });
    console.log(`seed ${seed}: KD ${(c.kd!.testAccuracy * 100).toFixed(2)} %, FitNets ${(c.fitnets!.testAccuracy * 100).toFixed(2)} %, hint loss ${c.hintLosses.map((l) => l.toFixed(3)).join(' → ')}`);
    c.kd!.model.dispose();
    c.fitnets!.model.dispose();
  }
  teacher.dispose();
  data.dispose();
}
void main();
