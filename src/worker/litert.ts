/**
 * Runs a float32-interface .tflite in LiteRT.js (@litertjs/core) and recovers the int8 outputs of its
 * last int8 tensor exactly from the DEQUANTIZE'd floats: q = round(y / scale) + zero_point.
 * The wasm runtime is served from the app's own origin (Vite `?url` assets), loaded on first use
 * only (dynamic import), so no other page pays for its ~9 MB.
 *
 * LiteRT.js loads its emscripten glue with importScripts() in a worker, which a module worker does
 * not allow; the glue is a classic script, so it is fetched synchronously and evaluated at global
 * scope instead (what importScripts does). Works in the page too (there it adds a <script>).
 */
import jsUrl from '@litertjs/core/wasm/litert_wasm_compat_internal.js?url';
import wasmUrl from '@litertjs/core/wasm/litert_wasm_compat_internal.wasm?url';
import type { IoQuant } from '../core/export';

type LiteRt = typeof import('@litertjs/core');
let loading: Promise<LiteRt> | null = null;

function inModuleWorker(): boolean {
  return typeof document === 'undefined' && typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}

async function load(): Promise<LiteRt> {
  const lib = await import('@litertjs/core');
  const g = globalThis as unknown as { importScripts?: (u: string) => void; Module?: unknown };
  const abs = (u: string) => new URL(u, (globalThis as { location?: Location }).location?.href).href;
  const original = g.importScripts;
  if (inModuleWorker()) {
    g.importScripts = (url: string) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, false);
      xhr.send();
      if (xhr.status !== 200) throw new Error(`could not fetch ${url} (HTTP ${xhr.status})`);
      (0, eval)(xhr.responseText);
    };
  }
  // The glue looks for its .wasm next to itself; Vite renamed it, so say where it is. Its log goes to
  // stderr (console.error) even for INFO lines: keep those off the error console, failures still throw.
  g.Module = {
    locateFile: (f: string) => (f.endsWith('.wasm') ? abs(wasmUrl) : f),
    print: (t: string) => console.debug(`[LiteRT] ${t}`),
    printErr: (t: string) => (/^(INFO|WARNING|VERBOSE)\b/.test(t) ? console.debug : console.warn)(`[LiteRT] ${t}`),
  };
  try {
    await lib.loadLiteRt(abs(jsUrl));
  } finally {
    if (inModuleWorker() || original) g.importScripts = original;
  }
  return lib;
}

export function loadLiteRtOnce(): Promise<LiteRt> {
  loading ??= load().catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** int8 outputs (count × outSize) of the float-I/O model on `count` images of `pixels`. */
export async function runFloatTwin(
  bytes: Uint8Array,
  pixels: Float32Array,
  count: number,
  io: IoQuant,
  opts: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<{ outputs: Int32Array; version: string; msPerInput: number }> {
  const lib = await loadLiteRtOnce();
  const model = await lib.loadAndCompile(bytes, { accelerator: 'wasm' });
  const inSize = io.inputShape.reduce((a, b) => a * b, 1);
  const outSize = io.outputShape.reduce((a, b) => a * b, 1);
  const outputs = new Int32Array(count * outSize);
  // Time spent per inference: the input tensor in, run, the output read back (not the compile).
  let runMs = 0;
  try {
    for (let i = 0; i < count; i++) {
      if (opts.signal?.aborted) throw new Error('stopped');
      const t0 = performance.now();
      const input = new lib.Tensor(pixels.slice(i * inSize, (i + 1) * inSize), io.inputShape);
      const result = await model.run(input);
      input.delete();
      const y = result[0].toTypedArray() as Float32Array;
      runMs += performance.now() - t0;
      for (let k = 0; k < outSize; k++) {
        const q = Math.round(y[k] / io.outputScale) + io.outputZeroPoint;
        outputs[i * outSize + k] = Math.max(-128, Math.min(127, q));
      }
      for (const t of result) t.delete();
      if (i % 200 === 199) opts.onProgress?.(i + 1);
    }
  } finally {
    model.delete();
  }
  return { outputs, version: 'LiteRT.js (@litertjs/core, XNNPACK on wasm)', msPerInput: runMs / Math.max(1, count) };
}
