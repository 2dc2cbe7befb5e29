/**
 * Batch-norm folding (as every int8 converter does before quantizing): a batch norm right after a
 * dense/conv layer becomes part of that layer's kernel and bias,
 *   w' = w · γ/√(σ²+ε) (per output channel),  b' = β + (b − μ) · γ/√(σ²+ε),
 * so inference runs one op with one set of integer weights. Returns a new spec without the batch-norm
 * layers and the matching weights; a model without batch norm comes back unchanged.
 */
import { isWeighted, type LayerSpec, type ModelSpec, type WeightSet, type WeightTensor } from '../../model/spec';

export function foldBatchNorm(spec: ModelSpec, weights: WeightSet): { spec: ModelSpec; weights: WeightSet } {
  if (!spec.layers.some((l) => l.type === 'batchNorm')) return { spec, weights };
  const get = (layer: string, role: WeightTensor['role']) => weights.find((w) => w.layer === layer && w.role === role);
  const layers: LayerSpec[] = [];
  const out: WeightSet = weights.filter((w) => spec.layers.find((l) => l.name === w.layer)?.type !== 'batchNorm');
  const renamed = new Map<string, string>();
  for (let i = 0; i < spec.layers.length; i++) {
    const l = spec.layers[i];
    if (l.type !== 'batchNorm') {
      const inputs = l.inputs?.map((n) => renamed.get(n) ?? n);
      layers.push(inputs ? ({ ...l, inputs } as LayerSpec) : l);
      continue;
    }
    const prev = layers[layers.length - 1];
    const reads = l.inputs === undefined || (l.inputs.length === 1 && l.inputs[0] === prev?.name);
    if (!prev || !isWeighted(prev) || !reads || (prev.activation ?? 'linear') !== 'linear') {
      throw new Error(`batch norm "${l.name}" does not follow a linear dense/conv layer, so it cannot be folded`);
    }
    const eps = l.epsilon ?? 1e-3;
    const gamma = get(l.name, 'gamma')!.data;
    const beta = get(l.name, 'beta')!.data;
    const mean = get(l.name, 'movingMean')!.data;
    const variance = get(l.name, 'movingVariance')!.data;
    const k = out.find((w) => w.layer === prev.name && w.role === 'kernel')!;
    const c = gamma.length;
    const factor = Float64Array.from(gamma, (g, j) => g / Math.sqrt(variance[j] + eps));
    const kernel = Float32Array.from(k.data, (v, j) => v * factor[j % c]);
    const oldBias = out.find((w) => w.layer === prev.name && w.role === 'bias')?.data;
    const bias = Float32Array.from(beta, (b, j) => b + ((oldBias?.[j] ?? 0) - mean[j]) * factor[j]);
    const idx = out.indexOf(k);
    out[idx] = { ...k, data: kernel };
    const bi = out.findIndex((w) => w.layer === prev.name && w.role === 'bias');
    const biasTensor: WeightTensor = { layer: prev.name, role: 'bias', shape: [c], data: bias };
    if (bi >= 0) out[bi] = biasTensor;
    else out.splice(idx + 1, 0, biasTensor);
    layers[layers.length - 1] = { ...prev, useBias: true } as LayerSpec;
    renamed.set(l.name, prev.name);
  }
  return { spec: { ...spec, layers }, weights: out };
}
