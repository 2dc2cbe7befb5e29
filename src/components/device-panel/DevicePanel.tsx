/**
 * The docked device panel: will the current lab's variants fit, and how fast do they run, on the
 * chosen NXP target. Pages hand it variants with useDeviceVariants; without any it shows the saved
 * baseline (or LeNet-5) as fp32 and int8. Estimates are pure and memoised (~10 µs per target), so
 * the panel follows a slider while it is dragged.
 */
import { useMemo } from 'react';
import { TARGETS, findTarget } from '../../core/devices';
import { deviceSettings, useDevice } from '../../store/device';
import { useLabSettings } from '../../store/use-lab-settings';
import { SelectField } from '../controls';
import { CompareTargets } from './CompareTargets';
import { Assumptions, LayerTable } from './Details';
import { EnergyControls, OperationEnergy } from './EnergyControls';
import { MemoryTimeline } from './MemoryTimeline';
import { usePanelVariants, useAllTargets, useVariantEstimates, type VariantEstimate } from './use-estimates';
import { VariantColumn } from './VariantColumn';
import { PinVersions, usePinnedVariants } from './PinVersions';
import './device-panel.css';

const TARGET_OPTIONS = TARGETS.map((t) => ({ value: t.id, label: `${t.name}${t.npu ? ' (CPU + NPU)' : ''}` }));

export function DevicePanel() {
  const [settings, update] = useLabSettings(deviceSettings);
  const targetId = settings.target;
  const collapsed = settings.panel === 'hidden';
  const setTarget = (target: string) => update({ target });
  const setCollapsed = (hide: boolean) => update({ panel: hide ? 'hidden' : 'shown' });
  const view = useDevice((s) => s.view);
  const focusRaw = useDevice((s) => s.focus);
  const { setView, setFocus } = useDevice.getState();
  const { variants: labVariants, source } = usePanelVariants();
  const pinned = usePinnedVariants();
  const variants = useMemo(() => (pinned.length ? [...labVariants, ...pinned] : labVariants), [labVariants, pinned]);
  const items = useVariantEstimates(variants, targetId);
  const focus = Math.min(focusRaw, variants.length - 1);
  const focused = items[focus];
  const all = useAllTargets(view === 'compare' && !collapsed ? variants[focus] : undefined);
  const target = findTarget(targetId);
  const npuSameAs = useMemo(() => firstWithSameNpuReason(items), [items]);

  return (
    <section className={`device-panel${collapsed ? ' device-panel-collapsed' : ''}`} aria-labelledby="device-panel-title">
      <div className="dp-head">
        <h2 id="device-panel-title">Device</h2>
        <button type="button" className="dp-toggle" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </div>
      {!collapsed && (
        <div className="dp-body">
          <SelectField label="Target" value={targetId} options={TARGET_OPTIONS} onChange={setTarget} />
          {target && (
            <p className="dp-target-meta">
              {target.cpu.name}
              {target.npu ? ` + ${target.npu.name}` : ''} · {target.board}
            </p>
          )}
          <div className="dp-tabs" role="group" aria-label="Panel view">
            <button type="button" aria-pressed={view === 'variants'} onClick={() => setView('variants')}>
              Variants
            </button>
            <button type="button" aria-pressed={view === 'compare'} onClick={() => setView('compare')}>
              Compare targets
            </button>
          </div>
          {view === 'variants' && <EnergyControls />}
          <PinVersions />
          {source !== 'page' && (
            <p className="dp-sub dp-source">
              {source === 'baseline' ? 'Your saved baseline, as fp32 and int8.' : <><strong>LeNet-5 (default)</strong>: no baseline is saved yet, so the panel shows the course’s reference CNN.</>}
            </p>
          )}
          {view === 'variants' ? (
            <div className="dp-variants">
              {items.map((it, i) => (
                <VariantColumn key={`${i}:${it.variant.label}`} item={it} npuSameAs={npuSameAs[i]} />
              ))}
            </div>
          ) : (
            <CompareTargets estimates={all} label={variants[focus]?.label ?? ''} />
          )}
          {variants.length > 1 && (
            <SelectField
              label="Focus variant"
              value={String(focus)}
              options={variants.map((v, i) => ({ value: String(i), label: v.label }))}
              onChange={(v) => setFocus(Number(v))}
            />
          )}
          {focused?.estimate && (
            <>
              <MemoryTimeline est={focused.estimate} label={focused.variant.label} />
              <LayerTable est={focused.estimate} label={focused.variant.label} />
              <OperationEnergy macs={focused.estimate.macs} />
              <Assumptions est={focused.estimate} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** For each column, the label of an earlier column with the same NPU "n/a" reason (so it is shown once). */
function firstWithSameNpuReason(items: VariantEstimate[]): (string | undefined)[] {
  const first = new Map<string, string>();
  return items.map((it) => {
    // "…; this variant is fp32." and "…; this variant is fp16." are one reason.
    const reason = it.estimate?.npu && !it.estimate.npu.available ? it.estimate.npu.reason?.replace(/this variant is [\w-]+\./, '') : undefined;
    if (!reason) return undefined;
    const earlier = first.get(reason);
    if (earlier === undefined) first.set(reason, it.variant.label);
    return earlier;
  });
}
