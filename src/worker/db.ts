/**
 * The app's one IndexedDB module (nothing else opens IndexedDB). It runs in the worker and keeps
 * the baseline, the distillation teacher, the model shelf's versions and the recordings prepared for a
 * class (a recorded teacher, a recorded NAS run, measured teacher speeds; src/worker/recordings.ts).
 *
 * Why it looks like this:
 * - Schema versioning: DB_VERSION grows when a store is added; `upgrade` creates whatever store is
 *   missing, so any older database (v1 had only "baseline") is brought up to date.
 * - Repair: a database at a *higher* version (a newer build, or a broken one) or one that lacks a
 *   store is reopened at its own version + 1 and the missing stores are created; data in the stores
 *   that exist is kept.
 * - Nothing is lost in a session: every value written is also kept in memory, so when IndexedDB is
 *   missing (private modes, tests), blocked, or full, the app keeps working and the failure is
 *   reported as a StorageFault (the page turns it into a notice) instead of an exception.
 * - Values are returned as `unknown`: callers validate records on read (src/core/shelf/validate.ts).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { FaultKind, StorageFault, StorageStatus } from './protocol/shelf';

export const DB_NAME = 'tinyml-lab';
/** v1: baseline. v2: + teacher, versions (the model shelf). v3: + recordings (precomputed results for a class). */
export const DB_VERSION = 3;
export const STORES = ['baseline', 'teacher', 'versions', 'recordings'] as const;
export type StoreName = (typeof STORES)[number];
/** The distillation teacher's old, separate database (before v2); migrated once, then deleted. */
const LEGACY_TEACHER_DB = 'tinyml-lab-distillation';

export type { FaultKind, StorageFault, StorageStatus };

export type WriteOutcome = { persisted: true } | { persisted: false; fault: StorageFault };

let connection: Promise<IDBPDatabase> | null = null;
let unavailable: StorageFault | null = null;
let lastFault: StorageFault | null = null;
/** Values IndexedDB could not take (or all of them when it is missing): kept for this session. */
const memory = new Map<StoreName, Map<string, unknown>>(STORES.map((s) => [s, new Map()]));
/** Keys deleted this session, so a value IndexedDB still holds (a failed delete) is not resurrected. */
const deleted = new Map<StoreName, Set<string>>(STORES.map((s) => [s, new Set()]));
const faultListeners = new Set<(f: StorageFault | null) => void>();

function factory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined; // some private modes throw on access
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

const mb = (b: number) => `${(b / 1e6).toFixed(b < 1e7 ? 1 : 0)} MB`;

async function usage(): Promise<{ usageBytes?: number; quotaBytes?: number }> {
  try {
    const est = await navigator.storage?.estimate?.();
    return { usageBytes: est?.usage, quotaBytes: est?.quota };
  } catch {
    return {};
  }
}

async function classify(e: unknown): Promise<StorageFault> {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || /quota/i.test(describe(e))) {
    const u = await usage();
    // The quota is named only when usage is near it (a browser may refuse long before its nominal quota).
    const near = u.quotaBytes !== undefined && u.usageBytes !== undefined && u.usageBytes > 0.8 * u.quotaBytes;
    const used = u.usageBytes !== undefined ? ` (${mb(u.usageBytes)} used${near ? ` of ${mb(u.quotaBytes!)}` : ''})` : '';
    return { kind: 'quota', message: `models cannot be saved: storage is full${used} — export or delete models on the Models page`, ...u };
  }
  return { kind: 'failed', message: `models cannot be saved in this browser (${describe(e).slice(0, 200)}); they are kept until the page is closed` };
}

function setFault(f: StorageFault | null): void {
  lastFault = f;
  for (const l of faultListeners) l(f);
}

/** Opens (or upgrades, or repairs) the database; rejects when IndexedDB cannot be used at all. */
async function openDatabase(idb: IDBFactory): Promise<IDBPDatabase> {
  void idb; // idb's openDB reads the global factory; the argument documents the dependency
  const upgrade = (db: IDBPDatabase) => {
    for (const s of STORES) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
  };
  const handlers = {
    upgrade,
    // Another tab holds an older connection open: it will close it (see `blocking`); waiting is all we can do.
    blocked: () => setFault({ kind: 'blocked', message: 'the model store is being upgraded by another tab; close other TinyML Lab tabs if saving does not finish' }),
    // Another tab wants to upgrade: let it, and reopen on our next use.
    blocking: () => void closeConnection(),
    terminated: () => {
      connection = null;
    },
  };
  let db: IDBPDatabase;
  try {
    db = await openDB(DB_NAME, DB_VERSION, handlers);
  } catch (e) {
    if (errorName(e) !== 'VersionError') throw e;
    db = await openDB(DB_NAME, undefined, handlers); // a newer version: open it as it is
  }
  if (STORES.every((s) => db.objectStoreNames.contains(s))) return db;
  const next = db.version + 1; // a store is missing: repair by upgrading past the current version
  db.close();
  return openDB(DB_NAME, next, handlers);
}

