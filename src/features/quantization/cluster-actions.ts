/** The "Cluster" button: weight clustering / Deep Compression in the worker. */
import { patchQuantization, type QuantizationSettingsValues } from '../../store/quantization';
import { getEngine, proxy } from '../../worker/client';
import type { ClusterRequest } from '../../worker/protocol/quantization';
import { job } from './actions';

export function clusterRequestOf(v: QuantizationSettingsValues): ClusterRequest {
  return {
    clusters: v.qClusters,
    init: v.qClusterInit,
    prune: v.qClusterPrune,
    fineTuneEpochs: v.qClusterEpochs,
    learningRate: 0.001,
    int8: v.qClusterCodebook === 'int8',
    seed: v.qSeed,
  };
}

export function runClustering(v: QuantizationSettingsValues): Promise<void> {
  return job(
    'Clustering weights',
    (j) => getEngine().quantization.cluster(clusterRequestOf(v), proxy(j.guard((stage: string, fraction: number) => j.progress(fraction, `Clustering weights: ${stage}…`)))),
    (report) => patchQuantization({ cluster: report }),
  );
}
