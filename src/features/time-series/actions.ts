/**
 * The Time-series lab's calls into the worker. Jobs (generate, train) start from click handlers only;
 * the signal preview is cheap and not a job, so it may follow the settings from an effect (the latest
 * request wins). Events of an earlier run are dropped by run id.
 */
import { getEngine, proxy } from '../../worker/client';
import type { Clip, TimeSeriesTask, TsEvent } from '../../worker/protocol/time-series';
import { whenEngineReady } from '../../store/engine-boot';
import { setEngineBusy } from '../../store/engine';
import { checkCsvSize, CsvError } from '../../core/data/timeseries/csv';
import { isTsBusy, patchTask, patchTimeSeries, runSettings, useTimeSeries, type TimeSeriesSettings } from '../../store/time-series';

const OWNER = { id: 'time-series', title: 'Time series' };
let runId = 0;
let previewId = 0;

function message(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // Comlink re-throws worker errors with their message; keep only the message for the page.
  return m.replace(/^Error: /, '');
}

export async function refreshPreview(s: TimeSeriesSettings): Promise<void> {
  const id = ++previewId;
  try {
    await whenEngineReady();
    const preview = await getEngine().timeSeries.preview(s.tsTask, runSettings(s));
    if (id === previewId) patchTimeSeries({ preview, previewError: null });
  } catch (e) {
    if (id === previewId) patchTimeSeries({ previewError: message(e) });
  }
}

async function job(task: TimeSeriesTask, status: 'generating' | 'training', fn: () => Promise<void>): Promise<void> {
  if (isTsBusy(useTimeSeries.getState())) return;
  patchTimeSeries({ status, runningTask: task, error: null, progress: 0, progressText: status === 'generating' ? 'Simulating recordings…' : 'Preparing…' });
  setEngineBusy(true, OWNER);
  try {
    await whenEngineReady();
    await fn();
  } catch (e) {
    patchTimeSeries({ status: 'error', error: message(e) });
  } finally {
    setEngineBusy(false);
    if (isTsBusy(useTimeSeries.getState())) patchTimeSeries({ status: 'done' });
  }
}

export function generate(s: TimeSeriesSettings): Promise<void> {
  const task = s.tsTask;
  return job(task, 'generating', async () => {
    const summary = await getEngine().timeSeries.generate(task, runSettings(s));
    patchTask(task, { summary, outcome: null, curve: [] });
    patchTimeSeries({ status: 'done', progress: 1, progressText: '' });
  });
}

export function train(s: TimeSeriesSettings): Promise<void> {
  const task = s.tsTask;
  const id = ++runId;
  return job(task, 'training', async () => {
    patchTask(task, { curve: [], outcome: null });
    const onEvent = (e: TsEvent) => {
      if (id !== runId) return;
      if (e.type === 'phase') patchTimeSeries({ progressText: e.text, progress: e.fraction, status: e.fraction >= 1 ? 'evaluating' : 'training' });
      else if (e.type === 'batch') patchTimeSeries({ progress: (e.epoch + (e.batch + 1) / e.batchesPerEpoch) / s.tsEpochs, progressText: `Epoch ${e.epoch + 1} of ${s.tsEpochs}` });
      else patchTask(task, { curve: [...useTimeSeries.getState().tasks[task].curve, { epoch: e.epoch + 1, loss: e.loss }] });
    };
    const outcome = await getEngine().timeSeries.train(task, runSettings(s), proxy(onEvent));
    if (id !== runId) return;
    const curve = outcome.history.map((h) => ({ epoch: h.epoch + 1, loss: h.loss }));
    patchTask(task, { outcome, summary: outcome.summary, curve });
    patchTimeSeries({ status: outcome.stopped ? 'stopped' : 'done', progress: 1, progressText: '' });
  });
}

export async function stop(): Promise<void> {
  try {
    await getEngine().stop();
  } catch (e) {
    patchTimeSeries({ error: message(e) });
  }
}

/** Reads the chosen files (size checked before reading) and hands them to the worker to parse. */
export async function importFiles(s: TimeSeriesSettings, files: File[], onRate: (hz: number) => void): Promise<void> {
  const task = s.tsTask;
  patchTask(task, { csvError: null });
  try {
    if (files.length === 0) return;
    for (const f of files) {
      try {
        checkCsvSize(f.size);
      } catch (e) {
        throw new CsvError(`${f.name}: ${message(e)}`);
      }
    }
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    await whenEngineReady();
    const { info, summary } = await getEngine().timeSeries.importCsv(task, texts, runSettings({ ...s, tsDataset: 'csv' }));
    patchTask(task, { csv: info, summary, outcome: null, curve: [] });
    onRate(Math.round(summary.sampleRate));
  } catch (e) {
    patchTask(task, { csvError: message(e) });
  }
}

export async function importClips(s: TimeSeriesSettings, clips: Clip[]): Promise<string | null> {
  try {
    await whenEngineReady();
    const summary = await getEngine().timeSeries.importClips(s.tsTask, clips, runSettings({ ...s, tsDataset: 'csv' }));
    patchTask(s.tsTask, { summary, outcome: null, curve: [], csv: null });
    return null;
  } catch (e) {
    return message(e);
  }
}
