/**
 * The Deep Compression pipeline (Han et al. 2016): prune (global magnitude, unstructured) and retrain
 * with the masks held → cluster every kernel to k shared values and fine-tune the centroids → put the
 * codebooks on an int8 grid. Each stage is optional; each one's accuracy is reported.
 */
import type { TfModel } from '../../model/tf-model';
import type { DataSplit, TrainSettings } from '../../train/loop';
import { accuracyOf } from '../pruning/evaluate';
import { runPruning } from '../pruning/pipeline';
import { clusterModel, fineTuneCentroids, quantizeCodebooks } from './cluster-model';
import { distinctValues, type CentroidInit, type LayerClusters } from './kmeans';
import { clusteredSize, type ClusteredSize } from './size';

export interface DeepCompressionOptions {
  model: TfModel;
  layers: string[];
  /** Fraction of kernel weights pruned first (0 = no pruning). */
  prune: number;
  clusters: number;
  init: CentroidInit;
  /** Put the codebooks on an int8 grid. */
  int8: boolean;
  /** Retraining after pruning and centroid fine-tuning use these settings (epochs each). */
  training: TrainSettings;
  train: DataSplit;
  test: DataSplit;
  signal?: AbortSignal;
  onStage?: (stage: string, fraction: number) => void;
}

export interface DeepCompressionResult {
  accuracyBefore: number;
  /** After pruning + retraining (null without pruning). */
  accuracyPruned: number | null;
  /** Right after k-means, before fine-tuning the centroids. */
  accuracyClustered: number;
  /** After centroid fine-tuning (and the int8 codebook, when asked). */
  accuracyFinal: number;
  layers: { layer: string; clusters: number; distinct: number; weights: number; zeros: number }[];
  size: ClusteredSize;
  stopped: boolean;
  clustersByLayer: Map<string, LayerClusters>;
}

export async function deepCompression(o: DeepCompressionOptions): Promise<DeepCompressionResult> {
  const { model, test } = o;
  const acc = () => accuracyOf(model, test.xs, test.labels);
  const accuracyBefore = acc();
  let accuracyPruned: number | null = null;
  let stopped = false;
  if (o.prune > 0) {
    o.onStage?.('pruning', 0.05);
    const r = await runPruning({
      model, when: 'after', train: o.train, test, training: { ...o.training, evaluateEachEpoch: false }, calibration: [], signal: o.signal,
      config: { granularity: 'unstructured', scope: 'global', criterion: 'magnitude', target: o.prune, layers: o.layers },
    });
    accuracyPruned = r.accuracyFinal;
    stopped = r.stopped;
  }
  o.onStage?.('k-means', 0.45);
  const clustersByLayer = clusterModel(model, { layers: o.layers, clusters: o.clusters, init: o.init, seed: o.training.seed });
  const accuracyClustered = acc();
  if (!stopped && !o.signal?.aborted) {
    o.onStage?.('fine-tuning centroids', 0.55);
    const ft = await fineTuneCentroids({ model, clusters: clustersByLayer, train: o.train, training: { ...o.training, evaluateEachEpoch: false }, signal: o.signal });
    stopped = ft.stopped;
  }
  if (o.int8) quantizeCodebooks(model, clustersByLayer);
  o.onStage?.('measuring', 0.95);
  const weights = model.getWeights();
  const layers = o.layers.map((layer) => {
    const k = weights.find((w) => w.layer === layer && w.role === 'kernel')!;
    let zeros = 0;
    for (const v of k.data) if (v === 0) zeros++;
    return { layer, clusters: o.clusters, distinct: distinctValues(k.data.filter((v) => v !== 0)), weights: k.data.length, zeros };
  });
  return {
    accuracyBefore,
    accuracyPruned,
    accuracyClustered,
    accuracyFinal: acc(),
    layers,
    size: await clusteredSize(weights, clustersByLayer, o.int8),
    stopped,
    clustersByLayer,
  };
}
