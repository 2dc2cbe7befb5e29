/** When no baseline is saved yet: train one right here (a short run of a zoo model), with progress. */
import { useState } from 'react';
import { SelectField } from '../../components/controls';
import { usePruning } from '../../store/pruning';
import { stopJob, trainBaseline } from './actions';

const MODELS = [
  { value: 'lenet5', label: 'LeNet-5 CNN' },
  { value: 'mlp', label: 'MLP 784-128-64-10' },
  { value: 'dscnn', label: 'DS-CNN' },
] as const;

export function BaselineGate() {
  const [model, setModel] = useState<(typeof MODELS)[number]['value']>('lenet5');
  const [epochs, setEpochs] = useState<'1' | '3' | '5'>('3');
  const job = usePruning((s) => s.job);
  return (
    <section className="panel" aria-label="No baseline yet">
      <h2>No baseline yet</h2>
      <p>
        Pruning starts from a trained model. Train one on the Train page, or here: the run is saved as the baseline every lab
        shares.
      </p>
      <div className="prune-fields">
        <SelectField label="Baseline model" value={model} onChange={(x) => setModel(x as typeof model)} options={MODELS} />
        <SelectField label="Baseline epochs" value={epochs} onChange={(x) => setEpochs(x as typeof epochs)}
          options={[{ value: '1', label: '1' }, { value: '3', label: '3' }, { value: '5', label: '5' }]} />
      </div>
      <div className="prune-buttons">
        <button type="button" className="button button-primary" disabled={job !== null} onClick={() => void trainBaseline(model, Number(epochs), 1)}>
          Train a baseline here
        </button>
        <button type="button" className="button" disabled={job !== 'baseline'} onClick={() => void stopJob()}>
          Stop
        </button>
      </div>
    </section>
  );
}
