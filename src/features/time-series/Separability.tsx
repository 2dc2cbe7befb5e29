/** Class separability of the DSP features: Fisher's ratio per feature and the two best as a scatter. */
import { memo } from 'react';
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { BarChart } from '../../components/charts/BarChart';
import { useWidth } from '../../components/charts/use-width';
import type { DataSummary } from '../../worker/protocol/time-series';
import { classColor } from './palette';

export const Separability = memo(function Separability({ summary }: { summary: DataSummary }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (summary.fisher.length === 0) return null;
  const regression = summary.task === 'regression';
  const groups = regression ? ['SoC < 33 %', '33–67 %', '> 67 %'] : summary.classNames;
  const half = Math.max(260, Math.floor(width / 2) - 12);
  return (
    <section className="ts-separability" aria-labelledby="ts-sep-h">
      <h2 id="ts-sep-h">Feature separability</h2>
      <p className="ts-caption">
        Fisher's ratio (between-class over within-class scatter) of each standardised DSP feature on the training windows
        {regression ? ', with the state of charge in three bands as classes' : ''}. Higher separates better.
      </p>
      <div ref={ref} className="ts-two">
        <BarChart title="Fisher's ratio, best features" data={summary.fisher.slice(0, 8).map((f) => ({ name: f.name, value: f.ratio }))} height={260} yFormat={(v) => v.toFixed(1)} />
        {width > 0 && (
          <figure className="ts-figure" aria-label={`Scatter of ${summary.scatterAxes[0]} against ${summary.scatterAxes[1]}`}>
            <figcaption>Two best features, one dot per training window</figcaption>
            <ScatterChart width={half} height={240} margin={{ top: 6, right: 10, bottom: 18, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e6ea" />
              <XAxis dataKey="x" type="number" name={summary.scatterAxes[0]} tick={{ fontSize: 12 }} label={{ value: summary.scatterAxes[0], position: 'insideBottom', offset: -10, fontSize: 13 }} tickFormatter={(v: number) => v.toFixed(1)} />
              <YAxis dataKey="y" type="number" name={summary.scatterAxes[1]} tick={{ fontSize: 12 }} tickFormatter={(v: number) => v.toFixed(1)} />
              <ZAxis range={[18, 18]} />
              {groups.map((g, i) => (
                <Scatter key={g} name={g} data={summary.scatter.filter((p) => p.label === i)} fill={classColor(i)} isAnimationActive={false} />
              ))}
            </ScatterChart>
            <p className="ts-legend">
              {groups.map((g, i) => (
                <span key={g}>
                  <span aria-hidden="true" style={{ color: classColor(i) }}>●</span> {g}{' '}
                </span>
              ))}
            </p>
          </figure>
        )}
      </div>
    </section>
  );
});
