import { useEffect } from 'react';
import { Link } from 'react-router';
import { LABS } from './registry';
import { useEngineState } from '../store/engine';
import { useBaseline, describeBaseline } from '../store/baseline';

export function HomePage() {
  const backend = useEngineState((s) => s.backend);
  const fallback = useEngineState((s) => s.fallbackReason);
  const baseline = useBaseline((s) => s.baseline);
  useEffect(() => {
    document.title = 'TinyML Lab';
  }, []);
  return (
    <article className="home">
      <h1>TinyML Lab</h1>
      <p className="lead">
        Make a neural network small and fast enough for a microcontroller — by doing it. Train a digit
        classifier on MNIST in your browser, then prune, quantize, distill and search it, and watch the
        device panel estimate whether it fits and how fast it runs on NXP MCX N, i.MX RT and i.MX parts.
      </p>
      <p>
        Training runs in a Web Worker with TensorFlow.js on the{' '}
        <strong>{backend ? `${backend} backend` : 'backend that is starting'}</strong>
        {fallback ? ` (the requested one failed: ${fallback})` : ''}, so the page stays responsive.
        {baseline ? ` Your saved baseline: ${describeBaseline(baseline)}.` : ' Start with Train: it saves the baseline the other labs use.'}
      </p>
      <h2>Labs</h2>
      <ol className="lab-list">
        {LABS.map((l) => (
          <li key={l.id}>
            <Link to={`/${l.id}`} className="lab-link">
              {l.title}
            </Link>
            <p>{l.summary}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
