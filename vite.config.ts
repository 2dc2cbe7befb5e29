/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './scripts/csp';

/**
 * Cross-origin isolation (COOP + COEP) lets the worker use SharedArrayBuffer, so tfjs picks its
 * threaded SIMD wasm build and trains on every core. Static hosts need the same two headers
 * (docs/deploy-headers.md); where they cannot be set, public/coi-sw.js adds them.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * tfjs-backend-wasm starts its pthreads from `factory.toString()`, but the threaded factory reads
 * `_scriptDir` from the closure that wraps it, so each thread died with "ReferenceError: _scriptDir
 * (minified: e) is not defined" and training hung. Declaring it inside the function makes the source
 * self-contained; the value only matters for locating files, which tfjs overrides anyway.
 */
function selfContainedWasmThreads(): Plugin {
  const head = 'function(WasmBackendModuleThreadedSimd) {\n  WasmBackendModuleThreadedSimd = WasmBackendModuleThreadedSimd || {};';
  return {
    name: 'tinyml:self-contained-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      if (!code.includes(head)) this.error('tfjs-backend-wasm changed: the threaded factory prologue was not found');
      return { code: code.replace(head, `${head}\n  var _scriptDir = typeof self !== 'undefined' && self.location ? self.location.href : undefined;`), map: null };
    },
  };
}

// base './' so the built app works from any static sub-path; routes use the hash.
export default defineConfig({
  base: './',
  plugins: [react(), selfContainedWasmThreads(), contentSecurityPolicy()],
  worker: { format: 'es', plugins: () => [selfContainedWasmThreads()] },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: isolation },
  preview: { port: 4173, strictPort: true, headers: isolation },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
