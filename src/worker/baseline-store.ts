/**
 * Where the trained baseline is kept between page loads: IndexedDB (plain API) in the browser, an
 * in-memory map where IndexedDB does not exist (Node tests). Stores the spec, the weights as typed
 * arrays (structured clone keeps Float32Array) and the test accuracy.
 */
import type { ModelSpec, WeightSet } from '../core/model/spec';

export interface StoredBaseline {
  spec: ModelSpec;
  weights: WeightSet;
  seed: number;
  testAccuracy: number;
  savedAt: string;
}

export interface BaselineStore {
  save(b: StoredBaseline): Promise<void>;
  load(): Promise<StoredBaseline | null>;
  clear(): Promise<void>;
}

const DB_NAME = 'tinyml-lab';
const STORE = 'baseline';
const KEY = 'current';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB_NAME, 1);
  r.onupgradeneeded = () => {
    if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
  };
  return request(r);
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  } finally {
    db.close();
  }
}

export const indexedDbStore: BaselineStore = {
  async save(b) {
    await withStore('readwrite', (s) => s.put(b, KEY));
  },
  async load() {
    const v = await withStore<StoredBaseline | undefined>('readonly', (s) => s.get(KEY));
    return v ?? null;
  },
  async clear() {
    await withStore('readwrite', (s) => s.delete(KEY));
  },
};

export function memoryStore(): BaselineStore {
  let value: StoredBaseline | null = null;
  return {
    async save(b) {
      value = structuredClone(b);
    },
    async load() {
      return value ? structuredClone(value) : null;
    },
    async clear() {
      value = null;
    },
  };
}

export function defaultBaselineStore(): BaselineStore {
  return typeof indexedDB !== 'undefined' ? indexedDbStore : memoryStore();
}
