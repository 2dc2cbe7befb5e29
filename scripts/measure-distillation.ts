/**
 * Measures the Distillation lab's quality targets in Node (wasm backend), with the page's pipeline:
 * the zoo teacher CNN trained on the 8,000-sample training split, then distilled vs scratch students
 * on a 1,000-sample transfer set over several seeds, with and without digit 3 left out.
 *
 *   npx tsx scripts/measure-distillation.ts                 # page defaults, seeds 1,2,3
 *   T=6 ALPHA=0.9 EPOCHS=20 LR=0.003 SEEDS=1,2,3,4,5 npx tsx scripts/measure-distillation.ts
 *
 * The trained teacher is cached in /tmp/tinyml-distill-teacher.json (delete it to retrain).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../src/core/train/wasm-kernels';
import { buildModel } from '../src/core/model/build';
import { zooSpec } from '../src/core/model/zoo/mnist';
import type { WeightSet } from '../src/core/model/spec';
import { readMnistFromDisk } from '../src/node/mnist';
import { mnistToTensors } from '../src/core/data/tensors';
import { evaluate, trainLoop } from '../src/core/train/loop';
import { runDistillation } from '../src/core/techniques/distillation/run';
import { scaleWidth } from '../src/core/techniques/distillation/student';
import { selectTransferSet } from '../src/core/techniques/distillation/transfer-set';
import { DISTILL_DEFAULTS, TEACHER_TRAINING } from '../src/core/techniques/distillation/defaults';

const env = (k: string, d: number) => (process.env[k] !== undefined ? Number(process.env[k]) : d);
const CACHE = '/tmp/tinyml-distill-teacher.json';

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const data = readMnistFromDisk();
  const t = mnistToTensors(data);
  const train = { xs: t.train.xs, labels: t.train.labels };
  const test = { xs: t.test.xs, labels: t.test.labels };

  const teacher = buildModel(zooSpec('teacher'), TEACHER_TRAINING.seed);
  if (existsSync(CACHE)) {
    const saved = JSON.parse(readFileSync(CACHE, 'utf8')) as { layer: string; role: WeightSet[number]['role']; shape: number[]; data: number[] }[];
    teacher.setWeights(saved.map((w) => ({ ...w, data: Float32Array.from(w.data) })));
  } else {
    const t0 = Date.now();
    await trainLoop({
      model: teacher, train, test, ...TEACHER_TRAINING, evaluateEachEpoch: true,
      onEpoch: (e) => console.log(`teacher epoch ${e.epoch + 1}: test ${(e.testAccuracy * 100).toFixed(2)} % (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
    });
    writeFileSync(CACHE, JSON.stringify(teacher.getWeights().map((w) => ({ ...w, data: Array.from(w.data) }))));
  }
  const teacherAcc = evaluate(teacher, test.xs, test.labels, { maxMisclassified: 0 }).accuracy;
  console.log(`teacher test accuracy ${(teacherAcc * 100).toFixed(2)} %`);

  const settings = {
    ...DISTILL_DEFAULTS.training,
    temperature: env('T', DISTILL_DEFAULTS.training.temperature),
    alpha: env('ALPHA', DISTILL_DEFAULTS.training.alpha),
    epochs: env('EPOCHS', DISTILL_DEFAULTS.training.epochs),
    learningRate: env('LR', DISTILL_DEFAULTS.training.learningRate),
    batchSize: env('BATCH', DISTILL_DEFAULTS.training.batchSize),
  };
  const size = env('SIZE', 1000);
  const width = env('WIDTH', 1);
  const studentSpec = scaleWidth(zooSpec(process.env.STUDENT ?? DISTILL_DEFAULTS.student), width);
  const seeds = (process.env.SEEDS ?? '1,2,3').split(',').map(Number);
  const leaves = (process.env.LEAVE ?? 'none,3').split(',').map((v) => (v === 'none' ? null : Number(v)));
  console.log(`student ${studentSpec.name}; ${JSON.stringify({ ...settings, seed: undefined })}; transfer ${size}; shifted copies ${env('COPIES', DISTILL_DEFAULTS.shiftedCopies)}`);

  const stats = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
    return `${(m * 100).toFixed(2)} % ± ${(sd * 100).toFixed(2)} (min ${(Math.min(...xs) * 100).toFixed(2)}, max ${(Math.max(...xs) * 100).toFixed(2)})`;
  };
  for (const leaveOut of leaves) {
    const acc: Record<string, number[]> = { distilled: [], scratch: [], 'distilled left-out': [], 'scratch left-out': [] };
    for (const seed of seeds) {
      const transfer = selectTransferSet(data.train.labels, { size, leaveOut, seed });
      const r = await runDistillation({ teacher, studentSpec, train, test, transfer, leaveOut, settings: { ...settings, seed }, shiftedCopies: env('COPIES', DISTILL_DEFAULTS.shiftedCopies) });
      const line = r.students.map((s) => {
        acc[s.kind].push(s.testAccuracy);
        if (s.leftOut) acc[`${s.kind} left-out`].push(s.leftOut.accuracy);
        return `${s.kind} ${(s.testAccuracy * 100).toFixed(2)} %${s.leftOut ? ` (${s.leftOut.correct}/${s.leftOut.total} test ${leaveOut}s)` : ''}`;
      });
      console.log(`  leave out ${leaveOut ?? 'none'}, seed ${seed}: ${line.join(', ')}`);
      for (const s of r.students) s.model.dispose();
    }
    for (const [k, v] of Object.entries(acc)) if (v.length) console.log(`  leave out ${leaveOut ?? 'none'} — ${k}: ${stats(v)}`);
    const d = acc.distilled.map((v, i) => v - acc.scratch[i]);
    console.log(`  leave out ${leaveOut ?? 'none'} — distilled − scratch: ${stats(d)}; distilled wins ${d.filter((x) => x > 0).length}/${d.length}`);
  }
  teacher.dispose();
  t.dispose();
  console.log(`tensors left: ${tf.memory().numTensors}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