async function database(): Promise<IDBPDatabase | null> {
  if (unavailable) return null;
  const idb = factory();
  if (!idb) {
    unavailable = { kind: 'unavailable', message: 'models cannot be kept in this browser (IndexedDB is not available, e.g. in a private window); they are kept until the page is closed' };
    setFault(unavailable);
    return null;
  }
  connection ??= openDatabase(idb).then(async (db) => {
    await migrateLegacyTeacher(db, idb);
    return db;
  });
  try {
    return await connection;
  } catch (e) {
    connection = null;
    unavailable = { kind: 'unavailable', message: `models cannot be kept in this browser: the database could not be opened (${describe(e).slice(0, 200)}); they are kept until the page is closed` };
    setFault(unavailable);
    return null;
  }
}

/** Copies the teacher from the pre-v2 database into the "teacher" store, then deletes the old database. */
async function migrateLegacyTeacher(db: IDBPDatabase, idb: IDBFactory): Promise<void> {
  try {
    const names = (await idb.databases?.()) ?? [];
    if (!names.some((d) => d.name === LEGACY_TEACHER_DB)) return;
    const old = await openDB(LEGACY_TEACHER_DB);
    if (old.objectStoreNames.contains('teacher')) {
      const t: unknown = await old.get('teacher', 'current');
      if (t !== undefined && (await db.get('teacher', 'current')) === undefined) await db.put('teacher', t, 'current');
    }
    old.close();
    await new Promise<void>((resolve) => {
      const r = idb.deleteDatabase(LEGACY_TEACHER_DB);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  } catch {
    // A failed migration loses only the old teacher (the lab can train another); never block the app on it.
  }
}

async function closeConnection(): Promise<void> {
  const c = connection;
  connection = null;
  if (c) (await c.catch(() => null))?.close();
}

async function write(op: (db: IDBPDatabase) => Promise<unknown>): Promise<WriteOutcome> {
  const db = await database();
  if (!db) return { persisted: false, fault: unavailable! };
  try {
    await op(db);
    if (lastFault && lastFault.kind !== 'unavailable') setFault(null);
    return { persisted: true };
  } catch (e) {
    const fault = await classify(e);
    setFault(fault);
    return { persisted: false, fault };
  }
}

// ------------------------------------------------------------ the API

export async function dbPut(store: StoreName, key: string, value: unknown): Promise<WriteOutcome> {
  const r = await write((db) => db.put(store, value, key));
  deleted.get(store)!.delete(key);
  if (r.persisted) memory.get(store)!.delete(key);
  else memory.get(store)!.set(key, value); // not lost: kept for this session
  return r;
}

export async function dbDelete(store: StoreName, key: string): Promise<WriteOutcome> {
  const r = await write((db) => db.delete(store, key));
  memory.get(store)!.delete(key);
  if (r.persisted) deleted.get(store)!.delete(key);
  else deleted.get(store)!.add(key);
  return r;
}

/** A stored value (unvalidated), or undefined. This session's unsaved writes win. */
export async function dbGet(store: StoreName, key: string): Promise<unknown> {
  if (deleted.get(store)!.has(key)) return undefined;
  const mem = memory.get(store)!;
  if (mem.has(key)) return mem.get(key);
  const db = await database();
  if (!db) return undefined;
  try {
    return await db.get(store, key);
  } catch (e) {
    setFault(await classify(e));
    return undefined;
  }
}

/** Every stored [key, value] pair of a store (unvalidated): IndexedDB's, with this session's unsaved changes. */
export async function dbEntries(store: StoreName): Promise<[string, unknown][]> {
  const out = new Map<string, unknown>();
  const db = await database();
  if (db) {
    try {
      const tx = db.transaction(store, 'readonly');
      let cursor = await tx.store.openCursor();
      while (cursor) {
        out.set(String(cursor.key), cursor.value);
        cursor = await cursor.continue();
      }
    } catch (e) {
      setFault(await classify(e));
    }
  }
  for (const [k, v] of memory.get(store)!) out.set(k, v);
  for (const k of deleted.get(store)!) out.delete(k);
  return [...out.entries()];
}

/**
 * Keep everything in memory from now on: the page found no usable IndexedDB (a private window), and
 * the worker must not quietly keep what the page cannot (each context may see a different answer).
 */
export async function useMemoryOnly(reason: string): Promise<void> {
  if (unavailable) return;
  await closeConnection();
  unavailable = { kind: 'unavailable', message: `models cannot be kept in this browser (${reason.slice(0, 200)}); they are kept until the page is closed` };
  setFault(unavailable);
}

export function storageStatus(): StorageStatus {
  return { persistent: !unavailable, fault: lastFault };
}

export function onStorageFault(listener: (f: StorageFault | null) => void): () => void {
  faultListeners.add(listener);
  return () => faultListeners.delete(listener);
}

/** Tests only: forget the connection, the memory copy and the faults (a fresh page load). */
export async function resetDbForTests(): Promise<void> {
  await closeConnection();
  unavailable = null;
  lastFault = null;
  for (const s of STORES) {
    memory.get(s)!.clear();
    deleted.get(s)!.clear();
  }
}
