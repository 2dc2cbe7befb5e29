/**
 * The Pruning lab (#/pruning): prune the shared baseline along every axis (granularity, scope,
 * criterion, when), see the masks and what it does to accuracy, size and — through the device
 * panel — flash, RAM and latency; run a sparsity sweep, a per-layer sensitivity scan and a duel.
 */
import { useEffect, useMemo } from 'react';
import { BaselineGate } from '../../components/BaselineGate';
import { JobStatus } from '../../components/jobs';
import { StartFrom } from '../../components/shelf/StartFrom';
import { SavePruned } from '../../components/shelf/lab-saves';
import { useDeviceVariants } from '../../components/device-panel';
import type { ModelVariant } from '../../core/devices';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { usePruning } from '../../store/pruning';
import { refreshInfo } from './actions';
import { pruningLab } from './lab';
import { PruneControls } from './PruneControls';
import { PruneResults } from './PruneResults';
import { DuelPanel, SensitivityPanel, SweepPanel } from './StudyPanels';
import { LotteryPanel } from './LotteryPanel';
import { TimeSeriesPrune } from './TimeSeriesPrune';
import './pruning.css';

function useVariants(): ModelVariant[] {
  const baseline = useBaseline((s) => s.baseline);
  const report = usePruning((s) => s.report);
  return useMemo(() => {
    if (!baseline) return [];
    const out: ModelVariant[] = [{ label: 'baseline fp32', spec: baseline.spec, deployment: { dtype: 'fp32' } }];
    if (!report) return out;
    const structured = report.masks.some((m) => m.units);
    if (structured) {
      const pct = Math.round(report.sparsity.units * 100);
      out.push({ label: `pruned ${pct} % units fp32`, spec: report.spec, deployment: { dtype: 'fp32' } });
      out.push({ label: `pruned ${pct} % units int8`, spec: report.spec, deployment: { dtype: 'int8' } });
    } else {
      const pct = Math.round(report.sparsity.weights * 100);
      const sparsity = Object.fromEntries(report.perLayer.map((l) => [l.layer, l.sparsity]));
      out.push({ label: `pruned ${pct} % dense fp32`, spec: report.spec, deployment: { dtype: 'fp32', sparsity, storage: 'dense' } });
      out.push({ label: `pruned ${pct} % int8 bitmask`, spec: report.spec, deployment: { dtype: 'int8', sparsity, storage: 'bitmask' } });
    }
    return out;
  }, [baseline, report]);
}

export default function PruningPage() {
  const baseline = useBaseline((s) => s.baseline);
  const loaded = useBaseline((s) => s.loaded);
  const info = usePruning((s) => s.info);
  useDeviceVariants(useVariants());
  useEffect(() => {
    // Reads the baseline's layers once per saved baseline (idempotent: StrictMode's second call is a no-op).
    if (baseline) void refreshInfo(baseline.savedAt);
  }, [baseline]);
  return (
    <div className="pruning-page">
      <p className="baseline-line">
        {baseline
          ? `Pruning the saved baseline: ${describeBaseline(baseline)}. Every run works on a copy; the baseline itself is never changed.`
          : loaded
            ? 'No baseline saved yet.'
            : 'Loading the saved baseline…'}
      </p>
      {loaded && !baseline && <BaselineGate lab={pruningLab} why="Pruning starts from a trained model." preview={<PruneControls preview />} />}
      <StartFrom use="train" tsPanel />
      <TimeSeriesPrune />
      <JobStatus lab={pruningLab} />
      {baseline && !info && <p>Reading the baseline…</p>}
      {baseline && info && (
        <>
          <PruneControls />
          <PruneResults />
          <SavePruned />
          <div className="prune-studies">
            <SweepPanel />
            <SensitivityPanel />
          </div>
          <DuelPanel />
          <LotteryPanel />
        </>
      )}
    </div>
  );
}
