/**
 * The one job runner. Every long job a lab starts (a training run, a sweep, a search, an export)
 * goes through `runJob`, which owns what every lab needs and none may get wrong:
 * - one job at a time across labs (a second start is refused, and buttons can tell beforehand);
 * - a job id announced to the worker, so `stopJob(lab)` stops that job only (engine.stop(jobId));
 * - progress in one place (`useJobs`), and `job.guard(fn)`, which drops callbacks that arrive after
 *   the job ended (Comlink delivers progress on its own channel, so one can trail the result);
 * - errors turned into the lab's error line and a notice; the engine crashing mid-job ends the job.
 *
 *   const out = await runJob(pruningLab, 'Pruning', async (job) => {
 *     const report = await getEngine().pruning.prune(req, proxy(job.guard((e) => job.progress(f(e), text(e)))));
 *     return report;
 *   });
 *   if (out.status === 'done') patchPruning({ report: out.value });
 *
 * Plain state (no React); the hooks and the status line are in src/components/jobs.tsx.
 */
import { create } from 'zustand';
import { getEngine, onEngineCrash } from '../worker/client';
import { whenEngineReady } from './engine-boot';
import { errorText, pushNotice } from './notices';

/** A lab as the owner of a job: its id (route #/<id>) and its visible title (from its LabDefinition). */
export interface LabRef {
  readonly id: string;
  readonly title: string;
}

export interface JobProgress {
  /** 0..1, or null when the job cannot tell how far it is. */
  fraction: number | null;
  text: string;
}

export interface RunningJob {
  id: string;
  lab: LabRef;
  /** What the job is, as a user reads it: "Pruning", "The sensitivity scan". */
  name: string;
  progress: JobProgress | null;
  stopRequested: boolean;
}

export interface JobsState {
  current: RunningJob | null;
  /** The last error of each lab's jobs (cleared when that lab starts another). */
  errors: Record<string, string | null>;
}

export const useJobs = create<JobsState>()(() => ({ current: null, errors: {} }));

export interface JobHandle {
  readonly id: string;
  /** True while this job is the running one. */
  live(): boolean;
  progress(fraction: number | null, text: string): void;
  /** Wraps a callback so it does nothing once this job has ended. */
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

export type JobOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'stopped'; value: T }
  | { status: 'error'; error: string }
  | { status: 'refused'; reason: string };

let counter = 0;

/** Why `lab` cannot start a job now (another job runs), or null when it can. */
export function refusal(s: Pick<JobsState, 'current'>, lab: LabRef): string | null {
  const c = s.current;
  if (!c) return null;
  return c.lab.id === lab.id ? `${c.name} is still running` : `the engine is busy with the ${c.lab.title} lab's job (${c.name})`;
}

export async function runJob<T>(lab: LabRef, name: string, body: (job: JobHandle) => Promise<T>): Promise<JobOutcome<T>> {
  const refused = refusal(useJobs.getState(), lab);
  if (refused) {
    pushNotice('info', `Not started: ${refused}.`, `job-refused:${lab.id}`);
    return { status: 'refused', reason: refused };
  }
  const id = `${lab.id}:${++counter}`;
  const mine: RunningJob = { id, lab, name, progress: { fraction: null, text: `${name}…` }, stopRequested: false };
  useJobs.setState((s) => ({ current: mine, errors: { ...s.errors, [lab.id]: null } }));
  const live = () => useJobs.getState().current?.id === id;
  const handle: JobHandle = {
    id,
    live,
    progress(fraction, text) {
      if (live()) useJobs.setState((s) => ({ current: s.current && { ...s.current, progress: { fraction, text } } }));
    },
    guard: (fn) => (...args) => {
      if (live()) fn(...args);
    },
  };
  let announced = false;
  // A crashed or hung worker never answers the calls the job awaits (boot, begin, body): end the job
  // with the crash instead. Listening from the start also covers a crash before the body runs.
  const lost = engineLost();
  const steps = async () => {
    await whenEngineReady();
    await getEngine().beginJob(id);
    announced = true;
    return body(handle);
  };
  try {
    const value = await Promise.race([steps(), lost.promise]).finally(lost.cancel);
    return useJobs.getState().current?.stopRequested ? { status: 'stopped', value } : { status: 'done', value };
  } catch (e) {
    const error = errorText(e);
    useJobs.setState((s) => ({ errors: { ...s.errors, [lab.id]: error } }));
    // The engine's own notice (engine-boot.ts) already says it stopped and was restarted.
    if (!(e instanceof EngineLost)) pushNotice('error', `${name} failed: ${error}`, `job-error:${lab.id}`);
    return { status: 'error', error };
  } finally {
    if (live()) {
      useJobs.setState({ current: null });
    }
    if (announced) getEngine().endJob(id).catch(() => undefined);
  }
}

class EngineLost extends Error {}

/** A promise that rejects when the engine crashes or hangs; cancel it when the job ends. */
function engineLost(): { promise: Promise<never>; cancel: () => void } {
  let off = () => {};
  const promise = new Promise<never>((_, reject) => {
    off = onEngineCrash((reason) => {
      off();
      reject(new EngineLost(`the engine stopped (${reason})`));
    });
  });
  promise.catch(() => undefined); // nobody awaits it after the race
  return { promise, cancel: () => off() };
}

/** Asks the worker to stop `lab`'s running job; the job resolves with what it has. */
export async function stopJob(lab: LabRef): Promise<void> {
  const c = useJobs.getState().current;
  if (!c || c.lab.id !== lab.id) return;
  useJobs.setState({ current: { ...c, stopRequested: true, progress: { fraction: c.progress?.fraction ?? null, text: 'Stopping…' } } });
  try {
    await getEngine().stop(c.id);
  } catch (e) {
    pushNotice('error', `Could not stop: ${errorText(e)}`, `job-stop:${lab.id}`);
  }
}

/** A crashed worker takes its job with it: end it with an error instead of leaving the page "busy". */
onEngineCrash((reason) => {
  const c = useJobs.getState().current;
  if (!c) return;
  useJobs.setState((s) => ({ current: null, errors: { ...s.errors, [c.lab.id]: `the engine stopped (${reason})` } }));
});

