/**
 * "Start from": which shelf version a lab starts from (default: the version last picked, else the
 * latest float one). Picking one builds a copy into the baseline slot, so the lab works on the copy
 * and the stored version never changes. Labs that train in float cannot start from a quantized
 * version (it can be re-quantized or deployed, not trained); a pruned version keeps its masks.
 */
import { useEffect, useId, useState } from 'react';
import { defaultStart, pickVersion, startFrom, useShelf, useVersions, watchShelf } from '../../store/shelf';
import { percent } from '../Output';
import { runningAccuracy, runsOnMnist } from '../../core/shelf/types';
import { notListedNote } from './not-listed';

export interface StartFromProps {
  /** "train": the lab trains in float (quantized versions are not offered); "quantize" / "deploy": any version. */
  use: 'train' | 'quantize' | 'deploy';
  label?: string;
  /** Optional start (e.g. NAS seed architecture): adds "None". */
  optional?: boolean;
  onPicked?(id: string | null): void;
  /** The page has a time-series panel: the hint on unlisted time-series versions points to it. */
  tsPanel?: boolean;
}

export function StartFrom({ use, label = 'Start from', optional = false, onPicked, tsPanel = false }: StartFromProps) {
  const id = useId();
  const hintId = useId();
  const versions = useVersions();
  const lastPicked = useShelf((s) => s.lastPicked);
  const activeId = useShelf((s) => s.activeId);
  const [pickError, setError] = useState<string | null>(null);
  const listError = useShelf((s) => s.error);
  const error = pickError ?? (listError ? `The shelf could not be read: ${listError}` : null);
  // Every lab with "Start from" works on MNIST digits: a time-series version is never offered.
  const mnist = versions.filter((v) => runsOnMnist(v));
  const usable = use === 'train' ? mnist.filter((v) => !v.quantized) : mnist;
  const otherTask = notListedNote(versions, tsPanel);
  const fallback = defaultStart(usable, lastPicked);
  const [none, setNone] = useState(optional);
  const current = none ? null : (usable.find((v) => v.id === activeId) ?? fallback);

  useEffect(() => void watchShelf(), []);
  // Make the baseline slot hold what the select shows (once per change of the default).
  useEffect(() => {
    if (none || !fallback || activeId === fallback.id || usable.some((v) => v.id === activeId)) return;
    startFrom(fallback.id).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [none, fallback, activeId, usable]);

  async function pick(value: string) {
    if (value === '') {
      setNone(true);
      onPicked?.(null);
      return;
    }
    setNone(false);
    pickVersion(value);
    try {
      await startFrom(value);
      setError(null);
      onPicked?.(value);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const quantizedCount = mnist.length - usable.length;
  return (
    <div className="field start-from">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current?.id ?? ''} onChange={(e) => void pick(e.target.value)} aria-describedby={hintId} disabled={usable.length === 0 && !optional}>
        {(optional || usable.length === 0) && <option value="">{usable.length === 0 && !optional ? (versions.length > usable.length ? 'No usable version on the shelf yet' : 'No version on the shelf yet') : 'None'}</option>}
        {usable.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name} · {percent(runningAccuracy(v))}
            {v.pruned ? ` · ${Math.round(v.sparsity * 100)} % zeros (masks kept)` : ''}
          </option>
        ))}
      </select>
      <small id={hintId} className="field-hint">
        {error ??
          `${use === 'train' && quantizedCount > 0
            ? `${quantizedCount} quantized version${quantizedCount === 1 ? ' is' : 's are'} not listed: a quantized version can be re-quantized or deployed, not trained in float.`
            : 'The lab works on a copy; the version on the shelf never changes.'}${otherTask ? ` ${otherTask}` : ''}`}
      </small>
    </div>
  );
}
