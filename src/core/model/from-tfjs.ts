/**
 * Reads a model file into a ModelSpec: either a ModelSpec JSON, or a tfjs Layers `model.json`
 * (Sequential or Functional topology, as written by tfjs `model.save` or tensorflowjs_converter).
 * Only the topology is read; weights are not needed to estimate. Errors name the layer and why,
 * e.g. `layer 3 "zero_padding2d" (ZeroPadding2D): unsupported layer class`.
 * Pure TypeScript: used by the Devices page upload and by scripts/estimate.ts.
 */
import { analyzeSpec } from './analyze';
import type { Activation, LayerSpec, ModelSpec, Padding } from './spec';

export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const ACTIVATIONS: Record<string, Activation> = { linear: 'linear', relu: 'relu', relu6: 'relu6', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax' };
const DROPOUTS = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);
export const SUPPORTED_LAYER_CLASSES = [
  'InputLayer', 'Dense', 'Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'MaxPooling2D', 'AveragePooling2D',
  'GlobalAveragePooling2D', 'Flatten', 'BatchNormalization', 'Activation', 'ReLU', 'Dropout', 'Add', 'Reshape (flatten only)',
];

/**
 * Model files read as JSON are refused above this size before they are read: a tfjs model.json
 * holds only the topology (its weights are in separate .bin shards) and a ModelSpec is a few kB, so
 * a bigger file is not a model — and a 40 MB one, read and shown, crashed the tab (issue 20 probe).
 */
export const MAX_MODEL_JSON_BYTES = 5 * 1024 * 1024;

