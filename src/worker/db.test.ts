import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zooSpec } from '../core/model/zoo/mnist';
import type { WeightSet } from '../core/model/spec';
import { DB_NAME, DB_VERSION, dbDelete, dbEntries, dbGet, dbPut, resetDbForTests, storageStatus } from './db';
import { damagedRecords, loadModelRecord, saveModelRecord, type SavedModelRecord } from './model-records';
import { expectedWeights } from '../core/shelf/validate';
import { analyzeSpec } from '../core/model/analyze';

function record(seed = 1): SavedModelRecord {
  const spec = zooSpec('mlp');
  const weights: WeightSet = expectedWeights(spec, analyzeSpec(spec)).map((w, i) => {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let k = 0; k < n; k++) data[k] = Math.fround(Math.sin(k * 0.37 + i + seed) * 0.1);
    return { ...w, data };
  });
  return { spec, weights, seed, testAccuracy: 0.9123, savedAt: '2026-12-01T10:00:00.000Z' };
}

beforeEach(async () => {
  await resetDbForTests();
  globalThis.indexedDB = new IDBFactory(); // a fresh, empty browser profile
});
afterEach(() => vi.restoreAllMocks());

describe('db.ts (IndexedDB through idb, fake-indexeddb in Node)', () => {
  it('round-trips a model record bit-exactly and survives a "reload"', async () => {
    const r = record();
    expect(await saveModelRecord('baseline', r)).toEqual({ persisted: true });
    await resetDbForTests(); // the next page load: nothing left in memory
    const back = await loadModelRecord('baseline');
    expect(back).not.toBeNull();
    expect(back!.spec).toEqual(r.spec);
    back!.weights.forEach((w, i) => expect(Buffer.from(w.data.buffer).equals(Buffer.from(r.weights[i].data.buffer))).toBe(true));
    expect(storageStatus()).toEqual({ persistent: true, fault: null });
  });

  it('upgrades a v1 database (baseline store only) and keeps its record', async () => {
    const old = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('baseline') });
    await old.put('baseline', record(5), 'current');
    old.close();
    expect((await loadModelRecord('baseline'))?.seed).toBe(5);
    expect(await dbPut('versions', 'v1', { x: 1 })).toEqual({ persisted: true });
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['baseline', 'recordings', 'teacher', 'versions']);
    db.close();
  });

  it('repairs a database at a higher version that lacks stores, keeping the data it has', async () => {
    const odd = await openDB(DB_NAME, 7, { upgrade: (db) => void db.createObjectStore('baseline') });
    await odd.put('baseline', record(9), 'current');
    odd.close();
    expect(await saveModelRecord('teacher', record(3))).toEqual({ persisted: true });
    expect((await loadModelRecord('baseline'))?.seed).toBe(9);
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(8);
    expect(db.objectStoreNames.contains('teacher')).toBe(true);
    db.close();
  });

  it('migrates the old separate teacher database and deletes it', async () => {
    const legacy = await openDB('tinyml-lab-distillation', 1, { upgrade: (db) => void db.createObjectStore('teacher') });
    await legacy.put('teacher', record(4), 'current');
    legacy.close();
    expect((await loadModelRecord('teacher'))?.seed).toBe(4);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('tinyml-lab-distillation');
  });

  it('without IndexedDB keeps values in memory and reports that they will not be kept', async () => {
    // @ts-expect-error: a private mode without IndexedDB
    delete globalThis.indexedDB;
    const out = await dbPut('versions', 'a', { n: 1 });
    expect(out.persisted).toBe(false);
    expect(storageStatus().persistent).toBe(false);
    expect(storageStatus().fault?.kind).toBe('unavailable');
    expect(storageStatus().fault?.message).toMatch(/cannot be kept in this browser/);
    expect(await dbGet('versions', 'a')).toEqual({ n: 1 });
    expect(await dbEntries('versions')).toEqual([['a', { n: 1 }]]);
    await dbDelete('versions', 'a');
    expect(await dbEntries('versions')).toEqual([]);
  });

  it('a full disk gives a quota fault naming "storage is full"; the value stays usable this session', async () => {
    await dbPut('versions', 'kept', { n: 0 });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const out = await dbPut('versions', 'big', { n: 2 });
    expect(out.persisted).toBe(false);
    expect(!out.persisted && out.fault.kind).toBe('quota');
    expect(storageStatus().fault?.message).toMatch(/storage is full.*export or delete/);
    expect(await dbGet('versions', 'big')).toEqual({ n: 2 });
    expect((await dbEntries('versions')).map(([k]) => k).sort()).toEqual(['big', 'kept']);
    vi.restoreAllMocks();
    expect((await dbPut('versions', 'big', { n: 3 })).persisted).toBe(true);
    expect(storageStatus().fault).toBeNull();
  });

  it('a database that cannot be opened is reported, and the app keeps working in memory', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('open failed', 'UnknownError');
    });
    expect((await saveModelRecord('baseline', record())).persisted).toBe(false);
    expect(storageStatus().fault?.message).toMatch(/could not be opened/);
    expect((await loadModelRecord('baseline'))?.testAccuracy).toBe(0.9123);
  });
});

const firstDense = (r: Record<string, unknown>) => (r.spec as { layers: { units?: number }[] }).layers.find((l) => l.units !== undefined)!;

describe('stored model records are validated on read', () => {
  const cases: [string, (r: Record<string, unknown>) => void, RegExp][] = [
    ['no weights', (r) => delete r.weights, /weights are missing/],
    ['partial weights', (r) => (r.weights as WeightSet).pop(), /needs 6 weight tensors, the record has 5/],
    ['a short tensor', (r) => ((r.weights as WeightSet)[0].data = new Float32Array(3)), /have 3 values, the model needs/],
    ['NaN weights', (r) => ((r.weights as WeightSet)[1].data[2] = NaN), /non-finite value/],
    ['a bad date', (r) => (r.savedAt = 'yesterday-ish'), /not a valid date/],
    ['a NaN accuracy', (r) => (r.testAccuracy = NaN), /testAccuracy.*not a finite number/],
    ['a name that is an object', (r) => ((r.spec as { name: unknown }).name = { evil: 1 }), /no name/],
    ['a 300,000-unit layer with a few bytes of weights', (r) => (firstDense(r).units = 300_000), /parameters, more than/],
    ['a 3,000-unit layer with the weights of a smaller one', (r) => (firstDense(r).units = 3000), /the model needs \[784, 3000\]|the model needs \d+$/],
    ['a 1e308-unit layer', (r) => (firstDense(r).units = 1e308), /units must be a positive integer|parameters, more than/],
  ];
  for (const [what, damage, reason] of cases) {
    it(`rejects ${what}`, async () => {
      const r = structuredClone(record()) as unknown as Record<string, unknown>;
      damage(r);
      await dbPut('baseline', 'current', r);
      await resetDbForTests();
      expect(await loadModelRecord('baseline')).toBeNull();
      const d = damagedRecords();
      expect(d).toHaveLength(1);
      expect(d[0].store).toBe('baseline');
      expect(d[0].reason).toMatch(reason);
    });
  }
});
