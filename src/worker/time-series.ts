/**
 * engine["time-series"].*: datasets, training, evaluation and int8 PTQ for the Time-series lab.
 * Each task keeps one dataset here (simulated, CSV or live clips); "train" regenerates a simulated one
 * when its settings changed. Long work runs inside runJob (one job at a time, stop() aborts the signal);
 * every tensor is disposed before a call returns (time-series.test.ts checks tf.memory()).
 */
import { csvDataset, parseSensorCsv, labelFromFileName, CsvError } from '../core/data/timeseries/csv';
import { fisherRatios } from '../core/data/timeseries/features';
import { buildDataset, prepareFor, type TsRunSettings } from '../core/data/timeseries/lab-defaults';
import { evaluateModel, quantizeAndEvaluate, specFor, trainModel } from '../core/data/timeseries/run';
import { spectrogram } from '../core/data/timeseries/spectrogram';
import type { Recording, TimeSeriesDataset, TimeSeriesTask } from '../core/data/timeseries/types';
import { chopRecordings, makeWindows, resampleDataset } from '../core/data/timeseries/window';
import { putSlot, registerCache, runJob, throttle } from './context';
import { SLOTS } from './protocol/slots';
import type { DataSummary, SignalPreview, TimeSeriesApi, TsEvent } from './protocol/time-series';

interface Stored {
  ds: TimeSeriesDataset;
  /** Settings the simulated dataset was generated with (null for CSV / clips). */
  key: string | null;
}

const stored = new Map<TimeSeriesTask, Stored>();

// Bounded by construction: one dataset per task, replaced when a new one is generated or loaded.
registerCache(() => {
  let bytes = 0;
  for (const { ds } of stored.values()) for (const r of ds.recordings) bytes += r.channels.reduce((b, c) => b + c.byteLength, r.target?.byteLength ?? 0);
  return { name: 'Time-series data', entries: stored.size, maxEntries: 3, bytes, maxBytes: null, evicted: 0 };
});

/** Where each task's trained model is kept for "Save to shelf". */
export const TRAINED_SLOT = { classification: SLOTS.tsClassification, anomaly: SLOTS.tsAnomaly, regression: SLOTS.tsRegression } as const satisfies Record<TimeSeriesTask, string>;

function simKey(s: TsRunSettings): string {
  return JSON.stringify([s.dataset, s.sampleRate, s.noise, s.recordings, s.seconds, s.imbalance, s.seed]);
}

function datasetFor(task: TimeSeriesTask, s: TsRunSettings, regenerate: boolean): TimeSeriesDataset {
  if (s.dataset === 'csv') {
    const st = stored.get(task);
    if (!st || st.key !== null) throw new Error('No CSV data loaded for this task: choose a file under "Sensor file" first.');
    return st.ds;
  }
  const st = stored.get(task);
  if (!regenerate && st && st.key === simKey(s)) return st.ds;
  const ds = buildDataset(task, s.dataset, s);
  stored.set(task, { ds, key: simKey(s) });
  return ds;
}

