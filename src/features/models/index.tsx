/**
 * The Models page (#/models): every shelf version as a row and in the lineage tree; compare the
 * selected ones on the device panel's target; rename, delete (with undo), open in a lab; export and
 * import the shelf; run a pipeline recipe; damaged records and storage problems named plainly.
 */
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { findTarget } from '../../core/devices';
import { useDeviceTarget } from '../../store/device';
import { deleteDamaged, deleteVersion, pickVersion, renameVersion, startFrom, undoDelete, useShelf, watchShelf } from '../../store/shelf';
import { runsOnMnist } from '../../core/shelf/types';
import { CompareChart } from './CompareChart';
import { DamagedRecords } from './DamagedRecords';
import { LineageTree } from './LineageTree';
import { PipelinePanel } from './PipelinePanel';
import { ShelfFile } from './ShelfFile';
import { VersionTable } from './VersionTable';
import { versionRows, type CompareAxis, type VersionRow } from './view-model';
import './models.css';

export default function ModelsPage() {
  const listing = useShelf((s) => s.listing);
  const error = useShelf((s) => s.error);
  const [targetId] = useDeviceTarget();
  const targetName = findTarget(targetId)?.name ?? targetId;
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comparing, setComparing] = useState(false);
  const [axis, setAxis] = useState<CompareAxis>('flash');
  const [undo, setUndo] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  useEffect(() => void watchShelf(), []);

  const versions = useMemo(() => listing?.versions ?? [], [listing]);
  const rows = useMemo(() => versionRows(versions, listing?.tombstones ?? [], targetId), [versions, listing, targetId]);
  const chosen = rows.filter((r) => selected.has(r.entry.id));
  const fault = listing?.status.fault ?? null;

  async function act(f: () => Promise<unknown>) {
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setMessage({ kind: 'alert', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const onDelete = (r: VersionRow) =>
    act(async () => {
      await deleteVersion(r.entry.id);
      setSelected((s) => new Set([...s].filter((id) => id !== r.entry.id)));
      setUndo({ id: r.entry.id, name: r.entry.name });
    });

  const onOpen = (r: VersionRow) =>
    act(async () => {
      // A task version (time series) is not an MNIST model: it opens its own lab with the settings
      // that made it, and never goes into the image labs' baseline slot.
      if (!runsOnMnist(r.entry)) {
        navigate((r.entry.settingsLink ?? `#/${r.entry.lab}`).replace(/^#/, ''));
        return;
      }
      pickVersion(r.entry.id);
      await startFrom(r.entry.id);
      const lab = r.entry.lab === 'train' ? 'pruning' : r.entry.lab;
      navigate(`/${lab}`);
    });

  return (
    <div className="models-page">
      <p className="lead">
        Every model the labs produce is a version on this shelf: trained, pruned, quantized, distilled or searched, with the version it came from.
        Take any of them into another lab with its “Start from” list, compare them on <strong>{targetName}</strong> (the device panel’s target), or hand
        the whole shelf to someone as one file.
      </p>
      {fault?.kind === 'quota' && (
        <div className="notice notice-warning" role="alert">
          Models cannot be saved: storage is full
          {fault.usageBytes !== undefined ? ` (${(fault.usageBytes / 1e6).toFixed(1)} MB used)` : ''}. Export the shelf
          to keep a copy, then delete versions you no longer need.
        </div>
      )}
      {fault && fault.kind !== 'quota' && <p className="notice notice-warning" role="status">{fault.message.charAt(0).toUpperCase() + fault.message.slice(1)}.</p>}
      {error && <p className="notice notice-error" role="alert">The shelf could not be read: {error}</p>}
      <section className="panel" aria-labelledby="models-versions-h">
        <h2 id="models-versions-h">Versions {listing ? `(${versions.length})` : ''}</h2>
        <div className="models-toolbar">
          <button type="button" className="button button-primary" disabled={chosen.length < 2} onClick={() => setComparing(true)}>
            Compare
          </button>
          <span className="field-hint">{chosen.length < 2 ? 'Select two or more versions to compare.' : `${chosen.length} selected`}</span>
          <ShelfFile selected={[...selected]} busy={busy} empty={versions.length === 0} onMessage={(kind, text) => setMessage({ kind, text })} />
        </div>
        {undo && (
          <p className="models-undo" role="status">
            Deleted “{undo.name}”.{' '}
            <button type="button" className="button" onClick={() => void act(async () => { await undoDelete(undo.id); setUndo(null); })}>
              Undo
            </button>
          </p>
        )}
        {message && <p className={message.kind === 'alert' ? 'notice notice-error' : 'models-message'} role={message.kind}>{message.text}</p>}
        {listing ? (
          <VersionTable
            rows={rows}
            targetName={targetName}
            selected={selected}
            busy={busy}
            onSelect={(id, on) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; })}
            onRename={(id, name) => void act(() => renameVersion(id, name))}
            onOpen={(r) => void onOpen(r)}
            onDelete={(r) => void onDelete(r)}
          />
        ) : (
          !error && <p role="status">Reading the shelf…</p>
        )}
      </section>
      {comparing && chosen.length >= 2 && <CompareChart rows={chosen} axis={axis} onAxis={setAxis} targetName={targetName} />}
      <LineageTree versions={versions} tombstones={listing?.tombstones ?? []} />
      <PipelinePanel versions={versions} busy={busy} setBusy={setBusy} />
      <DamagedRecords damaged={listing?.damaged ?? []} busy={busy} onDelete={(id) => void act(() => deleteDamaged(id))} />
    </div>
  );
}
