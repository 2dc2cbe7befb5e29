/**
 * 2:4 semi-structured sparsity on LeNet-5 (issue 19): one-shot 2:4 magnitude masks on every weighted
 * layer, then 1 fine-tune epoch with the masks held (Adam 0.001), against the dense baseline.
 *   npx tsx scripts/measure-nm.ts [--seed 1]
 */
import { accuracyOf } from '../src/core/techniques/pruning/evaluate';
import { isNmSparse } from '../src/core/techniques/pruning/masks';
import { runPruning } from '../src/core/techniques/pruning/pipeline';
import { sizeLedger } from '../src/core/techniques/pruning/ledger';
import { arg, lenetBaseline, pct, setup } from './measure-techniques-common';

const SEED = arg('seed', 1);
const { train, test } = await setup();
const { spec, model } = await lenetBaseline(train, test, SEED);
const dense = accuracyOf(model, test.xs, test.labels);
const layers = ['conv1', 'conv2', 'fc1', 'fc2', 'logits'];
const r = await runPruning({
  model, when: 'after', train, test, calibration: [],
  config: { granularity: 'nm', scope: 'global', criterion: 'magnitude', target: 0.5, layers },
  training: { epochs: 1, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: SEED },
});
const w = model.getWeights().filter((t) => t.role === 'kernel');
const ok = w.every((t) => isNmSparse(t.data, t.shape, 2, 4));
const ledger = sizeLedger(spec, model.getWeights());
console.log(`seed ${SEED}: dense ${pct(dense)}; 2:4 one-shot ${pct(r.accuracyPruned)}; +1 FT epoch ${pct(r.accuracyFinal)} ` +
  `(${(100 * (r.accuracyFinal - dense)).toFixed(2)} pp); weight sparsity ${pct(r.sparsity.weights)}; every kernel 2:4 after FT: ${ok}; ` +
  `storage int8 dense ${ledger.denseInt8} B vs 2:4 ${ledger.nm} B`);
