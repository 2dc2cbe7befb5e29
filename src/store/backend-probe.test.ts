import { describe, expect, it } from 'vitest';
import { backendOptionLabel, describeWebGpu, NO_ADAPTER, NO_WEBGPU, probeWebGpu, SOFTWARE_ADAPTER, type GpuLike } from './backend-probe';

const gpu = (adapter: unknown): GpuLike => ({ requestAdapter: () => Promise.resolve(adapter as null) });

describe('probeWebGpu', () => {
  it('says there is no adapter when requestAdapter gives none (headless Chromium here)', async () => {
    const p = await probeWebGpu(gpu(null));
    expect(p).toEqual({ state: 'unavailable', reason: NO_ADAPTER });
    expect(describeWebGpu(p)).toBe('not available: no GPU adapter');
    expect(backendOptionLabel('webgpu', p)).toBe('webgpu (no GPU adapter: falls back to wasm)');
  });

  it('says the browser has no WebGPU when navigator.gpu is missing', async () => {
    expect(await probeWebGpu(undefined)).toEqual({ state: 'unavailable', reason: NO_WEBGPU });
  });

  it('refuses a software fallback adapter and reports a failing request without throwing', async () => {
    expect(await probeWebGpu(gpu({ isFallbackAdapter: true }))).toEqual({ state: 'unavailable', reason: SOFTWARE_ADAPTER });
    const failing: GpuLike = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) };
    expect(await probeWebGpu(failing)).toEqual({ state: 'unavailable', reason: 'the adapter request failed (GPU process crashed)' });
  });

  it('offers a real adapter by name and leaves the other backends’ labels alone', async () => {
    const p = await probeWebGpu(gpu({ info: { vendor: 'nvidia', architecture: 'ampere', description: '' } }));
    expect(p).toEqual({ state: 'available', adapter: 'nvidia ampere' });
    expect(backendOptionLabel('webgpu', p)).toBe('webgpu');
    expect(backendOptionLabel('wasm', { state: 'unavailable', reason: NO_ADAPTER })).toBe('wasm');
  });
});
