/**
 * Windowing, resampling, splits and normalisation over the common recording format.
 * Windows never straddle two recordings; splits keep each recording whole on one side, so the
 * overlapping windows of one recording cannot leak between training and test.
 */
import { mulberry32, shuffleInPlace, deriveSeed } from '../random';
import { recordingLength, type Recording, type TimeSeriesDataset, type WindowSet } from './types';

/** Windows of `length` samples every `stride` samples in a recording of n samples. */
export function windowCount(n: number, length: number, stride: number): number {
  if (length < 1 || stride < 1 || n < length) return 0;
  return Math.floor((n - length) / stride) + 1;
}

export function makeWindows(recordings: Recording[], length: number, stride: number, indices?: number[]): WindowSet {
  const which = indices ?? recordings.map((_, i) => i);
  const channels = recordings[0]?.channels.length ?? 0;
  let count = 0;
  for (const r of which) count += windowCount(recordingLength(recordings[r]), length, stride);
  const data = new Float32Array(count * length * channels);
  const labels = new Int32Array(count);
  const targets = new Float32Array(count);
  const recording = new Int32Array(count);
  let w = 0;
  for (const r of which) {
    const rec = recordings[r];
    const k = windowCount(recordingLength(rec), length, stride);
    for (let j = 0; j < k; j++, w++) {
      const start = j * stride;
      const base = w * length * channels;
      for (let c = 0; c < channels; c++) {
        const ch = rec.channels[c];
        for (let t = 0; t < length; t++) data[base + t * channels + c] = ch[start + t];
      }
      labels[w] = rec.label;
      targets[w] = rec.target ? rec.target[start + length - 1] : NaN;
      recording[w] = r;
    }
  }
  return { count, length, channels, data, labels, targets, recording };
}

/**
 * Low-pass FIR (windowed sinc, Hamming window, 4 · ratio + 1 taps) with its cut-off at `cutoff` of the
 * sampling rate (0.5 = Nyquist). About 40 dB down in the stop band: a tone above the new Nyquist no
 * longer folds onto a false low-frequency line. Edges use the nearest sample (no zero padding dips).
 */
export function lowPass(x: Float32Array, cutoff: number, halfTaps: number): Float32Array {
  const taps = new Float64Array(2 * halfTaps + 1);
  let sum = 0;
  for (let k = -halfTaps; k <= halfTaps; k++) {
    const sinc = k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
    const hamming = 0.54 + 0.46 * Math.cos((Math.PI * k) / (halfTaps + 1));
    taps[k + halfTaps] = sinc * hamming;
    sum += taps[k + halfTaps];
  }
  const out = new Float32Array(x.length);
  const last = x.length - 1;
  for (let i = 0; i < x.length; i++) {
    let acc = 0;
    for (let k = -halfTaps; k <= halfTaps; k++) acc += taps[k + halfTaps] * x[Math.min(last, Math.max(0, i + k))];
    out[i] = acc / sum;
  }
  return out;
}

/**
 * Linear-interpolation resampling of one channel. Downsampling without `antiAlias` lets everything
 * above the new Nyquist fold back (what an ADC without its analogue filter does); with it, a
 * low-pass at 0.45 × the new rate runs first.
 */
export function resample(x: Float32Array, fromHz: number, toHz: number, antiAlias = false): Float32Array {
  if (fromHz === toHz) return x;
  const ratio = fromHz / toHz;
  const src = antiAlias && toHz < fromHz ? lowPass(x, 0.45 / ratio, Math.min(256, Math.ceil(4 * ratio) + 4)) : x;
  const n = Math.max(1, Math.floor(((x.length - 1) * toHz) / fromHz) + 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const pos = (i * fromHz) / toHz;
    const i0 = Math.floor(pos);
    const f = pos - i0;
    out[i] = i0 + 1 < src.length ? src[i0] * (1 - f) + src[i0 + 1] * f : src[src.length - 1];
  }
  return out;
}

export function resampleDataset(ds: TimeSeriesDataset, toHz: number, antiAlias = false): TimeSeriesDataset {
  if (toHz === ds.sampleRate) return ds;
  return {
    ...ds,
    sampleRate: toHz,
    recordings: ds.recordings.map((r) => ({
      label: r.label,
      channels: r.channels.map((c) => resample(c, ds.sampleRate, toHz, antiAlias)),
      target: r.target && resample(r.target, ds.sampleRate, toHz),
    })),
  };
}

export interface RecordingSplit {
  train: number[];
  test: number[];
}

/**
 * Per class, a seeded shuffle of its recordings, `testFraction` of them (at least one when the class
 * has two or more) go to test. Anomaly detection passes `trainClasses` = the normal classes: every
 * recording of the other classes goes to test, and the model never sees a fault during training.
 */
export function splitRecordings(recordings: Recording[], testFraction: number, seed: number, trainClasses?: number[]): RecordingSplit {
  const byClass = new Map<number, number[]>();
  recordings.forEach((r, i) => byClass.set(r.label, [...(byClass.get(r.label) ?? []), i]));
  const train: number[] = [];
  const test: number[] = [];
  for (const [label, idx] of [...byClass].sort((a, b) => a[0] - b[0])) {
    if (trainClasses && !trainClasses.includes(label)) {
      test.push(...idx);
      continue;
    }
    shuffleInPlace(idx, mulberry32(deriveSeed(seed, `split/${label}`)));
    const k = idx.length < 2 ? 0 : Math.max(1, Math.round(idx.length * testFraction));
    test.push(...idx.slice(0, k));
    train.push(...idx.slice(k));
  }
  return { train, test };
}

export interface ChannelStats {
  mean: Float32Array;
  std: Float32Array;
}

/** Per-feature mean and std over rows of `dim` interleaved values (std floored to avoid /0). */
export function columnStats(data: Float32Array, dim: number): ChannelStats {
  const n = data.length / dim;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (let i = 0; i < data.length; i++) mean[i % dim] += data[i];
  for (let c = 0; c < dim; c++) mean[c] /= Math.max(1, n);
  for (let i = 0; i < data.length; i++) sq[i % dim] += (data[i] - mean[i % dim]) ** 2;
  const std = new Float32Array(dim);
  for (let c = 0; c < dim; c++) std[c] = Math.max(1e-6, Math.sqrt(sq[c] / Math.max(1, n)));
  return { mean: Float32Array.from(mean), std };
}

export function standardize(data: Float32Array, s: ChannelStats): Float32Array {
  const dim = s.mean.length;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] - s.mean[i % dim]) / s.std[i % dim];
  return out;
}

/**
 * Imported data often has one long recording per class (one file per label), which a split by
 * recording cannot divide. Cuts each recording of a class with fewer than `minPerClass` recordings
 * into that many consecutive pieces, so training and test windows come from different stretches of time.
 */
export function chopRecordings(recordings: Recording[], minPerClass = 4): Recording[] {
  const perClass = new Map<number, number>();
  for (const r of recordings) perClass.set(r.label, (perClass.get(r.label) ?? 0) + 1);
  return recordings.flatMap((r) => {
    const have = perClass.get(r.label)!;
    const n = recordingLength(r);
    const pieces = have >= minPerClass ? 1 : Math.min(Math.ceil(minPerClass / have), Math.floor(n / 2));
    if (pieces <= 1) return [r];
    const len = Math.floor(n / pieces);
    return Array.from({ length: pieces }, (_, k) => ({
      label: r.label,
      channels: r.channels.map((c) => c.slice(k * len, (k + 1) * len)),
      target: r.target?.slice(k * len, (k + 1) * len),
    }));
  });
}
