/**
 * Shown by labs that start from the shared baseline when none is saved yet: train one right here
 * (a short run of a zoo model, saved as the baseline every lab shares), with Stop.
 *
 * Links work for a class: an instructor's lab link opened in a fresh browser lands here, so the gate
 * (1) shows the lab's own controls — the very components the lab renders, inside a disabled
 * fieldset, holding the link's values — so a student sees exactly what the exercise will run once a
 * baseline exists, and (2) reads a baseline recipe from the link (`blModel`, `blEpochs`, `blSeed`,
 * e.g. `#/pruning?blModel=mlp&blEpochs=1&prTarget=80`) and offers to run exactly that. Without a
 * recipe its defaults are the Train page's (same model, epochs, seed).
 */
import { useId, type ReactNode } from 'react';
import { MNIST_ZOO } from '../core/model/zoo/mnist';
import { baselineRecipeSettings, trainBaselineHere } from '../store/baseline-here';
import { stopJob, type LabRef } from '../store/jobs';
import { useLabSettings } from '../store/use-lab-settings';
import { NumberField, SelectField } from './controls';
import { useJob } from './jobs';
import './baseline-gate.css';

/** The zoo models a student trains as a baseline (the teacher and the small MLP are Distillation's). */
const MODELS = MNIST_ZOO.filter((m) => ['mlp', 'lenet5', 'dscnn'].includes(m.id)).map((m) => ({ value: m.id, label: m.name }));

export interface BaselineGateProps {
  /** The lab the baseline run belongs to (its job, its status line). */
  lab: LabRef;
  /** Why this lab needs a baseline, in one sentence. */
  why: string;
  /**
   * The lab's own controls (rendered without their action buttons), shown disabled under the panel.
   * Omit it when the page shows its controls anyway (Deploy, Distillation).
   */
  preview?: ReactNode;
}

export function BaselineGate({ lab, why, preview }: BaselineGateProps) {
  const job = useJob(lab);
  const [recipe, setRecipe] = useLabSettings(baselineRecipeSettings);
  const epochOptions = [...new Set([1, 3, 5, recipe.blEpochs])].sort((a, b) => a - b).map((e) => ({ value: String(e), label: String(e) }));
  const model = MODELS.find((m) => m.value === recipe.blModel);
  const previewId = useId();
  return (
    <section className="panel baseline-gate" aria-label="No baseline yet">
      <h2>No baseline yet</h2>
      <p>{why} Train one on the Train page, or here: the run is saved as the baseline every lab shares.</p>
      <div className="baseline-gate-fields">
        <SelectField label="Baseline model" value={recipe.blModel} onChange={(m) => setRecipe({ blModel: m as typeof recipe.blModel })} options={MODELS} />
        <SelectField label="Baseline epochs" value={String(recipe.blEpochs)} onChange={(e) => setRecipe({ blEpochs: Number(e) })} options={epochOptions} />
        <NumberField label="Baseline seed" field={baselineRecipeSettings.fields.blSeed} value={recipe.blSeed} onChange={(s) => setRecipe({ blSeed: s })} />
      </div>
      <p className="muted" aria-label="Baseline recipe">
        Recipe: {model?.label ?? recipe.blModel}, {recipe.blEpochs} epoch{recipe.blEpochs === 1 ? '' : 's'}, seed {recipe.blSeed} (batch 64, Adam,
        learning rate 0.001 — the Train page&rsquo;s settings). It is part of this page&rsquo;s link, so a class gets the same baseline.
      </p>
      <div className="baseline-gate-buttons">
        <button type="button" className="button button-primary" disabled={job.blocked} onClick={() => void trainBaselineHere(lab, recipe.blModel, recipe.blEpochs, recipe.blSeed)}>
          Train a baseline here
        </button>
        <button type="button" className="button" disabled={!job.running} onClick={() => void stopJob(lab)}>
          Stop
        </button>
      </div>
      {preview && (
        // A disabled fieldset disables every control inside it (HTML), whatever the lab's components say.
        <fieldset className="baseline-gate-preview" disabled aria-describedby={previewId}>
          <legend>This page is set up with</legend>
          <p id={previewId} className="muted">
            The lab&rsquo;s controls as this link (or your last visit) sets them. They unlock once a baseline exists.
          </p>
          {preview}
        </fieldset>
      )}
    </section>
  );
}