function summarize(task: TimeSeriesTask, ds: TimeSeriesDataset, s: TsRunSettings): DataSummary {
  const base = {
    task,
    dataset: ds.id,
    sampleRate: ds.sampleRate,
    channelNames: ds.channelNames,
    classNames: task === 'regression' ? [ds.targetName ?? 'target'] : ds.classNames,
    recordings: ds.recordings.length,
  };
  const p = prepareFor(task, ds, { ...s, sampleRate: ds.id === 'csv' ? s.sampleRate : ds.sampleRate }, 'mlp');
  const dsp = p.features === 'dsp' ? p : prepareFor(task, ds, { ...s, features: 'dsp' }, 'mlp');
  const classWindows = new Array<number>(ds.classNames.length).fill(0);
  for (const l of p.train.labels) classWindows[l]++;
  for (const l of p.test.labels) classWindows[l]++;
  const empty = { fisher: [], scatter: [], scatterAxes: ['', ''] as [string, string] };
  if (p.windows === 0) {
    const longest = Math.max(...ds.recordings.map((r) => r.channels[0].length));
    return {
      ...base, ...empty, windows: 0, train: 0, test: 0, classWindows,
      notice: `No windows: a window of ${s.windowLength} samples is longer than the longest recording (${longest} samples at ${ds.sampleRate} Hz). Shorten the window or raise the sampling rate.`,
    };
  }
  const dim = dsp.inputShape[0];
  // Fisher's ratio on standardised features (training windows; regression: one class, so by SoC tercile).
  const labels = task === 'regression' ? Int32Array.from(dsp.train.targets, (t) => Math.min(2, Math.floor(t * 3))) : dsp.train.labels;
  const ratios = fisherRatios(dsp.train.x, dim, labels);
  const order = Array.from(ratios.keys()).sort((a, b) => ratios[b] - ratios[a]);
  const fisher = order.slice(0, 12).map((i) => ({ name: dsp.featureNames[i], ratio: Number.isFinite(ratios[i]) ? ratios[i] : 1e6 }));
  const [fx, fy] = [order[0], order[1] ?? order[0]];
  // ≤ 210 dots: each is an SVG element the page has to create (see features/time-series/stage.ts).
  const step = Math.max(1, Math.ceil(dsp.train.count / 210));
  const scatter: DataSummary['scatter'] = [];
  for (let i = 0; i < dsp.train.count; i += step) scatter.push({ x: dsp.train.x[i * dim + fx], y: dsp.train.x[i * dim + fy], label: labels[i] });
  const notice = p.train.count < 8 || p.test.count < 2 ? `Only ${p.train.count} training and ${p.test.count} test windows: add recordings or shorten the stride.` : undefined;
  return { ...base, windows: p.windows, train: p.train.count, test: p.test.count, classWindows, fisher, scatter, scatterAxes: [dsp.featureNames[fx], dsp.featureNames[fy]], notice };
}

function previewOf(ds: TimeSeriesDataset, s: TsRunSettings): SignalPreview {
  const firstOf = new Map<number, Recording>();
  for (const r of ds.recordings) if (!firstOf.has(r.label)) firstOf.set(r.label, r);
  // The spectrogram shows the channel with the most AC energy in the first class that moves.
  const classes = [...firstOf].sort((a, b) => a[0] - b[0]).map(([label, r]) => {
    const w = makeWindows([r], Math.min(s.windowLength, r.channels[0].length), s.windowLength);
    const window = r.channels.map((_, c) => Float32Array.from({ length: w.length }, (_, t) => w.data[t * w.channels + c]));
    const ch = ds.id === 'battery' ? 0 : r.channels.length - 1;
    const nfft = Math.min(256, 2 ** Math.floor(Math.log2(Math.max(8, Math.min(s.windowLength, r.channels[0].length)))));
    return { name: ds.classNames[label], window, spectrogram: spectrogram(r.channels[ch], ds.sampleRate, nfft), spectrogramChannel: ds.channelNames[ch] };
  });
  return { dataset: ds.id, sampleRate: ds.sampleRate, windowLength: s.windowLength, channelNames: ds.channelNames, unit: ds.unit, classes };
}

function storeImported(task: TimeSeriesTask, ds: TimeSeriesDataset): void {
  if (task === 'regression') throw new CsvError('Regression needs a target per sample; import CSV files under Classification or Anomaly detection.');
  if (task === 'anomaly' && ds.classNames.length < 2) {
    throw new CsvError('Anomaly detection needs normal data and some anomalies to test on: label rows "normal" and anything else.');
  }
  stored.set(task, { ds: { ...ds, recordings: chopRecordings(ds.recordings) }, key: null });
}

