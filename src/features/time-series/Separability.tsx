/** Class separability of the DSP features: Fisher's ratio per feature and the two best as a scatter. */
import { memo, useMemo } from 'react';
import { useWidth } from '../../components/charts/use-width';
import type { DataSummary } from '../../worker/protocol/time-series';
import { classColor } from './palette';
import { useStaged } from './stage';
import { CanvasScatter } from './CanvasScatter';
import { CanvasBars } from './CanvasBars';

// Two significant digits: the ratios run from 0.01 (field noise) to 100s (clean data).
const ratio = (v: number) => (v >= 100 ? v.toFixed(0) : v.toPrecision(2));

export const Separability = memo(function Separability({ summary: latest }: { summary: DataSummary }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  // The bar chart and the scatter are two redraws; each gets its own task (stage.ts).
  const barSummary = useStaged(latest, null, 'fisher-bars');
  const scatterSummary = useStaged(barSummary, null, 'feature-scatter');
  const summary = barSummary ?? latest;
  const bars = useMemo(() => barSummary?.fisher.slice(0, 8).map((f) => ({ name: f.name, value: f.ratio })) ?? [], [barSummary]);
  const byGroup = useMemo(
    () => (scatterSummary ? groupsOf(scatterSummary).map((_, i) => ({ color: classColor(i), points: scatterSummary.scatter.filter((p) => p.label === i) })) : []),
    [scatterSummary],
  );
  if (summary.fisher.length === 0) return null;
  const regression = summary.task === 'regression';
  const groups = groupsOf(summary);
  const half = Math.max(260, Math.floor(width / 2) - 12);
  return (
    <section className="ts-separability" aria-labelledby="ts-sep-h">
      <h2 id="ts-sep-h">Feature separability</h2>
      <p className="ts-caption">
        Fisher's ratio (between-class over within-class scatter) of each standardised DSP feature on the training windows
        {regression ? ', with the state of charge in three bands as classes' : ''}. Higher separates better.
      </p>
      <div ref={ref} className="ts-two">
        {width > 0 && barSummary ? <CanvasBars title="Fisher's ratio, best features" data={bars} width={half} format={ratio} /> : <div style={{ height: 260 }} />}
        {width > 0 && scatterSummary && (
          <figure className="ts-figure" aria-label={`Scatter of ${summary.scatterAxes[0]} against ${summary.scatterAxes[1]}`}>
            <figcaption>Two best features, one dot per training window</figcaption>
            <CanvasScatter width={half} height={240} series={byGroup} xLabel={scatterSummary.scatterAxes[0]} yLabel={scatterSummary.scatterAxes[1]} />
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

function groupsOf(summary: DataSummary): string[] {
  return summary.task === 'regression' ? ['SoC < 33 %', '33–67 %', '> 67 %'] : summary.classNames;
}
