/**
 * `useLabSettings(schema)` — a lab's settings as typed values plus an updater, kept in one zustand
 * store and mirrored to the URL hash query (shareable links) and localStorage (survives reloads).
 * Define the schema with `defineSettings` (see settings-schema.ts for the how-to).
 *
 * Precedence on load: URL hash query, then localStorage, then the schema defaults. A bad value
 * falls back to its default and a notice names the field; corrupt saved state is reset with a notice.
 * Pasting a new link with different settings (a hash change without reload) applies them too.
 */
import { useEffect, useCallback } from 'react';
import { create } from 'zustand';
import {
  decode,
  encode,
  parseStored,
  rejectionMessage,
  type Fields,
  type SettingsSchema,
  type Values,
} from './settings-schema';
import { readLocal, removeLocal, writeLocal } from './local-storage';
import { clearNotice, pushNotice } from './notices';

interface SettingsStore {
  /** Current values per schema id. */
  values: Record<string, Record<string, unknown>>;
}

export const useSettingsStore = create<SettingsStore>()(() => ({ values: {} }));

/** Notices found during the (render-time) first load; flushed from an effect to avoid render-phase updates. */
const pendingNotices: { text: string; key: string; route?: string }[] = [];

const storageKey = (id: string) => `tinyml:settings:${id}`;

export function readHashQuery(): Record<string, string> {
  if (typeof window === 'undefined') return {};
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  if (q < 0) return {};
  return Object.fromEntries(new URLSearchParams(hash.slice(q + 1)));
}

function hashPath(): string {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return q < 0 ? hash : hash.slice(0, q);
}

