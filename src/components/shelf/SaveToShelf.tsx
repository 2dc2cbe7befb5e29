/**
 * "Save to shelf" for a lab's result: an editable "Version name" (a default such as
 * "LeNet-5 · pruned 80 % · int8") and the button. The parent is the version the lab started from.
 */
import { useEffect, useId, useState } from 'react';
import type { SaveVersionRequest } from '../../worker/protocol/shelf';
import { saveToShelf, useShelf } from '../../store/shelf';

export interface SaveToShelfProps extends Omit<SaveVersionRequest, 'name' | 'parentId'> {
  defaultName: string;
  /** Defaults to the version the lab started from ("Start from"). */
  parentId?: string | null;
  disabled?: boolean;
}

export function SaveToShelf({ defaultName, parentId, disabled, ...req }: SaveToShelfProps) {
  const id = useId();
  const activeId = useShelf((s) => s.activeId);
  const [name, setName] = useState(defaultName);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'done' | 'error'; text: string }>({ kind: 'idle' });
  // A new result brings a new default name (and clears the last "Saved" line).
  useEffect(() => {
    setName(defaultName);
    setState({ kind: 'idle' });
  }, [defaultName]);

  async function save() {
    setState({ kind: 'saving' });
    try {
      const r = await saveToShelf({ ...req, name: name.trim() || defaultName, parentId: parentId === undefined ? activeId : parentId });
      setState({ kind: 'done', text: r.persisted ? `Saved “${r.version.name}” to the shelf.` : `Kept “${r.version.name}” for this session only: ${r.fault?.message ?? 'storage failed'}.` });
    } catch (e) {
      setState({ kind: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  return (
    <div className="save-to-shelf">
      <div className="field">
        <label htmlFor={id}>Version name</label>
        <input id={id} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} disabled={disabled || state.kind === 'saving'} />
      </div>
      <button type="button" className="button" disabled={disabled || state.kind === 'saving'} onClick={() => void save()}>
        Save to shelf
      </button>
      {(state.kind === 'done' || state.kind === 'error') && (
        <span role={state.kind === 'error' ? 'alert' : 'status'} className="save-to-shelf-status">{state.text}</span>
      )}
    </div>
  );
}
