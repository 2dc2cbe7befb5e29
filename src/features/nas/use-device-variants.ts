/**
 * Hands the device panel what this page is about: the baseline (as deployed today, fp32) and the
 * inspected candidate as NAS deploys it (int8), so the panel's Flash / RAM / Latency match the budget.
 * Also makes the page's Target follow the panel's target on first visit (unless a link or saved
 * settings chose one).
 */
import { useEffect, useMemo } from 'react';
import { useDeviceVariants, type ModelVariant } from '../../components/device-panel';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import { decode } from '../../core/techniques/nas/space';
import { NAS_DEPLOYMENT } from '../../core/techniques/nas/cost';
import { useBaseline } from '../../store/baseline';
import { useDevice } from '../../store/device';
import type { NasSettingsValues } from '../../store/nas';
import { readHashQuery } from '../../store/use-lab-settings';

export function useNasDeviceVariants(record: CandidateRecord | null): void {
  const baseline = useBaseline((s) => s.baseline);
  const variants = useMemo(() => {
    const out: ModelVariant[] = [];
    if (baseline) out.push({ label: 'baseline fp32', spec: baseline.spec, deployment: { dtype: 'fp32' } });
    if (record) out.push({ label: `NAS ${record.key} int8`, spec: decode(record.genotype), deployment: NAS_DEPLOYMENT });
    return out;
  }, [baseline, record]);
  useDeviceVariants(variants);
}

/** On first visit, default the NAS target to the device panel's target. */
export function useDefaultTargetFromPanel(update: (p: Partial<NasSettingsValues>) => void): void {
  useEffect(() => {
    let saved = false;
    try {
      saved = (window.localStorage.getItem('tinyml:settings:nas') ?? '').includes('"nasTarget"');
    } catch {
      /* storage disabled */
    }
    if (!saved && !('nasTarget' in readHashQuery())) update({ nasTarget: useDevice.getState().targetId });
  }, [update]);
}
