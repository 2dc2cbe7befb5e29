/**
 * Latency-aware cost for global structured pruning: how much inference time removing one unit of a
 * layer saves on a device target, from the device estimator (int8, the engine that runs the model).
 * A single unit often saves nothing measurable (NPU lanes work in groups; per-op overheads stay),
 * so the saving is averaged over removing half of the layer's units: (t(full) − t(half)) / removed.
 * Besides the layer's own MACs this counts what its readers lose (the next layer's inputs shrink),
 * exactly as the estimator sees the smaller model.
 */
import { estimate } from '../../devices';
import type { ModelSpec } from '../../model/spec';

/** Microseconds saved per removed unit, by layer; at least 1e-6 µs so a ratio never divides by zero. */
export function unitLatencyCost(spec: ModelSpec, layers: string[], targetId: string): Record<string, number> {
  const ms = (s: ModelSpec) => estimate(s, { dtype: 'int8' }, targetId).best.ms;
  const full = ms(spec);
  const out: Record<string, number> = {};
  for (const name of layers) {
    let removed = 0;
    const smaller: ModelSpec = {
      ...spec,
      layers: spec.layers.map((l) => {
        if (l.name !== name) return l;
        if (l.type === 'dense' && l.units > 1) {
          removed = Math.max(1, Math.floor(l.units / 2));
          return { ...l, units: l.units - removed };
        }
        if (l.type === 'conv2d' && l.filters > 1) {
          removed = Math.max(1, Math.floor(l.filters / 2));
          return { ...l, filters: l.filters - removed };
        }
        return l;
      }),
    };
    out[name] = removed ? Math.max(1e-6, ((full - ms(smaller)) * 1000) / removed) : 1e-6;
  }
  return out;
}
