/**
 * One line saying what the search is doing. It alone subscribes to the per-candidate training
 * progress (up to 10 updates/s), so the charts and the table re-render only when a candidate finishes.
 */
import { MAX_RUNS, useNasStore } from '../../store/nas';
import { recordedWhen, useRecordings } from '../../store/recordings';

const STOP_TEXT = {
  budget: 'finished its candidate budget',
  time: 'ran out of time budget',
  stopped: 'was stopped',
  exhausted: 'ran out of new architectures',
  'no-feasible': 'found nothing inside the budget',
} as const;

export function SearchStatus() {
  const latest = useNasStore((s) => s.runs[s.runs.length - 1]);
  const training = useNasStore((s) => s.training);
  const dropped = useNasStore((s) => s.droppedRuns);
  const replay = useRecordings((s) => s.replay);
  let text: string;
  const rec = latest?.recorded;
  if (!latest) text = 'No search yet: set the budget and press Search.';
  else if (rec) {
    const what = `the ${latest.strategy} search recorded ${recordedWhen(rec.recordedAt)} on ${rec.backend} (${latest.label})`;
    text = latest.running
      ? `Replaying ${what}: candidate ${replay?.runId === latest.id ? replay.shown : 0} of ${replay?.total ?? '…'}.`
      : `Recorded, not run here: ${what} ${STOP_TEXT[latest.stopReason ?? 'budget']} after ${((latest.elapsedMs ?? 0) / 1000).toFixed(1)} s.`;
  } else if (latest.running) {
    const n = latest.records.filter((r) => r.status === 'trained').length;
    text = `Searching (${latest.label})${training ? `: training candidate ${n + 1}, ${training.key}, ${Math.round(training.fraction * 100)} %` : '…'}`;
  } else if (latest.error) text = `The search failed: ${latest.error}`;
  else text = `The ${latest.strategy} search ${STOP_TEXT[latest.stopReason ?? 'budget']} after ${((latest.elapsedMs ?? 0) / 1000).toFixed(1)} s.`;
  if (dropped > 0) text += ` ${dropped} older run${dropped === 1 ? ' was' : 's were'} dropped (the last ${MAX_RUNS} are kept).`;
  return <p className="nas-status">{text}</p>;
}
