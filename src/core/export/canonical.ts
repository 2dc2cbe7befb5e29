/**
 * One written form of a ModelSpec: every default spelled out (activation, bias, stride, padding, pairs
 * for kernel sizes) and `inputs` only where a layer does not read the one before it. The importer
 * emits this form, so export → import can be compared with a plain deep equality.
 */
import { pair, type LayerSpec, type ModelSpec } from '../model/spec';

export function canonicalLayer(l: LayerSpec, previous: string): LayerSpec {
  const inputs = l.inputs && !(l.type !== 'add' && l.inputs.length === 1 && l.inputs[0] === previous) ? { inputs: l.inputs } : {};
  switch (l.type) {
    case 'dense':
      return { type: 'dense', name: l.name, units: l.units, activation: l.activation ?? 'linear', useBias: l.useBias ?? true, ...inputs };
    case 'conv2d':
      return {
        type: 'conv2d', name: l.name, filters: l.filters, kernel: pair(l.kernel, 1), stride: pair(l.stride, 1),
        padding: l.padding ?? 'valid', activation: l.activation ?? 'linear', useBias: l.useBias ?? true, ...inputs,
      };
    case 'depthwiseConv2d':
      return {
        type: 'depthwiseConv2d', name: l.name, kernel: pair(l.kernel, 1), stride: pair(l.stride, 1), padding: l.padding ?? 'valid',
        depthMultiplier: l.depthMultiplier ?? 1, activation: l.activation ?? 'linear', useBias: l.useBias ?? true, ...inputs,
      };
    case 'maxPool2d':
    case 'avgPool2d': {
      const pool = pair(l.pool, 1);
      return { type: l.type, name: l.name, pool, stride: l.stride === undefined ? pool : pair(l.stride, 1), padding: l.padding ?? 'valid', ...inputs };
    }
    case 'add':
      return { type: 'add', name: l.name, inputs: l.inputs, activation: l.activation ?? 'linear' };
    case 'activation':
      return { type: 'activation', name: l.name, activation: l.activation, ...inputs };
    default:
      return { ...l };
  }
}

export function canonicalSpec(spec: ModelSpec): ModelSpec['layers'] {
  let previous = 'input';
  return spec.layers.map((l) => {
    const c = canonicalLayer(l, previous);
    previous = l.name;
    return c;
  });
}
