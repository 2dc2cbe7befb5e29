/**
 * A lab's guide, loaded lazily (the text and KaTeX stay out of the page's first chunk):
 *   <Guide load={() => import('../../../labs/train.md?raw')} />
 */
import { lazy, memo, Suspense, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { ChallengePanel } from './challenges/ChallengePanel';

const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

type GuideProps = { load: () => Promise<{ default: string } | string>; title?: string };

export const Guide = memo(function Guide({ load, title = 'Guide' }: GuideProps) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setText(typeof m === 'string' ? m : m.default),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [load]);
  const lab = useLocation().pathname.replace(/^\//, '') || 'home';
  return (
    <section className="guide" aria-label={title}>
      <ChallengePanel lab={lab} />
      {error && <p role="alert">The guide could not be loaded: {error}</p>}
      {text === null && !error && <p>Loading the guide…</p>}
      {text !== null && (
        <Suspense fallback={<p>Loading the guide…</p>}>
          <Markdown text={text} />
        </Suspense>
      )}
    </section>
  );
});
