/**
 * "Prepare for class" on Distillation: train the teacher CNN once ahead of time and record it (with
 * when, which settings and which backend), so in class "Use precomputed teacher" makes it the
 * teacher at once instead of a multi-minute wait. Click handlers only, except the read-only refresh.
 */
import type { RecordedSettings } from '../../core/recordings/recording';
import { useEngineState } from '../../store/engine';
import { whenEngineReady } from '../../store/engine-boot';
import { runJob } from '../../store/jobs';
import { errorText, pushNotice } from '../../store/notices';
import { patchRecordings, useRecordings } from '../../store/recordings';
import { patchDistillation, useDistillation } from '../../store/distillation';
import { getEngine } from '../../worker/client';
import { refreshSoftTargets, trainTeacher, type DistillSettingsValues } from './actions';
import { distillationLab } from './lab';

const recordings = () => getEngine().recordings;

/** The settings a recorded teacher depends on: its epochs, its seed (the page's seed) and the backend. */
export const TEACHER_KEYS = ['kdTeacherEpochs', 'kdSeed', 'backend'] as const;
export const TEACHER_LABELS = { kdTeacherEpochs: 'Teacher epochs', kdSeed: 'Seed', backend: 'Backend' };

export function teacherSettings(v: DistillSettingsValues): RecordedSettings {
  return { kdTeacherEpochs: v.kdTeacherEpochs, kdSeed: v.kdSeed, backend: useEngineState.getState().backend ?? 'unknown' };
}

/** Read-only: what is recorded (safe from an effect). */
export async function refreshTeacherRecording(): Promise<void> {
  try {
    await whenEngineReady();
    patchRecordings({ teacher: await recordings().teacher() });
  } catch (e) {
    pushNotice('warning', `Could not read the recorded teacher: ${errorText(e)}`, 'distillation-read:recording');
  }
}

export async function prepareTeacher(v: DistillSettingsValues): Promise<void> {
  const started = performance.now();
  const result = await trainTeacher(v);
  if (!result || result.stopped) {
    if (result) pushNotice('info', 'The teacher was stopped early, so it was not recorded for class.', 'distillation-recording');
    return;
  }
  try {
    const w = await recordings().recordTeacher({ durationMs: performance.now() - started, settings: teacherSettings(v), history: result.history });
    if (!w.persisted) pushNotice('warning', `The teacher is recorded for this page view only: ${w.message ?? 'storage failed'}.`, 'distillation-recording');
    patchRecordings({ teacherInUse: null });
    await refreshTeacherRecording();
    const now = useRecordings.getState().teacher;
    if (now?.status === 'ok') patchRecordings({ teacherInUse: now.recording.recordedAt });
  } catch (e) {
    pushNotice('error', `Could not record the teacher: ${errorText(e)}`, 'distillation-recording');
  }
}

/** "Use precomputed teacher": the recorded teacher becomes the zoo teacher, its curve the teacher's history. */
export async function applyRecordedTeacher(v: DistillSettingsValues, update: (p: Partial<DistillSettingsValues>) => void): Promise<void> {
  const loaded = useRecordings.getState().teacher;
  if (loaded?.status !== 'ok') return;
  const out = await runJob(distillationLab, 'Loading the recorded teacher', () => recordings().useTeacher());
  if (out.status !== 'done') {
    await refreshTeacherRecording(); // it may have been damaged since it was listed
    return;
  }
  patchDistillation({ teacher: { ...useDistillation.getState().teacher, zoo: out.value }, teacherHistory: loaded.recording.history });
  patchRecordings({ teacherInUse: loaded.recording.recordedAt });
  if (v.kdTeacher !== 'zoo') update({ kdTeacher: 'zoo' });
  await refreshSoftTargets('zoo', Number(v.kdDigit));
}

export async function deleteTeacherRecording(): Promise<void> {
  try {
    await recordings().remove('teacher');
    patchRecordings({ teacherInUse: null });
  } catch (e) {
    pushNotice('error', `Could not delete the recording: ${errorText(e)}`, 'distillation-recording');
  }
  await refreshTeacherRecording();
}
