/** Short-time Fourier transform magnitude in dB (Hann window), for the per-class spectrogram plots. */
import { powerSpectrum } from './features';

export interface SpectrogramData {
  frames: number;
  bins: number;
  db: Float32Array;
  maxHz: number;
  hopSeconds: number;
}

export function spectrogram(x: Float32Array, sampleRate: number, nfft: number, maxFrames = 120): SpectrogramData {
  const size = Math.max(8, Math.min(nfft, x.length));
  const hop = Math.max(1, Math.floor(size / 2));
  const frames = Math.max(1, Math.min(maxFrames, Math.floor((x.length - size) / hop) + 1));
  let bins = 0;
  let db = new Float32Array(0);
  const seg = new Float32Array(size);
  for (let f = 0; f < frames; f++) {
    let mean = 0;
    for (let i = 0; i < size; i++) mean += x[f * hop + i] ?? 0;
    mean /= size;
    for (let i = 0; i < size; i++) seg[i] = (x[f * hop + i] ?? 0) - mean;
    const p = powerSpectrum(seg);
    if (f === 0) {
      bins = p.length;
      db = new Float32Array(frames * bins);
    }
    for (let k = 0; k < bins; k++) db[f * bins + k] = 10 * Math.log10(p[k] / size + 1e-10);
  }
  return { frames, bins, db, maxHz: sampleRate / 2, hopSeconds: hop / sampleRate };
}
