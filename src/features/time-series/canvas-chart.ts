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
export function plotFrame(width: number, height: number, fontSize: number, opts: { yLabel: boolean; xTitle: boolean; yTickChars?: number }): Frame {
  const left = Math.round(fontSize * 0.62 * (opts.yTickChars ?? 4) + 8 + (opts.yLabel ? fontSize + 4 : 0));
  const bottom = Math.round(fontSize + 8 + (opts.xTitle ? fontSize + 4 : 0));
  const top = Math.round(fontSize / 2);
  const right = Math.round(fontSize * 1.2);
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

export function ticks([lo, hi]: Domain, n = 5): number[] {
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => lo + i * step);
}

export const FONT = 'system-ui, sans-serif';
const TEXT = '#333';
const GRID = '#e3e6ea';

export interface AxisSpec {
  x: Domain;
  y: Domain;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  xTitle?: string;
  yTitle?: string;
  xTicks?: number;
  yTicks?: number;
}

/** Grid lines, tick labels and axis titles; returns the two scales for the marks. */
export function drawAxes(ctx: CanvasRenderingContext2D, f: Frame, fontSize: number, a: AxisSpec, totalHeight: number): { px: (v: number) => number; py: (v: number) => number } {
  const px = scale(a.x, f.left, f.width);
  const py = scale(a.y, f.top, f.height, true);
  ctx.font = `${fontSize}px ${FONT}`;
  ctx.fillStyle = TEXT;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(a.x, a.xTicks)) {
    ctx.beginPath();
    ctx.moveTo(px(t), f.top);
    ctx.lineTo(px(t), f.top + f.height);
    ctx.stroke();
    ctx.fillText(a.xFormat(t), px(t), f.top + f.height + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks(a.y, a.yTicks)) {
    ctx.beginPath();
    ctx.moveTo(f.left, py(t));
    ctx.lineTo(f.left + f.width, py(t));
    ctx.stroke();
    ctx.fillText(a.yFormat(t), f.left - 4, py(t));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  if (a.xTitle) ctx.fillText(a.xTitle, f.left + f.width / 2, totalHeight - 2);
  if (a.yTitle) {
    ctx.save();
    ctx.translate(2, f.top + f.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'top';
    ctx.fillText(a.yTitle, 0, 0);
    ctx.restore();
  }
  ctx.textBaseline = 'alphabetic';
  return { px, py };
}
