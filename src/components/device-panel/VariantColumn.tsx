/** One variant's numbers on the chosen target: a region named by the variant's label. */
import { findTarget, formatBytes, formatCount, formatMs, type EngineEstimate, type Estimate } from '../../core/devices';
import { precisionNotes } from './precision-notes';
import { Output } from '../Output';
import { EnergyRow } from './EnergyRow';
import type { VariantEstimate } from './use-estimates';
import { modelSizes, sizeKB, SIZE_LABEL, SIZE_MEANING } from '../../core/devices/model-size';

function CapacityBar({ used, capacity, label }: { used: number; capacity: number; label: string }) {
  const frac = capacity > 0 ? used / capacity : 1;
  const pct = Math.min(100, frac * 100);
  return (
    <div className="dp-bar" aria-hidden="true" title={`${label}: ${(frac * 100).toFixed(1)} % of ${formatBytes(capacity)}`}>
      <div className={`dp-bar-fill${frac > 1 ? ' dp-bar-over' : frac > 0.8 ? ' dp-bar-tight' : ''}`} style={{ width: `${Math.max(pct, 1)}%` }} />
    </div>
  );
}

/** "1.71 MB" kept on one line, so a narrow column wraps before the number, not between number and unit. */
function Bytes({ n }: { n: number }) {
  return <span className="dp-nowrap">{formatBytes(n)}</span>;
}

function latencyText(e: EngineEstimate | undefined): string {
  if (!e) return 'no NPU';
  if (!e.available) return 'n/a';
  return `${formatMs(e.ms)}`;
}

/**
 * `sameAs`: an earlier column already gives this engine's reason for "n/a" (e.g. "runs int8 models
 * only" under fp32 and again under fp16): say where instead of repeating it. `noted`: the column's
 * "where it runs" list already explains it.
 */
function Latency({ label, e, sameAs, noted = false }: { label: string; e: EngineEstimate | undefined; sameAs?: string; noted?: boolean }) {
  return (
    <div className="dp-latency">
      <Output label={label} size="small">
        {latencyText(e)}
      </Output>
      {e?.available &&
        (e.calibration === 'calibrated' ? (
          <span className="dp-band" title={`Error band ${e.bandNote}`}>
            {formatMs(e.low)} – {formatMs(e.high)}
          </span>
        ) : (
          // Never a calibrated-looking band on an engine nobody has measured: say it is a guess.
          <span className="dp-band dp-band-assumed" title={`Error band ${e.bandNote}`}>
            uncalibrated: {formatMs(e.low)} – {formatMs(e.high)} (assumed)
          </span>
        ))}
      {e && !e.available && !noted && <span className="dp-reason">{sameAs ? `Same reason as “${sameAs}”.` : e.reason}</span>}
      {e?.available && e.fallbackOps.length > 0 && (
        <span className="dp-fallback">CPU fallback: {e.fallbackOps.join(', ')}</span>
      )}
    </div>
  );
}

function Numbers({ est, npuSameAs, npuNoted }: { est: Estimate; npuSameAs?: string; npuNoted: boolean }) {
  const pct = (used: number, cap: number) => `${((used / cap) * 100).toFixed(cap > 1e9 ? 3 : 1)} %`;
  return (
    <>
      <Output label="Flash" size="small" title={`${SIZE_LABEL.flash}: ${SIZE_MEANING.flash}`}>
        {sizeKB(est.flash.total)}
      </Output>
      <CapacityBar used={est.flash.total} capacity={est.flash.capacity} label="Flash" />
      <span className="dp-sub">
        {pct(est.flash.total, est.flash.capacity)} of {formatBytes(est.flash.capacity)} ({SIZE_LABEL.flash}); {SIZE_LABEL.file} {sizeKB(modelSizes(est.flash).file)}, {SIZE_LABEL.weights}{' '}
        {sizeKB(modelSizes(est.flash).weights)}
      </span>
      <Output label="RAM" size="small" title="Tensor arena (activations + scratch + runtime data)">
        {formatBytes(est.ram.total)}
      </Output>
      <CapacityBar used={est.ram.total} capacity={est.ram.capacity} label="RAM" />
      <span className="dp-sub">
        {pct(est.ram.total, est.ram.capacity)} of {formatBytes(est.ram.capacity)} in <span className="dp-region">{est.ram.region}</span>
        {est.best.engine === 'npu' && est.ram.npuArena !== undefined ? ' (NPU arena)' : ''}
      </span>
      <Latency label="Latency (CPU)" e={est.cpu} />
      <Latency label="Latency (NPU)" e={est.npu} sameAs={npuSameAs} noted={npuNoted} />
      <EnergyRow est={est} />
      <div className={`dp-fit ${est.fits ? 'dp-fit-yes' : 'dp-fit-no'}`}>
        <Output label="Fits" size="small">
          {est.fits ? 'yes' : 'no'}
        </Output>
        {/* One line per memory: in a narrow column "margin 1.56 MB flash, 507 KB RAM" wrapped into "flash, 507 KB" / "RAM". */}
        {est.fits ? (
          <>
            <span className="dp-sub dp-line">flash margin <Bytes n={est.flash.margin} /></span>
            <span className="dp-sub dp-line">RAM margin <Bytes n={est.ram.margin} /> in {est.ram.region}</span>
          </>
        ) : (
          <>
            {!est.flash.fits && <span className="dp-sub dp-line">flash over by <Bytes n={-est.flash.margin} /></span>}
            {!est.ram.fits && (
              <span className="dp-sub dp-line">
                RAM over by <Bytes n={-est.ram.margin} />: the arena must fit {est.ram.region}
              </span>
            )}
          </>
        )}
      </div>
      <div className="dp-pair">
        <Output label="MACs" size="small">
          {formatCount(est.macs)} MACs
        </Output>
        <Output label="Parameters" size="small">
          {formatCount(est.params)} params
        </Output>
      </div>
      {est.trainingParams !== est.params && (
        <span className="dp-sub">batch norm folded: {formatCount(est.trainingParams)} training parameters</span>
      )}
      <span className="dp-sub">download (gzip) {formatBytes(est.downloadBytes)}</span>
    </>
  );
}

export function VariantColumn({ item, npuSameAs }: { item: VariantEstimate; npuSameAs?: string }) {
  const { variant } = item;
  const d = variant.deployment;
  const target = item.estimate ? findTarget(item.estimate.targetId) : undefined;
  const notes = target ? precisionNotes(target, d) : [];
  return (
    <section className="dp-variant" aria-label={variant.label}>
      <h3 className="dp-variant-title">{variant.label}</h3>
      <p className="dp-variant-meta">
        {variant.spec.name} · {d.dtype}
        {d.activationBits === 16 ? ' · int16 activations (16x8)' : ''}
        {d.storage && d.storage !== 'dense' ? ` · ${d.storage}` : ''}
      </p>
      {notes.length > 0 && (
        <ul className="dp-precision" aria-label={`${variant.label}: where it runs`}>
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      {item.estimate ? (
        <Numbers est={item.estimate} npuSameAs={npuSameAs} npuNoted={notes.some((n) => n.startsWith('NPU:'))} />
      ) : (
        <p className="dp-error" role="alert">{item.error}</p>
      )}
    </section>
  );
}
