/**
 * The Quantization lab (#/quantization): quantize the shared baseline to fewer bits (PTQ) or train it
 * for them (QAT), see float vs int per tensor with a draggable clipping range, run the integer-only
 * int8 path on the test set and step through one neuron's integer arithmetic, compare bit depths and
 * fp32 / fp16 / int8 / int4 — the device panel shows what each variant costs on the targets.
 */
import { useEffect, useMemo } from 'react';
import { BaselineGate } from '../../components/BaselineGate';
import { Guide } from '../../components/Guide';
import { OtherJobNote, useOtherJob } from '../../components/OtherJobNote';
import { useDeviceVariants } from '../../components/device-panel';
import type { ModelVariant } from '../../core/devices/types';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { useQuantization } from '../../store/quantization';
import { prepareOnce, stopJob, trainBaseline } from './actions';
import { HistogramExplorer } from './HistogramExplorer';
import { QuantControls } from './QuantControls';
import { QuantResults } from './QuantResults';
import { StepThrough } from './StepThrough';
import { LedgerPanel, SweepPanel } from './StudyPanels';
import { ClusterPanel } from './ClusterPanel';
import './quantization.css';

const loadGuide = () => import('../../../labs/quantization.md?raw');

function useVariants(): ModelVariant[] {
  const baseline = useBaseline((s) => s.baseline);
  const spec = useQuantization((s) => s.info?.spec);
  return useMemo(() => {
    if (!baseline) return [];
    const s = spec ?? baseline.spec;
    return [
      { label: 'fp32', spec: s, deployment: { dtype: 'fp32' } },
      { label: 'fp16', spec: s, deployment: { dtype: 'fp16' } },
      { label: 'int8', spec: s, deployment: { dtype: 'int8', perChannel: true } },
      { label: 'int4 (computed as int8)', spec: s, deployment: { dtype: 'int4', perChannel: true } },
    ];
  }, [baseline, spec]);
}

export default function QuantizationPage() {
  const baseline = useBaseline((s) => s.baseline);
  const loaded = useBaseline((s) => s.loaded);
  const info = useQuantization((s) => s.info);
  const progress = useQuantization((s) => s.progress);
  const error = useQuantization((s) => s.error);
  useDeviceVariants(useVariants());
  useEffect(() => {
    // Copies the baseline once per saved baseline (idempotent: StrictMode's second call is a no-op).
    if (baseline) void prepareOnce(baseline.savedAt);
  }, [baseline]);
  return (
    <div className="quant-page">
      <p className="baseline-line">
        {baseline
          ? `Quantizing the saved baseline: ${describeBaseline(baseline)}. Every run works on a copy; the baseline itself is never changed.`
          : loaded
            ? 'No baseline saved yet.'
            : 'Loading the saved baseline…'}
      </p>
      <OtherJobNote ownLab="quantization" />
      {loaded && !baseline && <LabBaselineGate />}
      {progress && (
        <div className="quant-progress" role="status" aria-label="Progress">
          <progress max={1} value={progress.fraction} /> {progress.text}
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      {baseline && !info && !error && <p>Preparing the baseline (folding batch norm, measuring float accuracy)…</p>}
      {baseline && info && (
        <>
          <QuantControls />
          <QuantResults />
          <HistogramExplorer />
          <StepThrough />
          <div className="quant-studies">
            <SweepPanel />
            <LedgerPanel />
          </div>
          <ClusterPanel />
        </>
      )}
      <Guide load={loadGuide} />
    </div>
  );
}

function LabBaselineGate() {
  const job = useQuantization((s) => s.job);
  const otherJob = useOtherJob('quantization');
  return (
    <BaselineGate
      why="Quantization starts from a trained float model."
      busy={job !== null || otherJob}
      training={job === 'baseline'}
      onTrain={(model, epochs) => void trainBaseline(model, epochs, 1)}
      onStop={() => void stopJob()}
    />
  );
}
