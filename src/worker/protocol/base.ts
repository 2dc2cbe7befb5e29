/**
 * The base of the typed protocol between the page and the engine worker (Comlink): backend, data,
 * model slots, training, evaluation and jobs. Types only. Each lab's own namespace is declared in
 * its own file beside this one and listed once in ./index.ts (LabApis).
 *
 * Models live in named slots inside the worker (SLOTS in ./slots.ts), so labs can keep several
 * models at once without shipping weights back and forth.
 */
import type { CacheStats } from '../../core/cache/lru';
import type { ModelSpec, WeightSet } from '../../core/model/spec';
import type { LoopBatchEvent, LoopEpochEvent, OptimizerName, TrainSettings } from '../../core/train/loop';

export type BackendName = 'wasm' | 'webgl' | 'cpu' | 'webgpu';
export type { OptimizerName };

export interface BackendInfo {
  /** The backend actually in use. */
  backend: BackendName;
  requested: BackendName;
  /** Why the requested backend could not be used, when it could not. */
  fallbackReason?: string;
  /** Optional detail on the backend in use, e.g. "SIMD, 1 thread" for wasm. */
  detail?: string;
}

export interface DataInfo {
  train: number;
  test: number;
}

export type { TrainSettings };

/** Progress events are the training loop's own (src/core/train/loop.ts), passed through throttled. */
export type BatchEvent = LoopBatchEvent;
export type EpochEvent = LoopEpochEvent;

export type TrainEvent = BatchEvent | EpochEvent;

export interface TrainResult {
  /** True when stop() ended the run early. */
  stopped: boolean;
  epochsDone: number;
  testAccuracy: number;
  testLoss: number;
  history: EpochEvent[];
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  /** confusion[true][predicted], 10x10 counts over the test split. */
  confusion: number[][];
  /** Up to 24 misclassified test samples. */
  misclassified: { index: number; label: number; predicted: number; confidence: number }[];
}

/**
 * One of the worker's bounded caches (trained NAS weights, shelf undo, model slots), as the
 * diagnostics show it. maxEntries null: one entry per named model slot.
 */
export type CacheInfo = Omit<CacheStats, 'maxEntries'> & { maxEntries: number | null };

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  backend: BackendName;
  caches: CacheInfo[];
}

export interface SavedBaseline {
  spec: ModelSpec;
  testAccuracy: number;
  savedAt: string;
}

export interface TestSamples {
  /** n x 784 floats in [0, 1]. */
  pixels: Float32Array;
  labels: Uint8Array;
}

/** Progress callbacks are Comlink proxies; the worker throttles batch events to <= 10 per second. */
export interface BaseEngineApi {
  /** `threads`: wasm threads (undefined: one per physical core); applies only before wasm first starts. */
  init(backend: BackendName, threads?: number): Promise<BackendInfo>;
  /** Loads MNIST once per worker; later calls return at once. */
  loadData(onProgress?: (loaded: number, total: number) => void): Promise<DataInfo>;
  /** Builds a fresh model from the spec in a slot (disposing what was there), seeded init. */
  createModel(slot: string, spec: ModelSpec, seed: number, weights?: WeightSet): Promise<void>;
  hasModel(slot: string): Promise<boolean>;
  disposeModel(slot: string): Promise<void>;
  train(slot: string, settings: TrainSettings, onEvent?: (e: TrainEvent) => void): Promise<TrainResult>;
  /**
   * Page-side jobs (src/store/jobs.ts) announce their id before their calls and retire it after, so
   * stop(jobId) stops that job only — a late Stop can never end the next job.
   */
  beginJob(jobId: string): Promise<void>;
  endJob(jobId: string): Promise<void>;
  /** Aborts the job with this id (training, sweeps, searches); it resolves with what it has. */
  stop(jobId: string): Promise<void>;
  evaluate(slot: string): Promise<EvalResult>;
  /** Class probabilities for one 28x28 image given as 784 floats in [0, 1]. */
  predict(slot: string, pixels: Float32Array): Promise<number[]>;
  getWeights(slot: string): Promise<WeightSet>;
  setWeights(slot: string, weights: WeightSet): Promise<void>;
  /** Copies a slot's spec + weights into another slot. */
  copyModel(from: string, to: string): Promise<void>;
  /**
   * Persists a slot as the baseline (IndexedDB) so reloads and other labs can use it, and saves it to
   * the model shelf as a version (with the link that reproduces it and, e.g. for a seeded search, its parent).
   */
  saveBaseline(slot: string, testAccuracy: number, origin?: { settingsLink?: string; parentId?: string | null }): Promise<SavedBaseline>;
  /** Loads the saved baseline into slot "baseline"; null when none is saved. */
  loadBaseline(): Promise<SavedBaseline | null>;
  testSamples(indices: number[]): Promise<TestSamples>;
  memory(): Promise<MemoryInfo>;
}
