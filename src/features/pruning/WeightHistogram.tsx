/**
 * Kernel weight histograms before and after pruning (exact zeros counted apart, as a number).
 * Memoised, bins included: the page's other updates (job status, fields) do not redraw the chart.
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Histogram } from '../../core/techniques/pruning/histogram';
import { useChartFont } from '../../components/presenter/chart-font';

const MARGIN = { top: 8, right: 8, bottom: 4, left: 4 };

export const WeightHistogram = memo(function WeightHistogram({ before, after }: { before: Histogram; after: Histogram | null }) {
  // Presenter mode: ≥ 18 px ticks, and a y axis wide enough for them (scale).
  const { fontSize, scale } = useChartFont(13);
  const data = useMemo(
    () =>
      before.counts.map((c, i) => ({
        w: Number((before.min + (i + 0.5) * before.width).toFixed(3)),
        baseline: c,
        pruned: after ? after.counts[i] : undefined,
      })),
    [before, after],
  );
  const tick = useMemo(() => ({ fontSize }), [fontSize]);
  return (
    <figure className="chart">
      <figcaption>
        Kernel weights: baseline vs pruned (non-zero weights; exactly zero: baseline {before.zeros.toLocaleString('en-US')}
        {after ? `, pruned ${after.zeros.toLocaleString('en-US')}` : ''})
      </figcaption>
      <ResponsiveContainer width="100%" height={Math.round(200 * Math.sqrt(scale))}>
        <BarChart data={data} margin={MARGIN} barGap={0} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" vertical={false} />
          <XAxis dataKey="w" tick={tick} interval={7} />
          <YAxis tick={tick} width={Math.round(52 * scale)} />
          <Tooltip />
          <Legend />
          <Bar dataKey="baseline" name="baseline" fill="#9db3d3" isAnimationActive={false} />
          {after && <Bar dataKey="pruned" name="pruned" fill="#1f5fbf" isAnimationActive={false} />}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});
