/**
 * The challenge a link carries (`?challenge=target:mcxn947,flash:150,acc:95`, see
 * core/challenges/link.ts), scored live against the learner's saved baseline — the model every lab
 * starts from and NAS's "Use this model" replaces. A region named "Challenge" with the outputs "Goal"
 * and "Result" (pass / fail) and a scorecard of every limit with the estimator's number.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { describeChallenge, evaluateChallenge, parseChallengeLink, type ChallengeModel } from '../../core/challenges';
import { zooSpec } from '../../core/model/zoo/mnist';
import { useBaseline, describeBaseline } from '../../store/baseline';
import { CHALLENGE_PARAM, recordChallenge } from '../../store/course-progress';
import { Output } from '../Output';
import './challenges.css';

/** The `challenge` value of the current hash query, or null when the link has none. */
function useChallengeParam(): string | null {
  const { search } = useLocation();
  return new URLSearchParams(search).get(CHALLENGE_PARAM);
}

export function ChallengePanel({ lab }: { lab: string }) {
  const code = useChallengeParam();
  const baseline = useBaseline((s) => s.baseline);
  const challenge = useMemo(() => (code === null ? undefined : parseChallengeLink(code)), [code]);
  // Without a saved baseline the device panel shows the default LeNet-5; it has no accuracy yet.
  const model: ChallengeModel = useMemo(
    () => (baseline ? { spec: baseline.spec, testAccuracy: baseline.testAccuracy } : { spec: zooSpec('lenet5'), testAccuracy: null }),
    [baseline],
  );
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
      <p className="challenge-model">
        Checked against{' '}
        {baseline ? (
          <>your saved baseline, <strong>{describeBaseline(baseline)}</strong></>
        ) : (
          <><strong>LeNet-5 (default)</strong>: no baseline is saved yet — train one on the Train page</>
        )}
        . It updates when the baseline changes (e.g. after “Use this model” in NAS).
      </p>
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
        Flash, RAM and latency are the device estimator’s figures for the {challenge.dtype} deployment (see its
        assumptions in the device panel). Test accuracy is the model’s measured accuracy as trained in float32; int8
        usually stays within about a point of it (Quantization lab).
      </p>
    </section>
  );
}
