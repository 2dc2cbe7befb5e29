/**
 * Line chart for training curves (recharts, animation off so live updates do not replay tweens).
 * Series may have gaps (e.g. test accuracy exists only at epoch ends); gaps are bridged.
 * Text and strokes are sized for a projector.
 *
 * Built for live data: the width is measured once per resize (not by ResponsiveContainer on every
 * update) and the legend is plain HTML, which keeps a redraw well under one frame's budget.
 */
import { CartesianGrid, Line, LineChart as RLineChart, XAxis, YAxis } from 'recharts';
import { useChartFont } from '../presenter/chart-font';
import { useMemo } from 'react';
import { useWidth } from './use-width';

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
  /** Explicit x ticks (e.g. whole epochs); recharts picks them when omitted. */
  xTicks?: number[];
  height?: number;
}

const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };
const DOT = { r: 4 };
const AUTO_DOMAIN: [string, string] = ['auto', 'auto'];
const DATA_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const xTickFormat = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Pass stable props (module constants or memoised values) for everything but `data`: recharts 3
 * re-registers an axis or series whose props change identity, which multiplies the cost of a redraw.
 */
export function LineChart({ title, data, xKey, xLabel, series, yDomain, yFormat, xDomain, xTicks, height = 210 }: LineChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  // Presenter mode enlarges chart text (and the axis room it needs); memoised for stable props.
  const { fontSize, scale } = useChartFont(14);
  const axisFont = useMemo(() => ({ fontSize }), [fontSize]);
  const xLabelProps = useMemo(() => ({ value: xLabel, position: 'insideBottom', offset: -10, fontSize }) as const, [xLabel, fontSize]);
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
          <RLineChart
            width={width}
            height={height}
            data={data}
            margin={MARGIN}
            // Not a tab stop: the caption and the page's outputs carry the numbers (issue 16).
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
            <XAxis
              dataKey={xKey}
              type="number"
              domain={xDomain ?? DATA_DOMAIN}
              ticks={xTicks}
              tick={axisFont}
              tickFormatter={xTickFormat}
              label={xLabelProps}
              allowDecimals
            />
            <YAxis domain={yDomain ?? AUTO_DOMAIN} tick={axisFont} tickFormatter={yFormat} width={Math.round(60 * scale)} />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                dot={s.dots ? DOT : false}
                activeDot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </RLineChart>
        )}
      </div>
    </figure>
  );
}
