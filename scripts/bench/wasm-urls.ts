/** The tfjs wasm binaries as Vite assets (same as the worker does), for the main-thread baseline. */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export function wasmPaths(base: string): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmUrl, base).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, base).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimdUrl, base).href,
  };
}
