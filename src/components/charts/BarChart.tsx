/**
 * Vertical bar chart (e.g. class probabilities), animation off, one bar optionally highlighted. Drawn
 * once it scrolls near the viewport (use-seen.ts): a recharts render is a 50-100 ms main-thread task.
 */
import { useRef } from 'react';
import { Bar, BarChart as RBarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useChartFont } from '../presenter/chart-font';
import { useSeen } from '../use-seen';

export interface BarChartProps {
  title: string;
  data: { name: string; value: number }[];
  highlight?: string;
  yDomain?: [number, number];
  yFormat?: (v: number) => string;
  height?: number;
  color?: string;
  highlightColor?: string;
}


export function BarChart({
  title,
  data,
  highlight,
  yDomain,
  yFormat,
  height = 180,
  color = '#8aa4c8',
  highlightColor = '#1f5fbf',
}: BarChartProps) {
  const { fontSize, scale } = useChartFont(14);
  const axisFont = { fontSize };
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref);
  return (
    <figure className="chart" ref={ref}>
      <figcaption>{title}</figcaption>
      {!seen ? <div style={{ height }} aria-hidden="true" /> : <ResponsiveContainer width="100%" height={height}>
        <RBarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" vertical={false} />
          <XAxis dataKey="name" tick={axisFont} interval={0} />
          <YAxis domain={yDomain ?? [0, 'auto']} tick={axisFont} tickFormatter={yFormat} width={Math.round(60 * scale)} />
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.name === highlight ? highlightColor : color} />
            ))}
          </Bar>
        </RBarChart>
      </ResponsiveContainer>}
    </figure>
  );
}
