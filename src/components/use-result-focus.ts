/**
 * Results in view, focus kept: after an action (Prune, Quantize, Search, Check answers) the results
 * heading is scrolled into view and focused, so sighted and keyboard / screen-reader users land on
 * what changed instead of on <body> (a disabled Run button drops focus to the body while a job runs).
 *
 *   const [resultsRef, bring] = useResultFocus<HTMLHeadingElement>();
 *   <h2 ref={resultsRef} tabIndex={-1}>Results</h2>
 *   onClick={async () => { await prune(); bring(); }}
 *
 * For a lab job, `useFocusAfterJob(lab, ['Pruning'])` returns a ref that is brought into focus when
 * one of the named jobs of that lab ends without an error — the results component owns it, so the
 * lab's buttons (and the presenter's Ctrl+Enter) need no change.
 *
 * Never while the user types: if a text field, select or editable element has focus when the result
 * lands, nothing moves (a long job must not yank the page away from what the user is writing).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useJobs, type LabRef } from '../store/jobs';

const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** The user is typing or choosing in a field: moving focus or scroll now would interrupt them. */
export function isTypingIn(el: Element | null): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(el.type);
}

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

/**
 * A ref for a results heading that is scrolled into view and focused when one of `jobNames` of `lab`
 * ends (done or stopped; not after an error, whose alert must stay the news). The jobs store clears
 * the running job after the lab's result is computed but before the page stores it, so the move waits
 * two frames: the results have rendered by then.
 */
export function useFocusAfterJob<T extends HTMLElement>(lab: LabRef, jobNames: readonly string[], block: ScrollLogicalPosition = 'start'): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  const names = jobNames.join('\n');
  useEffect(() => {
    const wanted = names.split('\n');
    return useJobs.subscribe((now, before) => {
      const ended = before.current;
      if (!ended || ended.lab.id !== lab.id || now.current?.id === ended.id) return;
      if (!wanted.includes(ended.name) || now.errors[lab.id]) return;
      requestAnimationFrame(() => {
        if (isTypingIn(document.activeElement)) return;
        bringIntoFocus(ref.current, block);
      });
    });
  }, [lab.id, names, block]);
  return ref;
}
