/**
 * engine.distillation.*: the Distillation lab inside the worker.
 *
 * Slots: "distill:teacher" holds the zoo teacher CNN (trained here, persisted through db.ts so it
 * survives reloads, like the Train lab's baseline); the Train lab's "baseline" slot can
 * be the teacher too and is only read, never written. The two students of the last run stay in
 * "distill:distilled" and "distill:scratch".
 */
import * as tf from '@tensorflow/tfjs';
import '../core/train/wasm-kernels';
import { buildModel } from '../core/model/build';
import { zooSpec } from '../core/model/zoo/mnist';
import { evaluate, trainLoop } from '../core/train/loop';
import { imagesToFloat, IMAGE_SIZE } from '../core/data/mnist';
import { TEACHER_TRAINING } from '../core/techniques/distillation/defaults';
import { computeLogits, runDistillation, type StudentKind } from '../core/techniques/distillation/run';
import { classCounts, digitAccuracy, selectTransferSet } from '../core/techniques/distillation/transfer-set';
import { createSlot, getData, getSlot, hasSlot, putSlot, runJob, throttle } from './context';
import { loadModelRecord, saveModelRecord, type SavedModelRecord } from './model-records';
import { SLOTS, type EpochEvent, type TrainEvent } from './protocol';
import type { DistillationApi, DistillEvent, TeacherInfo, TeacherSource } from './protocol/distillation';
import type { StoredModel } from '../core/shelf/validate';
import { adjustBias, rememberRun } from './distillation-bias';
import { masksFromZeros } from './shelf-convert';
import { compareFitNets } from '../core/techniques/distillation/fitnets-run';

const TEACHER_SLOT = SLOTS.teacher;
const STUDENT_SLOTS: Record<StudentKind, string> = { distilled: SLOTS.distilled, scratch: SLOTS.scratchStudent };


// ------------------------------------------------------------ the saved teacher (IndexedDB, via db.ts)

const saveTeacher = (t: Omit<SavedModelRecord, 'savedAt'>) => saveModelRecord('teacher', { ...t, savedAt: new Date().toISOString() });
const loadTeacher = () => loadModelRecord('teacher');

/** Makes a validated model (a recorded teacher, src/worker/recordings.ts) the zoo teacher, and saves it as such. */
export async function installTeacher(m: StoredModel): Promise<TeacherInfo> {
  createSlot(TEACHER_SLOT, m.spec, m.seed, m.weights);
  teacherAccuracy.set(TEACHER_SLOT, m.testAccuracy);
  await saveTeacher({ spec: m.spec, weights: m.weights, seed: m.seed, testAccuracy: m.testAccuracy });
  return { source: 'zoo', spec: m.spec, testAccuracy: m.testAccuracy };
}

// ------------------------------------------------------------ helpers

const teacherAccuracy = new Map<string, number>();

function slotOf(source: TeacherSource): string {
  return source === 'baseline' ? SLOTS.baseline : TEACHER_SLOT;
}

async function ensureTeacher(source: TeacherSource): Promise<boolean> {
  if (hasSlot(slotOf(source))) return true;
  if (source === 'baseline') return false;
  const saved = await loadTeacher();
  if (!saved) return false;
  createSlot(TEACHER_SLOT, saved.spec, saved.seed, saved.weights);
  teacherAccuracy.set(TEACHER_SLOT, saved.testAccuracy);
  return true;
}

function testAccuracyOf(slot: string): number {
  const known = teacherAccuracy.get(slot);
  if (known !== undefined) return known;
  const { tensors } = getData();
  const acc = evaluate(getSlot(slot).model, tensors.test.xs, tensors.test.labels, { maxMisclassified: 0 }).accuracy;
  teacherAccuracy.set(slot, acc);
  return acc;
}

const epochEvent = (e: EpochEvent): EpochEvent => ({ ...e });

// ------------------------------------------------------------ the API

