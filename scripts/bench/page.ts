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

async function benchPlain(modelId: string, samples: number, batchSize: number): Promise<PlainRun> {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const urls = await import('./wasm-urls');
  await import('../../src/core/train/wasm-kernels');
  const { buildModel } = await import('../../src/core/model/build');
  const { fetchMnist } = await import('../../src/core/data/mnist');
  const { splitToTensors } = await import('../../src/core/data/tensors');
  const { epochOrder } = await import('../../src/core/train/loop');
  wasm.setWasmPaths(urls.wasmPaths(document.baseURI));
  await tf.setBackend('wasm');
  await tf.ready();
  const data = await fetchMnist(document.baseURI);
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
  return { samplesPerSec: samples / secs, loss };
}

/** The engine's own code (base API + trainLoop) without the worker: isolates the worker's cost. */
async function benchEngineMain(modelId: string, samples: number, batchSize: number): Promise<PlainRun> {
  await import('@tensorflow/tfjs-backend-wasm');
  const urls = await import('./wasm-urls');
  const { workerConfig } = await import('../../src/worker/context');
  const { createBaseApi } = await import('../../src/worker/base');
  workerConfig.pageUrl = document.baseURI;
  workerConfig.wasmPaths = urls.wasmPaths(document.baseURI);
  const api = createBaseApi();
  await api.init('wasm');
  await api.loadData();
  await api.createModel('bench', zooSpec(modelId), 1);
  const r = await api.train('bench', { epochs: 1, batchSize, learningRate: LR, optimizer: 'adam', seed: 1, trainSamples: samples, evaluateEachEpoch: false });
  await api.disposeModel('bench');
  return { samplesPerSec: r.history[0]?.samplesPerSec ?? NaN, loss: r.history[0]?.loss ?? NaN };
}

Object.assign(window, { benchApp, benchPlain, benchEngineMain, benchReady: true });
