/**
 * Measures the NAS lab's quality targets in Node on the wasm backend (run once, not a test):
 *   npx tsx scripts/measure-nas.ts [--seeds 1,2,3] [--candidates 20] [--epochs 1] [--samples 2000]
 * For each seed it runs random search and regularized evolution on the same space, budget (MCX N947
 * CPU: RAM 100 KB, flash 500 KB, latency 20 ms) and proxy, and prints the best feasible accuracy of
 * each, the wall time of each 20-candidate search, and the SynFlow-vs-accuracy rank correlation.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { readMnistFromDisk } from '../src/node/mnist';
import { mnistToTensors } from '../src/core/data/tensors';
import { estimate } from '../src/core/devices/estimate';
import { costOf, NAS_DEPLOYMENT } from '../src/core/techniques/nas/cost';
import { spearman } from '../src/core/techniques/nas/metrics';
import { candidateSeed, DEFAULT_PROXY, trainProxy } from '../src/core/techniques/nas/proxy';
import { bestRecord, runSearch } from '../src/core/techniques/nas/search';
import { DEFAULT_SPACE } from '../src/core/techniques/nas/space';
import { makeStrategy, type StrategyName } from '../src/core/techniques/nas/strategies';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const candidates = Number(arg('candidates', '20'));
const epochs = Number(arg('epochs', '1'));
const samples = Number(arg('samples', '2000'));
const budget = { ramKB: 100, flashKB: 500, latencyMs: 20 };

await tf.setBackend('wasm');
await tf.ready();
const data = mnistToTensors(readMnistFromDisk());
const proxy = { ...DEFAULT_PROXY, epochs, trainSamples: samples, zeroCost: true };

interface Row {
  seed: number;
  strategy: StrategyName;
  best: number;
  bestKey: string;
  trained: number;
  rejected: number;
  seconds: number;
  rho: number;
}
const rows: Row[] = [];
for (const seed of seeds) {
  for (const strategy of ['random', 'evolution'] as const) {
    const t0 = performance.now();
    const res = await runSearch({
      strategy: makeStrategy(strategy, DEFAULT_SPACE, seed),
      candidates,
      budget,
      estimate: (spec) => costOf(estimate(spec, NAS_DEPLOYMENT, 'mcxn947'), 'cpu'),
      evaluate: async (spec, g) => {
        const r = await trainProxy({ spec, seed: candidateSeed(seed, g), train: data.train, test: data.test, settings: proxy });
        return { accuracy: r.accuracy, zeroCost: r.zeroCost };
      },
    });
    const trained = res.records.filter((r) => r.status === 'trained');
    const zc = trained.filter((r) => r.zeroCost !== null);
    const b = bestRecord(res.records)!;
    const row: Row = {
      seed,
      strategy,
      best: b.accuracy!,
      bestKey: b.key,
      trained: trained.length,
      rejected: res.records.length - trained.length,
      seconds: (performance.now() - t0) / 1000,
      rho: spearman(zc.map((r) => r.zeroCost!), zc.map((r) => r.accuracy!)),
    };
    rows.push(row);
    console.log(
      `seed ${seed} ${strategy.padEnd(9)} best ${(row.best * 100).toFixed(2)} % (${row.bestKey})  trained ${row.trained}, rejected ${row.rejected}  ` +
        `${row.seconds.toFixed(1)} s  rho(SynFlow, acc) ${row.rho.toFixed(2)}`,
    );
  }
}
let wins = 0;
for (const seed of seeds) {
  const r = rows.find((x) => x.seed === seed && x.strategy === 'random')!;
  const e = rows.find((x) => x.seed === seed && x.strategy === 'evolution')!;
  const ok = e.best >= r.best;
  if (ok) wins++;
  console.log(`seed ${seed}: evolution ${(e.best * 100).toFixed(2)} % vs random ${(r.best * 100).toFixed(2)} % → ${ok ? 'evolution >= random' : 'random better'}`);
}
console.log(`evolution >= random on ${wins} of ${seeds.length} seeds (target: >= 2 of 3)`);
console.log(JSON.stringify({ candidates, epochs, samples, budget, target: 'mcxn947 cpu int8', rows }));
data.dispose();
