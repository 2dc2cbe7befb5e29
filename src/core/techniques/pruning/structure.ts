/**
 * How removing an output unit (dense neuron, conv filter) ripples through the graph.
 *
 * A removed unit's channel is followed downstream through channel-wise layers (batch norm, activation,
 * dropout, pooling, global pooling, flatten — where one channel becomes h·w features — and depthwise
 * convolutions, whose channels follow their input) until it reaches the dense / conv layers that read
 * it, whose matching inputs go too. `add` (skip connections) would tie channels of several layers
 * together; layers whose channels reach an add, or the model output, are not structured candidates.
 *
 * The same walk gives two things: the masks that zero a unit inside the unchanged architecture (kernel
 * column, bias, the batch-norm γ/β and depthwise channels that follow it, so the channel is exactly 0
 * downstream for activations with f(0) = 0), and the slices that build the really smaller model.
 */
import { analyzeSpec } from '../../model/analyze';
import type { LayerSpec, ModelSpec, WeightSet, WeightTensor } from '../../model/spec';
import type { MaskSet } from './types';

type Role = WeightTensor['role'];

/** Keep-vector `keep` applies along `axis` of tensor (layer, role). */
export interface AxisOp {
  layer: string;
  role: Role;
  axis: number;
  keep: Uint8Array;
  /** 'unit' = the unit itself or a channel that follows it; 'input' = a consumer's inputs. */
  kind: 'unit' | 'input';
}

class Unsupported extends Error {}

function consumers(spec: ModelSpec): Map<string, LayerSpec[]> {
  const map = new Map<string, LayerSpec[]>();
  let prev = 'input';
  for (const l of spec.layers) {
    for (const src of l.inputs ?? [prev]) map.set(src, [...(map.get(src) ?? []), l]);
    prev = l.name;
  }
  return map;
}

/** Follows a per-channel keep vector of `from`'s output to every layer that reads it. */
function propagate(spec: ModelSpec, from: string, keep: Uint8Array, ops: AxisOp[]): void {
  const info = analyzeSpec(spec);
  const shapeOf = new Map(info.layers.map((l) => [l.name, l.outputShape]));
  const readers = consumers(spec);
  const output = spec.layers[spec.layers.length - 1].name;
  const walk = (name: string, k: Uint8Array) => {
    if (name === output) throw new Unsupported(`"${from}" feeds the model output`);
    const next = readers.get(name) ?? [];
    if (next.length === 0) throw new Unsupported(`"${name}" is read by no layer`);
    for (const c of next) {
      switch (c.type) {
        case 'dense':
          ops.push({ layer: c.name, role: 'kernel', axis: 0, keep: k, kind: 'input' });
          break;
        case 'conv2d':
          ops.push({ layer: c.name, role: 'kernel', axis: 2, keep: k, kind: 'input' });
          break;
        case 'depthwiseConv2d': {
          const m = c.depthMultiplier ?? 1;
          const out = new Uint8Array(k.length * m);
          for (let i = 0; i < out.length; i++) out[i] = k[Math.floor(i / m)];
          ops.push({ layer: c.name, role: 'kernel', axis: 2, keep: k, kind: 'unit' });
          ops.push({ layer: c.name, role: 'bias', axis: 0, keep: out, kind: 'unit' });
          walk(c.name, out);
          break;
        }
        case 'batchNorm':
          for (const role of ['gamma', 'beta', 'movingMean', 'movingVariance'] as const) {
            ops.push({ layer: c.name, role, axis: 0, keep: k, kind: 'unit' });
          }
          walk(c.name, k);
          break;
        case 'flatten': {
          const n = shapeOf.get(c.name)![0];
          const flat = new Uint8Array(n);
          for (let i = 0; i < n; i++) flat[i] = k[i % k.length];
          walk(c.name, flat);
          break;
        }
        case 'activation':
        case 'dropout':
        case 'maxPool2d':
        case 'avgPool2d':
        case 'globalAvgPool2d':
          walk(c.name, k);
          break;
        case 'add':
          throw new Unsupported(`"${from}" reaches the skip connection "${c.name}"`);
      }
    }
  };
  walk(from, keep);
}

/** Dense and conv2d layers whose units can be removed, with the reason for the others. */
export function structuredCandidates(spec: ModelSpec): { layers: string[]; excluded: Record<string, string> } {
  const layers: string[] = [];
  const excluded: Record<string, string> = {};
  for (const l of spec.layers) {
    if (l.type !== 'dense' && l.type !== 'conv2d') continue;
    const units = l.type === 'dense' ? l.units : l.filters;
    try {
      propagate(spec, l.name, new Uint8Array(units).fill(1), []);
      layers.push(l.name);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      excluded[l.name] = e.message;
    }
  }
  return { layers, excluded };
}

/** Every axis operation implied by a mask set: kernel masks, and for structured masks the ripple. */
export function axisOps(spec: ModelSpec, masks: MaskSet): AxisOp[] {
  const ops: AxisOp[] = [];
  for (const m of masks) {
    if (!m.units) continue;
    ops.push({ layer: m.layer, role: 'kernel', axis: m.shape.length - 1, keep: m.units, kind: 'unit' });
    ops.push({ layer: m.layer, role: 'bias', axis: 0, keep: m.units, kind: 'unit' });
    propagate(spec, m.layer, m.units, ops);
  }
  return ops;
}

/** A keep-vector along one axis, expanded to the full tensor layout (row-major). */
export function expandAlongAxis(shape: number[], axis: number, keep: Uint8Array): Uint8Array {
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const size = shape.reduce((a, b) => a * b, 1);
  const dim = shape[axis];
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = keep[Math.floor(i / inner) % dim];
  return out;
}

