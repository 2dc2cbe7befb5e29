/** Narrow or widen each choice of the search space; shows the resulting number of architectures. */
import { Output, count } from '../../components/Output';
import {
  ALL_BLOCK_COUNTS,
  ALL_HEAD_WIDTHS,
  ALL_KERNELS,
  ALL_WIDTHS,
  BLOCK_KINDS,
  DOWNSAMPLES,
  HEAD_POOLS,
  spaceSize,
  validateSpace,
} from '../../core/techniques/nas/space';
import { spaceFromSettings, type NasSettingsValues } from '../../store/nas';

type SetKey = 'nasBlocks' | 'nasKinds' | 'nasKernels' | 'nasWidths' | 'nasDown' | 'nasPools' | 'nasHeads';

const NAMES: Record<string, string> = {
  conv: 'conv',
  dsconv: 'depthwise-separable',
  none: 'none',
  maxpool: 'max-pool 2x2',
  stride2: 'stride 2',
  flatten: 'flatten',
  gap: 'global avg pool',
  '0': 'none',
};

const CHOICES: { key: SetKey; legend: string; all: readonly (string | number)[] }[] = [
  { key: 'nasBlocks', legend: 'Blocks', all: ALL_BLOCK_COUNTS },
  { key: 'nasKinds', legend: 'Block kind', all: BLOCK_KINDS },
  { key: 'nasKernels', legend: 'Kernel', all: ALL_KERNELS },
  { key: 'nasWidths', legend: 'Width (channels)', all: ALL_WIDTHS },
  { key: 'nasDown', legend: 'Downsampling', all: DOWNSAMPLES },
  { key: 'nasPools', legend: 'Head pooling', all: HEAD_POOLS },
  { key: 'nasHeads', legend: 'Head width', all: ALL_HEAD_WIDTHS },
];

export function SpaceEditor({ v, update, busy }: { v: NasSettingsValues; update: (p: Partial<NasSettingsValues>) => void; busy: boolean }) {
  const space = spaceFromSettings(v);
  const errors = validateSpace(space);
  const toggle = (key: SetKey, all: readonly (string | number)[], value: string | number, on: boolean) => {
    const current = v[key].split(',').filter(Boolean);
    const next = all.filter((a) => (String(a) === String(value) ? on : current.includes(String(a))));
    // Keep at least one value: an empty choice has no architectures.
    if (next.length > 0) update({ [key]: next.join(',') } as Partial<NasSettingsValues>);
  };
  return (
    <section className="panel nas-space" aria-label="Search space">
      <div className="nas-space-head">
        <h2>Search space</h2>
        <Output label="Space size" size="small">
          {errors.length ? '–' : `${count(spaceSize(space))} architectures`}
        </Output>
      </div>
      <div className="nas-space-grid">
        {CHOICES.map(({ key, legend, all }) => {
          const current = v[key].split(',');
          return (
            <fieldset key={key} className="nas-choice" disabled={busy}>
              <legend>{legend}</legend>
              {all.map((a) => {
                const on = current.includes(String(a));
                return (
                  <label key={String(a)} className="nas-check">
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={on && current.length === 1}
                      onChange={(e) => toggle(key, all, a, e.target.checked)}
                    />
                    {NAMES[String(a)] ?? String(a)}
                  </label>
                );
              })}
            </fieldset>
          );
        })}
      </div>
      <p className="field-hint">
        Each block: conv or depthwise-separable (depthwise k×k + pointwise 1×1), ReLU, optional 2× downsampling; then
        the head and 10 logits. Size = Σ over block counts n of (choices per block)<sup>n</sup> × head choices.
      </p>
    </section>
  );
}
