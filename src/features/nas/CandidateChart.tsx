/**
 * Accuracy vs cost of every candidate: one colour and shape per run, rejected candidates greyed on
 * the bottom edge (they were never trained), the Pareto front as a green line, the budget as a
 * dashed vertical line. Clicking a point selects it; hovering names it.
 *
 * Drawn on a canvas, not as recharts SVG (issue 18): with a point arriving every second or so, the
 * SVG chart re-rendered and re-laid-out every symbol, a 50–70 ms main-thread task per candidate on a
 * 40-candidate search; a canvas redraw of the same picture takes well under a millisecond. The
 * canvas is an image (role="img") whose name summarises the plot; the candidate table below it is
 * the full accessible alternative (every point as a row, selectable by keyboard), so the canvas is
 * not a tab stop. `data-points` counts what is drawn (tests read it).
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useWidth } from '../../components/charts/use-width';
import type { NasRun } from '../../store/nas';
import { COST_AXES, scatterModel, STRATEGY_COLORS, type ChartPoint, type CostAxis } from './view-model';

const SHAPES = ['circle', 'triangle', 'square', 'diamond'] as const;
type Shape = (typeof SHAPES)[number] | 'cross';
const HEIGHT = 330;
const PAD = { top: 10, right: 18, bottom: 44, left: 68 };
const FRONT_COLOR = '#1a7f37';
const REJECTED_COLOR = '#9aa3ad';
const HIT_RADIUS = 12;

export interface ChartSelection {
  run: number;
  index: number;
}

interface Placed extends ChartPoint {
  px: number;
  py: number;
}

/** One stroked segment. */
function line(g: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) {
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}

/** A closed filled polygon through [x, y] pairs. */
function polygon(g: CanvasRenderingContext2D, pts: [number, number][]) {
  pts.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.closePath();
}

function drawShape(g: CanvasRenderingContext2D, shape: Shape, x: number, y: number, color: string) {
  const r = 5;
  g.fillStyle = color;
  g.strokeStyle = color;
  g.beginPath();
  if (shape === 'circle') g.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === 'square') g.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'triangle') polygon(g, [[x, y - r - 1], [x + r + 1, y + r], [x - r - 1, y + r]]);
  else if (shape === 'diamond') polygon(g, [[x, y - r - 1], [x + r + 1, y], [x, y + r + 1], [x - r - 1, y]]);
  else {
    g.lineWidth = 2.5;
    line(g, x - r, y - r, x + r, y + r);
    line(g, x + r, y - r, x - r, y + r);
    return;
  }
  g.fill();
}

function LegendKey({ color, shape }: { color: string; shape: Shape | 'line' }) {
  return (
    <svg width="22" height="14" aria-hidden="true">
      {shape === 'line' ? (
        <line x1="1" y1="7" x2="21" y2="7" stroke={color} strokeWidth="3" />
      ) : shape === 'cross' ? (
        <path d="M6 2 L16 12 M16 2 L6 12" stroke={color} strokeWidth="2.5" />
      ) : shape === 'circle' ? (
        <circle cx="11" cy="7" r="5" fill={color} />
      ) : shape === 'square' ? (
        <rect x="6" y="2" width="10" height="10" fill={color} />
      ) : shape === 'triangle' ? (
        <path d="M11 1 L17 13 L5 13 Z" fill={color} />
      ) : (
        <path d="M11 0 L18 7 L11 14 L4 7 Z" fill={color} />
      )}
    </svg>
  );
}

