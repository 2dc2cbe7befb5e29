/**
 * Page-wide notices (bad settings in a link, a corrupt saved state, a backend fallback, an engine
 * error). Shown by <Notices/> under the header; each can be dismissed. A notice with a `key`
 * replaces an earlier one with the same key instead of stacking duplicates.
 */
import { create } from 'zustand';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  key?: string;
  /**
   * The route (e.g. "/train") the notice is about, for a bad value in a page's link: it is shown on
   * that page only, so it does not follow the user to the next lab. Unset = shown everywhere.
   */
  route?: string;
}

interface NoticeState {
  notices: Notice[];
  push(kind: NoticeKind, text: string, key?: string, route?: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (kind, text, key, route) =>
    set((s) => {
      const kept = key ? s.notices.filter((n) => n.key !== key) : s.notices.filter((n) => n.text !== text);
      return { notices: [...kept, { id: nextId++, kind, text, key, route }] };
    }),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** For code outside React (stores, engine boot). */
/** Removes the notice with this key, if any (e.g. a bad link value that a newer link fixed). */
export function clearNotice(key: string): void {
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.key !== key) }));
}

export function pushNotice(kind: NoticeKind, text: string, key?: string, route?: string): void {
  useNotices.getState().push(kind, text, key, route);
}

/** The text of a thrown value, for a notice or an error line. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
