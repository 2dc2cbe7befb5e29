/**
 * Data intelligence, first look: one window of each class as the model sees it and the spectrogram
 * of one recording per class, redrawn live when the sampling rate or window changes, with the numbers
 * that follow from them (Nyquist, resolution, duration). Both are canvases: seven recharts line
 * charts cost 30–60 ms of main-thread time each on this machine.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { ClassPreview, SignalPreview, Spectrogram } from '../../worker/protocol/time-series';
import { useWidth } from '../../components/charts/use-width';
import { Output } from '../../components/Output';
import { classColor, fixed } from './palette';
import { useStaged } from './stage';
import { CanvasScatter, type ScatterSeries } from './CanvasScatter';
import { useChartFont } from '../../components/presenter/chart-font';

const CHANNEL_COLORS = ['#0072b2', '#d55e00', '#009e73'];
const MAX_POINTS = 128;
const CARD_HEIGHT = 110;
const CARD_FONT = 11;

/** Viridis-like ramp from dark blue to yellow (readable on a projector). */
function ramp(t: number): [number, number, number] {
  const stops: [number, number, number][] = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const x = Math.min(0.999, Math.max(0, t)) * (stops.length - 1);
  const i = Math.floor(x);
  const f = x - i;
  return [0, 1, 2].map((k) => Math.round(stops[i][k] * (1 - f) + stops[i + 1][k] * f)) as [number, number, number];
}

function SpectrogramCanvas({ sg, label }: { sg: Spectrogram; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || sg.frames === 0) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of sg.db) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    lo = Math.max(lo, hi - 60); // 60 dB of dynamic range
    const img = ctx.createImageData(sg.frames, sg.bins);
    for (let f = 0; f < sg.frames; f++) {
      for (let k = 0; k < sg.bins; k++) {
        const [r, g, b] = ramp((sg.db[f * sg.bins + k] - lo) / Math.max(1e-6, hi - lo));
        const o = ((sg.bins - 1 - k) * sg.frames + f) * 4; // low frequencies at the bottom
        img.data[o] = r;
        img.data[o + 1] = g;
        img.data[o + 2] = b;
        img.data[o + 3] = 255;
      }
    }
    c.width = sg.frames;
    c.height = sg.bins;
    ctx.putImageData(img, 0, 0);
  }, [sg]);
  return <canvas ref={ref} className="ts-spectrogram" role="img" aria-label={label} />;
}

/** Each channel of the window as a line, at most MAX_POINTS points, x in seconds. */
function lines(w: Float32Array[], rate: number): ScatterSeries[] {
  const n = w[0]?.length ?? 0;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  return w.map((ch, k) => {
    const points: { x: number; y: number }[] = [];
    for (let t = 0; t < n; t += step) points.push({ x: t / rate, y: ch[t] });
    return { color: CHANNEL_COLORS[k % 3], connect: true, radius: 0, lineWidth: 1.3, points };
  });
}

function range(w: Float32Array[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const ch of w) for (const v of ch) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

const ClassCard = memo(function ClassCard({ c, index, channels, unit, rate, width }: { c: ClassPreview; index: number; channels: string[]; unit: string; rate: number; width: number }) {
  // Seven cards redraw when the settings change: one per task (stage.ts), not all in one.
  const drawn = useStaged(c, null, 'signal-card');
  const series = useMemo(() => (drawn ? lines(drawn.window, rate) : []), [drawn, rate]);
  const xDomain = useMemo((): [number, number] => [0, Math.max(1, (drawn?.window[0]?.length ?? 1) - 1) / rate], [drawn, rate]);
  // Presenter mode's larger text needs a taller plot to leave room for the lines.
  const { scale } = useChartFont(CARD_FONT);
  const height = Math.round(CARD_HEIGHT * Math.max(1, scale * 0.8));
  const summary = useMemo(() => {
    if (!drawn) return '';
    const [lo, hi] = range(drawn.window);
    const seconds = (drawn.window[0]?.length ?? 0) / rate;
    return `One window of ${c.name}: ${channels.join(', ')} over ${fixed(seconds, 3)} s, from ${fixed(lo, 2)} to ${fixed(hi, 2)}${unit ? ` ${unit}` : ''}`;
  }, [drawn, rate, channels, unit, c.name]);
  return (
    <figure className="ts-class" style={{ width: width + 14 }}>
      <figcaption style={{ borderColor: classColor(index) }}>{c.name}</figcaption>
      {drawn ? (
        <CanvasScatter width={width} height={height} series={series} xDomain={xDomain} xSuffix="s" fontSize={CARD_FONT} summary={summary} />
      ) : (
        <div style={{ width, height }} aria-hidden="true" />
      )}
      <SpectrogramCanvas sg={c.spectrogram} label={`Spectrogram of ${c.name} (${c.spectrogramChannel}), 0 to ${fixed(c.spectrogram.maxHz, 0)} Hz`} />
      <small className="ts-axis-note">spectrogram, {c.spectrogramChannel}: 0 – {fixed(c.spectrogram.maxHz, 0)} Hz ↑, time →</small>
    </figure>
  );
});

export const SignalView = memo(function SignalView({ preview, error }: { preview: SignalPreview | null; error: string | null }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rate = preview?.sampleRate ?? 1;
  const n = preview?.windowLength ?? 0;
  // Presenter mode's larger text needs wider cards: fewer per row.
  const { scale } = useChartFont(CARD_FONT);
  const cols = Math.max(1, Math.min(4, Math.floor(width / (230 * Math.max(1, scale * 0.8)))));
  const cardWidth = Math.max(140, Math.floor(width / cols) - 26);
  return (
    <section className="ts-signals" aria-labelledby="ts-signals-h">
      <h2 id="ts-signals-h">Signals per class</h2>
      {preview && (
        <div className="ts-numbers">
          <Output label="Nyquist frequency" size="small">{fixed(rate / 2, 1)} Hz</Output>
          <Output label="Frequency resolution" size="small">{fixed(rate / n, 2)} Hz</Output>
          <Output label="Window duration" size="small">{fixed(n / rate, 3)} s</Output>
          <p className="ts-legend">
            {preview.channelNames.map((c, k) => (
              <span key={c}>
                <span aria-hidden="true" style={{ color: CHANNEL_COLORS[k % 3] }}>■</span> {c}
                {preview.unit ? ` (${preview.unit})` : ''}{' '}
              </span>
            ))}
          </p>
        </div>
      )}
      {error && <p className="notice notice-error">{error}</p>}
      <div ref={ref} className="ts-class-grid">
        {preview?.classes.length === 0 && <p className="placeholder">Load a CSV file or record clips to see their signals.</p>}
        {width > 0 && preview?.classes.map((c, i) => <ClassCard key={c.name} c={c} index={i} channels={preview.channelNames} unit={preview.unit} rate={rate} width={cardWidth} />)}
      </div>
    </section>
  );
});
