/**
 * Page side of the engine: `getEngine()` starts the worker once and returns a typed Comlink proxy.
 * This module imports no tfjs — the page's bundle stays small; tfjs lives in the worker chunk.
 *
 *   const engine = getEngine();
 *   await engine.train('baseline', settings, proxy((e) => ...));   // callbacks must be proxied
 *   await engine.setWeights('baseline', transferWeights(weights)); // hand over the buffers, no copy
 */
import * as Comlink from 'comlink';
import type { WeightSet } from '../core/model/spec';
import type { BaseEngineApi, EngineApi } from './protocol';

type LabNamespace = Exclude<keyof EngineApi, keyof BaseEngineApi>;

/**
 * The page's view of the worker. Comlink's proxy is path-based, so `engine.pruning.prune()` works at
 * run time; Comlink's own Remote<T> types a nested object as a promise, hence the mapped namespaces.
 */
export type Engine = Comlink.Remote<BaseEngineApi> & { [K in LabNamespace]: Comlink.Remote<EngineApi[K]> };

/** Worker methods that are not part of the lab-facing API. */
interface EngineInternals {
  configure(pageUrl: string): void;
}

let engine: Engine | null = null;
let worker: Worker | null = null;

export function getEngine(): Engine {
  if (engine) return engine;
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'tinyml-engine' });
  const remote = Comlink.wrap<EngineApi & EngineInternals>(worker);
  // Messages are ordered, so the data URL base is known before any loadData call.
  void remote.configure(document.baseURI);
  engine = remote as unknown as Engine;
  return engine;
}

/** Ends the worker (tests, or recovering from a crashed engine); the next getEngine() starts anew. */
export function terminateEngine(): void {
  if (engine) engine[Comlink.releaseProxy]();
  worker?.terminate();
  engine = null;
  worker = null;
}

/** Wrap a callback so the worker can call it (progress events). */
export const proxy = Comlink.proxy;
export const transfer = Comlink.transfer;

/** Marks a weight set's buffers as transferable (the caller must not use them afterwards). */
export function transferWeights(weights: WeightSet): WeightSet {
  return Comlink.transfer(weights, [...new Set(weights.map((w) => w.data.buffer as ArrayBuffer))]);
}
