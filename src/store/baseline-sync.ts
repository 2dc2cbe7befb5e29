/**
 * Two tabs, one saved baseline: when a tab saves a new baseline it tells the other tabs of this
 * origin on a BroadcastChannel; each of them reloads it from IndexedDB into its own worker (once its
 * own job, if any, has ended: a job must not see its baseline change under it) and says so in a
 * notice. Without BroadcastChannel the tabs simply keep their own until the next reload.
 */
import { getEngine } from '../worker/client';
import { describeBaseline, useBaseline } from './baseline';
import { whenEngineReady } from './engine-boot';
import { useJobs } from './jobs';
import { errorText, pushNotice } from './notices';

const CHANNEL = 'tinyml:baseline';

let started = false;
/** savedAt of the baseline this tab has (or is loading), to tell our own news from another tab's. */
let known: string | null = null;
let pending: string | null = null;

let loading = false;

/**
 * Loads the newest announced baseline; one load at a time. A tab often announces twice within
 * milliseconds (the saved run, then the shelf version it becomes): a second load started while the
 * first runs would replace the worker's baseline slot, disposing the model a lab's call is reading.
 */
async function reloadFromOtherTab(): Promise<void> {
  const wanted = pending;
  if (!wanted || loading || useJobs.getState().current) return; // retried when the load or the job ends
  pending = null;
  loading = true;
  try {
    await whenEngineReady();
    known = wanted;
    const b = await getEngine().loadBaseline();
    known = b?.savedAt ?? null;
    useBaseline.getState().setBaseline(b);
    if (b) pushNotice('info', `Another tab saved a new baseline (${describeBaseline(b)}); this tab uses it now.`, 'baseline-sync');
  } catch (e) {
    pushNotice('warning', `Another tab saved a new baseline, but it could not be loaded here (${errorText(e)}).`, 'baseline-sync');
  } finally {
    loading = false;
  }
  if (pending) void reloadFromOtherTab();
}

/** Starts listening (idempotent); the shell calls it once. Returns nothing: it lives as long as the page. */
export function startBaselineSync(): void {
  if (started || typeof BroadcastChannel === 'undefined') return;
  started = true;
  const channel = new BroadcastChannel(CHANNEL);
  useBaseline.subscribe((s) => {
    const at = s.baseline?.savedAt ?? null;
    if (!at || at === known) return;
    known = at;
    channel.postMessage({ savedAt: at });
  });
  known = useBaseline.getState().baseline?.savedAt ?? null;
  channel.onmessage = (e: MessageEvent<{ savedAt?: unknown }>) => {
    const at = e.data?.savedAt;
    if (typeof at !== 'string' || at === known) return;
    pending = at;
    void reloadFromOtherTab();
  };
  useJobs.subscribe((s, prev) => {
    if (prev.current && !s.current && pending) void reloadFromOtherTab();
  });
}
