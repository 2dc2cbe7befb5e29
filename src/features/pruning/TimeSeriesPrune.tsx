/**
 * Magnitude pruning of a time-series shelf version (engine.tsVersions.prune): unstructured, global or
 * per layer, one shot after training (no fine-tuning), measured with the version's own metric on its
 * own windows; "Save to shelf" keeps the zeros as the child's masks. The rest of the page (other
 * criteria, structured pruning, sweeps, sensitivity scan, duel, lottery ticket) works on MNIST digits.
 */
import { useState } from 'react';
import { useJob } from '../../components/jobs';
import { count, Output, percent } from '../../components/Output';
import { NumberField, SelectField } from '../../components/controls';
import { SaveToShelf } from '../../components/shelf/SaveToShelf';
import { pickOf, taskScoreText, TimeSeriesVersionPick, useTimeSeriesVersions } from '../../components/shelf/TimeSeriesVersionPick';
import { defaultVersionName, pruneStep } from '../../core/shelf/naming';
import { intField } from '../../store/settings-schema';
import { runJob } from '../../store/jobs';
import { getEngine, proxy } from '../../worker/client';
import type { TsPruneReport } from '../../worker/protocol/ts-versions';
import { pruningLab } from './lab';

const SPARSITY = intField('Sparsity (%)', 50, { min: 0, max: 95 });

export function TimeSeriesPrune() {
  const versions = useTimeSeriesVersions().filter((v) => !v.quantized);
  const [id, setId] = useState('');
  const [sparsity, setSparsity] = useState(SPARSITY.default);
  const [scope, setScope] = useState<'global' | 'local'>('global');
  const [report, setReport] = useState<TsPruneReport | null>(null);
  const job = useJob(pruningLab);
  if (versions.length === 0) return null;
  const { version, reason } = pickOf(versions, id);

  async function prune() {
    if (!version) return;
    setReport(null);
    const out = await runJob(pruningLab, 'Pruning a time-series version', (j) =>
      getEngine().tsVersions.prune({ id: version.id, sparsity: sparsity / 100, scope }, proxy(j.guard((f: number, t: string) => j.progress(f, t)))),
    );
    if (out.status === 'done') setReport(out.value);
  }

  return (
    <section className="panel" aria-labelledby="p-ts-h">
      <h2 id="p-ts-h">Prune a time-series version (magnitude, unstructured)</h2>
      <p className="field-hint">
        Other criteria, structured and N:M pruning, schedules, sweeps, the sensitivity scan, the duel and the lottery ticket below work on MNIST digits only; a
        time-series version is pruned here by weight magnitude, once, after training (quantized versions are not listed: prune the float parent).
      </p>
      <div className="prune-ts-controls">
        <TimeSeriesVersionPick versions={versions} value={version?.id ?? ''} onChange={(v) => (setId(v), setReport(null))} disabled={job.running} />
        <NumberField label="Sparsity (%)" field={SPARSITY} value={sparsity} onChange={setSparsity} disabled={job.running} />
        <SelectField<'global' | 'local'> label="Scope (time series)" value={scope} onChange={setScope} disabled={job.running}
          options={[{ value: 'global', label: 'Global (one threshold)' }, { value: 'local', label: 'Local (same share per layer)' }]} />
        <button type="button" className="button button-primary" disabled={job.blocked || !version || !!reason} onClick={() => void prune()}>
          Prune time-series version
        </button>
      </div>
      {report && <PruneReportView r={report} />}
    </section>
  );
}

function PruneReportView({ r }: { r: TsPruneReport }) {
  const m = r.before.name;
  return (
    <div>
      <p className="field-hint">
        {r.dataNote} Evaluated on {count(r.testWindows)} test windows. Per layer: {r.layers.map((l) => `${l.name} ${percent(l.sparsity, 0)}`).join(', ')}.
      </p>
      <div className="prune-ts-outputs">
        <Output label={`Before pruning ${m} (time series)`}>{taskScoreText(r.before)}</Output>
        <Output label={`After pruning ${m} (time series)`}>{taskScoreText(r.after)}</Output>
        <Output label="Zeros (time series)">{percent(r.sparsity, 1)}</Output>
      </div>
      <SaveToShelf
        slot={r.saveSlot}
        defaultName={defaultVersionName(r.versionName, pruneStep(r.sparsity))}
        parentId={r.versionId}
        technique="prune"
        lab="pruning"
        masks="from-zeros"
        task={r.task}
        metrics={{ taskMetric: { name: m, float: r.after.value, ...(r.after.mae !== undefined ? { extra: [{ name: 'MAE', value: r.after.mae, unit: '% SoC' }] } : {}) } }}
      />
    </div>
  );
}
