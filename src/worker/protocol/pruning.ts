/**
 * engine.pruning.*: the Pruning lab's contract with the worker.
 * Types only: the page and the worker share them; the implementation is src/worker/pruning.ts.
 */
import type { ModelSpec } from '../../core/model/spec';
import type { TrainSettings } from '../../core/train/loop';
import type { SensitivityResult, SensitivityRow } from '../../core/techniques/pruning/sensitivity';
import type { Criterion, Histogram, LayerSparsity, MaskSet, PruneConfig, PruneWhen, SizeLedger } from '../../core/techniques/pruning';
import type { LoopEpochEvent } from '../../core/train/loop';
import type { RoundPoint, WeightReset } from '../../core/techniques/pruning/iterative';
import type { TrainEvent } from './base';

export interface PrunableLayer {
  name: string;
  type: 'dense' | 'conv2d' | 'depthwiseConv2d';
  shape: number[];
  params: number;
  macs: number;
  /** Why the layer's units cannot be removed structurally (null = they can). */
  structuredBlocked: string | null;
}

export interface PruningInfo {
  spec: ModelSpec;
  layers: PrunableLayer[];
  ledger: SizeLedger;
  accuracy: number;
  histogram: Histogram;
}

export interface PruneRequest {
  config: PruneConfig;
  when: PruneWhen;
  /** epochs = fine-tune epochs (after) or training epochs (before / during). */
  training: TrainSettings;
  /** "during": the schedule runs from `begin` to `end`, fractions of all training steps. */
  schedule?: { begin: number; end: number };
  source?: string;
}

export interface PruneReport {
  when: PruneWhen;
  /** Per pruned layer; structured masks include the inputs removed upstream (what the small model drops). */
  masks: MaskSet;
  perLayer: LayerSparsity[];
  sparsity: { weights: number; units: number };
  accuracyBefore: number;
  accuracyPruned: number;
  accuracyFinal: number;
  /** The pruned model as deployed: same spec (unstructured) or the shrunk spec (structured). */
  spec: ModelSpec;
  ledger: SizeLedger;
  histogram: Histogram;
  epochs: LoopEpochEvent[];
  stopped: boolean;
}

export interface SweepPoint {
  target: number;
  accuracyPruned: number;
  /** NaN when the sweep runs without fine-tuning. */
  accuracyFineTuned: number;
}

export interface DuelSide {
  criterion: Criterion;
  /** Right after pruning (one shot). */
  accuracy: number;
  /** After the request's fine-tune epochs with the masks held; NaN without fine-tuning. */
  accuracyFineTuned: number;
  sparsity: number;
}

export interface DuelResult {
  a: DuelSide;
  b: DuelSide;
  /** |pruned_a ∩ pruned_b| / |pruned_a ∪ pruned_b|. */
  jaccard: number;
}

export interface IterativeRequest {
  layers: string[];
  /** Final weight sparsity, 0..0.99. */
  target: number;
  rounds: number;
  reset: WeightReset;
  /** Training per round. */
  training: TrainSettings;
  source?: string;
}

export interface IterativeReport {
  reset: WeightReset;
  dense: number;
  points: RoundPoint[];
  stopped: boolean;
}

export interface PruningApi {
  /** The source model's prunable layers, size ledger, test accuracy and weight histogram. */
  info(source?: string): Promise<PruningInfo>;
  prune(req: PruneRequest, onEvent?: (e: TrainEvent) => void): Promise<PruneReport>;
  sweep(req: PruneRequest & { levels: number[] }, onPoint?: (p: SweepPoint) => void): Promise<SweepPoint[]>;
  sensitivity(
    req: { config: PruneConfig; levels: number[]; source?: string },
    onRow?: (row: SensitivityRow, done: number, total: number) => void,
  ): Promise<SensitivityResult>;
  duel(req: { config: PruneConfig; criteria: [Criterion, Criterion]; source?: string; training?: TrainSettings }): Promise<DuelResult>;
  /** Iterative pruning rounds with a weight reset (lottery tickets). */
  iterative(req: IterativeRequest, onRound?: (p: RoundPoint) => void): Promise<IterativeReport>;
}
