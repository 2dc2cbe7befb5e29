/** Disclosures under the panel: per-layer costs (with CPU fallbacks marked) and the assumptions. */
import { formatCount, type Estimate } from '../../core/devices';

export function LayerTable({ est, label }: { est: Estimate; label: string }) {
  const hasNpu = est.npu?.available;
  return (
    <details className="dp-details">
      <summary>Per layer ({label})</summary>
      <div className="dp-table-wrap" tabIndex={0}>
        <table className="dp-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">MACs</th>
              <th scope="col">Weights B</th>
              <th scope="col">Out B</th>
              <th scope="col">CPU ms</th>
              {hasNpu && <th scope="col">NPU ms</th>}
            </tr>
          </thead>
          <tbody>
            {est.layers.map((l) => (
              <tr key={l.name}>
                <th scope="row" title={l.fused.length ? `fused: ${l.fused.join(', ')}` : undefined}>
                  {l.name}
                </th>
                <td>{formatCount(l.macs)}</td>
                <td>{l.weightBytes}</td>
                <td>{l.outputBytes}</td>
                <td>{l.cpuMs.toPrecision(2)}</td>
                {hasNpu && <td title={l.fallback}>{l.npuMs === undefined ? '—' : `${l.fallback ? 'CPU ' : ''}${l.npuMs.toPrecision(2)}`}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNpu && est.layers.some((l) => l.fallback) && (
        <ul className="dp-notes">
          {est.layers
            .filter((l) => l.fallback)
            .map((l) => (
              <li key={l.name}>
                {l.name} runs on the CPU: {l.fallback}
              </li>
            ))}
        </ul>
      )}
    </details>
  );
}

export function Assumptions({ est }: { est: Estimate }) {
  return (
    <details className="dp-details">
      <summary>Assumptions</summary>
      <p className="dp-sub">
        CPU: cycles = Σ MAC/(η·k) + elements·c + ops·c_op. NPU (cycles at its clock): Σ max(MAC/(P·u·min(1, Cin/lanes)), weights/B_w,
        activations/B_a) + per-op cycles + fixed cycles; depthwise uses only the P/lanes output lanes. Flash: kernels in their format +
        biases + quant params + metadata + code. RAM: peak of live activations + scratch + runtime data, judged against the largest
        contiguous region ({est.ram.region}); the NPU keeps its own arena. Bands come from held-out measurements (Devices page).
      </p>
      <div className="dp-table-wrap" tabIndex={0}>
        <table className="dp-table dp-assumptions">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {est.assumptions.map((a) => (
              <tr key={a.what}>
                <th scope="row">{a.what}</th>
                <td>{a.value}</td>
                <td>{a.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
