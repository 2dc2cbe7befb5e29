// @vitest-environment jsdom
/** The results heading takes the focus when its lab's job ends — not after an error, another job, or while the user types. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../worker/client', () => ({
  getEngine: () => ({ beginJob: async () => undefined, endJob: async () => undefined, stop: async () => undefined }),
  onEngineCrash: () => () => undefined,
}));
vi.mock('../store/engine-boot', () => ({ whenEngineReady: async () => undefined }));

const { runJob } = await import('../store/jobs');
const { isTypingIn, useFocusAfterJob } = await import('./use-result-focus');

const pruning = { id: 'pruning', title: 'Pruning' };

function Page() {
  const ref = useFocusAfterJob<HTMLHeadingElement>(pruning, ['Pruning']);
  return (
    <>
      <label>
        Note <input type="text" />
      </label>
      <h2 ref={ref} tabIndex={-1}>
        Result
      </h2>
    </>
  );
}

const frames = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r())))));

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(cleanup);

describe('useFocusAfterJob', () => {
  it('focuses and scrolls to the heading when the named job finishes', async () => {
    render(<Page />);
    await act(() => runJob(pruning, 'Pruning', async () => 1));
    await frames();
    const heading = screen.getByRole('heading', { name: 'Result' });
    expect(document.activeElement).toBe(heading);
    expect(heading.scrollIntoView).toHaveBeenCalled();
  });

  it('leaves focus alone after another job of the lab, or after an error', async () => {
    render(<Page />);
    await act(() => runJob(pruning, 'The sweep', async () => 1));
    await frames();
    expect(document.activeElement).toBe(document.body);
    await act(() => runJob(pruning, 'Pruning', async () => { throw new Error('boom'); }));
    await frames();
    expect(document.activeElement).toBe(document.body);
  });

  it('never takes the focus from a field the user is typing in', async () => {
    render(<Page />);
    const input = screen.getByRole('textbox', { name: 'Note' });
    input.focus();
    await act(() => runJob(pruning, 'Pruning', async () => 1));
    await frames();
    expect(document.activeElement).toBe(input);
  });

  it('counts text fields and selects as typing, buttons and checkboxes not', () => {
    const make = (html: string) => {
      const d = document.createElement('div');
      d.innerHTML = html;
      return d.firstElementChild;
    };
    expect(isTypingIn(make('<input type="number">'))).toBe(true);
    expect(isTypingIn(make('<select></select>'))).toBe(true);
    expect(isTypingIn(make('<textarea></textarea>'))).toBe(true);
    expect(isTypingIn(make('<input type="checkbox">'))).toBe(false);
    expect(isTypingIn(make('<button>x</button>'))).toBe(false);
    expect(isTypingIn(null)).toBe(false);
  });
});
