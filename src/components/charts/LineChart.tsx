/**
 * Line chart for training curves: plain SVG drawn by React, one <path> per series.
 * Series may have gaps (e.g. test accuracy exists only at epoch ends); gaps are bridged.
 * Text and strokes are sized for a projector (useChartFont: ≥ 18 px in presenter mode).
 *
 * Not recharts (issue 18): recharts 3 keeps every axis, series and line in a Redux store that it
 * rebuilds through dozens of selectors on each data change, so one live-curve redraw profiled at
 * 20–170 ms of main-thread time here (4× more on a loaded machine), and a chart re-rendered by an
 * unrelated prop change cost as much. This chart is ~20 elements whatever the number of points;
 * a redraw is its path strings. The <svg> is an image named by its title and its last values; the
 * page's outputs carry the exact numbers.
 */
import { memo, useMemo } from 'react';
import { useChartFont } from '../presenter/chart-font';
import { useWidth } from './use-width';
import { niceTicks } from './ticks';

export interface Series {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  /** Show a dot at each point (for sparse series such as per-epoch test metrics). */
  dots?: boolean;
}

export interface LineChartProps {
  title: string;
  data: Record<string, number | null | undefined>[];
  xKey: string;
  xLabel: string;
  series: Series[];
  yDomain?: [number | 'auto', number | 'auto'];
  yFormat?: (v: number) => string;
  xDomain?: [number | 'auto', number | 'auto'];
  /** Explicit x ticks (e.g. whole epochs); picked evenly when omitted. */
  xTicks?: number[];
  height?: number;
}

const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };
const GRID = '#d0d4da';
const xTickFormat = (v: number) => String(Math.round(v * 100) / 100);
const defaultYFormat = (v: number) => String(Math.round(v * 1000) / 1000);

type Point = [number, number];

/** The finite [x, y] points of one series, in data order. */
function pointsOf(data: LineChartProps['data'], xKey: string, key: string): Point[] {
  const out: Point[] = [];
  for (const d of data) {
    const x = d[xKey];
    const y = d[key];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
  }
  return out;
}

/** [lo, hi] from the fixed ends of `domain` and the data's extent for the 'auto' ones. */
function resolveDomain(domain: [number | 'auto', number | 'auto'] | undefined, values: number[], nice: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const d0 = domain?.[0];
  const d1 = domain?.[1];
  let a = typeof d0 === 'number' ? d0 : lo;
  let b = typeof d1 === 'number' ? d1 : hi;
  if (a === b) [a, b] = [a - 1, b + 1];
  if (nice) {
    // Round the automatic ends out to the tick step, as an axis would.
    const ticks = niceTicks(a, b, 5);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    if (d0 === undefined || d0 === 'auto') a = Math.floor(a / step + 1e-9) * step;
    if (d1 === undefined || d1 === 'auto') b = Math.ceil(b / step - 1e-9) * step;
  }
  return [a, b];
}

function pathOf(points: Point[], px: (x: number) => number, py: (y: number) => number): string {
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i ? 'L' : 'M'}${px(points[i][0]).toFixed(1)},${py(points[i][1]).toFixed(1)}`;
  return d;
}

function summary(title: string, series: Series[], points: Point[][], yFormat: (v: number) => string): string {
  const last = series.map((s, i) => {
    const p = points[i][points[i].length - 1];
    return p ? `${s.name} ${yFormat(p[1])}` : null;
  }).filter(Boolean);
  return last.length ? `${title}; last values: ${last.join(', ')}` : `${title}; no data yet`;
}

export const LineChart = memo(function LineChart({ title, data, xKey, xLabel, series, yDomain, yFormat, xDomain, xTicks, height = 210 }: LineChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const { fontSize, scale } = useChartFont(14);
  const fmtY = yFormat ?? defaultYFormat;
  const axisWidth = Math.round(60 * scale);

  const drawing = useMemo(() => {
    const points = series.map((s) => pointsOf(data, xKey, s.key));
    const xs = data.map((d) => d[xKey]).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    const [x0, x1] = resolveDomain(xDomain, xs, false);
    const [y0, y1] = resolveDomain(yDomain, points.flat().map((p) => p[1]), true);
    const left = MARGIN.left + axisWidth;
    const plotW = Math.max(1, width - left - MARGIN.right);
    const bottomRoom = MARGIN.bottom + Math.round(fontSize * 1.6);
    const plotH = Math.max(1, height - MARGIN.top - bottomRoom);
    const px = (x: number) => left + ((x - x0) / (x1 - x0)) * plotW;
    const py = (y: number) => MARGIN.top + plotH - ((y - y0) / (y1 - y0)) * plotH;
    const xt = (xTicks ?? niceTicks(x0, x1, 6)).filter((t) => t >= x0 - 1e-9 && t <= x1 + 1e-9);
    const yt = niceTicks(y0, y1, 5);
    return { points, px, py, xt, yt, left, plotW, plotH, paths: points.map((p) => pathOf(p, px, py)) };
  }, [data, xKey, series, xDomain, yDomain, xTicks, width, height, axisWidth, fontSize]);

  const { points, px, py, xt, yt, left, plotW, plotH, paths } = drawing;
  const bottom = MARGIN.top + plotH;
  return (
    <figure className="chart">
      <figcaption>
        <span>{title}</span>
        <span className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.key} className="chart-legend-item">
              <svg width="26" height="10" aria-hidden="true">
                <line x1="1" y1="5" x2="25" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dashed ? '6 4' : undefined} />
              </svg>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <div ref={ref} style={{ height }}>
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-label={summary(title, series, points, fmtY)} className="line-chart">
            <g stroke={GRID} strokeDasharray="3 3">
              {yt.map((t) => <line key={`y${t}`} x1={left} x2={left + plotW} y1={py(t)} y2={py(t)} />)}
              {xt.map((t) => <line key={`x${t}`} x1={px(t)} x2={px(t)} y1={MARGIN.top} y2={bottom} />)}
            </g>
            <g fontSize={fontSize} fill="#4a5260" aria-hidden="true">
              {yt.map((t) => <text key={`y${t}`} x={left - 6} y={py(t)} textAnchor="end" dominantBaseline="middle">{fmtY(t)}</text>)}
              {xt.map((t) => <text key={`x${t}`} x={px(t)} y={bottom + 4} textAnchor="middle" dominantBaseline="hanging">{xTickFormat(t)}</text>)}
              <text x={left + plotW / 2} y={height - 4} textAnchor="middle">{xLabel}</text>
            </g>
            <line x1={left} x2={left + plotW} y1={bottom} y2={bottom} stroke="#666" />
            <line x1={left} x2={left} y1={MARGIN.top} y2={bottom} stroke="#666" />
            {series.map((s, i) => (
              <g key={s.key} stroke={s.color} fill={s.color}>
                <path d={paths[i]} fill="none" strokeWidth={2.5} strokeDasharray={s.dashed ? '6 4' : undefined} />
                {s.dots && points[i].map(([x, y], j) => <circle key={j} cx={px(x)} cy={py(y)} r={4} stroke="none" />)}
              </g>
            ))}
          </svg>
        )}
      </div>
    </figure>
  );
});
