/**
 * What the page knows of the recordings prepared for a class (src/worker/recordings.ts keeps them in
 * IndexedDB) and of the measured teacher speed. Plain data; the labs' recording actions fill it.
 * `undefined` = not asked yet; `{ status: 'none' }` = asked, nothing recorded.
 */
import { create } from 'zustand';
import type { NasRecording } from '../core/recordings/recording';
import type { TeacherRate } from '../core/recordings/teacher-speed';
import type { LoadedRecording, TeacherRecordingSummary } from '../worker/protocol/recordings';

export interface NasReplay {
  runId: number;
  shown: number;
  total: number;
}

export interface RecordingsState {
  teacher: LoadedRecording<TeacherRecordingSummary> | undefined;
  nas: LoadedRecording<NasRecording> | undefined;
  teacherRate: TeacherRate | null | undefined;
  /** The recordedAt of the recorded teacher now in use as the zoo teacher (null: a live one, or none). */
  teacherInUse: string | null;
  /** A recorded NAS run being replayed candidate by candidate. */
  replay: NasReplay | null;
}

export const useRecordings = create<RecordingsState>()(() => ({
  teacher: undefined,
  nas: undefined,
  teacherRate: undefined,
  teacherInUse: null,
  replay: null,
}));

export function patchRecordings(patch: Partial<RecordingsState>): void {
  useRecordings.setState(patch);
}

/** "2 Dec 2026, 03:40" in the reader's time zone. */
export function recordedWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
