/**
 * What the diagnostics bar shows about the training engine: the backend in use (and why it is not
 * the one asked for), MNIST loading progress, tensors held by the worker, and training speed.
 * The shell's engine boot (src/store/engine-boot.ts) fills it; any lab that trains reports its
 * samples/s with `reportSpeed`. Which job runs is the job runner's business (src/store/jobs.ts).
 */
import { create } from 'zustand';
import type { BackendName, CacheInfo } from '../worker/protocol';
import type { ThreadsSetting } from './engine-settings';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export interface EngineState {
  status: EngineStatus;
  backend: BackendName | null;
  requested: BackendName | null;
  fallbackReason: string | null;
  /** What the backend's speed depends on, e.g. "SIMD, 2 threads" (BackendInfo.detail). */
  backendDetail: string | null;
  /** The Threads setting the running worker started with (a new one applies on the next start). */
  startedThreads: ThreadsSetting | null;
  /** Bytes or items loaded / total while MNIST loads; null before loading starts. */
  dataProgress: { loaded: number; total: number } | null;
  dataReady: boolean;
  dataInfo: { train: number; test: number } | null;
  numTensors: number | null;
  numBytes: number | null;
  /** The worker's bounded caches (polled with the tensor count). */
  caches: CacheInfo[] | null;
  /** Last training speed reported by a lab; null before any training this session. */
  samplesPerSec: number | null;
  error: string | null;
}

export const useEngineState = create<EngineState>()(() => ({
  status: 'starting',
  backend: null,
  requested: null,
  fallbackReason: null,
  backendDetail: null,
  startedThreads: null,
  dataProgress: null,
  dataReady: false,
  dataInfo: null,
  numTensors: null,
  numBytes: null,
  caches: null,
  samplesPerSec: null,
  error: null,
}));

export function patchEngineState(patch: Partial<EngineState>): void {
  useEngineState.setState(patch);
}

export function reportSpeed(samplesPerSec: number): void {
  if (Number.isFinite(samplesPerSec)) useEngineState.setState({ samplesPerSec });
}
