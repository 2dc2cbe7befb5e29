/**
 * Starts the training worker once per session: backend init (with the worker's fallback reason shown
 * as a notice), MNIST loading with progress, the saved baseline, and a slow poll of the worker's
 * tensor count for the diagnostics bar. The shell calls `bootEngine(backend)` from an effect (it is
 * idempotent, so StrictMode's double effects are harmless); labs `await whenEngineReady()` before
 * they train or evaluate.
 */
import { getEngine, onEngineCrash, proxy } from '../worker/client';
import type { BackendName } from '../worker/protocol';
import { useBaseline } from './baseline';
import { patchEngineState, useEngineState } from './engine';
import { errorText, pushNotice } from './notices';
import { threadsOf, type ThreadsSetting } from './engine-settings';

let initFor: BackendName | null = null;
/** The Threads setting a new worker starts with (the latest asked; a running worker keeps its own). */
let threadsWanted: ThreadsSetting = 'auto';
let ready: Promise<void> | null = null;
let dataLoad: Promise<void> | null = null;
let baselineLoad: Promise<void> | null = null;


function loadDataOnce(): Promise<void> {
  dataLoad ??= (async () => {
    patchEngineState({ dataProgress: { loaded: 0, total: 1 } });
    const info = await getEngine().loadData(
      proxy((loaded: number, total: number) => patchEngineState({ dataProgress: { loaded, total } })),
    );
    patchEngineState({ dataReady: true, dataInfo: info });
  })();
  return dataLoad;
}

function loadBaselineOnce(): Promise<void> {
  baselineLoad ??= getEngine()
    .loadBaseline()
    .then(
      (b) => useBaseline.getState().setBaseline(b),
      (e: unknown) => {
        useBaseline.getState().setBaseline(null);
        pushNotice('warning', `The saved baseline could not be loaded (${errorText(e)}); train a new one on the Train page.`, 'baseline-load');
      },
    );
  return baselineLoad;
}

/**
 * (Re)initialises the worker on `backend` unless it already runs it; returns when data is loaded.
 * `threads` is remembered for the next worker start: a running worker's thread pool is fixed.
 */
export function bootEngine(backend: BackendName, threads: ThreadsSetting = threadsWanted): Promise<void> {
  threadsWanted = threads;
  if (initFor === backend && ready) return ready;
  initFor = backend;
  patchEngineState({ status: 'starting', requested: backend });
  const attempt = (async () => {
    const engine = getEngine();
    const started = useEngineState.getState().startedThreads ?? threads;
    const info = await engine.init(backend, threadsOf(started));
    patchEngineState({
      startedThreads: started,
      status: 'ready',
      backend: info.backend,
      requested: info.requested,
      fallbackReason: info.fallbackReason ?? null,
      backendDetail: info.detail ?? null,
      error: null,
    });
    if (info.fallbackReason) {
      pushNotice('warning', `The ${info.requested} backend is not available here (${info.fallbackReason}); using ${info.backend} instead.`, 'backend');
    }
    await loadDataOnce();
    await loadBaselineOnce();
  })();
  const guarded: Promise<void> = attempt.catch((e: unknown) => {
    patchEngineState({ status: 'failed', error: errorText(e) });
    pushNotice('error', `The training engine failed to start: ${errorText(e)}`, 'engine');
    // Let a later call retry (e.g. after choosing another backend).
    if (ready === guarded) {
      initFor = null;
      ready = null;
      dataLoad = null;
    }
    throw e;
  });
  ready = guarded;
  // Nobody may be awaiting this one; the notice already told the user.
  guarded.catch(() => undefined);
  return ready;
}

/** Resolves when the engine runs and MNIST is loaded (boots with the default backend if needed). */
export function whenEngineReady(): Promise<void> {
  return ready ?? bootEngine(useEngineState.getState().requested ?? 'wasm');
}

/** Polls the worker's tensor count; returns a stop function. */
export function pollEngineMemory(intervalMs = 1000): () => void {
  let inFlight = false;
  const tick = async () => {
    if (inFlight || useEngineState.getState().status !== 'ready') return;
    inFlight = true;
    try {
      const m = await getEngine().memory();
      const same = JSON.stringify(m.caches) === JSON.stringify(useEngineState.getState().caches);
      patchEngineState({ numTensors: m.numTensors, numBytes: m.numBytes, ...(same ? {} : { caches: m.caches }) });
    } catch {
      /* the next tick tries again; a failing worker already raised a notice */
    } finally {
      inFlight = false;
    }
  };
  void tick();
  const id = window.setInterval(() => void tick(), intervalMs);
  // A call in flight to a worker that crashed or hung never settles: poll the new worker anyway.
  const off = onEngineCrash(() => {
    inFlight = false;
  });
  return () => {
    window.clearInterval(id);
    off();
  };
}

/**
 * A dead worker (uncaught error, out of memory) is replaced: the job runner ends the job it held,
 * this says so and boots a fresh worker on the same backend (data and the saved baseline reload).
 */
onEngineCrash((reason) => {
  const backend = useEngineState.getState().requested ?? 'wasm';
  initFor = null;
  ready = null;
  dataLoad = null;
  baselineLoad = null;
  patchEngineState({ status: 'starting', numTensors: null, numBytes: null, dataReady: false, startedThreads: null });
  pushNotice('error', `The training engine stopped (${reason}). It has been restarted; a job that was running is lost.`, 'engine-crash');
  bootEngine(backend).catch(() => undefined);
});
