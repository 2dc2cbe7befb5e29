/**
 * Shape inference, validation and cost counting for a ModelSpec, without tfjs.
 * Every lab, the device estimator and NAS read these numbers.
 */
import { isWeighted, pair, type LayerSpec, type ModelSpec } from './spec';

const short = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export class SpecError extends Error {
  constructor(
    message: string,
    /** Index of the offending layer, or -1 for the model itself. */
    readonly layerIndex: number,
    readonly layerName?: string,
  ) {
    // A hostile file can put anything in a name or a shape: keep the message readable.
    const name = typeof layerName === 'string' ? short(layerName, 60) : '?';
    super(short(layerIndex < 0 ? message : `layer ${layerIndex + 1} "${name}": ${message}`, 300));
    this.name = 'SpecError';
  }
}

export interface LayerInfo {
  index: number;
  name: string;
  type: LayerSpec['type'];
  /** Names of the layers read ("input" for the model input). */
  inputs: string[];
  inputShapes: number[][];
  outputShape: number[];
  /** Elements of the output tensor (batch 1). */
  outputSize: number;
  /** Elements of the kernel (0 for layers without weights). */
  kernelParams: number;
  /** Bias / batch-norm parameters. */
  otherParams: number;
  params: number;
  /** Multiply-accumulates for one sample. */
  macs: number;
  /** Output channels (units for dense), i.e. the unit pruning removes and per-channel scales use. */
  outChannels: number;
}

export interface ModelInfo {
  layers: LayerInfo[];
  params: number;
  macs: number;
  inputSize: number;
  outputShape: number[];
}

const prod = (s: number[]) => s.reduce((a, b) => a * b, 1);
const ACTIVATIONS = new Set(['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax', undefined]);

function convOut(inp: number, k: number, s: number, padding: string | undefined): number {
  return padding === 'same' ? Math.ceil(inp / s) : Math.floor((inp - k) / s) + 1;
}

/**
 * Limits that keep a hostile or mistaken file from hanging the page or allocating gigabytes: sizes
 * are checked here, before anything is built, and analysis stays linear in the layer count.
 */
export const SPEC_LIMITS = { layers: 5000, dim: 1e9, tensor: 1e12, name: 200 } as const;

function positive(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= SPEC_LIMITS.dim;
}

