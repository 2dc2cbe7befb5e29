/**
 * MLPerf Tiny reference models estimated on every target, next to the published measurements
 * (so students see how far the estimate is from reality).
 */
import { useMemo } from 'react';
import { TARGETS, estimateAll, formatBytes, formatCount, formatMs, type Estimate } from '../../core/devices';
import { MLPERF_TINY, STM32F746_MS } from '../../core/model/zoo/mlperf';

function ratioCell(est: number, meas: number | undefined) {
  if (meas === undefined || !Number.isFinite(est)) return <td>—</td>;
  const r = est / meas;
  return <td className={r > 1.5 || r < 1 / 1.5 ? 'dv-bad' : 'dv-good'}>{r.toFixed(2)}×</td>;
}

export function ReferenceTable() {
  const rows = useMemo(() => MLPERF_TINY.map((m) => ({ m, ests: estimateAll(m.spec, { dtype: 'int8' }) })), []);
  return (
    <div className="dv-table-wrap" tabIndex={0} role="region" aria-label="MLPerf Tiny table (scrolls sideways)">
      <table className="dv-table" aria-label="MLPerf Tiny reference models">
        <caption>MLPerf Tiny reference models (int8): estimate vs published measurement</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Target</th>
            <th scope="col">RAM</th>
            <th scope="col">CPU est.</th>
            <th scope="col">CPU measured</th>
            <th scope="col">Ratio</th>
            <th scope="col">NPU est.</th>
            <th scope="col">NPU measured</th>
            <th scope="col">Ratio</th>
          </tr>
        </thead>
        {rows.map(({ m, ests }) => (
          <tbody key={m.id}>
            {ests.map((e: Estimate, i) => {
              const cpuMeas = m.measured.find((x) => x.targetId === e.targetId && x.engine === 'cpu');
              const npuMeas = m.measured.find((x) => x.targetId === e.targetId && x.engine === 'npu');
              return (
                <tr key={e.targetId} className={i === 0 ? 'dv-group-start' : undefined}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={TARGETS.length}>
                      {m.spec.name}
                      <br />
                      <span className="dv-muted">
                        {formatCount(e.macs)} MACs · {formatCount(e.params)} params
                        <br />
                        STM32F746 (M7 @216 MHz): {STM32F746_MS[m.id]} ms
                        {m.arenaBytes && (
                          <>
                            <br />
                            arena: est. {formatBytes(ests[0].ram.arena)} vs measured {formatBytes(m.arenaBytes.value)} ({(ests[0].ram.arena / m.arenaBytes.value).toFixed(2)}×)
                          </>
                        )}
                      </span>
                    </th>
                  )}
                  <td>{e.targetName}</td>
                  <td title={`flash ${formatBytes(e.flash.total)}`}>{formatBytes(e.ram.total)}</td>
                  <td>{formatMs(e.cpu.ms)}</td>
                  <td>{cpuMeas ? formatMs(cpuMeas.ms) : '—'}</td>
                  {ratioCell(e.cpu.ms, cpuMeas?.ms)}
                  <td>{e.npu ? (e.npu.available ? formatMs(e.npu.ms) : 'n/a') : '—'}</td>
                  <td>{npuMeas ? formatMs(npuMeas.ms) : '—'}</td>
                  {ratioCell(e.npu?.ms ?? NaN, npuMeas?.ms)}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <p className="dv-muted">
        Measurements: NXP eIQ model zoo (FRDM-MCXN947, TFLM + CMSIS-NN on the CPU, eIQ Neutron on the NPU); STM32F746 from MLPerf Tiny v1.0
        (another vendor's optimised engine, for scale). These eight points are what the MCX N947 constants were fitted to, so they are
        regression guards, not validation: the Validation table below holds the measurements the estimator never saw.
      </p>
    </div>
  );
}
