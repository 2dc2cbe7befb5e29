/**
 * engine.shelf.*: the model shelf inside the worker. Versions live in db.ts's "versions" store, one
 * record per id: a full ModelVersion, or a tombstone (a deleted version's name, kept while a child still
 * names it as parent). Every record is validated when read; a damaged one is listed, never built.
 * After every write the other tabs (and this tab's page) hear about it on a BroadcastChannel, and
 * re-list; the last write of a record wins (IndexedDB writes are atomic), so nothing is half-written.
 */
import { analyzeSpec } from '../core/model/analyze';
import type { WeightSet } from '../core/model/spec';
import type { Deployment } from '../core/devices/types';
import { readShelfFile, writeShelfFile } from '../core/shelf/file-format';
import { lineageProblems, unusedTombstones, type Tombstone } from '../core/shelf/lineage';
import { uniqueName } from '../core/shelf/naming';
import type { DamagedRecord, ModelVersion, QuantParams, VersionMask } from '../core/shelf/types';
import { masksFromZeros, quantParamsOf } from './shelf-convert';
import { recordName, validateVersion } from '../core/shelf/validate';
import { Lru, weightBytes } from '../core/cache/lru';
import { createSlot, getSlot, registerCache } from './context';
import { dbDelete, dbEntries, dbGet, dbPut, storageStatus, useMemoryOnly, type WriteOutcome } from './db';
import { damagedRecords, deleteModelRecord } from './model-records';
import { conversionOf } from './quantization';
import { runPipeline } from './shelf-pipeline';
import type { SaveVersionRequest, ShelfApi, ShelfEntry, ShelfListing, WriteResult } from './protocol/shelf';

export const SHELF_CHANNEL = 'tinyml-lab-shelf';
const STORE = 'versions';
/**
 * Deleted versions kept for Undo this session (the record itself is gone from IndexedDB): the last
 * 8 deletions, at most 16 MB of weights; an older one can no longer be undone (restore says so).
 */
const undo = new Lru<ModelVersion>({ name: 'Shelf undo', maxEntries: 8, maxBytes: 16e6, sizeOf: (v) => weightBytes(v.weights) });
registerCache(() => undo.stats());

let channel: BroadcastChannel | null = null;
function announce(): void {
  try {
    channel ??= typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SHELF_CHANNEL);
    (channel as unknown as { unref?: () => void })?.unref?.(); // Node: do not keep tests alive
    channel?.postMessage({ type: 'changed' });
  } catch {
    /* another tab will see the change on its next listing */
  }
}

const result = (o: WriteOutcome): WriteResult => (o.persisted ? { persisted: true, fault: null } : { persisted: false, fault: o.fault });

