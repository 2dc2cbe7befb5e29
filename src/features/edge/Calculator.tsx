/**
 * The cloud-vs-edge calculator: a stream (preset or rate + window), a link, a model on an NXP part →
 * latency, data per day, energy per decision and battery life both ways, and whether the link can
 * carry the stream at all. Every link figure and its source sits in the disclosure below the numbers.
 */
import { TARGETS, formatMs } from '../../core/devices';
import { formatDuration, formatEnergy } from '../../core/devices/energy';
import { DEFAULT_REPORT_SECONDS, DEFAULT_RESULT_BYTES, DEFAULT_SERVER_MS, LINKS, formatDataBytes } from '../../core/edge';
import { NumberField, SelectField } from '../../components/controls';
import { Output } from '../../components/Output';
import { edgeSettings, type EdgeSettingsValues } from '../../store/edge';
import type { ModelSpec } from '../../core/model/spec';
import { CALC_VOLTS, MODEL_OPTIONS, STREAM_PRESETS, useCalculator } from './use-calculator';

const LINK_OPTIONS = LINKS.map((l) => ({ value: l.id, label: l.name }));
const PART_OPTIONS = TARGETS.map((t) => ({ value: t.id, label: t.name }));
const fields = edgeSettings.fields;

/** Three significant digits without exponents: 0.0123, 4.68, 468,000. */
function sig(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return x >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3);
}

/** Latency in ms, or seconds once it is long enough that ms stop meaning much. */
function latency(ms: number): string {
  return ms >= 10_000 ? `${sig(ms / 1000)} s` : formatMs(ms);
}

/** Settings come from the page: one useLabSettings per schema per page, so link notices are not cleared twice. */
export function Calculator({ s, update, spec, baselineNote }: {
  s: EdgeSettingsValues;
  update(patch: Partial<EdgeSettingsValues>): void;
  spec: ModelSpec;
  /** Shown when "baseline" is chosen but none is saved yet. */
  baselineNote?: string;
}) {
  const { result: r, link, estimate: est, engine, partName } = useCalculator(s, spec);
  const preset = STREAM_PRESETS.find((p) => p.rate === s.eRate && p.sample === s.eSample)?.id ?? 'custom';
  const load = `${sig(r.linkLoad * 100)} % of the usable link`;
  return (
    <div className="edge-calc">
      <div className="edge-calc-grid">
      <div className="edge-calc-fields">
        <SelectField
          label="Sensor stream"
          value={preset}
          options={[...STREAM_PRESETS.map((p) => ({ value: p.id, label: p.label })), { value: 'custom', label: 'Custom (set rate and sample)' }]}
          onChange={(id) => {
            const p = STREAM_PRESETS.find((x) => x.id === id);
            if (p) update({ eRate: p.rate, eSample: p.sample });
          }}
        />
        <NumberField label={fields.eRate.label} field={fields.eRate} value={s.eRate} step="any" onChange={(v) => update({ eRate: v })} />
        <NumberField label={fields.eSample.label} field={fields.eSample} value={s.eSample} step="any" onChange={(v) => update({ eSample: v })} />
        <SelectField label="Model" value={s.eModel} options={MODEL_OPTIONS} onChange={(v) => update({ eModel: v })} />
        <SelectField label="Link" value={s.eLink} options={LINK_OPTIONS} onChange={(v) => update({ eLink: v })} />
        <SelectField label="Edge part" value={s.ePart} options={PART_OPTIONS} onChange={(v) => update({ ePart: v })} />
        <NumberField label={fields.eBattery.label} field={fields.eBattery} value={s.eBattery} onChange={(v) => update({ eBattery: v })} />
        <p className="edge-calc-meta">
          {baselineNote && <>{baselineNote} </>}
          {sig(r.decisionsPerSecond)} decisions per second · {est.params.toLocaleString('en-US')} parameters, int8 on {partName} ({engine.toUpperCase()})
        </p>
      </div>
      <div className="edge-calc-out">
        <section className="edge-col" aria-label="Cloud">
          <h3>Send the data to the cloud</h3>
          <Output label="Round-trip latency (cloud)">{latency(r.cloudLatencyMs)}</Output>
          <span className="edge-sub">
            transfer {latency(r.transferMs)} + network {latency(link.rttMs.value)} + server {DEFAULT_SERVER_MS} ms
          </span>
          <Output label="Data per day">{formatDataBytes(r.cloudBytesPerDay)}</Output>
          <Output label="Energy per decision (cloud)">{formatEnergy(r.cloudEnergyJ)}</Output>
          <Output label="Battery life (cloud)">{formatDuration(r.cloudBatteryHours)}</Output>
          <div className={r.linkCarries ? 'edge-ok' : 'edge-bad'}>
            <Output label="Carries the stream" size="small">
              {r.linkCarries ? 'yes' : 'no'}
            </Output>
            <span className="edge-sub">
              {load}
              {!r.linkCarries && ` — ${sig(r.linkLoad)}× too much: samples queue up without bound`}
            </span>
          </div>
        </section>
        <section className="edge-col" aria-label="Edge">
          <h3>Decide on the device</h3>
          <Output label="Latency (edge)">{formatMs(r.edgeLatencyMs)}</Output>
          <span className="edge-sub">
            estimator band {formatMs(est.best.low)} – {formatMs(est.best.high)}
          </span>
          <Output label="Data per day (edge)">{formatDataBytes(r.edgeBytesPerDay)}</Output>
          <Output label="Energy per decision (edge)">{formatEnergy(r.edgeEnergyJ)}</Output>
          <Output label="Battery life (edge)">{formatDuration(r.edgeBatteryHours)}</Output>
          <span className="edge-sub">
            {s.eBattery.toLocaleString('en-US')} mAh at {CALC_VOLTS} V; results ({DEFAULT_RESULT_BYTES} B each) batched into one message per{' '}
            {DEFAULT_REPORT_SECONDS / 3600} h
          </span>
        </section>
      </div>
      </div>
      <details className="edge-details">
        <summary>Link figures and sources</summary>
        <table className="edge-table">
          <thead>
            <tr>
              <th scope="col">Link</th>
              <th scope="col">Uplink</th>
              <th scope="col">Round trip</th>
              <th scope="col">Energy per byte</th>
              <th scope="col">Per message</th>
              <th scope="col">Duty cycle</th>
            </tr>
          </thead>
          <tbody>
            {LINKS.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td title={l.bytesPerSecond.source}>{formatDataBytes(l.bytesPerSecond.value)}/s</td>
                <td title={l.rttMs.source}>{l.rttMs.value} ms</td>
                <td title={l.joulesPerByte.source}>{formatEnergy(l.joulesPerByte.value)}</td>
                <td title={l.joulesPerMessage.source}>{formatEnergy(l.joulesPerMessage.value)}</td>
                <td title={l.dutyCycle.source}>{l.dutyCycle.value * 100} %</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="edge-sources">
          {LINKS.map((l) => (
            <li key={l.id}>
              <strong>{l.name}</strong>: uplink — {l.bytesPerSecond.source}; round trip — {l.rttMs.source}; energy/byte — {l.joulesPerByte.source};
              per message — {l.joulesPerMessage.source}; duty cycle — {l.dutyCycle.source}.
            </li>
          ))}
          <li>Server inference {DEFAULT_SERVER_MS} ms: assumed (small model, batch of one, including request handling). Device power: the device panel&apos;s sources.</li>
        </ul>
      </details>
    </div>
  );
}
