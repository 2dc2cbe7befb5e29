/**
 * What the page's canvas charts share: a crisp (device-pixel) 2-D context, the plot frame, linear
 * scales and axes with ticks. A canvas redraw of a few hundred marks takes a few milliseconds of
 * main-thread time, where recharts (SVG, one React component per mark, text measured in the DOM)
 * took 50–270 ms per chart here (profiles in scripts/time-series-profile.mjs). Text is sized by the
 * caller from useChartFont, so presenter mode gets the same ≥ 18 px chart text as its SVG rule.
 * Nothing here is specific to this lab: it could move to src/components/charts if others need it.
 */

export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Domain = [number, number];

/** Sizes the canvas for the screen's pixel ratio and returns a cleared context in CSS pixels. */
export function prepareCanvas(c: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  c.width = Math.round(width * dpr);
  c.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** The plot area inside a width × height chart, with room for tick labels and axis titles at this font size. */
export function plotFrame(width: number, height: number, fontSize: number, opts: { yLabel: boolean; xTitle: boolean; yTickChars: number; lastXTickChars: number }): Frame {
  const charWidth = fontSize * 0.6;
  const left = Math.round(charWidth * opts.yTickChars + 8 + (opts.yLabel ? fontSize + 4 : 0));
  const bottom = Math.round(fontSize + 8 + (opts.xTitle ? fontSize + 4 : 0));
  const top = Math.round(fontSize / 2);
  // Half of the last x tick label hangs past the plot's right edge.
  const right = Math.round(Math.max(fontSize * 0.6, (charWidth * opts.lastXTickChars) / 2 + 2));
  return { left, top, width: Math.max(10, width - left - right), height: Math.max(10, height - top - bottom) };
}

export function scale([lo, hi]: Domain, from: number, length: number, flip = false): (v: number) => number {
  const span = hi - lo || 1;
  return flip ? (v) => from + length - ((v - lo) / span) * length : (v) => from + ((v - lo) / span) * length;
}

/** The smallest and largest value, padded by 5 % (a flat series gets ±0.5). */
export function extentOf(values: Iterable<number>): Domain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

/** Tick values at a "nice" step (1, 2 or 5 × 10^k) inside the domain, about n of them, and that step. */
export function niceTicks([lo, hi]: Domain, n = 5): { values: number[]; step: number } {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return { values: [lo], step: 1 };
  const raw = span / Math.max(1, n - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  // d3's rule: the nice multiple nearest to the raw step (geometric midpoints √2, √10, √50).
  const e = raw / mag;
  const step = (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.SQRT2 ? 2 : 1) * mag;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { values, step };
}

/** Formats ticks with as many decimals as their step needs (step 0.25 → "0.25", step 2 → "4"). */
export function tickFormat(step: number, suffix = ''): (v: number) => string {
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  const exact = Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6;
  return (v) => `${v.toFixed(decimals + (exact ? 1 : 0))}${suffix}`;
}

export const FONT = 'system-ui, sans-serif';
const TEXT = '#333';
const GRID = '#e3e6ea';

export interface AxisSpec {
  x: Domain;
  y: Domain;
  /** Tick label text; default: the decimals the tick step needs, then `xSuffix`. */
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  xSuffix?: string;
  xTitle?: string;
  yTitle?: string;
  xTicks?: number;
  yTicks?: number;
}

/** The ticks and their labels of both axes (what plotFrame needs to leave room for). */
export function axisTicks(a: AxisSpec): { x: { v: number; text: string }[]; y: { v: number; text: string }[] } {
  const xt = niceTicks(a.x, a.xTicks);
  const yt = niceTicks(a.y, a.yTicks);
  const xf = a.xFormat ?? tickFormat(xt.step, a.xSuffix);
  const yf = a.yFormat ?? tickFormat(yt.step);
  return { x: xt.values.map((v) => ({ v, text: xf(v) })), y: yt.values.map((v) => ({ v, text: yf(v) })) };
}

/** Room for the axes of `a` in a width × height chart: the plot frame and the ticks to draw. */
export function layoutAxes(width: number, height: number, fontSize: number, a: AxisSpec): { frame: Frame; ticks: ReturnType<typeof axisTicks> } {
  const t = axisTicks(a);
  const yTickChars = Math.max(1, ...t.y.map((y) => y.text.length));
  const lastXTickChars = t.x[t.x.length - 1]?.text.length ?? 1;
  return { frame: plotFrame(width, height, fontSize, { yLabel: !!a.yTitle, xTitle: !!a.xTitle, yTickChars, lastXTickChars }), ticks: t };
}

/** Grid lines, tick labels and axis titles; returns the two scales for the marks. */
export function drawAxes(ctx: CanvasRenderingContext2D, width: number, height: number, fontSize: number, a: AxisSpec): { frame: Frame; px: (v: number) => number; py: (v: number) => number } {
  const { frame: f, ticks: t } = layoutAxes(width, height, fontSize, a);
  const px = scale(a.x, f.left, f.width);
  const py = scale(a.y, f.top, f.height, true);
  ctx.font = `${fontSize}px ${FONT}`;
  ctx.fillStyle = TEXT;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.strokeRect(f.left, f.top, f.width, f.height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const { v, text } of t.x) {
    ctx.beginPath();
    ctx.moveTo(px(v), f.top);
    ctx.lineTo(px(v), f.top + f.height);
    ctx.stroke();
    ctx.fillText(text, px(v), f.top + f.height + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const { v, text } of t.y) {
    ctx.beginPath();
    ctx.moveTo(f.left, py(v));
    ctx.lineTo(f.left + f.width, py(v));
    ctx.stroke();
    ctx.fillText(text, f.left - 4, py(v));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  if (a.xTitle) ctx.fillText(a.xTitle, f.left + f.width / 2, height - 2);
  if (a.yTitle) {
    ctx.save();
    ctx.translate(2, f.top + f.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'top';
    ctx.fillText(a.yTitle, 0, 0);
    ctx.restore();
  }
  ctx.textBaseline = 'alphabetic';
  return { frame: f, px, py };
}
