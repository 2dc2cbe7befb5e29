/**
 * The panel's energy inputs (battery and inference rate) and the energy-per-operation view:
 * Horowitz's 45 nm table next to this variant's arithmetic energy at int8 and fp32, so the reason
 * int8 and on-chip memory save energy is one glance away from the numbers.
 */
import { HOROWITZ_45NM, formatEnergy, macEnergyJ } from '../../core/devices/energy';
import { energySettings } from '../../store/energy';
import { useLabSettings } from '../../store/use-lab-settings';
import { NumberField } from '../controls';

export function EnergyControls() {
  const [s, update] = useLabSettings(energySettings, { url: false });
  const f = energySettings.fields;
  return (
    <div className="dp-energy-controls" role="group" aria-label="Battery and duty cycle">
      <NumberField label={f.batteryMah.label} field={f.batteryMah} value={s.batteryMah} onChange={(v) => update({ batteryMah: v })} />
      <NumberField label={f.batteryVolts.label} field={f.batteryVolts} value={s.batteryVolts} step="any" onChange={(v) => update({ batteryVolts: v })} />
      <NumberField
        label={f.inferencesPerSecond.label}
        field={f.inferencesPerSecond}
        value={s.inferencesPerSecond}
        step="any"
        onChange={(v) => update({ inferencesPerSecond: v })}
      />
    </div>
  );
}

export function OperationEnergy({ macs }: { macs: number }) {
  const max = Math.log10(Math.max(...HOROWITZ_45NM.ops.map((o) => o.pJ)));
  const min = Math.log10(Math.min(...HOROWITZ_45NM.ops.map((o) => o.pJ)));
  return (
    <details className="dp-details">
      <summary>Energy per operation (45 nm)</summary>
      <table className="dp-table dp-ops">
        <caption>pJ per operation, log scale</caption>
        <tbody>
          {HOROWITZ_45NM.ops.map((o) => (
            <tr key={o.op}>
              <th scope="row">{o.op}</th>
              <td className="dp-ops-bar" aria-hidden="true">
                <span className={`dp-ops-${o.group}`} style={{ width: `${8 + (92 * (Math.log10(o.pJ) - min)) / (max - min)}%` }} />
              </td>
              <td>{o.pJ.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dp-sub">
        This model&apos;s {macs.toLocaleString('en-US')} MACs cost {formatEnergy(macEnergyJ(macs, 'int8'))} of arithmetic at int8 vs{' '}
        {formatEnergy(macEnergyJ(macs, 'fp32'))} at fp32; one DRAM read costs as much as ~4,000 int8 MACs. Source: {HOROWITZ_45NM.source}.
      </p>
    </details>
  );
}
