/**
 * Results in view, focus kept: after an action (Prune, Quantize, Search, Check answers) call
 * `bring()` and the results heading is scrolled into view and focused, so sighted and keyboard /
 * screen-reader users land on what changed instead of on <body>.
 *
 *   const [resultsRef, bring] = useResultFocus<HTMLHeadingElement>();
 *   <h2 ref={resultsRef} tabIndex={-1}>Results</h2>
 *   onClick={async () => { await prune(); bring(); }}
 *
 * `focusResults()` does the same for the first `[data-results]` element of the page, for code that
 * has no ref (e.g. a shared job runner when a job finishes).
 */
import { useCallback, useRef } from 'react';

export function bringIntoFocus(el: HTMLElement | null | undefined, block: ScrollLogicalPosition = 'start'): void {
  if (!el) return;
  // After React commits and the browser lays the results out, so the scroll lands on final positions.
  requestAnimationFrame(() => {
    if (!el.isConnected) return;
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.scrollIntoView({ block });
    el.focus({ preventScroll: true });
  });
}

/** `block: 'nearest'` scrolls only as far as needed (e.g. a score under the answers it scores). */
export function useResultFocus<T extends HTMLElement>(block: ScrollLogicalPosition = 'start'): [React.RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const bring = useCallback(() => bringIntoFocus(ref.current, block), [block]);
  return [ref, bring];
}

export function focusResults(root: ParentNode = document): void {
  bringIntoFocus(root.querySelector<HTMLElement>('main [data-results]'));
}
