/**
 * Iterative magnitude pruning and lottery tickets (Frankle & Carbin, ICLR 2019). Each round prunes
 * the smallest surviving weights (global, unstructured) so the sparsity after round r of R is
 * s_r = 1 − (1 − s)^{r/R} (the same fraction of the survivors every round), then resets the
 * surviving weights and trains with the mask held:
 *  rewind     to their values at initialisation θ₀ — the lottery ticket ("winning ticket")
 *  fine-tune  keep the trained values (classic prune–retrain, Han et al. 2015)
 *  random     to a fresh random initialisation (the control: same mask, different init)
 * Frankle & Carbin's finding: at high sparsity the rewound ticket trains to (near) the dense
 * accuracy and the randomly re-initialised one does not.
 */
import { buildModel } from '../../model/build';
import type { WeightSet } from '../../model/spec';
import type { TfModel } from '../../model/tf-model';
import { trainLoop, type DataSplit, type TrainSettings } from '../../train/loop';
import { computeScores } from './collect';
import { accuracyOf } from './evaluate';
import { computeMasks, overallSparsity } from './masks';
import { attachMasks } from './model-masks';
import { tensorMasks } from './structure';
import type { MaskSet } from './types';

export type WeightReset = 'rewind' | 'finetune' | 'random';

export interface RoundPoint {
  round: number;
  /** Achieved weight sparsity over the pruned layers after this round. */
  sparsity: number;
  /** Test accuracy after this round's training. */
  accuracy: number;
}

export interface IterativeOptions {
  /** The trained model; it is changed in place. */
  model: TfModel;
  /** Its weights at initialisation (θ₀), for "rewind". */
  initial: WeightSet;
  layers: string[];
  target: number;
  rounds: number;
  reset: WeightReset;
  /** Training per round (epochs, optimizer, seed). */
  training: TrainSettings;
  train: DataSplit;
  test: DataSplit;
  signal?: AbortSignal;
  onRound?: (p: RoundPoint) => void;
}

/** Sparsity after round r of R for a final target s (each round removes the same share of survivors). */
export function roundSparsity(target: number, round: number, rounds: number): number {
  return 1 - (1 - target) ** (round / rounds);
}

/** The weights `reset` asks for: θ₀, the current ones, or a fresh initialisation (seed + 1000). */
function resetWeights(o: IterativeOptions, round: number): WeightSet {
  if (o.reset === 'finetune') return o.model.getWeights();
  if (o.reset === 'rewind') return o.initial;
  const fresh = buildModel(o.model.spec, o.training.seed + 1000 + round);
  const w = fresh.getWeights();
  fresh.dispose();
  return w;
}

export async function runIterative(o: IterativeOptions): Promise<{ points: RoundPoint[]; masks: MaskSet | null; stopped: boolean; dense: number }> {
  const dense = accuracyOf(o.model, o.test.xs, o.test.labels);
  const points: RoundPoint[] = [];
  let masks: MaskSet | null = null;
  for (let r = 1; r <= o.rounds; r++) {
    if (o.signal?.aborted) return { points, masks, stopped: true, dense };
    const target = roundSparsity(o.target, r, o.rounds);
    // Already-pruned weights are exactly zero, the lowest magnitudes: the masks nest round to round.
    const scores = computeScores(o.model, 'magnitude', o.layers, []);
    masks = computeMasks(scores, { granularity: 'unstructured', scope: 'global', criterion: 'magnitude', target, layers: o.layers });
    o.model.setWeights(resetWeights(o, r));
    const attached = attachMasks(o.model, tensorMasks(o.model.spec, o.model.getWeights(), masks));
    let stopped: boolean;
    try {
      attached.apply();
      const res = await trainLoop({
        model: o.model, train: o.train, ...o.training, evaluateEachEpoch: false, signal: o.signal, afterStep: () => attached.apply(),
      });
      stopped = res.stopped;
    } finally {
      attached.dispose();
    }
    if (stopped) return { points, masks, stopped: true, dense };
    const p = { round: r, sparsity: overallSparsity(masks).weights, accuracy: accuracyOf(o.model, o.test.xs, o.test.labels) };
    points.push(p);
    o.onRound?.(p);
  }
  return { points, masks, stopped: false, dense };
}