export const timeSeriesApi: TimeSeriesApi = {
  async preview(task, s) {
    if (s.dataset === 'csv') {
      const st = stored.get(task);
      if (!st || st.key !== null) return { dataset: 'csv', sampleRate: s.sampleRate, windowLength: s.windowLength, channelNames: [], unit: '', classes: [] };
      // Shown as the model will see it: resampled to the chosen rate (with or without the low-pass).
      const ds = st.ds.sampleRate === s.sampleRate ? st.ds : resampleDataset(st.ds, s.sampleRate, s.antiAlias ?? true);
      return previewOf(ds, s);
    }
    // One short recording per class is enough to see the signal (the battery needs a whole discharge).
    const ds = buildDataset(task, s.dataset, { ...s, recordings: 1, seconds: Math.max(s.seconds, (2 * s.windowLength) / s.sampleRate) });
    return previewOf(ds, s);
  },

  async generate(task, s) {
    return runJob('generating data', async () => summarize(task, datasetFor(task, s, true), s));
  },

  async importCsv(task, files, s) {
    const parsed = files.map((f) => parseSensorCsv(f.text, labelFromFileName(f.name)));
    const ds = csvDataset(parsed, s.sampleRate);
    storeImported(task, ds);
    const kept = stored.get(task)!.ds;
    const info = {
      files: parsed.map((p, i) => ({ name: files[i].name, rows: p.rows, channels: p.channelNames, labels: [...new Set(p.segments.map((g) => g.label))], sampleRate: p.sampleRate, timeColumn: p.timeColumn, labelColumn: p.labelColumn })),
      preview: parsed[0].preview,
    };
    return { info, summary: summarize(task, kept, { ...s, dataset: 'csv', sampleRate: ds.sampleRate }) };
  },

  async importClips(task, clips, s) {
    if (clips.length === 0) throw new Error('No clips recorded yet.');
    const classNames = [...new Set(clips.map((c) => c.label))];
    const ds: TimeSeriesDataset = {
      id: 'csv',
      sampleRate: clips[0].sampleRate,
      channelNames: clips[0].channelNames,
      unit: '',
      classNames,
      recordings: clips.map((c) => ({ channels: c.channels, label: classNames.indexOf(c.label) })),
    };
    storeImported(task, ds);
    return summarize(task, stored.get(task)!.ds, { ...s, dataset: 'csv', sampleRate: ds.sampleRate });
  },

  async train(task, s, onEvent) {
    return runJob(`training (${task})`, async (signal) => {
      const events = throttle<TsEvent>(onEvent);
      events.push({ type: 'phase', text: 'Preparing windows…', fraction: 0 }, true);
      const ds = datasetFor(task, s, false);
      const summary = summarize(task, ds, s);
      const p = prepareFor(task, ds, s);
      if (p.train.count === 0 || p.test.count === 0) throw new Error(summary.notice ?? 'No training or test windows with these settings.');
      const spec = specFor(s.model, p);
      if (!spec) {
        const float = evaluateModel('distance', null, p);
        events.flush();
        return { stopped: false, epochsDone: 0, history: [], spec: null, float, int8: null, summary };
      }
      const { model, result } = await trainModel(s.model, p, {
        epochs: s.epochs,
        batchSize: 32,
        learningRate: 0.003,
        seed: s.seed,
        signal,
        onBatch: (e) => events.push(e),
        onEpoch: (e) => events.push(e, true),
      });
      try {
        events.push({ type: 'phase', text: 'Evaluating and quantizing to int8…', fraction: 1 }, true);
        const float = evaluateModel(s.model, model, p);
        const int8 = quantizeAndEvaluate(s.model, model, p, s.seed);
        events.flush();
        // Kept (not disposed) for "Save to shelf"; the slot disposes the previous run's model.
        putSlot(TRAINED_SLOT[task], model, s.seed);
        return { stopped: result.stopped, epochsDone: result.epochsDone, history: result.history, spec, float, int8, summary, saveSlot: TRAINED_SLOT[task] };
      } catch (e) {
        model.dispose();
        throw e;
      }
    });
  },
};
