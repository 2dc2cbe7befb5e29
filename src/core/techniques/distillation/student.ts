/**
 * Students of adjustable width, and the size trade between teacher and student. A student is a zoo
 * spec with the units / filters of its hidden layers multiplied by a width factor; the output layer
 * (the last weighted layer: one logit per class) is left alone. Pure spec arithmetic, no tfjs.
 */
import { analyzeSpec } from '../../model/analyze';
import { isWeighted, type LayerSpec, type ModelSpec } from '../../model/spec';

/** Widths offered on the page, as a multiple of the zoo model's hidden layers. */

/** The spec with every hidden dense/conv layer's units/filters scaled by `width` (at least 1). */
export function scaleWidth(spec: ModelSpec, width: number): ModelSpec {
  if (!(Number.isFinite(width) && width > 0)) throw new RangeError(`width must be a positive number, got ${width}`);
  const lastWeighted = spec.layers.reduce((last, l, i) => (isWeighted(l) ? i : last), -1);
  const scale = (n: number) => Math.max(1, Math.round(n * width));
  const layers = spec.layers.map((l, i): LayerSpec => {
    if (i === lastWeighted) return l;
    if (l.type === 'dense') return { ...l, units: scale(l.units) };
    if (l.type === 'conv2d') return { ...l, filters: scale(l.filters) };
    return l;
  });
  const suffix = width === 1 ? '' : `-w${width}`;
  return {
    ...spec,
    id: `${spec.id}${suffix}`,
    name: width === 1 ? spec.name : `${spec.name} ×${width}`,
    layers,
  };
}

export interface SizeComparison {
  teacherParams: number;
  studentParams: number;
  teacherMacs: number;
  studentMacs: number;
  /** teacher params / student params: "the student is N× smaller". */
  paramRatio: number;
  macRatio: number;
}

export function compareSize(teacher: ModelSpec, student: ModelSpec): SizeComparison {
  const t = analyzeSpec(teacher);
  const s = analyzeSpec(student);
  return {
    teacherParams: t.params,
    studentParams: s.params,
    teacherMacs: t.macs,
    studentMacs: s.macs,
    paramRatio: t.params / s.params,
    macRatio: t.macs / s.macs,
  };
}
