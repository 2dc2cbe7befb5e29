/** The run's key numbers and its live loss / accuracy curves (train per report, test per epoch). */
import { LineChart } from '../../components/charts/LineChart';
import { Output, percent } from '../../components/Output';
import { memo, useMemo } from 'react';
import { useTrainRun, type CurvePoint } from '../../store/train';
import { useEngineState } from '../../store/engine';
import { useDelayedValue, useThrottledValue } from '../../components/use-throttled-value';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { trainLab } from './lab';

const pct = (v: number) => `${Math.round(v * 100)} %`;

const STATUS_TEXT: Record<string, string> = {
  idle: 'Ready. Choose settings and press Train.',
  preparing: 'Preparing: loading MNIST and building the model…',
  training: 'Training…',
  evaluating: 'Evaluating on the 2,000 test digits…',
  done: 'Done. This model is now the saved baseline the other labs start from.',
  stopped: 'Stopped. The partly trained model is kept for the draw pad; the saved baseline is unchanged.',
  error: 'The run failed; see the notice above.',
};

/** Stable (memoised) x domain and whole-epoch ticks, at most ~10 of them: "epoch 1, 2, 3". */
function useTicks(totalEpochs: number): { xDomain: [number, number]; xTicks: number[] } {
  return useMemo(() => {
    const xMax = Math.max(1, totalEpochs);
    const tickStep = Math.ceil(xMax / 10);
    const xTicks = Array.from({ length: Math.floor(xMax / tickStep) + 1 }, (_, i) => i * tickStep);
    return { xDomain: [0, xMax], xTicks };
  }, [totalEpochs]);
}

/** The two curve charts differ only in these constants (stable identities keep recharts from re-registering). */
const LOSS_CHART = {
  title: 'Loss (cross-entropy)',
  yDomain: [0, 'auto'] as [number, 'auto'],
  yFormat: (v: number) => v.toFixed(2),
  series: [
    { key: 'trainLoss', name: 'Train', color: 'var(--train)' },
    { key: 'testLoss', name: 'Test', color: 'var(--test)', dashed: true, dots: true },
  ],
};
const ACCURACY_CHART = {
  title: 'Accuracy',
  yDomain: [0, 1] as [number, number],
  yFormat: pct,
  series: [
    { key: 'trainAccuracy', name: 'Train', color: 'var(--train)' },
    { key: 'testAccuracy', name: 'Test', color: 'var(--test)', dashed: true, dots: true },
  ],
};

type CurvesProps = { curves: CurvePoint[]; totalEpochs: number };

const CurveChart = memo(function CurveChart({ curves, totalEpochs, chart }: CurvesProps & { chart: typeof LOSS_CHART | typeof ACCURACY_CHART }) {
  const { xDomain, xTicks } = useTicks(totalEpochs);
  return (
    <LineChart
      title={chart.title}
      data={curves as never}
      xKey="x"
      xLabel="Epoch"
      xDomain={xDomain}
      xTicks={xTicks}
      yDomain={chart.yDomain}
      yFormat={chart.yFormat}
      series={chart.series}
    />
  );
});

/**
 * The live curves. A recharts redraw is the costliest thing on this page, so the numbers above
 * update with every event (<= 10/s) while the curves redraw every 2 s, the two charts a second
 * apart so that each redraw is its own short task and clicks (Stop) stay responsive. (Once a second
 * made the charts most of the page's long tasks during a run: issue 18, e2e/long-tasks.spec.ts.)
 */
function Curves({ curves, totalEpochs }: CurvesProps) {
  const loss = useThrottledValue(curves, 2000);
  const accuracy = useDelayedValue(loss, 1000);
  return (
    <div className="train-charts">
      <CurveChart curves={loss} totalEpochs={totalEpochs} chart={LOSS_CHART} />
      <CurveChart curves={accuracy} totalEpochs={totalEpochs} chart={ACCURACY_CHART} />
    </div>
  );
}

export function TrainProgress() {
  const r = useTrainRun();
  const dataReady = useEngineState((s) => s.dataReady);
  const dataProgress = useEngineState((s) => s.dataProgress);
  // The curves are already in view: only the focus returns from <body> to the run's outcome.
  const statusRef = useFocusAfterJob<HTMLParagraphElement>(trainLab, ['Training'], 'nearest');
  return (
    <section className="train-progress" aria-label="Training progress">
      <p ref={statusRef} tabIndex={-1} className="train-status" role="status" aria-label="Run status">
        {r.modelName ? <strong>{r.modelName}: </strong> : null}
        {STATUS_TEXT[r.status]}
        {r.status === 'error' && r.error ? ` (${r.error})` : ''}
      </p>
      {!dataReady && (
        <label className="data-progress">
          Loading MNIST (8,000 train + 2,000 test digits){' '}
          <progress max={dataProgress?.total || 1} value={dataProgress?.loaded ?? 0} />
        </label>
      )}
      <div className="outputs train-outputs">
        <Output label="Test accuracy">{percent(r.testAccuracy)}</Output>
        <Output label="Train accuracy">{percent(r.trainAccuracy)}</Output>
        <Output label="Loss">{r.loss == null ? '–' : r.loss.toFixed(3)}</Output>
        <Output label="Epoch">{r.totalEpochs ? `${r.epoch} / ${r.totalEpochs}` : '–'}</Output>
      </div>
      {r.status === 'training' && (
        <label className="epoch-progress">
          Epoch progress <progress max={1} value={r.epochProgress} />
        </label>
      )}
      <Curves curves={r.curves} totalEpochs={r.totalEpochs} />
    </section>
  );
}
