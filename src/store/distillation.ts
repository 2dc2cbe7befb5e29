/**
 * The Distillation lab's state: its settings (typed schema → URL + localStorage) and what the worker
 * reported — the teacher, the live curves of both students, the final report and the soft-target
 * sample. Plain data only; the page's actions (features/distillation/actions.ts) fill it.
 */
import type { BiasReport } from '../worker/protocol/distillation';
import { create } from 'zustand';
import { defineSettings, enumField, intField, numberField } from './settings-schema';
import type { EpochEvent } from '../worker/protocol';
import type { DistillReport, SoftTargetSample, TeacherInfo, TeacherSource } from '../worker/protocol/distillation';
import type { StudentKind } from '../core/techniques/distillation/run';
import type { DigitScore } from '../core/techniques/distillation/transfer-set';
import { DISTILL_DEFAULTS, TEACHER_TRAINING } from '../core/techniques/distillation/defaults';

export const TEACHER_SOURCES = ['zoo', 'baseline'] as const;
export const STUDENTS = ['mlp-small', 'mlp', 'dscnn', 'lenet5'] as const;
export const WIDTHS = ['0.25', '0.5', '1', '2'] as const;
export const LEAVE_OUT = ['none', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const SHIFTED_COPIES = ['0', '2', '4', '8'] as const;
export const LEARNING_RATES = ['0.0003', '0.001', '0.003', '0.01'] as const;

const D = DISTILL_DEFAULTS.training;

export const distillationSettings = defineSettings('distillation', {
  kdTeacher: enumField('Teacher', TEACHER_SOURCES, 'zoo'),
  kdStudent: enumField('Student', STUDENTS, DISTILL_DEFAULTS.student as (typeof STUDENTS)[number]),
  kdWidth: enumField('Student width', WIDTHS, String(DISTILL_DEFAULTS.width) as (typeof WIDTHS)[number]),
  kdTemperature: numberField('Temperature', D.temperature, { min: 1, max: 20 }),
  kdAlpha: numberField('Alpha', D.alpha, { min: 0, max: 1 }),
  kdTransfer: intField('Transfer set size', DISTILL_DEFAULTS.transferSize, { min: 500, max: 8000 }),
  kdLeaveOut: enumField('Leave out digit', LEAVE_OUT, 'none'),
  kdShifts: enumField('Shifted copies', SHIFTED_COPIES, String(DISTILL_DEFAULTS.shiftedCopies) as (typeof SHIFTED_COPIES)[number]),
  kdEpochs: intField('Epochs', D.epochs, { min: 1, max: 60 }),
  kdLearningRate: enumField('Learning rate', LEARNING_RATES, String(D.learningRate) as (typeof LEARNING_RATES)[number]),
  kdSeed: intField('Seed', D.seed, { min: 0, max: 999999 }),
  kdTeacherEpochs: intField('Teacher epochs', TEACHER_TRAINING.epochs, { min: 1, max: 20 }),
  kdDigit: enumField('Soft targets for digit', DIGITS, '3'),
  kdBias: numberField('Bias adjustment', 0, { min: -20, max: 30 }),
});

export interface StudentLive {
  /** Test accuracy / loss per finished epoch. */
  epochs: EpochEvent[];
  /** Fraction of this student's epochs done (for the progress bar). */
  progress: number;
  testAccuracy: number | null;
  leftOut: DigitScore | null;
}

export interface DistillationState {
  teacher: Partial<Record<TeacherSource, TeacherInfo | null>>;
  teacherHistory: EpochEvent[];
  students: Record<StudentKind, StudentLive>;
  report: DistillReport | null;
  /** The settings the last run used (for the chart's legend and the device panel). */
  runLabel: string | null;
  soft: SoftTargetSample | null;
  /** The last bias adjustment of the distilled student's left-out digit. */
  bias: BiasReport | null;
}

export const emptyStudent = (): StudentLive => ({ epochs: [], progress: 0, testAccuracy: null, leftOut: null });

export const useDistillation = create<DistillationState>()(() => ({
  teacher: {},
  teacherHistory: [],
  students: { distilled: emptyStudent(), scratch: emptyStudent() },
  report: null,
  runLabel: null,
  soft: null,
  bias: null,
}));

export function patchDistillation(patch: Partial<DistillationState>): void {
  useDistillation.setState(patch);
}

export function patchStudent(kind: StudentKind, patch: Partial<StudentLive>): void {
  useDistillation.setState((s) => ({ students: { ...s.students, [kind]: { ...s.students[kind], ...patch } } }));
}
