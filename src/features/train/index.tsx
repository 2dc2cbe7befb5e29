/**
 * The Train lab (#/train): train a zoo model on MNIST in the worker, watch its curves, inspect its
 * errors, draw digits for it, and keep it as the baseline the other labs start from.
 */
import { useTrainRun } from '../../store/train';
import { useBaseline, describeBaseline } from '../../store/baseline';
import { TrainControls } from './TrainControls';
import { TrainProgress } from './TrainProgress';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';
import { Misclassified } from './Misclassified';
import { DrawPad } from './DrawPad';

export default function TrainPage() {
  const evaluation = useTrainRun((s) => s.evaluation);
  const samples = useTrainRun((s) => s.misclassifiedPixels);
  const baseline = useBaseline((s) => s.baseline);
  return (
    <div className="train-page">
      <p className="baseline-line">
        {baseline
          ? `Saved baseline: ${describeBaseline(baseline)} (saved ${new Date(baseline.savedAt).toLocaleString()}). A completed run replaces it automatically.`
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
