/**
 * The three studies beside a single prune: the sparsity sweep (accuracy vs sparsity, with and without
 * fine-tuning), the per-layer sensitivity scan (with "use as local targets"), and the criteria duel.
 */
import { useId } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { pruningLab } from './lab';
import { Output, percent } from '../../components/Output';
import { pruningSettings, usePruning } from '../../store/pruning';
import { useLabSettings } from '../../store/use-lab-settings';
import { runDuel, runSensitivity, runSweep, targetsFromScan } from './actions';
import { CRITERION_OPTIONS } from './PruneControls';

const COLORS = ['#1f5fbf', '#c0392b', '#27864a', '#8e44ad', '#d68910', '#17808a', '#555', '#b03a8a'];
const pct = (v: number) => `${Math.round(v * 100)} %`;

export function SweepPanel() {
  const [v] = useLabSettings(pruningSettings);
  const sweep = usePruning((s) => s.sweep);
  const busy = useJob(pruningLab).blocked;
  const info = usePruning((s) => s.info);
  const data = (sweep?.points ?? []).map((p) => ({
    sparsity: p.target * 100,
    pruned: p.accuracyPruned,
    tuned: Number.isFinite(p.accuracyFineTuned) ? p.accuracyFineTuned : null,
  }));
  return (
    <section className="panel" aria-label="Sparsity sweep">
      <h2>Sparsity sweep</h2>
      <p className="field-hint">
        Prunes copies of the baseline at 0, 50, 70, 80, 90, 95 and 98 % with the current granularity, scope and criterion,
        and measures test accuracy right after pruning and after {v.prFineTune} fine-tune epoch{v.prFineTune === 1 ? '' : 's'}
        {v.prFineTune === 0 ? ' (set "Fine-tune epochs" above 0 for the second curve)' : ''}.
      </p>
      <button type="button" className="button" disabled={busy || !info} onClick={() => void runSweep(v)}>
        Run sweep
      </button>
      {data.length > 0 && (
        <LineChart
          title="Test accuracy vs sparsity"
          data={data}
          xKey="sparsity"
          xLabel="sparsity %"
          xDomain={[0, 100]}
          yDomain={[0, 1]}
          yFormat={pct}
          series={[
            { key: 'pruned', name: 'without fine-tuning', color: '#c0392b', dots: true, dashed: true },
            ...(sweep?.fineTune ? [{ key: 'tuned', name: 'with fine-tuning', color: '#1f5fbf', dots: true }] : []),
          ]}
        />
      )}
    </section>
  );
}

export function SensitivityPanel() {
  const [v, update] = useLabSettings(pruningSettings);
  const scan = usePruning((s) => s.sensitivity);
  const job = useJob(pruningLab);
  const busy = job.blocked;
  const info = usePruning((s) => s.info);
  const levels = scan?.levels ?? [];
  const data = levels.map((l, i) => {
    const row: Record<string, number> = { level: l * 100 };
    for (const r of scan?.rows ?? []) if (r.accuracy[i] !== undefined) row[r.layer] = r.accuracy[i];
    return row;
  });
  const done = scan && !scan.partial;
  return (
    <section className="panel" aria-label="Sensitivity scan">
      <h2>Sensitivity scan</h2>
      <p className="field-hint">
        Each included layer alone is pruned at 10 … 90 % ({v.prGranularity}, {v.prCriterion}) and the model evaluated on the 2,000 test images;
        the rest of the model is untouched. Layers whose curve drops early are fragile.
      </p>
      <button type="button" className="button" disabled={busy || !info} onClick={() => void runSensitivity(v)}>
        Run sensitivity scan
      </button>{' '}
      {done && (
        <button
          type="button"
          className="button"
          disabled={job.running}
          onClick={() => update({ prScope: 'local', prOverrides: targetsFromScan(0.01) })}
          title="For each layer, the highest scanned level that costs at most 1 pp on its own"
        >
          Use as local targets
        </button>
      )}
      {scan && scan.rows.length > 0 && (
        <LineChart
          title={`Test accuracy when one layer is pruned (baseline ${percent(scan.baseline)})`}
          data={data}
          xKey="level"
          xLabel="sparsity of that layer %"
          xDomain={[10, 90]}
          yDomain={[0, 1]}
          yFormat={pct}
          series={scan.rows.map((r, i) => ({ key: r.layer, name: r.layer, color: COLORS[i % COLORS.length], dots: true }))}
        />
      )}
    </section>
  );
}

export function DuelPanel() {
  const [v, update] = useLabSettings(pruningSettings);
  const duel = usePruning((s) => s.duel);
  const busy = useJob(pruningLab).blocked;
  const info = usePruning((s) => s.info);
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Criteria duel</h2>
      <p className="field-hint">
        Two criteria prune the baseline to the same {v.prTarget} % ({v.prGranularity}, {v.prScope}, one shot), then each is fine-tuned for{' '}
        {v.prFineTune} epoch{v.prFineTune === 1 ? '' : 's'} ("Fine-tune epochs" above; same seed, masks held{v.prFineTune === 0 ? '; 0 = no fine-tuning' : ''}).
        Jaccard overlap of what they prune: |P₁ ∩ P₂| / |P₁ ∪ P₂|.
      </p>
      <div className="prune-duel-fields">
        <SelectField label="First criterion" value={v.prDuelA} onChange={(x) => update({ prDuelA: x })} options={CRITERION_OPTIONS} />
        <SelectField label="Second criterion" value={v.prDuelB} onChange={(x) => update({ prDuelB: x })} options={CRITERION_OPTIONS} />
        <button type="button" className="button" disabled={busy || !info} onClick={() => void runDuel(v)}>
          Run duel
        </button>
      </div>
      {duel && (
        <div className="outputs">
          <Output label={`Accuracy (${duel.a.criterion})`} size="small">{percent(duel.a.accuracy, 2)}</Output>
          <Output label={`Accuracy (${duel.b.criterion})`} size="small">{percent(duel.b.accuracy, 2)}</Output>
          {!Number.isNaN(duel.a.accuracyFineTuned) && (
            <>
              <Output label={`Fine-tuned accuracy (${duel.a.criterion})`} size="small">{percent(duel.a.accuracyFineTuned, 2)}</Output>
              <Output label={`Fine-tuned accuracy (${duel.b.criterion})`} size="small">{percent(duel.b.accuracyFineTuned, 2)}</Output>
            </>
          )}
          <Output label="Mask overlap (Jaccard)" size="small">{duel.jaccard.toFixed(3)}</Output>
        </div>
      )}
    </section>
  );
}
