/**
 * The Quantization lab (#/quantization): quantize the shared baseline to fewer bits (PTQ) or train it
 * for them (QAT), see float vs int per tensor with a draggable clipping range, run the integer-only
 * int8 path on the test set and step through one neuron's integer arithmetic, compare bit depths and
 * fp32 / fp16 / int8 / int4 — the device panel shows what each variant costs on the targets.
 */
import { useEffect, useMemo } from 'react';
import { BaselineGate } from '../../components/BaselineGate';
import { JobStatus } from '../../components/jobs';
import { StartFrom } from '../../components/shelf/StartFrom';
import { SaveQuantized } from '../../components/shelf/lab-saves';
import { useDeviceVariants } from '../../components/device-panel';
import type { ModelVariant } from '../../core/devices/types';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { useQuantization } from '../../store/quantization';
import { prepareOnce } from './actions';
import { quantizationLab } from './lab';
import { HistogramExplorer } from './HistogramExplorer';
import { QuantControls } from './QuantControls';
import { QuantResults } from './QuantResults';
import { StepThrough } from './StepThrough';
import { LedgerPanel, SweepPanel } from './StudyPanels';
import { ClusterPanel } from './ClusterPanel';
import { MixedPrecisionPanel } from './MixedPrecisionPanel';
import { TimeSeriesQuant } from './TimeSeriesQuant';
import './quantization.css';

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
      { label: '16x8 (int16 activations)', spec: s, deployment: { dtype: 'int8', perChannel: true, activationBits: 16 } },
    ];
  }, [baseline, spec]);
}

export default function QuantizationPage() {
  const baseline = useBaseline((s) => s.baseline);
  const loaded = useBaseline((s) => s.loaded);
  const info = useQuantization((s) => s.info);
  const error = useQuantization((s) => s.prepareError);
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
      {loaded && !baseline && <BaselineGate lab={quantizationLab} why="Quantization starts from a trained float model." preview={<QuantControls preview />} />}
      <StartFrom use="quantize" tsPanel />
      <TimeSeriesQuant />
      <JobStatus lab={quantizationLab} />
      {error && <p className="field-error" role="alert">{error}</p>}
      {baseline && !info && !error && <p>Preparing the baseline (folding batch norm, measuring float accuracy)…</p>}
      {baseline && info && (
        <>
          <QuantControls />
          <QuantResults />
          <SaveQuantized />
          <HistogramExplorer />
          <StepThrough />
          <div className="quant-studies">
            <SweepPanel />
            <LedgerPanel />
          </div>
          <MixedPrecisionPanel />
          <ClusterPanel />
        </>
      )}
    </div>
  );
}
