/**
 * "Time-series version": which time-series shelf version the Quantization / Pruning page's
 * time-series panel works on. Versions whose data cannot be rebuilt (CSV recordings, an incomplete
 * run link) are listed with the reason and cannot be run. Pure UI over the shelf listing.
 */
import { useEffect } from 'react';
import { SelectField } from '../controls';
import { versionRecipe } from '../../core/data/timeseries/recipe';
import { formatTaskMetric, runsOnMnist } from '../../core/shelf/types';
import type { ShelfEntry } from '../../worker/protocol/shelf';
import type { TaskScore } from '../../worker/protocol/ts-versions';
import { percent } from '../Output';
import { useVersions, watchShelf } from '../../store/shelf';

/** A time-series version's score on a panel: accuracy to 0.01 %, the other metrics as the shelf prints them. */
export const taskScoreText = (s: TaskScore) => (s.name === 'accuracy' ? percent(s.value, 2) : formatTaskMetric(s.name, s.value));

export interface TsPick {
  version: ShelfEntry | undefined;
  /** Why the chosen version cannot be used, if it cannot. */
  reason: string | null;
}

/** Time-series versions on the shelf, newest first. */
export function useTimeSeriesVersions(): ShelfEntry[] {
  const versions = useVersions();
  useEffect(() => void watchShelf(), []);
  return versions.filter((v) => v.task?.domain === 'time-series' && !runsOnMnist(v)).reverse();
}

export function pickOf(versions: ShelfEntry[], id: string): TsPick {
  const version = versions.find((v) => v.id === id) ?? versions[0];
  const recipe = version ? versionRecipe(version) : null;
  return { version, reason: recipe && 'error' in recipe ? recipe.error : null };
}

export function TimeSeriesVersionPick({ versions, value, onChange, disabled }: { versions: ShelfEntry[]; value: string; onChange: (id: string) => void; disabled?: boolean }) {
  const { version, reason } = pickOf(versions, value);
  return (
    <SelectField
      label="Time-series version"
      wide
      value={version?.id ?? ''}
      disabled={disabled}
      options={versions.map((v) => {
        const m = v.metrics.taskMetric;
        return { value: v.id, label: `${v.name}${m ? ` · ${m.name} ${formatTaskMetric(m.name, m.int8 !== undefined && v.quantized ? m.int8 : m.float, m.unit)}` : ''}${v.pruned ? ` · ${Math.round(v.sparsity * 100)} % zeros` : ''}${v.quantized ? ' · int8' : ''}` };
      })}
      onChange={onChange}
      hint={reason ? `Cannot be used: ${reason}.` : 'Calibrated and evaluated on its own windows, rebuilt from its run link (the simulators are seeded).'}
    />
  );
}