function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return c?.randomUUID?.() ?? `v-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const isTombstone = (v: unknown): v is Tombstone & { tombstone: true } =>
  typeof v === 'object' && v !== null && (v as { tombstone?: unknown }).tombstone === true && typeof (v as { name?: unknown }).name === 'string';

/** Kernel sparsity per layer, for the estimator's Deployment. */
function kernelSparsity(weights: WeightSet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of weights) {
    if (w.role !== 'kernel') continue;
    let zeros = 0;
    for (let i = 0; i < w.data.length; i++) if (w.data[i] === 0) zeros++;
    out[w.layer] = zeros / w.data.length;
  }
  return out;
}

export function entryOf(v: ModelVersion): ShelfEntry {
  const sparsityByLayer = kernelSparsity(v.weights);
  const kernels = v.weights.filter((w) => w.role === 'kernel');
  const total = kernels.reduce((a, w) => a + w.data.length, 0);
  const zeros = kernels.reduce((a, w) => a + sparsityByLayer[w.layer] * w.data.length, 0);
  const pruned = (v.masks?.length ?? 0) > 0;
  const deployment: Deployment = {
    dtype: v.quant ? (v.quant.weightBits <= 4 ? 'int4' : 'int8') : 'fp32',
    ...(pruned ? { sparsity: sparsityByLayer } : {}),
    ...(v.quant ? { perChannel: v.quant.perChannel } : {}),
  };
  const { weights: _w, masks: _m, quant: _q, ...rest } = v;
  void _w; void _m; void _q;
  return { ...rest, quantized: !!v.quant, pruned, sparsity: pruned && total ? zeros / total : 0, deployment };
}

async function readShelf(): Promise<{ versions: ModelVersion[]; tombstones: Tombstone[]; damaged: DamagedRecord[] }> {
  const versions: ModelVersion[] = [];
  const tombstones: Tombstone[] = [];
  const damaged: DamagedRecord[] = [];
  for (const [key, raw] of await dbEntries(STORE)) {
    if (isTombstone(raw)) {
      tombstones.push({ id: key, name: raw.name.slice(0, 200), deletedAt: String(raw.deletedAt) });
      continue;
    }
    const r = validateVersion(raw);
    if (!r.ok) damaged.push({ id: key, name: recordName(raw), reason: r.reason });
    else if (r.value.id !== key) damaged.push({ id: key, name: r.value.name, reason: `it is stored under another id (${key})` });
    else versions.push(r.value);
  }
  versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const d of damagedRecords()) damaged.push({ id: `${d.store}:current`, name: d.store === 'baseline' ? 'the saved baseline' : 'the distillation teacher', reason: d.reason });
  return { versions, tombstones, damaged };
}

export async function getVersion(id: string): Promise<ModelVersion> {
  const r = validateVersion(await dbGet(STORE, id));
  if (!r.ok) throw new Error(`the version ${id} cannot be used: ${r.reason}`);
  return r.value;
}

/** The parent's masks for a child, refused when the child's weights no longer honour them. */
function inheritedMasks(parent: VersionMask[] | undefined, weights: WeightSet): VersionMask[] | undefined {
  if (!parent) return undefined;
  for (const m of parent) {
    const w = weights.find((x) => x.layer === m.layer && x.role === m.role);
    if (!w || w.data.length !== m.mask.length) throw new Error(`the model no longer has the parent's pruned tensor ${m.layer}/${m.role}`);
    let revived = 0;
    for (let i = 0; i < m.mask.length; i++) if (m.mask[i] === 0 && w.data[i] !== 0) revived++;
    if (revived) throw new Error(`${revived} pruned weights of ${m.layer} are no longer zero, so this is not a pruned child of its parent`);
  }
  return parent.map((m) => ({ layer: m.layer, role: m.role, mask: m.mask.slice() }));
}

/** Builds a ModelVersion from a slot (used by save and the pipeline). */
export async function versionFromSlot(req: SaveVersionRequest): Promise<ModelVersion> {
  const { spec, model, seed } = getSlot(req.slot);
  const weights = model.getWeights();
  const info = analyzeSpec(spec);
  let masks: VersionMask[] | undefined;
  if (req.masks === 'from-zeros') masks = masksFromZeros(weights);
  // A child of a pruned version keeps its parent's masks, and its pruned weights must still be zero.
  else if (req.masks === 'inherit') masks = req.parentId ? inheritedMasks((await getVersion(req.parentId)).masks, weights) : undefined;
  else masks = req.masks;
  let quant: QuantParams | undefined;
  if (req.quant === 'PTQ' || req.quant === 'QAT') {
    const qm = conversionOf(req.quant);
    if (!qm) throw new Error(`there is no ${req.quant} conversion to save yet`);
    const c = req.quantCheck;
    if (c && (qm.settings.weightBits !== c.weightBits || qm.settings.activationBits !== c.activationBits)) {
      throw new Error(`the last ${req.quant} conversion (${qm.settings.weightBits}/${qm.settings.activationBits} bits) is not the one shown; run ${req.quant} again, then save`);
    }
    quant = quantParamsOf(qm, req.quant);
  } else quant = req.quant;
  const v: ModelVersion = {
    id: newId(), name: req.name.trim().slice(0, 200) || spec.name, technique: req.technique, lab: req.lab, settingsLink: req.settingsLink,
    parentId: req.parentId, createdAt: new Date().toISOString(), spec, seed, weights,
    metrics: { ...req.metrics, params: info.params, macs: info.macs },
    ...(masks ? { masks } : {}), ...(quant ? { quant } : {}), ...(req.task ? { task: req.task } : {}),
  };
  const checked = validateVersion(v); // what we store must read back
  if (!checked.ok) throw new Error(`the model cannot be saved: ${checked.reason}`);
  return v;
}

export async function putVersion(v: ModelVersion): Promise<WriteResult> {
  const r = result(await dbPut(STORE, v.id, v));
  announce();
  return r;
}

/**
 * The Train lab's completed run (and "Train a baseline here", and NAS's chosen model): a version named
 * after its model, a root unless it grew from a shelf version (a NAS search seeded by one).
 */
