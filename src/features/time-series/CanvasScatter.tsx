/**
 * A scatter (or line) plot on one canvas: hundreds of dots cost one draw call each instead of one SVG element
 * (and React component) each, which in recharts made a single scatter a main-thread task of 100–400 ms.
 * Axes are drawn with their tick values, text at the presenter-aware chart size. With `summary` the
 * canvas is an image with that text as its name (the accessible alternative); without, the figure
 * around it carries the name and the canvas is hidden from assistive technology.
 */
import { memo, useEffect, useRef } from 'react';
import { useChartFont } from '../../components/presenter/chart-font';
import { drawAxes, extentOf, prepareCanvas, type Domain } from './canvas-chart';

export interface ScatterSeries {
  color: string;
  points: { x: number; y: number }[];
  /** Join the points in order (a line chart, e.g. loss per epoch) as well as dotting them. */
  connect?: boolean;
  /** Dot radius for this series (0: line only); the chart's `radius` otherwise. */
  radius?: number;
  lineWidth?: number;
}

interface Props {
  width: number;
  height: number;
  series: ScatterSeries[];
  xLabel?: string;
  yLabel?: string;
  xDomain?: Domain;
  yDomain?: Domain;
  /** Tick labels; by default as many decimals as the tick step needs (and `xSuffix`, e.g. "s"). */
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  xSuffix?: string;
  /** A dashed line from (x0, y0) to (x1, y1), e.g. the diagonal of predicted vs true. */
  line?: [number, number, number, number];
  lineColor?: string;
  radius?: number;
  /** Text alternative: makes the canvas role="img" with this name. */
  summary?: string;
  /** Base text size in px (presenter mode raises it to ≥ 18 px). */
  fontSize?: number;
}

/** About as many ticks as fit with `room` px per label (presenter text gets fewer), 3 to 6. */
const tickCount = (length: number, room: number) => Math.max(3, Math.min(6, Math.floor(length / room)));

export const CanvasScatter = memo(function CanvasScatter({ width, height, series, xLabel, yLabel, xDomain, yDomain, xFormat, yFormat, xSuffix, line, lineColor = '#c2410c', radius = 2.5, summary, fontSize: base = 12 }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { fontSize } = useChartFont(base);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareCanvas(c, width, height);
    if (!ctx) return;
    const x = xDomain ?? extentOf(series.flatMap((s) => s.points.map((p) => p.x)));
    const y = yDomain ?? extentOf(series.flatMap((s) => s.points.map((p) => p.y)));
    const { frame, px, py } = drawAxes(ctx, width, height, fontSize, { x, y, xFormat, yFormat, xSuffix, xTitle: xLabel, yTitle: yLabel, xTicks: tickCount(width, fontSize * 5), yTicks: tickCount(height, fontSize * 2.5) });
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.left - 4, frame.top - 4, frame.width + 8, frame.height + 8);
    ctx.clip();
    for (const s of series) {
      if (s.connect && s.points.length > 1) {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = s.lineWidth ?? 2;
        ctx.lineJoin = 'round';
        ctx.beginPath();
        s.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
        ctx.stroke();
      }
      const r = s.radius ?? radius;
      if (r <= 0) continue;
      ctx.fillStyle = s.color;
      for (const p of s.points) {
        ctx.beginPath();
        ctx.arc(px(p.x), py(p.y), r, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    if (line) {
      ctx.strokeStyle = lineColor;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(px(line[0]), py(line[1]));
      ctx.lineTo(px(line[2]), py(line[3]));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.restore();
  }, [width, height, series, xLabel, yLabel, xDomain, yDomain, xFormat, yFormat, xSuffix, line, lineColor, radius, fontSize]);
  return summary ? (
    <canvas ref={ref} style={{ width, height, display: 'block' }} role="img" aria-label={summary} />
  ) : (
    <canvas ref={ref} style={{ width, height, display: 'block' }} aria-hidden="true" />
  );
});
