/**
 * The job runner's face on every lab (src/store/jobs.ts has the runner itself):
 * - `useJob(lab)`: is this lab's job running (and which), its last error, and whether another lab's
 *   job holds the engine — start buttons use `blocked` to disable themselves. It leaves out the
 *   progress on purpose: progress changes many times a second, and every component that only wants
 *   `blocked` (a whole chart panel, often) re-rendered with it — the largest cause of main-thread
 *   long tasks during jobs (issue 18). Only `<JobStatus/>` reads progress;
 * - `<JobStatus lab={…}/>`: the one status line — progress bar and text of this lab's job, or whose
 *   job holds the engine with a link to its page (where its Stop is), or the last error. It keeps its
 *   height while idle so the buttons around it do not jump.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { useJobs, type JobProgress, type LabRef } from '../store/jobs';

export interface LabJob {
  /** This lab's job is running. */
  running: boolean;
  /** The running job's name (this lab's), or null. */
  name: string | null;
  stopping: boolean;
  error: string | null;
  /** Another lab's job holds the engine. */
  other: { lab: LabRef; name: string } | null;
  /** Any job runs: start buttons are disabled. */
  blocked: boolean;
}

export function useJob(lab: LabRef): LabJob {
  // Select only primitives and store-owned references: useShallow compares one level deep, so a
  // fresh object here would re-render forever.
  const s = useJobs(
    useShallow((st) => {
      const c = st.current;
      const mine = c !== null && c.lab.id === lab.id;
      return {
        mine,
        name: c?.name ?? null,
        stopping: mine ? c.stopRequested : false,
        error: st.errors[lab.id] ?? null,
        otherLab: c && !mine ? c.lab : null,
        blocked: c !== null,
      };
    }),
  );
  const other = useMemo(() => (s.otherLab ? { lab: s.otherLab, name: s.name ?? '' } : null), [s.otherLab, s.name]);
  return {
    running: s.mine,
    name: s.mine ? s.name : null,
    stopping: s.stopping,
    error: s.error,
    other,
    blocked: s.blocked,
  };
}

export function JobStatus({ lab }: { lab: LabRef }) {
  const j = useJob(lab);
  const progress = useJobs((st): JobProgress | null => (st.current?.lab.id === lab.id ? st.current.progress : null));
  return (
    <div className="job-status">
      {j.running && (
        <span className="job-progress" role="status" aria-label="Progress">
          {progress?.fraction == null ? <progress /> : <progress max={1} value={progress.fraction} />} {progress?.text ?? `${j.name ?? 'Working'}…`}
        </span>
      )}
      {j.other && (
        <span className="other-job" role="status">
          The engine is busy with the {j.other.lab.title} lab's job ({j.other.name}; one job at a time). Wait for it, or stop it on
          the <Link to={`/${j.other.lab.id}`}>{j.other.lab.title}</Link> page.
        </span>
      )}
      {!j.running && !j.other && j.error && (
        <span className="field-error" role="alert">
          {j.error}
        </span>
      )}
    </div>
  );
}
