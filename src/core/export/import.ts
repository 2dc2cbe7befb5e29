/**
 * .tflite → ModelSpec, so the device estimator can cost a user's own model (eIQ model zoo, Edge
 * Impulse, this lab's export). Reads the operators this lab writes — FULLY_CONNECTED, CONV_2D,
 * DEPTHWISE_CONV_2D, MAX/AVERAGE_POOL_2D, MEAN, RESHAPE, ADD, SOFTMAX, RELU, RELU6, QUANTIZE /
 * DEQUANTIZE at the edges — and names any other operator in a clear error. Only the topology is
 * read; weights stay in the file.
 */
import { analyzeSpec } from '../model/analyze';
import type { Activation as SpecActivation, LayerSpec, ModelSpec } from '../model/spec';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
import type { TfliteGraph, TfliteOperator } from './graph';
import { readTflite, TfliteFormatError } from './reader';
import { Activation, BuiltinOperator, OPERATOR_NAMES, Padding } from './schema';

export { TfliteFormatError };

const ACT: Record<number, SpecActivation> = { [Activation.NONE]: 'linear', [Activation.RELU]: 'relu', [Activation.RELU6]: 'relu6' };
/** Largest dimension accepted before any shape is used (a 20 MB file cannot hold more). */
const MAX_DIM = 1 << 24;

function opName(g: TfliteGraph, op: TfliteOperator): string {
  const c = g.opcodes[op.opcodeIndex];
  return c.customCode ? `custom "${c.customCode}"` : (OPERATOR_NAMES[c.builtinCode] ?? `builtin operator ${c.builtinCode}`);
}

function act(code: number, where: string): SpecActivation {
  const a = ACT[code];
  if (!a) throw new TfliteFormatError(`${where}: fused activation ${code} is not supported (only none, RELU, RELU6)`);
  return a;
}

function pad(code: number): 'same' | 'valid' {
  return code === Padding.SAME ? 'same' : 'valid';
}

/** Layer name from a tensor name: "conv1" from "conv1", "model/conv1/BiasAdd" → "model_conv1_BiasAdd". */
function cleanName(n: string, used: Set<string>, fallback: string): string {
  let base = (n || fallback).replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || fallback;
  if (base === 'input') base = `${base}_layer`;
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  return name;
}

