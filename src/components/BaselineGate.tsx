/**
 * Shown by labs that start from the shared baseline when none is saved yet: train one right here
 * (a short run of a zoo model, saved as the baseline every lab shares), with Stop.
 */
import { useState } from 'react';
import { trainBaselineHere } from '../store/baseline-here';
import { stopJob, type LabRef } from '../store/jobs';
import { SelectField } from './controls';
import { useJob } from './jobs';

const MODELS = [
  { value: 'lenet5', label: 'LeNet-5 CNN' },
  { value: 'mlp', label: 'MLP 784-128-64-10' },
  { value: 'dscnn', label: 'DS-CNN' },
];
const EPOCHS = ['1', '3', '5'].map((e) => ({ value: e, label: e }));

export interface BaselineGateProps {
  /** The lab the baseline run belongs to (its job, its status line). */
  lab: LabRef;
  /** Why this lab needs a baseline, in one sentence. */
  why: string;
}

export function BaselineGate({ lab, why }: BaselineGateProps) {
  const job = useJob(lab);
  const [model, setModel] = useState('lenet5');
  const [epochs, setEpochs] = useState('3');
  return (
    <section className="panel baseline-gate" aria-label="No baseline yet">
      <h2>No baseline yet</h2>
      <p>{why} Train one on the Train page, or here: the run is saved as the baseline every lab shares.</p>
      <div className="baseline-gate-fields">
        <SelectField label="Baseline model" value={model} onChange={setModel} options={MODELS} />
        <SelectField label="Baseline epochs" value={epochs} onChange={setEpochs} options={EPOCHS} />
      </div>
      <div className="baseline-gate-buttons">
        <button type="button" className="button button-primary" disabled={job.blocked} onClick={() => void trainBaselineHere(lab, model, Number(epochs), 1)}>
          Train a baseline here
        </button>
        <button type="button" className="button" disabled={!job.running} onClick={() => void stopJob(lab)}>
          Stop
        </button>
      </div>
    </section>
  );
}
