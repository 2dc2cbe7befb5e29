/**
 * Hinton et al.'s bias adjustment (2015, §3) for the left-out digit: raise the distilled student's
 * output bias for that digit by hand ("Bias adjustment") or by the best validation accuracy
 * ("Find best bias"), and see the left-out digit's test accuracy before and after.
 */
import { useState } from 'react';
import { NumberField } from '../../components/controls';
import { Output, percent } from '../../components/Output';
import { distillationSettings, patchDistillation, useDistillation } from '../../store/distillation';
import { useLabSettings } from '../../store/use-lab-settings';
import { errorText as message } from '../../store/notices';
import { getEngine } from '../../worker/client';
import { useJob } from '../../components/jobs';
import { distillationLab } from './lab';

export function BiasAdjust() {
  const [v, update] = useLabSettings(distillationSettings);
  const report = useDistillation((s) => s.report);
  const bias = useDistillation((s) => s.bias);
  const engineBusy = useJob(distillationLab).blocked;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const digit = report?.teacherLeftOut?.digit ?? null;
  if (!report || digit === null || report.stopped) return null;
  const apply = async (b: number | 'find') => {
    setBusy(true);
    setError(null);
    try {
      const r = await getEngine().distillation.adjustBias({ bias: b });
      patchDistillation({ bias: r });
      if (b === 'find') update({ kdBias: r.bias });
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const frac = (c: number, t: number) => (t ? c / t : 0);
  return (
    <section className="panel kd-bias" aria-label="Bias adjustment">
      <h3>Bias adjustment for the left-out {digit}</h3>
      <p className="muted">
        The distilled student never saw a {digit}, so its output bias for {digit} is too low. Adding δ to that one bias moves only the
        {' '}{digit}-logit (Hinton et al. 2015, §3). "Find best bias" picks δ with the best accuracy on 2,000 training images outside the
        transfer set (the {digit}s' accuracy alone would always want a larger δ).
      </p>
      <div className="kd-bias-row">
        <NumberField label="Bias adjustment" field={distillationSettings.fields.kdBias} value={v.kdBias} step={0.1} disabled={busy || engineBusy}
          onChange={(x) => {
            update({ kdBias: x });
            void apply(x);
          }} />
        <button type="button" className="button" disabled={busy || engineBusy} onClick={() => void apply('find')}>
          Find best bias
        </button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      {bias && (
        <div className="outputs">
          <Output label="Left-out digit accuracy" title={`test ${digit}s right with δ = ${bias.bias}`}>
            {percent(frac(bias.after.digitCorrect, bias.after.digitTotal))}
          </Output>
          <Output label="Left-out digit accuracy before" size="small">
            {`${percent(frac(bias.before.digitCorrect, bias.before.digitTotal))} (${bias.before.digitCorrect}/${bias.before.digitTotal})`}
          </Output>
          <Output label="Test accuracy with the bias" size="small">{`${percent(bias.after.accuracy, 2)} (was ${percent(bias.before.accuracy, 2)})`}</Output>
          <Output label="Applied bias" size="small">{`δ = ${bias.bias.toFixed(1)}`}</Output>
        </div>
      )}
    </section>
  );
}