/** Parses text (JSON) or an already-parsed object into a validated ModelSpec. */
export function parseModelFile(input: string | unknown, fallbackName = 'uploaded model'): ModelSpec {
  let obj: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_MODEL_JSON_BYTES) throw new ModelFileError(`${input.length} characters: model files over ${MAX_MODEL_JSON_BYTES / 2 ** 20} MB are refused`);
    try {
      obj = JSON.parse(input);
    } catch (e) {
      throw new ModelFileError(`not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObj(obj)) throw new ModelFileError('the file is not a JSON object');
  let spec: ModelSpec;
  if ('layers' in obj && 'inputShape' in obj) {
    spec = { id: String(obj.id ?? 'uploaded'), name: String(obj.name ?? fallbackName), ...(obj as object) } as ModelSpec;
  } else if ('modelTopology' in obj || 'class_name' in obj || 'model_config' in obj) {
    spec = fromTfjsTopology(obj, fallbackName);
  } else {
    throw new ModelFileError('neither a ModelSpec (needs "inputShape" and "layers") nor a tfjs model.json (needs "modelTopology")');
  }
  analyzeSpec(spec); // throws SpecError naming the layer
  return spec;
}

function topologyOf(obj: Json): Json {
  let t: unknown = 'modelTopology' in obj ? obj.modelTopology : obj;
  if (isObj(t) && isObj(t.model_config)) t = t.model_config;
  if (!isObj(t) || typeof t.class_name !== 'string') throw new ModelFileError('modelTopology has no "class_name"');
  return t;
}

/** Shape without the batch dimension from batch_input_shape / batchInputShape / batch_shape. */
function inputShapeOf(cfg: Json): number[] | undefined {
  const s = cfg.batch_input_shape ?? cfg.batchInputShape ?? cfg.batch_shape;
  if (!Array.isArray(s)) return undefined;
  return s.slice(1).map((d) => (typeof d === 'number' ? d : NaN));
}

/** Names of the layers feeding a functional layer (Keras 2 and Keras 3 inbound_nodes formats). */
function inboundNames(layer: Json): string[] {
  const nodes = layer.inbound_nodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const node = nodes[0];
  if (Array.isArray(node)) return node.map((n) => String(Array.isArray(n) ? n[0] : n));
  if (isObj(node) && Array.isArray(node.args)) {
    const out: string[] = [];
    const visit = (a: unknown) => {
      if (Array.isArray(a)) a.forEach(visit);
      else if (isObj(a) && isObj(a.config) && Array.isArray(a.config.keras_history)) out.push(String(a.config.keras_history[0]));
    };
    visit(node.args);
    return out;
  }
  return [];
}

function fromTfjsTopology(obj: Json, fallbackName: string): ModelSpec {
  const topo = topologyOf(obj);
  const cls = topo.class_name as string;
  const config = topo.config;
  let rawLayers: unknown;
  if (cls === 'Sequential') rawLayers = Array.isArray(config) ? config : isObj(config) ? config.layers : undefined;
  else if (cls === 'Model' || cls === 'Functional') rawLayers = isObj(config) ? config.layers : undefined;
  else throw new ModelFileError(`unsupported model class "${cls}" (expected Sequential, Model or Functional)`);
  if (!Array.isArray(rawLayers) || rawLayers.length === 0) throw new ModelFileError('the topology has no layers');
  const functional = cls !== 'Sequential';
  const name = isObj(config) && typeof config.name === 'string' ? config.name : fallbackName;

  let inputShape: number[] | undefined;
  const layers: LayerSpec[] = [];
  const rename = new Map<string, string>(); // Keras layer name → spec tensor name
  let prev = 'input';
  rawLayers.forEach((raw, i) => {
    if (!isObj(raw) || !isObj(raw.config)) throw new ModelFileError(`layer ${i + 1}: not a {class_name, config} object`);
    const c = raw.config;
    const lname = String(c.name ?? raw.name ?? `layer_${i + 1}`);
    const klass = String(raw.class_name);
    const fail = (why: string): never => {
      throw new ModelFileError(`layer ${i + 1} "${lname}" (${klass}): ${why}`);
    };
    const shape = inputShapeOf(c);
    if (klass === 'InputLayer') {
      if (inputShape) fail('a second input; only single-input models are supported');
      inputShape = shape ?? fail('has no batch_input_shape');
      rename.set(lname, 'input');
      return;
    }
    if (!inputShape && shape) inputShape = shape;
    const inbound = functional ? inboundNames(raw).map((n) => rename.get(n) ?? n) : [prev];
    const inputsField = inbound.length === 1 && inbound[0] === prev ? {} : { inputs: inbound };
    const act = (): Activation => {
      const a = c.activation ?? 'linear';
      if (typeof a !== 'string' || !(a in ACTIVATIONS)) fail(`activation "${String(a)}" is not supported (${Object.keys(ACTIVATIONS).join(', ')})`);
      return ACTIVATIONS[a as string];
    };
    const pad = (): Padding => {
      const p = c.padding ?? 'valid';
      if (p !== 'same' && p !== 'valid') fail(`padding "${String(p)}" is not supported`);
      return p as Padding;
    };
    const pairOf = (v: unknown, what: string): [number, number] => {
      const p = typeof v === 'number' ? [v, v] : v;
      if (!Array.isArray(p) || p.length !== 2 || !p.every((x) => Number.isInteger(x) && x > 0)) fail(`${what} must be one or two positive integers, got ${JSON.stringify(v)}`);
      return p as [number, number];
    };
    const checkConv = () => {
      if (c.data_format && c.data_format !== 'channels_last') fail('only channels_last data is supported');
      const d = c.dilation_rate ?? 1;
      if (pairOf(d, 'dilation_rate').some((x) => x !== 1)) fail('dilated convolutions are not supported');
      if (c.groups !== undefined && c.groups !== 1) fail('grouped convolutions are not supported');
    };
    const useBias = c.use_bias === false ? { useBias: false } : {};
    const push = (l: LayerSpec) => {
      layers.push(l);
      prev = l.name;
      rename.set(lname, l.name);
    };
    switch (klass) {
      case 'Dense':
        push({ type: 'dense', name: lname, units: Number(c.units), activation: act(), ...useBias, ...inputsField });
        break;
      case 'Conv2D':
        checkConv();
        push({ type: 'conv2d', name: lname, filters: Number(c.filters), kernel: pairOf(c.kernel_size, 'kernel_size'), stride: pairOf(c.strides ?? 1, 'strides'), padding: pad(), activation: act(), ...useBias, ...inputsField });
        break;
      case 'DepthwiseConv2D':
        checkConv();
        push({ type: 'depthwiseConv2d', name: lname, kernel: pairOf(c.kernel_size, 'kernel_size'), stride: pairOf(c.strides ?? 1, 'strides'), padding: pad(), depthMultiplier: Number(c.depth_multiplier ?? 1), activation: act(), ...useBias, ...inputsField });
        break;
      case 'SeparableConv2D':
        checkConv();
        // A depthwise conv followed by a 1x1 conv: the pair the .tflite file holds.
        layers.push({ type: 'depthwiseConv2d', name: `${lname}_dw`, kernel: pairOf(c.kernel_size, 'kernel_size'), stride: pairOf(c.strides ?? 1, 'strides'), padding: pad(), depthMultiplier: Number(c.depth_multiplier ?? 1), useBias: false, ...inputsField });
        prev = `${lname}_dw`;
        push({ type: 'conv2d', name: lname, filters: Number(c.filters), kernel: 1, activation: act(), ...useBias });
        break;
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const pool = pairOf(c.pool_size ?? 2, 'pool_size');
        push({ type: klass === 'MaxPooling2D' ? 'maxPool2d' : 'avgPool2d', name: lname, pool, stride: c.strides == null ? pool : pairOf(c.strides, 'strides'), padding: pad(), ...inputsField });
        break;
      }
      case 'GlobalAveragePooling2D':
        if (c.keepdims === true) fail('keepdims=true is not supported');
        push({ type: 'globalAvgPool2d', name: lname, ...inputsField });
        break;
      case 'Flatten':
        push({ type: 'flatten', name: lname, ...inputsField });
        break;
      case 'BatchNormalization': {
        const axis = Array.isArray(c.axis) ? c.axis[0] : (c.axis ?? -1);
        if (axis !== -1 && axis !== 3 && axis !== 1) fail(`normalising axis ${String(axis)} is not supported (only the channel axis)`);
        push({ type: 'batchNorm', name: lname, ...(typeof c.epsilon === 'number' ? { epsilon: c.epsilon } : {}), ...inputsField });
        break;
      }
      case 'Activation':
        push({ type: 'activation', name: lname, activation: act(), ...inputsField });
        break;
      case 'ReLU': {
        const max = c.max_value ?? null;
        if ((c.negative_slope ?? 0) !== 0 || (c.threshold ?? 0) !== 0) fail('leaky / thresholded ReLU is not supported');
        if (max !== null && max !== 6) fail(`ReLU with max_value ${String(max)} is not supported (only 6)`);
        push({ type: 'activation', name: lname, activation: max === 6 ? 'relu6' : 'relu', ...inputsField });
        break;
      }
      case 'Add':
        push({ type: 'add', name: lname, inputs: inbound });
        break;
      case 'Reshape': {
        const target = c.target_shape;
        if (!Array.isArray(target)) fail('has no target_shape');
        const cur = currentShape(inputShape, layers, inbound[0], fail);
        const same = (target as unknown[]).length === cur.length && (target as unknown[]).every((d, k) => d === cur[k] || d === -1);
        if (same) {
          rename.set(lname, inbound[0]);
          prev = inbound[0];
        } else if ((target as unknown[]).length === 1) push({ type: 'flatten', name: lname, ...inputsField });
        else fail(`reshaping [${cur.join(', ')}] to [${(target as unknown[]).join(', ')}] is not supported (only flattening)`);
        break;
      }
      default:
        if (DROPOUTS.has(klass)) {
          push({ type: 'dropout', name: lname, rate: Math.min(0.99, Number(c.rate ?? c.stddev ?? 0) || 0), ...inputsField });
          break;
        }
        fail(`unsupported layer class; supported: ${SUPPORTED_LAYER_CLASSES.join(', ')}`);
    }
  });
  if (!inputShape || inputShape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new ModelFileError(`the input shape is missing or not fixed (${JSON.stringify(inputShape ?? null)}); set batch_input_shape on the first layer`);
  }
  return { id: `tfjs-${name}`, name, inputShape, layers };
}

function currentShape(inputShape: number[] | undefined, layers: LayerSpec[], tensor: string, fail: (w: string) => never): number[] {
  if (!inputShape) return fail('comes before the input shape is known');
  if (tensor === 'input' || layers.length === 0) return inputShape;
  const info = analyzeSpec({ id: 'partial', name: 'partial', inputShape, layers });
  const l = info.layers.find((x) => x.name === tensor);
  return l ? l.outputShape : inputShape;
}
