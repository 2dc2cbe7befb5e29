/**
 * The Train lab (#/train): train a zoo model on MNIST in the worker, watch its curves, inspect its
 * errors, draw digits for it, and keep it as the baseline the other labs start from.
 *
 * When a run ends, the status and numbers render first; the confusion matrix, the misclassified
 * digits and the saved-baseline line follow in a deferred render (useDeferredValue), so the end of a
 * run is several short main-thread tasks rather than one long one (issue 18).
 */
import { useDeferredValue, useMemo } from 'react';
import { useTrainRun } from '../../store/train';
import { useBaseline, describeBaseline } from '../../store/baseline';
import { TrainControls } from './TrainControls';
import { TrainProgress } from './TrainProgress';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';
import { Misclassified } from './Misclassified';
import { DrawPad } from './DrawPad';

export default function TrainPage() {
  const evaluation = useDeferredValue(useTrainRun((s) => s.evaluation));
  const samples = useDeferredValue(useTrainRun((s) => s.misclassifiedPixels));
  const baseline = useDeferredValue(useBaseline((s) => s.baseline));
  // toLocaleString builds a date formatter each call (ms): once per saved baseline, not per render.
  const savedAt = useMemo(() => (baseline ? new Date(baseline.savedAt).toLocaleString() : ''), [baseline]);
  return (
    <div className="train-page">
      <p className="baseline-line">
        {baseline
          ? `Saved baseline: ${describeBaseline(baseline)} (saved ${savedAt}). A completed run replaces it automatically.`
          : 'No baseline saved yet. A completed run is saved automatically as the baseline the other labs start from.'}
      </p>
      <TrainControls />
      <TrainProgress />
      <div className="train-inspect">
        {evaluation ? (
          <>
            <ConfusionMatrix confusion={evaluation.confusion} />
            {samples && <Misclassified items={evaluation.misclassified} samples={samples} />}
          </>
        ) : (
          <p className="placeholder">The confusion matrix and misclassified digits appear after a run.</p>
        )}
        <DrawPad />
      </div>
    </div>
  );
}
