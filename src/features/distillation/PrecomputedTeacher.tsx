/** Presenter mode's precomputed teacher on Distillation: prepare it before class, use it in class. */
import { useEffect } from 'react';
import { PrecomputedPanel } from '../../components/presenter/PrecomputedPanel';
import { useJob } from '../../components/jobs';
import { settingsDiff } from '../../core/recordings/recording';
import { estimateTeacherTime, formatDuration } from '../../core/recordings/teacher-speed';
import { distillationSettings } from '../../store/distillation';
import { useEngineState } from '../../store/engine';
import { recordedWhen, useRecordings } from '../../store/recordings';
import { useLabSettings } from '../../store/use-lab-settings';
import { distillationLab } from './lab';
import {
  applyRecordedTeacher, deleteTeacherRecording, prepareTeacher, refreshTeacherRecording, TEACHER_KEYS, TEACHER_LABELS, teacherSettings,
} from './recording-actions';

export function PrecomputedTeacher() {
  const [v, update] = useLabSettings(distillationSettings);
  const job = useJob(distillationLab);
  const loaded = useRecordings((s) => s.teacher);
  const inUse = useRecordings((s) => s.teacherInUse);
  const rate = useRecordings((s) => s.teacherRate);
  const backend = useEngineState((s) => s.backend);
  useEffect(() => {
    void refreshTeacherRecording(); // read-only
  }, []);
  const rec = loaded?.status === 'ok' ? loaded.recording : null;
  const summary = rec
    ? `${rec.modelName}, ${(rec.testAccuracy * 100).toFixed(1)} % test accuracy — trained ${recordedWhen(rec.recordedAt)} for ${rec.history.length} epoch${rec.history.length === 1 ? '' : 's'} (seed ${String(rec.settings.kdSeed ?? rec.seed)}) on ${rec.backend}, which took ${formatDuration(rec.durationMs / 1000)}`
    : null;
  const differences = rec ? settingsDiff(rec.settings, { ...teacherSettings(v), backend: backend ?? 'unknown' }, TEACHER_KEYS, TEACHER_LABELS) : [];
  const est = estimateTeacherTime(rate ?? null, v.kdTeacherEpochs, backend ?? '');
  return (
    <PrecomputedPanel
      name="Recorded teacher"
      summary={summary}
      rejected={loaded?.status === 'rejected' ? loaded.reason : null}
      differences={differences}
      onDifference="Using it makes this teacher the page’s teacher as it was recorded; a live “Train teacher” with the page’s settings would give another one."
      prepareLabel="Prepare for class"
      prepareHint={
        <>
          Prepare for class trains the teacher CNN now with this page’s settings ({v.kdTeacherEpochs} epochs, seed {v.kdSeed}) and records it
          in this browser{est ? ` — about ${formatDuration(est.seconds)}` : ''}. In class, Use precomputed teacher makes it the teacher at once.
        </>
      }
      useLabel="Use precomputed teacher"
      inUse={rec && inUse === rec.recordedAt ? 'In use: the teacher on this page is this recording.' : null}
      busy={job.blocked}
      onPrepare={() => void prepareTeacher(v)}
      onUse={() => void applyRecordedTeacher(v, update)}
      onDelete={() => void deleteTeacherRecording()}
    />
  );
}
