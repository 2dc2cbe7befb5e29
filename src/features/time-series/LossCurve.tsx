/**
 * Training loss per epoch, on a canvas: it redraws at every epoch while the worker trains, and a
 * recharts redraw of even ten points measured 20–110 ms of main-thread time on the loaded machine.
 */
import { memo, useMemo } from 'react';
import { useWidth } from '../../components/charts/use-width';
import { CanvasScatter } from './CanvasScatter';

const COLOR = '#1f5fbf';

export const LossCurve = memo(function LossCurve({ curve, lossName }: { curve: { epoch: number; loss: number }[]; lossName: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const series = useMemo(() => [{ color: COLOR, connect: true, points: curve.map((p) => ({ x: p.epoch, y: p.loss })) }], [curve]);
  const last = curve[curve.length - 1];
  return (
    <figure ref={ref} className="chart ts-figure" aria-label="Training loss per epoch">
      <figcaption>
        Training loss per epoch <span className="ts-axis-note">({lossName}{last ? `; epoch ${last.epoch}: ${last.loss.toFixed(4)}` : ''})</span>
      </figcaption>
      {width > 0 && <CanvasScatter width={Math.min(width, 560)} height={200} series={series} xLabel="epoch" radius={3.5} />}
    </figure>
  );
});
