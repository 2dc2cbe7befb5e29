/**
 * engine.quantization.cluster: weight clustering / the Deep Compression pipeline on a copy of the
 * prepared float model ("quant:float" → "quant:cluster"); the float model is never changed.
 */
import { deepCompression } from '../core/techniques/clustering/pipeline';
import { createSlot, getData, getSlot, hasSlot, runJob } from './context';
import type { ClusterReport, ClusterRequest } from './protocol/quantization';

const FLOAT = 'quant:float';
const CLUSTER = 'quant:cluster';

export function clusterJob(req: ClusterRequest, onStage?: (stage: string, fraction: number) => void): Promise<ClusterReport> {
  return runJob('weight clustering', async (signal) => {
    if (!hasSlot(FLOAT)) throw new Error('call prepare() first (it copies the baseline)');
    const src = getSlot(FLOAT);
    const { model } = createSlot(CLUSTER, src.spec, src.seed, src.model.getWeights());
    const { tensors } = getData();
    const layers = [...model.variables].filter(([, v]) => v.kernel).map(([name]) => name);
    const r = await deepCompression({
      model, layers, prune: Math.min(0.99, Math.max(0, req.prune / 100)), clusters: req.clusters, init: req.init, int8: req.int8,
      training: { epochs: req.fineTuneEpochs, batchSize: 64, learningRate: req.learningRate, optimizer: 'adam', seed: req.seed },
      train: { xs: tensors.train.xs, labels: tensors.train.labels },
      test: { xs: tensors.test.xs, labels: tensors.test.labels },
      signal,
      onStage,
    });
    return {
      request: req,
      accuracyBefore: r.accuracyBefore,
      accuracyPruned: r.accuracyPruned,
      accuracyClustered: r.accuracyClustered,
      accuracyFinal: r.accuracyFinal,
      layers: r.layers,
      size: r.size,
      stopped: r.stopped,
    };
  });
}