export function graphToSpec(g: TfliteGraph, id: string): ModelSpec {
  for (const t of g.tensors) {
    if (t.shape.some((d) => !Number.isInteger(d) || d < -1 || d > MAX_DIM)) {
      throw new TfliteFormatError(`tensor "${t.name}" has an impossible shape [${t.shape.join(', ')}]`);
    }
  }
  if (g.inputs.length !== 1 || g.outputs.length !== 1) {
    throw new TfliteFormatError(`the model has ${g.inputs.length} inputs and ${g.outputs.length} outputs; the estimator takes one of each`);
  }
  const layerOf = new Map<number, string>([[g.inputs[0], 'input']]);
  const inT = g.tensors[g.inputs[0]];
  const inputShape = inT.shape.slice(1);
  const used = new Set<string>(['input']);
  const layers: LayerSpec[] = [];
  let previous = 'input';

  for (const [i, op] of g.operators.entries()) {
    const code = g.opcodes[op.opcodeIndex].builtinCode;
    const o = op.options;
    const where = `operator ${i} (${opName(g, op)})`;
    const src = layerOf.get(op.inputs[0]);
    if (src === undefined) throw new TfliteFormatError(`${where} reads tensor "${g.tensors[op.inputs[0]]?.name}", which no supported operator writes`);
    const outT = g.tensors[op.outputs[0]];
    // QUANTIZE / DEQUANTIZE only change the number format at the edges: no layer.
    if (code === BuiltinOperator.QUANTIZE || code === BuiltinOperator.DEQUANTIZE) {
      layerOf.set(op.outputs[0], src);
      continue;
    }
    const hasBias = op.inputs.length > 2 && op.inputs[2] >= 0;
    const w = g.tensors[op.inputs[1]];
    let layer: DistributiveOmit<LayerSpec, 'name'>;
    const nameTensor = code === BuiltinOperator.FULLY_CONNECTED || code === BuiltinOperator.CONV_2D || code === BuiltinOperator.DEPTHWISE_CONV_2D
      ? (w?.name.replace(/\/kernel$/, '') === w?.name ? outT.name : w.name.replace(/\/kernel$/, ''))
      : outT.name;
    switch (code) {
      case BuiltinOperator.FULLY_CONNECTED:
        layer = { type: 'dense', units: w.shape[0], activation: act(Number(o.activation ?? 0), where), useBias: hasBias };
        break;
      case BuiltinOperator.CONV_2D:
        if (Number(o.dilationW ?? 1) !== 1 || Number(o.dilationH ?? 1) !== 1) throw new TfliteFormatError(`${where}: dilated convolution is not supported`);
        layer = {
          type: 'conv2d', filters: w.shape[0], kernel: [w.shape[1], w.shape[2]], stride: [Number(o.strideH), Number(o.strideW)],
          padding: pad(Number(o.padding)), activation: act(Number(o.activation ?? 0), where), useBias: hasBias,
        };
        break;
      case BuiltinOperator.DEPTHWISE_CONV_2D: {
        if (Number(o.dilationW ?? 1) !== 1 || Number(o.dilationH ?? 1) !== 1) throw new TfliteFormatError(`${where}: dilated convolution is not supported`);
        const cin = g.tensors[op.inputs[0]].shape[3];
        layer = {
          type: 'depthwiseConv2d', kernel: [w.shape[1], w.shape[2]], stride: [Number(o.strideH), Number(o.strideW)], padding: pad(Number(o.padding)),
          depthMultiplier: cin ? w.shape[3] / cin : Number(o.depthMultiplier ?? 1), activation: act(Number(o.activation ?? 0), where), useBias: hasBias,
        };
        break;
      }
      case BuiltinOperator.MAX_POOL_2D:
      case BuiltinOperator.AVERAGE_POOL_2D:
        if (Number(o.activation ?? 0) !== Activation.NONE) throw new TfliteFormatError(`${where}: fused activations on pooling are not supported`);
        layer = {
          type: code === BuiltinOperator.MAX_POOL_2D ? 'maxPool2d' : 'avgPool2d',
          pool: [Number(o.filterH), Number(o.filterW)], stride: [Number(o.strideH), Number(o.strideW)], padding: pad(Number(o.padding)),
        };
        break;
      case BuiltinOperator.MEAN: {
        const s = g.tensors[op.inputs[0]].shape;
        if (s.length !== 4 || outT.shape.length !== 2) throw new TfliteFormatError(`${where}: only a global mean over height and width is supported`);
        layer = { type: 'globalAvgPool2d' };
        break;
      }
      case BuiltinOperator.RESHAPE:
        if (outT.shape.length !== 2) throw new TfliteFormatError(`${where}: only a reshape to [batch, features] (flatten) is supported`);
        layer = { type: 'flatten' };
        break;
      case BuiltinOperator.ADD:
        layer = { type: 'add', inputs: [], activation: act(Number(o.activation ?? 0), where) };
        break;
      case BuiltinOperator.SOFTMAX:
      case BuiltinOperator.RELU:
      case BuiltinOperator.RELU6: {
        const a: SpecActivation = code === BuiltinOperator.SOFTMAX ? 'softmax' : code === BuiltinOperator.RELU ? 'relu' : 'relu6';
        const last = layers[layers.length - 1];
        // The converter's SOFTMAX after a linear dense is that dense's activation.
        if (a === 'softmax' && last?.type === 'dense' && last.name === src && (last.activation ?? 'linear') === 'linear') {
          last.activation = 'softmax';
          layerOf.set(op.outputs[0], last.name);
          continue;
        }
        layer = { type: 'activation', activation: a };
        break;
      }
      default:
        throw new TfliteFormatError(`${where} is not supported by the estimator (supported: FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, MEAN, RESHAPE, ADD, SOFTMAX, RELU, RELU6, QUANTIZE, DEQUANTIZE)`);
    }
    const name = cleanName(nameTensor, used, `layer${i}`);
    const inputs = (code === BuiltinOperator.ADD ? op.inputs : [op.inputs[0]]).map((t) => {
      const l = layerOf.get(t);
      if (l === undefined) throw new TfliteFormatError(`${where} reads tensor "${g.tensors[t]?.name}", which no supported operator writes`);
      return l;
    });
    const full = { ...layer, name } as LayerSpec;
    if (code === BuiltinOperator.ADD || inputs[0] !== previous) full.inputs = inputs;
    layers.push(full);
    layerOf.set(op.outputs[0], name);
    previous = name;
  }
  if (layers.length === 0) throw new TfliteFormatError('the model has no layers the estimator can read');
  const spec: ModelSpec = { id, name: id, inputShape, layers, description: g.description || undefined };
  analyzeSpec(spec); // throws a SpecError naming the layer if the shapes do not chain
  return spec;
}

/** Bytes of a .tflite file → ModelSpec. Throws TfliteFormatError (or SpecError) saying what is wrong. */
export function tfliteToSpec(bytes: Uint8Array, id = 'tflite-model'): ModelSpec {
  return graphToSpec(readTflite(bytes), id);
}
