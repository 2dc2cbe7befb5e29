/**
 * Evaluation per task: the confusion matrix (classification); ROC with the threshold's operating point,
 * precision / recall and the faults it misses (anomaly detection); predicted vs true (regression).
 */
import { CartesianGrid, ComposedChart, Line, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';
import { Output, percent } from '../../components/Output';
import { useWidth } from '../../components/charts/use-width';
import type { TaskEvaluation } from '../../worker/protocol/time-series';
import { atThreshold, thresholdAt } from '../../core/data/timeseries/metrics';
import { fixed } from './palette';

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
  const roc = ev.roc.map((p) => ({ fpr: p.fpr, tpr: p.tpr }));
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
      {width > 0 && (
        <figure className="ts-figure" aria-label="ROC curve">
          <figcaption>ROC curve (test windows); the dot is the threshold</figcaption>
          <ComposedChart width={Math.max(260, Math.floor(width / 2) - 12)} height={250} data={roc} margin={{ top: 6, right: 12, bottom: 18, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e6ea" />
            <XAxis dataKey="fpr" type="number" domain={[0, 1]} tick={{ fontSize: 12 }} label={{ value: 'false positive rate', position: 'insideBottom', offset: -10, fontSize: 13 }} />
            <YAxis type="number" domain={[0, 1]} tick={{ fontSize: 12 }} label={{ value: 'true positive rate', angle: -90, position: 'insideLeft', offset: 14, fontSize: 13 }} />
            <Line dataKey="tpr" stroke="#1f5fbf" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Scatter data={[{ fpr: at.falsePositiveRate, tpr: at.recall }]} dataKey="tpr" fill="#c2410c" isAnimationActive={false} />
          </ComposedChart>
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
  const step = Math.max(1, Math.ceil(ev.truth.length / 600));
  const pts = Array.from({ length: Math.ceil(ev.truth.length / step) }, (_, k) => ({ t: ev.truth[k * step], p: ev.predicted[k * step] }));
  return (
    <div ref={ref}>
      {width > 0 && (
        <figure className="ts-figure" aria-label="Predicted against true state of charge">
          <figcaption>Predicted vs true (test windows); on the diagonal is perfect</figcaption>
          <ScatterChart width={Math.min(520, width)} height={260} margin={{ top: 6, right: 12, bottom: 18, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e6ea" />
            <XAxis dataKey="t" type="number" domain={[0, 1]} tick={{ fontSize: 12 }} label={{ value: 'true', position: 'insideBottom', offset: -10, fontSize: 13 }} />
            <YAxis dataKey="p" type="number" domain={[-0.1, 1.1]} tick={{ fontSize: 12 }} tickFormatter={(v: number) => v.toFixed(1)} />
            <ZAxis range={[14, 14]} />
            <Scatter data={pts} fill="#1f5fbf" isAnimationActive={false} />
            <Scatter data={[{ t: 0, p: 0 }, { t: 1, p: 1 }]} line={{ stroke: '#c2410c', strokeDasharray: '5 4' }} shape={() => <g />} isAnimationActive={false} />
          </ScatterChart>
        </figure>
      )}
    </div>
  );
}
