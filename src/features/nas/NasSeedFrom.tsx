/**
 * "Start from" on NAS (optional): a shelf version as the seed architecture. Picking one sets the
 * search space around it (its closest genotype's choices and their neighbours; see core/shelf/nas-seed),
 * and the model the search finally adopts is saved as that version's child.
 */
import { VersionPick } from '../../components/shelf/VersionPick';
import { describe } from '../../core/techniques/nas/space';
import { nasSeedOf, spaceAround } from '../../core/shelf/nas-seed';
import { useShelf } from '../../store/shelf';
import type { NasSettingsValues } from '../../store/nas';
import type { ShelfEntry } from '../../worker/protocol/shelf';

/** The NAS settings that put the space around the version's architecture. */
function spacePatch(v: ShelfEntry): Partial<NasSettingsValues> {
  const s = spaceAround(nasSeedOf(v.spec).genotype);
  return {
    nasBlocks: s.blockCounts.join(','), nasKinds: s.kinds.join(','), nasKernels: s.kernels.join(','), nasWidths: s.widths.join(','),
    nasDown: s.downsamples.join(','), nasPools: s.headPools.join(','), nasHeads: s.headWidths.join(','),
  };
}

export function NasSeedFrom({ update, busy }: { update(patch: Partial<NasSettingsValues>): void; busy: boolean }) {
  const seed = useShelf((s) => s.picks['nas-seed']);
  const mapped = seed ? nasSeedOf(seed.spec) : null;
  return (
    <section className="panel nas-seed" aria-label="Seed architecture">
      <VersionPick
        purpose="nas-seed"
        label="Start from"
        noneLabel="None: search the whole space"
        hint="Optional seed architecture: the space is set around the version's architecture, and the model you adopt is saved as its child."
        disabled={busy}
        onPicked={(v) => v && update(spacePatch(v))}
      />
      {seed && mapped && (
        <p className="field-hint" role="status" aria-label="Seed architecture">
          {mapped.exact ? 'Seed' : `${seed.spec.name} is not in the NAS space; its closest architecture is the seed`}: {describe(mapped.genotype)}. The space
          below is set around it (block count ±1, neighbouring widths and head widths); edit it freely.
        </p>
      )}
    </section>
  );
}
