/** One row per shelf version: name, parent, how it was made, accuracy as it runs, flash and latency on the target, actions. */
import { useState } from 'react';
import { techniqueLabel, type VersionRow } from './view-model';
import { sizeHeading, SIZE_LABEL, SIZE_MEANING } from '../../core/devices/model-size';

interface Props {
  rows: VersionRow[];
  targetName: string;
  selected: Set<string>;
  onSelect(id: string, on: boolean): void;
  onRename(id: string, name: string): void;
  onOpen(row: VersionRow): void;
  onDelete(row: VersionRow): void;
  busy: boolean;
}

export function VersionTable({ rows, targetName, selected, onSelect, onRename, onOpen, onDelete, busy }: Props) {
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  if (rows.length === 0) return <p className="models-empty">The shelf is empty. Train a model on the Train page (it is saved here automatically) or import a shelf file.</p>;
  return (
    <div className="models-table-wrap">
      <table className="models-table" aria-label="Model versions">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Parent</th>
            <th scope="col">Made by</th>
            <th scope="col">Test metric</th>
            <th scope="col" title={SIZE_MEANING.flash}>{sizeHeading('flash')}</th>
            <th scope="col">Latency</th>
            <th scope="col">Select</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = r.entry;
            const isEditing = editing?.id === v.id;
            return (
              <tr key={v.id}>
                <th scope="row" className="models-name">
                  {isEditing ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        onRename(v.id, editing.text);
                        setEditing(null);
                      }}
                    >
                      <label className="sr-only" htmlFor={`rename-${v.id}`}>New name</label>
                      <input id={`rename-${v.id}`} value={editing.text} maxLength={200} autoFocus onChange={(e) => setEditing({ id: v.id, text: e.target.value })} />
                      <button type="submit" className="button">Save name</button>
                      <button type="button" className="button" onClick={() => setEditing(null)}>Cancel</button>
                    </form>
                  ) : (
                    <span>{v.name}</span>
                  )}
                  {v.lineageIssue && <small className="models-issue">lineage: {v.lineageIssue}</small>}
                </th>
                <td>{r.parentName}</td>
                <td>
                  {techniqueLabel(v.technique)}
                  {r.taskLabel && <span className="models-tag">{r.taskLabel}</span>}
                  {v.pruned && <span className="models-tag">{Math.round(v.sparsity * 100)} % zeros</span>}
                  {v.quantized && <span className="models-tag">{v.deployment.dtype}</span>}
                  {v.settingsLink && (
                    // The lab with the settings (and target) that made this version: run it again there.
                    <a className="models-reproduce" href={v.settingsLink} title={`Opens ${v.lab} with the settings that made this version`}>
                      Reproduce
                    </a>
                  )}
                </td>
                <td>
                  {r.metric.label !== 'Test accuracy' && <span className="models-metric-name">{r.metric.label} </span>}
                  <output aria-label={r.metric.label} title={r.metric.note}>
                    {r.metric.text}
                  </output>
                  {r.metric.extra.map((e) => (
                    <small key={e.label} className="models-metric-extra">
                      {' '}{e.label} <output aria-label={e.label}>{e.text}</output>
                    </small>
                  ))}
                </td>
                <td>
                  <output aria-label="Flash" title={`${SIZE_LABEL.flash} on ${targetName}: ${SIZE_MEANING.flash}`}>{r.flash}</output>
                </td>
                <td>
                  <output aria-label="Latency" title={`on ${targetName}`}>{r.latency}</output>
                </td>
                <td>
                  <input type="checkbox" aria-label={`Select ${v.name}`} checked={selected.has(v.id)} onChange={(e) => onSelect(v.id, e.target.checked)} />
                </td>
                <td className="models-actions">
                  <button type="button" className="button" disabled={busy} onClick={() => setEditing({ id: v.id, text: v.name })}>Rename</button>
                  <button type="button" className="button" disabled={busy} onClick={() => onOpen(r)}>Open in lab</button>
                  <button type="button" className="button" disabled={busy} onClick={() => onDelete(r)}>Delete</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