function writeHashQuery(entries: Record<string, string>): void {
  const hash = window.location.hash || '#/';
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  for (const [k, v] of Object.entries(entries)) params.set(k, v);
  const next = `${path}?${params.toString()}`;
  if (next !== hash) {
    // replaceState keeps the router's history entry (state) and does not add a Back step per tweak.
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${next}`);
  }
}

function readStorage(schema: SettingsSchema<Fields>): Record<string, string> | undefined {
  // Storage disabled reads as nothing saved: the URL and the defaults still work.
  const parsed = parseStored(readLocal(storageKey(schema.id)));
  if (parsed === null) {
    removeLocal(storageKey(schema.id));
    pendingNotices.push({
      key: `settings-corrupt:${schema.id}`,
      text: `The saved ${schema.id} settings were unreadable and have been reset to their defaults.`,
    });
    return undefined;
  }
  return parsed;
}

let storageWarned = false;

/**
 * Writes only the keys that changed, over what is stored now: two tabs that change different
 * settings of one lab both keep theirs (no lost update). Full or disabled storage says so once;
 * the link still carries the settings and the page keeps working.
 */
function writeStorage(schema: SettingsSchema<Fields>, prev: Record<string, unknown> | undefined, next: Record<string, unknown>): void {
  const text = encode(schema, next as Values<Fields>);
  const before = prev ? encode(schema, prev as Values<Fields>) : {};
  const stored = parseStored(readLocal(storageKey(schema.id))) ?? {};
  for (const [k, v] of Object.entries(text)) if (v !== before[k] || !Object.hasOwn(stored, k)) stored[k] = v;
  if (!writeLocal(storageKey(schema.id), JSON.stringify(stored))) {
    if (storageWarned) return;
    storageWarned = true;
    pendingNotices.push({
      key: 'settings-storage',
      text: 'Settings will not be kept in this browser (its storage is full or disabled); the link still carries them.',
    });
    if (typeof window !== 'undefined') queueMicrotask(flushNotices);
  }
}

/** Puts the default back for saved keys that were rejected, so the next visit does not repeat the notice. */
function repairStorage(schema: SettingsSchema<Fields>, keys: string[]): void {
  // Storage full or disabled: the notice about that comes with the first write.
  const stored = parseStored(readLocal(storageKey(schema.id))) ?? {};
  for (const k of keys) stored[k] = schema.fields[k].serialise(schema.fields[k].default);
  writeLocal(storageKey(schema.id), JSON.stringify(stored));
}

function report(schema: SettingsSchema<Fields>, rejected: ReturnType<typeof decode>['rejected'], where: string) {
  // A bad value in the link is about this page's link: its notice stays on this page.
  const route = where === 'the link' && typeof window !== 'undefined' ? hashPath().slice(1) || '/' : undefined;
  for (const r of rejected) {
    const def = schema.fields[r.key].serialise(schema.fields[r.key].default);
    pendingNotices.push({ key: `settings:${schema.id}:${r.key}`, text: rejectionMessage(r, def, where), route });
  }
}

/** Keys per schema whose value came from a link (the first load's, or one pasted later), not a default. */
const fromLink = new Map<string, Set<string>>();

/** Whether a link set this setting in this page load (a default or a saved value does not count). */
export function setByLink(schemaId: string, key: string): boolean {
  return fromLink.get(schemaId)?.has(key) ?? false;
}

/** Loads a schema's values once per session (idempotent; safe to call during render). */
function ensureLoaded(schema: SettingsSchema<Fields>): void {
  const state = useSettingsStore.getState();
  if (state.values[schema.id]) return;
  const url = typeof window === 'undefined' ? {} : readHashQuery();
  const stored = typeof window === 'undefined' ? undefined : readStorage(schema);
  // Decode each source separately so a notice says where the bad value came from.
  const fromUrl = decode(schema, url);
  const fromStore = decode(schema, stored);
  report(schema, fromUrl.rejected, 'the link');
  report(schema, fromStore.rejected, 'the saved settings');
  const urlOk = new Set(Object.keys(url).filter((k) => !fromUrl.rejected.some((r) => r.key === k)));
  const storeOk = new Set(Object.keys(stored ?? {}).filter((k) => !fromStore.rejected.some((r) => r.key === k)));
  fromLink.set(schema.id, urlOk);
  const values: Record<string, unknown> = {};
  for (const k of Object.keys(schema.fields)) {
    values[k] = urlOk.has(k)
      ? (fromUrl.values as Record<string, unknown>)[k]
      : storeOk.has(k)
        ? (fromStore.values as Record<string, unknown>)[k]
        : schema.fields[k].default;
  }
  if (fromStore.rejected.length > 0) repairStorage(schema, fromStore.rejected.map((r) => r.key));
  // Deliberate silent write: this runs during render, where notifying subscribers is not allowed;
  // every reader calls ensureLoaded first, so nobody can miss it.
  state.values[schema.id] = values;
}

/** The query text this module last wrote per schema (see applyUrl). */
const lastWritten = new Map<string, Record<string, string>>();

function syncQuery(schema: SettingsSchema<Fields>, values: Record<string, unknown>): void {
  const text = encode(schema, values as Values<Fields>);
  lastWritten.set(schema.id, text);
  writeHashQuery(text);
}

function setValues(schema: SettingsSchema<Fields>, next: Record<string, unknown>, syncUrl: boolean): void {
  const prev = useSettingsStore.getState().values[schema.id];
  useSettingsStore.setState((s) => ({ values: { ...s.values, [schema.id]: next } }));
  writeStorage(schema, prev, next);
  if (syncUrl) syncQuery(schema, next);
}

function flushNotices(): void {
  while (pendingNotices.length) {
    const n = pendingNotices.shift()!;
    pushNotice('warning', n.text, n.key, n.route);
  }
}

export interface LabSettingsOptions {
  /** Mirror to the URL (default true). The shell reads shared settings without touching the URL. */
  url?: boolean;
}

export function useLabSettings<F extends Fields>(
  schema: SettingsSchema<F>,
  options: LabSettingsOptions = {},
): [Values<F>, (patch: Partial<Values<F>>) => void] {
  const syncUrl = options.url ?? true;
  const s = schema as unknown as SettingsSchema<Fields>;
  ensureLoaded(s);
  const values = useSettingsStore((st) => st.values[schema.id]) as Values<F>;

  useEffect(() => {
    flushNotices();
    if (!syncUrl) {
      // A reader that does not mirror the link (the shell's backend) still validates a pasted link
      // that carries its keys: the value applies, or a notice says why not.
      const applyPasted = () => {
        const url = readHashQuery();
        const mine = Object.fromEntries(Object.entries(url).filter(([k]) => Object.hasOwn(s.fields, k)));
        if (Object.keys(mine).length === 0) return;
        const current = useSettingsStore.getState().values[s.id];
        const { values: fromUrl, rejected } = decode(s, mine, encode(s, current as Values<Fields>));
        report(s, rejected, 'the link');
        flushNotices();
        if (Object.keys(s.fields).some((k) => fromUrl[k] !== current[k])) setValues(s, fromUrl, false);
      };
      window.addEventListener('hashchange', applyPasted);
      return () => window.removeEventListener('hashchange', applyPasted);
    }
    const path = hashPath();
    const applyUrl = () => {
      if (hashPath() !== path) return; // the page is being left; its settings do not belong on the next URL
      const url = readHashQuery();
      const current = useSettingsStore.getState().values[s.id];
      const { values: fromUrl, rejected } = decode(s, url, encode(s, current as Values<Fields>));
      // A value a *new* link sets correctly retires the notice about an earlier bad one. The text this
      // module wrote itself (the rewrite of a bad value to its default, seen again by a second reader
      // of the same schema) is not new and must not clear the notice it caused.
      const written = lastWritten.get(s.id) ?? {};
      for (const k of Object.keys(s.fields)) {
        if (Object.hasOwn(url, k) && url[k] !== written[k] && !rejected.some((r) => r.key === k)) {
          clearNotice(`settings:${s.id}:${k}`);
          fromLink.get(s.id)?.add(k);
        }
      }
      report(s, rejected, 'the link');
      flushNotices();
      const changed = Object.keys(s.fields).some((k) => fromUrl[k] !== current[k]);
      if (changed) setValues(s, fromUrl, true);
      else syncQuery(s, current);
    };
    applyUrl();
    window.addEventListener('hashchange', applyUrl);
    return () => window.removeEventListener('hashchange', applyUrl);
  }, [s, syncUrl]);

  const update = useCallback(
    (patch: Partial<Values<F>>) => {
      const current = useSettingsStore.getState().values[s.id];
      setValues(s, { ...current, ...patch }, syncUrl);
    },
    [s, syncUrl],
  );
  return [values, update];
}
