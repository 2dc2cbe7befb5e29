/**
 * The outcome of the last "Prune": sparsity achieved, accuracy before → pruned → fine-tuned, the size
 * ledger next to the baseline's, per-layer sparsity bars with mask heatmaps, and weight histograms.
 *
 * The headline numbers and the ledger render with the report; the heavy views (latency estimates,
 * one canvas per layer, the recharts histogram) follow a deferred copy of it, memoised, so a result
 * lands in several short main-thread tasks instead of one long one (issue 18: one 280 ms task under load).
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { count, Output, percent } from '../../components/Output';
import { estimate, formatCount, formatMs, type Deployment } from '../../core/devices';
import { sizeKB, SIZE_LABEL, SIZE_MEANING } from '../../core/devices/model-size';
import type { ModelSpec } from '../../core/model/spec';
import { useDeviceTarget } from '../../store/device';
import type { SizeLedger } from '../../core/techniques/pruning/ledger';
import { usePruning } from '../../store/pruning';
import type { PruneReport } from '../../worker/protocol/pruning';
import { MaskHeatmap } from './MaskHeatmap';
import { analyzeSpec } from '../../core/model/analyze';
import { WeightHistogram } from './WeightHistogram';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { pruningLab } from './lab';

export function PruneResults() {
  const info = usePruning((s) => s.info);
  const report = usePruning((s) => s.report);
  const label = usePruning((s) => s.reportLabel);
  const headingRef = useFocusAfterJob<HTMLHeadingElement>(pruningLab, ['Pruning']);
  const shown = useDeferredValue(report);
  if (!info) return null;
  const structured = report?.masks.some((m) => m.units) ?? false;
  const sparsity = report ? (structured ? report.sparsity.units : report.sparsity.weights) : null;
  const change = report ? (report.accuracyFinal - info.accuracy) * 100 : null;
  return (
    <section className="panel prune-results" aria-label="Pruning results">
      <h2 ref={headingRef} tabIndex={-1}>Result{label ? `: ${label}` : ''}</h2>
      <div className="outputs">
        <Output label="Sparsity" title={structured ? 'of units (neurons/filters) in the pruned layers' : 'of weights in the pruned layers'}>
          {report ? percent(sparsity) : '–'}
        </Output>
        <Output label="Test accuracy">{percent(report ? report.accuracyFinal : info.accuracy, 2)}</Output>
        <Output label="Accuracy change">{change === null ? '–' : `${change >= 0 ? '+' : ''}${change.toFixed(2)} pp`}</Output>
        <Output label="Parameters">{count(report ? report.ledger.nonZeroParams : info.ledger.params)}</Output>
        <Output label="MACs">{count(report ? report.ledger.macs : info.ledger.macs)}</Output>
      </div>
      {report && (
        <p className="prune-accuracy-path">
          {accuracyPath(report, info.accuracy)}
          {report.ledger.nm !== null && <NmNote />}
          {structured
            ? `. The pruned units are really removed: the deployed model has ${count(report.ledger.params)} parameters and ${count(report.ledger.macs)} MACs (baseline ${count(info.ledger.params)} / ${count(info.ledger.macs)}).`
            : `. The zeros stay in the dense tensors: ${count(report.ledger.macs)} MACs still run on a dense kernel (only ${count(report.ledger.nonZeroMacs)} touch a non-zero weight).`}
        </p>
      )}
      <div className="prune-ledgers">
        <Ledger before={info.ledger} after={report?.ledger ?? null} />
        <LatencyRows baseline={info.spec} report={shown} />
      </div>
      {shown && <PruneLayers baseline={info.spec} report={shown} />}
      <WeightHistogram before={info.histogram} after={shown?.histogram ?? null} />
    </section>
  );
}

/** Per-layer sparsity bars and mask heatmaps (a canvas each), with MACs before → after when units are removed. */
const PruneLayers = memo(function PruneLayers({ baseline, report }: { baseline: ModelSpec; report: PruneReport }) {
  const structured = report.masks.some((m) => m.units);
  // MACs per layer before and after (structured pruning shrinks them; the rest keeps dense kernels).
  const macs = useMemo(() => {
    if (!structured) return null;
    const perLayer = (spec: ModelSpec) => new Map(analyzeSpec(spec).layers.map((l) => [l.name, l.macs]));
    return { before: perLayer(baseline), after: perLayer(report.spec) };
  }, [structured, baseline, report.spec]);
  return (
    <div className="prune-layers-view">
      <h3>Per-layer masks (blue = kept, grey = pruned)</h3>
      {report.masks.map((m, i) => {
        const s = report.perLayer[i];
        return (
          <figure key={m.layer} className="prune-layer-mask">
            <figcaption>
              <strong>{m.layer}</strong> [{m.shape.join('×')}] — {percent(s.sparsity)} of weights pruned
              {s.unitsPruned > 0 && `, ${s.unitsPruned} of ${s.units} units gone`}
              {macs && `; MACs ${count(macs.before.get(m.layer) ?? 0)} → ${count(macs.after.get(m.layer) ?? 0)} (${count((macs.before.get(m.layer) ?? 0) - (macs.after.get(m.layer) ?? 0))} removed)`}
              <span className="sparsity-bar" aria-hidden="true"><span style={{ width: `${s.sparsity * 100}%` }} /></span>
            </figcaption>
            <MaskHeatmap mask={m} />
          </figure>
        );
      })}
    </div>
  );
});

