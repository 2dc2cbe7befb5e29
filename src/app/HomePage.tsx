import { useEffect } from 'react';
import { Link } from 'react-router';
import { COURSE, REFERENCE } from './labs';
import { useEngineState } from '../store/engine';
import { useBaseline, describeBaseline } from '../store/baseline';
import { ExportProgressButton, LabProgressLine } from '../components/quiz/CourseProgress';

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
        classifier on MNIST in your browser, then prune, quantize, distill and search it, deploy it as an
        int8 TensorFlow Lite file, and watch the device panel estimate whether it fits and how fast it runs
        on NXP MCX N, i.MX RT and i.MX parts.
      </p>
      <p>
        Training runs in a Web Worker with TensorFlow.js on the{' '}
        <strong>{backend ? `${backend} backend` : 'backend that is starting'}</strong>
        {fallback ? ` (the requested one failed: ${fallback})` : ''}, so the page stays responsive.
        {baseline ? ` Your saved baseline: ${describeBaseline(baseline)}.` : ' Start with Train: it saves the baseline the other labs use.'}
      </p>
      <h2 id="course-heading">The course</h2>
      <ol className="lab-list course-map" aria-label="Course">
        {COURSE.map((l, i) => (
          <li key={l.id}>
            <span className="course-step" aria-hidden="true">{i + 1}</span>
            <div>
              <Link to={`/${l.id}`} className="lab-link">
                {l.title}
              </Link>
              <span className="course-time"> · about {l.course!.minutes} min</span>
              <p>{l.summary}</p>
              <LabProgressLine lab={l.id} title={l.title} />
              <ul className="course-goals" aria-label={`${l.title}: goals`}>
                {l.course!.goals.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
      <p>
        Your progress (checks, exercises, challenges) is stored in this browser only. <ExportProgressButton />
      </p>
      <h2>Reference</h2>
      <ul className="lab-list">
        {REFERENCE.map((l) => (
          <li key={l.id}>
            <Link to={`/${l.id}`} className="lab-link">
              {l.title}
            </Link>
            <p>{l.summary}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
