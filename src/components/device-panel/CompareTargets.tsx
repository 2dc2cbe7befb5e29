/** Compare view: one variant on every target in the catalog. */
import type { Estimate } from '../../core/devices';

/** "i.MX RT1060" → "RT1060", "i.MX 8M Plus" → "i.MX 8MP": the table must fit the 360 px panel. */
const short = (name: string) => name.replace('i.MX RT', 'RT').replace('8M Plus', '8MP');

/** Numbers only in the cells (units are in the headers) so eight targets fit the 360 px panel. */
const kb = (b: number) => (b / 1024).toPrecision(3);
function ms(e: Estimate['cpu'] | undefined): string {
  if (!e) return '—';
  // * marks an engine without a held-out measurement: its band is assumed, not earned.
  return e.available ? `${e.ms.toPrecision(3)}${e.calibration === 'assumed' ? '*' : ''}` : 'n/a';
}

export function CompareTargets({ estimates, label }: { estimates: Estimate[] | string; label: string }) {
  if (typeof estimates === 'string') return <p className="dp-error" role="alert">{estimates}</p>;
  return (
    <div className="dp-table-wrap" tabIndex={0}>
      <table className="dp-table">
        <caption>{label} on every target (* uncalibrated engine)</caption>
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col">Flash KB</th>
            <th scope="col">RAM KB</th>
            <th scope="col">CPU ms</th>
            <th scope="col">NPU ms</th>
            <th scope="col">Fits</th>
          </tr>
        </thead>
        <tbody>
          {estimates.map((e) => (
            <tr key={e.targetId}>
              <th scope="row" title={e.targetName}>{short(e.targetName)}</th>
              <td>{kb(e.flash.total)}</td>
              <td>{kb(e.ram.total)}</td>
              <td>{ms(e.cpu)}</td>
              <td title={e.npu && !e.npu.available ? e.npu.reason : undefined}>{ms(e.npu)}</td>
              <td className={e.fits ? 'dp-yes' : 'dp-no'}>{e.fits ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
