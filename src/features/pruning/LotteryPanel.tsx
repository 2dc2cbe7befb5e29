/**
 * Iterative pruning and lottery tickets (Frankle & Carbin 2019): prune–reset–train rounds to the
 * target sparsity, with the survivors rewound to θ₀, kept (fine-tune) or re-initialised at random;
 * every reset run so far is a line on one chart (test accuracy by sparsity after each round).
 */
import { LineChart } from '../../components/charts/LineChart';
import { NumberField, SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { pruningLab } from './lab';
import { Output, percent } from '../../components/Output';
import { RESETS, patchPruning, pruningSettings, usePruning, type PruningSettingsValues } from '../../store/pruning';
import { useLabSettings } from '../../store/use-lab-settings';
import { getEngine, proxy } from '../../worker/client';
import type { RoundPoint } from '../../core/techniques/pruning/iterative';
import { includedLayers, job } from './actions';

const f = pruningSettings.fields;
const NAMES = { rewind: 'Rewind to θ₀ (lottery ticket)', finetune: 'Fine-tune (keep weights)', random: 'Random re-init' } as const;
const COLORS = { rewind: '#1f5fbf', finetune: '#27864a', random: '#c0392b' } as const;

function runRounds(v: PruningSettingsValues): Promise<void> {
  const reset = v.prReset;
  const target = v.prTarget / 100;
  const points: RoundPoint[] = [];
  const put = (dense: number) => patchPruning({ iterative: { ...usePruning.getState().iterative, [reset]: { target, dense, points: [...points] } } });
  return job('Iterative pruning', (j) => {
    return getEngine().pruning.iterative(
      {
        layers: includedLayers({ ...v, prGranularity: 'unstructured' }), target, rounds: v.prRounds, reset,
        training: { epochs: v.prRoundEpochs, batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: v.prSeed },
      },
      proxy(j.guard((p: RoundPoint) => {
        points.push(p);
        put(NaN);
        j.progress(p.round / v.prRounds, `Iterative pruning (${reset}): round ${p.round} of ${v.prRounds}`);
      })),
    );
  }, (r) => {
    points.splice(0, points.length, ...r.points);
    put(r.dense);
  });
}

export function LotteryPanel() {
  const [v, update] = useLabSettings(pruningSettings);
  const runs = usePruning((s) => s.iterative);
  const busy = useJob(pruningLab).blocked;
  const info = usePruning((s) => s.info);
  const bySparsity = new Map<number, Record<string, number>>();
  for (const reset of RESETS) {
    for (const p of runs[reset]?.points ?? []) {
      const x = Math.round(p.sparsity * 1000) / 10;
      bySparsity.set(x, { ...(bySparsity.get(x) ?? { sparsity: x }), [reset]: p.accuracy });
    }
  }
  const data = [...bySparsity.values()].sort((a, b) => a.sparsity - b.sparsity);
  const last = (reset: (typeof RESETS)[number]) => runs[reset]?.points.at(-1)?.accuracy ?? null;
  return (
    <section className="panel" aria-label="Iterative pruning and lottery tickets">
      <h2>Iterative pruning and lottery tickets</h2>
      <p className="field-hint">
        {v.prRounds} round{v.prRounds === 1 ? '' : 's'} to {v.prTarget} % ("Target sparsity", unstructured, global magnitude): each round
        removes the same share of the surviving weights, resets the survivors ("Reset weights") and trains {v.prRoundEpochs} epoch
        {v.prRoundEpochs === 1 ? '' : 's'} with the mask held (Frankle & Carbin 2019).
      </p>
      <div className="prune-fields">
        <NumberField label="Rounds" field={f.prRounds} value={v.prRounds} onChange={(x) => update({ prRounds: x })} disabled={busy} />
        <SelectField label="Reset weights" value={v.prReset} onChange={(x) => update({ prReset: x })} disabled={busy}
          options={[{ value: 'rewind', label: 'Rewind' }, { value: 'finetune', label: 'Fine-tune' }, { value: 'random', label: 'Random' }]} />
        <NumberField label="Epochs per round" field={f.prRoundEpochs} value={v.prRoundEpochs} onChange={(x) => update({ prRoundEpochs: x })} disabled={busy} />
      </div>
      <button type="button" className="button" disabled={busy || !info} onClick={() => void runRounds(v)}>
        Run rounds
      </button>
      {data.length > 0 && (
        <>
          <div className="outputs">
            {RESETS.filter((r) => last(r) !== null).map((r) => (
              <Output key={r} label={`Accuracy after the last round (${r})`} size="small">{percent(last(r), 2)}</Output>
            ))}
          </div>
          <LineChart title="Test accuracy after each round, by weight reset" data={data} xKey="sparsity" xLabel="sparsity %" yFormat={(x) => `${Math.round(x * 100)} %`}
            series={RESETS.filter((r) => runs[r]).map((r) => ({ key: r, name: NAMES[r], color: COLORS[r], dots: true }))} />
        </>
      )}
    </section>
  );
}
