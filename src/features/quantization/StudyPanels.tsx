/** PTQ vs QAT across bit depths, and the fp32 / fp16 / int8 / int4 ledger. */
import { LineChart } from '../../components/charts/LineChart';
import { percent } from '../../components/Output';
import { useJob } from '../../components/jobs';
import { quantizationLab } from './lab';
import { useLabSettings } from '../../store/use-lab-settings';
import { SWEEP_BITS, quantizationSettings, useQuantization } from '../../store/quantization';
import { computeLedger, runSweep } from './actions';
import { kb } from './QuantResults';

export function SweepPanel() {
  const [v] = useLabSettings(quantizationSettings);
  const sweep = useQuantization((s) => s.sweep);
  const busy = useJob(quantizationLab).blocked;
  const info = useQuantization((s) => s.info);
  const control = sweep?.control ?? null;
  const data = (sweep?.points ?? []).map((p) => ({
    bits: p.bits,
    ptq: p.ptq * 100,
    qat: Number.isNaN(p.qat) ? null : p.qat * 100,
    float: (info?.floatAccuracy ?? NaN) * 100,
    control: control === null ? null : control * 100,
  }));
  return (
    <section className="panel" aria-label="PTQ vs QAT across bit depths">
      <h2>PTQ vs QAT across bit depths</h2>
      <p className="muted">
        Weight bits {SWEEP_BITS.join(', ')} with {v.qActivationBits}-bit activations and the settings above; QAT runs {v.qQatEpochs} epoch
        {v.qQatEpochs === 1 ? '' : 's'} per bit depth (0 = PTQ only).
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void runSweep(v)}>
        Sweep bit depths
      </button>
      {sweep && sweep.points.length > 0 && (
        <>
          <LineChart title="Test accuracy (%) by weight bits" data={data} xKey="bits" xLabel="weight bits" xDomain={[2, 8]}
            yFormat={(x) => `${x.toFixed(0)} %`}
            series={[
              { key: 'float', name: 'float', color: '#7a828e', dashed: true },
              ...(control === null ? [] : [{ key: 'control', name: `float + ${sweep?.qatEpochs} epoch(s) fine-tuning`, color: '#2e8b57', dashed: true }]),
              { key: 'ptq', name: 'PTQ', color: '#c0392b', dots: true },
              { key: 'qat', name: 'QAT', color: '#1f5fbf', dots: true },
            ]} />
          {control !== null && (
            <p className="quant-notes">
              Control: the float model fine-tuned for the same {sweep?.qatEpochs} epoch(s) without fake quantization reaches{' '}
              <strong>{percent(control, 2)}</strong> (float baseline {percent(info?.floatAccuracy, 2)}). Part of QAT's lead over PTQ is this extra training; the gap
              between QAT and this line is what quantization still costs after QAT.
            </p>
          )}
          <table className="quant-table">
            <caption>Sweep results</caption>
            <thead><tr><th scope="col">Weight bits</th><th scope="col">PTQ</th><th scope="col">QAT</th><th scope="col">QAT wins back</th></tr></thead>
            <tbody>
              {sweep.points.map((p) => (
                <tr key={p.bits}>
                  <th scope="row">{p.bits}</th>
                  <td>{percent(p.ptq, 2)}</td>
                  <td>{Number.isNaN(p.qat) ? '–' : percent(p.qat, 2)}</td>
                  <td>{Number.isNaN(p.qat) ? '–' : `${((p.qat - p.ptq) * 100).toFixed(2)} pp`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function LedgerPanel() {
  const [v] = useLabSettings(quantizationSettings);
  const ledger = useQuantization((s) => s.ledger);
  const busy = useJob(quantizationLab).blocked;
  return (
    <section className="panel" aria-label="Accuracy and size ledger">
      <h2>Accuracy and size: fp32 / fp16 / int8 / int4</h2>
      <p className="muted">
        PTQ with the scheme, granularity and calibration above and 8-bit activations. int8 and int4 accuracies are from the integer-only path.
        The device panel shows the same variants (and 16x8): int4 weights are stored packed (two per byte) and multiplied as int8, so they
        always save flash; whether they save time depends on the target (the panel's notes under each variant say which engines run them).
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void computeLedger(v)}>
        Compute ledger
      </button>
      {ledger && (
        <table className="quant-table">
          <caption>Weights + biases + quantization parameters, test accuracy on 2,000 images</caption>
          <thead><tr><th scope="col">Format</th><th scope="col">Accuracy</th><th scope="col">Model size</th><th scope="col">vs fp32</th></tr></thead>
          <tbody>
            {ledger.map((r) => (
              <tr key={r.dtype}>
                <th scope="row">{r.dtype}</th>
                <td>{percent(r.accuracy, 2)}</td>
                <td>{kb(r.bytes)}</td>
                <td>{(ledger[0].bytes / r.bytes).toFixed(1)}× smaller</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
