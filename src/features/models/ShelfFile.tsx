/** "Export shelf" (one JSON file with every version, or the selected ones) and the "Shelf file" import. */
import { useRef } from 'react';
import { MAX_SHELF_FILE_BYTES } from '../../core/shelf/file-format';
import { exportShelf, importShelf } from '../../store/shelf';

export function downloadBytes(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props {
  selected: string[];
  busy: boolean;
  empty: boolean;
  onMessage(kind: 'status' | 'alert', text: string): void;
}

export function ShelfFile({ selected, busy, empty, onMessage }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const day = () => new Date().toISOString().slice(0, 10);

  async function exportAll(ids?: string[]) {
    try {
      const bytes = await exportShelf(ids);
      downloadBytes(bytes, ids ? `tinyml-models-${day()}.json` : `tinyml-shelf-${day()}.json`);
      onMessage('status', `Exported ${ids ? ids.length : 'every'} version${ids?.length === 1 ? '' : 's'} (${(bytes.length / 1024).toFixed(0)} KB).`);
    } catch (e) {
      onMessage('alert', `Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    try {
      if (file.size > MAX_SHELF_FILE_BYTES) throw new Error(`the file is ${(file.size / 1e6).toFixed(0)} MB; a shelf file may be at most ${MAX_SHELF_FILE_BYTES / 1024 / 1024} MB`);
      const r = await importShelf(new Uint8Array(await file.arrayBuffer()));
      onMessage('status', `Imported ${r.imported} version${r.imported === 1 ? '' : 's'}: ${r.names.slice(0, 6).join(', ')}${r.names.length > 6 ? ', …' : ''}.`);
    } catch (e) {
      onMessage('alert', `Nothing was imported from ${file.name.slice(0, 80)}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="models-file">
      <button type="button" className="button" disabled={busy || empty} onClick={() => void exportAll()}>
        Export shelf
      </button>
      <button type="button" className="button" disabled={busy || selected.length === 0} onClick={() => void exportAll(selected)}>
        Export selected
      </button>
      <div className="field">
        <label htmlFor="shelf-file">Shelf file</label>
        <input id="shelf-file" ref={input} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
    </div>
  );
}
