/**
 * Weight clustering / Deep Compression (Han et al. 2016): prune → k-means per layer → fine-tune the
 * centroids → int8 codebooks, with the codebook + index storage and the compression ratio.
 */
import { NumberField, SelectField } from '../../components/controls';
import { Output, percent } from '../../components/Output';
import { useJob } from '../../components/jobs';
import { quantizationLab } from './lab';
import { formatBytes } from '../../core/devices';
import { useLabSettings } from '../../store/use-lab-settings';
import { quantizationSettings, useQuantization } from '../../store/quantization';
import { runClustering } from './cluster-actions';

const f = quantizationSettings.fields;

export function ClusterPanel() {
  const [v, update] = useLabSettings(quantizationSettings);
  const r = useQuantization((s) => s.cluster);
  const job = useJob(quantizationLab);
  const busy = job.blocked;
  const ratio = r ? r.size.fp32Dense / r.size.packed : null;
  const gzipRatio = r ? r.size.fp32Dense / r.size.gzip : null;
  return (
    <section className="panel quant-cluster" aria-label="Weight clustering">
      <h2>Weight clustering (Deep Compression)</h2>
      <p className="muted">
        Every kernel's weights are replaced by the nearest of k shared values (k-means per layer), then the shared values are
        fine-tuned. With "Prune first" above 0 the model is pruned (global magnitude) and retrained before, as in Han et al. (2016).
      </p>
      <div className="quant-fields">
        <NumberField label="Clusters" field={f.qClusters} value={v.qClusters} onChange={(x) => update({ qClusters: x })} disabled={busy} />
        <SelectField label="Centroid initialisation" value={v.qClusterInit} onChange={(x) => update({ qClusterInit: x })} disabled={busy}
          options={[
            { value: 'linear', label: 'Linear' },
            { value: 'density', label: 'Density' },
            { value: 'random', label: 'Random' },
          ]} />
        <NumberField label="Prune first" field={f.qClusterPrune} value={v.qClusterPrune} onChange={(x) => update({ qClusterPrune: x })} disabled={busy} />
        <NumberField label="Centroid fine-tune epochs" field={f.qClusterEpochs} value={v.qClusterEpochs} onChange={(x) => update({ qClusterEpochs: x })} disabled={busy} />
        <SelectField label="Codebook" value={v.qClusterCodebook} onChange={(x) => update({ qClusterCodebook: x })} disabled={busy}
          options={[{ value: 'int8', label: 'int8 centroids' }, { value: 'fp32', label: 'fp32 centroids' }]} />
      </div>
      <div className="quant-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void runClustering(v)}>
          Cluster
        </button>
      </div>
      {r && (
        <>
          <div className="outputs">
            <Output label="Clustered accuracy">{percent(r.accuracyFinal, 2)}</Output>
            <Output label="Compression ratio" title="fp32 dense size / compressed size (packed, and gzip of a plain image)">
              {`${ratio!.toFixed(1)}x (gzip ${gzipRatio!.toFixed(1)}x)`}
            </Output>
            <Output label="Compressed size" size="small">{`${formatBytes(r.size.packed)} (gzip ${formatBytes(r.size.gzip)})`}</Output>
          </div>
          <p className="quant-notes">
            Test accuracy: float {percent(r.accuracyBefore, 2)}
            {r.accuracyPruned !== null && ` → pruned ${r.request.prune} % and retrained ${percent(r.accuracyPruned, 2)}`}
            {` → k-means (${r.request.clusters} clusters) ${percent(r.accuracyClustered, 2)} → centroids fine-tuned`}
            {r.request.int8 ? ', int8 codebooks' : ''} {percent(r.accuracyFinal, 2)}.{r.stopped ? ' (stopped early)' : ''}
          </p>
          <table className="prune-ledger">
            <caption>Storage: fp32 dense vs codebook + indices</caption>
            <thead>
              <tr><th scope="col">Part</th><th scope="col">Bytes</th></tr>
            </thead>
            <tbody>
              <tr><th scope="row">fp32 dense (all parameters)</th><td>{formatBytes(r.size.fp32Dense)}</td></tr>
              <tr><th scope="row">Codebooks ({r.request.int8 ? 'k int8 + an fp32 scale' : 'k fp32'} per layer)</th><td>{formatBytes(r.size.codebooks)}</td></tr>
              <tr><th scope="row">Indices (⌈log₂ k⌉ bits per weight{r.request.prune > 0 ? '; bitmask + indices of the non-zeros' : ''})</th><td>{formatBytes(r.size.indices)}</td></tr>
              <tr><th scope="row">Biases (fp32)</th><td>{formatBytes(r.size.packed - r.size.codebooks - r.size.indices)}</td></tr>
              <tr><th scope="row">Packed total</th><td>{formatBytes(r.size.packed)}</td></tr>
              <tr><th scope="row">gzip (codebooks + one index byte per weight + biases)</th><td>{formatBytes(r.size.gzip)}</td></tr>
            </tbody>
          </table>
          <p className="muted">
            Distinct non-zero values per kernel (at most k): {r.layers.map((l) => `${l.layer} ${l.distinct}`).join(', ')}. TFLite Micro has no
            codebook format: on the device the shared weights run as an ordinary int8 kernel, so clustering saves storage and download, not RAM or time.
          </p>
        </>
      )}
    </section>
  );
}
