/**
 * Shelf versions pinned on the device panel, on every lab: each pinned version becomes an extra
 * variant column (its name, flash / RAM / latency / energy on the current target), so a lab's result
 * can be held against what is already on the shelf. The pins are a settings schema (local storage).
 */
import { useEffect, useMemo } from 'react';
import type { ModelVariant } from '../../core/devices';
import { pinIds, shelfPinSettings, togglePin, useVersions, watchShelf, MAX_PINS } from '../../store/shelf';
import { useLabSettings } from '../../store/use-lab-settings';

/** The pinned versions that are still on the shelf, as panel variants ("Pinned: <name>"). */
export function usePinnedVariants(): ModelVariant[] {
  const [{ pinned }] = useLabSettings(shelfPinSettings, { url: false });
  const versions = useVersions();
  return useMemo(() => {
    const ids = pinIds(pinned);
    return versions
      .filter((v) => ids.includes(v.id))
      .map((v) => ({ label: `Pinned: ${v.name}`, spec: v.spec, deployment: v.deployment }));
  }, [pinned, versions]);
}

export function PinVersions() {
  const [{ pinned }, update] = useLabSettings(shelfPinSettings, { url: false });
  const versions = useVersions();
  useEffect(() => void watchShelf(), []);
  const ids = pinIds(pinned);
  const shown = ids.filter((id) => versions.some((v) => v.id === id)).length;
  return (
    <details className="dp-pins">
      <summary>Pin versions{shown ? ` (${shown} pinned)` : ''}</summary>
      {versions.length === 0 ? (
        <p className="dp-sub">No version on the shelf yet: train a model, or save a lab's result with “Save to shelf”.</p>
      ) : (
        <fieldset>
          <legend>Pin versions</legend>
          {versions.map((v) => (
            <label key={v.id} className="dp-pin">
              <input type="checkbox" checked={ids.includes(v.id)} onChange={(e) => update({ pinned: togglePin(pinned, v.id, e.target.checked) })} />
              {v.name}
            </label>
          ))}
          <span className="dp-sub">Up to {MAX_PINS}; each shows as a column below, on this target.</span>
        </fieldset>
      )}
    </details>
  );
}
