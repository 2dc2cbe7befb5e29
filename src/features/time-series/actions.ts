/**
 * The Time-series lab's calls into the worker. Jobs (generate, train) go through the job runner and
 * start from click handlers only; the signal preview is cheap and not a job, so it may follow the
 * settings from an effect (the latest request wins).
 */
import { getEngine, proxy } from '../../worker/client';
import type { Clip, TsEvent } from '../../worker/protocol/time-series';
import { whenEngineReady } from '../../store/engine-boot';
import { runJob, stopJob } from '../../store/jobs';
import { checkCsvSize, CsvError } from '../../core/data/timeseries/csv';
import { patchTask, patchTimeSeries, runSettings, timeSeriesSettings, useTimeSeries, type TimeSeriesSettings } from '../../store/time-series';
import { labLink } from '../../store/shelf';
import { timeSeriesLab } from './lab';
import type { TimeSeriesTask } from '../../worker/protocol/time-series';

let previewId = 0;

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '');
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

export async function generate(s: TimeSeriesSettings): Promise<void> {
  const task = s.tsTask;
  const out = await runJob(timeSeriesLab, 'Generating data', async (job) => {
    job.progress(null, 'Simulating recordings…');
    return getEngine().timeSeries.generate(task, runSettings(s));
  });
  if (out.status === 'done' || out.status === 'stopped') patchTask(task, { summary: out.value, outcome: null, curve: [] });
}

/** The settings (and the link that reproduces them) of each task's last run, for "Save to shelf". */
const lastRun = new Map<TimeSeriesTask, { id: number; settings: TimeSeriesSettings; link: string }>();
let runCount = 0;
export const lastRunOf = (task: TimeSeriesTask) => lastRun.get(task) ?? null;

export async function train(s: TimeSeriesSettings): Promise<void> {
  const task = s.tsTask;
  lastRun.delete(task);
  const out = await runJob(timeSeriesLab, 'Training', async (job) => {
    patchTask(task, { curve: [], outcome: null });
    job.progress(0, 'Preparing…');
    const onEvent = (e: TsEvent) => {
      if (e.type === 'phase') job.progress(e.fraction >= 1 ? null : e.fraction, e.text);
      else if (e.type === 'batch') job.progress((e.epoch + (e.batch + 1) / e.batchesPerEpoch) / s.tsEpochs, `Epoch ${e.epoch + 1} of ${s.tsEpochs}`);
      else patchTask(task, { curve: [...useTimeSeries.getState().tasks[task].curve, { epoch: e.epoch + 1, loss: e.loss }] });
    };
    return getEngine().timeSeries.train(task, runSettings(s), proxy(job.guard(onEvent)));
  });
  if (out.status === 'done' || out.status === 'stopped') {
    const outcome = out.value;
    lastRun.set(task, { id: ++runCount, settings: s, link: labLink(timeSeriesLab.id, timeSeriesSettings, s) });
    patchTask(task, { outcome, summary: outcome.summary, curve: outcome.history.map((h) => ({ epoch: h.epoch + 1, loss: h.loss })) });
  }
}

export const stop = () => stopJob(timeSeriesLab);

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
