/**
 * engine.distillation.*: the Distillation lab's contract with the worker.
 * Types only: the page and the worker share them; the implementation is src/worker/distillation.ts.
 */
import type { ModelSpec } from '../../core/model/spec';
import type { DistillSettings, StudentKind } from '../../core/techniques/distillation/run';
import type { DigitScore } from '../../core/techniques/distillation/transfer-set';
import type { ShiftedScore } from '../../core/techniques/distillation/bias-adjust';
import type { EpochEvent, TrainEvent } from './base';

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
  /** A slot holding a shelf version whose weights both students start from (its spec is studentSpec). */
  studentInit?: string;
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

export interface BiasRequest {
  /** The δ to apply, or 'find' to search the validation split for the best one. */
  bias: number | 'find';
}

export interface BiasReport {
  digit: number;
  bias: number;
  /** Test split without and with the adjustment. */
  before: ShiftedScore;
  after: ShiftedScore;
  /** Validation split (training images outside the transfer set) with the adjustment. */
  validation: ShiftedScore;
  /** "find" only: validation accuracy and left-out digit accuracy over the searched δ. */
  curve: ShiftedScore[] | null;
}

/** FitNets (Romero et al. 2015) against plain KD on the same seed: the run's settings + the hint stage. */
export interface FitNetsRequest extends DistillRequest {
  /** Epochs of stage 1 (hint training) before the KD epochs. */
  hintEpochs: number;
}

export interface FitNetsReport {
  hint: string;
  guided: string;
  hintSize: number;
  guidedSize: number;
  kd: { testAccuracy: number; history: EpochEvent[] } | null;
  fitnets: { testAccuracy: number; history: EpochEvent[] } | null;
  hintLosses: number[];
  stopped: boolean;
}

export interface DistillationApi {
  /** The teacher in slot form, loading the saved zoo teacher from IndexedDB if needed; null if none. */
  teacherInfo(source: TeacherSource): Promise<TeacherInfo | null>;
  /** Trains the zoo teacher CNN on all 8,000 training samples and saves it. */
  trainTeacher(opts: { epochs: number; seed: number }, onEvent?: (e: TrainEvent) => void): Promise<TeacherTrainResult>;
  run(req: DistillRequest, onEvent?: (e: DistillEvent) => void): Promise<DistillReport>;
  /** The teacher's logits for the first test image of `digit` (the n-th with `nth`). */
  softTargets(source: TeacherSource, digit: number, nth?: number): Promise<SoftTargetSample>;
  /** Hinton et al.'s bias adjustment of the last distilled student's left-out digit. */
  adjustBias(req: BiasRequest): Promise<BiasReport>;
  /** FitNets hint training + KD vs plain KD, same seed (students not kept). */
  fitnets(req: FitNetsRequest, onStage?: (stage: string, fraction: number) => void): Promise<FitNetsReport>;
}
