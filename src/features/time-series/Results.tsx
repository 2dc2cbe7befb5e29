/**
 * Evaluation per task: the confusion matrix (classification); ROC with the threshold's operating point,
 * precision / recall and the faults it misses (anomaly detection); predicted vs true (regression).
 */
import { CanvasScatter } from './CanvasScatter';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';
import { Output, count, percent } from '../../components/Output';
import { useWidth } from '../../components/charts/use-width';
import type { TaskEvaluation } from '../../worker/protocol/time-series';
import { atThreshold, thresholdAt } from '../../core/data/timeseries/metrics';
import { fixed } from './palette';
import { useStaged } from './stage';
import { useMemo } from 'react';

// Stable chart props, so the memoised canvas charts redraw only when their data changes.
const UNIT: [number, number] = [0, 1];
const PRED_DOMAIN: [number, number] = [-0.1, 1.1];
const DIAGONAL: [number, number, number, number] = [0, 0, 1, 1];
const ROC_COLOR = '#1f5fbf';
const DOT_COLOR = '#c2410c';

/** The classification windows' confusion matrix (the shared component, with the task's class names). */
export function ConfusionTable({ confusion, classNames }: { confusion: number[][]; classNames: string[] }) {
  return (
    <ConfusionMatrix
      confusion={confusion}
      classNames={classNames}
      caption="Confusion matrix (test windows): rows true class, columns predicted"
      className="confusion ts-confusion"
    />
  );
}

export function AnomalyResults({ ev, threshold, classNames }: { ev: NonNullable<TaskEvaluation['anomaly']>; threshold: number; classNames: string[] }) {
  const labels = ev.labels;
  const [ref, width] = useWidth<HTMLDivElement>();
  const t = thresholdAt(ev.normalTrainScores, threshold);
  const at = atThreshold(ev.scores, ev.anomalous, t);
  // The numbers follow at once; the ROC chart redraws in its own task (stage.ts).
  const drawn = useStaged(ev, null, 'roc');
  // On a canvas (CanvasScatter): the curve and the threshold's dot are one cheap draw; recharts took
  // 115–155 ms of main-thread time for this chart when a run ended (scripts/time-series-profile.mjs).
  const series = useMemo(
    () =>
      drawn
        ? [
            { color: ROC_COLOR, connect: true, radius: 0, points: drawn.roc.map((p) => ({ x: p.fpr, y: p.tpr })) },
            { color: DOT_COLOR, radius: 6, points: [{ x: at.falsePositiveRate, y: at.recall }] },
          ]
        : [],
    [drawn, at.falsePositiveRate, at.recall],
  );
  // Missed anomalies per class at this threshold.
  const missed = new Map<string, [number, number]>();
  {
    ev.scores.forEach((s, i) => {
      if (!ev.anomalous[i]) return;
      const name = classNames[labels[i]];
      const [m, n] = missed.get(name) ?? [0, 0];
      missed.set(name, [m + (s < t ? 1 : 0), n + 1]);
    });
  }
  return (
    <div ref={ref} className="ts-two">
      {width > 0 && drawn && (
        <figure className="ts-figure" aria-label="ROC curve">
          <figcaption>ROC curve (test windows); the dot is the threshold, the dashed diagonal is chance</figcaption>
          <CanvasScatter
            width={Math.max(260, Math.min(520, Math.floor(width / 2) - 12))}
            height={260}
            series={series}
            xLabel="false positive rate"
            yLabel="true positive rate"
            xDomain={UNIT}
            yDomain={UNIT}
            line={DIAGONAL}
            lineColor="#8a94a3"
            summary={`ROC curve, AUC ${fixed(ev.auc, 3)}; at the threshold: ${percent(at.falsePositiveRate)} false positive rate, ${percent(at.recall)} true positive rate`}
          />
        </figure>
      )}
      <div>
        <div className="ts-numbers">
          <Output label="Precision" size="small">{percent(at.precision)}</Output>
          <Output label="Recall" size="small">{percent(at.recall)}</Output>
          <Output label="False alarms" size="small">{percent(at.falsePositiveRate)}</Output>
          <Output label="Alarm score" size="small">{fixed(t, 3)}</Output>
        </div>
        <table className="ts-missed">
          <caption>Faults missed at this threshold</caption>
          <thead>
            <tr><th scope="col">fault</th><th scope="col">missed</th></tr>
          </thead>
          <tbody>
            {[...missed].map(([name, [m, n]]) => (
              <tr key={name}><th scope="row">{name}</th><td>{m} of {n}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function RegressionResults({ ev }: { ev: NonNullable<TaskEvaluation['regression']> }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const drawn = useStaged(ev, null, 'predicted-vs-true');
  // On a canvas (CanvasScatter): up to 600 dots are one cheap draw, not 600 SVG elements.
  const series = useMemo(() => {
    if (!drawn) return [];
    const step = Math.max(1, Math.ceil(drawn.truth.length / 600));
    return [{ color: '#1f5fbf', points: Array.from({ length: Math.ceil(drawn.truth.length / step) }, (_, k) => ({ x: drawn.truth[k * step], y: drawn.predicted[k * step] })) }];
  }, [drawn]);
  return (
    <div ref={ref}>
      {width > 0 && drawn && (
        <figure className="ts-figure" aria-label="Predicted against true state of charge">
          <figcaption>Predicted vs true (test windows); on the diagonal is perfect</figcaption>
          <CanvasScatter
            width={Math.min(520, width)}
            height={260}
            series={series}
            xLabel="true state of charge"
            yLabel="predicted"
            xDomain={UNIT}
            yDomain={PRED_DOMAIN}
            line={DIAGONAL}
            radius={2}
            summary={`Predicted against true state of charge, ${count(drawn.truth.length)} test windows: R² ${fixed(ev.r2, 3)}, MAE ${fixed(ev.mae * 100, 1)} % of charge`}
          />
        </figure>
      )}
    </div>
  );
}
