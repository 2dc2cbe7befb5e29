/**
 * A lab's guide, loaded lazily (the text and KaTeX stay out of the page's first chunk):
 *   <Guide load={() => import('../../../labs/train.md?raw')} />
 */
import { lazy, memo, startTransition, Suspense, useEffect, useId, useRef, useState } from 'react';
import { usePresenter } from '../store/presenter';
import { SHORTCUT_HELP } from './presenter/shortcuts';
import './presenter/presenter.css';
import './guide-layout.css';

const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

type GuideProps = { load: () => Promise<{ default: string } | string>; title?: string };

export const Guide = memo(function Guide({ load, title = 'Guide' }: GuideProps) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      // A transition: the guide's sections render in slices between the page's own updates.
      (m) => live && startTransition(() => setText(typeof m === 'string' ? m : m.default)),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [load]);
  const presenting = usePresenter((p) => p.on);
  // In presenter mode the guide is a drawer over the right edge, closed until asked for.
  const [open, setOpen] = useState(false);
  const drawerId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (presenting && open) closeRef.current?.focus();
  }, [presenting, open]);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  return (
    <>
      {presenting && (
        <div className="guide-tools">
          <button ref={toggleRef} type="button" className="button guide-drawer-toggle" aria-expanded={open} aria-controls={drawerId} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide guide' : 'Show guide'}
          </button>
          <span className="presenter-help">{SHORTCUT_HELP}</span>
        </div>
      )}
      <section
        id={drawerId}
        className="guide"
        aria-label={title}
        data-open={presenting ? String(open) : undefined}
        onKeyDown={presenting ? (e) => e.key === 'Escape' && !e.defaultPrevented && close() : undefined}
      >
        {presenting && (
          <button ref={closeRef} type="button" className="button guide-close" onClick={close}>
            Close guide
          </button>
        )}
        {error && <p role="alert">The guide could not be loaded: {error}</p>}
        {text === null && !error && <p>Loading the guide…</p>}
        {text !== null && (
          <Suspense fallback={<p>Loading the guide…</p>}>
            <Markdown text={text} />
          </Suspense>
        )}
      </section>
    </>
  );
});
