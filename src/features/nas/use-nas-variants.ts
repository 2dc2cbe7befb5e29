/**
 * Hands the device panel what this page is about: the baseline (as deployed today, fp32) and the
 * inspected candidate as NAS deploys it (int8), so the panel's Flash / RAM / Latency match the budget.
 */
import { useMemo } from 'react';
import { useDeviceVariants, type ModelVariant } from '../../components/device-panel';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import { decode } from '../../core/techniques/nas/space';
import { NAS_DEPLOYMENT } from '../../core/techniques/nas/cost';
import { useBaseline } from '../../store/baseline';

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
