/**
 * WebGPU probe (issue 18): whether this browser can give tfjs a GPU, and if not, why not — shown in the
 * diagnostics bar ("WebGPU") and beside the "webgpu" choice of the Backend setting. The probe only asks
 * for an adapter (navigator.gpu.requestAdapter()); it does not start tfjs on it. Headless Chromium on
 * the team's machines has navigator.gpu but no adapter, so the fallback path is what tests see.
 *
 * The worker makes the same check before it starts the webgpu backend (core/train/backend.ts), so a
 * "webgpu" setting without an adapter falls back to wasm with this reason.
 */
import { create } from 'zustand';

export type WebGpuProbe =
  | { state: 'checking' }
  | { state: 'available'; adapter: string }
  | { state: 'unavailable'; reason: string };

/** The parts of navigator.gpu the probe uses (a fake in tests). */
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}
interface AdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string };
  isFallbackAdapter?: boolean;
}

// Short reasons (shown in the bar); WHY_NOT explains each one (shown as its tooltip).
export const NO_WEBGPU = 'no WebGPU in this browser';
export const NO_ADAPTER = 'no GPU adapter';
export const SOFTWARE_ADAPTER = 'only a software adapter';
export const WHY_NOT: Record<string, string> = {
  [NO_WEBGPU]: 'navigator.gpu is missing: WebGPU needs a secure context (https or localhost) and a browser that ships it.',
  [NO_ADAPTER]: 'navigator.gpu.requestAdapter() returned none: no usable GPU or driver, or the GPU is disabled (as in headless Chromium here).',
  [SOFTWARE_ADAPTER]: 'The only adapter is a CPU fallback, slower than the wasm backend.',
};

function adapterName(a: AdapterLike): string {
  const i = a.info ?? {};
  return [i.vendor, i.architecture, i.description].filter((s) => s && s.trim()).join(' ') || 'unnamed adapter';
}

/** Asks `gpu` (default: navigator.gpu) for a high-performance adapter; never throws. */
export async function probeWebGpu(gpu: GpuLike | undefined = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu): Promise<WebGpuProbe> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') return { state: 'unavailable', reason: NO_WEBGPU };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { state: 'unavailable', reason: NO_ADAPTER };
    if (adapter.isFallbackAdapter) return { state: 'unavailable', reason: SOFTWARE_ADAPTER };
    return { state: 'available', adapter: adapterName(adapter) };
  } catch (e) {
    return { state: 'unavailable', reason: `the adapter request failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** One line for people: "available (…)" or "not available: <reason>". */
export function describeWebGpu(p: WebGpuProbe): string {
  if (p.state === 'checking') return 'checking…';
  return p.state === 'available' ? `available (${p.adapter})` : `not available: ${p.reason}`;
}

export const useWebGpuProbe = create<{ probe: WebGpuProbe }>(() => ({ probe: { state: 'checking' } }));

let started = false;
/** Runs the probe once per page (idempotent); components read useWebGpuProbe. */
export function startWebGpuProbe(): void {
  if (started) return;
  started = true;
  void probeWebGpu().then((probe) => useWebGpuProbe.setState({ probe }));
}

/** The Backend setting's label for a backend: "webgpu" says when and why it would fall back. */
export function backendOptionLabel(backend: string, probe: WebGpuProbe): string {
  if (backend !== 'webgpu' || probe.state === 'available') return backend;
  return probe.state === 'checking' ? 'webgpu (checking…)' : `webgpu (${probe.reason}: falls back to wasm)`;
}
