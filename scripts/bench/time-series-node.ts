/**
 * The bench's time-series part (run by scripts/bench.mjs with tsx in the new tree only — the baseline
 * commit has no Time series lab): each time-series zoo model on its task's default data (seeded
 * simulators, the lab's own windows and features), trained one epoch the way the lab trains it (batch
 * 32, Adam, lr 0.003; a warm-up epoch, then the best of 3) on the wasm backend in this Node process, one thread. Reports training
 * samples/s and, measured in the same process, a roofline for the model: each weighted layer's
 * forward op at batch 32 timed on its own shape (best of several calls), each layer's 3 training
 * passes (forward, dX, dW) at that rate → a bound on samples/s; share = measured / bound.
 * Prints one JSON line: { rows: [{ id, task, model, inputShape, trainWindows, macsPerSample,
 * samplesPerSec, boundSamplesPerSec, share, gflops }] }.
 *   npx tsx scripts/bench/time-series-node.ts
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../../src/core/train/wasm-kernels';
import { analyzeSpec } from '../../src/core/model/analyze';
import type { ModelSpec } from '../../src/core/model/spec';
import { buildDataset, prepareFor, TS_DEFAULTS, type ModelKind } from '../../src/core/data/timeseries/lab-defaults';
import { specFor, trainModel } from '../../src/core/data/timeseries/run';
import type { TimeSeriesTask } from '../../src/core/data/timeseries/types';

const BATCH = 32;
const CASES: { task: TimeSeriesTask; model: Exclude<ModelKind, 'distance'>; features?: 'raw' | 'dsp' }[] = [
  { task: 'classification', model: 'cnn', features: 'raw' },
  { task: 'classification', model: 'mlp', features: 'dsp' },
  { task: 'anomaly', model: 'autoencoder' },
  { task: 'regression', model: 'mlp' },
  { task: 'regression', model: 'cnn', features: 'raw' },
];

/** Best GFLOP/s of `run` (`flops` per call) after a warm-up call. */
function rate(flops: number, run: () => tf.Tensor): number {
  const once = () => {
    const t0 = performance.now();
    const y = run();
    y.dataSync();
    y.dispose();
    return performance.now() - t0;
  };
  once();
  let best = Infinity;
  let spent = 0;
  for (let i = 0; i < 50 && (i < 5 || spent < 200); i++) {
    const ms = once();
    best = Math.min(best, ms);
    spent += ms;
  }
  return flops / (best / 1000) / 1e9;
}

/** Seconds per sample if every weighted layer's 3 passes ran at its own forward rate. */
function boundSecondsPerSample(spec: ModelSpec): number {
  let seconds = 0;
  for (const l of analyzeSpec(spec).layers) {
    if (!l.macs) continue;
    const layer = spec.layers.find((x) => x.name === l.name) as { kernel?: number | [number, number]; stride?: number | [number, number]; padding?: 'same' | 'valid' };
    const cout = l.outputShape[l.outputShape.length - 1];
    const flops = 2 * BATCH * l.macs;
    let g: number;
    if (l.type === 'dense') {
      const a = tf.randomNormal([BATCH, l.inputShapes[0].reduce((p, q) => p * q, 1)]);
      const b = tf.randomNormal([a.shape[1]!, cout]);
      g = rate(flops, () => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D));
      tf.dispose([a, b]);
    } else if (l.type === 'conv2d') {
      const [h, w, cin] = l.inputShapes[0];
      const k = layer.kernel ?? 1;
      const [kh, kw] = Array.isArray(k) ? k : [k, k];
      const x = tf.randomNormal([BATCH, h, w, cin]);
      const f = tf.randomNormal([kh, kw, cin, cout]);
      g = rate(flops, () => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, layer.stride ?? 1, layer.padding ?? 'valid'));
      tf.dispose([x, f]);
    } else {
      continue;
    }
    seconds += (3 * 2 * l.macs) / (g * 1e9);
  }
  return seconds;
}

await tf.setBackend('wasm');
await tf.ready();
const rows = [];
for (const c of CASES) {
  const s = { ...TS_DEFAULTS[c.task], model: c.model, ...(c.features ? { features: c.features } : {}) };
  const p = prepareFor(c.task, buildDataset(c.task, s.dataset as never, s), s, c.model);
  const spec = specFor(c.model, p)!;
  const info = analyzeSpec(spec);
  {
    // A warm-up epoch (kernel setup, first allocations), then the best of 3 (an epoch is short: the
    // lab's default data has a few hundred to 1,500 training windows).
    const { model, result } = await trainModel(c.model, p, { epochs: 4, batchSize: BATCH, learningRate: 0.003, seed: 1 });
    model.dispose();
    const samplesPerSec = Math.max(...result.history.slice(1).map((h) => h.samplesPerSec));
    const bound = 1 / boundSecondsPerSample(spec);
    rows.push({
      id: `${c.task} ${c.model}${c.features ? ` (${c.features})` : ''}`,
      task: c.task,
      model: c.model,
      inputShape: spec.inputShape,
      trainWindows: p.train.count,
      macsPerSample: info.macs,
      samplesPerSec,
      boundSamplesPerSec: bound,
      share: samplesPerSec / bound,
      gflops: (samplesPerSec * 6 * info.macs) / 1e9,
    });
  }
}
console.log(JSON.stringify({ rows }));
