/**
 * One output neuron of the integer-only model, step by step: the MACs (q_x − z_x)(q_w − z_w), the
 * int32 sum and bias, the fixed-point requantization (multiplier, shift), zero point and clamp, the
 * int8 result and the real value it stands for.
 */
import { useState } from 'react';
import { Output } from '../../components/Output';
import { SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { quantizationLab } from './lab';
import { useQuantization } from '../../store/quantization';
import { stepThrough } from './actions';
import { TestDigit } from './TestDigit';

const SHOW_MACS = 10;

function clampInt(text: string, max: number): number {
  const n = Math.floor(Number(text));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0;
}

export function StepThrough() {
  const info = useQuantization((s) => s.info);
  const ptq = useQuantization((s) => s.ptq);
  const qat = useQuantization((s) => s.qat);
  const trace = useQuantization((s) => s.trace);
  const busy = useJob(quantizationLab).blocked;
  const [method, setMethod] = useState<'PTQ' | 'QAT'>('PTQ');
  const [layer, setLayer] = useState('');
  const [sample, setSample] = useState('0');
  const [output, setOutput] = useState('0');
  if (!info) return null;
  const available = (method === 'PTQ' ? ptq : qat)?.integerAccuracy != null;
  const current = layer || info.layers[info.layers.length - 1]?.name || '';
  const spec = info.spec.layers.find((l) => l.name === current);
  const outSize = (() => {
    const r = (method === 'PTQ' ? ptq : qat)?.tensors;
    const l = (method === 'PTQ' ? ptq : qat)?.layers.find((x) => x.name === current);
    const t = r?.find((x) => x.name === l?.outputTensor);
    return t ? t.shape.reduce((a, b) => a * b, 1) : 1;
  })();
  const nonzero = trace ? trace.macs.filter((m) => m.product !== 0) : [];
  return (
    <section className="panel" aria-label="Integer-only step-through">
      <h2>Step through one neuron of the integer-only model</h2>
      <div className="quant-fields">
        <SelectField label="Model" value={method} onChange={(x) => setMethod(x as 'PTQ' | 'QAT')} options={[{ value: 'PTQ', label: 'PTQ result' }, { value: 'QAT', label: 'QAT result' }]} />
        <SelectField label="Layer" value={current} onChange={setLayer} options={info.layers.map((l) => ({ value: l.name, label: `${l.name} (${l.kind})` }))} />
        <div className="field">
          <label htmlFor="q-sample">Test image</label>
          <input id="q-sample" type="number" min={0} max={1999} value={sample} onChange={(e) => setSample(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="q-output">Output index</label>
          <input id="q-output" type="number" min={0} max={outSize - 1} value={output} onChange={(e) => setOutput(e.target.value)} />
          <small className="field-hint">0 … {outSize - 1} (flat index into the layer's output{spec?.type === 'dense' ? '' : ', channel fastest'})</small>
        </div>
      </div>
      <div className="quant-buttons">
        <button type="button" className="button" disabled={busy || !available}
          onClick={() => void stepThrough(method, clampInt(sample, 1999), current, clampInt(output, outSize - 1))}>
          Step through
        </button>
        {!available && <span className="muted">Run {method === 'PTQ' ? '"Quantize (PTQ)"' : '"Train with QAT"'} with ≤ 8-bit weights and activations first.</span>}
      </div>
      {trace && (
        <div className="quant-trace">
          <TestDigit index={trace.sample} label={`Test image ${trace.sample}, a ${trace.label}`} />
          <p>
            {trace.method} model, test image {trace.sample} (label {trace.label}, integer-only prediction {trace.prediction}); layer{' '}
            <strong>{trace.layer}</strong>, output {trace.outputIndex}
            {trace.kind !== 'dense' ? ` at row ${trace.position[0]}, column ${trace.position[1]}, channel ${trace.position[2]}` : ` (unit ${trace.position[2]})`}.
          </p>
          <div className="quant-trace-body">
          <table className="quant-table">
            <caption>
              {trace.macs.length} multiply-accumulates, {nonzero.length} non-zero (z_x = {trace.inputZeroPoint}, z_w = {trace.weightZeroPoint}); the
              first {Math.min(SHOW_MACS, nonzero.length)} non-zero
            </caption>
            <thead>
              <tr><th scope="col">input q_x</th><th scope="col">weight q_w</th><th scope="col">(q_x − z_x)(q_w − z_w)</th></tr>
            </thead>
            <tbody>
              {nonzero.slice(0, SHOW_MACS).map((m) => (
                <tr key={m.inputIndex + ':' + m.weightIndex}><td>{m.xq}</td><td>{m.wq}</td><td>{m.product}</td></tr>
              ))}
            </tbody>
          </table>
          <ol className="quant-steps">
            <li>int32 sum of the products: <strong>{trace.sum}</strong></li>
            <li>+ int32 bias (scale s_in·s_w = {(trace.inputScale * trace.weightScale).toExponential(3)}): {trace.bias} → accumulator <strong>{trace.acc}</strong></li>
            <li>
              requantize by M = s_in·s_w / s_out = {trace.realMultiplier.toExponential(6)} ≈ {trace.multiplier} · 2^({trace.shift} − 31) (
              {trace.fixedPointMultiplier.toExponential(6)}): SaturatingRoundingDoublingHighMul then RoundingDivideByPOT →{' '}
              <strong>{trace.scaled}</strong>
            </li>
            <li>+ output zero point {trace.outputZeroPoint} → {trace.beforeClamp}; clamp to [{trace.clamp[0]}, {trace.clamp[1]}]
              {trace.activation === 'linear' ? ' (the int8 range)' : ` — the fused ${trace.activation === 'relu' ? 'ReLU' : 'ReLU6'}: the lower bound is the zero point, i.e. real 0${trace.activation === 'relu6' ? ', the upper bound real 6' : ''}`}
            </li>
          </ol>
          </div>
          <div className="quant-outputs">
            <Output label="int32 accumulator" size="small">{String(trace.acc)}</Output>
            <Output label="Multiplier and shift" size="small">{`${trace.multiplier}, ${trace.shift}`}</Output>
            <Output label="int8 output" size="small">{String(trace.q)}</Output>
            <Output label="Real value" size="small">{trace.real.toFixed(5)}</Output>
            <Output label="Before rounding" size="small">{trace.exact.toFixed(5)}</Output>
          </div>
          <p className="muted">
            Real value = s_out·(q − z_out) with s_out = {trace.outputScale.toExponential(3)}; "before rounding" is s_in·s_w·acc, the exact real
            sum the int8 output approximates{trace.q !== trace.beforeClamp ? ' (then clamped)' : ''}.
          </p>
        </div>
      )}
    </section>
  );
}
