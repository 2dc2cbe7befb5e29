/**
 * One distillation experiment: the teacher's logits on the transfer set are computed once, then two
 * students with the same spec, seed, transfer set, sample order and optimizer settings are trained —
 * the distilled one with the distillation loss, the scratch one with hard labels only — and both are
 * evaluated on the test split. The only difference between them is the loss, so the gap between their
 * accuracies is what the teacher's soft targets are worth.
 *
 * Both students train one after the other (not interleaved): each trainLoop keeps its own Adam state
 * and per-epoch shuffles, so splitting a run into epoch-sized calls would change the experiment.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../model/build';
import type { ModelSpec, WeightSet } from '../../model/spec';
import type { TfModel } from '../../model/tf-model';
import { evaluate } from '../../train/evaluate';
import { trainLoop, type DataSplit, type LoopBatchEvent, type LoopEpochEvent, type LoopResult, type OptimizerName } from '../../train/loop';
import { attachMasks, type ModelMasks } from '../pruning/model-masks';
import type { TensorMask } from '../pruning/structure';
import { withShiftedCopies } from './augment';
import { distillationLoss } from './loss';
import { digitAccuracy, type DigitScore } from './transfer-set';

export type StudentKind = 'distilled' | 'scratch';

export interface DistillSettings {
  temperature: number;
  alpha: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  seed: number;
}

/** The teacher's logits for every row of xs, in batches (inference mode: dropout off, BN moving stats). */
export function computeLogits(model: TfModel, xs: tf.Tensor, batchSize = 250): tf.Tensor2D {
  const n = xs.shape[0];
  const parts: tf.Tensor[] = [];
  try {
    for (let s = 0; s < n; s += batchSize) {
      const size = Math.min(batchSize, n - s);
      parts.push(tf.tidy(() => model.apply(xs.slice(s, size))));
    }
    return tf.concat(parts, 0) as tf.Tensor2D;
  } finally {
    tf.dispose(parts);
  }
}

export interface StudentOutcome {
  kind: StudentKind;
  model: TfModel;
  loop: LoopResult;
  testAccuracy: number;
  /** confusion[true][predicted] over the test split. */
  confusion: number[][];
  /** Accuracy on the left-out digit (null when no digit was left out). */
  leftOut: DigitScore | null;
}

export interface DistillRunOptions {
  teacher: TfModel;
  studentSpec: ModelSpec;
  /** Both students start from these weights (a shelf version's) instead of a fresh init with the seed. */
  studentWeights?: WeightSet;
  /**
   * Pruning masks of the start version (with studentWeights): multiplied into both students after every
   * optimizer step, so the pruned weights stay exactly zero while the kept ones train.
   */
  studentMasks?: TensorMask[];
  /** The whole training split; the transfer set is gathered from it. */
  train: DataSplit;
  test: DataSplit;
  /** Indices of the transfer set into `train` (see selectTransferSet). */
  transfer: Int32Array;
  leaveOut: number | null;
  settings: DistillSettings;
  /**
   * Randomly shifted copies (±2 px) of each transfer image added for both students (default 0). The
   * teacher labels each copy itself; see augment.ts.
   */
  shiftedCopies?: number;
  /** Which students to train, in order (default both: distilled, then scratch). */
  kinds?: StudentKind[];
  signal?: AbortSignal;
  onBatch?: (kind: StudentKind, e: LoopBatchEvent) => void;
  onEpoch?: (kind: StudentKind, e: LoopEpochEvent) => void;
  /** Called when a student finishes (the page can show its accuracy before the other one ends). */
  onStudent?: (outcome: StudentOutcome) => void;
  /** Passed to trainLoop: minimum ms between batch events (default 100). */
  reportIntervalMs?: number;
  /** Runs on each fresh student before its training (FitNets' hint stage, fitnets.ts). */
  prepareStudent?: (model: TfModel, transfer: DataSplit) => Promise<void>;
}

export interface DistillRunResult {
  students: StudentOutcome[];
  stopped: boolean;
}

/** The transfer set as tensors: the chosen rows of `train`, plus shifted copies when asked. */
function gatherTransfer(train: DataSplit, indices: Int32Array, copies: number, seed: number): DataSplit {
  const idx = tf.tensor1d(indices, 'int32');
  const xs = tf.gather(train.xs, idx);
  const labels = tf.gather(train.labels, idx) as tf.Tensor1D;
  idx.dispose();
  if (copies <= 0) return { xs, labels };
  const side = xs.shape[1]!;
  const shifted = withShiftedCopies(xs.dataSync() as Float32Array, side, copies, 2, seed);
  const src = tf.tensor1d(shifted.source, 'int32');
  const out: DataSplit = { xs: tf.tensor(shifted.pixels, [shifted.source.length, ...xs.shape.slice(1)]), labels: tf.gather(labels, src) as tf.Tensor1D };
  tf.dispose([xs, labels, src]);
  return out;
}

/**
 * Runs the experiment. The returned students' models belong to the caller (dispose them or put them
 * into slots); everything else the run creates is freed, also when it is stopped or throws.
 */
export async function runDistillation(opts: DistillRunOptions): Promise<DistillRunResult> {
  const { settings, signal } = opts;
  const kinds = opts.kinds ?? ['distilled', 'scratch'];
  const transfer = gatherTransfer(opts.train, opts.transfer, opts.shiftedCopies ?? 0, settings.seed);
  const teacherLogits = kinds.includes('distilled') ? computeLogits(opts.teacher, transfer.xs) : null;
  const students: StudentOutcome[] = [];
  let stopped = false;
  try {
    for (const kind of kinds) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      const model = buildModel(opts.studentSpec, settings.seed);
      let masks: ModelMasks | null = null;
      try {
        if (opts.studentWeights) model.setWeights(opts.studentWeights);
        if (opts.studentMasks?.length) masks = attachMasks(model, opts.studentMasks);
        await opts.prepareStudent?.(model, transfer);
        masks?.apply(); // a prepare stage (FitNets' hints) may have trained pruned weights too
        const loss =
          kind === 'distilled' && teacherLogits
            ? (logits: tf.Tensor, ys: tf.Tensor, batch: tf.Tensor1D) =>
                distillationLoss(logits, tf.gather(teacherLogits, batch), ys, settings)
            : undefined;
        const loop = await trainLoop({
          model,
          train: transfer,
          test: opts.test,
          epochs: settings.epochs,
          batchSize: settings.batchSize,
          learningRate: settings.learningRate,
          optimizer: settings.optimizer,
          seed: settings.seed,
          signal,
          loss,
          afterStep: masks ? () => masks!.apply() : undefined,
          reportIntervalMs: opts.reportIntervalMs,
          onBatch: (e) => opts.onBatch?.(kind, e),
          onEpoch: (e) => opts.onEpoch?.(kind, e),
        });
        const ev = evaluate(model, opts.test.xs, opts.test.labels, { maxMisclassified: 0 });
        const outcome: StudentOutcome = {
          kind,
          model,
          loop,
          testAccuracy: ev.accuracy,
          confusion: ev.confusion,
          leftOut: opts.leaveOut === null ? null : digitAccuracy(ev.confusion, opts.leaveOut),
        };
        students.push(outcome);
        opts.onStudent?.(outcome);
        if (loop.stopped) {
          stopped = true;
          break;
        }
      } catch (e) {
        model.dispose();
        throw e;
      } finally {
        masks?.dispose();
      }
    }
    return { students, stopped };
  } catch (e) {
    for (const s of students) s.model.dispose();
    throw e;
  } finally {
    tf.dispose([transfer.xs, transfer.labels]);
    teacherLogits?.dispose();
  }
}
