/** What the Models page shows per version, computed from the listing and the device panel's target (pure). */
import { estimate, formatBytes, formatMs } from '../../core/devices';
import { paretoFront } from '../../core/shelf/pareto';
import { runningAccuracy } from '../../core/shelf/types';
import type { ShelfEntry } from '../../worker/protocol/shelf';

export interface VersionRow {
  entry: ShelfEntry;
  accuracy: number | undefined;
  /** "int8 · 71.2 % accuracy of the integer model" style explanation of which accuracy is shown. */
  accuracyKind: 'integer' | 'float' | 'fake-quant';
  flashBytes: number;
  latencyMs: number;
  ramBytes: number;
  flash: string;
  latency: string;
  parentName: string;
}

export function versionRows(versions: ShelfEntry[], tombstones: { id: string; name: string }[], targetId: string): VersionRow[] {
  const names = new Map(versions.map((v) => [v.id, v.name]));
  const dead = new Map(tombstones.map((t) => [t.id, t.name]));
  return versions.map((entry) => {
    let e: ReturnType<typeof estimate> | null;
    try {
      e = estimate(entry.spec, entry.deployment, targetId);
    } catch {
      e = null; // a layer the estimator does not know: the row shows "—"
    }
    const flashBytes = e?.flash.total ?? NaN;
    const latencyMs = e?.best.ms ?? NaN;
    const parentName = entry.parentId === null ? '—' : (names.get(entry.parentId) ?? (dead.has(entry.parentId) ? `${dead.get(entry.parentId)} (deleted)` : 'missing'));
    return {
      entry,
      accuracy: runningAccuracy(entry),
      accuracyKind: entry.quantized ? (entry.metrics.integerAccuracy !== undefined ? 'integer' : 'fake-quant') : 'float',
      flashBytes,
      latencyMs,
      ramBytes: e ? e.ram.total : NaN,
      flash: formatBytes(flashBytes),
      latency: formatMs(latencyMs),
      parentName,
    };
  });
}

export type CompareAxis = 'flash' | 'ram' | 'latency';

export interface ComparePoint {
  name: string;
  cost: number;
  accuracy: number;
  onFront: boolean;
}

/** The compare scatter's points (accuracy in %, cost in KB of flash or RAM, or ms) and which lie on the Pareto front. */
export function comparePoints(rows: VersionRow[], axis: CompareAxis): ComparePoint[] {
  const pts = rows.map((r) => ({
    name: r.entry.name,
    cost: axis === 'flash' ? r.flashBytes / 1024 : axis === 'ram' ? r.ramBytes / 1024 : r.latencyMs,
    accuracy: (r.accuracy ?? NaN) * 100,
  }));
  const front = new Set(paretoFront(pts));
  return pts.map((p, i) => ({ ...p, onFront: front.has(i) }));
}

const TECHNIQUE_LABEL: Record<string, string> = {
  train: 'trained', prune: 'pruned', 'fine-tune': 'fine-tuned', quantize: 'quantized', distil: 'distilled', nas: 'searched', import: 'imported',
};

export function techniqueLabel(t: string): string {
  return TECHNIQUE_LABEL[t] ?? t;
}
