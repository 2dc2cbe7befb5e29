/**
 * The models a challenge can score — "the student's current model / shelf version": the current
 * lab's latest result (the pruned or quantized model just made, on its own lab), the saved baseline,
 * and every MNIST version on the shelf. Without a baseline the list ends with the untrained LeNet-5
 * the device panel shows by default. Each comes with how it is stored (a pruned model's sparsity and
 * bitmask storage, per-channel or per-tensor scales), so the estimator scores it as deployed.
 */
import { useMemo } from 'react';
import type { ChallengeModel } from '../../core/challenges';
import { zooSpec } from '../../core/model/zoo/mnist';
import { runningAccuracy } from '../../core/shelf/types';
import { describeBaseline, useBaseline } from '../../store/baseline';
import { usePruning } from '../../store/pruning';
import { shownReport, useQuantization } from '../../store/quantization';
import { useVersions } from '../../store/shelf';

export interface ScoredModel {
  /** "latest", "baseline", "shelf:<id>" or "default". */
  id: string;
  /** The option's text, with the accuracy the challenge will check. */
  label: string;
  model: ChallengeModel;
}

const pct = (a: number | null | undefined) => (a === null || a === undefined ? 'accuracy not measured' : `${(a * 100).toFixed(1)} %`);

/** The current lab's latest result, when the lab makes a model a challenge can score. */
function useLatestResult(lab: string): ScoredModel | null {
  const pruned = usePruning((s) => (lab === 'pruning' ? s.report : null));
  const quantized = useQuantization((s) => (lab === 'quantization' ? shownReport(s) : null));
  const quantSpec = useQuantization((s) => s.info?.spec);
  return useMemo(() => {
    if (pruned) {
      const structured = pruned.masks.some((m) => m.units);
      const share = Math.round((structured ? pruned.sparsity.units : pruned.sparsity.weights) * 100);
      return {
        id: 'latest',
        label: `This lab's latest result: pruned ${share} % ${structured ? 'units' : 'weights, bitmask storage'} · ${pct(pruned.accuracyFinal)}`,
        // Structured pruning shrinks the spec itself; unstructured zeros only pay off in sparse storage.
        model: {
          spec: pruned.spec,
          testAccuracy: pruned.accuracyFinal,
          deployment: structured ? {} : { sparsity: Object.fromEntries(pruned.perLayer.map((l) => [l.layer, l.sparsity])), storage: 'bitmask' },
        },
      };
    }
    if (quantized && quantSpec) {
      const accuracy = quantized.integerAccuracy ?? quantized.quantAccuracy;
      const bits = typeof quantized.request.weightFormat === 'number' ? `${quantized.request.weightFormat}-bit` : quantized.request.weightFormat;
      return {
        id: 'latest',
        label: `This lab's latest result: ${quantized.method} ${bits} · ${pct(accuracy)}`,
        model: { spec: quantSpec, testAccuracy: accuracy, deployment: { perChannel: quantized.request.granularity === 'per-channel' } },
      };
    }
    return null;
  }, [pruned, quantized, quantSpec]);
}

export function useChallengeModels(lab: string): ScoredModel[] {
  const latest = useLatestResult(lab);
  const baseline = useBaseline((s) => s.baseline);
  const versions = useVersions();
  return useMemo(() => {
    const out: ScoredModel[] = [];
    if (latest) out.push(latest);
    if (baseline) {
      out.push({ id: 'baseline', label: `Saved baseline: ${describeBaseline(baseline)}`, model: { spec: baseline.spec, testAccuracy: baseline.testAccuracy } });
    }
    for (const v of versions) {
      if (v.task) continue; // a time-series version has no MNIST accuracy to check
      const accuracy = runningAccuracy(v);
      // Its storage (sparsity, scales) counts; its dtype does not: the challenge names the dtype.
      out.push({ id: `shelf:${v.id}`, label: `Shelf: ${v.name} · ${pct(accuracy)}`, model: { spec: v.spec, testAccuracy: accuracy ?? null, deployment: v.deployment } });
    }
    if (!baseline) out.push({ id: 'default', label: 'LeNet-5 (default): no baseline saved, untrained', model: { spec: zooSpec('lenet5'), testAccuracy: null } });
    return out;
  }, [latest, baseline, versions]);
}
