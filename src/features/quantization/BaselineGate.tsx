/** When no baseline is saved yet: train one right here (a short run of a zoo model), with progress. */
import { useState } from 'react';
import { SelectField } from '../../components/controls';
import { useQuantization } from '../../store/quantization';
import { stopJob, trainBaseline } from './actions';

const MODELS = [
  { value: 'lenet5', label: 'LeNet-5 CNN' },
  { value: 'mlp', label: 'MLP 784-128-64-10' },
  { value: 'dscnn', label: 'DS-CNN' },
] as const;

export function BaselineGate() {
  const [model, setModel] = useState<string>('lenet5');
  const [epochs, setEpochs] = useState<string>('3');
  const job = useQuantization((s) => s.job);
  return (
    <section className="panel" aria-label="No baseline yet">
      <h2>No baseline yet</h2>
      <p>Quantization starts from a trained float model. Train one on the Train page, or here: the run is saved as the baseline every lab shares.</p>
      <div className="quant-fields">
        <SelectField label="Baseline model" value={model} onChange={setModel} options={MODELS} />
        <SelectField label="Baseline epochs" value={epochs} onChange={setEpochs} options={['1', '3', '5'].map((e) => ({ value: e, label: e }))} />
      </div>
      <div className="quant-buttons">
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