export const distillationApi: DistillationApi = {
  async teacherInfo(source) {
    if (!(await ensureTeacher(source))) return null;
    const slot = slotOf(source);
    // The baseline may have been replaced by the Train lab since we last looked.
    if (source === 'baseline') teacherAccuracy.delete(slot);
    return { source, spec: getSlot(slot).spec, testAccuracy: testAccuracyOf(slot) };
  },

  async trainTeacher({ epochs, seed }, onEvent) {
    return runJob('teacher training', async (signal) => {
      const { tensors } = getData();
      const spec = zooSpec('teacher');
      // Train outside the slot: a run stopped before its first epoch must not replace a good teacher.
      const model = buildModel(spec, seed);
      const events = throttle<TrainEvent>(onEvent);
      const r = await trainLoop({
        model,
        train: { xs: tensors.train.xs, labels: tensors.train.labels },
        test: { xs: tensors.test.xs, labels: tensors.test.labels },
        epochs,
        batchSize: TEACHER_TRAINING.batchSize,
        learningRate: TEACHER_TRAINING.learningRate,
        optimizer: TEACHER_TRAINING.optimizer,
        seed,
        signal,
        onBatch: (e) => events.push(e, e.batch === e.batchesPerEpoch - 1),
        onEpoch: (e) => events.push(e, true),
      });
      events.flush();
      if (r.epochsDone === 0) {
        model.dispose();
        return { source: 'zoo', spec, testAccuracy: NaN, stopped: true, history: [] };
      }
      // A teacher stopped after at least one epoch is still a teacher: keep and save what it learned.
      putSlot(TEACHER_SLOT, model, seed);
      teacherAccuracy.set(TEACHER_SLOT, r.testAccuracy);
      await saveTeacher({ spec, weights: model.getWeights(), seed, testAccuracy: r.testAccuracy });
      return { source: 'zoo', spec, testAccuracy: r.testAccuracy, stopped: r.stopped, history: r.history.map(epochEvent) };
    });
  },

  async run(req, onEvent) {
    if (!(await ensureTeacher(req.teacher))) throw new Error(`there is no ${req.teacher === 'baseline' ? 'baseline' : 'teacher'} yet; train one first`);
    return runJob('distillation', async (signal) => {
      const { raw, tensors } = getData();
      const teacherSlot = slotOf(req.teacher);
      const teacher = getSlot(teacherSlot).model;
      const transfer = selectTransferSet(raw.train.labels, { size: req.transferSize, leaveOut: req.leaveOut, seed: req.settings.seed });
      const transferCounts = classCounts(raw.train.labels, transfer);
      const teacherEval = evaluate(teacher, tensors.test.xs, tensors.test.labels, { maxMisclassified: 0 });
      teacherAccuracy.set(teacherSlot, teacherEval.accuracy);
      const events = throttle<DistillEvent>(onEvent);
      const start = req.studentInit ? getSlot(req.studentInit).model.getWeights() : null;
      // A pruned start's zeros are its masks (as in QAT): both students hold them, so they stay pruned.
      const masks = start ? masksFromZeros(start).filter((m) => m.mask.includes(0)) : [];
      const r = await runDistillation({
        teacher,
        studentSpec: req.studentSpec,
        ...(start ? { studentWeights: start, studentMasks: masks } : {}),
        train: { xs: tensors.train.xs, labels: tensors.train.labels },
        test: { xs: tensors.test.xs, labels: tensors.test.labels },
        transfer,
        leaveOut: req.leaveOut,
        shiftedCopies: req.shiftedCopies ?? 0,
        settings: req.settings,
        signal,
        onBatch: (kind, e) => events.push({ type: 'train', kind, event: e }, e.batch === e.batchesPerEpoch - 1),
        onEpoch: (kind, e) => events.push({ type: 'train', kind, event: e }, true),
        onStudent: (s) => events.push({ type: 'student', kind: s.kind, testAccuracy: s.testAccuracy, leftOut: s.leftOut }, true),
      });
      events.flush();
      for (const s of r.students) putSlot(STUDENT_SLOTS[s.kind], s.model, req.settings.seed);
      rememberRun(transfer, req.leaveOut);
      return {
        teacherAccuracy: teacherEval.accuracy,
        teacherLeftOut: req.leaveOut === null ? null : digitAccuracy(teacherEval.confusion, req.leaveOut),
        transferSize: transfer.length,
        shiftedCopies: req.shiftedCopies ?? 0,
        transferCounts,
        students: r.students.map((s) => ({
          kind: s.kind,
          testAccuracy: s.testAccuracy,
          leftOut: s.leftOut,
          history: s.loop.history.map(epochEvent),
          stopped: s.loop.stopped,
        })),
        stopped: r.stopped,
      };
    });
  },

  adjustBias: (req) => adjustBias(req),

  async fitnets(req, onStage) {
    if (!(await ensureTeacher(req.teacher))) throw new Error(`there is no ${req.teacher === 'baseline' ? 'baseline' : 'teacher'} yet; train one first`);
    return runJob('FitNets comparison', async (signal) => {
      const { raw, tensors } = getData();
      const teacher = getSlot(slotOf(req.teacher)).model;
      const transfer = selectTransferSet(raw.train.labels, { size: req.transferSize, leaveOut: req.leaveOut, seed: req.settings.seed });
      const total = 2 * req.settings.epochs + req.hintEpochs;
      let done = 0;
      const tick = (stage: string) => onStage?.(stage, Math.min(1, done / total));
      const c = await compareFitNets({
        teacher, studentSpec: req.studentSpec,
        train: { xs: tensors.train.xs, labels: tensors.train.labels },
        test: { xs: tensors.test.xs, labels: tensors.test.labels },
        transfer, leaveOut: req.leaveOut, shiftedCopies: req.shiftedCopies ?? 0, settings: req.settings, hintEpochs: req.hintEpochs, signal,
        onEpoch: () => (done++, tick('knowledge distillation')),
        onHintEpoch: () => (done++, tick('FitNets hint stage')),
      });
      const out = (s: typeof c.kd) => (s ? { testAccuracy: s.testAccuracy, history: s.loop.history.map(epochEvent) } : null);
      const report = { ...c.pair, kd: out(c.kd), fitnets: out(c.fitnets), hintLosses: c.hintLosses, stopped: c.stopped };
      c.kd?.model.dispose();
      c.fitnets?.model.dispose();
      return report;
    });
  },

  async softTargets(source, digit, nth = 0) {
    if (!(await ensureTeacher(source))) throw new Error('there is no teacher yet; train one first');
    const { raw } = getData();
    const matches: number[] = [];
    for (let i = 0; i < raw.test.count && matches.length <= nth; i++) if (raw.test.labels[i] === digit) matches.push(i);
    const index = matches[Math.min(nth, matches.length - 1)];
    if (index === undefined) throw new Error(`the test split has no digit ${digit}`);
    const pixels = imagesToFloat(raw.test, [index]);
    const x = tf.tensor(pixels, [1, ...getSlot(slotOf(source)).spec.inputShape]);
    const logitsT = computeLogits(getSlot(slotOf(source)).model, x);
    const logits = Array.from(logitsT.dataSync());
    tf.dispose([x, logitsT]);
    return { index, label: digit, logits, pixels: pixels.subarray(0, IMAGE_SIZE) };
  },
};