/** Validates a spec and computes every layer's shapes and costs. Throws SpecError naming the layer. */
export function analyzeSpec(spec: ModelSpec): ModelInfo {
  if (!spec || typeof spec !== 'object') throw new SpecError('the model is not an object', -1);
  // Names are shown (panel, tables, captions): a string of reasonable length, nothing else.
  if (spec.name !== undefined && (typeof spec.name !== 'string' || spec.name.length > SPEC_LIMITS.name)) {
    throw new SpecError(`the model's name must be text of at most ${SPEC_LIMITS.name} characters`, -1);
  }
  if (!Array.isArray(spec.inputShape) || spec.inputShape.length === 0 || !spec.inputShape.every(positive)) {
    throw new SpecError(`inputShape must be a list of positive integers, got ${JSON.stringify(spec.inputShape)}`, -1);
  }
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) throw new SpecError('the model has no layers', -1);
  if (spec.layers.length > SPEC_LIMITS.layers) {
    throw new SpecError(`the model has ${spec.layers.length} layers; at most ${SPEC_LIMITS.layers} are supported`, -1);
  }
  if (prod(spec.inputShape) > SPEC_LIMITS.tensor) throw new SpecError(`inputShape [${spec.inputShape.join(', ')}] is too large`, -1);

  const shapes = new Map<string, number[]>([['input', spec.inputShape]]);
  const layers: LayerInfo[] = [];
  let prev = 'input';
  spec.layers.forEach((l, i) => {
    const fail = (msg: string): never => {
      throw new SpecError(msg, i, typeof l?.name === 'string' ? l.name : undefined);
    };
    if (!l || typeof l !== 'object') fail('is not an object');
    if (typeof l.name !== 'string' || !l.name) fail('has no name');
    if (l.name.length > SPEC_LIMITS.name) fail(`its name has ${l.name.length} characters; at most ${SPEC_LIMITS.name}`);
    if (shapes.has(l.name)) fail(`the name "${l.name}" is used twice`);
    if ('activation' in l && !ACTIVATIONS.has(l.activation)) fail(`unknown activation "${String(l.activation)}"`);
    const inputs = l.inputs ?? [prev];
    for (const n of inputs) if (!shapes.has(n)) fail(`reads "${n}", which is not an earlier layer`);
    const inShapes = inputs.map((n) => shapes.get(n)!);
    const x = inShapes[0];
    let out: number[] = [];
    let kernelParams = 0;
    let otherParams = 0;
    let macs = 0;
    let outChannels = 0;
    const needRank = (r: number) => {
      if (x.length !== r) fail(`expects a rank-${r} input, got shape [${x.join(', ')}]`);
    };
    switch (l.type) {
      case 'dense': {
        if (!positive(l.units)) fail(`units must be a positive integer, got ${String(l.units)}`);
        needRank(1);
        kernelParams = x[0] * l.units;
        otherParams = l.useBias === false ? 0 : l.units;
        macs = kernelParams;
        out = [l.units];
        outChannels = l.units;
        break;
      }
      case 'conv2d':
      case 'depthwiseConv2d': {
        needRank(3);
        const [kh, kw] = pair(l.kernel, 0);
        const [sh, sw] = pair(l.stride, 1);
        if (!positive(kh) || !positive(kw)) fail(`kernel must be positive integers, got ${JSON.stringify(l.kernel)}`);
        if (!positive(sh) || !positive(sw)) fail(`stride must be positive integers, got ${JSON.stringify(l.stride)}`);
        if (l.padding !== undefined && l.padding !== 'same' && l.padding !== 'valid') fail(`padding must be "same" or "valid"`);
        const [h, w, cin] = x;
        const ho = convOut(h, kh, sh, l.padding);
        const wo = convOut(w, kw, sw, l.padding);
        if (ho < 1 || wo < 1) fail(`a ${kh}x${kw} kernel does not fit the ${h}x${w} input`);
        let cout: number;
        if (l.type === 'conv2d') {
          if (!positive(l.filters)) fail(`filters must be a positive integer, got ${String(l.filters)}`);
          cout = l.filters;
          kernelParams = kh * kw * cin * cout;
        } else {
          const m = l.depthMultiplier ?? 1;
          if (!positive(m)) fail(`depthMultiplier must be a positive integer`);
          cout = cin * m;
          kernelParams = kh * kw * cin * m;
        }
        otherParams = l.useBias === false ? 0 : cout;
        macs = ho * wo * kernelParams;
        out = [ho, wo, cout];
        outChannels = cout;
        break;
      }
      case 'maxPool2d':
      case 'avgPool2d': {
        needRank(3);
        const [ph, pw] = pair(l.pool, 0);
        if (!positive(ph) || !positive(pw)) fail(`pool must be positive integers, got ${JSON.stringify(l.pool)}`);
        const [sh, sw] = l.stride === undefined ? [ph, pw] : pair(l.stride, 1);
        if (!positive(sh) || !positive(sw)) fail(`stride must be positive integers, got ${JSON.stringify(l.stride)}`);
        const ho = convOut(x[0], ph, sh, l.padding);
        const wo = convOut(x[1], pw, sw, l.padding);
        if (ho < 1 || wo < 1) fail(`a ${ph}x${pw} pool does not fit the ${x[0]}x${x[1]} input`);
        out = [ho, wo, x[2]];
        break;
      }
      case 'globalAvgPool2d':
        needRank(3);
        out = [x[2]];
        break;
      case 'flatten':
        out = [prod(x)];
        break;
      case 'batchNorm':
        otherParams = 4 * x[x.length - 1];
        out = x;
        break;
      case 'activation':
        if (!l.activation) fail('has no activation');
        out = x;
        break;
      case 'dropout':
        if (typeof l.rate !== 'number' || l.rate < 0 || l.rate >= 1) fail(`rate must be in [0, 1), got ${String(l.rate)}`);
        out = x;
        break;
      case 'add':
        if (!Array.isArray(l.inputs) || l.inputs.length < 2) fail('needs at least two inputs');
        for (const s of inShapes) {
          if (s.join('x') !== x.join('x')) fail(`adds tensors of different shapes [${x.join(', ')}] and [${s.join(', ')}]`);
        }
        out = x;
        break;
      default:
        fail(`unknown layer type "${String((l as { type?: unknown }).type)}"`);
    }
    if (!isWeighted(l) && l.type !== 'add' && inputs.length > 1) fail('reads more than one input; only "add" can');
    if (kernelParams + otherParams > SPEC_LIMITS.tensor || prod(out) > SPEC_LIMITS.tensor) {
      fail(`is too large (${(kernelParams + otherParams).toExponential(1)} parameters, output [${out.join(', ')}]); no NXP part could hold it`);
    }
    shapes.set(l.name, out);
    layers.push({
      index: i,
      name: l.name,
      type: l.type,
      inputs,
      inputShapes: inShapes,
      outputShape: out,
      outputSize: prod(out),
      kernelParams,
      otherParams,
      params: kernelParams + otherParams,
      macs,
      outChannels,
    });
    prev = l.name;
  });
  return {
    layers,
    params: layers.reduce((a, l) => a + l.params, 0),
    macs: layers.reduce((a, l) => a + l.macs, 0),
    inputSize: prod(spec.inputShape),
    outputShape: layers[layers.length - 1].outputShape,
  };
}

/** Like analyzeSpec but returns the error instead of throwing (for UI validation). */
export function checkSpec(spec: ModelSpec): { ok: true; info: ModelInfo } | { ok: false; error: SpecError } {
  try {
    return { ok: true, info: analyzeSpec(spec) };
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, error: e };
    throw e;
  }
}
