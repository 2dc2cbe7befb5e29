/**
 * "Dark knowledge" made visible: the teacher's class probabilities for one test image at T = 1 and at
 * the chosen T. The teacher's logits are fetched once per image; moving the Temperature slider only
 * recomputes softmax(z/T) here, with no worker round trip and no retraining.
 */
import { useMemo } from 'react';
import { DigitCanvas } from '../../components/DigitCanvas';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartFont } from '../../components/presenter/chart-font';
import { SelectField } from '../../components/controls';
import { Output } from '../../components/Output';
import { entropyBits, softTargetRows } from '../../core/techniques/distillation/soft-targets';
import { DIGITS, useDistillation } from '../../store/distillation';

export function SoftTargets(props: { temperature: number; digit: string; onDigit(d: (typeof DIGITS)[number]): void }) {
  const soft = useDistillation((s) => s.soft);
  const rows = useMemo(() => (soft ? softTargetRows(soft.logits, props.temperature) : null), [soft, props.temperature]);
  const T = props.temperature;
  // Presenter mode: ≥ 18 px chart text and a y axis wide enough for it.
  const { fontSize, scale } = useChartFont(14);
  const data = rows?.map((r) => ({ name: String(r.digit), atOne: r.atOne, atT: r.atT }));
  const runnerUp = rows
    ? rows.filter((r) => r.digit !== soft!.label).reduce((a, b) => (b.atT > a.atT ? b : a))
    : null;
  return (
    <section className="panel kd-soft" aria-label="Soft targets">
      <h2 className="kd-h">Soft targets: what the teacher says about one test digit</h2>
      <div className="kd-soft-head">
        <SelectField label="Soft targets for digit" value={props.digit as (typeof DIGITS)[number]} options={DIGITS.map((d) => ({ value: d, label: d }))} onChange={props.onDigit} />
        {soft && <DigitCanvas pixels={soft.pixels} label={`Test image ${soft.index}, a ${soft.label}`} className="digit kd-thumb" size={56} />}
        {rows && soft && (
          <div className="outputs">
            <Output label={`Teacher's probability of ${soft.label} at T = ${T}`} size="small">
              {`${(rows[soft.label].atT * 100).toFixed(1)} % (at T = 1: ${(rows[soft.label].atOne * 100).toFixed(1)} %)`}
            </Output>
            <Output label="Most similar other digit" size="small">
              {runnerUp ? `${runnerUp.digit} (${(runnerUp.atT * 100).toFixed(1)} %)` : '–'}
            </Output>
            <Output label={`Entropy at T = ${T}`} size="small">
              {`${entropyBits(rows.map((r) => r.atT)).toFixed(2)} bits (T = 1: ${entropyBits(rows.map((r) => r.atOne)).toFixed(2)})`}
            </Output>
          </div>
        )}
      </div>
      {data ? (
        <figure className="chart">
          <figcaption>Teacher probabilities at T = 1 and at T = {T}</figcaption>
          <ResponsiveContainer width="100%" height={210}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" vertical={false} />
              <XAxis dataKey="name" tick={{ fontSize }} interval={0} />
              <YAxis domain={[0, 1]} tick={{ fontSize }} tickFormatter={(v: number) => `${Math.round(v * 100)} %`} width={Math.round(56 * scale)} />
              <Tooltip isAnimationActive={false} formatter={(v) => (typeof v === 'number' ? `${(v * 100).toFixed(2)} %` : String(v))} />
              <Legend verticalAlign="top" align="right" height={Math.round(26 * scale)} wrapperStyle={{ fontSize }} />
              <Bar dataKey="atOne" name="T = 1" fill="#8aa4c8" isAnimationActive={false} />
              <Bar dataKey="atT" name={`T = ${T}`} fill="#1f5fbf" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      ) : (
        <p className="placeholder">The bars appear once there is a teacher.</p>
      )}
    </section>
  );
}
