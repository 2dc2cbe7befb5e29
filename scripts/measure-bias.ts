/**
 * Bias adjustment for the left-out digit (Hinton et al. 2015 §3; issue 19) with the page's pipeline:
 * the zoo teacher (6 epochs, cached in /tmp/tinyml-distill-teacher.json like measure-distillation),
 * the default student and settings with digit 3 left out, then δ for the 3-logit found on a
 * validation split of 2,000 training images outside the transfer set (best validation accuracy).
 *   npx tsx scripts/measure-bias.ts [--seeds 1,2,3]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../src/core/model/build';
import type { WeightSet } from '../src/core/model/spec';
import { zooSpec } from '../src/core/model/zoo/mnist';
import { trainLoop } from '../src/core/train/loop';
import { findBestBias, shiftedScore } from '../src/core/techniques/distillation/bias-adjust';
import { DISTILL_DEFAULTS, TEACHER_TRAINING } from '../src/core/techniques/distillation/defaults';
import { computeLogits, runDistillation } from '../src/core/techniques/distillation/run';
import { selectTransferSet } from '../src/core/techniques/distillation/transfer-set';
import { readMnistFromDisk } from '../src/node/mnist';
import { setup } from './measure-techniques-common';

const CACHE = '/tmp/tinyml-distill-teacher.json';
const i = process.argv.indexOf('--seeds');
const seeds = (i >= 0 ? process.argv[i + 1] : '1,2,3').split(',').map(Number);
const { train, test } = await setup();
const raw = readMnistFromDisk();
const teacher = buildModel(zooSpec('teacher'), TEACHER_TRAINING.seed);
if (existsSync(CACHE)) {
  const saved = JSON.parse(readFileSync(CACHE, 'utf8')) as { layer: string; role: WeightSet[number]['role']; shape: number[]; data: number[] }[];
  teacher.setWeights(saved.map((w) => ({ ...w, data: Float32Array.from(w.data) })));
} else {
  await trainLoop({ model: teacher, train, test, ...TEACHER_TRAINING, evaluateEachEpoch: false });
  writeFileSync(CACHE, JSON.stringify(teacher.getWeights().map((w) => ({ ...w, data: Array.from(w.data) }))));
}
const logits = (m: Parameters<typeof computeLogits>[0], xs: tf.Tensor) => {
  const t = computeLogits(m, xs);
  const d = t.dataSync() as Float32Array;
  t.dispose();
  return d;
};
for (const seed of seeds) {
  const transfer = selectTransferSet(raw.train.labels, { size: DISTILL_DEFAULTS.transferSize, leaveOut: 3, seed });
  const r = await runDistillation({
    teacher, studentSpec: zooSpec(DISTILL_DEFAULTS.student), train, test, transfer, leaveOut: 3,
    settings: { ...DISTILL_DEFAULTS.training, seed }, shiftedCopies: DISTILL_DEFAULTS.shiftedCopies,
  });
  const student = r.students.find((s) => s.kind === 'distilled')!.model;
  const inT = new Set(transfer);
  const outside = [...Array(raw.train.count).keys()].filter((k) => !inT.has(k));
  const step = Math.max(1, outside.length / 2000);
  const val = Int32Array.from({ length: Math.min(2000, outside.length) }, (_, k) => outside[Math.floor(k * step)]);
  const vIdx = tf.tensor1d(val, 'int32');
  const vXs = tf.gather(train.xs, vIdx);
  const vl = logits(student, vXs);
  tf.dispose([vIdx, vXs]);
  const { best } = findBestBias(vl, Array.from(val, (k) => raw.train.labels[k]), 10, 3);
  const tl = logits(student, test.xs);
  const before = shiftedScore(tl, raw.test.labels, 10, 3, 0);
  const after = shiftedScore(tl, raw.test.labels, 10, 3, best.bias);
  console.log(`seed ${seed}: δ = ${best.bias}; test 3s ${before.digitCorrect}/${before.digitTotal} → ${after.digitCorrect}/${after.digitTotal} ` +
    `(${(100 * after.digitCorrect / after.digitTotal).toFixed(1)} %); test accuracy ${(100 * before.accuracy).toFixed(2)} % → ${(100 * after.accuracy).toFixed(2)} %`);
  for (const s of r.students) s.model.dispose();
}
