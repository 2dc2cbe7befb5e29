/**
 * Page side of the engine: `getEngine()` starts the worker once and returns a typed Comlink proxy.
 * This module imports no tfjs — the page's bundle stays small; tfjs lives in the worker chunk.
 *
 *   const engine = getEngine();
 *   await engine.train(SLOTS.train, settings, proxy((e) => ...));  // callbacks must be proxied
 *   await engine.pruning.prune(request);                            // a lab's namespace
 *
 * If the worker dies (an uncaught error, out of memory) or hangs (no answer to the heartbeat for
 * 30 s, heartbeat.ts), it is terminated, the listeners of `onEngineCrash` hear about it and the
 * next getEngine() starts a fresh worker.
 */
import * as Comlink from 'comlink';
import type { WeightSet } from '../core/model/spec';
import { startHeartbeat, type Heartbeat } from './heartbeat';
import type { EngineApi } from './protocol';

/** Worker methods that are not part of the lab-facing API. */
interface EngineInternals {
  configure(pageUrl: string): void;
  /** The worker echoes every message on this port (hang detection, heartbeat.ts). */
  heartbeat(port: MessagePort): void;
}

export type Engine = Comlink.Remote<EngineApi>;

let engine: Comlink.Remote<EngineApi & EngineInternals> | null = null;
let worker: Worker | null = null;
let heartbeat: Heartbeat | null = null;
const crashListeners = new Set<(reason: string) => void>();

export function getEngine(): Engine {
  if (engine) return engine;
  const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'tinyml-engine' });
  worker = w;
  w.addEventListener('error', (e) => crashed(w, e.message || 'the engine worker stopped with an error'));
  w.addEventListener('messageerror', () => crashed(w, 'a message from the engine worker could not be read'));
  const remote = Comlink.wrap<EngineApi & EngineInternals>(w);
  // Messages are ordered, so the data URL base is known before any loadData call.
  void remote.configure(document.baseURI);
  heartbeat = watchForHang(w, remote);
  engine = remote;
  return engine;
}

/** Pings the worker on a channel of its own; one that stops answering is treated as crashed. */
function watchForHang(w: Worker, remote: Comlink.Remote<EngineInternals>): Heartbeat | null {
  if (typeof MessageChannel === 'undefined') return null;
  const channel = new MessageChannel();
  const beat = startHeartbeat({
    send: (n) => channel.port1.postMessage(n),
    onHang: (ms) => crashed(w, `it stopped answering for ${Math.round(ms / 1000)} s — a computation never finished`),
  });
  channel.port1.onmessage = (e: MessageEvent<number>) => beat.answered(e.data);
  void remote.heartbeat(Comlink.transfer(channel.port2, [channel.port2]));
  return beat;
}

function crashed(w: Worker, reason: string): void {
  if (worker !== w) return; // an old worker's last words
  heartbeat?.stop();
  heartbeat = null;
  w.terminate();
  engine = null;
  worker = null;
  for (const l of crashListeners) l(reason);
}

/** Called when the worker dies; returns an unsubscribe function. */
export function onEngineCrash(listener: (reason: string) => void): () => void {
  crashListeners.add(listener);
  return () => crashListeners.delete(listener);
}

/** Wrap a callback so the worker can call it (progress events). */
export const proxy = Comlink.proxy;
export const transfer = Comlink.transfer;

/** Marks a weight set's buffers as transferable (the caller must not use them afterwards). */
export function transferWeights(weights: WeightSet): WeightSet {
  return Comlink.transfer(weights, [...new Set(weights.map((w) => w.data.buffer as ArrayBuffer))]);
}
