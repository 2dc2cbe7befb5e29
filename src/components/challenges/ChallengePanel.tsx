/**
 * The challenge a link carries (`?challenge=target:mcxn947,flash:150,acc:95`, see
 * core/challenges/link.ts), scored live against the student's current model: "Model to score" picks
 * the current lab's latest result (pruned / quantized), the saved baseline or a shelf version
 * (use-challenge-models.ts); by default the latest result, else the baseline. A region named
 * "Challenge" with the outputs "Goal" and "Result" (pass / fail) and a scorecard of every limit with
 * the estimator's number for that model as it is stored.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { describeChallenge, evaluateChallenge, parseChallengeLink } from '../../core/challenges';
import { CHALLENGE_PARAM, recordChallenge } from '../../store/course-progress';
import { SelectField } from '../controls';
import { Output } from '../Output';
import { useChallengeModels } from './use-challenge-models';
import './challenges.css';

/** The `challenge` value of the current hash query, or null when the link has none. */
function useChallengeParam(): string | null {
  const { search } = useLocation();
  return new URLSearchParams(search).get(CHALLENGE_PARAM);
}

export function ChallengePanel({ lab }: { lab: string }) {
  const code = useChallengeParam();
  const challenge = useMemo(() => (code === null ? undefined : parseChallengeLink(code)), [code]);
  const candidates = useChallengeModels(lab);
  // Until the student picks one, the first candidate (the latest result, else the baseline) is scored,
  // so pressing Prune or Quantize re-scores the challenge with the new model.
  const [chosen, setChosen] = useState<string | null>(null);
  const scored = candidates.find((c) => c.id === chosen) ?? candidates[0];
  const model = scored.model;
  const result = useMemo(() => (challenge ? evaluateChallenge(challenge, model) : null), [challenge, model]);
  const ref = useRef<HTMLElement>(null);
  const goal = challenge ? describeChallenge(challenge) : '';

  // Opening a challenge link brings its scorecard into view (it sits with the guide, below the page).
  useEffect(() => {
    if (code !== null) ref.current?.scrollIntoView({ block: 'start' });
  }, [code]);
  useEffect(() => {
    if (challenge && result && code !== null) recordChallenge(lab, code, goal, result.passed);
  }, [challenge, result, code, lab, goal]);

  if (code === null) return null;
  if (!challenge || !result) {
    return (
      <section ref={ref} className="panel challenge" aria-label="Challenge">
        <h2>Challenge</h2>
        <p role="alert">
          This challenge link could not be read (“{code.slice(0, 60)}”). Ask for a new link, or compose one on the
          Devices page.
        </p>
      </section>
    );
  }
  const passed = result.passed;
  return (
    <section ref={ref} className={`panel challenge ${passed ? 'challenge-pass' : 'challenge-fail'}`} aria-label="Challenge">
      <h2>Challenge</h2>
      <div className="challenge-head">
        <Output label="Goal" size="small">
          {goal}
        </Output>
        <Output label="Result">{passed ? 'pass' : 'fail'}</Output>
      </div>
      <div className="challenge-model">
        <SelectField label="Model to score" wide value={scored.id} options={candidates.map((c) => ({ value: c.id, label: c.label }))} onChange={setChosen} />
        <p>
          {scored.id === 'default'
            ? 'No baseline is saved yet: train one on the Train page (or here), then score it.'
            : 'The scorecard follows the chosen model; the latest result of this lab appears here after each run, and every shelf version can be picked.'}
        </p>
      </div>
      <table className="challenge-table">
        <thead>
          <tr>
            <th scope="col">Limit</th>
            <th scope="col">Goal</th>
            <th scope="col">Your model</th>
            <th scope="col">Met?</th>
          </tr>
        </thead>
        <tbody>
          {result.lines.map((l) => (
            <tr key={l.what}>
              <th scope="row">{l.what}</th>
              <td>{l.goal}</td>
              <td>{l.actual}</td>
              <td className={l.passed ? 'challenge-yes' : 'challenge-no'}>{l.passed ? '✓ yes' : '✗ no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="challenge-note">
        Flash, RAM and latency are the device estimator’s figures for the chosen model as stored (a pruned model’s zeros in
        bitmask storage, its scales per channel or per tensor) in the challenge’s {challenge.dtype} (see its assumptions in the
        device panel). Test accuracy is that model’s own measurement: the integer model’s for a quantized version, else the
        float model’s (int8 usually stays within about a point of it, Quantization lab).
      </p>
    </section>
  );
}
