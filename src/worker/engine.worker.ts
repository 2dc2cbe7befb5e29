/**
 * The engine worker's entry: owns tfjs, exposes the engine over Comlink. A lab with a worker
 * namespace adds one line to `api` below (type-checked against LabApis in protocol/index.ts).
 */
import { expose, proxy } from 'comlink';
import '@tensorflow/tfjs-backend-wasm';
// Ship the wasm binaries as our own assets (no CDN): Vite copies them and gives their URLs.
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createBaseApi } from './base';
import { workerConfig } from './context';
import { deployApi } from './deploy';
import { distillationApi } from './distillation';
import { nasApi } from './nas';
import { pruningApi } from './pruning';
import { quantizationApi } from './quantization';
import { timeSeriesApi } from './time-series';
import { shelfApi } from './shelf';
import { tsVersionsApi } from './ts-version-labs';
import { recordingsApi } from './recordings';
import type { EngineApi } from './protocol';

workerConfig.wasmPaths = {
  'tfjs-backend-wasm.wasm': new URL(wasmUrl, self.location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, self.location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimdUrl, self.location.href).href,
};

const api: EngineApi = {
  ...createBaseApi(),
  deploy: proxy(deployApi),
  distillation: proxy(distillationApi),
  nas: proxy(nasApi),
  pruning: proxy(pruningApi),
  quantization: proxy(quantizationApi),
  timeSeries: proxy(timeSeriesApi),
  shelf: proxy(shelfApi),
  tsVersions: proxy(tsVersionsApi),
  recordings: proxy(recordingsApi),
};

const internals = {
  /** Called once by client.ts: the page's base URL, for fetching data/ files. */
  configure(pageUrl: string) {
    workerConfig.pageUrl = pageUrl;
  },
  /** Echoes the page's pings (client.ts): an answer proves this thread is not stuck. */
  heartbeat(port: MessagePort) {
    port.onmessage = (e: MessageEvent) => port.postMessage(e.data);
  },
};

expose({ ...api, ...internals });
