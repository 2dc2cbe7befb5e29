/**
 * "Precomputed results" for a live class, shown in presenter mode on labs with long jobs: prepare a
 * recording ahead of time (the lab runs its long job once and keeps the result), then fill the page
 * from it at once. The panel states what the recording is (when, which settings, which backend) and,
 * when the page's settings differ from the recording's, says so next to the button that uses it.
 * The lab supplies the words and the actions; this component only lays them out the same way.
 */
import type { ReactNode } from 'react';
import { describeDiff, type SettingDifference } from '../../core/recordings/recording';
import { usePresenter } from '../../store/presenter';

export interface PrecomputedPanelProps {
  /** The output's name and visible label, e.g. "Recorded teacher". */
  name: string;
  /** What is recorded, or null when nothing is. */
  summary: string | null;
  /** Why a stored recording was refused (damaged, another format), if it was. */
  rejected?: string | null;
  differences: readonly SettingDifference[];
  /** What pressing "use" does about the differences (e.g. "Using it sets these settings to the recording's."). */
  onDifference: string;
  prepareLabel: string;
  prepareHint: ReactNode;
  useLabel: string;
  /** Shown when the page already shows this recording. */
  inUse?: string | null;
  busy: boolean;
  onPrepare(): void;
  onUse(): void;
  onDelete(): void;
  children?: ReactNode;
}

export function PrecomputedPanel(p: PrecomputedPanelProps) {
  const on = usePresenter((s) => s.on);
  if (!on) return null;
  const have = p.summary !== null;
  return (
    <section className="panel precomputed" aria-label="Precomputed results">
      <div className="precomputed-head">
        <h2 className="precomputed-title">Precomputed results</h2>
        <span className="precomputed-label" aria-hidden="true">
          {p.name}
        </span>
        <output aria-label={p.name} role="status" className="precomputed-summary">
          {have ? p.summary : p.rejected ? `Not usable: ${p.rejected}` : 'None yet.'}
        </output>
      </div>
      {have && p.differences.length > 0 && (
        <p className="precomputed-mismatch" role="status" aria-label="Recording differs">
          Recorded with other settings than this page’s — {describeDiff(p.differences)}. {p.onDifference}
        </p>
      )}
      {have && p.inUse && <p className="field-hint precomputed-inuse">{p.inUse}</p>}
      <div className="precomputed-buttons">
        <button type="button" className="button" disabled={!have || p.busy} onClick={p.onUse}>
          {p.useLabel}
        </button>
        <button type="button" className="button" disabled={p.busy} onClick={p.onPrepare}>
          {p.prepareLabel}
        </button>
        {(have || p.rejected) && (
          <button type="button" className="button" disabled={p.busy} onClick={p.onDelete}>
            Delete recording
          </button>
        )}
        {p.children}
      </div>
      <p className="field-hint precomputed-hint">{p.prepareHint}</p>
    </section>
  );
}
