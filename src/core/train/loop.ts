/**
 * trainLoop: the custom training loop every lab uses (train, pruning fine-tune, QAT, distillation).
 *
 * Speed: the data stays resident as tensors and batches are cut with tf.gather; the loop never reads
 * data back except for the throttled progress report (≤ 10/s) — a readback forces the backend to sync.
 * Running loss and correct counts are accumulated on the device between reports.
 *
 * Responsiveness: every ~40 ms it yields to the event loop between batches (a macrotask without
 * setTimeout's 4 ms clamp) so a stop request posted to the worker is seen quickly; `signal` is checked
 * before every batch.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardHooks, TfModel } from '../model/tf-model';
import { deriveSeed, shuffleInPlace, mulberry32 } from '../data/random';
import { evaluate, evaluateMse, type Evaluation } from './evaluate';
import { FusedAdamOptimizer } from './fused-adam';

export { evaluate, evaluateMse, predictProbabilities } from './evaluate';
export type { Evaluation, EvaluateOptions, Misclassified } from './evaluate';

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';

export interface LoopBatchEvent {
  type: 'batch';
  epoch: number;
  /** Batch index within the epoch (the last one finished). */
  batch: number;
  batchesPerEpoch: number;
  /** Global optimizer step, from 0. */
  step: number;
  /** Mean training loss over the batches since the previous report. */
  loss: number;
  /** Training accuracy over the batches since the previous report. */
  accuracy: number;
  samplesPerSec: number;
}

export interface LoopEpochEvent {
  type: 'epoch';
  epoch: number;
  /** Mean training loss / accuracy over the epoch (as seen during training, dropout on). */
  loss: number;
  accuracy: number;
  /** NaN when there is no test set or evaluateEachEpoch is false. */
  testLoss: number;
  testAccuracy: number;
  /** Training throughput of this epoch (evaluation time excluded). */
  samplesPerSec: number;
}

export interface LoopResult {
  stopped: boolean;
  epochsDone: number;
  testAccuracy: number;
  testLoss: number;
  history: LoopEpochEvent[];
  /** Optimizer steps taken. */
  steps: number;
}

export interface DataSplit {
  /** [n, ...inputShape] float32. */
  xs: tf.Tensor;
  /** int32 [n]. */
  labels: tf.Tensor1D;
}

/**
 * A split with real-valued targets (regression, autoencoders): the loop minimises the mean squared
 * error between the model output and `targets` [n, ...outputShape], and reports accuracy as NaN.
 */
export interface TargetSplit {
  xs: tf.Tensor;
  targets: tf.Tensor;
}

/** The settings of one training run (the worker protocol and the labs reuse this). */
export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Seeds initialisation (when the model is created) and the per-epoch shuffle. */
  seed: number;
  /** Use only the first N samples of the (seeded-shuffled) training split; default all of it. */
  trainSamples?: number;
  /** Evaluate on the test split after every epoch (default true). */
  evaluateEachEpoch?: boolean;
}

export interface TrainLoopOptions extends TrainSettings {
  model: TfModel;
  train: DataSplit | TargetSplit;
  /** Evaluated after each epoch (and when a run is stopped) when given; same kind as `train`. */
  test?: DataSplit | TargetSplit;
  signal?: AbortSignal;
  /** Custom loss (e.g. distillation). batchIndices: int32 indices of this batch into `train`. Default: softmax cross-entropy (MSE for a TargetSplit, which gets the batch's targets as the second argument). */
  loss?: (logits: tf.Tensor, ysOneHot: tf.Tensor, batchIndices: tf.Tensor1D) => tf.Scalar;
  /** Hooks for the training forward pass (fake quantization, masks). */
  forward?: ForwardHooks;
  /** Hooks for the evaluation forward pass; defaults to `forward`. */
  evalForward?: ForwardHooks;
  /** Runs after each optimizer step (e.g. re-apply pruning masks). */
  afterStep?: (step: number) => void;
  /** Throttled: at most one call per `reportIntervalMs`. */
  onBatch?: (e: LoopBatchEvent) => void;
  onEpoch?: (e: LoopEpochEvent) => void;
  /** Default 100 ms (≤ 10 events/s). */
  reportIntervalMs?: number;
}

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      // tfjs's Adam, one kernel per variable on wasm.
      return new FusedAdamOptimizer(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    default:
      throw new Error(`unknown optimizer "${String(name)}"`);
  }
}

/** A macrotask yield: lets queued messages (stop) run, without setTimeout's nested 4 ms clamp. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (typeof MessageChannel === 'function') {
    return new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        r();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}

/** Longest stretch of batches without yielding: bounds how late a stop request is seen. */
const YIELD_MS = 40;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The epoch's sample order: a seeded permutation of 0..n-1 (a different one per epoch). */
export function epochOrder(n: number, seed: number, epoch: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return shuffleInPlace(idx, mulberry32(deriveSeed(seed, `epoch/${epoch}`)));
}

/** Loss and accuracy on a split: softmax cross-entropy and accuracy, or MSE and NaN for targets. */
function evaluateSplit(model: TfModel, split: DataSplit | TargetSplit, hooks?: ForwardHooks): Pick<Evaluation, 'loss' | 'accuracy'> {
  if ('targets' in split) return { loss: evaluateMse(model, split.xs, split.targets, hooks), accuracy: NaN };
  return evaluate(model, split.xs, split.labels, { hooks, maxMisclassified: 0 });
}

