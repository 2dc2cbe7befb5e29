/**
 * Backend initialisation with fallback: the requested backend first, then wasm → webgl → cpu. The
 * result says which one runs and why the requested one could not (shown to the user).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import './wasm-kernels';

export type BackendName = 'wasm' | 'webgl' | 'cpu';
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
}

let wasmPathsSet = false;

async function tryBackend(name: BackendName): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  // A backend can register yet fail on first use (e.g. webgl without a GPU context): run one op.
  tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
}

async function describe(name: BackendName): Promise<string | undefined> {
  if (name !== 'wasm') return undefined;
  try {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'multi-threaded' : '1 thread'}`;
  } catch {
    return undefined;
  }
}

export async function initBackend(requested: BackendName, opts: BackendOptions = {}): Promise<BackendInit> {
  if (opts.wasmPaths && !wasmPathsSet) {
    setWasmPaths(opts.wasmPaths);
    wasmPathsSet = true;
  }
  // engine().backendName, not tf.getBackend(): the latter would first start the default backend.
  if (tf.engine().backendName === requested) return { backend: requested, requested, detail: await describe(requested) };
  const reasons: string[] = [];
  for (const name of [requested, ...BACKENDS.filter((b) => b !== requested)]) {
    try {
      await tryBackend(name);
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
