/**
 * Backend initialisation with fallback: the requested backend first, then wasm → webgl → cpu. The
 * result says which one runs and why the requested one could not (shown to the user).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import './wasm-kernels';
import { wasmThreadCount } from './threads';

export type BackendName = 'wasm' | 'webgl' | 'cpu' | 'webgpu';
/** The fallback order. webgpu is never a fallback: it is used only when asked for (and available). */
export const BACKENDS: BackendName[] = ['wasm', 'webgl', 'cpu'];

export interface BackendInit {
  backend: BackendName;
  requested: BackendName;
  fallbackReason?: string;
  /** e.g. "SIMD, 1 thread" for wasm — what the speed depends on. */
  detail?: string;
}

export interface BackendOptions {
  /** URLs of the wasm binaries (the worker passes Vite asset URLs so nothing loads from a CDN). */
  wasmPaths?: Record<string, string>;
  /**
   * XNNPACK threads (more than 1 only when the page is cross-origin isolated); default:
   * wasmThreadCount(). 1 loads the plain SIMD build, more the threaded one. Takes effect only before
   * the wasm backend first starts (a new worker applies a new count).
   */
  threads?: number;
}

let wasmPathsSet = false;
let wasmStarted = false;
/** Whether the wasm backend's thread count was left to wasmThreadCount() when it started. */
let startedAuto = true;

/**
 * Whether the page can use SharedArrayBuffer (threads): it must be cross-origin isolated, which needs
 * the COOP/COEP headers (vite.config.ts, docs/deploy-headers.md, or public/coi-sw.js).
 */
export function isolationState(): { isolated: boolean; reason?: string } {
  const g = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };
  if (g.crossOriginIsolated === true && typeof g.SharedArrayBuffer === 'function') return { isolated: true };
  if (g.crossOriginIsolated === undefined) return { isolated: false, reason: 'not a browser page' };
  return { isolated: false, reason: 'page not cross-origin isolated (COOP/COEP headers missing)' };
}

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at navigator.hardwareConcurrency / 2 (read once, when
 * the module starts), assuming two hyperthreads per core — so a 2-core machine gets 1 thread whatever
 * setThreadsCount asks. While the wasm module starts we report 2 × the requested count, so the cap
 * lets the requested count through; the real value is restored right after.
 */
async function withConcurrencyFor<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator as (Navigator & { hardwareConcurrency: number }) | undefined;
  if (!nav || !isolationState().isolated || threads <= Math.floor((nav.hardwareConcurrency || 1) / 2)) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/**
 * The webgpu backend is registered only when asked for (its code stays out of every other run), and
 * only after the same adapter check as the page's probe (store/backend-probe.ts), so the fallback
 * reason says "no GPU adapter" instead of a tfjs stack trace.
 */
async function prepareWebGpu(): Promise<void> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) throw new Error('no WebGPU in this browser');
  if (!(await gpu.requestAdapter())) throw new Error('no GPU adapter');
  await import('@tensorflow/tfjs-backend-webgpu');
}

async function tryBackend(name: BackendName, threads: number): Promise<void> {
  if (name === 'webgpu') await prepareWebGpu();
  const ok = await (name === 'wasm' && !wasmStarted ? withConcurrencyFor(threads, () => tf.setBackend(name)) : tf.setBackend(name));
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  // A backend can register yet fail on first use (e.g. webgl without a GPU context): run one op.
  tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
}

/**
 * Why the engine runs on one thread: the page cannot share memory, or one thread was asked for (the
 * plain SIMD build then loads: tfjs would otherwise start its threaded build even for one thread,
 * which measured slower to start — the bench's "first training report").
 */
function singleThreadReason(): string {
  const iso = isolationState();
  if (!iso.isolated) return iso.reason ?? 'no threaded wasm here';
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return startedAuto ? `auto: 1 thread on ${cores} cores` : '1 thread asked';
}

/** e.g. "threaded SIMD build, 4 threads" or "SIMD, 1 thread (page not cross-origin isolated …)". */
async function describe(name: BackendName): Promise<string | undefined> {
  if (name !== 'wasm') return undefined;
  try {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    let threads = 1;
    try {
      threads = getThreadsCount();
    } catch {
      threads = 1;
    }
    const why = mt ? '' : ` (${singleThreadReason()})`;
    const build = simd ? (mt ? 'threaded SIMD build' : 'SIMD') : 'no SIMD';
    return `${build}, ${threads} thread${threads === 1 ? '' : 's'}${why}`;
  } catch {
    return undefined;
  }
}

export async function initBackend(requested: BackendName, opts: BackendOptions = {}): Promise<BackendInit> {
  if (opts.wasmPaths && !wasmPathsSet) {
    setWasmPaths(opts.wasmPaths);
    wasmPathsSet = true;
  }
  // The thread pool is created once, when the wasm backend first starts.
  const threads = Math.max(1, Math.min(8, Math.round(opts.threads ?? wasmThreadCount())));
  if (!wasmStarted) {
    setThreadsCount(threads);
    startedAuto = opts.threads === undefined;
    // tfjs picks its threaded build whenever SharedArrayBuffer is there, even for one thread.
    if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  // engine().backendName, not tf.getBackend(): the latter would first start the default backend.
  if (tf.engine().backendName === requested) return { backend: requested, requested, detail: await describe(requested) };
  const reasons: string[] = [];
  for (const name of [requested, ...BACKENDS.filter((b) => b !== requested)]) {
    try {
      await tryBackend(name, threads);
      if (name === 'wasm') wasmStarted = true;
      return {
        backend: name,
        requested,
        fallbackReason: name === requested ? undefined : reasons.join('; '),
        detail: await describe(name),
      };
    } catch (e) {
      reasons.push(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no tfjs backend could start (${reasons.join('; ')})`);
}
