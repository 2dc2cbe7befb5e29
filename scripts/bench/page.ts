/**
 * Benchmark page (built only by scripts/bench.mjs). Exposes two functions the driver calls:
 * - benchApp: training through the app's worker engine (getEngine), with the main thread's long
 *   tasks observed meanwhile;
 * - benchPlain: the same model and batches trained by a plain tfjs loop on this page's main thread
 *   (no worker, no progress events, no yields) — the upper bound the engine is compared with.
 */
import { getEngine, proxy } from '../../src/worker/client';
import { zooSpec } from '../../src/core/model/zoo/mnist';
import type { BackendName } from '../../src/worker/protocol';
import type * as TF from '@tensorflow/tfjs';

// The site root (this page is scripts/bench/bench.html): the app's data/ and wasm files are relative to it.
const SITE_ROOT = new URL('../../', location.href).href;
// The app's worker client resolves data against document.baseURI: point it at the site root here
// (the bench page only; a <base> tag is refused by the CSP).
Object.defineProperty(document, 'baseURI', { value: SITE_ROOT, configurable: true });

export interface AppRun {
  backend: string;
  fallbackReason?: string;
  detail?: string;
  samplesPerSec: number;
  wallSamplesPerSec: number;
  longTasks: number;
  longestTaskMs: number;
  events: number;
  eventsPerSec: number;
  loss: number;
}

export interface PlainRun {
  samplesPerSec: number;
  loss: number;
  /** XNNPACK threads the run used (1 when the page is not cross-origin isolated). */
  threads?: number;
}

const LR = 0.001;

async function benchApp(backend: BackendName, modelId: string, samples: number, batchSize: number): Promise<AppRun> {
  const engine = getEngine();
  const info = await engine.init(backend);
  await engine.loadData();
  await engine.createModel('bench', zooSpec(modelId), 1);
  const tasks: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  obs.observe({ type: 'longtask' });
  let events = 0;
  const t0 = performance.now();
  const r = await engine.train(
    'bench',
    { epochs: 1, batchSize, learningRate: LR, optimizer: 'adam', seed: 1, trainSamples: samples, evaluateEachEpoch: false },
    proxy(() => {
      events++;
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  // Let the observer deliver the last entries.
  await new Promise((res) => setTimeout(res, 100));
  obs.disconnect();
  await engine.disposeModel('bench');
  return {
    backend: info.backend,
    fallbackReason: info.fallbackReason,
    detail: info.detail,
    samplesPerSec: r.history[0]?.samplesPerSec ?? NaN,
    wallSamplesPerSec: samples / wall,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    events,
    eventsPerSec: events / wall,
    loss: r.history[0]?.loss ?? NaN,
  };
}

/** Starts wasm on this page (main thread) with `threads` XNNPACK threads (default: all cores). */
async function startWasm(threads?: number) {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const urls = await import('./wasm-urls');
  await import('../../src/core/train/wasm-kernels');
  // The app's own backend start (thread count, the tfjs thread cap worked around).
  const { initBackend } = await import('../../src/core/train/backend');
  await (initBackend as (b: 'wasm', o: { wasmPaths: Record<string, string>; threads?: number }) => Promise<unknown>)('wasm', { wasmPaths: urls.wasmPaths(SITE_ROOT), threads });
  await tf.ready();
  let n: number;
  try {
    n = wasm.getThreadsCount();
  } catch {
    n = 1;
  }
  const pt = (tf.backend() as unknown as { wasm?: { PThread?: { unusedWorkers: unknown[]; runningWorkers: unknown[] } } }).wasm?.PThread;
  (window as unknown as { benchPool: unknown }).benchPool = pt ? { unused: pt.unusedWorkers.length, running: pt.runningWorkers.length } : null;
  return { tf, threads: n };
}

async function benchPlain(modelId: string, samples: number, batchSize: number, threads?: number): Promise<PlainRun> {
  const { tf, threads: used } = await startWasm(threads);
  const { buildModel } = await import('../../src/core/model/build');
  const { fetchMnist } = await import('../../src/core/data/mnist');
  const { splitToTensors } = await import('../../src/core/data/tensors');
  const { epochOrder } = await import('../../src/core/train/loop');
  const data = await fetchMnist(SITE_ROOT);
  const train = splitToTensors(data.train);
  const model = buildModel(zooSpec(modelId), 1);
  const optimizer = tf.train.adam(LR);
  const order = tf.tensor1d(epochOrder(samples, 1, 0), 'int32');
  const vars = model.trainable();
  let lossSum: TF.Tensor = tf.scalar(0);
  const t0 = performance.now();
  for (let start = 0; start < samples; start += batchSize) {
    const size = Math.min(batchSize, samples - start);
    const next = tf.tidy(() => {
      const idx = order.slice(start, size);
      const x = tf.gather(train.xs, idx);
      const y = tf.oneHot(tf.gather(train.labels, idx), 10).toFloat();
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true })) as TF.Scalar, true, vars)!;
      return lossSum.add(loss.mul(size));
    });
    lossSum.dispose();
    lossSum = next;
  }
  const loss = lossSum.dataSync()[0] / samples;
  const secs = (performance.now() - t0) / 1000;
  tf.dispose([lossSum, order, train.xs, train.labels]);
  optimizer.dispose();
  model.dispose();
  return { samplesPerSec: samples / secs, loss, threads: used };
}

