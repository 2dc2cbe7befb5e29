/**
 * What the diagnostics bar shows about the training engine: the backend in use (and why it is not
 * the one asked for), MNIST loading progress, tensors held by the worker, and training speed.
 * The shell's engine boot (src/app/use-engine-boot.ts) fills it; any lab that trains reports its
 * samples/s with `reportSpeed`.
 */
import { create } from 'zustand';
import type { BackendName } from '../worker/protocol';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export interface EngineState {
  status: EngineStatus;
  backend: BackendName | null;
  requested: BackendName | null;
  fallbackReason: string | null;
  /** Bytes or items loaded / total while MNIST loads; null before loading starts. */
  dataProgress: { loaded: number; total: number } | null;
  dataReady: boolean;
  dataInfo: { train: number; test: number } | null;
  numTensors: number | null;
  numBytes: number | null;
  /** Last training speed reported by a lab; null before any training this session. */
  samplesPerSec: number | null;
  /** True while some lab runs a long job in the worker (backend switching waits for it). */
  busy: boolean;
  /** The lab that set `busy` (so other labs can say whose job it is and link to its Stop). */
  busyOwner: JobOwner | null;
  /**
   * The worker's own name for its running job, from the memory poll (null when idle). It also covers
   * labs that never call setEngineBusy, so every lab can tell the engine is taken before it asks.
   */
  workerJob: string | null;
  error: string | null;
}

export const useEngineState = create<EngineState>()(() => ({
  status: 'starting',
  backend: null,
  requested: null,
  fallbackReason: null,
  dataProgress: null,
  dataReady: false,
  dataInfo: null,
  numTensors: null,
  numBytes: null,
  samplesPerSec: null,
  busy: false,
  busyOwner: null,
  workerJob: null,
  error: null,
}));

export function patchEngineState(patch: Partial<EngineState>): void {
  useEngineState.setState(patch);
}

export function reportSpeed(samplesPerSec: number): void {
  if (Number.isFinite(samplesPerSec)) useEngineState.setState({ samplesPerSec });
}

/** A lab as the owner of a job: its id (route #/<id>) and its title. */
export interface JobOwner {
  id: string;
  title: string;
}

/**
 * Counts busy changes, so a memory poll that was in flight while a job ended cannot bring back the
 * ended job's name (see pollEngineMemory).
 */
let busyEpoch = 0;
export const currentBusyEpoch = (): number => busyEpoch;

export function setEngineBusy(busy: boolean, owner?: JobOwner): void {
  busyEpoch++;
  // The job that just ended (or started) is the worker's job: forget the polled name until the next poll.
  useEngineState.setState({ busy, busyOwner: busy ? owner ?? null : null, workerJob: null });
}

/** Labs of the worker's jobs that are not announced with setEngineBusy (matched by the job's name). */
const UNANNOUNCED: { pattern: RegExp; owner: JobOwner }[] = [
  { pattern: /search$/, owner: { id: 'nas', title: 'Architecture search' } },
];

/**
 * The job another lab runs in the worker right now, from `ownLab`'s point of view: null when the
 * engine is free or the job is ownLab's own. The worker runs one job at a time, so a lab disables
 * its start buttons while this is set and says whose job it is (<OtherJobNote/>).
 */
export function otherJob(s: Pick<EngineState, 'busy' | 'busyOwner' | 'workerJob'>, ownLab: string): { owner: JobOwner | null; name: string } | null {
  if (s.busy) {
    if (!s.busyOwner) return { owner: null, name: 'a job' };
    return s.busyOwner.id === ownLab ? null : { owner: s.busyOwner, name: `the ${s.busyOwner.title} lab's job` };
  }
  if (!s.workerJob) return null;
  const owner = UNANNOUNCED.find((u) => u.pattern.test(s.workerJob!))?.owner ?? null;
  if (owner?.id === ownLab) return null;
  return { owner, name: `"${s.workerJob}"` };
}
