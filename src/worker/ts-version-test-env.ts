/**
 * Test-only: a small time-series version trained through the Time-series lab's worker API and saved
 * with a run link, so Deploy / Quantization / Pruning tests start from what a user's "Save to shelf"
 * stores. The tests build the link with the page's own settings schema (store/time-series.ts), which
 * worker modules may not import. Fresh fake IndexedDB per test file.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';
import { registerWasmGradientKernels } from '../core/train/wasm-kernels';
import type { TaskMetric } from '../core/shelf/types';
import type { ShelfEntry } from './protocol/shelf';
import type { TsRunSettings } from '../core/data/timeseries/lab-defaults';
import type { TimeSeriesTask } from '../core/data/timeseries/types';
import { resetDbForTests } from './db';
import { disposeSlot } from './context';
import { shelfApi } from './shelf';
import { timeSeriesApi } from './time-series';

export function setUpTsVersionTests(): void {
  beforeAll(async () => {
    registerWasmGradientKernels();
    await tf.setBackend('wasm');
    await tf.ready();
    await resetDbForTests();
    globalThis.indexedDB = new IDBFactory();
  });
}

/** Trains with these settings and saves the model as the page's "Save to shelf" does, with `link` as its run link. */
export async function saveTsVersion(task: TimeSeriesTask, s: TsRunSettings, link: string): Promise<ShelfEntry> {
  const out = await timeSeriesApi.train(task, s);
  const f = out.float;
  const metric: TaskMetric = f.classification
    ? { name: 'accuracy', float: f.classification.accuracy }
    : f.anomaly ? { name: 'AUC', float: f.anomaly.auc } : { name: 'R²', float: f.regression!.r2 };
  const saved = await shelfApi.save({
    slot: out.saveSlot!, name: `ts ${task}`, technique: 'train', lab: 'time-series', settingsLink: link, parentId: null,
    metrics: { taskMetric: metric },
    task: { domain: 'time-series', kind: task, dataset: s.dataset, datasetLabel: s.dataset === 'csv' ? 'my recordings' : `${s.dataset} (test)` },
  });
  disposeSlot(out.saveSlot!);
  return saved.version;
}
