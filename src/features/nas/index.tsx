/**
 * The NAS lab (#/nas): define a space of small CNNs, search it under a device budget with random
 * search, regularized evolution or grid search, and watch accuracy vs cost with the Pareto front.
 */
import { memo, useState } from 'react';
import { Guide } from '../../components/Guide';
import { LineChart } from '../../components/charts/LineChart';
import { SelectField } from '../../components/controls';
import { Output, percent } from '../../components/Output';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { nasSettings, useNasStore } from '../../store/nas';
import { useLabSettings } from '../../store/use-lab-settings';
import { isBusy } from './actions';
import { CandidateChart } from './CandidateChart';
import { CandidateDetails } from './CandidateDetails';
import { CandidateTable } from './CandidateTable';
import { SearchControls } from './SearchControls';
import { SearchStatus } from './SearchStatus';
import { SpaceEditor } from './SpaceEditor';
import { useDefaultTargetFromPanel, useNasDeviceVariants } from './use-device-variants';
import { best, bestSoFarRows, COST_AXES, fastest, fmtMs, proxyAgreement, STRATEGY_COLORS, trained, type CostAxis } from './view-model';
import './nas.css';

const loadGuide = () => import('../../../labs/nas.md?raw');

// The guide (markdown + KaTeX) and the forms must not re-render each time a candidate arrives.
const NasGuide = memo(function NasGuide() {
  return <Guide load={loadGuide} />;
});
const Controls = memo(SearchControls);
const Space = memo(SpaceEditor);


export default function NasPage() {
  const [v, update] = useLabSettings(nasSettings);
  const runs = useNasStore((s) => s.runs);
  const selected = useNasStore((s) => s.selected);
  const select = useNasStore((s) => s.select);
  const clear = useNasStore((s) => s.clear);
  const busy = useNasStore(() => isBusy());
  const baseline = useBaseline((s) => s.baseline);
  const [axis, setAxis] = useState<CostAxis>('latency');
  useDefaultTargetFromPanel(update);

  const latest = runs[runs.length - 1];
  const records = latest?.records ?? [];
  const done = trained(records);
  const b = best(records);
  const f = fastest(records);
  const agreement = proxyAgreement(records);
  const selRun = selected ? runs.find((r) => r.id === selected.run) : undefined;
  const selRecord = selRun?.records[selected!.index];
  // Without a click, show the latest run's best candidate.
  const shown = selRecord && selRun ? { run: selRun, record: selRecord } : latest && b ? { run: latest, record: b } : null;
  useNasDeviceVariants(shown?.record ?? null);
  const axisBudget = axis === 'latency' ? v.nasLatency : axis === 'flash' ? v.nasFlash : v.nasRam;

  return (
    <div className="nas-page">
      <p className="baseline-line">
        {baseline ? `Baseline: ${describeBaseline(baseline)}.` : 'No baseline saved yet.'} “Use this model” on a candidate makes it the
        baseline for the other labs.
      </p>
      <Controls v={v} update={update} busy={busy} />
      <Space v={v} update={update} busy={busy} />

      <section className="panel nas-results" aria-label="Search results">
        <div className="nas-status-row">
          <SearchStatus />
          {runs.length > 0 && (
            <button type="button" className="button" disabled={busy} onClick={clear}>
              Clear results
            </button>
          )}
        </div>
        <div className="outputs">
          <Output label="Candidates evaluated">
            {done.length} of {latest?.candidates ?? 0}
          </Output>
          <Output label="Feasible">
            {done.length} of {records.length} ({records.length ? Math.round((100 * done.length) / records.length) : 0} %)
          </Output>
          <Output label="Best accuracy">{percent(b?.accuracy)}</Output>
          <Output label="Best latency" title="The fastest trained candidate">
            {f ? `${fmtMs(f.cost.latencyMs)} ms` : '–'}
          </Output>
          <Output label="Proxy agreement" size="small" title="Spearman's rho between the SynFlow score at initialisation and the trained accuracy">
            {Number.isFinite(agreement.rho) ? `ρ = ${agreement.rho.toFixed(2)} (n = ${agreement.n})` : `– (n = ${agreement.n})`}
          </Output>
        </div>
        <div className="nas-charts">
          <div className="nas-chart-main">
            <SelectField label="Cost axis" value={axis} options={COST_AXES.map((a) => ({ value: a.value, label: `${a.label} (${a.unit})` }))} onChange={(a) => setAxis(a as CostAxis)} />
            <CandidateChart runs={runs} axis={axis} budget={axisBudget} selected={shown ? { run: shown.run.id, index: shown.record.index } : null} onSelect={select} />
          </div>
          <LineChart
            title="Best accuracy so far vs candidates trained"
            data={bestSoFarRows(runs)}
            xKey="n"
            xLabel="candidates trained"
            series={runs.map((r, i) => ({ key: `run${r.id}`, name: `${r.strategy} #${r.id}`, color: STRATEGY_COLORS[r.strategy], dashed: i % 2 === 1, dots: true }))}
            yFormat={(x) => `${x.toFixed(0)} %`}
            height={280}
          />
        </div>
      </section>

      {shown && <CandidateDetails run={shown.run} record={shown.record} v={v} update={update} />}
      <CandidateTable runs={runs} selected={shown ? { run: shown.run.id, index: shown.record.index } : null} onSelect={select} />
      <NasGuide />
    </div>
  );
}
