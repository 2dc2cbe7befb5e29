/**
 * The NAS lab (#/nas): define a space of small CNNs, search it under a device budget with random
 * search, regularized evolution or grid search, and watch accuracy vs cost with the Pareto front.
 */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { JobStatus, useJob } from '../../components/jobs';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { nasLab } from './lab';
import { LineChart } from '../../components/charts/LineChart';
import { SelectField } from '../../components/controls';
import { Output, percent } from '../../components/Output';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { nasSettings, useNasStore } from '../../store/nas';
import { useLabSettings } from '../../store/use-lab-settings';
import { CandidateChart } from './CandidateChart';
import { CandidateDetails } from './CandidateDetails';
import { CandidateTable } from './CandidateTable';
import { SearchControls } from './SearchControls';
import { SearchStatus } from './SearchStatus';
import { SpaceEditor } from './SpaceEditor';
import { NasSeedFrom } from './NasSeedFrom';
import { RecordedRun } from './RecordedRun';
import { useNasDeviceVariants } from './use-nas-variants';
import { best, bestSoFarRows, COST_AXES, fastest, fmtMs, proxyAgreement, STRATEGY_COLORS, trained, type CostAxis } from './view-model';
import './nas.css';

// The forms must not re-render each time a candidate arrives.
const Controls = memo(SearchControls);
const Space = memo(SpaceEditor);
const yPercent = (x: number) => `${x.toFixed(0)} %`;
const AXIS_OPTIONS = COST_AXES.map((a) => ({ value: a.value, label: `${a.label} (${a.unit})` }));

export default function NasPage() {
  const [v, update] = useLabSettings(nasSettings);
  const runs = useNasStore((s) => s.runs);
  const selected = useNasStore((s) => s.selected);
  const select = useNasStore((s) => s.select);
  const clear = useNasStore((s) => s.clear);
  const busy = useJob(nasLab).running;
  const baseline = useBaseline((s) => s.baseline);
  const [axis, setAxis] = useState<CostAxis>('latency');
  const resultsRef = useFocusAfterJob<HTMLHeadingElement>(nasLab, ['The search', 'Comparing strategies']);

  // Everything derived from the runs is memoised: the page re-renders once per candidate record,
  // and only what that record changes should be recomputed and redrawn.
  const latest = runs[runs.length - 1];
  const records = latest?.records;
  const { done, b, f, agreement } = useMemo(() => {
    const rs = records ?? [];
    return { done: trained(rs).length, b: best(rs), f: fastest(rs), agreement: proxyAgreement(rs) };
  }, [records]);
  const total = records?.length ?? 0;
  const selRun = selected ? runs.find((r) => r.id === selected.run) : undefined;
  const selRecord = selRun?.records[selected!.index];
  // Without a click, show the latest run's best candidate.
  const shown = selRecord && selRun ? { run: selRun, record: selRecord } : latest && b ? { run: latest, record: b } : null;
  const shownRunId = shown?.run.id;
  const shownIndex = shown?.record.index;
  const shownSel = useMemo(() => (shownRunId !== undefined && shownIndex !== undefined ? { run: shownRunId, index: shownIndex } : null), [shownRunId, shownIndex]);
  // The candidate details, the device panel (re-estimate + its charts) and the best-so-far chart
  // follow in deferred renders, so a new candidate costs a few short main-thread tasks, not one long one.
  const shownRecord = shown?.record ?? null;
  useNasDeviceVariants(useDeferredValue(shownRecord));
  const shownStrategy = shown?.run.strategy;
  const shownSeed = shown?.run.seed;
  const detail = useDeferredValue(
    useMemo(
      () => (shownRecord && shownRunId !== undefined && shownStrategy && shownSeed !== undefined ? { runId: shownRunId, strategy: shownStrategy, seed: shownSeed, record: shownRecord } : null),
      [shownRecord, shownRunId, shownStrategy, shownSeed],
    ),
  );
  const progressRows = useDeferredValue(useMemo(() => bestSoFarRows(runs), [runs]));
  const seriesKey = runs.map((r) => `${r.id}:${r.strategy}:${r.recorded ? 'recorded' : ''}`).join(',');
  const series = useDeferredValue(
    useMemo(
      // Only the runs' ids and strategies name a series (seriesKey): new records must not change its identity.
      () =>
        seriesKey
          .split(',')
          .filter(Boolean)
          .map((entry, i) => {
            const [id, strategy, recorded] = entry.split(':') as [string, keyof typeof STRATEGY_COLORS, string];
            return { key: `run${id}`, name: `${strategy} #${id}${recorded ? ' (recorded)' : ''}`, color: STRATEGY_COLORS[strategy], dashed: i % 2 === 1, dots: true };
          }),
      [seriesKey],
    ),
  );
  const axisBudget = axis === 'latency' ? v.nasLatency : axis === 'flash' ? v.nasFlash : v.nasRam;

  return (
    <div className="nas-page">
      <p className="baseline-line">
        {baseline ? `Baseline: ${describeBaseline(baseline)}.` : 'No baseline saved yet.'} “Use this model” on a candidate makes it the
        baseline for the other labs.
      </p>
      <JobStatus lab={nasLab} />
      <NasSeedFrom update={update} busy={busy} />
      <RecordedRun v={v} update={update} />
      <Controls v={v} update={update} busy={busy} />
      <Space v={v} update={update} busy={busy} />

      <section className="panel nas-results" aria-label="Search results">
        <h2 ref={resultsRef} tabIndex={-1}>Search results</h2>
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
            {done} of {latest?.candidates ?? 0}
          </Output>
          <Output label="Feasible">
            {done} of {total} ({total ? Math.round((100 * done) / total) : 0} %)
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
            <SelectField label="Cost axis" value={axis} options={AXIS_OPTIONS} onChange={(a) => setAxis(a as CostAxis)} />
            <CandidateChart runs={runs} axis={axis} budget={axisBudget} selected={shownSel} onSelect={select} />
          </div>
          <LineChart
            title="Best accuracy so far vs candidates trained"
            data={progressRows}
            xKey="n"
            xLabel="candidates trained"
            series={series}
            yFormat={yPercent}
            height={280}
          />
        </div>
      </section>

      {detail && <CandidateDetails runId={detail.runId} strategy={detail.strategy} seed={detail.seed} record={detail.record} v={v} update={update} />}
      <CandidateTable runs={runs} selected={shownSel} onSelect={select} />
    </div>
  );
}
