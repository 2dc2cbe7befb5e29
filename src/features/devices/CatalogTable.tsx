/** The target catalog as a table, each figure with its source on demand. */
import { TARGETS, bandFor, formatBytes, type Figure, type Target } from '../../core/devices';

function Src({ f, unit = '' }: { f: Figure; unit?: string }) {
  const assumed = f.source.startsWith('assumed');
  return (
    <span title={f.source} className={assumed ? 'dv-assumed' : undefined}>
      {f.value}
      {unit}
      {assumed ? '*' : ''}
    </span>
  );
}

function NpuCell({ t }: { t: Target }) {
  const n = t.npu;
  if (!n) return <>none</>;
  return (
    <>
      {n.name.split(' @')[0]}: <Src f={n.peakMacsPerCycle} /> MAC/cycle @ <Src f={n.clockMHz} unit=" MHz" />
      <br />
      <span className="dv-muted">
        <Src f={n.inputLanes} /> input lanes, conv u = <Src f={n.convUtilization} />, depthwise u = <Src f={n.depthwiseUtilization} /> of the output lanes;{' '}
        {n.dtypes.join('/')} only; {bandFor(t.id, 'npu').status === 'assumed' ? 'uncalibrated' : 'calibrated'}
      </span>
    </>
  );
}

/** Earned (from held-out residuals) or assumed, per engine: the same band the device panel shows. */
function BandCell({ t }: { t: Target }) {
  const line = (engine: 'cpu' | 'npu') => {
    const b = bandFor(t.id, engine);
    return b.status === 'assumed' ? `${engine.toUpperCase()}: uncalibrated (±${b.above}× assumed)` : `${engine.toUpperCase()}: ÷${b.below} / ×${b.above} (${b.residuals} held-out)`;
  };
  return (
    <span className="dv-muted">
      {line('cpu')}
      {t.npu && (
        <>
          <br />
          {line('npu')}
        </>
      )}
    </span>
  );
}

export function CatalogTable() {
  return (
    <div className="dv-table-wrap" tabIndex={0} role="region" aria-label="Target catalog table (scrolls sideways)">
      <table className="dv-table dv-catalog">
        <caption>Target catalog (hover a number for its source; * = assumed)</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">CPU</th>
            <th scope="col">int8 MAC/cycle</th>
            <th scope="col">NPU</th>
            <th scope="col">RAM</th>
            <th scope="col">Flash / storage</th>
            <th scope="col">Error band</th>
            <th scope="col">Board</th>
          </tr>
        </thead>
        <tbody>
          {TARGETS.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                {t.name}
                <br />
                <code className="dv-muted">{t.id}</code>
              </th>
              <td>
                {t.cpu.name.replace(/ @.*/, '')} @ <Src f={t.cpu.clockMHz} unit=" MHz" />
                <br />
                <span className="dv-muted">{t.cpu.runtime}</span>
              </td>
              <td>
                <Src f={t.cpu.int8MacsPerCycle} />
              </td>
              <td>
                <NpuCell t={t} />
              </td>
              <td title={t.ram.source}>
                {formatBytes(t.ram.value)} {t.ram.kind}
                {t.ram.source.startsWith('assumed') ? '*' : ''}
                <br />
                <span className="dv-muted" title={t.arenaRegion.source}>
                  arena: {t.arenaRegion.name}, {formatBytes(t.arenaRegion.bytes)}
                  {t.arenaRegion.source.startsWith('assumed') ? '*' : ''}
                </span>
              </td>
              <td title={t.flash.source}>
                {formatBytes(t.flash.value)} {t.flash.kind}
                {t.flash.source.startsWith('assumed') ? '*' : ''}
              </td>
              <td>
                <BandCell t={t} />
              </td>
              <td>{t.board}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
