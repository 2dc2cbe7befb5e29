/**
 * Keyboard shortcuts for a live demo: Ctrl+Enter (⌘+Enter) presses the page's main action, Ctrl+.
 * (⌘+.) presses Stop. The main action is the first enabled primary button of the lab page outside
 * the guide (every lab marks its run button `button-primary`), so no page has to register anything.
 */
export const SHORTCUT_HELP = 'Ctrl+Enter runs the main action, Ctrl+. stops it.';

function visible(el: HTMLElement): boolean {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

export function findMainAction(root: ParentNode = document): HTMLButtonElement | undefined {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('main .button-primary')];
  return buttons.find((b) => !b.disabled && visible(b) && !b.closest('.guide, .guide-tools, .challenge, .challenge-composer') && b.textContent?.trim() !== 'Stop');
}

export function findStop(root: ParentNode = document): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('main button')].find((b) => !b.disabled && b.textContent?.trim() === 'Stop');
}

/** Installs the listener; returns its removal (for an effect's cleanup). */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const target = e.key === 'Enter' ? findMainAction() : e.key === '.' ? findStop() : undefined;
    if (!target) return;
    e.preventDefault();
    target.click();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
