/**
 * Horizontal bars on one canvas (e.g. Fisher's ratio per feature): names on the left, the value at
 * the end of each bar, so long feature names stay legible on a projector. recharts' bar chart took
 * 50–85 ms of main-thread time per redraw here (its ResponsiveContainer measures and renders in
 * several passes); this is one draw. The canvas is an image whose name lists every bar's value, the
 * same information as the picture.
 */
import { memo, useEffect, useRef } from 'react';
import { useChartFont } from '../../components/presenter/chart-font';
import { FONT, prepareCanvas } from './canvas-chart';

interface Props {
  title: string;
  data: { name: string; value: number }[];
  width: number;
  format: (v: number) => string;
  color?: string;
}

export const CanvasBars = memo(function CanvasBars({ title, data, width, format, color = '#1f5fbf' }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { fontSize } = useChartFont(13);
  const row = Math.round(fontSize * 1.7);
  const height = Math.max(row, data.length * row + 4);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareCanvas(c, width, height);
    if (!ctx) return;
    ctx.font = `${fontSize}px ${FONT}`;
    const nameWidth = Math.min(width * 0.45, Math.max(0, ...data.map((d) => ctx.measureText(d.name).width)) + 8);
    const valueWidth = Math.max(0, ...data.map((d) => ctx.measureText(format(d.value)).width)) + 8;
    const barMax = Math.max(10, width - nameWidth - valueWidth - 4);
    const top = Math.max(1e-9, ...data.map((d) => d.value));
    ctx.textBaseline = 'middle';
    data.forEach((d, i) => {
      const y = 2 + i * row;
      const w = Math.max(1, (Math.max(0, d.value) / top) * barMax);
      ctx.fillStyle = '#333';
      ctx.textAlign = 'right';
      ctx.fillText(d.name, nameWidth - 8, y + row / 2, nameWidth - 8);
      ctx.fillStyle = color;
      ctx.fillRect(nameWidth, y + row * 0.15, w, row * 0.7);
      ctx.fillStyle = '#333';
      ctx.textAlign = 'left';
      ctx.fillText(format(d.value), nameWidth + w + 4, y + row / 2);
    });
  }, [data, width, height, row, fontSize, format, color]);
  const summary = `${title}: ${data.map((d) => `${d.name} ${format(d.value)}`).join(', ')}`;
  return (
    <figure className="chart ts-figure">
      <figcaption>{title}</figcaption>
      <canvas ref={ref} style={{ width, height, display: 'block' }} role="img" aria-label={summary} />
    </figure>
  );
});
