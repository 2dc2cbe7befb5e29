/**
 * A guide's checks of understanding (a ```quiz block, parsed by core/course/quiz.ts): a region named
 * "Check your understanding" with one radio group or number input per question, a "Check answers"
 * button and a "Score" output. Checking shows, per question, right or wrong and the explanation,
 * records the results in the course progress, and moves focus to the score so the result is in view.
 */
import { memo, useId, useMemo, useState } from 'react';
import { useResultFocus } from '../use-result-focus';
import ReactMarkdown from 'react-markdown';
import { parseQuiz, scoreQuiz, speakable, type Question, type QuizScore, type Response } from '../../core/course/quiz';
import { exportProgress, recordChecks, useCourseProgress } from '../../store/course-progress';
import { COURSE_COMPONENTS, REHYPE_PLUGINS, REMARK_PLUGINS } from './markdown-parts';
import { labOfLink } from './CourseLink';
import './quiz.css';

const INLINE = { ...COURSE_COMPONENTS, p: ({ children }: { children?: React.ReactNode }) => <>{children}</> };

/** One line of inline markdown (maths, links, [[terms]]) without a wrapping paragraph. */
function Inline({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={INLINE} skipHtml>
      {text}
    </ReactMarkdown>
  );
}

function answerText(q: Question): string {
  if (q.answer !== undefined) return `${q.answer}${q.unit ? ` ${q.unit}` : ''}`;
  return q.options.find((o) => o.correct)?.text ?? '';
}

interface ItemProps {
  q: Question;
  index: number;
  response: Response;
  result: boolean | undefined;
  onChange(r: Response): void;
}

function QuestionItem({ q, index, response, result, onChange }: ItemProps) {
  const id = useId();
  const promptId = `${id}-prompt`;
  const prefix = q.kind === 'predict' ? 'Predict: ' : '';
  return (
    <li className="quiz-question">
      <p id={promptId} className="quiz-prompt">
        <span className="quiz-number">{index + 1}.</span> {prefix}
        <Inline text={q.text} />
      </p>
      {q.answer !== undefined ? (
        <div className="quiz-number-answer">
          <input
            id={`${id}-input`}
            type="number"
            step="any"
            inputMode="decimal"
            aria-labelledby={promptId}
            value={typeof response === 'string' ? response : ''}
            onChange={(e) => onChange(e.target.value)}
          />
          {q.unit && <span aria-hidden="true">{q.unit}</span>}
        </div>
      ) : (
        <div role="radiogroup" aria-labelledby={promptId} className="quiz-options">
          {q.options.map((o, i) => (
            <label key={i} className="quiz-option">
              <input
                type="radio"
                name={id}
                checked={response === i}
                onChange={() => onChange(i)}
                aria-label={o.text.includes('$') ? speakable(o.text) : undefined}
              />
              <Inline text={o.text} />
            </label>
          ))}
        </div>
      )}
      {q.run && (
        <p className="quiz-run">
          <strong>Then run it:</strong> <Inline text={q.run} />
        </p>
      )}
      {result !== undefined && (
        <div className={result ? 'quiz-feedback quiz-right' : 'quiz-feedback quiz-wrong'}>
          <strong>{result ? 'Correct.' : response === undefined || response === '' ? 'Not answered.' : 'Not quite.'}</strong>{' '}
          {!result && (
            <>
              The answer is <Inline text={answerText(q)} />.{' '}
            </>
          )}
          <Inline text={q.why} />
        </div>
      )}
    </li>
  );
}

export const Quiz = memo(function Quiz({ source }: { source: string }) {
  const { questions, errors } = useMemo(() => parseQuiz(source), [source]);
  const [responses, setResponses] = useState<Response[]>([]);
  const [score, setScore] = useState<QuizScore | null>(null);
  const [scoreRef, bringScore] = useResultFocus<HTMLDivElement>('nearest');
  const headingId = useId();
  const lab = labOfLink(typeof window === 'undefined' ? '' : window.location.hash) ?? 'home';
  const progress = useCourseProgress((s) => s.progress);
  const earlier = questions.filter((q) => progress.checks[q.id]?.correct).length;

  function check() {
    const s = scoreQuiz(questions, responses);
    setScore(s);
    recordChecks(lab, questions.map((q, i) => ({ id: q.id, correct: s.results[i] })));
    // The score (the result of the action) comes into view and takes focus.
    bringScore();
  }

  if (errors.length > 0) {
    return (
      <div role="alert" className="quiz-broken">
        <p>This check of understanding could not be read:</p>
        <ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul>
      </div>
    );
  }
  return (
    <section className="quiz" aria-labelledby={headingId}>
      <h3 id={headingId}>Check your understanding</h3>
      <ol className="quiz-questions">
        {questions.map((q, i) => (
          <QuestionItem
            key={q.id}
            q={q}
            index={i}
            response={responses[i]}
            result={score?.results[i]}
            onChange={(r) => setResponses((rs) => Object.assign([...rs], { [i]: r }))}
          />
        ))}
      </ol>
      <div className="quiz-footer">
        <button type="button" className="button button-primary" onClick={check}>
          Check answers
        </button>
        <div ref={scoreRef} tabIndex={-1} className="output output-large quiz-score">
          <span className="output-label" aria-hidden="true">Score</span>
          <output aria-label="Score" role="status">
            {score ? `${score.correct} / ${score.total}` : '–'}
          </output>
        </div>
        <p className="quiz-saved">
          {earlier} of {questions.length} answered correctly so far (saved in this browser).{' '}
          <button type="button" className="button-link" onClick={exportProgress}>
            Export progress
          </button>
        </p>
      </div>
    </section>
  );
});
