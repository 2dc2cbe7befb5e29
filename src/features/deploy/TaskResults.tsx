/**
 * The runtime check of a time-series export: the task's own metric (accuracy, AUC or R² with the MAE)
 * of the float model, the app's integer engine and LiteRT.js on the same rebuilt test windows, and
 * how closely the runtime's int8 outputs match the app's.
 */
import { count, Output, percent } from '../../components/Output';
import { formatTaskMetric } from '../../core/shelf/types';
import type { DeployResult, RuntimeCheck, TaskDeployScore } from '../../worker/protocol/deploy';

const fmt = (s: TaskDeployScore, v: number | null) => (v === null ? 'not run' : s.metric === 'accuracy' ? percent(v, 2) : formatTaskMetric(s.metric, v));

export function TaskRuntimeOutputs({ r, s, rt }: { r: DeployResult; s: TaskDeployScore; rt: RuntimeCheck | null }) {
  const mae = s.mae;
  return (
    <>
      <p className="dp-muted">
        {s.dataNote} The float-interface twin of the exported graph ran in {rt ? rt.runtime : 'LiteRT.js'} on the {count(s.testWindows)} test windows; its int8
        outputs are recovered exactly from the dequantized floats (q = round(y / s) + z), dequantized again and scored as the Time-series lab scores them.
      </p>
      {s.reproduced === false && (
        <p role="alert" className="field-error">
          The rebuilt windows do not reproduce the version’s stored float {s.metric}: see above.
        </p>
      )}
      <div className="dp-outputs">
        <Output label={`Runtime ${s.metric}`}>{fmt(s, s.runtime)}</Output>
        <Output label={`App integer ${s.metric}`}>{fmt(s, s.appInt8)}</Output>
        <Output label={`Float ${s.metric}`}>{fmt(s, s.float)}</Output>
        {mae && <Output label="Runtime MAE">{mae.runtime === null ? 'not run' : `${mae.runtime.toFixed(2)} ${mae.unit}`}</Output>}
        {mae && <Output label="App integer MAE">{`${mae.appInt8.toFixed(2)} ${mae.unit}`}</Output>}
        {mae && <Output label="Float MAE">{`${mae.float.toFixed(2)} ${mae.unit}`}</Output>}
        {s.metric === 'accuracy' && <Output label="Argmax agreement">{rt ? percent(rt.argmaxAgreement, 2) : 'not run'}</Output>}
        <Output label="Outputs equal">{rt ? percent(rt.exact, 2) : 'not run'}</Output>
        <Output label="Outputs within 1 LSB">{rt ? percent(rt.withinOne, 2) : 'not run'}</Output>
        <Output label="File size">{count(r.tflite.length)} bytes</Output>
      </div>
    </>
  );
}
