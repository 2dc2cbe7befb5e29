/**
 * Measures the Time-series lab's quality targets in Node (wasm backend), seeded:
 *   npx tsx scripts/time-series-quality.ts
 * Motor modes (1-D CNN accuracy, also at high noise with its confusions), anomaly detection (AE AUC vs
 * noise, int8 AUC), battery regression (R²).
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { registerWasmGradientKernels } from '../src/core/train/wasm-kernels';
import { buildDataset, TS_DEFAULTS, prepareFor } from '../src/core/data/timeseries/lab-defaults';
import { evaluateModel, quantizeAndEvaluate, trainModel, type TsModelKind } from '../src/core/data/timeseries/run';

async function run(task: 'classification' | 'anomaly' | 'regression', model: TsModelKind, over: Record<string, number | string> = {}) {
  const s = { ...TS_DEFAULTS[task], ...over };
  const t0 = performance.now();
  const ds = buildDataset(task, s.dataset as never, s);
  const p = prepareFor(task, ds, s, model);
  const t1 = performance.now();
  const { model: m } = model === 'distance' ? { model: null } : await trainModel(model, p, { epochs: s.epochs as number, batchSize: 32, learningRate: 0.003, seed: s.seed as number });
  const t2 = performance.now();
  const ev = evaluateModel(model, m, p);
  const q = m ? quantizeAndEvaluate(model, m, p, 1) : null;
  m?.dispose();
  const metric = (e: typeof ev) => e.classification?.accuracy ?? e.anomaly?.auc ?? e.regression?.r2;
  console.log(JSON.stringify({ task, model, over, windows: p.windows, train: p.train.count, test: p.test.count, metric: metric(ev), int8: q && metric(q), mae: ev.regression?.mae, genMs: Math.round(t1 - t0), trainMs: Math.round(t2 - t1) }));
  if (ev.classification && over.noise) console.log(ev.classification.confusion.map((r) => r.join(' ')).join('\n'));
}

registerWasmGradientKernels();
await tf.setBackend('wasm');
await tf.ready();
const args = process.argv.slice(2);
const only = args[0];
if (!only || only === 'c') {
  await run('classification', 'cnn');
  for (const noise of [10, 20]) await run('classification', 'cnn', { noise });
  await run('classification', 'mlp', { features: 'dsp' });
}
if (!only || only === 'a') {
  for (const noise of [1, 5, 10, 20]) await run('anomaly', 'autoencoder', { noise });
  await run('anomaly', 'distance');
}
if (only === 'h') {
  // Candidate "field conditions" presets (the chosen one is FIELD_PRESETS in lab-defaults.ts).
  const [task, over] = [args[1] as 'classification' | 'anomaly' | 'regression', JSON.parse(args[2] ?? '{}')];
  await run(task, TS_DEFAULTS[task].model as TsModelKind, over);
}
if (!only || only === 'r') {
  await run('regression', 'mlp');
  await run('regression', 'cnn');
}
console.log('tensors left', tf.memory().numTensors);