export async function saveTrainedRun(slot: string, testAccuracy: number, origin: { settingsLink?: string; parentId?: string | null } = {}): Promise<WriteResult> {
  const { versions } = await readShelf();
  const name = uniqueName(getSlot(slot).spec.name, versions.map((v) => v.name));
  // The NAS lab saves its chosen architecture the same way (slot "nas:chosen").
  const fromNas = slot.startsWith('nas:');
  const v = await versionFromSlot({ slot, name, technique: fromNas ? 'nas' : 'train', lab: fromNas ? 'nas' : 'train', settingsLink: origin.settingsLink, parentId: origin.parentId ?? null, metrics: { floatAccuracy: testAccuracy } });
  return putVersion(v);
}

export const shelfApi: ShelfApi = {
  async list(): Promise<ShelfListing> {
    const { versions, tombstones, damaged } = await readShelf();
    const issues = new Map(lineageProblems(versions, tombstones).map((p) => [p.id, p.reason]));
    return {
      versions: versions.map((v) => ({ ...entryOf(v), ...(issues.has(v.id) ? { lineageIssue: issues.get(v.id) } : {}) })),
      damaged, tombstones, status: storageStatus(),
    };
  },

  async save(req) {
    const v = await versionFromSlot(req);
    return { ...(await putVersion(v)), version: entryOf(v) };
  },

  async load(id, slot) {
    const v = await getVersion(id);
    createSlot(slot, v.spec, v.seed, v.weights);
    return entryOf(v);
  },

  async rename(id, name) {
    const v = await getVersion(id);
    const renamed = { ...v, name: name.trim().slice(0, 200) || v.name };
    return { ...(await putVersion(renamed)), version: entryOf(renamed) };
  },

  async remove(id) {
    const v = await getVersion(id);
    undo.set(id, v);
    const { versions, tombstones } = await readShelf();
    const rest = versions.filter((x) => x.id !== id);
    // Keep the name as a tombstone only while a child still points at it.
    const out = rest.some((x) => x.parentId === id)
      ? result(await dbPut(STORE, id, { tombstone: true, id, name: v.name, deletedAt: new Date().toISOString() }))
      : result(await dbDelete(STORE, id));
    for (const t of unusedTombstones(rest, tombstones)) if (t.id !== id) await dbDelete(STORE, t.id);
    announce();
    return out;
  },

  async restore(id) {
    const v = undo.get(id);
    if (!v) throw new Error('there is nothing to undo for this version any more');
    undo.delete(id);
    return putVersion(v);
  },

  async removeDamaged(id) {
    const r = id === 'baseline:current' || id === 'teacher:current'
      ? result(await deleteModelRecord(id === 'baseline:current' ? 'baseline' : 'teacher'))
      : result(await dbDelete(STORE, id));
    announce();
    return r;
  },

  async exportFile(ids) {
    const { versions, tombstones } = await readShelf();
    const chosen = ids ? versions.filter((v) => ids.includes(v.id)) : versions;
    if (chosen.length === 0) throw new Error('there is no version to export');
    const chosenIds = new Set(chosen.map((v) => v.id));
    // A parent left out of the file travels as a tombstone, so the child's lineage still reads.
    const needed = new Map<string, Tombstone>();
    for (const v of chosen) {
      if (!v.parentId || chosenIds.has(v.parentId)) continue;
      const parent = versions.find((p) => p.id === v.parentId);
      const t = tombstones.find((x) => x.id === v.parentId);
      if (parent) needed.set(parent.id, { id: parent.id, name: parent.name, deletedAt: new Date().toISOString() });
      else if (t) needed.set(t.id, t);
    }
    return new TextEncoder().encode(writeShelfFile({ versions: chosen, tombstones: [...needed.values()] }));
  },

  async importFile(bytes) {
    const { versions, tombstones } = await readShelf();
    const file = readShelfFile(bytes, { ids: versions.map((v) => v.id), tombstones });
    const have = new Set(versions.map((v) => v.id));
    for (const t of file.tombstones) if (!have.has(t.id) && !tombstones.some((x) => x.id === t.id)) await dbPut(STORE, t.id, { tombstone: true, ...t });
    let fault: WriteResult['fault'] = null;
    for (const v of file.versions) {
      const r = await dbPut(STORE, v.id, v);
      if (!r.persisted) fault = r.fault;
    }
    announce();
    if (fault) throw new Error(`imported for this session only: ${fault.message}`);
    return { imported: file.versions.length, names: file.versions.map((v) => v.name) };
  },

  runPipeline(req, onEvent) {
    return runPipeline(req, onEvent, { getVersion, versionFromSlot, putVersion, entryOf });
  },

  useMemoryOnly,
};
