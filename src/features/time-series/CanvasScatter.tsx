/**
 * A scatter (or dotted line) plot on one canvas: hundreds of dots cost one draw call each instead of one SVG element
 * (and React component) each, which in recharts made a single scatter a main-thread task of 100–400 ms.
 * Axes are drawn with their tick values; the figure around it carries the accessible name.
 */
import { memo, useEffect, useRef } from 'react';

export interface ScatterSeries {
  color: string;
  points: { x: number; y: number }[];
  /** Join the points in order (a line chart, e.g. loss per epoch) as well as dotting them. */
  connect?: boolean;
}

interface Props {
  width: number;
  height: number;
  series: ScatterSeries[];
  xLabel: string;
  yLabel?: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** A dashed line from (x0, y0) to (x1, y1), e.g. the diagonal of predicted vs true. */
  line?: [number, number, number, number];
  radius?: number;
}

const PAD = { left: 40, right: 8, top: 6, bottom: 34 };

function extent(series: ScatterSeries[], key: 'x' | 'y'): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const p of s.points) {
    if (p[key] < lo) lo = p[key];
    if (p[key] > hi) hi = p[key];
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

function ticks([lo, hi]: [number, number], n = 5): number[] {
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => lo + i * step);
}

export const CanvasScatter = memo(function CanvasScatter({ width, height, series, xLabel, yLabel, xDomain, yDomain, line, radius = 2.5 }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const xd = xDomain ?? extent(series, 'x');
    const yd = yDomain ?? extent(series, 'y');
    const w = width - PAD.left - PAD.right;
    const h = height - PAD.top - PAD.bottom;
    const px = (x: number) => PAD.left + ((x - xd[0]) / (xd[1] - xd[0] || 1)) * w;
    const py = (y: number) => PAD.top + h - ((y - yd[0]) / (yd[1] - yd[0] || 1)) * h;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#333';
    ctx.strokeStyle = '#e3e6ea';
    ctx.lineWidth = 1;
    ctx.textAlign = 'center';
    for (const t of ticks(xd)) {
      ctx.beginPath();
      ctx.moveTo(px(t), PAD.top);
      ctx.lineTo(px(t), PAD.top + h);
      ctx.stroke();
      ctx.fillText(t.toFixed(1), px(t), PAD.top + h + 14);
    }
    ctx.textAlign = 'right';
    for (const t of ticks(yd)) {
      ctx.beginPath();
      ctx.moveTo(PAD.left, py(t));
      ctx.lineTo(PAD.left + w, py(t));
      ctx.stroke();
      ctx.fillText(t.toFixed(1), PAD.left - 4, py(t) + 4);
    }
    ctx.textAlign = 'center';
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillText(xLabel, PAD.left + w / 2, height - 4);
    if (yLabel) {
      ctx.save();
      ctx.translate(11, PAD.top + h / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(yLabel, 0, 0);
      ctx.restore();
    }
    for (const s of series) {
      if (s.connect && s.points.length > 1) {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        s.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
        ctx.stroke();
        ctx.lineWidth = 1;
      }
      ctx.fillStyle = s.color;
      for (const p of s.points) {
        ctx.beginPath();
        ctx.arc(px(p.x), py(p.y), radius, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    if (line) {
      ctx.strokeStyle = '#c2410c';
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(px(line[0]), py(line[1]));
      ctx.lineTo(px(line[2]), py(line[3]));
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }, [width, height, series, xLabel, yLabel, xDomain, yDomain, line, radius]);
  return <canvas ref={ref} style={{ width, height, display: 'block' }} aria-hidden="true" />;
});
