/**
 * Accuracy vs cost of every candidate: one colour per run's strategy, rejected candidates greyed on
 * the bottom edge (they were never trained), the Pareto front as a green line, the budget as a
 * dashed vertical line. Clicking a point selects it.
 *
 * Built for live data (a new point every second or so): the points are memoised on (runs, axis,
 * budget), every other prop recharts sees keeps its identity between renders (recharts 3 re-registers
 * a series or axis whose props change, which multiplies the cost of a redraw), and the width is
 * measured once per resize instead of by ResponsiveContainer on every update. The axes show exactly
 * the ticks chosen here (interval 0), which also spares recharts measuring every tick label in the
 * DOM (a forced layout of the whole page) on each update.
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Symbols, Tooltip, XAxis, YAxis } from 'recharts';
import { useWidth } from '../../components/charts/use-width';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import type { NasRun } from '../../store/nas';
import { chartPoint, COST_AXES, scatterModel, STRATEGY_COLORS, type ChartPoint, type CostAxis } from './view-model';

const SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'wye'] as const;
const AXIS_FONT = { fontSize: 14 };
const HEIGHT = 330;
const MARGIN = { top: 8, right: 18, bottom: 22, left: 4 };
const GRID_DASH = '3 3';
const CURSOR = { strokeDasharray: '3 3' };
const BUDGET_LABEL = { value: 'budget', position: 'insideTopRight', fontSize: 13 } as const;
const FRONT_COLOR = '#1a7f37';
const REJECTED_COLOR = '#9aa3ad';
const FRONT_LINE = { stroke: FRONT_COLOR, strokeWidth: 2.5 };
/** Keeps the previous array when the points are the same, so recharts does not re-register the series. */
function useSamePoints(points: ChartPoint[]): ChartPoint[] {
  const prev = useRef(points);
  const id = (ps: ChartPoint[]) => ps.map((p) => `${p.run}:${p.index}:${p.x}:${p.y}`).join(',');
  if (prev.current !== points && id(prev.current) !== id(points)) prev.current = points;
  return prev.current;
}
const xTickFormat = (v: number) => String(Number(v.toPrecision(2)));
const noShape = () => <g />;
const selectedShape = (p: { cx?: number; cy?: number }) => <circle cx={p.cx} cy={p.cy} r={10} fill="none" stroke="#111" strokeWidth={3} />;

/** One legend entry as a small SVG: the series' symbol, or a line for the Pareto front. */
function LegendKey({ color, shape }: { color: string; shape: (typeof SHAPES)[number] | 'cross' | 'line' }) {
  return (
    <svg width="22" height="14" aria-hidden="true">
      {shape === 'line' ? (
        <line x1="1" y1="7" x2="21" y2="7" stroke={color} strokeWidth="3" />
      ) : (
        <Symbols cx={11} cy={7} type={shape} size={64} fill={color} />
      )}
    </svg>
  );
}

