/**
 * The two single-model records kept in IndexedDB (through db.ts): the Train lab's baseline and the
 * Distillation lab's zoo teacher. Read records are validated (src/core/shelf/validate.ts); a damaged
 * one is never used: it is remembered with its reason, so the Models page can list it for deletion.
 */
import type { ModelSpec, WeightSet } from '../core/model/spec';
import { validateStoredModel, type StoredModel } from '../core/shelf/validate';
import { dbDelete, dbGet, dbPut, type WriteOutcome } from './db';

export type ModelRecordStore = 'baseline' | 'teacher';
const KEY = 'current';

export interface SavedModelRecord {
  spec: ModelSpec;
  weights: WeightSet;
  seed: number;
  testAccuracy: number;
  savedAt: string;
}

/** Reasons the last read found a record damaged, by store (cleared when it is replaced or deleted). */
const damaged = new Map<ModelRecordStore, string>();

export function damagedRecords(): { store: ModelRecordStore; reason: string }[] {
  return [...damaged].map(([store, reason]) => ({ store, reason }));
}

export async function saveModelRecord(store: ModelRecordStore, r: SavedModelRecord): Promise<WriteOutcome> {
  damaged.delete(store);
  return dbPut(store, KEY, r);
}

/** The stored record, or null when there is none or it is damaged (see damagedRecords()). */
export async function loadModelRecord(store: ModelRecordStore): Promise<StoredModel | null> {
  const raw = await dbGet(store, KEY);
  if (raw === undefined) return null;
  const r = validateStoredModel(raw);
  if (!r.ok) {
    damaged.set(store, r.reason);
    return null;
  }
  damaged.delete(store);
  return r.value;
}

export async function deleteModelRecord(store: ModelRecordStore): Promise<WriteOutcome> {
  damaged.delete(store);
  return dbDelete(store, KEY);
}
