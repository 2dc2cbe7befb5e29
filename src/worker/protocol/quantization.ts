/**
 * The Quantization lab's worker protocol (engine.quantization.*): requests and the plain-data reports
 * the page receives. Types only, so the page can import them without pulling tfjs into its bundle.
 */
import type { ModelSpec } from '../../core/model/spec';
import type { PtqOptions, LsbAgreement } from '../../core/techniques/quantization/pipeline';
import type { NeuronTrace } from '../../core/techniques/quantization/explain';
import type { LayerReport, TensorReport } from '../../core/techniques/quantization/report';
import type { TrainEvent } from './base';
import type { CentroidInit } from '../../core/techniques/clustering/kmeans';
import type { DeepCompressionResult } from '../../core/techniques/clustering/pipeline';
import type { Assignment, SensitivityRow } from '../../core/techniques/quantization/mixed-precision';

/** Weight clustering / Deep Compression (Han et al. 2016) of the prepared float model. */
export interface ClusterRequest {
  /** Centroids per layer, 2..256. */
  clusters: number;
  init: CentroidInit;
  /** Percent of kernel weights pruned first (global magnitude), 0 = none. */
  prune: number;
  /** Epochs of retraining after pruning and of centroid fine-tuning (each). */
  fineTuneEpochs: number;
  learningRate: number;
  /** Codebooks on an int8 grid. */
  int8: boolean;
  seed: number;
}

/** The Deep Compression pipeline's result as the page gets it (the centroids stay in the worker). */
export interface ClusterReport extends Omit<DeepCompressionResult, 'clustersByLayer'> {
  request: ClusterRequest;
}

/** What a request quantizes to: integer bits, or a 16-bit float format for comparison. */
export type WeightFormat = number | 'fp16' | 'bf16';

export interface QuantRequest extends Omit<PtqOptions, 'weightBits'> {
  weightFormat: WeightFormat;
  calibrationSamples: number;
}

export interface QatRequest extends QuantRequest {
  epochs: number;
  learningRate: number;
  batchSize: number;
}

export interface QuantInfo {
  spec: ModelSpec;
  floatAccuracy: number;
  floatBytes: number;
  /** Weighted layers and activation tensors, for the page's pickers. */
  layers: { name: string; kind: string; kernelShape: number[]; channels: number }[];
  tensors: string[];
}

export interface QuantReport {
  method: 'PTQ' | 'QAT';
  request: QuantRequest;
  floatAccuracy: number;
  quantAccuracy: number;
  /** null when the int8 path does not apply (more than 8 bits, or a float format). */
  integerAccuracy: number | null;
  integerNote: string | null;
  agreement: LsbAgreement | null;
  modelBytes: number;
  floatBytes: number;
  weightSqnrDb: number;
  layers: LayerReport[];
  tensors: TensorReport[];
  /** QAT only: per-epoch test accuracy (fake quant) and whether it was stopped. */
  epochs?: { epoch: number; testAccuracy: number }[];
  stopped?: boolean;
}

export interface SweepPoint {
  bits: number;
  ptq: number;
  /** NaN when QAT epochs is 0 (or the sweep was stopped before QAT ran). */
  qat: number;
}

export interface LedgerRow {
  dtype: 'fp32' | 'fp16' | 'int8' | 'int4';
  accuracy: number;
  bytes: number;
}

/** Mixed precision: which layers can take fewer weight bits (PTQ with the request's settings). */
export interface MixedPrecisionRequest extends Omit<QuantRequest, 'weightFormat'> {
  /** Bits every layer keeps in the reference (and the greedy path's start), e.g. 8. */
  refBits: number;
  /** The lower levels each layer is tried at, e.g. [4, 2]. */
  lowBits: number[];
}

export interface MixedPrecisionReport {
  request: MixedPrecisionRequest;
  layers: { layer: string; weights: number; bytesAtRef: number }[];
  /** Fake-quant accuracy with every layer at refBits. */
  reference: number;
  /** One layer alone at fewer bits: its accuracy and drop vs the reference. */
  rows: SensitivityRow[];
  /** Uniform and greedy assignments with their model bytes; `front` marks the Pareto-optimal ones. */
  assignments: (Assignment & { front: boolean })[];
  stopped: boolean;
}

export interface QuantizationApi {
  /** Copies the baseline (batch norm folded) and measures its float accuracy. */
  prepare(): Promise<QuantInfo>;
  quantize(req: QuantRequest, onProgress?: (stage: string, done: number, total: number) => void): Promise<QuantReport>;
  trainQat(req: QatRequest, onEvent?: (e: TrainEvent) => void): Promise<QuantReport>;
  /**
   * PTQ (and QAT when epochs > 0) at each weight bit depth. With QAT it also fine-tunes the float model
   * for the same epochs without fake quantization (`onControl`), so QAT's gain can be told apart from
   * the gain of simply training longer.
   */
  sweep(req: QatRequest & { bits: number[] }, onPoint?: (p: SweepPoint) => void, onControl?: (floatFineTuned: number) => void): Promise<SweepPoint[]>;
  ledger(req: QuantRequest): Promise<LedgerRow[]>;
  /** Prune → cluster → fine-tune centroids → int8 codebooks on a copy of the float model. */
  cluster(req: ClusterRequest, onStage?: (stage: string, fraction: number) => void): Promise<ClusterReport>;
  /** Per-layer sensitivity scan + size–accuracy Pareto front of bit assignments. */
  mixedPrecision(req: MixedPrecisionRequest, onProgress?: (done: number, total: number) => void): Promise<MixedPrecisionReport>;
  /** Float values of a layer's kernel, or calibration samples of an activation tensor. */
  values(kind: 'weights' | 'activations', name: string): Promise<Float32Array>;
  /** Step-through of one output neuron of the last PTQ or QAT conversion on one test image. */
  explain(req: { method: 'PTQ' | 'QAT'; sample: number; layer: string; output: number }): Promise<NeuronTrace & { label: number; prediction: number }>;
}

