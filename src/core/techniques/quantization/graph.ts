/**
 * The quantized graph of a ModelSpec: which layers become one integer op, and where tensors get
 * their own scale and zero point. Shared by the fake-quant hooks (where to insert fake quantization
 * in tfjs) and the integer-only engine (which ops to run), so both simulate the same arithmetic.
 *
 * Rules (the TFLite converter's, simplified to what the zoo uses):
 * - A dense/conv/depthwise layer with activation linear/relu/relu6 is one op; a following standalone
 *   relu/relu6/linear activation layer that is its only reader is fused into it (clamping in int8).
 * - Batch norm must be folded first (fold-bn.ts). Dropout is the identity at inference.
 * - Max pool, flatten: the output keeps the input's scale and zero point (no rounding needed).
 * - Avg pool, global avg pool, standalone relu/relu6: same scale and zero point, but the result is
 *   rounded back onto the grid (a fake-quant point with inherited parameters).
 * - Add: its own calibrated parameters (inputs are rescaled to it).
 * - sigmoid / tanh / softmax are not supported by this int8 path.
 */
import { analyzeSpec } from '../../model/analyze';
import { pair, type Activation, type ModelSpec } from '../../model/spec';

export type ClampActivation = 'linear' | 'relu' | 'relu6';

interface OpBase {
  /** Name of the tensor this op writes (a layer name). */
  out: string;
  /** Tensor names it reads. */
  inputs: string[];
  outShape: number[];
}
export interface WeightedOp extends OpBase {
  kind: 'dense' | 'conv2d' | 'depthwiseConv2d';
  /** The layer that owns the weights (differs from `out` when an activation layer was fused). */
  layer: string;
  activation: ClampActivation;
  inShape: number[];
  kernel: [number, number];
  stride: [number, number];
  padding: 'same' | 'valid';
}
export interface PoolOp extends OpBase {
  kind: 'maxPool2d' | 'avgPool2d';
  inShape: number[];
  pool: [number, number];
  stride: [number, number];
  padding: 'same' | 'valid';
}
export interface SimpleOp extends OpBase {
  kind: 'globalAvgPool2d' | 'flatten';
  inShape: number[];
}
export interface ClampOp extends OpBase {
  kind: 'clamp';
  activation: ClampActivation;
}
export interface AddOp extends OpBase {
  kind: 'add';
  activation: ClampActivation;
}
export type QuantOp = WeightedOp | PoolOp | SimpleOp | ClampOp | AddOp;

export interface QuantTensor {
  name: string;
  shape: number[];
  /**
   * "input": fixed 8-bit input params; "calibrated": own params from calibration;
   * otherwise the name of the tensor whose params it shares.
   */
  params: 'input' | 'calibrated' | { from: string };
  /** Whether fake-quant rounds this tensor back onto its grid (false when it is already exact). */
  fakeQuant: boolean;
}

export interface QuantPlan {
  ops: QuantOp[];
  tensors: Map<string, QuantTensor>;
  /** Tensor holding the model output (logits). */
  output: string;
  /** Tensors whose params come from calibration, in graph order. */
  calibrated: string[];
}

export class QuantPlanError extends Error {}

function clampAct(a: Activation | undefined, layer: string): ClampActivation {
  const act = a ?? 'linear';
  if (act === 'linear' || act === 'relu' || act === 'relu6') return act;
  throw new QuantPlanError(`layer "${layer}": activation "${act}" has no int8 form in this lab (use relu, relu6 or linear)`);
}

