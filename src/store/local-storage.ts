/**
 * The one way the app touches localStorage. Every call is guarded: a browser can refuse access to
 * the storage object itself (cookies blocked: reading `window.localStorage` throws SecurityError),
 * refuse a write (quota full, private modes) or not have it at all (Node, workers). Reads then give
 * null and writes report false, so callers keep working in memory and decide what to tell the user.
 */
function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored text, or null when absent or when storage is unavailable. */
export function readLocal(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores the text; false when storage is full, disabled or missing. */
export function writeLocal(key: string, value: string): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Removes the key (nothing happens when storage is unavailable). */
export function removeLocal(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing to remove from */
  }
}