/** One multiplicative mask per weight tensor (same layout as the tensor). */
export interface TensorMask {
  layer: string;
  role: Role;
  mask: Uint8Array;
}

/**
 * The masks to multiply into the weights so the unchanged architecture computes the pruned network.
 * Consumers' inputs need no mask: the channel they read is already exactly zero.
 */
export function tensorMasks(spec: ModelSpec, weights: WeightSet, masks: MaskSet): TensorMask[] {
  const byKey = new Map<string, TensorMask>();
  const shapeOf = new Map(weights.map((w) => [`${w.layer}/${w.role}`, w.shape]));
  const add = (layer: string, role: Role, mask: Uint8Array) => {
    const key = `${layer}/${role}`;
    const prev = byKey.get(key);
    if (prev) for (let i = 0; i < mask.length; i++) prev.mask[i] &= mask[i];
    else byKey.set(key, { layer, role, mask: mask.slice() });
  };
  for (const m of masks) add(m.layer, 'kernel', m.mask);
  for (const op of axisOps(spec, masks)) {
    // Zeroing the moving statistics is not needed (γ = β = 0 already gives 0) and would divide by √ε.
    if (op.kind !== 'unit' || op.role === 'movingMean' || op.role === 'movingVariance') continue;
    const shape = shapeOf.get(`${op.layer}/${op.role}`);
    if (shape) add(op.layer, op.role, expandAlongAxis(shape, op.axis, op.keep));
  }
  return [...byKey.values()];
}

/** Weights with the tensor masks multiplied in (pure; returns new arrays for masked tensors). */
export function applyTensorMasks(weights: WeightSet, masks: TensorMask[]): WeightSet {
  const byKey = new Map(masks.map((m) => [`${m.layer}/${m.role}`, m.mask]));
  return weights.map((w) => {
    const mask = byKey.get(`${w.layer}/${w.role}`);
    if (!mask) return w;
    const data = new Float32Array(w.data.length);
    for (let i = 0; i < data.length; i++) data[i] = mask[i] ? w.data[i] : 0;
    return { ...w, data };
  });
}

/** Keeps the entries of `data` (shape `shape`) whose index along `axis` has keep = 1. */
export function sliceAxis(data: Float32Array, shape: number[], axis: number, keep: Uint8Array): { data: Float32Array; shape: number[] } {
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const dim = shape[axis];
  const kept: number[] = [];
  for (let i = 0; i < dim; i++) if (keep[i]) kept.push(i);
  const out = new Float32Array(outer * kept.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const i of kept) {
      const start = (a * dim + i) * inner;
      out.set(data.subarray(start, start + inner), o);
      o += inner;
    }
  }
  const newShape = shape.slice();
  newShape[axis] = kept.length;
  return { data: out, shape: newShape };
}

/**
 * The really smaller model: removed units gone from the spec (fewer units / filters) and every tensor
 * that touched them sliced. Its outputs equal the masked model's (tested).
 */
export function shrinkModel(spec: ModelSpec, weights: WeightSet, masks: MaskSet): { spec: ModelSpec; weights: WeightSet } {
  const ops = axisOps(spec, masks);
  const tensors = new Map(weights.map((w) => [`${w.layer}/${w.role}`, { data: w.data, shape: w.shape }]));
  for (const op of ops) {
    const key = `${op.layer}/${op.role}`;
    const t = tensors.get(key);
    if (t) tensors.set(key, sliceAxis(t.data, t.shape, op.axis, op.keep));
  }
  const unitsLeft = new Map(masks.filter((m) => m.units).map((m) => [m.layer, m.units!.reduce((a, b) => a + b, 0)]));
  const layers = spec.layers.map((l): LayerSpec => {
    const n = unitsLeft.get(l.name);
    if (n === undefined) return l;
    if (l.type === 'dense') return { ...l, units: n };
    if (l.type === 'conv2d') return { ...l, filters: n };
    return l;
  });
  const small: ModelSpec = { ...spec, id: `${spec.id}-pruned`, layers };
  analyzeSpec(small); // throws if the slicing left the model inconsistent
  return {
    spec: small,
    weights: weights.map((w) => {
      const t = tensors.get(`${w.layer}/${w.role}`)!;
      return { ...w, data: t.data, shape: t.shape };
    }),
  };
}

/**
 * What a structured mask set really removes from each pruned layer's kernel: its own units plus the
 * inputs that read units removed upstream (the rows / input channels the small model drops too).
 * Unstructured masks are returned as they are.
 */
export function effectiveMasks(spec: ModelSpec, masks: MaskSet): MaskSet {
  if (!masks.some((m) => m.units)) return masks;
  const inputs = axisOps(spec, masks).filter((op) => op.kind === 'input' && op.role === 'kernel');
  return masks.map((m) => {
    const mask = m.mask.slice();
    for (const op of inputs) {
      if (op.layer !== m.layer) continue;
      const e = expandAlongAxis(m.shape, op.axis, op.keep);
      for (let i = 0; i < mask.length; i++) mask[i] &= e[i];
    }
    return { ...m, mask };
  });
}

/** MACs the model saves when one unit of each listed layer goes (its own and its readers' share). */
export function unitMacCost(spec: ModelSpec, layers: string[]): Record<string, number> {
  const total = analyzeSpec(spec).macs;
  const out: Record<string, number> = {};
  for (const name of layers) {
    const smaller: ModelSpec = {
      ...spec,
      layers: spec.layers.map((l) => {
        if (l.name !== name) return l;
        if (l.type === 'dense' && l.units > 1) return { ...l, units: l.units - 1 };
        if (l.type === 'conv2d' && l.filters > 1) return { ...l, filters: l.filters - 1 };
        return l;
      }),
    };
    out[name] = total - analyzeSpec(smaller).macs;
  }
  return out;
}
