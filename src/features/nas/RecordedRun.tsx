/** Presenter mode's recorded NAS run: prepare it before class, replay it in class. */
import { useEffect } from 'react';
import { PrecomputedPanel } from '../../components/presenter/PrecomputedPanel';
import { useJob } from '../../components/jobs';
import { bringIntoFocus } from '../../components/use-result-focus';
import { settingsDiff } from '../../core/recordings/recording';
import { formatDuration } from '../../core/recordings/teacher-speed';
import { useDeviceTarget } from '../../store/device';
import { useEngineState } from '../../store/engine';
import type { NasSettingsValues } from '../../store/nas';
import { recordedWhen, useRecordings } from '../../store/recordings';
import { nasLab } from './lab';
import {
  deleteNasRecording, finishReplay, nasRecordedSettings, prepareNasRun, RECORDED_KEYS, RECORDED_LABELS, refreshNasRecording, replayRecordedRun,
} from './recording-actions';

export function RecordedRun({ v, update }: { v: NasSettingsValues; update: (p: Partial<NasSettingsValues>) => void }) {
  const job = useJob(nasLab);
  const loaded = useRecordings((s) => s.nas);
  const replay = useRecordings((s) => s.replay);
  const backend = useEngineState((s) => s.backend);
  const [targetId, setTarget] = useDeviceTarget();
  useEffect(() => {
    void refreshNasRecording(); // read-only
  }, []);
  const rec = loaded?.status === 'ok' ? loaded.recording : null;
  const trained = rec ? rec.run.records.filter((r) => r.status === 'trained') : [];
  const best = trained.reduce((m, r) => Math.max(m, r.accuracy ?? 0), 0);
  const summary = rec
    ? `${rec.run.label}: ${trained.length} trained of ${rec.run.records.length} evaluated, best ${(best * 100).toFixed(1)} % — recorded ${recordedWhen(rec.recordedAt)} on ${rec.backend}, the search took ${formatDuration(rec.durationMs / 1000)}`
    : null;
  const differences = rec ? settingsDiff(rec.settings, { ...nasRecordedSettings(v, targetId), backend: backend ?? 'unknown' }, RECORDED_KEYS, RECORDED_LABELS) : [];
  return (
    <PrecomputedPanel
      name="Recorded NAS run"
      summary={summary}
      rejected={loaded?.status === 'rejected' ? loaded.reason : null}
      differences={differences}
      onDifference="Using it sets this page’s search settings to the recording’s, so the budgets shown match its candidates."
      prepareLabel="Prepare for class"
      prepareHint="Prepare for class runs the search now with this page’s settings and records it in this browser. In class, Use recorded NAS run replays its candidates in a few seconds, marked as recorded."
      useLabel="Use recorded NAS run"
      busy={job.blocked || replay !== null}
      onPrepare={() => void prepareNasRun(v, targetId)}
      onUse={() => {
        if (!rec) return;
        replayRecordedRun(rec, v, targetId, update, setTarget);
        bringIntoFocus(document.querySelector<HTMLElement>('.nas-results h2'));
      }}
      onDelete={() => void deleteNasRecording()}
    >
      {replay && (
        <button type="button" className="button" onClick={finishReplay}>
          Skip to the end
        </button>
      )}
    </PrecomputedPanel>
  );
}
