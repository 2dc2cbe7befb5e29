/**
 * Worker-internal state shared by the base API (base.ts) and every lab namespace (pruning.ts, ...):
 * model slots, the loaded MNIST data (raw bytes + resident tensors), the long-job runner that owns the
 * AbortController `stop()` aborts, and a throttle for progress callbacks.
 *
 * Lab modules use it like:
 *   const { model } = getSlot('baseline');
 *   const { tensors } = getData();
 *   return runJob('pruning sweep', async (signal) => { ... if (signal.aborted) break; ... });
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../core/model/build';
import type { ModelSpec, WeightSet } from '../core/model/spec';
import type { TfModel } from '../core/model/tf-model';
import { fetchMnist, type MnistData, type ProgressFn } from '../core/data/mnist';
import { mnistToTensors, type MnistTensors } from '../core/data/tensors';
import type { CacheInfo } from './protocol/base';

// ---------------------------------------------------------------- configuration (set by the entry)

export const workerConfig: {
  /** Base URL of the app page; data/ files are fetched relative to it. */
  pageUrl: string;
  /** Asset URLs of the tfjs wasm binaries (Vite `?url` imports in engine.worker.ts). */
  wasmPaths?: Record<string, string>;
} = { pageUrl: typeof location !== 'undefined' ? location.href : 'http://localhost/' };

// ---------------------------------------------------------------- model slots

export interface Slot {
  spec: ModelSpec;
  model: TfModel;
  /** The seed the model was initialised with. */
  seed: number;
}

const slots = new Map<string, Slot>();

export function hasSlot(name: string): boolean {
  return slots.has(name);
}

export function getSlot(name: string): Slot {
  const s = slots.get(name);
  if (!s) throw new Error(`there is no model in slot "${name}" (create or load one first)`);
  return s;
}

/** Builds a model into a slot (disposing the previous one), optionally with given weights. */
export function createSlot(name: string, spec: ModelSpec, seed: number, weights?: WeightSet): Slot {
  const model = buildModel(spec, seed);
  try {
    if (weights) model.setWeights(weights);
  } catch (e) {
    model.dispose();
    throw e;
  }
  disposeSlot(name);
  const slot = { spec, model, seed };
  slots.set(name, slot);
  return slot;
}

/** Puts an already built model into a slot (the slot takes ownership). */
export function putSlot(name: string, model: TfModel, seed: number): Slot {
  if (slots.get(name)?.model !== model) disposeSlot(name);
  const slot = { spec: model.spec, model, seed };
  slots.set(name, slot);
  return slot;
}

export function disposeSlot(name: string): void {
  const s = slots.get(name);
  if (s) {
    s.model.dispose();
    slots.delete(name);
  }
}


// ---------------------------------------------------------------- data

let raw: MnistData | null = null;
let tensors: MnistTensors | null = null;
let loading: Promise<MnistData> | null = null;

/** Loads MNIST once per worker (concurrent callers share the download). */
export async function ensureData(onProgress?: ProgressFn): Promise<MnistData> {
  if (raw && tensors) return raw;
  loading ??= fetchMnist(workerConfig.pageUrl, onProgress).finally(() => {
    loading = null;
  });
  const data = await loading;
  if (!raw) {
    raw = data;
    tensors = mnistToTensors(data);
  }
  return raw;
}

/** Installs data directly (Node tests read the files from disk). */
export function setData(data: MnistData): void {
  tensors?.dispose();
  raw = data;
  tensors = mnistToTensors(data);
}

export function getData(): { raw: MnistData; tensors: MnistTensors } {
  if (!raw || !tensors) throw new Error('MNIST is not loaded yet (call loadData first)');
  return { raw, tensors };
}

// ---------------------------------------------------------------- long jobs

let job: { id: string | null; name: string; controller: AbortController } | null = null;

/**
 * The page's job id (src/store/jobs.ts) announced before the calls that make up one page-side job;
 * worker jobs started while it is set carry it, so `stopJob(id)` stops that job and no other.
 */
let announced: string | null = null;
/** Ids stopped while no worker job of theirs ran (between two calls of one page job); bounded. */
const stopped = new Set<string>();

export function beginJob(id: string): void {
  announced = id;
}

export function endJob(id: string): void {
  if (announced === id) announced = null;
  stopped.delete(id);
}

/**
 * Runs one long job (training, sweep, search) at a time; `stopJob()` aborts its signal. A job
 * must check `signal.aborted` between steps and resolve with what it has.
 */
export async function runJob<T>(name: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (job) throw new Error(`the engine is busy with "${job.name}"; stop it first`);
  const mine = { id: announced, name, controller: new AbortController() };
  if (mine.id !== null && stopped.has(mine.id)) mine.controller.abort();
  job = mine;
  try {
    return await fn(mine.controller.signal);
  } finally {
    if (job === mine) job = null;
  }
}

/** Stops the job with this page id (or, without an id, whatever runs). */
export function stopJob(id?: string): void {
  if (id === undefined || job?.id === id) job?.controller.abort();
  if (id !== undefined) {
    if (stopped.size > 64) stopped.clear();
    stopped.add(id);
  }
}

export function currentJob(): string | null {
  return job?.name ?? null;
}

// ---------------------------------------------------------------- progress throttle

export interface Throttle<E> {
  /** Sends now if the interval has passed (or `force`), else keeps it as the pending latest event. */
  push(e: E, force?: boolean): void;
  /** Sends the pending event, if any (call at the end of a job). */
  flush(): void;
}

/**
 * At most one event per `intervalMs` (default 100 ms, ≤ 10/s); the latest skipped event is sent when
 * the next slot opens or on flush, and forced events (epoch ends, the last step) always go through.
 */
export function throttle<E>(emit: ((e: E) => void) | undefined, intervalMs = 100): Throttle<E> {
  let last = -Infinity;
  let pending: { e: E } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (e: E) => {
    last = performance.now();
    pending = null;
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      emit?.(e);
    } catch {
      /* a closed page-side proxy must not kill the job */
    }
  };
  return {
    push(e, force = false) {
      if (!emit) return;
      if (force || performance.now() - last >= intervalMs) send(e);
      else {
        pending = { e };
        timer ??= setTimeout(() => pending && send(pending.e), Math.max(0, intervalMs - (performance.now() - last)));
      }
    },
    flush() {
      if (pending) send(pending.e);
    },
  };
}

// ---------------------------------------------------------------- caches (diagnostics)

const cacheReaders: (() => CacheInfo)[] = [
  () => {
    let bytes = 0;
    for (const { model } of slots.values()) for (const v of model.trainable()) bytes += v.size * 4;
    return { name: 'Engine slots', entries: slots.size, maxEntries: null, bytes, maxBytes: null, evicted: 0 };
  },
];

/** A worker module's cache, listed in the diagnostics (every cache that holds tensors or data must be bounded). */
export function registerCache(read: () => CacheInfo): void {
  cacheReaders.push(read);
}

export function cacheInfos(): CacheInfo[] {
  return cacheReaders.map((read) => read());
}

/** Tensor count for leak checks and the diagnostics bar. */
export function memorySnapshot(): { numTensors: number; numBytes: number; backend: string } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend() };
}