export const CandidateChart = memo(function CandidateChart(props: {
  runs: NasRun[];
  axis: CostAxis;
  budget: number;
  selected: ChartSelection | null;
  onSelect(sel: ChartSelection): void;
}) {
  const { runs, axis, budget, selected, onSelect } = props;
  const [ref, width] = useWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<Placed | null>(null);
  const meta = COST_AXES.find((a) => a.value === axis)!;
  const m = useMemo(() => scatterModel(runs, axis, budget), [runs, axis, budget]);

  // Pixel scales: log x over the model's domain, linear y from yMin to 100 %.
  const scale = useMemo(() => {
    const [x0, x1] = m.xDomain.map(Math.log10);
    const plotW = Math.max(1, width - PAD.left - PAD.right);
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const sx = (v: number) => PAD.left + ((Math.log10(Math.max(v, 1e-9)) - x0) / (x1 - x0 || 1)) * plotW;
    const sy = (v: number) => PAD.top + (1 - (v - m.yMin) / (100 - m.yMin || 1)) * plotH;
    return { sx, sy, plotW, plotH };
  }, [m, width]);
  const placed = useMemo(() => {
    const place = (p: ChartPoint): Placed => ({ ...p, px: scale.sx(p.x), py: scale.sy(p.y) });
    return { rejected: m.rejected.map(place), byRun: m.trainedByRun.map((ps) => ps.map(place)), pareto: m.pareto.map(place) };
  }, [m, scale]);
  const all = useMemo(() => [...placed.rejected, ...placed.byRun.flat()], [placed]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !g || width <= 0) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(HEIGHT * dpr);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, HEIGHT);
    const { sx, sy, plotW, plotH } = scale;
    // Grid and tick labels.
    g.font = '14px system-ui, sans-serif';
    g.lineWidth = 1;
    g.strokeStyle = '#d0d4da';
    g.fillStyle = '#333';
    g.setLineDash([3, 3]);
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const t of m.yTicks) {
      const y = sy(t);
      line(g, PAD.left, y, PAD.left + plotW, y);
      g.fillText(t === m.yMin && placed.rejected.length ? 'rejected' : `${t} %`, PAD.left - 6, y);
    }
    g.textAlign = 'center';
    g.textBaseline = 'top';
    for (const t of m.xTicks) {
      const x = sx(t);
      line(g, x, PAD.top, x, PAD.top + plotH);
      g.fillText(String(Number(t.toPrecision(2))), x, PAD.top + plotH + 6);
    }
    g.fillText(`${meta.label} (${meta.unit})`, PAD.left + plotW / 2, PAD.top + plotH + 24);
    if (budget > 0) {
      g.strokeStyle = '#c62828';
      g.setLineDash([6, 4]);
      const x = sx(budget);
      line(g, x, PAD.top, x, PAD.top + plotH);
      g.fillStyle = '#c62828';
      g.textAlign = 'right';
      g.fillText('budget', x - 4, PAD.top + 2);
    }
    g.setLineDash([]);
    if (placed.pareto.length > 1) {
      g.strokeStyle = FRONT_COLOR;
      g.lineWidth = 2.5;
      g.beginPath();
      placed.pareto.forEach((p, i) => (i ? g.lineTo(p.px, p.py) : g.moveTo(p.px, p.py)));
      g.stroke();
    }
    for (const p of placed.rejected) drawShape(g, 'cross', p.px, p.py, REJECTED_COLOR);
    runs.forEach((run, i) => {
      for (const p of placed.byRun[i] ?? []) drawShape(g, SHAPES[i % SHAPES.length], p.px, p.py, STRATEGY_COLORS[run.strategy]);
    });
    const sel = selected && all.find((p) => p.run === selected.run && p.index === selected.index);
    if (sel) {
      g.strokeStyle = '#111';
      g.lineWidth = 3;
      g.beginPath();
      g.arc(sel.px, sel.py, 10, 0, 2 * Math.PI);
      g.stroke();
    }
  }, [width, scale, m, placed, all, runs, selected, budget, meta]);

  const nearest = (e: React.MouseEvent<HTMLCanvasElement>): Placed | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best: Placed | null = null;
    let bestD = HIT_RADIUS ** 2;
    for (const p of all) {
      const d = (p.px - x) ** 2 + (p.py - y) ** 2;
      if (d <= bestD) {
        best = p;
        bestD = d;
      }
    }
    return best;
  };
  const trainedCount = placed.byRun.reduce((a, ps) => a + ps.length, 0);
  const top = placed.byRun.flat().reduce<Placed | null>((b, p) => (!b || p.y > b.y ? p : b), null);
  const summary =
    `Scatter of ${trainedCount} trained and ${placed.rejected.length} rejected candidates, test accuracy vs ${meta.label.toLowerCase()}` +
    (top ? `; best ${top.key} at ${top.y.toFixed(1)} % and ${top.x.toPrecision(3)} ${meta.unit}` : '') +
    `; ${placed.pareto.length} on the Pareto front. The candidate table lists every point.`;
  return (
    <figure className="chart nas-chart">
      <figcaption>
        <span>Test accuracy vs {meta.label.toLowerCase()} ({meta.unit}, log scale) — click a point to inspect it</span>
        <span className="chart-legend nas-legend" aria-hidden="true">
          {runs.map((run, i) => (
            <span key={run.id} className="chart-legend-item">
              <LegendKey color={STRATEGY_COLORS[run.strategy]} shape={SHAPES[i % SHAPES.length]} />
              {run.strategy} #{run.id}
            </span>
          ))}
          {placed.rejected.length > 0 && (
            <span className="chart-legend-item">
              <LegendKey color={REJECTED_COLOR} shape="cross" />
              rejected (over budget)
            </span>
          )}
          {placed.pareto.length > 1 && (
            <span className="chart-legend-item">
              <LegendKey color={FRONT_COLOR} shape="line" />
              Pareto front
            </span>
          )}
        </span>
      </figcaption>
      <div ref={ref} style={{ height: HEIGHT, position: 'relative' }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={summary}
          data-points={all.length}
          style={{ width: '100%', height: HEIGHT, display: 'block', cursor: hover ? 'pointer' : 'default' }}
          onMouseMove={(e) => {
            const p = nearest(e);
            setHover((h) => (h?.run === p?.run && h?.index === p?.index ? h : p));
          }}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const p = nearest(e);
            if (p) onSelect({ run: p.run, index: p.index });
          }}
        />
        {hover && (
          <div className="nas-tooltip" style={{ position: 'absolute', left: Math.min(hover.px + 12, Math.max(0, width - 180)), top: Math.max(0, hover.py - 60), pointerEvents: 'none' }} aria-hidden="true">
            <strong>{hover.key}</strong>
            <div>{hover.rejected ? 'rejected by the budget' : `accuracy ${hover.y.toFixed(1)} %`}</div>
            <div>
              {meta.label} {hover.x.toPrecision(3)} {meta.unit}
            </div>
          </div>
        )}
      </div>
    </figure>
  );
});
