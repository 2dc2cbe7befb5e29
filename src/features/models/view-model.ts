/** What the Models page shows per version, computed from the listing and the device panel's target (pure). */
import { estimate, formatMs } from '../../core/devices';
import { sizeKB } from '../../core/devices/model-size';
import { paretoFront } from '../../core/shelf/pareto';
import { formatTaskMetric, runningAccuracy, type TaskMetric } from '../../core/shelf/types';
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
  /** The row's test metric: MNIST accuracy as the version runs, or a task version's stored metric. */
  metric: RowMetric;
  /** "time series · classification · motor modes" for a task version; null for an MNIST model. */
  taskLabel: string | null;
}

export interface RowMetric {
  /** The output's accessible name: "Test accuracy" only where the value is an accuracy. */
  label: 'Test accuracy' | 'AUC' | 'R²' | 'MAE';
  text: string;
  /** What the number is (the output's title): which model, which data. */
  note: string;
  /** Secondary figures (a regression's MAE), already formatted. */
  extra: { label: string; text: string }[];
}

const METRIC_LABEL: Record<TaskMetric['name'], RowMetric['label']> = { accuracy: 'Test accuracy', AUC: 'AUC', 'R²': 'R²', MAE: 'MAE' };

function rowMetric(entry: ShelfEntry, accuracy: number | undefined, kind: VersionRow['accuracyKind']): RowMetric {
  const m = entry.metrics.taskMetric;
  if (m && entry.task) {
    const int8 = m.int8 !== undefined ? `; int8 PTQ ${formatTaskMetric(m.name, m.int8, m.unit)}` : '';
    return {
      label: METRIC_LABEL[m.name],
      text: formatTaskMetric(m.name, m.float, m.unit),
      note: `float model on its ${entry.task.datasetLabel} test windows (stored when saved)${int8}`,
      extra: (m.extra ?? []).map((e) => ({ label: e.name, text: formatTaskMetric('MAE', e.value, e.unit) })),
    };
  }
  const note = kind === 'integer' ? 'integer-only (int8) model on MNIST' : kind === 'fake-quant' ? 'fake-quantized model on MNIST' : 'float model on MNIST';
  return { label: 'Test accuracy', text: formatTaskMetric('accuracy', accuracy), note, extra: [] };
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
    const accuracy = runningAccuracy(entry);
    const accuracyKind: VersionRow['accuracyKind'] = entry.quantized ? (entry.metrics.integerAccuracy !== undefined ? 'integer' : 'fake-quant') : 'float';
    const parentName = entry.parentId === null ? '—' : (names.get(entry.parentId) ?? (dead.has(entry.parentId) ? `${dead.get(entry.parentId)} (deleted)` : 'missing'));
    return {
      entry,
      accuracy,
      accuracyKind,
      flashBytes,
      latencyMs,
      ramBytes: e ? e.ram.total : NaN,
      flash: sizeKB(flashBytes),
      latency: formatMs(latencyMs),
      parentName,
      metric: rowMetric(entry, accuracy, accuracyKind),
      taskLabel: entry.task ? `time series · ${entry.task.kind === 'anomaly' ? 'anomaly detection' : entry.task.kind} · ${entry.task.datasetLabel}` : null,
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
