/**
 * The estimator against published measurements it was not fitted to (held-out points), with the
 * median and worst error, per-engine bands, and a leave-one-model-out run on the MCX N947 fit.
 */
import { useMemo, useState } from 'react';
import { ENGINE_BANDS, bandNote, engineLabel, errorFactor, formatMs, heldOutRows, mcxnLeaveOneOut, median, summarise } from '../../core/devices';
import { Output } from '../../components/Output';

const ratioClass = (r: number) => (errorFactor(r) > 1.5 ? 'dv-bad' : 'dv-good');

export function ValidationTable() {
  const rows = useMemo(() => heldOutRows(), []);
  const factors = rows.map((r) => errorFactor(r.ratio));
  const worst = rows[factors.indexOf(Math.max(...factors))];
  const inBand = rows.filter((r) => r.inBand).length;
  const engines = useMemo(() => summarise(rows.map((r) => ({ key: `${r.point.targetId}/${r.point.engine}`, ratio: r.ratio }))), [rows]);
  return (
    <>
      <div className="dv-summary">
        <Output label="Held-out points">{rows.length}</Output>
        <Output label="Median error">{median(factors).toFixed(2)}×</Output>
        <Output label="Worst error">{Math.max(...factors).toFixed(2)}×</Output>
        <Output label="Inside the band">{`${inBand} / ${rows.length}`}</Output>
      </div>
      <p className="dv-muted">
        Error = max(estimate / measured, measured / estimate). Worst: {worst.point.spec.name} on {worst.targetName} {worst.point.engine.toUpperCase()}.
      </p>
      <div className="dv-table-wrap" tabIndex={0} role="region" aria-label="Validation table (scrolls sideways)">
        <table className="dv-table" aria-label="Validation">
          <caption>Validation: published measurements the estimator was not fitted to (int8)</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Target · engine</th>
              <th scope="col">Runtime @ clock</th>
              <th scope="col">Estimate (band)</th>
              <th scope="col">Measured</th>
              <th scope="col">Ratio</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.point.id}>
                <th scope="row">{r.point.spec.name}</th>
                <td>
                  {r.targetName} · {r.point.engine.toUpperCase()}
                </td>
                <td>
                  {r.point.runtime} @ {r.point.clockMHz} MHz
                </td>
                <td>
                  {formatMs(r.estimate)} ({formatMs(r.low)} – {formatMs(r.high)})
                </td>
                <td>{formatMs(r.point.ms)}</td>
                <td className={ratioClass(r.ratio)}>{r.ratio.toFixed(2)}×</td>
                <td className="dv-source">
                  {r.point.source}
                  {r.point.caveat ? `; ${r.point.caveat}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dv-table-wrap" tabIndex={0} role="region" aria-label="Error per engine (scrolls sideways)">
        <table className="dv-table" aria-label="Error per engine">
          <caption>Per engine: held-out error and the band the device panel shows</caption>
          <thead>
            <tr>
              <th scope="col">Engine</th>
              <th scope="col">Points</th>
              <th scope="col">Median</th>
              <th scope="col">Worst</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {engines.map((e) => (
              <tr key={e.key}>
                <th scope="row">{engineLabel(e.key)}</th>
                <td>{e.n}</td>
                <td>{e.median.toFixed(2)}×</td>
                <td>{e.worst.toFixed(2)}×</td>
                <td>{ENGINE_BANDS[e.key] ? bandNote(ENGINE_BANDS[e.key]) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LeaveOneOut />
    </>
  );
}

/** Refits the MCX N947 constants on three MLPerf models and predicts the fourth (about half a second). */
function LeaveOneOut() {
  const [loo, setLoo] = useState<ReturnType<typeof mcxnLeaveOneOut> | null>(null);
  return (
    <div>
      <button type="button" onClick={() => setLoo(mcxnLeaveOneOut())} disabled={loo !== null}>
        Run leave-one-model-out
      </button>{' '}
      <span className="dv-muted">refits the MCX N947 CPU and NPU constants on three MLPerf Tiny models and predicts the fourth</span>
      {loo && (
        <table className="dv-table" aria-label="Leave-one-model-out">
          <caption>Leave-one-model-out on the MCX N947</caption>
          <thead>
            <tr>
              <th scope="col">Engine</th>
              <th scope="col">Left out</th>
              <th scope="col">Predicted</th>
              <th scope="col">Measured</th>
              <th scope="col">Ratio</th>
            </tr>
          </thead>
          <tbody>
            {loo.flatMap((l) =>
              l.rows.map((r) => (
                <tr key={`${l.engine}-${r.id}`}>
                  <th scope="row">{l.engine.toUpperCase()}</th>
                  <td>{r.id.toUpperCase()}</td>
                  <td>{formatMs(r.predicted)}</td>
                  <td>{formatMs(r.measured)}</td>
                  <td className={ratioClass(r.ratio)}>{r.ratio.toFixed(2)}×</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
