/**
 * engine.recordings.*: precomputed results for a live class ("Prepare for class") and the measured
 * teacher speed, kept in IndexedDB through db.ts. Types only; the implementation is
 * src/worker/recordings.ts, the record formats and their validation src/core/recordings/.
 */
import type { NasRecording, RecordingKind, RecordingMeta, TeacherRecording } from '../../core/recordings/recording';
import type { TeacherRate } from '../../core/recordings/teacher-speed';
import type { TeacherInfo } from './distillation';

/** What a read found: nothing, a recording that failed validation (with why), or a usable one. */
export type LoadedRecording<T> = { status: 'none' } | { status: 'rejected'; reason: string } | { status: 'ok'; recording: T };

/** The teacher recording without its weights (the page never needs them). */
export type TeacherRecordingSummary = Omit<TeacherRecording, 'model'> & { modelName: string; testAccuracy: number; seed: number };

/** Saved in IndexedDB, or (private window, full disk) kept only until the page closes: `message` says which. */
export interface RecordingWrite {
  persisted: boolean;
  message?: string;
}

/** What the page supplies when it records; the worker adds the format, the date and its backend. */
export type RecordingInput = Pick<RecordingMeta, 'durationMs' | 'settings'>;

export interface RecordingsApi {
  teacher(): Promise<LoadedRecording<TeacherRecordingSummary>>;
  /** Records the teacher now in the teacher slot (just trained by "Prepare for class") with its history. */
  recordTeacher(input: RecordingInput & { history: TeacherRecording['history'] }): Promise<RecordingWrite>;
  /** Puts the recorded teacher into the teacher slot and saves it as the current teacher. */
  useTeacher(): Promise<TeacherInfo>;
  nas(): Promise<LoadedRecording<NasRecording>>;
  recordNas(input: RecordingInput & { run: NasRecording['run'] }): Promise<RecordingWrite>;
  remove(kind: RecordingKind): Promise<void>;
  /** The best measured teacher speed on this backend (training runs beat probes), or null. */
  teacherRate(): Promise<TeacherRate | null>;
  /** Stores the rate of a teacher training that just ran on this backend. */
  saveTeacherRate(input: { durationMs: number; epochs: number }): Promise<TeacherRate | null>;
  /** Times a few teacher CNN batches on this backend (a short job) and stores the rate. */
  measureTeacherSpeed(): Promise<TeacherRate | null>;
}
