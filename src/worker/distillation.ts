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
import type { ModelSpec } from '../core/model/spec';
import { evaluate, trainLoop } from '../core/train/loop';
import { imagesToFloat, IMAGE_SIZE } from '../core/data/mnist';
import { TEACHER_TRAINING } from '../core/techniques/distillation/defaults';
import { computeLogits, runDistillation, type DistillSettings, type StudentKind } from '../core/techniques/distillation/run';
import { classCounts, digitAccuracy, selectTransferSet, type DigitScore } from '../core/techniques/distillation/transfer-set';
import { BASELINE_SLOT } from './base';
import { createSlot, getData, getSlot, hasSlot, putSlot, runJob, throttle } from './context';
import { loadModelRecord, saveModelRecord, type SavedModelRecord } from './model-records';
import type { EpochEvent, TrainEvent } from './protocol';

export const TEACHER_SLOT = 'distill:teacher';
export const STUDENT_SLOTS: Record<StudentKind, string> = { distilled: 'distill:distilled', scratch: 'distill:scratch' };

export type TeacherSource = 'zoo' | 'baseline';

export interface TeacherInfo {
  source: TeacherSource;
  spec: ModelSpec;
  testAccuracy: number;
}

export interface TeacherTrainResult extends TeacherInfo {
  stopped: boolean;
  history: EpochEvent[];
}

export interface DistillRequest {
  teacher: TeacherSource;
  studentSpec: ModelSpec;
  transferSize: number;
  leaveOut: number | null;
  /** Shifted copies of each transfer image for both students (0 = none). */
  shiftedCopies?: number;
  settings: DistillSettings;
}

/** Progress of a run: a training event of one student, or a student finished. */
export type DistillEvent =
  | { type: 'train'; kind: StudentKind; event: TrainEvent }
  | { type: 'student'; kind: StudentKind; testAccuracy: number; leftOut: DigitScore | null };

export interface StudentReport {
  kind: StudentKind;
  testAccuracy: number;
  leftOut: DigitScore | null;
  history: EpochEvent[];
  stopped: boolean;
}

export interface DistillReport {
  teacherAccuracy: number;
  /** The teacher's own accuracy on the left-out digit (null when none is left out). */
  teacherLeftOut: DigitScore | null;
  /** Samples actually in the transfer set (distinct images) and how many of each digit. */
  transferSize: number;
  shiftedCopies: number;
  transferCounts: number[];
  students: StudentReport[];
  stopped: boolean;
}

export interface SoftTargetSample {
  /** Index into the test split. */
  index: number;
  label: number;
  /** The teacher's logits for this image (the page applies any temperature itself). */
  logits: number[];
  /** 784 floats in [0, 1], for a thumbnail. */
  pixels: Float32Array;
}

export interface DistillationApi {
  /** The teacher in slot form, loading the saved zoo teacher from IndexedDB if needed; null if none. */
  teacherInfo(source: TeacherSource): Promise<TeacherInfo | null>;
  /** Trains the zoo teacher CNN on all 8,000 training samples and saves it. */
  trainTeacher(opts: { epochs: number; seed: number }, onEvent?: (e: TrainEvent) => void): Promise<TeacherTrainResult>;
  run(req: DistillRequest, onEvent?: (e: DistillEvent) => void): Promise<DistillReport>;
  /** The teacher's logits for the first test image of `digit` (the n-th with `nth`). */
  softTargets(source: TeacherSource, digit: number, nth?: number): Promise<SoftTargetSample>;
}

// ------------------------------------------------------------ the saved teacher (IndexedDB, via db.ts)

const saveTeacher = (t: Omit<SavedModelRecord, 'savedAt'>) => saveModelRecord('teacher', { ...t, savedAt: new Date().toISOString() });
const loadTeacher = () => loadModelRecord('teacher');

// ------------------------------------------------------------ helpers

const teacherAccuracy = new Map<string, number>();

function slotOf(source: TeacherSource): string {
  return source === 'baseline' ? BASELINE_SLOT : TEACHER_SLOT;
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
      const r = await runDistillation({
        teacher,
        studentSpec: req.studentSpec,
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
