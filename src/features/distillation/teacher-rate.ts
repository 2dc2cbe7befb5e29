/**
 * The measured teacher speed behind "Teacher training time": read the best stored rate for this
 * backend, store a finished training's rate, or time a few teacher batches (a short job).
 */
import { runJob } from '../../store/jobs';
import { whenEngineReady } from '../../store/engine-boot';
import { errorText, pushNotice } from '../../store/notices';
import { patchRecordings } from '../../store/recordings';
import { getEngine } from '../../worker/client';
import { distillationLab } from './lab';

/** Read-only (safe from an effect). */
export async function refreshTeacherRate(): Promise<void> {
  try {
    await whenEngineReady();
    patchRecordings({ teacherRate: await getEngine().recordings.teacherRate() });
  } catch (e) {
    pushNotice('warning', `Could not read the measured teacher speed: ${errorText(e)}`, 'distillation-read:rate');
  }
}

export async function saveTeacherRate(durationMs: number, epochs: number): Promise<void> {
  try {
    await getEngine().recordings.saveTeacherRate({ durationMs, epochs });
    await refreshTeacherRate();
  } catch (e) {
    pushNotice('warning', `Could not keep the measured teacher speed: ${errorText(e)}`, 'distillation-rate');
  }
}

/** "Measure teacher speed": times four teacher batches on the current backend (a few seconds). */
export async function measureTeacherSpeed(): Promise<void> {
  const out = await runJob(distillationLab, 'Measuring the teacher speed', (j) => {
    j.progress(null, 'Timing four teacher batches…');
    return getEngine().recordings.measureTeacherSpeed();
  });
  if (out.status === 'done') await refreshTeacherRate();
}
