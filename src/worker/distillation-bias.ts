/**
 * engine.distillation.adjustBias: Hinton et al.'s bias adjustment on the distilled student of the last
 * run ("distill:distilled"). The student's own output bias is remembered at the run, so every
 * adjustment is relative to it and δ = 0 restores the student exactly.
 */
import * as tf from '@tensorflow/tfjs';
import { applyBiasAdjustment, findBestBias, outputBias, shiftedScore, type ShiftedScore } from '../core/techniques/distillation/bias-adjust';
import { computeLogits } from '../core/techniques/distillation/run';
import { getData, getSlot, hasSlot } from './context';
import type { BiasReport, BiasRequest } from './protocol/distillation';

const DISTILLED = 'distill:distilled';
const VALIDATION_SIZE = 2000;


let run: { leaveOut: number; validation: Int32Array; originalBias: Float32Array } | null = null;

/** Called by run(): the new student's bias and the validation split of its transfer set. */
export function rememberRun(transfer: Int32Array, leaveOut: number | null): void {
  if (leaveOut === null || !hasSlot(DISTILLED)) {
    run = null;
    return;
  }
  const { raw } = getData();
  const inTransfer = new Uint8Array(raw.train.count);
  for (const i of transfer) inTransfer[i] = 1;
  const outside: number[] = [];
  for (let i = 0; i < raw.train.count; i++) if (!inTransfer[i]) outside.push(i);
  // Evenly spaced over what is left (the split is already shuffled once, so this is a fair sample).
  const step = Math.max(1, outside.length / VALIDATION_SIZE);
  const validation = Int32Array.from({ length: Math.min(VALIDATION_SIZE, outside.length) }, (_, k) => outside[Math.floor(k * step)]);
  run = { leaveOut, validation, originalBias: outputBias(getSlot(DISTILLED).model).dataSync().slice() as Float32Array };
}

function logitsOf(xs: tf.Tensor): Float32Array {
  const model = getSlot(DISTILLED).model;
  const t = computeLogits(model, xs);
  const out = t.dataSync() as Float32Array;
  t.dispose();
  return out;
}

export async function adjustBias(req: BiasRequest): Promise<BiasReport> {
  if (!run || !hasSlot(DISTILLED)) throw new Error('run a distillation with a left-out digit first');
  const { raw, tensors } = getData();
  const model = getSlot(DISTILLED).model;
  const digit = run.leaveOut;
  // Score on the student's own bias; the shift is then pure arithmetic on the logits.
  applyBiasAdjustment(model, run.originalBias, digit, 0);
  const testLogits = logitsOf(tensors.test.xs);
  const valIdx = tf.tensor1d(run.validation, 'int32');
  const valXs = tf.gather(tensors.train.xs, valIdx);
  const valLogits = logitsOf(valXs);
  tf.dispose([valIdx, valXs]);
  const valLabels = Array.from(run.validation, (i) => raw.train.labels[i]);
  let bias: number;
  let curve: ShiftedScore[] | null = null;
  if (req.bias === 'find') {
    const found = findBestBias(valLogits, valLabels, 10, digit);
    bias = found.best.bias;
    curve = found.curve;
  } else {
    if (!Number.isFinite(req.bias)) throw new Error('the bias adjustment must be a number');
    bias = req.bias;
  }
  applyBiasAdjustment(model, run.originalBias, digit, bias);
  return {
    digit,
    bias,
    before: shiftedScore(testLogits, raw.test.labels, 10, digit, 0),
    after: shiftedScore(testLogits, raw.test.labels, 10, digit, bias),
    validation: shiftedScore(valLogits, valLabels, 10, digit, bias),
    curve,
  };
}
