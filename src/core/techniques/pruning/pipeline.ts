/**
 * One pruning run, the way the page's "Prune" button means it: score → mask → (train with masks held).
 *
 *  after   the trained model is pruned in one shot, then optionally fine-tuned with masks fixed
 *  before  masks are chosen on the freshly initialised model (with gradient/Taylor this is SNIP,
 *          Lee et al. 2019) and the sparse network is trained
 *  during  sparsity follows the polynomial-decay schedule while training; masks are recomputed on the
 *          schedule and re-applied after every optimizer step
 * The caller hands in the model it wants changed (a copy of the baseline, or a fresh one for "before").
 */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';
import { trainLoop, type DataSplit, type LoopBatchEvent, type LoopEpochEvent, type TrainSettings } from '../../train/loop';
import { computeScores, type Batch } from './collect';
import { accuracyOf } from './evaluate';
import { computeMasks, overallSparsity } from './masks';
import { attachMasks, type ModelMasks } from './model-masks';
import { isPruneStep, scheduledSparsity, type PruneSchedule } from './schedule';
import { tensorMasks } from './structure';
import type { MaskSet, PruneConfig, PruneWhen } from './types';


export interface PruneRunOptions {
  model: TfModel;
  config: PruneConfig;
  when: PruneWhen;
  train: DataSplit;
  test: DataSplit;
  /** Training with masks held: fine-tuning (after), training the sparse net (before), the schedule (during). */
  training: TrainSettings;
  /** Batches for the activation / gradient / Taylor criteria (ignored for magnitude). */
  calibration: Batch[];
  /** "during": schedule span as fractions of all steps (default 0 → 0.7) and masks recomputed every Δt steps. */
  schedule?: { begin: number; end: number; frequency?: number };
  signal?: AbortSignal;
  onBatch?: (e: LoopBatchEvent) => void;
  onEpoch?: (e: LoopEpochEvent) => void;
  /** "during": each time the masks are recomputed. */
  onMasks?: (step: number, sparsity: number) => void;
}

export interface PruneRunResult {
  masks: MaskSet;
  /** Accuracy of the model handed in, before anything was removed. */
  accuracyBefore: number;
  /** Right after masking (after: one-shot, no training yet; before/during: equals accuracyFinal). */
  accuracyPruned: number;
  accuracyFinal: number;
  /** Achieved sparsity of weights and of units over the pruned layers. */
  sparsity: { weights: number; units: number };
  epochs: LoopEpochEvent[];
  stopped: boolean;
}

function maskModel(model: TfModel, config: PruneConfig, calibration: Batch[]): { masks: MaskSet; attached: ModelMasks } {
  const scores = computeScores(model, config.criterion, config.layers, calibration);
  const masks = computeMasks(scores, config);
  const attached = attachMasks(model, tensorMasks(model.spec, model.getWeights(), masks));
  attached.apply();
  return { masks, attached };
}

/** Steps trainLoop will take for these settings (for the schedule). */
export function totalSteps(t: TrainSettings, trainCount: number): number {
  const n = Math.max(1, Math.min(trainCount, Math.floor(t.trainSamples ?? trainCount)));
  return Math.ceil(n / Math.max(1, Math.min(n, t.batchSize))) * t.epochs;
}

export async function runPruning(o: PruneRunOptions): Promise<PruneRunResult> {
  const { model, config, test } = o;
  const accuracyBefore = accuracyOf(model, test.xs, test.labels);
  let current: { masks: MaskSet; attached: ModelMasks };
  let schedule: PruneSchedule | null = null;
  // "during" without any training step has no schedule to follow: it degenerates to one shot.
  if (o.when === 'during' && o.training.epochs > 0) {
    const steps = totalSteps(o.training, o.train.xs.shape[0]);
    const span = o.schedule ?? { begin: 0, end: 0.7 };
    const begin = Math.floor(span.begin * steps);
    const end = Math.max(begin, Math.min(steps - 1, Math.floor(span.end * steps)));
    schedule = { initial: 0, final: config.target, begin, end, frequency: span.frequency ?? Math.max(1, Math.round((end - begin) / 10)) };
    current = maskModel(model, { ...config, target: 0 }, o.calibration);
  } else {
    current = maskModel(model, config, o.calibration);
  }
  const accuracyPruned = o.when === 'after' ? accuracyOf(model, test.xs, test.labels) : NaN;
  let epochs: LoopEpochEvent[] = [];
  let stopped = false;
  try {
    if (o.training.epochs > 0 && !o.signal?.aborted) {
      const result = await trainLoop({
        model,
        train: o.train,
        test,
        ...o.training,
        signal: o.signal,
        onBatch: o.onBatch,
        onEpoch: o.onEpoch,
        afterStep: (step) => {
          if (schedule && isPruneStep(step, schedule)) {
            const target = scheduledSparsity(step, schedule);
            current.attached.dispose();
            current = maskModel(model, { ...config, target, overrides: scaleOverrides(config, target) }, o.calibration);
            o.onMasks?.(step, target);
          }
          current.attached.apply();
        },
      });
      epochs = result.history;
      stopped = result.stopped;
      // A run stopped before the schedule's end still gets the final target (masks of the promise).
      if (schedule && stopped) {
        current.attached.dispose();
        current = maskModel(model, config, o.calibration);
      }
    }
  } finally {
    current.attached.dispose();
  }
  const accuracyFinal = accuracyOf(model, test.xs, test.labels);
  return {
    masks: current.masks,
    accuracyBefore,
    accuracyPruned: Number.isNaN(accuracyPruned) ? accuracyFinal : accuracyPruned,
    accuracyFinal,
    sparsity: overallSparsity(current.masks),
    epochs,
    stopped,
  };
}

/** During the schedule, per-layer overrides ramp in proportion to the global target. */
function scaleOverrides(config: PruneConfig, target: number): Record<string, number> | undefined {
  if (!config.overrides || config.target <= 0) return config.overrides;
  const f = target / config.target;
  return Object.fromEntries(Object.entries(config.overrides).map(([k, v]) => [k, v * f]));
}

/** Calibration batches: the first `count` training samples, in `batches` slices (tensors the caller disposes). */
export function calibrationBatches(train: DataSplit, count = 256, batches = 4): Batch[] {
  const n = Math.min(count, train.xs.shape[0]);
  const size = Math.ceil(n / batches);
  const out: Batch[] = [];
  for (let s = 0; s < n; s += size) {
    const len = Math.min(size, n - s);
    out.push({ xs: train.xs.slice(s, len), labels: train.labels.slice(s, len) as tf.Tensor1D });
  }
  return out;
}
