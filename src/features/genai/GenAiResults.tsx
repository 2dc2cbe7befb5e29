/**
 * The estimate's key numbers, the memory bar against the DRAM left after Linux, and both rates with
 * their formulas filled in with this model's numbers, so a student can redo each one by hand.
 */
import { OS_RESERVE_BYTES, formatGB, formatTps, type GenAiEstimate } from '../../core/genai';
import { Output } from '../../components/Output';

const gbs = (bps: number) => `${(bps / 1e9).toPrecision(3)} GB/s`;
const gmacs = (m: number) => `${(m / 1e9).toPrecision(3)} GMAC/s`;

export function GenAiResults({ e }: { e: GenAiEstimate }) {
  const total = Math.max(e.memoryBytes, e.part.dramBytes.value);
  const pct = (b: number) => `${(b / total) * 100}%`;
  return (
    <div className="genai-results">
      <div className="outputs">
        <Output label="Weights">{formatGB(e.weightsBytes)}</Output>
        <Output label="KV cache">{formatGB(e.kvBytes)}</Output>
        <Output label="Model memory">{formatGB(e.memoryBytes)}</Output>
        <div className={e.fits ? 'genai-fit genai-fit-yes' : 'genai-fit genai-fit-no'}>
          <Output label="Fits in DRAM">{e.fits ? 'yes' : 'no'}</Output>
        </div>
        <Output label="Decode tokens per second">{formatTps(e.decodeTps)}</Output>
        <Output label="Prefill tokens per second">{formatTps(e.prefillTps)}</Output>
      </div>
      <figure className="genai-bar">
        <figcaption>
          {formatGB(e.memoryBytes)} needed vs {formatGB(e.availableBytes)} available ({formatGB(e.part.dramBytes.value)} DRAM on the {e.part.name}{' '}
          EVK − {formatGB(OS_RESERVE_BYTES)} for Linux and the application)
        </figcaption>
        <div className="genai-track" aria-hidden="true">
          <span className="genai-w" style={{ width: pct(e.weightsBytes) }} />
          <span className="genai-kv" style={{ width: pct(e.kvBytes) }} />
          <span className="genai-rt" style={{ width: pct(e.runtimeBytes) }} />
          <span className="genai-limit" style={{ left: pct(e.availableBytes) }} />
        </div>
        <p className="genai-legend">
          <span className="genai-w-key">weights</span> <span className="genai-kv-key">KV cache</span> <span className="genai-rt-key">runtime</span>{' '}
          <span className="genai-limit-key">available DRAM</span>
        </p>
      </figure>
      <div className="genai-formulas">
        <p>
          <strong>Decode</strong> ({e.decodeBound} bound): every new token reads all weights and the KV cache once.{' '}
          <code>
            η·BW / (W + K) = {e.part.bandwidthEfficiency.value} × {gbs(e.part.dramBandwidth.value)} / {formatGB(e.bytesPerToken)} ={' '}
            {formatTps(e.decodeBandwidthTps)}
          </code>
          ; compute limit <code>C / MACs = {gmacs(e.cpuMacsPerSecond)} / {(e.macsPerToken / 1e9).toPrecision(3)} G = {formatTps(e.decodeComputeTps)}</code>.
        </p>
        <p>
          <strong>Prefill</strong> (compute bound, on the {e.prefillEngine.toUpperCase()}): the prompt is processed as a batch, so each weight read
          serves many tokens.{' '}
          <code>
            C / MACs per token = {gmacs(e.prefillMacsPerSecond)} / {(e.macsPerToken / 1e9).toPrecision(3)} G = {formatTps(e.prefillTps)}
          </code>
          ; a 512-token prompt takes {(512 / e.prefillTps).toPrecision(3)} s.
        </p>
        <p className="genai-note">
          Shape: {e.shape.name} ({e.shape.layers} layers, {e.shape.kvHeads} KV heads × {e.shape.headDim}). {e.part.npuNote}
        </p>
      </div>
    </div>
  );
}

export function PartsTable({ all }: { all: GenAiEstimate[] }) {
  return (
    <table className="genai-table">
      <caption>The same model on every i.MX part</caption>
      <thead>
        <tr>
          <th scope="col">Part</th>
          <th scope="col">DRAM (EVK)</th>
          <th scope="col">Peak bandwidth</th>
          <th scope="col">CPU</th>
          <th scope="col">Fits</th>
          <th scope="col">Decode</th>
          <th scope="col">Prefill</th>
        </tr>
      </thead>
      <tbody>
        {all.map((e) => (
          <tr key={e.part.id}>
            <th scope="row">{e.part.name}</th>
            <td title={e.part.dramBytes.source}>{formatGB(e.part.dramBytes.value)}</td>
            <td title={e.part.dramBandwidth.source}>{gbs(e.part.dramBandwidth.value)}</td>
            <td title={e.part.cpuMacsPerCycle.source}>
              {e.part.cpuCores.value} × {e.part.cpuClockMHz.value} MHz = {gmacs(e.cpuMacsPerSecond)}
            </td>
            <td className={e.fits ? 'genai-yes' : 'genai-no'}>{e.fits ? 'yes' : 'no'}</td>
            <td>{formatTps(e.decodeTps)}</td>
            <td>
              {formatTps(e.prefillTps)} ({e.prefillEngine.toUpperCase()})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
