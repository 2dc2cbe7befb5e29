/**
 * Runs survive the browser, as far as a browser allows:
 * - while a job runs, leaving or reloading the page asks first (beforeunload);
 * - the running job is noted in sessionStorage (per tab, survives a reload, not shared with other
 *   tabs), so after a reload mid-job the page says the run was interrupted and what was kept,
 *   instead of a plain "Ready".
 * Install once from the shell: `installRunGuard()` (idempotent, so StrictMode's double effect is safe).
 */
import { useJobs, type RunningJob } from './jobs';
import { pushNotice } from './notices';

const KEY = 'tinyml:running-job';

interface NotedJob {
  lab: string;
  labTitle: string;
  name: string;
  startedAt: string;
}

export function interruptedMessage(j: NotedJob): string {
  return (
    `${j.name} in the ${j.labTitle} lab was interrupted when the page reloaded or closed. ` +
    'What it had not finished was lost; saved results (the baseline and anything you saved before) are kept. Start it again to redo it.'
  );
}

/** Reads a noted job; null when there is none or it is not ours (corrupt text is dropped). */
export function parseNotedJob(raw: string | null): NotedJob | null {
  if (!raw) return null;
  try {
    const j = JSON.parse(raw) as Partial<NotedJob>;
    return typeof j.lab === 'string' && typeof j.labTitle === 'string' && typeof j.name === 'string' && typeof j.startedAt === 'string'
      ? (j as NotedJob)
      : null;
  } catch {
    return null;
  }
}

function note(job: RunningJob | null): void {
  try {
    if (job) sessionStorage.setItem(KEY, JSON.stringify({ lab: job.lab.id, labTitle: job.lab.title, name: job.name, startedAt: new Date().toISOString() }));
    else sessionStorage.removeItem(KEY);
  } catch {
    // No sessionStorage (disabled): the beforeunload prompt still protects the run.
  }
}

const onBeforeUnload = (e: BeforeUnloadEvent) => {
  e.preventDefault();
  // Older Chromium needs returnValue set to show the prompt.
  e.returnValue = '';
};

let installed = false;

export function installRunGuard(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  let noted: NotedJob | null;
  try {
    noted = parseNotedJob(sessionStorage.getItem(KEY));
    sessionStorage.removeItem(KEY);
  } catch {
    noted = null;
  }
  if (noted) pushNotice('warning', interruptedMessage(noted), 'run-interrupted');
  let running = false;
  useJobs.subscribe((s) => {
    const now = s.current !== null;
    if (now === running) return;
    running = now;
    note(s.current);
    if (now) window.addEventListener('beforeunload', onBeforeUnload);
    else window.removeEventListener('beforeunload', onBeforeUnload);
  });
}
