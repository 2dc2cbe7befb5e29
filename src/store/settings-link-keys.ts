/**
 * Unknown keys in a lab link (issue 20): a key that no settings schema and no link reader of the
 * app knows (a typo, a key from an old version, a hostile one) is ignored with one notice naming
 * the keys (shortened; notices render text, never markup) and dropped from the rewritten link.
 *
 * The known keys come from the schemas and readers themselves: every `defineSettings` and
 * `linkParam` registers its keys (settings-schema.ts). Schemas live in src/store (a unit test
 * checks it), and this module evaluates every store module first, so a schema read only by a
 * lazily loaded panel (the device target, the baseline recipe, Deploy's) is known before that
 * panel has loaded. The shell imports this module lazily, so none of it weighs on the start page.
 */
import { clearNotice, pushNotice } from './notices';
import { registeredLinkKeys, shortValue } from './settings-schema';

// Every store module, for the schemas and link parameters it defines (registration is the side effect).
import.meta.glob(['./*.ts', '!./*.test.ts', '!./settings-link-keys.ts', '!./settings-fuzz.ts'], { eager: true });

/** At most this many unknown keys are named in the notice; the rest are counted. */
export const NAMED_KEYS = 5;

export const UNKNOWN_KEYS_NOTICE = 'link-unknown-keys';

/** Every key a link may carry: the keys of every schema and link parameter of the app. */
export function knownLinkKeys(): Set<string> {
  return registeredLinkKeys();
}

/** The keys of a query the app does not know, each once, in link order. */
export function unknownLinkKeys(query: URLSearchParams, known: ReadonlySet<string> = knownLinkKeys()): string[] {
  return [...new Set(query.keys())].filter((k) => !known.has(k));
}

/** The one notice for a link's unknown keys: names up to NAMED_KEYS of them (shortened), counts the rest. */
export function unknownKeysMessage(keys: readonly string[]): string {
  const named = keys.slice(0, NAMED_KEYS).map((k) => `"${shortValue(k)}"`).join(', ');
  const more = keys.length > NAMED_KEYS ? ` and ${keys.length - NAMED_KEYS} more` : '';
  const what = keys.length === 1 ? 'a key that no setting of this app reads' : `${keys.length} keys that no setting of this app reads`;
  return `This link has ${what}: ${named}${more}. Ignored; the link was rewritten without ${keys.length === 1 ? 'it' : 'them'}.`;
}

/**
 * Checks the current page's link: one notice (scoped to this page) for its unknown keys, which are
 * dropped from the link. `pasted`: a new link was pasted (a hash change) — a clean one retires the
 * notice an earlier link raised.
 */
export function checkLinkKeys(pasted = false): string[] {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  const unknown = unknownLinkKeys(params);
  if (unknown.length === 0) {
    if (pasted) clearNotice(UNKNOWN_KEYS_NOTICE);
    return unknown;
  }
  for (const k of unknown) params.delete(k);
  const rest = params.toString();
  // replaceState: the router keeps its history entry, and no hashchange fires for our own rewrite.
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${path}${rest ? `?${rest}` : ''}`);
  pushNotice('warning', unknownKeysMessage(unknown), UNKNOWN_KEYS_NOTICE, path.slice(1) || '/');
  return unknown;
}
