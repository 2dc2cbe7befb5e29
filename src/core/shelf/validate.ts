/**
 * Validation of stored records on read (IndexedDB, imported files): a record is used only if its spec
 * validates, every weight tensor the spec needs is there with the right shape and length and finite
 * values, numbers are finite and dates valid. Anything else is "damaged" with a reason the page shows;
 * nothing is allocated from a record's claims before they are checked against the data it carries.
 */
import { checkSpec, type ModelInfo } from '../model/analyze';
import { isWeighted, pair, type ModelSpec, type WeightSet, type WeightTensor } from '../model/spec';
import { TASK_KINDS, TECHNIQUES, type ModelVersion, type QuantParams, type QuantTensorParams, type TaskMetric, type VersionMask, type VersionTask } from './types';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Beyond this a model is not a TinyML model and would exhaust the tab (20 M parameters = 80 MB float32). */
export const MAX_PARAMS = 20_000_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

class Invalid extends Error {}
function fail(reason: string): never {
  throw new Invalid(reason);
}

/** The weight tensors (layer, role, shape) a spec needs, in getWeights order. */
export function expectedWeights(spec: ModelSpec, info: ModelInfo): { layer: string; role: WeightTensor['role']; shape: number[] }[] {
  const out: { layer: string; role: WeightTensor['role']; shape: number[] }[] = [];
  spec.layers.forEach((l, i) => {
    const li = info.layers[i];
    const inShape = li.inputShapes[0];
    if (l.type === 'dense') out.push({ layer: l.name, role: 'kernel', shape: [inShape[0], l.units] });
    else if (l.type === 'conv2d' || l.type === 'depthwiseConv2d') {
      const [kh, kw] = pair(l.kernel, 0);
      out.push({ layer: l.name, role: 'kernel', shape: [kh, kw, inShape[2], l.type === 'conv2d' ? l.filters : (l.depthMultiplier ?? 1)] });
    } else if (l.type === 'batchNorm') {
      const c = inShape[inShape.length - 1];
      for (const role of ['gamma', 'beta', 'movingMean', 'movingVariance'] as const) out.push({ layer: l.name, role, shape: [c] });
    }
    if (isWeighted(l) && l.useBias !== false) out.push({ layer: l.name, role: 'bias', shape: [li.outChannels] });
  });
  // getWeights orders roles kernel, bias, gamma, … within a layer; the push order above already does.
  return out;
}

