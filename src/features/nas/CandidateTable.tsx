/** Every candidate of every run as a table; a row's button selects it (the keyboard way into the chart). */
import { memo } from 'react';
import { percent } from '../../components/Output';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import type { StrategyName } from '../../core/techniques/nas/strategies';
import type { NasRun } from '../../store/nas';
import { fmtMs } from './view-model';
import { sizeHeading, sizeKB, SIZE_MEANING } from '../../core/devices/model-size';

/** One row; memoised so a new candidate renders one new row, not the whole table again. */
const Row = memo(function Row({ runId, strategy, record: r, selected, onSelect }: {
  runId: number;
  strategy: StrategyName;
  record: CandidateRecord;
  selected: boolean;
  onSelect(sel: { run: number; index: number }): void;
}) {
  return (
    <tr className={`${r.status === 'rejected' ? 'nas-row-rejected' : ''} ${selected ? 'nas-row-selected' : ''}`}>
      <td>
        {strategy} #{runId}
      </td>
      <td>{r.index + 1}</td>
      <td>
        <button type="button" className="nas-link" aria-pressed={selected} onClick={() => onSelect({ run: runId, index: r.index })}>
          {r.key}
        </button>
      </td>
      <td>{r.status === 'trained' ? percent(r.accuracy) : 'rejected'}</td>
      <td>{fmtMs(r.cost.latencyMs)} ms</td>
      <td>{sizeKB(r.cost.flashBytes)}</td>
      <td>{sizeKB(r.cost.ramBytes)}</td>
    </tr>
  );
});

export const CandidateTable = memo(function CandidateTable({ runs, selected, onSelect }: {
  runs: NasRun[];
  selected: { run: number; index: number } | null;
  onSelect(sel: { run: number; index: number }): void;
}) {
  const rows = runs.flatMap((run) => run.records.map((r) => ({ run, r })));
  if (rows.length === 0) return null;
  return (
    <div className="nas-table-wrap">
      <table className="nas-table">
        <caption>Candidates ({rows.length})</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">#</th>
            <th scope="col">Architecture</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Latency</th>
            <th scope="col" title={SIZE_MEANING.flash}>{sizeHeading('flash')}</th>
            <th scope="col">RAM</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ run, r }) => (
            <Row
              key={`${run.id}-${r.index}`}
              runId={run.id}
              strategy={run.strategy}
              record={r}
              selected={selected?.run === run.id && selected.index === r.index}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
});
