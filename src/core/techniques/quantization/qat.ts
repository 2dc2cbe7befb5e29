/**
 * Quantization-aware training: start from the float model, calibrate initial activation ranges, then
 * fine-tune with fake quantization in the forward pass (STE in the backward pass) so the weights move
 * to where the quantization grid costs the least; finally convert with the learned ranges exactly as
 * PTQ does, so the result runs on the integer-only path too.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';
import { trainLoop, type DataSplit, type LoopBatchEvent, type LoopEpochEvent, type LoopResult, type OptimizerName } from '../../train/loop';
import { qatHooks } from './fake-quant';
import { calibrateModel, convertAndEvaluate, type FakeQuantResult, type PtqOptions } from './pipeline';
import { is16x8 } from './quantize-model';

export interface QatOptions extends PtqOptions {
  epochs: number;
  learningRate: number;
  batchSize: number;
  optimizer?: OptimizerName;
  trainSamples?: number;
}

export interface QatResult extends FakeQuantResult {
  loop: LoopResult;
  ranges: Record<string, [number, number]>;
}

/**
 * Trains `model` in place (pass a copy of the baseline) and converts it; `scratch` is a model of the
 * same spec that receives the converted fake-quant weights for evaluation.
 */
export async function runQat(args: {
  model: TfModel;
  scratch: TfModel;
  train: DataSplit;
  test: DataSplit;
  testLabels: ArrayLike<number>;
  calibXs: tf.Tensor;
  options: QatOptions;
  signal?: AbortSignal;
  onBatch?: (e: LoopBatchEvent) => void;
  onEpoch?: (e: LoopEpochEvent) => void;
  /** After each optimizer step, e.g. re-apply pruning masks so pruned weights stay exactly zero. */
  afterStep?: () => void;
}): Promise<QatResult> {
  const { model, options: o } = args;
  const cal = calibrateModel(model, args.calibXs, o);
  const channels = new Map<string, number>();
  for (const op of cal.plan.ops) {
    if (op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'depthwiseConv2d') channels.set(op.layer, op.outShape[op.outShape.length - 1]);
  }
  // Train with the arithmetic the conversion will use: per-layer bits, and symmetric activations in 16x8.
  const hooks = qatHooks(cal.plan, channels, cal.ranges, { ...o, activationScheme: is16x8(o) ? 'symmetric' : (o.activationScheme ?? o.scheme) });
  let loop: LoopResult;
  let ranges: Record<string, [number, number]>;
  try {
    loop = await trainLoop({
      model,
      train: args.train,
      test: args.test,
      epochs: o.epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      optimizer: o.optimizer ?? 'adam',
      seed: o.seed,
      trainSamples: o.trainSamples,
      signal: args.signal,
      forward: hooks.train,
      afterStep: args.afterStep,
      evalForward: hooks.eval,
      onBatch: args.onBatch,
      onEpoch: args.onEpoch,
    });
    ranges = { ...hooks.ranges(), ...o.rangeOverrides };
  } finally {
    hooks.dispose();
  }
  const fq = convertAndEvaluate(model, args.scratch, ranges, o, args.test.xs, args.testLabels);
  return { ...fq, loop, ranges };
}