export interface ChartSelection {
  run: number;
  index: number;
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
  const meta = COST_AXES.find((a) => a.value === axis)!;
  const m = useMemo(() => scatterModel(runs, axis, budget), [runs, axis, budget]);
  const rejected = useSamePoints(m.rejected);
  const pareto = useSamePoints(m.pareto);
  const hasRejected = rejected.length > 0;
  // A run that got no new record keeps its points array, so recharts leaves its series alone.
  const pointsCache = useRef(new WeakMap<readonly CandidateRecord[], { axis: CostAxis; yMin: number; points: ChartPoint[] }>());
  const trainedByRun = useMemo(
    () =>
      runs.map((run, i) => {
        const hit = pointsCache.current.get(run.records);
        if (hit && hit.axis === axis && hit.yMin === m.yMin) return hit.points;
        pointsCache.current.set(run.records, { axis, yMin: m.yMin, points: m.trainedByRun[i] });
        return m.trainedByRun[i];
      }),
    [runs, axis, m],
  );
  const selRecord = selected ? runs.find((r) => r.id === selected.run)?.records[selected.index] : undefined;
  const selData = useMemo(
    () => (selected && selRecord ? [chartPoint(selected.run, selRecord, axis, m.yMin)] : null),
    [selected, selRecord, axis, m.yMin],
  );
  const click = useCallback(
    (d: unknown) => {
      const p = ((d as { payload?: ChartPoint })?.payload ?? d) as ChartPoint | undefined;
      if (p && typeof p.run === 'number') onSelect({ run: p.run, index: p.index });
    },
    [onSelect],
  );
  const xLabel = useMemo(() => ({ value: `${meta.label} (${meta.unit})`, position: 'insideBottom', offset: -12, fontSize: 14 }) as const, [meta]);
  const yTickFormat = useCallback((v: number) => (v === m.yMin && hasRejected ? 'rejected' : `${v} %`), [m.yMin, hasRejected]);
  const yDomain = useMemo(() => [m.yMin, 100], [m.yMin]);
  const tooltip = useCallback(
    ({ payload }: { payload?: readonly { payload?: unknown }[] }) => {
      const p = payload?.[0]?.payload as ChartPoint | undefined;
      if (!p) return null;
      return (
        <div className="nas-tooltip">
          <strong>{p.key}</strong>
          <div>{p.rejected ? 'rejected by the budget' : `accuracy ${p.y.toFixed(1)} %`}</div>
          <div>
            {meta.label} {p.x.toPrecision(3)} {meta.unit}
          </div>
        </div>
      );
    },
    [meta],
  );
  return (
    <figure className="chart nas-chart">
      <figcaption>
        <span>Test accuracy vs {meta.label.toLowerCase()} ({meta.unit}, log scale) — click a point to inspect it</span>
        {/* Plain HTML legend: recharts' own Legend re-derives its payload from every series on each update. */}
        <span className="chart-legend nas-legend" aria-hidden="true">
          {runs.map((run, i) => (
            <span key={run.id} className="chart-legend-item">
              <LegendKey color={STRATEGY_COLORS[run.strategy]} shape={SHAPES[i % SHAPES.length]} />
              {run.strategy} #{run.id}
            </span>
          ))}
          {hasRejected && (
            <span className="chart-legend-item">
              <LegendKey color={REJECTED_COLOR} shape="cross" />
              rejected (over budget)
            </span>
          )}
          {pareto.length > 1 && (
            <span className="chart-legend-item">
              <LegendKey color={FRONT_COLOR} shape="line" />
              Pareto front
            </span>
          )}
        </span>
      </figcaption>
      <div ref={ref} style={{ height: HEIGHT }}>
        {width > 0 && (
          <ScatterChart width={width} height={HEIGHT} margin={MARGIN} accessibilityLayer>
            <CartesianGrid strokeDasharray={GRID_DASH} stroke="#d0d4da" />
            <XAxis
              type="number"
              dataKey="x"
              scale="log"
              domain={m.xDomain}
              ticks={m.xTicks}
              tick={AXIS_FONT}
              tickFormatter={xTickFormat}
              interval={0}
              label={xLabel}
              allowDataOverflow={false}
            />
            <YAxis type="number" dataKey="y" domain={yDomain} ticks={m.yTicks} tick={AXIS_FONT} width={64} tickFormatter={yTickFormat} interval={0} />
            <Tooltip isAnimationActive={false} cursor={CURSOR} content={tooltip} />
            {budget > 0 && <ReferenceLine x={budget} stroke="#c62828" strokeDasharray="6 4" label={BUDGET_LABEL} />}
            {hasRejected && <Scatter name="rejected (over budget)" data={rejected} fill={REJECTED_COLOR} shape="cross" isAnimationActive={false} onClick={click} />}
            {runs.map((run, i) => (
              <Scatter
                key={run.id}
                name={`${run.strategy} #${run.id}`}
                data={trainedByRun[i]}
                fill={STRATEGY_COLORS[run.strategy]}
                shape={SHAPES[i % SHAPES.length]}
                isAnimationActive={false}
                onClick={click}
              />
            ))}
            {pareto.length > 1 && (
              <Scatter name="Pareto front" data={pareto} fill={FRONT_COLOR} line={FRONT_LINE} shape={noShape} isAnimationActive={false} legendType="line" />
            )}
            {selData && <Scatter name="selected" data={selData} shape={selectedShape} isAnimationActive={false} legendType="none" />}
          </ScatterChart>
        )}
      </div>
    </figure>
  );
});
