/**
 * DSP features of a window, per channel (what TSS calls data intelligence and what an MCU computes
 * with CMSIS-DSP before a small MLP): mean, RMS, peak, crest factor and kurtosis of the mean-removed
 * signal, spectral centroid, and energies of `bands` log-spaced FFT bands (log10, from a Hann-windowed,
 * zero-padded real FFT via fft.js). Plus Fisher's ratio to rank how well each feature separates classes.
 */
import FFT from 'fft.js';
import type { WindowSet } from './types';

export const SCALAR_FEATURES = ['mean', 'rms', 'peak', 'crest', 'kurtosis', 'centroid'] as const;

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

const ffts = new Map<number, FFT>();
function fftOf(size: number): FFT {
  let f = ffts.get(size);
  if (!f) ffts.set(size, (f = new FFT(size)));
  return f;
}

/** One-sided power spectrum |X_k|² for k = 0..N/2 of x (Hann window, zero-padded to a power of two). */
export function powerSpectrum(x: ArrayLike<number>, hann = true): Float64Array {
  const size = Math.max(2, nextPow2(x.length));
  const f = fftOf(size);
  const input = new Array<number>(size).fill(0);
  const n = x.length;
  for (let i = 0; i < n; i++) input[i] = x[i] * (hann && n > 1 ? 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)) : 1);
  const out = f.createComplexArray() as number[];
  f.realTransform(out, input);
  const half = size / 2;
  const p = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) p[k] = out[2 * k] ** 2 + out[2 * k + 1] ** 2;
  return p;
}

/** Frequency (Hz) of FFT bin k for a spectrum of `bins` = N/2 + 1 values. */
export function binHz(k: number, bins: number, sampleRate: number): number {
  return (k * sampleRate) / (2 * (bins - 1));
}

/** Envelope spectrum: power spectrum of the squared, mean-removed signal (bearing diagnosis). */
export function envelopeSpectrum(x: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  const e = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) e[i] = (x[i] - m) ** 2;
  let me = 0;
  for (let i = 0; i < e.length; i++) me += e[i];
  me /= e.length;
  for (let i = 0; i < e.length; i++) e[i] -= me;
  return powerSpectrum(e);
}

export interface ScalarFeatures {
  mean: number;
  rms: number;
  peak: number;
  crest: number;
  kurtosis: number;
}

/** Time-domain features of the mean-removed signal; kurtosis is the (non-excess) fourth standardised moment. */
export function timeFeatures(x: ArrayLike<number>): ScalarFeatures {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    m2 += d * d;
    m4 += d ** 4;
    peak = Math.max(peak, Math.abs(d));
  }
  m2 /= n;
  m4 /= n;
  const rms = Math.sqrt(m2);
  return { mean, rms, peak, crest: rms > 0 ? peak / rms : 0, kurtosis: m2 > 0 ? m4 / (m2 * m2) : 0 };
}

/** Σ f_k P_k / Σ P_k over the one-sided spectrum, DC excluded. */
export function spectralCentroid(p: Float64Array, sampleRate: number): number {
  let num = 0;
  let den = 0;
  for (let k = 1; k < p.length; k++) {
    num += binHz(k, p.length, sampleRate) * p[k];
    den += p[k];
  }
  return den > 0 ? num / den : 0;
}

/**
 * Band edges (FFT bin indices) of `bands` log-spaced bands from bin 1 to the last bin: constant
 * relative width, like a mel or third-octave filterbank, so the low shaft harmonics (1×, 2×) get
 * their own bands while the high resonance region is covered by a few wide ones.
 */
export function bandEdges(bins: number, bands: number): number[] {
  const edges = [1];
  for (let b = 1; b <= bands; b++) edges.push(Math.max(edges[b - 1] + 1, Math.round(bins ** (b / bands))));
  edges[bands] = Math.max(edges[bands], bins + 1);
  return edges;
}