export async function trainLoop(opts: TrainLoopOptions): Promise<LoopResult> {
  const { model, train, test, signal } = opts;
  const total = train.xs.shape[0];
  const n = Math.max(1, Math.min(total, Math.floor(opts.trainSamples ?? total)));
  const batchSize = Math.max(1, Math.min(n, Math.floor(opts.batchSize)));
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const interval = opts.reportIntervalMs ?? 100;
  const evalEach = opts.evaluateEachEpoch ?? true;
  const optimizer = makeOptimizer(opts.optimizer, opts.learningRate);
  const varList = model.trainable();
  const history: LoopEpochEvent[] = [];
  let step = 0;
  let stopped = false;
  let last: Pick<Evaluation, 'loss' | 'accuracy'> | null = null;
  let lastYield = now();

  try {
    for (let epoch = 0; epoch < opts.epochs && !stopped; epoch++) {
      const order = tf.tensor1d(epochOrder(n, opts.seed, epoch), 'int32');
      // On the device: [loss sum, correct] since the last read. Read (and added to the epoch's totals
      // here in JS) only when a report is due and at the end of the epoch.
      let acc: tf.Tensor = tf.zeros([2]);
      let accSamples = 0;
      let epochLoss = 0;
      let epochCorrect = 0;
      let epochSamples = 0;
      const drain = (): [number, number, number] => {
        const [l, c] = acc.dataSync();
        acc.dispose();
        acc = tf.zeros([2]);
        const k = accSamples;
        accSamples = 0;
        epochLoss += l;
        epochCorrect += c;
        return [l, c, k];
      };
      let epochTime = 0;
      let windowStart = now();
      let lastReport = windowStart;
      let t0 = now();
      for (let b = 0; b < batchesPerEpoch; b++) {
        if (signal?.aborted) {
          stopped = true;
          break;
        }
        const start = b * batchSize;
        const size = Math.min(batchSize, n - start);
        const stats = tf.tidy(() => {
          const idx = order.slice(start, size) as tf.Tensor1D;
          const x = tf.gather(train.xs, idx);
          let correct: tf.Tensor | null = null;
          const loss = optimizer.minimize(() => {
            const logits = model.apply(x, { training: true, hooks: opts.forward });
            if ('targets' in train) {
              const t = tf.gather(train.targets, idx);
              correct = tf.keep(tf.scalar(NaN));
              return opts.loss ? opts.loss(logits, t, idx) : tf.losses.meanSquaredError(t, logits);
            }
            const labels = tf.gather(train.labels, idx);
            // The class count is the model's output width (10 for MNIST, 7 motor modes, …).
            const y = tf.oneHot(labels, logits.shape[1]!).toFloat();
            correct = tf.keep(tf.sum(tf.equal(tf.argMax(logits, 1), labels).toFloat()));
            return opts.loss ? opts.loss(logits, y, idx) : tf.losses.softmaxCrossEntropy(y, logits);
          }, true, varList)!;
          const c = correct!;
          const s = tf.stack([loss.mul(size), c]);
          c.dispose();
          return s;
        });
        const next = acc.add(stats);
        tf.dispose([acc, stats]);
        acc = next;
        accSamples += size;
        epochSamples += size;
        opts.afterStep?.(step);
        step++;
        const tNow = now();
        if (opts.onBatch && (tNow - lastReport >= interval || b === batchesPerEpoch - 1)) {
          const [lossSum, correct, k] = drain();
          const t = now();
          opts.onBatch({
            type: 'batch',
            epoch,
            batch: b,
            batchesPerEpoch,
            step: step - 1,
            loss: lossSum / k,
            accuracy: correct / k,
            samplesPerSec: k / Math.max(1e-3, (t - windowStart) / 1000),
          });
          windowStart = lastReport = now();
        }
        // Yield at most every YIELD_MS: each yield may cost a scheduler slice on a busy machine.
        if (now() - lastYield >= YIELD_MS) {
          epochTime += now() - t0;
          await yieldToEventLoop();
          lastYield = t0 = now();
        }
      }
      if (accSamples > 0) drain();
      epochTime += now() - t0;
      tf.dispose([order, acc]);
      if (stopped && epochSamples < n) break;
      const evalNow = evalEach && test;
      last = evalNow ? evaluateSplit(model, test, opts.evalForward ?? opts.forward) : last;
      const ev: LoopEpochEvent = {
        type: 'epoch',
        epoch,
        loss: epochLoss / epochSamples,
        accuracy: epochCorrect / epochSamples,
        testLoss: evalNow && last ? last.loss : NaN,
        testAccuracy: evalNow && last ? last.accuracy : NaN,
        samplesPerSec: epochSamples / Math.max(1e-3, epochTime / 1000),
      };
      history.push(ev);
      opts.onEpoch?.(ev);
      await yieldToEventLoop();
      if (signal?.aborted) stopped = true;
    }
    // The result reports the model as it is now: re-evaluate if the last epoch's evaluation is stale.
    const fresh = history.length > 0 && !Number.isNaN(history[history.length - 1].testAccuracy) && !stopped;
    if (test && !fresh) last = evaluateSplit(model, test, opts.evalForward ?? opts.forward);
    return {
      stopped,
      epochsDone: history.length,
      testAccuracy: test && last ? last.accuracy : NaN,
      testLoss: test && last ? last.loss : NaN,
      history,
      steps: step,
    };
  } finally {
    optimizer.dispose();
  }
}
