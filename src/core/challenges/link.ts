/**
 * A challenge is a goal for the learner's current model on one device, carried entirely by a link:
 *
 *   #/devices?challenge=target:mcxn947,dtype:int8,flash:150,acc:95
 *
 * reads "under 150 KB flash (model + runtime) on MCX N947 as int8, with ≥ 95 % test accuracy".
 * Keys: target (device id, required), dtype (fp32 | int8, default int8), model (zoo id the model must
 * be), flash / ram (KB, 1 KB = 1024 B), lat (ms) with engine (cpu | npu | best, default best), acc (%).
 * At least one limit is required. Pure: parse, format and describe, no estimator.
 */
import { findTarget } from '../devices/catalog';

export type ChallengeDType = 'fp32' | 'int8';
export type ChallengeEngine = 'cpu' | 'npu' | 'best';

export interface Challenge {
  target: string;
  dtype: ChallengeDType;
  /** Zoo id the model must be (e.g. "lenet5"); any model when unset. */
  model?: string;
  /** Upper limits. */
  flashKB?: number;
  ramKB?: number;
  latencyMs?: number;
  engine: ChallengeEngine;
  /** Lower limit, in percent. */
  accuracyPct?: number;
}

const NUMBER = /^\d+(\.\d+)?$/;
const MODEL_ID = /^[a-z][\w-]{0,40}$/;

/** Parses the `challenge` link value; undefined when any part is unknown or out of range. */
export function parseChallengeLink(text: string): Challenge | undefined {
  const out: Partial<Challenge> & { engine: ChallengeEngine; dtype: ChallengeDType } = { engine: 'best', dtype: 'int8' };
  for (const part of text.split(',')) {
    const m = /^([a-z]+):(.+)$/.exec(part.trim());
    if (!m) return undefined;
    const [, key, value] = m;
    const num = NUMBER.test(value) ? Number(value) : undefined;
    switch (key) {
      case 'target':
        if (!findTarget(value)) return undefined;
        out.target = value;
        break;
      case 'dtype':
        if (value !== 'fp32' && value !== 'int8') return undefined;
        out.dtype = value;
        break;
      case 'engine':
        if (value !== 'cpu' && value !== 'npu' && value !== 'best') return undefined;
        out.engine = value;
        break;
      case 'model':
        if (!MODEL_ID.test(value)) return undefined;
        out.model = value;
        break;
      case 'flash':
      case 'ram':
      case 'lat':
        if (num === undefined || num <= 0 || num > 1e7) return undefined;
        if (key === 'flash') out.flashKB = num;
        else if (key === 'ram') out.ramKB = num;
        else out.latencyMs = num;
        break;
      case 'acc':
        if (num === undefined || num > 100) return undefined;
        out.accuracyPct = num;
        break;
      default:
        return undefined;
    }
  }
  if (!out.target) return undefined;
  if (out.flashKB === undefined && out.ramKB === undefined && out.latencyMs === undefined && out.accuracyPct === undefined) return undefined;
  return out as Challenge;
}

/** The canonical link value (keys in a fixed order, defaults left out). */
export function formatChallengeLink(c: Challenge): string {
  const parts = [`target:${c.target}`];
  if (c.dtype !== 'int8') parts.push(`dtype:${c.dtype}`);
  if (c.model) parts.push(`model:${c.model}`);
  if (c.flashKB !== undefined) parts.push(`flash:${c.flashKB}`);
  if (c.ramKB !== undefined) parts.push(`ram:${c.ramKB}`);
  if (c.latencyMs !== undefined) parts.push(`lat:${c.latencyMs}`);
  if (c.latencyMs !== undefined && c.engine !== 'best') parts.push(`engine:${c.engine}`);
  if (c.accuracyPct !== undefined) parts.push(`acc:${c.accuracyPct}`);
  return parts.join(',');
}

const ENGINE_TEXT: Record<ChallengeEngine, string> = { cpu: ' on the CPU', npu: ' on the NPU', best: '' };

/** "LeNet-5 under 150 KB flash and 20 ms on MCX N947 (int8) with ≥ 95 % test accuracy". */
export function describeChallenge(c: Challenge, modelName?: string): string {
  const limits: string[] = [];
  if (c.flashKB !== undefined) limits.push(`${c.flashKB} KB flash`);
  if (c.ramKB !== undefined) limits.push(`${c.ramKB} KB RAM`);
  if (c.latencyMs !== undefined) limits.push(`${c.latencyMs} ms${ENGINE_TEXT[c.engine]}`);
  const who = modelName ?? (c.model ? c.model : 'A model');
  const target = findTarget(c.target)?.name ?? c.target;
  const under = limits.length ? ` under ${limits.join(' and ')}` : '';
  const acc = c.accuracyPct !== undefined ? ` with ≥ ${c.accuracyPct} % test accuracy` : '';
  return `${who}${under} on ${target} (${c.dtype})${acc}`;
}
