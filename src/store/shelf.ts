/**
 * The model shelf, page side: the listing the worker gives (versions, damaged records, storage
 * status), kept fresh through a BroadcastChannel (the worker announces every write, in this tab and
 * in others), and the actions the Models page and the labs' "Save to shelf" / "Start from" use.
 *
 * The "Start from" pick is the seam to the labs: `startFrom(id)` builds the version into the worker's
 * "baseline" slot and sets the shared baseline, so every lab that starts from the baseline starts
 * from it (on a copy: labs never write the baseline slot).
 */
import { create } from 'zustand';
import { runningAccuracy } from '../core/shelf/types';
import { getEngine, proxy } from '../worker/client';
import type { PipelineEvent, PipelineRequest, PipelineResult, SaveResult, SaveVersionRequest, ShelfEntry, ShelfListing, StorageFault, WriteResult } from '../worker/protocol/shelf';
import { useBaseline } from './baseline';
import { pushNotice, clearNotice } from './notices';
import { deviceSettings } from './device';
import { defineSettings, encode, type Field, type Fields, type SettingsSchema, type Values } from './settings-schema';
import { useSettingsStore } from './use-lab-settings';
import { readLocal, removeLocal, writeLocal } from './local-storage';

/** The channel the worker posts on after each shelf write (src/worker/shelf.ts SHELF_CHANNEL). */
const CHANNEL = 'tinyml-lab-shelf';
const PICK_KEY = 'tinyml:shelf:start-from';
const FAULT_NOTICE = 'shelf-storage';

export interface ShelfState {
  listing: ShelfListing | null;
  /** Why the last listing failed (the worker could not read the shelf at all). */
  error: string | null;
  /** The version now in the baseline slot (null: the Train lab's saved baseline). */
  activeId: string | null;
  /** The version the user last picked in a "Start from" select (kept in this browser). */
  lastPicked: string | null;
  /**
   * Versions picked for a purpose other than the lab's start (e.g. the Distillation student's
   * initialisation, the NAS seed architecture), by purpose; the version is built into its own slot.
   */
  picks: Partial<Record<PickPurpose, ShelfEntry>>;
}

/** What a secondary pick is for (each has its own worker slot, so it never replaces the baseline). */
export type PickPurpose = 'distill-student' | 'nas-seed';

function readPick(): string | null {
  return readLocal(PICK_KEY);
}

function writePick(id: string | null): void {
  // A full or missing localStorage only loses the remembered pick.
  if (id) writeLocal(PICK_KEY, id);
  else removeLocal(PICK_KEY);
}

export const useShelf = create<ShelfState>()(() => ({ listing: null, error: null, activeId: null, picks: {}, lastPicked: typeof window === 'undefined' ? null : readPick() }));

function shelf() {
  return getEngine().shelf;
}

function reportFault(fault: StorageFault | null): void {
  if (fault) pushNotice('warning', fault.message.charAt(0).toUpperCase() + fault.message.slice(1) + '.', FAULT_NOTICE);
  else clearNotice(FAULT_NOTICE);
}

let refreshing: Promise<void> | null = null;
let again = false;

/** Re-reads the shelf (coalesced: a burst of changes gives at most two listings). */
export function refreshShelf(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        const listing = await shelf().list();
        useShelf.setState({ listing, error: null });
        reportFault(listing.status.fault);
      } catch (e) {
        useShelf.setState({ error: e instanceof Error ? e.message : String(e) });
      }
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Why this page cannot use IndexedDB (missing, or access throws in some private modes), or null. */
function pageStorageProblem(): string | null {
  try {
    return typeof indexedDB === 'undefined' || indexedDB === null ? 'IndexedDB is not available, e.g. in a private window' : null;
  } catch (e) {
    return `IndexedDB cannot be used: ${e instanceof Error ? e.message : String(e)}`;
  }
}

let channel: BroadcastChannel | null = null;
let started: Promise<void> | null = null;
/** Starts listening for shelf changes (idempotent) and loads the listing once. */
export function watchShelf(): Promise<void> {
  started ??= (async () => {
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = () => void refreshShelf();
    }
    const problem = pageStorageProblem();
    if (problem) await shelf().useMemoryOnly(problem);
    await refreshShelf();
  })();
  return started;
}

/** The shelf's versions, oldest first (the Deploy lab's "Model to deploy" list reads this). */
export function listVersions(): ShelfEntry[] {
  return useShelf.getState().listing?.versions ?? [];
}

export function useVersions(): ShelfEntry[] {
  return useShelf((s) => s.listing?.versions) ?? EMPTY;
}
const EMPTY: ShelfEntry[] = [];

async function afterWrite<T extends WriteResult>(r: T): Promise<T> {
  reportFault(r.fault);
  await refreshShelf();
  return r;
}

