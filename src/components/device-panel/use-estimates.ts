/** Estimates for the panel, memoised on (variants, target); invalid specs become an error entry. */
import { useMemo } from 'react';
import { estimate, estimateAll, type Estimate, type ModelVariant } from '../../core/devices';
import { LENET5 } from '../../core/model/zoo/mnist';
import { useBaseline } from '../../store/baseline';
import { useDevice } from '../../store/device';

export type VariantEstimate = { variant: ModelVariant; estimate: Estimate; error?: undefined } | { variant: ModelVariant; estimate?: undefined; error: string };

/** Where the panel's columns come from: the page, the saved baseline, or LeNet-5 when none is saved. */
export type VariantSource = 'page' | 'baseline' | 'default';

/** The page's variants, or the saved baseline (else LeNet-5) as fp32 and int8. */
export function usePanelVariants(): { variants: ModelVariant[]; source: VariantSource } {
  const pageVariants = useDevice((s) => s.variants);
  const baselineSpec = useBaseline((s) => s.baseline?.spec);
  return useMemo(() => {
    if (pageVariants && pageVariants.length > 0) return { variants: pageVariants, source: 'page' };
    const spec = baselineSpec ?? LENET5;
    return {
      variants: [
        { label: 'fp32', spec, deployment: { dtype: 'fp32' } },
        { label: 'int8', spec, deployment: { dtype: 'int8' } },
      ],
      source: baselineSpec ? 'baseline' : 'default',
    };
  }, [pageVariants, baselineSpec]);
}

function safe<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function useVariantEstimates(variants: ModelVariant[], targetId: string): VariantEstimate[] {
  return useMemo(
    () =>
      variants.map((variant) => {
        const r = safe(() => estimate(variant.spec, variant.deployment, targetId));
        return typeof r === 'string' ? { variant, error: r } : { variant, estimate: r };
      }),
    [variants, targetId],
  );
}

export function useAllTargets(variant: ModelVariant | undefined): Estimate[] | string {
  return useMemo(() => (variant ? safe(() => estimateAll(variant.spec, variant.deployment)) : []), [variant]);
}
