/** The pruning settings: the four axes, target, training, the layers to include and local overrides. */
import { useId } from 'react';
import { NumberField, SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { useLabSettings } from '../../store/use-lab-settings';
import { LEARNING_RATES, pruningSettings, usePruning } from '../../store/pruning';
import { prune, stop } from './actions';
import { pruningLab } from './lab';

const f = pruningSettings.fields;

export const CRITERION_OPTIONS = [
  { value: 'magnitude', label: 'Magnitude |w|' },
  { value: 'activation', label: 'Activation: |w|·‖x‖₂ (Wanda), unit mean |a|' },
  { value: 'gradient', label: 'Gradient Σ|∂L/∂w|' },
  { value: 'taylor', label: 'Per-weight |w·∂L/∂w| (unit: mean)' },
  { value: 'taylor-group', label: 'Taylor, group (Molchanov 2019)' },
  { value: 'taylor-activation', label: 'Taylor, activation (Molchanov 2017)' },
  { value: 'apoz', label: 'APoZ' },
  { value: 'obd', label: 'Optimal Brain Damage' },
] as const;

/** `preview`: shown disabled under "No baseline yet" (BaselineGate), without the action buttons. */
export function PruneControls({ preview = false }: { preview?: boolean }) {
  const [v, update] = useLabSettings(pruningSettings);
  const info = usePruning((s) => s.info);
  const job = useJob(pruningLab);
  const layersId = useId();
  const busy = job.blocked;
  const local = v.prScope === 'local';
  return (
    <section className="panel prune-controls" aria-label="Pruning settings">
      <div className="prune-fields">
        <SelectField label="Granularity" value={v.prGranularity} onChange={(x) => update({ prGranularity: x })}
          options={[
            { value: 'unstructured', label: 'Unstructured (weights)' },
            { value: 'structured', label: 'Structured (neurons/filters)' },
            { value: 'nm', label: 'N:M (2:4)' },
          ]} />
        <SelectField label="Scope" value={v.prScope} onChange={(x) => update({ prScope: x })}
          options={[{ value: 'global', label: 'Global (one ranking)' }, { value: 'local', label: 'Local (same % per layer)' }]} />
        {v.prGranularity === 'structured' && v.prScope === 'global' && (
          <SelectField label="Normalisation" value={v.prNormalise} onChange={(x) => update({ prNormalise: x })}
            options={[
              { value: 'none', label: 'None (raw scores)' },
              { value: 'l2', label: 'Per-layer L2' },
              { value: 'macs', label: 'Per-layer L2, per MAC saved' },
              { value: 'latency', label: 'Per-layer L2, per latency saved (device target)' },
            ]} />
        )}
        <SelectField label="Criterion" value={v.prCriterion} onChange={(x) => update({ prCriterion: x })} options={CRITERION_OPTIONS} />
        <SelectField label="When to prune" value={v.prWhen} onChange={(x) => update({ prWhen: x })}
          options={[
            { value: 'after', label: 'After training (one shot)' },
            { value: 'before', label: 'Before training (at init)' },
            { value: 'during', label: 'During training (gradual)' },
          ]} />
        <NumberField label="Target sparsity" field={f.prTarget} value={v.prTarget} onChange={(x) => update({ prTarget: x })} />
        <NumberField label="Fine-tune epochs" field={f.prFineTune} value={v.prFineTune} onChange={(x) => update({ prFineTune: x })} />
        <SelectField label="Fine-tune learning rate" value={v.prLearningRate} onChange={(x) => update({ prLearningRate: x })}
          options={LEARNING_RATES.map((o) => ({ value: o, label: o }))} />
        <NumberField label="Seed" field={f.prSeed} value={v.prSeed} onChange={(x) => update({ prSeed: x })} />
        {v.prWhen === 'during' && (
          <>
            <NumberField label="Schedule start" field={f.prStart} value={v.prStart} onChange={(x) => update({ prStart: x })} />
            <NumberField label="Schedule span" field={f.prSpan} value={v.prSpan} onChange={(x) => update({ prSpan: x })} />
          </>
        )}
      </div>
      <p className="field-hint prune-when-hint">
        {v.prGranularity === 'nm'
          ? 'N:M (2:4) keeps the 2 most important of every 4 consecutive weights along each unit\'s inputs: sparsity is 50 %, "Target sparsity" and "Scope" do not apply. '
          : `Target sparsity is in % of ${v.prGranularity === 'structured' ? 'units (neurons / filters)' : 'weights'} of the included layers. `}
        {(v.prCriterion === 'apoz' || v.prCriterion === 'taylor-activation') && v.prGranularity !== 'structured' &&
          'This criterion scores units: each weight carries its unit\'s score, so whole units\' weights go first. '}
        {v.prWhen === 'after' && 'Fine-tune epochs train the pruned model with its masks held fixed.'}
        {v.prWhen === 'before' && 'The masks are chosen on a fresh initialisation; "Fine-tune epochs" is how long the sparse network then trains.'}
        {v.prWhen === 'during' && `Starting from the baseline, sparsity stays 0 for the first ${v.prStart} % ("Schedule start") of the training steps of "Fine-tune epochs", then rises to the target over the next ${v.prSpan} % ("Schedule span", capped at the last step; cubic schedule); masks are recomputed 10 times and re-applied after every step.`}
      </p>
      {info && (
        <fieldset className="prune-layers">
          <legend id={layersId}>Layers to prune{local ? ' (with per-layer targets, %)' : ''}</legend>
          {info.layers.map((l) => {
            const blocked = v.prGranularity === 'structured' ? l.structuredBlocked : null;
            const included = !v.prExcluded.includes(l.name) && !blocked;
            return (
              <div key={l.name} className="prune-layer">
                <label title={blocked ?? undefined}>
                  <input
                    type="checkbox"
                    checked={included}
                    disabled={!!blocked || busy}
                    onChange={(e) =>
                      update({ prExcluded: e.target.checked ? v.prExcluded.filter((n) => n !== l.name) : [...v.prExcluded, l.name] })
                    }
                  />{' '}
                  {l.name} <span className="muted">[{l.shape.join('×')}]{blocked ? ` — ${blocked}` : ''}</span>
                </label>
                {local && included && (
                  <OverrideInput layer={l.name} value={v.prOverrides[l.name]} fallback={v.prTarget}
                    onChange={(p) => {
                      const next = { ...v.prOverrides };
                      if (p === undefined) delete next[l.name];
                      else next[l.name] = p;
                      update({ prOverrides: next });
                    }} />
                )}
              </div>
            );
          })}
          {local && Object.keys(v.prOverrides).length > 0 && (
            <button type="button" className="button" onClick={() => update({ prOverrides: {} })} disabled={busy}>
              Clear per-layer targets
            </button>
          )}
        </fieldset>
      )}
      {!preview && <div className="prune-buttons">
        <button type="button" className="button button-primary" disabled={busy || !info} onClick={() => void prune(v)}>
          Prune
        </button>
        <button type="button" className="button" disabled={!job.running} onClick={() => void stop()}>
          Stop
        </button>
      </div>}
    </section>
  );
}

function OverrideInput({ layer, value, fallback, onChange }: { layer: string; value: number | undefined; fallback: number; onChange(p: number | undefined): void }) {
  const id = useId();
  return (
    <span className="prune-override">
      <label htmlFor={id}>Target for {layer}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={99}
        placeholder={String(fallback)}
        value={value ?? ''}
        onChange={(e) => {
          const t = e.target.value.trim();
          const n = Number(t);
          if (t === '') onChange(undefined);
          else if (Number.isInteger(n) && n >= 0 && n <= 99) onChange(n);
        }}
      />
    </span>
  );
}
