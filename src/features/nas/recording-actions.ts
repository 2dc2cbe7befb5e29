/**
 * "Prepare for class" on NAS: run the search once ahead of time and record it (candidates, settings,
 * backend, when), so in class "Use recorded NAS run" replays its candidates onto the page in a few
 * seconds instead of a search of minutes. Click handlers only, except the read-only refresh.
 */
import { describeDiff, settingsDiff, type NasRecording, type RecordedSettings } from '../../core/recordings/recording';
import { useEngineState } from '../../store/engine';
import { whenEngineReady } from '../../store/engine-boot';
import { errorText, pushNotice } from '../../store/notices';
import { nasSettings, useNasStore, type NasSettingsValues } from '../../store/nas';
import { patchRecordings } from '../../store/recordings';
import { getEngine } from '../../worker/client';
import { startSearch } from './actions';

const recordings = () => getEngine().recordings;
type NasKey = keyof typeof nasSettings.fields;

/** Every search setting ("Final epochs" only matters to "Use this model"), the device target and the backend. */
const NAS_KEYS = (Object.keys(nasSettings.fields) as NasKey[]).filter((k) => k !== 'nasFinalEpochs');
export const RECORDED_KEYS: readonly string[] = [...NAS_KEYS, 'target', 'backend'];
export const RECORDED_LABELS: Record<string, string> = {
  ...Object.fromEntries(NAS_KEYS.map((k) => [k, nasSettings.fields[k].label])),
  target: 'Target',
  backend: 'Backend',
};
/** A replay shows its trained candidates over about this long, however many there are. */
const REPLAY_MS = 5000;

export function nasRecordedSettings(v: NasSettingsValues, targetId: string): RecordedSettings {
  const out: RecordedSettings = { target: targetId, backend: useEngineState.getState().backend ?? 'unknown' };
  for (const k of NAS_KEYS) out[k] = v[k];
  return out;
}

/** Read-only: what is recorded (safe from an effect). */
export async function refreshNasRecording(): Promise<void> {
  try {
    await whenEngineReady();
    patchRecordings({ nas: await recordings().nas() });
  } catch (e) {
    pushNotice('warning', `Could not read the recorded NAS run: ${errorText(e)}`, 'nas-read:recording');
  }
}

export async function prepareNasRun(v: NasSettingsValues, targetId: string): Promise<void> {
  const started = performance.now();
  const done = await startSearch(v, targetId);
  // The worker's result, not the page's run: its last record may still be on its way to the page.
  const run = done && useNasStore.getState().runs.find((r) => r.id === done.runId);
  if (!done || !run || done.result.records.length === 0) return;
  const { stopReason, elapsedMs, records } = done.result;
  if (stopReason === 'stopped') {
    pushNotice('info', 'The search was stopped, so it was not recorded for class.', 'nas-recording');
    return;
  }
  try {
    const w = await recordings().recordNas({
      durationMs: performance.now() - started,
      settings: nasRecordedSettings(v, targetId),
      run: { strategy: run.strategy, seed: run.seed, label: run.label, candidates: run.candidates, stopReason, elapsedMs, records },
    });
    if (!w.persisted) pushNotice('warning', `The search is recorded for this page view only: ${w.message ?? 'storage failed'}.`, 'nas-recording');
  } catch (e) {
    pushNotice('error', `Could not record the search: ${errorText(e)}`, 'nas-recording');
  }
  await refreshNasRecording();
}

export async function deleteNasRecording(): Promise<void> {
  try {
    await recordings().remove('nas');
  } catch (e) {
    pushNotice('error', `Could not delete the recording: ${errorText(e)}`, 'nas-recording');
  }
  await refreshNasRecording();
}

/** The page's settings become the recording's, so the charts' budgets and the table match the candidates. */
function applyRecordedSettings(rec: NasRecording, v: NasSettingsValues, targetId: string, update: (p: Partial<NasSettingsValues>) => void, setTarget: (id: string) => void): void {
  const diff = settingsDiff(rec.settings, nasRecordedSettings(v, targetId), RECORDED_KEYS, RECORDED_LABELS).filter((d) => d.key !== 'backend');
  if (diff.length === 0) return;
  const patch: Record<string, unknown> = {};
  for (const d of diff) {
    const k = d.key as NasKey;
    // Only a value of the field's own type is applied (a recording from another build may differ).
    if (k in nasSettings.fields && typeof d.recorded === typeof nasSettings.fields[k].default) patch[k] = d.recorded;
  }
  update(patch as Partial<NasSettingsValues>);
  if (typeof rec.settings.target === 'string' && rec.settings.target !== targetId) setTarget(rec.settings.target);
  pushNotice('info', `The page's settings were set to the recorded run's — ${describeDiff(diff)}.`, 'nas-recording');
}

let active: { finish(): void } | null = null;

/**
 * "Use recorded NAS run": the recording becomes a run on the page, marked as recorded, its
 * candidates arriving in order over a few seconds (the demo shows the search unfold, not a wait).
 */
export function replayRecordedRun(rec: NasRecording, v: NasSettingsValues, targetId: string, update: (p: Partial<NasSettingsValues>) => void, setTarget: (id: string) => void): void {
  active?.finish();
  applyRecordedSettings(rec, v, targetId, update, setTarget);
  const { run } = rec;
  const store = useNasStore.getState();
  const runId = store.startRun({ strategy: run.strategy, seed: run.seed, label: run.label, candidates: run.candidates, recorded: { recordedAt: rec.recordedAt, backend: rec.backend } });
  // One step per trained candidate, carrying the rejected ones before it (and any after the last).
  const ends = run.records.flatMap((r, i) => (r.status === 'trained' ? [i + 1] : []));
  if (ends.at(-1) !== run.records.length) ends.push(run.records.length);
  const interval = Math.min(400, Math.max(80, REPLAY_MS / ends.length));
  const trainedTotal = run.records.filter((r) => r.status === 'trained').length;
  let shown = 0;
  let step = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const exists = () => useNasStore.getState().runs.some((r) => r.id === runId);
  const me = {
    finish() {
      clearTimeout(timer);
      if (active === me) active = null;
      patchRecordings({ replay: null });
      if (!exists()) return; // cleared meanwhile
      useNasStore.getState().addRecords(runId, run.records.slice(shown));
      shown = run.records.length;
      useNasStore.getState().finishRun(runId, { stopReason: run.stopReason, elapsedMs: run.elapsedMs });
    },
  };
  const tick = () => {
    if (!exists()) return me.finish();
    const end = ends[step++];
    useNasStore.getState().addRecords(runId, run.records.slice(shown, end));
    shown = end;
    patchRecordings({ replay: { runId, shown: run.records.slice(0, shown).filter((r) => r.status === 'trained').length, total: trainedTotal } });
    if (step >= ends.length) me.finish();
    else timer = setTimeout(tick, interval);
  };
  active = me;
  tick();
}

/** "Skip to the end" of a replay. */
export function finishReplay(): void {
  active?.finish();
}
