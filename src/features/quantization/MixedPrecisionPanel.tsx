/**
 * Mixed precision per layer: the sensitivity scan (one layer alone at 4 or 2 bits, the rest at 8) and
 * the size–accuracy Pareto chart of uniform and greedy bit assignments; a front point can be applied
 * to "Bits per layer".
 */
import { memo } from 'react';
import { CartesianGrid, Line, ComposedChart, Scatter, XAxis, YAxis, ZAxis } from 'recharts';
import { Output, percent } from '../../components/Output';
import { useJob } from '../../components/jobs';
import { useWidth } from '../../components/charts/use-width';
import { formatBytes } from '../../core/devices';
import { overridesOf } from '../../core/techniques/quantization/mixed-precision';
import { useLabSettings } from '../../store/use-lab-settings';
import { quantizationSettings, useQuantization } from '../../store/quantization';
import type { MixedPrecisionReport } from '../../worker/protocol/quantization';
import { quantizationLab } from './lab';
import { LOW_BITS, REF_BITS, runMixedPrecision, useMixedPrecision } from './mixed-precision-actions';

const bitsText = (bits: Record<string, number>) => Object.entries(bits).map(([l, b]) => `${l}:${b}`).join(', ');

const ParetoChart = memo(function ParetoChart({ report }: { report: MixedPrecisionReport }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const all = report.assignments.map((a) => ({ kb: a.bytes / 1024, acc: a.accuracy * 100 }));
  const front = report.assignments.filter((a) => a.front).sort((a, b) => a.bytes - b.bytes).map((a) => ({ kb: a.bytes / 1024, acc: a.accuracy * 100 }));
  return (
    <figure className="chart" aria-label="Size–accuracy Pareto chart of bit assignments">
      <figcaption>
        Test accuracy (%) vs model size (KB): <span style={{ color: '#9aa1ab' }}>●</span> every assignment,{' '}
        <span style={{ color: '#1f5fbf' }}>●</span> the Pareto front
      </figcaption>
      <div ref={ref} style={{ height: 240 }}>
        {width > 0 && (
          <ComposedChart width={width} height={240} margin={{ top: 8, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
            <XAxis dataKey="kb" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toFixed(0)}
              label={{ value: 'model size (KB)', position: 'insideBottom', offset: -10 }} />
            <YAxis dataKey="acc" type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => `${v.toFixed(0)} %`} width={60} />
            <ZAxis range={[40, 40]} />
            <Scatter data={all} fill="#9aa1ab" isAnimationActive={false} />
            <Line data={front} dataKey="acc" stroke="#1f5fbf" strokeWidth={2} dot={{ r: 5, fill: '#1f5fbf' }} isAnimationActive={false} />
          </ComposedChart>
        )}
      </div>
    </figure>
  );
});

export function MixedPrecisionPanel() {
  const [v, update] = useLabSettings(quantizationSettings);
  const busy = useJob(quantizationLab).blocked;
  const info = useQuantization((s) => s.info);
  const stored = useMixedPrecision((s) => s.report);
  // A report of another model (the baseline changed) is not shown.
  const report = stored && info && stored.layers.every((l) => info.layers.some((x) => x.name === l.layer)) ? stored : null;
  const worst = report?.rows.reduce((a, b) => (b.drop > a.drop ? b : a), report.rows[0]);
  const front = report ? report.assignments.filter((a) => a.front).sort((a, b) => a.bytes - b.bytes) : [];
  return (
    <section className="panel" aria-label="Mixed precision per layer">
      <h2>Mixed precision: layer sensitivity and the size–accuracy front</h2>
      <p className="muted">
        PTQ with the settings above: each layer alone goes to {LOW_BITS.join(' or ')} weight bits while the others keep {REF_BITS}, and the drop in
        test accuracy says how sensitive it is. Then the uniform assignments and a greedy path (lower the layer with the smallest drop per byte saved,
        one step at a time) are converted and plotted; the front holds those no other assignment beats in both size and accuracy. Accuracies are on
        the 2,000 test images (this lab has no separate validation split).
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void runMixedPrecision(v)}>
        Scan layer sensitivity
      </button>
      {report && (
        <>
          <div className="quant-outputs">
            <Output label="Reference accuracy" size="small">{percent(report.reference, 2)}</Output>
            <Output label="Most sensitive layer" size="small">{worst ? `${worst.layer} (−${(worst.drop * 100).toFixed(2)} pp at ${worst.bits} bit)` : '–'}</Output>
            <Output label="Pareto configurations" size="small">{front.length}</Output>
          </div>
          <table className="quant-table">
            <caption>Accuracy change when one layer alone has fewer weight bits (others at {REF_BITS})</caption>
            <thead>
              <tr><th scope="col">Layer</th><th scope="col">Weights</th>{LOW_BITS.map((b) => <th key={b} scope="col">{b} bit</th>)}</tr>
            </thead>
            <tbody>
              {report.layers.map((l) => (
                <tr key={l.layer}>
                  <th scope="row">{l.layer}</th>
                  <td>{l.weights.toLocaleString('en')}</td>
                  {LOW_BITS.map((b) => {
                    const r = report.rows.find((x) => x.layer === l.layer && x.bits === b);
                    return <td key={b}>{r ? `${(-r.drop * 100).toFixed(2)} pp` : '–'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <ParetoChart report={report} />
          <table className="quant-table">
            <caption>The Pareto front</caption>
            <thead><tr><th scope="col">Bits per layer</th><th scope="col">Size</th><th scope="col">Accuracy</th><th scope="col">From</th><th scope="col"><span className="visually-hidden">Apply</span></th></tr></thead>
            <tbody>
              {front.map((a) => (
                <tr key={bitsText(a.bits)}>
                  <td>{bitsText(a.bits)}</td>
                  <td>{formatBytes(a.bytes)}</td>
                  <td>{percent(a.accuracy, 2)}</td>
                  <td>{a.origin}</td>
                  <td>
                    <button type="button" className="button button-small" disabled={busy}
                      aria-label={`Use ${bitsText(a.bits)}`}
                      onClick={() => update({ qWeightBits: String(REF_BITS) as typeof v.qWeightBits, qLayerBits: overridesOf(a.bits, REF_BITS) })}>
                      Use
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.stopped && <p className="muted">Stopped: the chart shows the assignments converted so far.</p>}
        </>
      )}
    </section>
  );
}