function checkSpecValue(v: unknown): { spec: ModelSpec; info: ModelInfo } {
  if (!isObj(v)) fail('the model description is missing');
  const spec = v as unknown as ModelSpec;
  if (!text(spec.id, 100)) fail('the model has no id');
  if (!text(spec.name, 200)) fail('the model has no name (or it is not text)');
  if (spec.description !== undefined && typeof spec.description !== 'string') fail('the model description is not text');
  let r: ReturnType<typeof checkSpec>;
  try {
    r = checkSpec(spec);
  } catch (e) {
    fail(`the model does not validate: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!r!.ok) fail(`the model does not validate: ${r!.error.message}`);
  const info = (r! as { ok: true; info: ModelInfo }).info;
  if (!(info.params <= MAX_PARAMS)) fail(`the model has ${info.params.toExponential(2)} parameters, more than the ${MAX_PARAMS.toLocaleString('en')} a lab model may have`);
  return { spec, info };
}

function checkWeights(v: unknown, spec: ModelSpec, info: ModelInfo): WeightSet {
  if (!Array.isArray(v)) fail('the weights are missing');
  const want = expectedWeights(spec, info);
  const got = v as unknown[];
  if (got.length !== want.length) fail(`the model needs ${want.length} weight tensors, the record has ${got.length}`);
  return want.map((w, i) => {
    const t = got[i];
    const where = `weights ${w.layer}/${w.role}`;
    if (!isObj(t) || t.layer !== w.layer || t.role !== w.role) fail(`${where} are missing (found ${isObj(t) ? `${String(t.layer)}/${String(t.role)}` : 'nothing'})`);
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (!(t.data instanceof Float32Array)) fail(`${where} are not float32 values`);
    const data = t.data as Float32Array;
    if (data.length !== size) fail(`${where} have ${data.length} values, the model needs ${size}`);
    if (!Array.isArray(t.shape) || t.shape.join('x') !== w.shape.join('x')) fail(`${where} have shape [${String(t.shape)}], the model needs [${w.shape.join(', ')}]`);
    for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k])) fail(`${where} contain a non-finite value (${data[k]}) at ${k}`);
    return { layer: w.layer, role: w.role, shape: w.shape, data };
  });
}

function checkDate(v: unknown, what: string): string {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) fail(`${what} is not a valid date`);
  return v as string;
}

function checkMasks(v: unknown, weights: WeightSet): VersionMask[] {
  if (!Array.isArray(v)) fail('the pruning masks are not a list');
  const sizes = new Map(weights.map((w) => [`${w.layer}/${w.role}`, w.data.length]));
  return (v as unknown[]).map((m) => {
    if (!isObj(m) || !(m.mask instanceof Uint8Array)) fail('a pruning mask is not a byte array');
    const key = `${String(m.layer)}/${String(m.role)}`;
    if (sizes.get(key) !== (m.mask as Uint8Array).length) fail(`the pruning mask of ${key} does not match its weights`);
    return { layer: m.layer as string, role: m.role as WeightTensor['role'], mask: m.mask as Uint8Array };
  });
}

function checkQuantTensors(v: unknown, what: string): QuantTensorParams[] {
  if (!Array.isArray(v)) fail(`the ${what} quantization parameters are not a list`);
  return (v as unknown[]).map((p) => {
    if (!isObj(p) || !text(p.tensor) || !(p.scale instanceof Float32Array) || !(p.zeroPoint instanceof Int32Array)) fail(`a ${what} quantization entry is malformed`);
    const q = p as unknown as QuantTensorParams;
    if (q.scale.length === 0 || q.scale.length !== q.zeroPoint.length) fail(`the quantization parameters of ${q.tensor} have mismatched lengths`);
    if (!q.scale.every((s) => Number.isFinite(s) && s > 0)) fail(`the quantization scale of ${q.tensor} is not a positive number`);
    return { tensor: q.tensor, scale: q.scale, zeroPoint: q.zeroPoint };
  });
}

function checkQuant(v: unknown): QuantParams {
  if (!isObj(v)) fail('the quantization parameters are malformed');
  const q = v as Record<string, unknown>;
  const bits = (b: unknown, what: string) => (Number.isInteger(b) && (b as number) >= 1 && (b as number) <= 32 ? (b as number) : fail(`the ${what} bit depth is invalid`));
  if (q.method !== 'PTQ' && q.method !== 'QAT') fail('the quantization method is unknown');
  return {
    weightBits: bits(q.weightBits, 'weight'),
    activationBits: bits(q.activationBits, 'activation'),
    perChannel: q.perChannel === true,
    method: q.method as 'PTQ' | 'QAT',
    weights: checkQuantTensors(q.weights, 'weight'),
    activations: checkQuantTensors(q.activations, 'activation'),
  };
}

const optionalFinite = (m: Record<string, unknown>, k: string): number | undefined => {
  if (m[k] === undefined || m[k] === null) return undefined;
  if (!finite(m[k])) fail(`the metric "${k}" is not a finite number`);
  return m[k] as number;
};
const optionalAccuracy = (m: Record<string, unknown>, k: string): number | undefined => {
  const a = optionalFinite(m, k);
  if (a !== undefined && (a < 0 || a > 1)) fail(`the metric "${k}" is not between 0 and 1`);
  return a;
};

/** A task version's task: any input shape the spec validates is fine, but the task must be one the labs know. */
function checkTask(v: unknown): VersionTask {
  if (!isObj(v)) fail('the task is malformed');
  if (v.domain !== 'time-series') fail(`the task domain "${String(v.domain).slice(0, 40)}" is unknown`);
  if (!TASK_KINDS.includes(v.kind as never)) fail(`the task "${String(v.kind).slice(0, 40)}" is unknown`);
  if (!text(v.dataset, 40) || !text(v.datasetLabel, 80)) fail('the task names no dataset');
  if (v.dataLink !== undefined && !text(v.dataLink, 4000)) fail('the task’s data link is not text');
  return {
    domain: 'time-series', kind: v.kind as VersionTask['kind'], dataset: v.dataset as string, datasetLabel: v.datasetLabel as string,
    ...(v.dataLink !== undefined ? { dataLink: v.dataLink as string } : {}),
  };
}

const METRIC_NAMES: readonly TaskMetric['name'][] = ['accuracy', 'AUC', 'R²', 'MAE'];

function checkTaskMetric(v: unknown): TaskMetric {
  if (!isObj(v) || !METRIC_NAMES.includes(v.name as never)) fail('the task metric is malformed');
  const name = v.name as TaskMetric['name'];
  const value = (x: unknown, what: string): number => {
    if (!finite(x)) fail(`the ${what} ${name} is not a finite number`);
    // Accuracy and AUC are fractions; R² may be negative (worse than the mean) but not above 1; MAE ≥ 0.
    if ((name === 'accuracy' || name === 'AUC') && (x < 0 || x > 1)) fail(`the ${what} ${name} is not between 0 and 1`);
    if ((name === 'R²' && x > 1) || (name === 'MAE' && x < 0)) fail(`the ${what} ${name} is out of range`);
    return x as number;
  };
  const out: TaskMetric = { name, float: value(v.float, 'float') };
  if (v.int8 !== undefined) out.int8 = value(v.int8, 'int8');
  if (v.unit !== undefined) out.unit = text(v.unit, 20) ? v.unit : fail('the metric unit is not text');
  if (v.extra !== undefined) {
    if (!Array.isArray(v.extra) || v.extra.length > 4) fail('the extra metrics are malformed');
    out.extra = (v.extra as unknown[]).map((e) => {
      if (!isObj(e) || (e.name !== 'MAE' && e.name !== 'RMSE') || !finite(e.value) || e.value < 0) fail('an extra metric is malformed');
      if (e.unit !== undefined && !text(e.unit, 20)) fail('an extra metric unit is not text');
      return { name: e.name as 'MAE' | 'RMSE', value: e.value as number, ...(e.unit !== undefined ? { unit: e.unit as string } : {}) };
    });
  }
  return out;
}

function run<T>(f: () => T): Checked<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable record (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A stored trained model (the baseline or the distillation teacher): spec, weights, seed, accuracy, date. */
export interface StoredModel {
  spec: ModelSpec;
  weights: WeightSet;
  seed: number;
  testAccuracy: number;
  savedAt?: string;
}

export function validateStoredModel(v: unknown): Checked<StoredModel> {
  return run(() => {
    if (!isObj(v)) fail('the record is not an object');
    const { spec, info } = checkSpecValue(v.spec);
    const weights = checkWeights(v.weights, spec, info);
    const acc = optionalAccuracy(v, 'testAccuracy');
    if (acc === undefined) fail('the test accuracy is missing');
    const seed = v.seed === undefined ? 0 : Number.isInteger(v.seed) ? (v.seed as number) : fail('the seed is not an integer');
    const savedAt = v.savedAt === undefined ? undefined : checkDate(v.savedAt, 'the saved date');
    return { spec, weights, seed, testAccuracy: acc!, savedAt };
  });
}

export function validateVersion(v: unknown): Checked<ModelVersion> {
  return run(() => {
    if (!isObj(v)) fail('the record is not an object');
    if (!text(v.id, 100)) fail('the version has no id');
    if (!text(v.name, 200)) fail('the version has no name (or it is not text)');
    if (!TECHNIQUES.includes(v.technique as never)) fail(`the technique "${String(v.technique).slice(0, 40)}" is unknown`);
    if (!text(v.lab, 40)) fail('the lab is missing');
    if (v.settingsLink !== undefined && !(typeof v.settingsLink === 'string' && v.settingsLink.length <= 4000)) fail('the settings link is not text');
    if (v.parentId !== null && !text(v.parentId, 100)) fail('the parent id is invalid');
    const createdAt = checkDate(v.createdAt, 'the creation date');
    const { spec, info } = checkSpecValue(v.spec);
    const weights = checkWeights(v.weights, spec, info);
    if (!Number.isInteger(v.seed)) fail('the seed is not an integer');
    if (!isObj(v.metrics)) fail('the metrics are missing');
    const m = v.metrics;
    const metrics = {
      floatAccuracy: optionalAccuracy(m, 'floatAccuracy'),
      integerAccuracy: optionalAccuracy(m, 'integerAccuracy'),
      params: info.params,
      macs: info.macs,
      target: typeof m.target === 'string' ? m.target.slice(0, 60) : undefined,
      flashBytes: optionalFinite(m, 'flashBytes'),
      ramBytes: optionalFinite(m, 'ramBytes'),
      latencyMs: optionalFinite(m, 'latencyMs'),
      ...(m.taskMetric !== undefined ? { taskMetric: checkTaskMetric(m.taskMetric) } : {}),
    };
    const out: ModelVersion = {
      id: v.id as string,
      name: v.name as string,
      technique: v.technique as ModelVersion['technique'],
      lab: v.lab as string,
      settingsLink: v.settingsLink as string | undefined,
      parentId: v.parentId as string | null,
      createdAt,
      spec,
      seed: v.seed as number,
      weights,
      metrics,
    };
    if (v.task !== undefined) out.task = checkTask(v.task);
    if ((out.task === undefined) !== (metrics.taskMetric === undefined)) fail(out.task ? 'the task version has no metric' : 'the version has a task metric but no task');
    if (v.masks !== undefined) out.masks = checkMasks(v.masks, weights);
    if (v.quant !== undefined) out.quant = checkQuant(v.quant);
    return out;
  });
}

/** The name of a record for the damaged list, if it has a readable one. */
export function recordName(v: unknown): string | undefined {
  return isObj(v) && typeof v.name === 'string' ? v.name.slice(0, 200) : undefined;
}