/** 2:4 is a hardware pattern: say where it pays and where it does not. */
function NmNote() {
  return (
    <span className="prune-nm-note">
      {' '}2:4 semi-structured sparsity (Mishra et al. 2021) doubles math throughput only on hardware built for it, e.g.
      NVIDIA Ampere and later sparse tensor cores. No NXP part accelerates it today: TFLite Micro, CMSIS-NN and the eIQ
      Neutron NPUs run dense kernels, so on MCX N, i.MX RT and i.MX 8M Plus / 93 / 95 it saves flash (the 2:4 row of the
      ledger), not time
    </span>
  );
}

function accuracyPath(r: PruneReport, baseline: number): string {
  const epochs = `${r.epochs.length} epoch${r.epochs.length === 1 ? '' : 's'}`;
  if (r.when === 'before') {
    return `Test accuracy: baseline (dense, trained) ${percent(baseline, 2)}; the network masked at initialisation, trained for ${epochs}: ${percent(r.accuracyFinal, 2)}`;
  }
  if (r.when === 'during' && r.epochs.length > 0) {
    return `Test accuracy: baseline ${percent(baseline, 2)} → after ${epochs} of gradual pruning ${percent(r.accuracyFinal, 2)}`;
  }
  const tuned = r.epochs.length > 0 ? ` → after ${epochs} with masks held ${percent(r.accuracyFinal, 2)}` : '';
  return `Test accuracy: baseline ${percent(baseline, 2)} → right after pruning ${percent(r.accuracyPruned, 2)}${tuned}`;
}

/** int8 latency of baseline and pruned model on the panel's target: the honest speed story. */
const LatencyRows = memo(function LatencyRows({ baseline, report }: { baseline: ModelSpec; report: PruneReport | null }) {
  const [targetId] = useDeviceTarget();
  const sparsity = report && !report.masks.some((m) => m.units)
    ? Object.fromEntries(report.perLayer.map((l) => [l.layer, l.sparsity]))
    : undefined;
  const dep: Deployment = { dtype: 'int8', sparsity, storage: sparsity ? 'bitmask' : 'dense' };
  const before = estimate(baseline, { dtype: 'int8' }, targetId);
  const after = report ? estimate(report.spec, dep, targetId) : null;
  const ms = (e: ReturnType<typeof estimate> | null, engine: 'cpu' | 'npu') => {
    const x = e?.[engine];
    return !e ? '–' : !x ? 'no NPU' : x.available ? formatMs(x.ms) : 'n/a';
  };
  return (
    <table className="prune-ledger">
      <caption>Latency at int8 on {before.targetName} (device estimator)</caption>
      <thead>
        <tr>
          <th scope="col">Engine</th>
          <th scope="col">Baseline</th>
          <th scope="col">Pruned</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">CPU</th>
          <td>{ms(before, 'cpu')}</td>
          <td>{ms(after, 'cpu')}</td>
        </tr>
        <tr>
          <th scope="row">NPU</th>
          <td>{ms(before, 'npu')}</td>
          <td>{ms(after, 'npu')}</td>
        </tr>
      </tbody>
    </table>
  );
});

function Ledger({ before, after }: { before: SizeLedger; after: SizeLedger | null }) {
  const rows: [string, (l: SizeLedger) => string][] = [
    ['Parameters (non-zero)', (l) => `${formatCount(l.params)} (${formatCount(l.nonZeroParams)})`],
    ['MACs run on dense kernels', (l) => formatCount(l.macs)],
    ['MACs with a non-zero weight', (l) => formatCount(l.nonZeroMacs)],
    ['Dense fp32', (l) => sizeKB(l.denseFp32)],
    ['Dense int8', (l) => sizeKB(l.denseInt8)],
    ['Bitmask (int8 values)', (l) => sizeKB(l.bitmask)],
    ['CSR (int8 values)', (l) => sizeKB(l.csr)],
    ['2:4 (int8 values + 2-bit indices)', (l) => (l.nm === null ? '–' : sizeKB(l.nm))],
    ['gzip of dense int8', (l) => (l.gzip === null ? '–' : sizeKB(l.gzip))],
  ];
  return (
    <table className="prune-ledger">
      <caption title={`${SIZE_LABEL.weights}: ${SIZE_MEANING.weights}`}>
        Size ledger, {SIZE_LABEL.weights} (the device panel adds the {SIZE_LABEL.file} and {SIZE_LABEL.flash}, RAM and fit per device)
      </caption>
      <thead>
        <tr>
          <th scope="col">Quantity</th>
          <th scope="col">Baseline</th>
          <th scope="col">Pruned</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, fmt]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{fmt(before)}</td>
            <td>{after ? fmt(after) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