/** Energy per log-spaced band (DC excluded); the last band ends at Nyquist. */
export function bandEnergies(p: Float64Array, bands: number): Float64Array {
  const out = new Float64Array(bands);
  const edges = bandEdges(p.length - 1, bands);
  for (let b = 0; b < bands; b++) for (let k = edges[b]; k < Math.min(edges[b + 1], p.length); k++) out[b] += p[k];
  return out;
}

export function featureNames(channelNames: string[], bands: number): string[] {
  const names: string[] = [];
  for (const ch of channelNames) {
    for (const f of SCALAR_FEATURES) names.push(`${ch} ${f}`);
    for (let b = 0; b < bands; b++) names.push(`${ch} band ${b + 1}`);
  }
  return names;
}

export function featuresPerChannel(bands: number): number {
  return SCALAR_FEATURES.length + bands;
}

/** Feature matrix [count × channels·(6 + bands)] of a window set. */
export function extractFeatures(w: WindowSet, sampleRate: number, bands: number): Float32Array {
  const per = featuresPerChannel(bands);
  const dim = w.channels * per;
  const out = new Float32Array(w.count * dim);
  const x = new Float32Array(w.length);
  for (let i = 0; i < w.count; i++) {
    for (let c = 0; c < w.channels; c++) {
      const base = i * w.length * w.channels;
      for (let t = 0; t < w.length; t++) x[t] = w.data[base + t * w.channels + c];
      const tf = timeFeatures(x);
      let m = 0;
      for (let t = 0; t < x.length; t++) m += x[t];
      m /= x.length;
      for (let t = 0; t < x.length; t++) x[t] -= m;
      const p = powerSpectrum(x);
      const be = bandEnergies(p, bands);
      const o = i * dim + c * per;
      out[o] = tf.mean;
      out[o + 1] = tf.rms;
      out[o + 2] = tf.peak;
      out[o + 3] = tf.crest;
      out[o + 4] = tf.kurtosis;
      out[o + 5] = spectralCentroid(p, sampleRate);
      for (let b = 0; b < bands; b++) out[o + 6 + b] = Math.log10(1e-6 + be[b] / w.length);
    }
  }
  return out;
}

/** Operations of the feature stage per window (for the device panel): FFT ≈ 5 N log2 N per channel plus O(N) statistics. */
export function featureStageCost(length: number, channels: number, bands: number): { macs: number; bytes: number } {
  const n = nextPow2(length);
  const perChannel = 5 * n * Math.log2(n) + 8 * length + n / 2 + bands;
  // RAM: the float FFT buffer (2N), the window copy (N) and the feature vector.
  return { macs: Math.round(perChannel * channels), bytes: 4 * (3 * n + channels * featuresPerChannel(bands)) };
}

/**
 * Fisher's ratio per feature: Σ_c n_c (μ_c − μ)² / Σ_c Σ_{i∈c} (x_i − μ_c)² — between-class over
 * within-class scatter (Fisher 1936); larger separates better.
 */
export function fisherRatios(features: Float32Array, dim: number, labels: Int32Array): Float64Array {
  const n = labels.length;
  const classes = Math.max(0, ...labels) + 1;
  const sums = new Float64Array(classes * dim);
  const counts = new Float64Array(classes);
  const total = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    counts[labels[i]]++;
    for (let d = 0; d < dim; d++) {
      sums[labels[i] * dim + d] += features[i * dim + d];
      total[d] += features[i * dim + d];
    }
  }
  const between = new Float64Array(dim);
  const within = new Float64Array(dim);
  for (let d = 0; d < dim; d++) {
    const mu = total[d] / n;
    for (let c = 0; c < classes; c++) if (counts[c]) between[d] += counts[c] * (sums[c * dim + d] / counts[c] - mu) ** 2;
  }
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    for (let d = 0; d < dim; d++) within[d] += (features[i * dim + d] - sums[c * dim + d] / counts[c]) ** 2;
  }
  return between.map((b, d) => (within[d] > 0 ? b / within[d] : b > 0 ? Infinity : 0));
}
