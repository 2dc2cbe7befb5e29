/**
 * The key numbers of the latest PTQ / QAT run and the integer representation of every layer.
 * The numbers render with the report; the per-layer and per-tensor tables follow a deferred copy of
 * it (memoised), so a result lands in short main-thread tasks, not one long one (issue 18).
 */
import { memo, useDeferredValue } from 'react';
import { Output, count, percent } from '../../components/Output';
import { patchQuantization, shownReport, useQuantization } from '../../store/quantization';
import type { QuantReport } from '../../worker/protocol/quantization';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { sizeKB, sizeText, SIZE_MEANING } from '../../core/devices/model-size';
import { quantizationLab } from './lab';

/** Sizes print as every panel prints them (core/devices/model-size). */
export const kb = sizeKB;
export const db = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} dB` : '∞ dB (exact)');
const sci = (v: number, digits = 3) => (v === 0 ? '0' : Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? v.toPrecision(digits) : v.toExponential(digits - 1));

function scaleRange(r: QuantReport['layers'][number]): string {
  const s = r.weightParams.scale;
  if (s.length === 1) return sci(s[0]);
  return `${sci(Math.min(...s), 2)} … ${sci(Math.max(...s), 2)}`;
}

function describeRequest(r: QuantReport): string {
  const q = r.request;
  const w = typeof q.weightFormat === 'number' ? `w${q.weightFormat}` : q.weightFormat;
  return `${r.method}: ${w}/a${q.activationBits}, ${q.scheme}, ${q.granularity}, ${q.calibration}${q.calibration === 'percentile' ? ` ${q.percentile}` : ''}, ${q.requantRounding ?? 'double'} rounding`;
}

export function QuantResults() {
  const s = useQuantization();
  const r = shownReport(s);
  const info = s.info;
  const headingRef = useFocusAfterJob<HTMLHeadingElement>(quantizationLab, ['Quantizing', 'Quantization-aware training']);
  const tables = useDeferredValue(r);
  const overrides = useDeferredValue(s.rangeOverrides);
  return (
    <section className="panel" aria-label="Quantization results">
      <div className="quant-results-head">
        <h2 ref={headingRef} tabIndex={-1}>Results</h2>
        {s.ptq && s.qat && (
          <div role="group" aria-label="Show results of" className="quant-toggle">
            {(['PTQ', 'QAT'] as const).map((m) => (
              <button key={m} type="button" className="button button-small" aria-pressed={s.shown === m} onClick={() => patchQuantization({ shown: m })}>
                Show {m}
              </button>
            ))}
          </div>
        )}
      </div>
      {r && <p className="muted">{describeRequest(r)}{r.stopped ? ' (stopped early)' : ''}</p>}
      <div className="quant-outputs">
        <Output label="Float accuracy">{percent(info?.floatAccuracy, 2)}</Output>
        <Output label="Quantized accuracy">{percent(r?.quantAccuracy, 2)}</Output>
        <Output label="Integer-only accuracy">{r ? (r.integerAccuracy === null ? 'n/a' : percent(r.integerAccuracy, 2)) : '–'}</Output>
        <Output label="Model size" title={`weights only: ${SIZE_MEANING.weights}`}>{r ? sizeText(r.modelBytes, 'weights') : info ? sizeText(info.floatBytes, 'weights') : '–'}</Output>
        <Output label="SQNR">{r ? db(r.weightSqnrDb) : '–'}</Output>
      </div>
      {r && (
        <p className="quant-notes">
          Model size: {typeof r.request.weightFormat === 'number' ? `weights packed at ${r.request.weightFormat} bits + int32 biases + a scale and zero point per channel` : `weights and biases as ${r.request.weightFormat}`}{' '}
          ({kb(r.floatBytes)} in float32, {(r.floatBytes / r.modelBytes).toFixed(1)}× smaller).
          SQNR is over all weights. Quantized accuracy is the fake-quant model (float arithmetic on quantized values);
          integer-only runs int8 × int8 → int32 arithmetic in plain TypeScript on the same 2,000 test images.
          {r.integerNote && <> Integer-only: {r.integerNote}.</>}
          {r.agreement && (
            <>
              {' '}Integer-only vs fake-quant logits: {percent(r.agreement.exact / r.agreement.outputs, 2)} identical,{' '}
              {percent(r.agreement.withinOne / r.agreement.outputs, 2)} within 1 LSB (max {r.agreement.maxDiff} LSB) over{' '}
              {count(r.agreement.outputs)} outputs.
            </>
          )}
        </p>
      )}
      {tables && <QuantTables r={tables} rangeOverrides={overrides} />}
    </section>
  );
}

/** Per layer: the integer representation and the memory by dtype; per activation tensor: its grid. */
const QuantTables = memo(function QuantTables({ r, rangeOverrides }: { r: QuantReport; rangeOverrides: Record<string, [number, number]> }) {
  return (
    <>
        {r.layers.length > 0 && (
          <div className="quant-scroll" tabIndex={0}>
          <table className="quant-table">
            <caption>Integer representation per layer (weights)</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Kernel</th>
                <th scope="col">Int range</th>
                <th scope="col">Scale s</th>
                <th scope="col">Zero point z</th>
                <th scope="col">SQNR</th>
                <th scope="col">Max error</th>
              </tr>
            </thead>
            <tbody>
              {r.layers.map((l) => {
                const zs = [...new Set(l.weightParams.zeroPoint)];
                return (
                  <tr key={l.name}>
                    <th scope="row">{l.name}</th>
                    <td>{l.kernelShape.join('×')}</td>
                    <td>[{l.weightParams.qmin}, {l.weightParams.qmax}]</td>
                    <td title={l.weightParams.scale.length > 1 ? `${l.weightParams.scale.length} scales, one per output channel` : 'one scale'}>{scaleRange(l)}</td>
                    <td>{zs.length === 1 ? zs[0] : `${Math.min(...zs)} … ${Math.max(...zs)}`}</td>
                    <td>{db(l.sqnrDb)}</td>
                    <td>{sci(l.maxAbsError, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        )}
        {r.layers.length > 0 && (
          <table className="quant-table">
            <caption>Memory per layer by dtype (kernel + bias; int formats add int32 biases and a scale + zero point per channel)</caption>
            <thead>
              <tr><th scope="col">Layer</th><th scope="col">fp32</th><th scope="col">fp16</th><th scope="col">int8</th><th scope="col">int4 (packed)</th></tr>
            </thead>
            <tbody>
              {r.layers.map((l) => (
                <tr key={l.name}>
                  <th scope="row">{l.name}</th>
                  <td>{kb(l.bytes.fp32)}</td>
                  <td>{kb(l.bytes.fp16)}</td>
                  <td>{kb(l.bytes.int8)}</td>
                  <td>{kb(l.bytes.int4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.tensors.length > 0 && (
          <div className="quant-scroll" tabIndex={0}>
          <table className="quant-table">
            <caption>
              Activations, per tensor, int range [{r.tensors[r.tensors.length - 1].params.qmin}, {r.tensors[r.tensors.length - 1].params.qmax}] (input: 8-bit); SQNR and clipping on the PTQ calibration samples
            </caption>
            <thead>
              <tr>
                <th scope="col">Tensor</th>
                <th scope="col">Shape</th>
                <th scope="col">Scale s</th>
                <th scope="col">Zero point z</th>
                <th scope="col">Real range</th>
                <th scope="col">SQNR</th>
                <th scope="col">Clipped</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {r.tensors.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  <td>{t.shape.join('×')}</td>
                  <td>{sci(t.params.scale[0])}</td>
                  <td>{t.params.zeroPoint[0]}</td>
                  <td>[{sci(t.params.scale[0] * (t.params.qmin - t.params.zeroPoint[0]))}, {sci(t.params.scale[0] * (t.params.qmax - t.params.zeroPoint[0]))}]</td>
                  <td>{t.sqnrDb === undefined ? '–' : db(t.sqnrDb)}</td>
                  <td>{t.clipped === undefined ? '–' : percent(t.clipped, 2)}</td>
                  <td>{t.source === 'input' ? 'fixed: p − 128' : t.source === 'calibrated' ? (rangeOverrides[t.name] ? 'by hand' : 'calibration') : `= ${t.source}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
    </>
  );
});
