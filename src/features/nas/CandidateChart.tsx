/**
 * Accuracy vs cost of every candidate: one colour per run's strategy, rejected candidates greyed on
 * the bottom edge (they were never trained), the Pareto front as a green line, the budget as a
 * dashed vertical line. Clicking a point selects it.
 */
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import type { NasRun } from '../../store/nas';
import { COST_AXES, costValue, front, logTicks, STRATEGY_COLORS, trained, type CostAxis } from './view-model';

interface Point {
  x: number;
  y: number;
  run: number;
  index: number;
  key: string;
  rejected: boolean;
}

const SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'wye'] as const;
const AXIS_FONT = { fontSize: 14 };

export function CandidateChart(props: {
  runs: NasRun[];
  axis: CostAxis;
  budget: number;
  selected: { run: number; index: number } | null;
  onSelect(sel: { run: number; index: number }): void;
}) {
  const { runs, axis, budget, selected, onSelect } = props;
  const meta = COST_AXES.find((a) => a.value === axis)!;
  const accs = runs.flatMap((r) => trained(r.records).map((c) => c.accuracy! * 100));
  const yMin = accs.length ? Math.max(0, Math.floor((Math.min(...accs) - 5) / 5) * 5) : 0;
  const step = 100 - yMin > 40 ? 10 : 5;
  const yTicks = [yMin];
  for (let t = Math.ceil((yMin + 1) / step) * step; t <= 100; t += step) yTicks.push(t);
  const point = (run: number, r: CandidateRecord): Point => ({
    x: Math.max(1e-3, costValue(r, axis)),
    y: r.status === 'trained' ? r.accuracy! * 100 : yMin,
    run,
    index: r.index,
    key: r.key,
    rejected: r.status === 'rejected',
  });
  const rejected = runs.flatMap((run) => run.records.filter((r) => r.status === 'rejected').map((r) => point(run.id, r)));
  const paretoRecords = new Set(front(runs, axis));
  const pareto = runs.flatMap((run) => run.records.filter((r) => paretoRecords.has(r)).map((r) => point(run.id, r))).sort((a, b) => a.x - b.x);
  const xs = [...runs.flatMap((r) => r.records.map((c) => Math.max(1e-3, costValue(c, axis)))), ...(budget > 0 ? [budget] : [])];
  const { domain, ticks } = logTicks(xs);
  const sel = selected && runs.find((r) => r.id === selected.run)?.records[selected.index];
  const click = (d: unknown) => {
    const p = ((d as { payload?: Point })?.payload ?? d) as Point | undefined;
    if (p && typeof p.run === 'number') onSelect({ run: p.run, index: p.index });
  };
  return (
    <figure className="chart nas-chart">
      <figcaption>
        Test accuracy vs {meta.label.toLowerCase()} ({meta.unit}, log scale) — click a point to inspect it
      </figcaption>
      <ResponsiveContainer width="100%" height={330}>
        <ScatterChart margin={{ top: 8, right: 18, bottom: 22, left: 4 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={domain}
            ticks={ticks}
            tick={AXIS_FONT}
            tickFormatter={(v: number) => String(Number(v.toPrecision(2)))}
            label={{ value: `${meta.label} (${meta.unit})`, position: 'insideBottom', offset: -12, fontSize: 14 }}
            allowDataOverflow={false}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[yMin, 100]}
            ticks={yTicks}
            tick={AXIS_FONT}
            width={64}
            tickFormatter={(v: number) => (v === yMin && rejected.length ? 'rejected' : `${v} %`)}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as Point | undefined;
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
            }}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 4 }} />
          {budget > 0 && <ReferenceLine x={budget} stroke="#c62828" strokeDasharray="6 4" label={{ value: 'budget', position: 'insideTopRight', fontSize: 13 }} />}
          {rejected.length > 0 && (
            <Scatter name="rejected (over budget)" data={rejected} fill="#9aa3ad" shape="cross" isAnimationActive={false} onClick={click} />
          )}
          {runs.map((run, i) => (
            <Scatter
              key={run.id}
              name={`${run.strategy} #${run.id}`}
              data={trained(run.records).map((r) => point(run.id, r))}
              fill={STRATEGY_COLORS[run.strategy]}
              shape={SHAPES[i % SHAPES.length]}
              isAnimationActive={false}
              onClick={click}
            />
          ))}
          {pareto.length > 1 && (
            <Scatter name="Pareto front" data={pareto} fill="#1a7f37" line={{ stroke: '#1a7f37', strokeWidth: 2.5 }} shape={() => <g />} isAnimationActive={false} legendType="line" />
          )}
          {sel && (
            <Scatter
              name="selected"
              data={[point(selected!.run, sel)]}
              shape={(p: { cx?: number; cy?: number }) => <circle cx={p.cx} cy={p.cy} r={10} fill="none" stroke="#111" strokeWidth={3} />}
              isAnimationActive={false}
              legendType="none"
            />
          )}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
