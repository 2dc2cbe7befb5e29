/** Accuracy vs flash, RAM or latency on the chosen target for the selected versions, with the Pareto front. */
import { useEffect, useRef } from 'react';
import { CartesianGrid, Line, ComposedChart, Scatter, XAxis, YAxis, LabelList } from 'recharts';
import { SelectField } from '../../components/controls';
import { useWidth } from '../../components/charts/use-width';
import { comparePoints, type CompareAxis, type VersionRow } from './view-model';

const AXES = [
  { value: 'flash' as const, label: 'Flash (KB)' },
  { value: 'ram' as const, label: 'RAM (KB)' },
  { value: 'latency' as const, label: 'Latency (ms)' },
];
const X_LABEL = { flash: 'Flash', ram: 'RAM', latency: 'Latency' } as const;

export function CompareChart({ rows, axis, onAxis, targetName }: { rows: VersionRow[]; axis: CompareAxis; onAxis(a: CompareAxis): void; targetName: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const section = useRef<HTMLElement>(null);
  // The chart opens below the table: bring it into view (the result of pressing Compare).
  useEffect(() => section.current?.scrollIntoView({ block: 'start' }), []);
  const points = comparePoints(rows, axis);
  const placed = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.accuracy));
  const front = placed.filter((p) => p.onFront).sort((a, b) => a.cost - b.cost);
  const xLabel = `${X_LABEL[axis]} on ${targetName} (${axis === 'latency' ? 'ms' : 'KB'})`;
  return (
    <section ref={section} className="panel models-compare" aria-labelledby="models-compare-h">
      <h2 id="models-compare-h">Compare</h2>
      <div className="field-grid">
        <SelectField label="Compare against" value={axis} options={AXES} onChange={onAxis} />
      </div>
      <div ref={ref} role="img" aria-label={`Test accuracy against ${xLabel} for ${placed.length} versions; Pareto front: ${front.map((p) => p.name).join(', ') || 'none'}`}>
        {width > 0 && (
          <ComposedChart width={width} height={300} margin={{ top: 16, right: 24, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="cost" name={xLabel} domain={['auto', 'auto']} tick={{ fontSize: 14 }} label={{ value: xLabel, position: 'insideBottom', offset: -12, fontSize: 14 }} />
            <YAxis type="number" dataKey="accuracy" name="Test accuracy (%)" domain={['auto', 'auto']} tick={{ fontSize: 14 }} width={56} unit=" %" />
            <Line data={front} dataKey="accuracy" stroke="#c2410c" strokeWidth={2} dot={false} isAnimationActive={false} name="Pareto front" />
            <Scatter data={placed} fill="#1d4ed8" isAnimationActive={false} name="Versions">
              <LabelList dataKey="name" position="top" fontSize={13} />
            </Scatter>
          </ComposedChart>
        )}
      </div>
      <p className="models-front">
        Pareto front (no other selected version is both smaller or faster and more accurate): <strong>{front.map((p) => p.name).join(' → ') || '—'}</strong>
      </p>
    </section>
  );
}
