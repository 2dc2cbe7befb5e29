import { afterAll, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend } from './backend';

describe('initBackend', () => {
  afterAll(async () => {
    await tf.setBackend('wasm');
  });

  it('starts the requested backend when it works', async () => {
    const info = await initBackend('cpu');
    expect(info).toMatchObject({ backend: 'cpu', requested: 'cpu' });
    expect(info.fallbackReason).toBeUndefined();
    expect(tf.getBackend()).toBe('cpu');
  });

  it('falls back to the next backend and says why (webgl has no GL context in Node)', async () => {
    const info = await initBackend('webgl');
    expect(info.requested).toBe('webgl');
    expect(info.backend).toBe('wasm');
    expect(info.fallbackReason).toMatch(/^webgl failed: /);
    expect(tf.getBackend()).toBe('wasm');
    expect(info.detail).toMatch(/SIMD/);
  });

  it('webgpu without an adapter falls back to wasm and says "no GPU adapter" (headless Chromium here)', async () => {
    await initBackend('cpu');
    vi.stubGlobal('navigator', { hardwareConcurrency: 2, gpu: { requestAdapter: () => Promise.resolve(null) } });
    try {
      const info = await initBackend('webgpu');
      expect(info).toMatchObject({ backend: 'wasm', requested: 'webgpu', fallbackReason: 'webgpu failed: no GPU adapter' });
      expect(tf.getBackend()).toBe('wasm');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('webgpu in a browser without navigator.gpu falls back and says so', async () => {
    await initBackend('cpu');
    const info = await initBackend('webgpu');
    expect(info.backend).toBe('wasm');
    expect(info.fallbackReason).toBe('webgpu failed: no WebGPU in this browser');
  });

  it('returns at once when the requested backend already runs', async () => {
    await initBackend('wasm');
    const info = await initBackend('wasm');
    expect(info).toMatchObject({ backend: 'wasm', requested: 'wasm' });
  });
});

describe('threads', () => {
  it('asks for one thread per physical core (half the logical ones), at least 1 and at most 8', async () => {
    const { wasmThreadCount } = await import('./threads');
    expect(wasmThreadCount(8)).toBe(4);
    expect(wasmThreadCount(2)).toBe(1);
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(64)).toBe(8);
  });

  it('reports one thread and why when the page is not cross-origin isolated', async () => {
    const { initBackend, isolationState } = await import('./backend');
    expect(isolationState().isolated).toBe(false);
    const g = globalThis as { crossOriginIsolated?: boolean };
    g.crossOriginIsolated = false;
    try {
      expect(isolationState()).toEqual({ isolated: false, reason: expect.stringMatching(/COOP\/COEP/) });
      await tf.setBackend('cpu');
      const info = await initBackend('wasm');
      expect(info.detail).toMatch(/^SIMD, 1 thread \(/);
    } finally {
      delete g.crossOriginIsolated;
    }
  });
});
