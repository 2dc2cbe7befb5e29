/**
 * A secondary, optional pick of a shelf version (the Distillation student's initialisation, the NAS
 * seed architecture): "None" by default, built into its own slot so the lab's baseline ("Start from")
 * stays as it is. Float use only lists unquantized versions and says why the others are missing.
 */
import { useEffect, useId, useState } from 'react';
import { percent } from '../Output';
import { runningAccuracy } from '../../core/shelf/types';
import { pickFor, useShelf, useVersions, watchShelf, type PickPurpose } from '../../store/shelf';
import type { ShelfEntry } from '../../worker/protocol/shelf';

export interface VersionPickProps {
  purpose: PickPurpose;
  label: string;
  /** The worker slot the version is built into (omit when only the spec is needed). */
  slot?: string;
  /** What "None" means here, e.g. "None: a fresh student". */
  noneLabel: string;
  /** The hint under the select when nothing goes wrong. */
  hint: string;
  /** Why a listed version cannot be used here (shown instead of picking it), or null. */
  refuse?(v: ShelfEntry): string | null;
  disabled?: boolean;
  /** After a pick is built (or cleared): e.g. NAS sets its space around the version. */
  onPicked?(v: ShelfEntry | null): void;
}

export function VersionPick({ purpose, label, slot, noneLabel, hint, refuse, disabled, onPicked }: VersionPickProps) {
  const id = useId();
  const hintId = useId();
  const versions = useVersions();
  const picked = useShelf((s) => s.picks[purpose]);
  const [error, setError] = useState<string | null>(null);
  const usable = versions.filter((v) => !v.quantized);
  const quantizedCount = versions.length - usable.length;

  useEffect(() => void watchShelf(), []);
  // A picked version deleted (here or in another tab) is no longer a pick.
  useEffect(() => {
    if (picked && versions.length > 0 && !versions.some((v) => v.id === picked.id)) void pickFor(purpose, null);
  }, [picked, versions, purpose]);

  async function pick(value: string) {
    const v = usable.find((x) => x.id === value);
    const reason = v && refuse ? refuse(v) : null;
    if (reason) {
      setError(reason);
      return;
    }
    try {
      const built = await pickFor(purpose, value || null, slot);
      setError(null);
      onPicked?.(built);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="field start-from">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={picked?.id ?? ''} onChange={(e) => void pick(e.target.value)} aria-describedby={hintId} disabled={disabled}>
        <option value="">{noneLabel}</option>
        {usable.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name} · {percent(runningAccuracy(v))}
          </option>
        ))}
      </select>
      <small id={hintId} className="field-hint" role={error ? 'alert' : undefined}>
        {error ??
          (quantizedCount > 0
            ? `${hint} ${quantizedCount} quantized version${quantizedCount === 1 ? ' is' : 's are'} not listed: a quantized version can be re-quantized or deployed, not trained in float.`
            : hint)}
      </small>
    </div>
  );
}
