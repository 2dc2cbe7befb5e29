/**
 * Energy per inference and battery life of one variant on the panel's target: latency × the part's
 * active power per engine (src/core/devices/energy.ts), at the battery and rate the panel's energy
 * controls set. The faster engine is the headline; the other engine is the line below it.
 */
import { engineEnergy, formatDuration, formatEnergy, type EngineEnergy } from '../../core/devices/energy';
import type { Estimate } from '../../core/devices';
import { energySettings } from '../../store/energy';
import { useLabSettings } from '../../store/use-lab-settings';
import { Output } from '../Output';

export function EnergyRow({ est }: { est: Estimate }) {
  const [s] = useLabSettings(energySettings, { url: false });
  const battery = { mAh: s.batteryMah, volts: s.batteryVolts };
  const of = (e: Estimate['cpu'] | undefined) => (e ? engineEnergy(est.targetId, e, battery, s.inferencesPerSecond) : undefined);
  const engines = [of(est.cpu), of(est.npu)].filter((e): e is EngineEnergy => e !== undefined);
  if (engines.length === 0) return <span className="dp-sub">No power figure for this part.</span>;
  const best = engines.reduce((a, b) => (b.energyJ < a.energyJ ? b : a));
  const other = engines.find((e) => e !== best);
  const name = (e: EngineEnergy) => e.engine.toUpperCase();
  return (
    <div className="dp-energy">
      <Output label="Energy per inference" size="small" title={`${name(best)} at ${best.powerW.value} W (${best.powerW.source})`}>
        {formatEnergy(best.energyJ)}
      </Output>
      <span className="dp-band">
        {name(best)} · {formatEnergy(best.lowJ)} – {formatEnergy(best.highJ)}
        {other ? `; ${name(other)} ${formatEnergy(other.energyJ)}` : ''}
      </span>
      <Output label="Battery life" size="small" title={`${s.batteryMah} mAh at ${s.batteryVolts} V, ${s.inferencesPerSecond} inferences/s, sleeping in between`}>
        {formatDuration(best.batteryHours)}
      </Output>
      {best.saturated && <span className="dp-reason">Busy all the time: the rate exceeds one inference per latency.</span>}
    </div>
  );
}