export function planQuantization(spec: ModelSpec): QuantPlan {
  const info = analyzeSpec(spec);
  const readers = new Map<string, number>();
  for (const li of info.layers) for (const n of li.inputs) readers.set(n, (readers.get(n) ?? 0) + 1);

  // alias: spec layer name → tensor name in the quantized graph.
  const alias = new Map<string, string>([['input', 'input']]);
  const tensors = new Map<string, QuantTensor>([
    ['input', { name: 'input', shape: spec.inputShape, params: 'input', fakeQuant: false }],
  ]);
  const ops: QuantOp[] = [];
  const calibrated: string[] = [];
  const fusedInto = new Map<string, string>(); // weighted layer → activation layer that absorbs it
  const paramsOwner = (t: string): string => {
    const q = tensors.get(t)!;
    return typeof q.params === 'object' ? q.params.from : t;
  };

  info.layers.forEach((li, i) => {
    const l = spec.layers[i];
    const ins = li.inputs.map((n) => alias.get(n) ?? n);
    const addTensor = (params: QuantTensor['params'], fakeQuant: boolean) => {
      tensors.set(l.name, { name: l.name, shape: li.outputShape, params, fakeQuant });
      alias.set(l.name, l.name);
      if (params === 'calibrated') calibrated.push(l.name);
    };
    switch (l.type) {
      case 'dense':
      case 'conv2d':
      case 'depthwiseConv2d': {
        const next = spec.layers[i + 1];
        const fuse =
          next?.type === 'activation' &&
          (next.inputs === undefined || (next.inputs.length === 1 && next.inputs[0] === l.name)) &&
          readers.get(l.name) === 1 &&
          (l.activation ?? 'linear') === 'linear';
        const out = fuse ? next.name : l.name;
        const isDense = l.type === 'dense';
        const op: WeightedOp = {
          kind: l.type,
          layer: l.name,
          out,
          inputs: ins,
          inShape: li.inputShapes[0],
          outShape: li.outputShape,
          activation: clampAct(fuse ? (next as { activation: Activation }).activation : l.activation, fuse ? next.name : l.name),
          kernel: isDense ? [1, 1] : pair(l.kernel, 1),
          stride: isDense ? [1, 1] : pair(l.stride, 1),
          padding: isDense ? 'valid' : (l.padding ?? 'valid'),
        };
        ops.push(op);
        if (fuse) fusedInto.set(l.name, next.name);
        else addTensor('calibrated', true);
        break;
      }
      case 'activation': {
        const src = li.inputs[0];
        if (fusedInto.get(src) === l.name) {
          addTensor('calibrated', true);
          break;
        }
        const act = clampAct(l.activation, l.name);
        if (act === 'linear') {
          alias.set(l.name, ins[0]);
          break;
        }
        ops.push({ kind: 'clamp', out: l.name, inputs: ins, outShape: li.outputShape, activation: act });
        addTensor({ from: paramsOwner(ins[0]) }, true);
        break;
      }
      case 'maxPool2d':
      case 'avgPool2d': {
        const pool = pair(l.pool, 1);
        ops.push({
          kind: l.type,
          out: l.name,
          inputs: ins,
          inShape: li.inputShapes[0],
          outShape: li.outputShape,
          pool,
          stride: l.stride === undefined ? pool : pair(l.stride, 1),
          padding: l.padding ?? 'valid',
        });
        addTensor({ from: paramsOwner(ins[0]) }, l.type === 'avgPool2d');
        break;
      }
      case 'globalAvgPool2d':
      case 'flatten':
        ops.push({ kind: l.type, out: l.name, inputs: ins, inShape: li.inputShapes[0], outShape: li.outputShape });
        addTensor({ from: paramsOwner(ins[0]) }, l.type === 'globalAvgPool2d');
        break;
      case 'dropout':
        alias.set(l.name, ins[0]);
        break;
      case 'add':
        ops.push({ kind: 'add', out: l.name, inputs: ins, outShape: li.outputShape, activation: clampAct(l.activation, l.name) });
        addTensor('calibrated', true);
        break;
      case 'batchNorm':
        throw new QuantPlanError(`layer "${l.name}": fold batch norm into the previous layer before quantizing`);
    }
  });
  const last = spec.layers[spec.layers.length - 1].name;
  return { ops, tensors, output: alias.get(last) ?? last, calibrated };
}

/** The scale/zero-point owner of a tensor (itself when calibrated or the input). */
export function paramsSource(plan: QuantPlan, tensor: string): string {
  const t = plan.tensors.get(tensor);
  if (!t) throw new QuantPlanError(`unknown tensor "${tensor}"`);
  return typeof t.params === 'object' ? t.params.from : tensor;
}
