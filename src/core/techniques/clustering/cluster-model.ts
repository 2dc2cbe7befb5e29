/**
 * Clustering a live TfModel: k-means per kernel, then fine-tuning with the weights kept shared.
 *
 * Fine-tuning the centroids (Han et al. 2016 §3.1): the optimizer steps every weight, then each
 * cluster's members are set to their mean — the centroid moves by the mean of its members' updates
 * (Han et al. sum the members' gradients; with a plain SGD step the two differ by the cluster size in
 * the learning rate). After every step each kernel holds at most k distinct values again, and pruned
 * weights (the zero code) are exactly 0.
 */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';
import { trainLoop, type DataSplit, type LoopEpochEvent, type TrainSettings } from '../../train/loop';
import { clusterLayer, recentre, reconstruct, type CentroidInit, type LayerClusters } from './kmeans';

export interface ClusterOptions {
  layers: string[];
  clusters: number;
  init: CentroidInit;
  seed: number;
}

function kernelOf(model: TfModel, layer: string): tf.Variable {
  const v = model.variables.get(layer)?.kernel;
  if (!v) throw new Error(`layer "${layer}" has no kernel to cluster`);
  return v;
}

function assign(v: tf.Variable, data: Float32Array): void {
  tf.tidy(() => v.assign(tf.tensor(data, v.shape, 'float32')));
}

/** Clusters each listed kernel in place (weights replaced by their centroids). */
export function clusterModel(model: TfModel, o: ClusterOptions): Map<string, LayerClusters> {
  const out = new Map<string, LayerClusters>();
  for (const layer of o.layers) {
    const v = kernelOf(model, layer);
    const cl = clusterLayer(v.dataSync() as Float32Array, o.clusters, o.init, { seed: o.seed, keepZeros: true });
    assign(v, reconstruct(cl));
    out.set(layer, cl);
  }
  return out;
}

/** Re-shares every clustered kernel (call after each optimizer step). */
export function reshare(model: TfModel, clusters: Map<string, LayerClusters>): void {
  for (const [layer, cl] of clusters) {
    const v = kernelOf(model, layer);
    assign(v, recentre(cl, v.dataSync() as Float32Array));
  }
}

/** Puts every codebook on a symmetric int8 grid (scale = max|c| / 127) and the kernels with it. */
export function quantizeCodebooks(model: TfModel, clusters: Map<string, LayerClusters>): void {
  for (const [layer, cl] of clusters) {
    let max = 0;
    for (const c of cl.centroids) max = Math.max(max, Math.abs(c));
    const scale = max / 127 || 1;
    cl.centroids = cl.centroids.map((c) => Math.round(c / scale) * scale);
    assign(kernelOf(model, layer), reconstruct(cl));
  }
}

export async function fineTuneCentroids(o: {
  model: TfModel;
  clusters: Map<string, LayerClusters>;
  train: DataSplit;
  test?: DataSplit;
  training: TrainSettings;
  signal?: AbortSignal;
  onEpoch?: (e: LoopEpochEvent) => void;
}): Promise<{ stopped: boolean; epochs: LoopEpochEvent[] }> {
  if (o.training.epochs <= 0) return { stopped: false, epochs: [] };
  const r = await trainLoop({
    model: o.model,
    train: o.train,
    test: o.test,
    ...o.training,
    signal: o.signal,
    onEpoch: o.onEpoch,
    afterStep: () => reshare(o.model, o.clusters),
  });
  return { stopped: r.stopped, epochs: r.history };
}
