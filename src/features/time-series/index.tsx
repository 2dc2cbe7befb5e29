/**
 * The Time-series lab (#/time-series), in eIQ Time Series Studio's order: data (simulators, CSV, live
 * capture) → data intelligence (signals, spectrograms, features, separability) → training → evaluation
 * (per task) → deployment (device panel, window buffer and feature stage, inferences per second).
 */
import { useCallback, useDeferredValue, useEffect, useMemo } from 'react';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { timeSeriesLab } from './lab';
import { useLabSettings } from '../../store/use-lab-settings';
import { timeSeriesSettings, useTimeSeries, runSettings, type TimeSeriesSettings } from '../../store/time-series';
import { TASK_DATASETS, TASK_MODELS, featureModeFor, specForSettings } from '../../core/data/timeseries/lab-defaults';
import { MOTOR_CLASSES } from '../../core/data/timeseries/motor';
import { ACTIVITY_CLASSES } from '../../core/data/timeseries/activity';
import { Controls, SignalControls } from './Controls';
import { KeyNumbers } from './KeyNumbers';
import { SignalView } from './SignalView';
import { Separability } from './Separability';
import { AnomalyResults, ConfusionTable, RegressionResults } from './Results';
import { DeviceCost } from './DeviceCost';
import { CsvPreview } from './CsvPreview';
import { LiveCapture } from './LiveCapture';
import { lastRunOf, refreshPreview } from './actions';
import { SaveRun } from './SaveRun';
import { datasetPatch } from './settings-patch';
import { useStaged } from './stage';
import { LossCurve } from './LossCurve';
import './time-series.css';


/**
 * Keeps dataset and model valid for the task (a hand-edited link may pair them wrongly). A dataset
 * replaced here brings its own signal defaults: `#/time-series?tsTask=regression` alone must not run
 * the battery at the motor's 1000 Hz.
 */
function normalise(s: TimeSeriesSettings): TimeSeriesSettings {
  const datasets = TASK_DATASETS[s.tsTask];
  const models = TASK_MODELS[s.tsTask];
  const tsModel = models.includes(s.tsModel) ? s.tsModel : models[0];
  if (datasets.includes(s.tsDataset)) return { ...s, tsModel };
  return { ...s, tsModel, ...datasetPatch(datasets[0]) };
}

export default function TimeSeriesPage() {
  const [raw, update] = useLabSettings(timeSeriesSettings);
  // One object per settings change, so the memoised sections below skip redraws on run events.
  const s = useMemo(() => normalise(raw), [raw]);
  const resultsRef = useFocusAfterJob<HTMLHeadingElement>(timeSeriesLab, ['Training']);
  const task = s.tsTask;
  const live = useTimeSeries((st) => st.tasks[task]);
  // Charts render from deferred copies: React renders them in the background and yields to the
  // browser between components, so a result arriving never blocks the page for long (no long tasks).
  const t = useDeferredValue(live);
  const preview = useDeferredValue(useTimeSeries((st) => st.preview));
  const previewError = useTimeSeries((st) => st.previewError);
  const previewKey = JSON.stringify([task, s.tsDataset, s.tsRate, s.tsWindow, s.tsNoise, s.tsSeed, s.tsSeconds, s.tsAntiAlias, t.summary?.dataset === 'csv' ? t.summary.recordings : 0]);
  // The preview is not a job (one short recording per class), so it may follow the settings live.
  useEffect(() => {
    const id = setTimeout(() => void refreshPreview(s), 150);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- previewKey stands for the settings the preview reads
  }, [previewKey]);

  const matches = (x: typeof t.summary) => (x && (s.tsDataset === 'csv') === (x.dataset === 'csv') ? x : null);
  const summary = matches(t.summary);
  const liveSummary = matches(live.summary);
  const outcome = summary ? t.outcome : null;
  const channels = summary?.channelNames.length ?? 3;
  const classes = summary?.classNames.length ?? (s.tsDataset === 'activity' ? ACTIVITY_CLASSES.length : MOTOR_CLASSES.length);
  const useClips = useCallback((hz: number) => update({ tsDataset: 'csv', tsRate: Math.max(1, Math.min(16000, hz)) }), [update]);
  const nextSpec = useMemo(() => outcome?.spec ?? specForSettings(task, runSettings(s), channels, classes), [outcome, task, s.tsModel, s.tsFeatures, s.tsWindow, s.tsBands, channels, classes]); // eslint-disable-line react-hooks/exhaustive-deps
  // The trained model's spec usually equals the one shown before the run; keeping the same object
  // spares the device panel (estimates, memory chart) a redraw in the busy moment a run ends.
  const specKey = JSON.stringify(nextSpec);
  const spec = useMemo(() => nextSpec, [specKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const curve = useStaged(t.curve, t.curve, 'loss-curve');
  const ev = outcome?.float;
  const ran = lastRunOf(task);
  return (
    <div className="ts-page">
      <Controls s={s} update={update} />
      <KeyNumbers task={task} summary={liveSummary} outcome={liveSummary ? live.outcome : null} />
      {summary?.notice && <p className="notice notice-warning" role="status">{summary.notice}</p>}
      <CsvPreview info={s.tsDataset === 'csv' ? t.csv : null} error={t.csvError} />
      {(ev || curve.length > 0) && (
        <section className="ts-results" aria-labelledby="ts-results-h">
          <h2 ref={resultsRef} tabIndex={-1} id="ts-results-h">Evaluation</h2>
          <div className="ts-two">
            {curve.length > 0 && <LossCurve curve={curve} lossName={task === 'classification' ? 'cross-entropy' : 'mean squared error'} />}
            {ev?.classification && <ConfusionTable confusion={ev.classification.confusion} classNames={summary?.classNames ?? []} />}
          </div>
          {ev?.anomaly && <ThresholdControl value={s.tsThreshold} onChange={(tsThreshold) => update({ tsThreshold })} />}
          {ev?.anomaly && <AnomalyResults ev={ev.anomaly} threshold={s.tsThreshold} classNames={summary?.classNames ?? []} />}
          {ev?.regression && <RegressionResults ev={ev.regression} />}
        </section>
      )}
      {/* Keyed by run: a new run clears the last run's "Saved …" line and name edits. */}
      {outcome && ran && <SaveRun key={ran.id} outcome={outcome} ran={ran} />}
      <SignalControls s={s} update={update} />
      <SignalView preview={preview} error={previewError} />
      {summary && <Separability summary={summary} />}
      <DeviceCost spec={spec} mode={featureModeFor(s.tsModel, s.tsFeatures)} windowLength={s.tsWindow} channels={channels} bands={s.tsBands} sampleRate={s.tsRate} stride={s.tsStride} />
      {task !== 'regression' && <LiveCapture s={s} onUse={useClips} />}
    </div>
  );
}

function ThresholdControl({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  return (
    <div className="field ts-threshold">
      <label htmlFor="ts-threshold">Threshold</label>
      <input id="ts-threshold" type="range" min={50} max={100} step={0.5} value={value} aria-describedby="ts-threshold-hint" onChange={(e) => onChange(Number(e.target.value))} />
      <small id="ts-threshold-hint" className="field-hint">
        {value}th percentile of the normal training windows' scores: {(100 - value).toFixed(1)} % of normal windows would raise an alarm.
      </small>
    </div>
  );
}