/** The engine's own code (base API + trainLoop) without the worker: isolates the worker's cost. */
async function benchEngineMain(modelId: string, samples: number, batchSize: number): Promise<PlainRun> {
  await import('@tensorflow/tfjs-backend-wasm');
  const urls = await import('./wasm-urls');
  const { workerConfig } = await import('../../src/worker/context');
  const { createBaseApi } = await import('../../src/worker/base');
  workerConfig.pageUrl = SITE_ROOT;
  workerConfig.wasmPaths = urls.wasmPaths(SITE_ROOT);
  const api = createBaseApi();
  await api.init('wasm');
  await api.loadData();
  await api.createModel('bench', zooSpec(modelId), 1);
  const r = await api.train('bench', { epochs: 1, batchSize, learningRate: LR, optimizer: 'adam', seed: 1, trainSamples: samples, evaluateEachEpoch: false });
  await api.disposeModel('bench');
  return { samplesPerSec: r.history[0]?.samplesPerSec ?? NaN, loss: r.history[0]?.loss ?? NaN };
}

export interface RateRow {
  what: string;
  gflops: number;
}

/** Best GFLOP/s of `run` (FLOPs per call) over a few timed calls after a warm-up. */
async function rate(tf: typeof TF, flops: number, run: () => TF.Tensor): Promise<number> {
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
  for (let i = 0; i < 20 && (i < 3 || spent < 300); i++) {
    const ms = once();
    best = Math.min(best, ms);
    spent += ms;
  }
  void tf;
  return flops / (best / 1000) / 1e9;
}

/**
 * The roofline: the wasm backend's matmul and conv GFLOP/s over a fixed set of shapes, and for each
 * zoo model the best rate for each weighted layer's own shape (batch 64, forward), from which a bound
 * on training samples/s follows (each layer's 3 passes — forward, dX, dW — at that rate).
 */
async function benchRoofline(modelIds: string[], batchSize: number) {
  const { tf, threads } = await startWasm();
  const { analyzeSpec } = await import('../../src/core/model/analyze');
  const rows: RateRow[] = [];
  const inputs: TF.Tensor[] = [];
  const rnd = (shape: number[]) => {
    const t = tf.randomNormal(shape);
    inputs.push(t);
    return t;
  };
  const matmul = async (m: number, k: number, n: number) => {
    const a = rnd([m, k]);
    const b = rnd([k, n]);
    return rate(tf, 2 * m * k * n, () => tf.matMul(a, b));
  };
  for (const [m, k, n] of [[1024, 1024, 1024], [64, 1152, 128], [4096, 25, 6], [64, 784, 128], [64, 400, 120], [256, 256, 256]]) {
    rows.push({ what: `matmul ${m}x${k}x${n}`, gflops: await matmul(m, k, n) });
  }
  for (const [h, cin, k, cout] of [[14, 6, 5, 16], [28, 1, 5, 6], [28, 32, 3, 32], [14, 32, 3, 64]]) {
    const x = rnd([batchSize, h, h, cin]);
    const f = rnd([k, k, cin, cout]);
    const oh = h - k + 1;
    rows.push({ what: `conv ${batchSize}x${h}x${h}x${cin} k${k} → ${cout} valid`, gflops: await rate(tf, 2 * batchSize * oh * oh * k * k * cin * cout, () => tf.conv2d(x as TF.Tensor4D, f as TF.Tensor4D, 1, 'valid')) });
  }
  const models: Record<string, { macsPerSample: number; trainFlopsPerSample: number; boundSamplesPerSec: number; layers: { layer: string; macs: number; gflops: number }[] }> = {};
  for (const id of modelIds) {
    const info = analyzeSpec(zooSpec(id));
    const layers: { layer: string; macs: number; gflops: number }[] = [];
    let secondsPerSample = 0;
    for (const l of info.layers) {
      if (!l.macs) continue;
      const spec = zooSpec(id).layers.find((x) => x.name === l.name) as { kernel?: number; stride?: number; padding?: 'same' | 'valid' };
      const [h, w, cin] = l.inputShapes[0];
      const cout = l.outputShape[l.outputShape.length - 1];
      const k = spec.kernel ?? 1;
      const s = spec.stride ?? 1;
      const pad = spec.padding ?? 'valid';
      let g: number;
      if (l.type === 'dense') {
        g = await matmul(batchSize, l.inputShapes[0][0], cout);
      } else if (l.type === 'conv2d') {
        const x = rnd([batchSize, h, w, cin]);
        const f = rnd([k, k, cin, cout]);
        g = await rate(tf, 2 * batchSize * l.macs, () => tf.conv2d(x as TF.Tensor4D, f as TF.Tensor4D, s, pad));
      } else if (l.type === 'depthwiseConv2d') {
        const x = rnd([batchSize, h, w, cin]);
        const f = rnd([k, k, cin, cout / cin]);
        g = await rate(tf, 2 * batchSize * l.macs, () => tf.depthwiseConv2d(x as TF.Tensor4D, f as TF.Tensor4D, s, pad));
      } else {
        continue;
      }
      layers.push({ layer: l.name, macs: l.macs, gflops: g });
      secondsPerSample += (3 * 2 * l.macs) / (g * 1e9);
    }
    models[id] = { macsPerSample: info.macs, trainFlopsPerSample: 6 * layers.reduce((a, l) => a + l.macs, 0), boundSamplesPerSec: 1 / secondsPerSample, layers };
  }
  tf.dispose(inputs);
  return { threads, rows, best: Math.max(...rows.map((r) => r.gflops)), models };
}

Object.assign(window, { benchApp, benchPlain, benchEngineMain, benchRoofline, benchReady: true });
