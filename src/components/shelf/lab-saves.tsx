/**
 * "Save to shelf" bound to each lab's result, so a lab page mounts it in one line: the slot that holds
 * the result, a default name built from the version the lab started from, masks and quantization
 * parameters as the technique defines them, and the accuracy measured by the lab.
 */
import { defaultVersionName, pruneStep, quantStep } from '../../core/shelf/naming';
import { useBaseline } from '../../store/baseline';
import { usePruning } from '../../store/pruning';
import { shownReport, useQuantization } from '../../store/quantization';
import { useShelf } from '../../store/shelf';
import { SaveToShelf } from './SaveToShelf';

/** The name of what the lab started from: the picked shelf version, else the baseline's model. */
function useStartName(): string {
  const activeId = useShelf((s) => s.activeId);
  const versions = useShelf((s) => s.listing?.versions);
  const baseline = useBaseline((s) => s.baseline);
  return versions?.find((v) => v.id === activeId)?.name ?? baseline?.spec.name ?? 'Model';
}

export function SavePruned() {
  const report = usePruning((s) => s.report);
  const start = useStartName();
  if (!report || report.stopped) return null;
  const structured = report.masks.some((m) => m.units);
  const sparsity = structured ? report.sparsity.units : report.sparsity.weights;
  return (
    <SaveToShelf
      // Structured pruning really removes units: the shrunk model has no masks to keep.
      slot={structured ? 'pruning:small' : 'pruning:work'}
      defaultName={defaultVersionName(start, structured ? `${pruneStep(sparsity)} units` : pruneStep(sparsity))}
      technique="prune"
      lab="pruning"
      masks={structured ? undefined : 'from-zeros'}
      metrics={{ floatAccuracy: report.accuracyFinal }}
    />
  );
}

export function SaveQuantized() {
  const report = useQuantization(shownReport);
  const start = useStartName();
  if (!report) return null;
  const bits = report.request.weightFormat;
  if (typeof bits !== 'number' || bits > 8 || report.integerAccuracy === null) {
    return <p className="field-hint">Only integer formats of up to 8 bits with an integer-only accuracy are saved to the shelf as quantized versions.</p>;
  }
  return (
    <SaveToShelf
      slot={report.method === 'QAT' ? 'quant:qat' : 'quant:float'}
      defaultName={defaultVersionName(start, quantStep(bits, report.method))}
      technique="quantize"
      lab="quantization"
      masks="inherit"
      quant={report.method}
      quantCheck={{ weightBits: bits, activationBits: report.request.activationBits }}
      metrics={{ floatAccuracy: report.floatAccuracy, integerAccuracy: report.integerAccuracy }}
    />
  );
}
