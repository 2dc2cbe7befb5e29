/**
 * Shown by labs that start from the shared baseline when none is saved yet: train one right here
 * (a short run of a zoo model, saved as the baseline every lab shares), with Stop.
 */
import { useState } from 'react';
import { SelectField } from './controls';

const MODELS = [
  { value: 'lenet5', label: 'LeNet-5 CNN' },
  { value: 'mlp', label: 'MLP 784-128-64-10' },
  { value: 'dscnn', label: 'DS-CNN' },
];
const EPOCHS = ['1', '3', '5'].map((e) => ({ value: e, label: e }));

export interface BaselineGateProps {
  /** Why this lab needs a baseline, in one sentence. */
  why: string;
  /** Any job of the lab is running (the button is disabled). */
  busy: boolean;
  /** The baseline run itself is running (Stop is enabled). */
  training: boolean;
  onTrain(modelId: string, epochs: number): void;
  onStop(): void;
}

export function BaselineGate({ why, busy, training, onTrain, onStop }: BaselineGateProps) {
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
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onTrain(model, Number(epochs))}>
          Train a baseline here
        </button>
        <button type="button" className="button" disabled={!training} onClick={onStop}>
          Stop
        </button>
      </div>
    </section>
  );
}
