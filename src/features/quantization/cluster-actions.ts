/** The "Cluster" button: weight clustering / Deep Compression in the worker. */
import { patchQuantization, type QuantizationSettingsValues } from '../../store/quantization';
import { getEngine, proxy } from '../../worker/client';
import type { ClusterRequest } from '../../worker/quantization-types';
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
  return job('cluster', 'Clustering weights', async () => {
    const report = await getEngine().quantization.cluster(
      clusterRequestOf(v),
      proxy((stage: string, fraction: number) => patchQuantization({ progress: { fraction, text: `Clustering weights: ${stage}…` } })),
    );
    patchQuantization({ cluster: report });
  });
}
