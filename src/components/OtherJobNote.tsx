/**
 * The worker runs one long job at a time. While another lab's job runs (a training run, a sweep, a
 * search — possibly started on another page), a lab disables its start buttons with `useOtherJob`
 * and shows <OtherJobNote/>, which says whose job it is and links to the page with its Stop button,
 * instead of letting a click fail with "the engine is busy".
 */
import { Link } from 'react-router';
import { otherJob, useEngineState } from '../store/engine';

/** True while a job of another lab than `ownLab` (a lab id) runs in the worker. */
export function useOtherJob(ownLab: string): boolean {
  return useEngineState((s) => otherJob(s, ownLab) !== null);
}

export function OtherJobNote({ ownLab }: { ownLab: string }) {
  const busy = useEngineState((s) => s.busy);
  const busyOwner = useEngineState((s) => s.busyOwner);
  const workerJob = useEngineState((s) => s.workerJob);
  const other = otherJob({ busy, busyOwner, workerJob }, ownLab);
  if (!other) return null;
  return (
    <p className="other-job" role="status">
      {other.owner ? (
        <>
          The engine is busy with {other.name} (one job at a time). Wait for it, or stop it on the{' '}
          <Link to={`/${other.owner.id}`}>{other.owner.title}</Link> page.
        </>
      ) : (
        <>The engine is busy with {other.name} (one job at a time); this lab's buttons come back when it ends.</>
      )}
    </p>
  );
}
