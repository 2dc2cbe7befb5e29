/**
 * Lottery tickets on LeNet-5 (Frankle & Carbin 2019; issue 19): iterative global magnitude pruning to
 * 90 % in R rounds, each round followed by E epochs of training with the mask held, after resetting
 * the survivors to θ₀ (rewind), to a fresh random init (random) or not at all (fine-tune).
 *   npx tsx scripts/measure-lottery.ts [--seeds 1,2,3] [--rounds 3] [--epochs 1] [--resets rewind,random]
 */
import { buildModel } from '../src/core/model/build';
import { runIterative, type WeightReset } from '../src/core/techniques/pruning/iterative';
import { arg, lenetBaseline, pct, setup } from './measure-techniques-common';

const opt = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const seeds = opt('seeds', '1,2,3').split(',').map(Number);
const resets = opt('resets', 'rewind,random').split(',') as WeightReset[];
const ROUNDS = arg('rounds', 3);
const EPOCHS = arg('epochs', 1);
const { train, test } = await setup();
for (const seed of seeds) {
  const line: string[] = [];
  for (const reset of resets) {
    const { spec, model } = await lenetBaseline(train, test, seed);
    const init = buildModel(spec, seed);
    const initial = init.getWeights();
    init.dispose();
    const r = await runIterative({
      model, initial, layers: ['conv1', 'conv2', 'fc1', 'fc2', 'logits'], target: 0.9, rounds: ROUNDS, reset,
      training: { epochs: EPOCHS, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed }, train, test,
    });
    line.push(`${reset} ${r.points.map((p) => `${pct(p.sparsity)}:${pct(p.accuracy)}`).join(' → ')} (dense ${pct(r.dense)})`);
    model.dispose();
  }
  console.log(`seed ${seed}, ${ROUNDS} rounds × ${EPOCHS} epoch(s): ${line.join('; ')}`);
}
