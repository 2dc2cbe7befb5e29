/** The run's settings and the Train / Stop buttons. */
import { NumberField, SelectField } from '../../components/controls';
import { useLabSettings } from '../../store/use-lab-settings';
import { engineSettings, BACKENDS } from '../../store/engine-settings';
import { ThreadsField } from './ThreadsField';
import { backendOptionLabel, useWebGpuProbe } from '../../store/backend-probe';
import { JobStatus, useJob } from '../../components/jobs';
import { trainLab } from './lab';
import { MNIST_ZOO, zooSpec } from '../../core/model/zoo/mnist';
import { useDeviceVariants } from '../../components/device-panel';
import { analyzeSpec } from '../../core/model/analyze';
import { count } from '../../components/Output';
import { trainSettings } from '../../store/train-settings';
import { startTraining, stopTraining } from './run';

/** "109,386 parameters · 109,184 MACs": the size of the chosen model, under its select. */
function sizeOf(id: string): string {
  const info = analyzeSpec(zooSpec(id));
  return `${count(info.params)} parameters · ${count(info.macs)} MACs`;
}

const MODEL_OPTIONS = MNIST_ZOO.map((s) => ({
  value: s.id,
  label: s.name,
}));
const OPTIMIZERS = [
  { value: 'adam', label: 'Adam' },
  { value: 'sgd', label: 'SGD' },
  { value: 'rmsprop', label: 'RMSProp' },
] as const;
/** "webgpu" carries the probe's verdict, e.g. "webgpu (no GPU adapter: falls back to wasm)". */
function useBackendOptions() {
  const probe = useWebGpuProbe((p) => p.probe);
  return BACKENDS.map((b) => ({ value: b, label: backendOptionLabel(b, probe) }));
}

export function TrainControls() {
  const [s, update] = useLabSettings(trainSettings);
  const [engine, updateEngine] = useLabSettings(engineSettings);
  const job = useJob(trainLab);
  const backendOptions = useBackendOptions();
  const busy = job.running;
  // Another lab's job (a sweep, a search) still running in the worker: one job at a time.
  const otherJob = job.other !== null;
  const f = trainSettings.fields;
  // The device panel shows the chosen model as trained (fp32) and as an int8 deployment.
  const spec = zooSpec(s.model);
  useDeviceVariants([{ label: 'fp32', spec, deployment: { dtype: 'fp32' } }, { label: 'int8', spec, deployment: { dtype: 'int8' } }]);
  return (
    <form
      className="panel train-controls"
      aria-label="Training settings"
      onSubmit={(e) => {
        e.preventDefault();
        void startTraining(s);
      }}
    >
      <div className="train-fields">
        <SelectField
          label="Model"
          value={s.model}
          options={MODEL_OPTIONS}
          onChange={(model) => update({ model })}
          disabled={busy}
          hint={sizeOf(s.model)}
        />
        <NumberField label="Epochs" field={f.epochs} value={s.epochs} onChange={(epochs) => update({ epochs })} disabled={busy} />
        <NumberField label="Batch size" field={f.batchSize} value={s.batchSize} onChange={(batchSize) => update({ batchSize })} disabled={busy} />
        <NumberField
          label="Learning rate"
          field={f.learningRate}
          value={s.learningRate}
          step="any"
          onChange={(learningRate) => update({ learningRate })}
          disabled={busy}
        />
        <SelectField label="Optimizer" value={s.optimizer} options={OPTIMIZERS} onChange={(optimizer) => update({ optimizer })} disabled={busy} />
        <NumberField label="Seed" field={f.seed} value={s.seed} onChange={(seed) => update({ seed })} disabled={busy} />
        <SelectField
          label="Backend"
          value={engine.backend}
          options={backendOptions}
          onChange={(backend) => updateEngine({ backend })}
          disabled={busy || otherJob}
        />
        <ThreadsField disabled={busy || otherJob} />
      </div>
      <div className="train-buttons">
        <button type="submit" className="button button-primary" disabled={busy || otherJob}>
          Train
        </button>
        <button type="button" className="button" disabled={!busy} onClick={() => void stopTraining()}>
          Stop
        </button>
      </div>
      <JobStatus lab={trainLab} />
    </form>
  );
}
