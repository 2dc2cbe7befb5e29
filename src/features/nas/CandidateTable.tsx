/** Every candidate of every run as a table; a row's button selects it (the keyboard way into the chart). */
import { percent } from '../../components/Output';
import type { NasRun } from '../../store/nas';
import { fmtKB, fmtMs } from './view-model';

export function CandidateTable({ runs, selected, onSelect }: {
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
            <th scope="col">Flash</th>
            <th scope="col">RAM</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ run, r }) => {
            const isSel = selected?.run === run.id && selected.index === r.index;
            return (
              <tr key={`${run.id}-${r.index}`} className={`${r.status === 'rejected' ? 'nas-row-rejected' : ''} ${isSel ? 'nas-row-selected' : ''}`}>
                <td>
                  {run.strategy} #{run.id}
                </td>
                <td>{r.index + 1}</td>
                <td>
                  <button type="button" className="nas-link" aria-pressed={isSel} onClick={() => onSelect({ run: run.id, index: r.index })}>
                    {r.key}
                  </button>
                </td>
                <td>{r.status === 'trained' ? percent(r.accuracy) : 'rejected'}</td>
                <td>{fmtMs(r.cost.latencyMs)} ms</td>
                <td>{fmtKB(r.cost.flashBytes)} KB</td>
                <td>{fmtKB(r.cost.ramBytes)} KB</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
