/**
 * The export's evidence: LiteRT.js next to the app's own integer engine and the float model, the file,
 * its operators and arena, and the quantization parameters written per layer.
 */
import { useEffect, useRef } from 'react';
import { count, Output, percent } from '../../components/Output';
import type { DeployResult, RuntimeCheck } from '../../worker/protocol/deploy';
import { TaskRuntimeOutputs } from './TaskResults';
import { isTypingIn } from '../../components/use-result-focus';

export function RuntimeComparison({ r }: { r: DeployResult }) {
  const rt = 'error' in r.runtime ? null : r.runtime;
  const ref = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new result appears below the controls: bring its numbers into view (1280x720 projectors).
  // (Braces: newer Chromium returns a Promise from scrollIntoView, which must not become the cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    // …and the keyboard focus back from <body> to its heading (unless the user is typing somewhere).
    if (!isTypingIn(document.activeElement)) headingRef.current?.focus({ preventScroll: true });
  }, [r]);
  return (
    <section ref={ref} className="panel" aria-labelledby="dp-check" role="region">
      <h2 ref={headingRef} tabIndex={-1} id="dp-check">Checked by a real runtime</h2>
      {'error' in r.runtime && (
        <p role="alert" className="field-error">
          {r.runtime.error}. The app’s own numbers below are still valid; the files can still be downloaded.
        </p>
      )}
      {r.taskScore ? <TaskRuntimeOutputs r={r} s={r.taskScore} rt={rt} /> : <DigitOutputs r={r} rt={rt} />}
      {rt && <RuntimeNote rt={rt} what={r.taskScore ? 'window' : 'digit'} argmax={!r.taskScore || r.taskScore.metric === 'accuracy'} />}
    </section>
  );
}

function DigitOutputs({ r, rt }: { r: DeployResult; rt: RuntimeCheck | null }) {
  return (
    <>
      <p className="dp-muted">
        The float-interface twin of the exported graph ran in {rt ? rt.runtime : 'LiteRT.js'} on the {count(r.testCount)} test digits; its int8 outputs
        are recovered exactly from the dequantized floats (q = round(y / s) + z) and compared with the app’s integer-only engine on the same digits.
      </p>
      <div className="dp-outputs">
        <Output label="Runtime accuracy">{rt ? percent(rt.accuracy, 2) : 'not run'}</Output>
        <Output label="App integer accuracy">{percent(r.integerAccuracy, 2)}</Output>
        <Output label="Float accuracy">{percent(r.floatAccuracy, 2)}</Output>
        <Output label="Argmax agreement">{rt ? percent(rt.argmaxAgreement, 2) : 'not run'}</Output>
        <Output label="Outputs equal">{rt ? percent(rt.exact, 2) : 'not run'}</Output>
        <Output label="Outputs within 1 LSB">{rt ? percent(rt.withinOne, 2) : 'not run'}</Output>
        <Output label="File size">{count(r.tflite.length)} bytes</Output>
      </div>
    </>
  );
}

function RuntimeNote({ rt, what, argmax }: { rt: RuntimeCheck; what: string; argmax: boolean }) {
  const d = rt.disagreements;
  return (
    <p>
      {rt.maxDiff === 0
        ? 'Every int8 output is identical: the app computes exactly what the runtime computes.'
        : `Largest difference: ${rt.maxDiff} LSB. XNNPACK requantizes with a float32 multiplier where the app (like TFLM’s reference kernels) uses gemmlowp’s Q31 fixed-point multiply and shift, so a value that lands near a rounding boundary can round the other way.`}
      {argmax && d.length > 0 &&
        ` Argmax differs on ${d.length === 20 ? '20 or more' : d.length} ${what}(s), e.g. test ${what} ${d[0].index} (label ${d[0].label}: app ${d[0].app}, runtime ${d[0].runtime}) — two logits within 1 LSB of each other.`}
      {Number.isFinite(rt.msPerInput) &&
        ` LiteRT.js took ${rt.msPerInput < 1 ? rt.msPerInput.toFixed(3) : rt.msPerInput.toFixed(1)} ms per ${what} in this browser (wasm on one core of this computer, one ${what} at a time; a microcontroller's time is the device panel's estimate, not this).`}
    </p>
  );
}

export function FileDetails({ r }: { r: DeployResult }) {
  return (
    <section className="panel" aria-labelledby="dp-file">
      <h2 id="dp-file">Inside the file</h2>
      <p>
        {r.modelLabel}: {count(r.params)} parameters, {count(r.macs)} MACs. Operators ({r.ops.length}, the op resolver registers exactly these):{' '}
        <strong>{r.ops.join(', ')}</strong>. Input [{r.io.inputShape.join(', ')}] int8, scale {r.io.inputScale.toPrecision(6)}, zero point{' '}
        {r.io.inputZeroPoint}; output [{r.io.outputShape.join(', ')}] int8, scale {r.io.outputScale.toPrecision(6)}, zero point {r.io.outputZeroPoint}.
        Tensor arena in main.cc: {count(r.arenaBytes)} bytes (estimator: {count(r.estimatedArena)} bytes + 25 % + 2 KB).
      </p>
      <table className="dp-table" aria-label="Weight quantization per layer">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Operator</th>
            <th scope="col">Weights (spec layout)</th>
            <th scope="col">Scales</th>
            <th scope="col">Scale range</th>
          </tr>
        </thead>
        <tbody>
          {r.layers.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td>
              <td>{l.op === 'dense' ? 'FULLY_CONNECTED' : l.op === 'conv2d' ? 'CONV_2D' : 'DEPTHWISE_CONV_2D'}</td>
              <td>[{l.weightShape.join(', ')}]</td>
              <td>{l.scales === 1 ? 'per-tensor' : `${l.scales} (per-channel)`}</td>
              <td>
                {l.scaleMin.toExponential(3)}
                {l.scales > 1 ? ` … ${l.scaleMax.toExponential(3)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
