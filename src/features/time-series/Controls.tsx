/** The lab's settings, the Generate / Train / Stop buttons and the sensor-file input. */
import { memo } from 'react';
import { NumberField, SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { TASK_DATASETS, TASK_MODELS } from '../../core/data/timeseries/lab-defaults';
import { datasetPatch, taskPatch } from './settings-patch';
import { timeSeriesSettings, type TimeSeriesSettings } from '../../store/time-series';
import { timeSeriesLab } from './lab';
import { generate, importFiles, stop, train } from './actions';

const TASK_OPTIONS = [
  { value: 'classification', label: 'Classification' },
  { value: 'anomaly', label: 'Anomaly detection' },
  { value: 'regression', label: 'Regression' },
] as const;
const DATASET_LABEL = { motor: 'Motor / fan (3-axis accelerometer)', activity: 'Activity & gestures (wrist IMU)', battery: 'Battery discharge (V, I, T)', csv: 'My CSV / recorded clips' } as const;
const MODEL_LABEL = { cnn: '1-D CNN (raw windows)', mlp: 'MLP', autoencoder: 'Dense autoencoder', distance: 'Distance to normal (baseline)' } as const;
const FEATURE_OPTIONS = [
  { value: 'raw', label: 'Raw window' },
  { value: 'dsp', label: 'DSP features' },
] as const;

/** The signal settings, next to the live signal view they change. */
export const SignalControls = memo(function SignalControls({ s, update }: { s: TimeSeriesSettings; update: (p: Partial<TimeSeriesSettings>) => void }) {
  const busy = useJob(timeSeriesLab).running;
  const f = timeSeriesSettings.fields;
  const simulated = s.tsDataset !== 'csv';
  return (
    <fieldset className="panel ts-fields ts-signal-fields" disabled={busy}>
      <legend>Sampling, windows and data</legend>
        <NumberField label="Sampling rate (Hz)" field={f.tsRate} value={s.tsRate} onChange={(tsRate) => update({ tsRate })} disabled={busy} />
        <NumberField label="Window length" field={f.tsWindow} value={s.tsWindow} onChange={(tsWindow) => update({ tsWindow })} disabled={busy} />
        <NumberField label="Stride" field={f.tsStride} value={s.tsStride} onChange={(tsStride) => update({ tsStride })} disabled={busy} />
        {simulated && (
          <>
            <NumberField label="Noise (× nominal)" field={f.tsNoise} value={s.tsNoise} step="any" onChange={(tsNoise) => update({ tsNoise })} disabled={busy} />
            <NumberField
              label={s.tsDataset === 'battery' ? 'Discharges' : 'Recordings per class'}
              field={f.tsRecordings}
              value={s.tsRecordings}
              onChange={(tsRecordings) => update({ tsRecordings })}
              disabled={busy}
            />
            {s.tsDataset !== 'battery' && (
              <>
                <NumberField label="Seconds per recording" field={f.tsSeconds} value={s.tsSeconds} step="any" onChange={(tsSeconds) => update({ tsSeconds })} disabled={busy} />
                <NumberField label="Class imbalance" field={f.tsImbalance} value={s.tsImbalance} step="any" onChange={(tsImbalance) => update({ tsImbalance })} disabled={busy} />
              </>
            )}
          </>
        )}
        <NumberField label="FFT bands" field={f.tsBands} value={s.tsBands} onChange={(tsBands) => update({ tsBands })} disabled={busy} />
        {!simulated && (
          <div className="field">
            <label className="ts-check">
              <input type="checkbox" checked={s.tsAntiAlias} onChange={(e) => update({ tsAntiAlias: e.target.checked })} disabled={busy} aria-describedby="ts-aa-hint" />
              Anti-aliasing filter
            </label>
            <small id="ts-aa-hint" className="field-hint">
              Low-pass at 0.45 × the new rate before resampling the file to a lower rate. Off: tones above the new Nyquist fold to false lines.
            </small>
          </div>
        )}
    </fieldset>
  );
});

export const Controls = memo(function Controls({ s, update }: { s: TimeSeriesSettings; update: (p: Partial<TimeSeriesSettings>) => void }) {
  const job = useJob(timeSeriesLab);
  const busy = job.running;
  const otherJob = job.blocked;
  const f = timeSeriesSettings.fields;
  const simulated = s.tsDataset !== 'csv';
  const models = TASK_MODELS[s.tsTask];
  const featuresApply = s.tsModel === 'mlp' || s.tsModel === 'autoencoder';
  return (
    <form
      className="panel ts-controls"
      aria-label="Time-series settings"
      onSubmit={(e) => {
        e.preventDefault();
        void train(s);
      }}
    >
      <div className="ts-fields">
        <SelectField label="Task" value={s.tsTask} options={TASK_OPTIONS} onChange={(t) => update(taskPatch(t))} disabled={busy} />
        <SelectField
          label="Dataset"
          wide
          value={s.tsDataset}
          options={TASK_DATASETS[s.tsTask].map((d) => ({ value: d, label: DATASET_LABEL[d] }))}
          onChange={(d) => update(datasetPatch(d))}
          disabled={busy}
        />
        <SelectField
          label="Features"
          value={s.tsFeatures}
          options={FEATURE_OPTIONS}
          onChange={(tsFeatures) => update({ tsFeatures })}
          disabled={busy}
          hint={featuresApply ? undefined : s.tsModel === 'cnn' ? 'The 1-D CNN reads raw windows.' : 'The baseline uses DSP features.'}
        />
        <SelectField
          label="Model"
          wide
          value={models.includes(s.tsModel) ? s.tsModel : models[0]}
          options={models.map((m) => ({ value: m, label: MODEL_LABEL[m] }))}
          onChange={(tsModel) => update({ tsModel })}
          disabled={busy}
        />
        <NumberField label="Epochs" field={f.tsEpochs} value={s.tsEpochs} onChange={(tsEpochs) => update({ tsEpochs })} disabled={busy} />
        <NumberField label="Seed" field={f.tsSeed} value={s.tsSeed} onChange={(tsSeed) => update({ tsSeed })} disabled={busy} />
      </div>
      <div className="ts-buttons">
        <button type="button" className="button" disabled={busy || otherJob || !simulated} onClick={() => void generate(s)}>
          Generate data
        </button>
        <button type="submit" className="button button-primary" disabled={busy || otherJob}>
          Train
        </button>
        <button type="button" className="button" disabled={!busy} onClick={() => void stop()}>
          Stop
        </button>
        {s.tsTask !== 'regression' && (
          <label className="ts-file">
            Sensor file
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              multiple
              disabled={busy}
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                e.currentTarget.value = '';
                void importFiles(s, files, (hz) => update({ tsDataset: 'csv', tsRate: Math.max(1, Math.min(16000, hz || s.tsRate)) }));
              }}
            />
          </label>
        )}
      </div>
    </form>
  );
});
