/** The selected candidate: its block diagram, its numbers, and "Use this model". */
import { memo, useId, useMemo, useState } from 'react';
import { NumberField } from '../../components/controls';
import { Output, count, percent } from '../../components/Output';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import { describe } from '../../core/techniques/nas/space';
import type { StrategyName } from '../../core/techniques/nas/strategies';
import { nasSettings, useNasStore, type NasSettingsValues } from '../../store/nas';
import { adoptCandidate } from './actions';
import { useJob } from '../../components/jobs';
import { nasLab } from './lab';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { fmtMs } from './view-model';
import { sizeKB, sizeText, SIZE_MEANING } from '../../core/devices/model-size';

const Diagram = memo(ArchitectureDiagram);

/** Memoised on plain props: a new record elsewhere in the run does not redraw the inspected one. */
export const CandidateDetails = memo(function CandidateDetails({ runId, strategy, seed, record, v, update }: {
  runId: number;
  strategy: StrategyName;
  /** The search seed of the candidate's run ("Use this model" re-creates its initialisation from it). */
  seed: number;
  record: CandidateRecord;
  v: NasSettingsValues;
  update: (p: Partial<NasSettingsValues>) => void;
}) {
  const adopt = useNasStore((s) => s.adopt);
  const busy = useJob(nasLab).blocked;
  const headingId = useId();
  const mine = adopt?.key === record.key ? adopt : null;
  const trained = record.status === 'trained';
  const description = useMemo(() => describe(record.genotype), [record.genotype]);
  // A rejected candidate was never trained: "Use this model" asks first (the run is from scratch, on
  // an architecture the search judged outside the budget), instead of starting minutes of training.
  const [confirmFor, setConfirmFor] = useState<string | null>(null);
  const confirming = confirmFor === record.key;
  const start = () => {
    setConfirmFor(null);
    void adoptCandidate(record, seed, v.nasFinalEpochs);
  };
  return (
    <section className="panel nas-details" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Candidate {record.key} <small>({strategy} #{runId}, {record.origin}{trained ? '' : '; rejected, not trained'})</small>
      </h2>
      <p className="nas-describe">{description}</p>
      <Diagram genotype={record.genotype} />
      <div className="outputs">
        <Output label="Accuracy" size="small">{trained ? percent(record.accuracy) : 'not trained'}</Output>
        <Output label="Latency" size="small">{fmtMs(record.cost.latencyMs)} ms ({record.cost.engine === 'npu' ? 'NPU' : 'CPU'})</Output>
        <Output label="Flash" size="small" title={SIZE_MEANING.flash}>{sizeText(record.cost.flashBytes, 'flash')}</Output>
        <Output label="RAM" size="small">{sizeKB(record.cost.ramBytes)}</Output>
        <Output label="Parameters" size="small">{count(record.params)}</Output>
        <Output label="MACs" size="small">{count(record.macs)}</Output>
        {record.zeroCost !== null && <Output label="SynFlow (log)" size="small">{record.zeroCost.toFixed(1)}</Output>}
      </div>
      {!trained && <p className="nas-rejected">Rejected before training: {record.reasons.join('; ')}.</p>}
      <div className="nas-adopt">
        <NumberField label="Final epochs" field={nasSettings.fields.nasFinalEpochs} value={v.nasFinalEpochs} onChange={(nasFinalEpochs) => update({ nasFinalEpochs })} disabled={busy} />
        <button type="button" className="button button-primary" disabled={busy} onClick={() => (trained ? start() : setConfirmFor(record.key))}>
          Use this model
        </button>
        <p className="field-hint">
          Trains this architecture {v.nasFinalEpochs} more epoch{v.nasFinalEpochs === 1 ? '' : 's'} on all 8,000 training digits
          (starting from its proxy weights when this search trained it) and saves it as the baseline the other labs start from.
        </p>
      </div>
      {confirming && (
        <div className="nas-confirm" role="alertdialog" aria-label="Train a rejected candidate?" aria-describedby={`${headingId}-why`}>
          <p id={`${headingId}-why`}>
            This candidate was rejected before training ({record.reasons.join('; ')}), so it has no accuracy yet. Using it trains it from scratch for{' '}
            {v.nasFinalEpochs} epoch{v.nasFinalEpochs === 1 ? '' : 's'} on 8,000 digits and replaces your baseline. Train it anyway?
          </p>
          <button type="button" className="button" onClick={start} disabled={busy}>
            Train it anyway
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirmFor(null)}>
            Cancel
          </button>
        </div>
      )}
      {mine && (
        <p className="nas-adopt-status" role="status" aria-label="Use this model status">
          {mine.phase === 'preparing' && 'Preparing the model…'}
          {mine.phase === 'training' && `Training: ${Math.round(mine.fraction * 100)} %${mine.reusedWeights ? ' (from its proxy weights)' : ' (from scratch)'}`}
          {mine.phase === 'saving' && 'Saving as the baseline…'}
          {mine.phase === 'done' && `Saved as the baseline: ${percent(mine.testAccuracy)} test accuracy. Pruning, quantization and distillation now start from it.`}
          {(mine.phase === 'stopped' || mine.phase === 'failed') && mine.message}
        </p>
      )}
    </section>
  );
});
