/** The search settings (strategy, budgets, proxy) and the Search / Stop buttons. */
import { useId } from 'react';
import { NumberField, SelectField } from '../../components/controls';
import { TARGETS } from '../../core/devices/catalog';
import { GRID_LIMIT } from '../../core/techniques/nas/strategies';
import { spaceSize, validateSpace } from '../../core/techniques/nas/space';
import { useDeviceTarget } from '../../store/device';
import { nasSettings, spaceFromSettings, type NasSettingsValues } from '../../store/nas';
import { startSearch, stopSearch } from './actions';
import { useJob } from '../../components/jobs';
import { nasLab } from './lab';

const STRATEGIES = [
  { value: 'evolution', label: 'Regularized evolution' },
  { value: 'random', label: 'Random search' },
  { value: 'grid', label: 'Grid (tiny spaces)' },
] as const;
const TARGET_OPTIONS = TARGETS.map((t) => ({ value: t.id, label: t.name }));

export function SearchControls({ v, update, busy }: { v: NasSettingsValues; update: (p: Partial<NasSettingsValues>) => void; busy: boolean }) {
  const f = nasSettings.fields;
  const zeroId = useId();
  const [targetId, setTarget] = useDeviceTarget();
  const target = TARGETS.find((t) => t.id === targetId);
  const space = spaceFromSettings(v);
  const spaceErrors = validateSpace(space);
  const gridTooBig = v.nasStrategy === 'grid' && spaceErrors.length === 0 && spaceSize(space) > GRID_LIMIT;
  const otherJob = useJob(nasLab).other !== null;
  const blocked = spaceErrors.length > 0 || gridTooBig || otherJob;
  const engineOptions = [
    { value: 'cpu', label: 'CPU' },
    { value: 'npu', label: target?.npu ? 'NPU' : 'NPU (none here: CPU used)' },
  ] as const;
  return (
    <form
      className="panel nas-controls"
      aria-label="Search settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) void startSearch(v, targetId);
      }}
    >
      <fieldset className="nas-group nas-group-strategy" disabled={busy}>
        <legend>Strategy and budget</legend>
        <SelectField label="Strategy" value={v.nasStrategy} options={STRATEGIES} onChange={(nasStrategy) => update({ nasStrategy })} />
        <NumberField label="Candidates" field={f.nasCandidates} value={v.nasCandidates} onChange={(nasCandidates) => update({ nasCandidates })} />
        <NumberField label="Time budget (s)" field={f.nasTime} value={v.nasTime} onChange={(nasTime) => update({ nasTime })} />
        <NumberField label="Seed" field={f.nasSeed} value={v.nasSeed} onChange={(nasSeed) => update({ nasSeed })} />
        <NumberField label="Population" field={f.nasPopulation} value={v.nasPopulation} onChange={(nasPopulation) => update({ nasPopulation })} disabled={v.nasStrategy !== 'evolution'} />
        <NumberField label="Tournament size" field={f.nasTournament} value={v.nasTournament} onChange={(nasTournament) => update({ nasTournament })} disabled={v.nasStrategy !== 'evolution'} />
      </fieldset>
      <fieldset className="nas-group" disabled={busy}>
        <legend>Proxy</legend>
        <NumberField label="Proxy epochs" field={f.nasEpochs} value={v.nasEpochs} onChange={(nasEpochs) => update({ nasEpochs })} />
        <NumberField label="Training subset" field={f.nasSubset} value={v.nasSubset} step={100} onChange={(nasSubset) => update({ nasSubset })} />
        <div className="field field-check">
          <input id={zeroId} type="checkbox" checked={v.nasZeroCost} onChange={(e) => update({ nasZeroCost: e.target.checked })} />
          <label htmlFor={zeroId}>Zero-cost proxy (SynFlow)</label>
        </div>
      </fieldset>
      <fieldset className="nas-group nas-group-device" disabled={busy}>
        <legend>Device constraints</legend>
        {/* The device panel's target: one setting, so the panel's numbers are for the target being budgeted. */}
        <SelectField label="Target" value={targetId} options={TARGET_OPTIONS} onChange={setTarget} />
        <SelectField label="Engine" value={v.nasEngine} options={engineOptions} onChange={(nasEngine) => update({ nasEngine })} />
        <NumberField label="RAM budget (KB)" field={f.nasRam} value={v.nasRam} step="any" onChange={(nasRam) => update({ nasRam })} />
        <NumberField label="Flash budget (KB)" field={f.nasFlash} value={v.nasFlash} step="any" onChange={(nasFlash) => update({ nasFlash })} />
        <NumberField label="Latency budget (ms)" field={f.nasLatency} value={v.nasLatency} step="any" onChange={(nasLatency) => update({ nasLatency })} />
      </fieldset>
      <div className="nas-buttons">
        <button type="submit" className="button button-primary" disabled={busy || blocked}>
          Search
        </button>
        <button type="button" className="button" disabled={!busy} onClick={() => void stopSearch()}>
          Stop
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || spaceErrors.length > 0 || otherJob}
          onClick={() => void startSearch(v, targetId, ['random', 'evolution'])}
          title="Runs random search, then regularized evolution, on the same budget and seed"
        >
          Compare random and evolution
        </button>
        {gridTooBig && (
          <p className="field-error" role="alert">
            Grid search needs a space of at most {GRID_LIMIT.toLocaleString('en-US')} architectures; narrow the space below.
          </p>
        )}
        <p className="field-hint">A limit of 0 is not checked. Budgets apply to the int8 model on the chosen target.</p>
      </div>
    </form>
  );
}