export async function saveToShelf(req: SaveVersionRequest): Promise<SaveResult> {
  return afterWrite(await shelf().save(req));
}

export async function renameVersion(id: string, name: string): Promise<SaveResult> {
  return afterWrite(await shelf().rename(id, name));
}

export async function deleteVersion(id: string): Promise<WriteResult> {
  if (useShelf.getState().lastPicked === id) pickVersion(null);
  return afterWrite(await shelf().remove(id));
}

export async function undoDelete(id: string): Promise<WriteResult> {
  return afterWrite(await shelf().restore(id));
}

export async function deleteDamaged(id: string): Promise<WriteResult> {
  return afterWrite(await shelf().removeDamaged(id));
}

export async function exportShelf(ids?: string[]): Promise<Uint8Array> {
  return shelf().exportFile(ids);
}

export async function importShelf(bytes: Uint8Array): Promise<{ imported: number; names: string[] }> {
  const r = await shelf().importFile(bytes);
  await refreshShelf();
  return r;
}

export async function runShelfPipeline(req: PipelineRequest, onEvent: (e: PipelineEvent) => void): Promise<PipelineResult> {
  try {
    return await shelf().runPipeline(req, proxy(onEvent));
  } finally {
    await refreshShelf();
  }
}

export function pickVersion(id: string | null): void {
  writePick(id);
  useShelf.setState({ lastPicked: id });
}

/** The default "Start from": the version last picked if it is still there, else the latest float (unquantized) version. */
export function defaultStart(versions: ShelfEntry[], lastPicked: string | null): ShelfEntry | null {
  const picked = versions.find((v) => v.id === lastPicked);
  if (picked) return picked;
  for (let i = versions.length - 1; i >= 0; i--) if (!versions[i].quantized) return versions[i];
  return versions[versions.length - 1] ?? null;
}

/** Builds the version into the baseline slot and makes it the baseline every lab starts from. */
export async function startFrom(id: string): Promise<ShelfEntry> {
  const v = await shelf().load(id, 'baseline');
  useShelf.setState({ activeId: id });
  useBaseline.getState().setBaseline({ spec: v.spec, testAccuracy: runningAccuracy(v) ?? NaN, savedAt: v.createdAt });
  return v;
}

/**
 * Builds a version into `slot` for a secondary purpose (see ShelfState.picks), or clears the pick.
 * The baseline, and what the lab's "Start from" shows, stay as they are.
 */
export async function pickFor(purpose: PickPurpose, id: string | null, slot?: string): Promise<ShelfEntry | null> {
  const { [purpose]: _old, ...rest } = useShelf.getState().picks;
  void _old;
  if (!id) {
    useShelf.setState({ picks: rest });
    return null;
  }
  const v = slot ? await shelf().load(id, slot) : listVersions().find((x) => x.id === id);
  if (!v) throw new Error('that version is no longer on the shelf');
  useShelf.setState({ picks: { ...rest, [purpose]: v } });
  return v;
}

/**
 * A lab link (hash) that reproduces a run: the route, the settings the run used (as URL keys) and
 * the device target. `values` defaults to the lab's current settings (read the way every page does).
 */
export function labLink<F extends Fields>(labId: string, schema: SettingsSchema<F>, values?: Values<F>): string {
  const current = (values ?? useSettingsStore.getState().values[schema.id]) as Values<F> | undefined;
  const target = useSettingsStore.getState().values[deviceSettings.id] as Values<typeof deviceSettings.fields> | undefined;
  const query = new URLSearchParams({ ...(current ? encode(schema, current) : {}), ...(target ? encode(deviceSettings, target) : {}) });
  return `#/${labId}?${query.toString()}`;
}

// ------------------------------------------------------------ pinned versions (device panel)

/** At most this many pinned versions (the panel's columns must stay readable). */
export const MAX_PINS = 6;
const PIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Shelf version ids as canonical text ("id1,id2"); a pin list is per browser, so it stays out of links. */
const pinListField: Field<string> = {
  label: 'Pin versions',
  default: '',
  describe: `up to ${MAX_PINS} comma-separated version ids`,
  parse(text) {
    const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
    return ids.length <= MAX_PINS && ids.every((id) => PIN_ID.test(id)) ? ids.join(',') : undefined;
  },
  serialise: (v) => v,
};

/** The device panel's pinned shelf versions: a settings schema (local storage, with its notices), never in the URL. */
export const shelfPinSettings = defineSettings('shelf-pins', { pinned: pinListField });

export const pinIds = (text: string): string[] => text.split(',').filter(Boolean);

/** The pin list with `id` added or removed (oldest pins give way beyond MAX_PINS). */
export function togglePin(text: string, id: string, on: boolean): string {
  const ids = pinIds(text).filter((x) => x !== id);
  if (on) ids.push(id);
  return ids.slice(-MAX_PINS).join(',');
}
