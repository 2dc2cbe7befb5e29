/**
 * Precomputed results for a live class: a long job run once ahead of time ("Prepare for class") and
 * kept, so a projected demo fills its results at once instead of waiting minutes. Two kinds: the
 * Distillation lab's trained teacher CNN and a recorded NAS search run.
 *
 * A recording always says what it is — when it was made, on which tfjs backend, how long the job
 * took, and the page settings it ran with. Those settings are compared with the page's current ones
 * (`settingsDiff`), so a recording made with other settings is named as such and never used silently.
 * Records come back from IndexedDB as `unknown` and are validated here before anything uses them.
 */
import type { LoopEpochEvent } from '../train/loop';
import type { CandidateRecord, StopReason } from '../techniques/nas/search';
import type { Genotype } from '../techniques/nas/space';
import { BLOCK_KINDS, DOWNSAMPLES, genotypeKey, HEAD_POOLS } from '../techniques/nas/space';
import type { StrategyName } from '../techniques/nas/strategies';
import { validateStoredModel, type Checked, type StoredModel } from '../shelf/validate';

/** Bumped when the shape of a recording changes; an older or newer format is rejected, not guessed at. */
export const RECORDING_FORMAT = 1;
export type RecordingKind = 'teacher' | 'nas';
export type SettingValue = string | number | boolean;
/** Page settings by URL key (plus `target` / `backend` where they matter). */
export type RecordedSettings = Record<string, SettingValue>;

/** A NAS run never has more candidates than this (the Candidates field allows 200; rejections add some). */
export const MAX_RECORDED_CANDIDATES = 5000;

export interface RecordingMeta {
  format: typeof RECORDING_FORMAT;
  kind: RecordingKind;
  /** ISO date of the end of the job. */
  recordedAt: string;
  /** The tfjs backend the job ran on (a live rerun on another backend gives slightly other numbers). */
  backend: string;
  /** Wall time of the job (what a live demo would have waited). */
  durationMs: number;
  settings: RecordedSettings;
}

export interface TeacherRecording extends RecordingMeta {
  kind: 'teacher';
  model: StoredModel;
  history: LoopEpochEvent[];
}

export interface RecordedNasRun {
  strategy: StrategyName;
  seed: number;
  label: string;
  candidates: number;
  stopReason: StopReason;
  elapsedMs: number;
  records: CandidateRecord[];
}

export interface NasRecording extends RecordingMeta {
  kind: 'nas';
  run: RecordedNasRun;
}

export type Recording = TeacherRecording | NasRecording;

class Invalid extends Error {}
function fail(reason: string): never {
  throw new Invalid(reason);
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonNegative = (v: unknown, what: string): number => (finite(v) && v >= 0 ? v : fail(`${what} is not a non-negative number`));
const int = (v: unknown, what: string): number => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : fail(`${what} is not a whole number`));
const text = (v: unknown, what: string, max = 300): string => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : fail(`${what} is missing or not text`));
const oneOf = <T extends string>(v: unknown, all: readonly T[], what: string): T => (all.includes(v as T) ? (v as T) : fail(`${what} "${String(v).slice(0, 40)}" is unknown`));
const accuracy = (v: unknown, what: string): number => (finite(v) && v >= 0 && v <= 1 ? v : fail(`${what} is not an accuracy in [0, 1]`));

const STRATEGIES: readonly StrategyName[] = ['random', 'evolution', 'grid'];
const STOP_REASONS: readonly StopReason[] = ['budget', 'time', 'stopped', 'exhausted', 'no-feasible'];

function checkMeta(v: unknown, kind: RecordingKind): RecordingMeta {
  if (!isObj(v)) fail('the recording is not an object');
  if (v.format !== RECORDING_FORMAT) fail(`the recording has format ${String(v.format).slice(0, 20)}, this app reads format ${RECORDING_FORMAT}`);
  if (v.kind !== kind) fail(`the recording is a ${String(v.kind).slice(0, 20)} recording, not a ${kind} one`);
  const recordedAt = text(v.recordedAt, 'the recording date', 40);
  if (Number.isNaN(Date.parse(recordedAt))) fail('the recording date is not a date');
  if (!isObj(v.settings)) fail('the recorded settings are missing');
  const settings: RecordedSettings = {};
  const entries = Object.entries(v.settings);
  if (entries.length > 100) fail('the recording has too many settings');
  for (const [k, s] of entries) {
    if (typeof s === 'string' ? s.length > 1000 : typeof s !== 'boolean' && !finite(s)) fail(`the recorded setting ${k.slice(0, 40)} is not a plain value`);
    settings[k] = s as SettingValue;
  }
  return { format: RECORDING_FORMAT, kind, recordedAt, backend: text(v.backend, 'the backend', 40), durationMs: nonNegative(v.durationMs, 'the duration'), settings };
}

function checkEpoch(v: unknown, i: number): LoopEpochEvent {
  if (!isObj(v) || v.type !== 'epoch') fail(`epoch ${i + 1} of the teacher's history is malformed`);
  const num = (x: unknown) => (typeof x === 'number' ? x : fail(`epoch ${i + 1} of the teacher's history has a non-number`));
  return { type: 'epoch', epoch: int(v.epoch, 'an epoch number'), loss: num(v.loss), accuracy: num(v.accuracy), testLoss: num(v.testLoss), testAccuracy: num(v.testAccuracy), samplesPerSec: num(v.samplesPerSec) };
}

function checkGenotype(v: unknown): Genotype {
  if (!isObj(v) || !Array.isArray(v.blocks) || v.blocks.length > 8) fail('a candidate architecture is malformed');
  const blocks = (v.blocks as unknown[]).map((b) => {
    if (!isObj(b)) fail('a candidate block is malformed');
    return { kind: oneOf(b.kind, BLOCK_KINDS, 'a block kind'), kernel: int(b.kernel, 'a kernel size'), width: int(b.width, 'a block width'), down: oneOf(b.down, DOWNSAMPLES, 'a downsampling') };
  });
  return { blocks, pool: oneOf(v.pool, HEAD_POOLS, 'a head pooling'), head: int(v.head, 'a head width') };
}

function checkCandidate(v: unknown, i: number): CandidateRecord {
  if (!isObj(v)) fail(`candidate ${i + 1} is malformed`);
  const genotype = checkGenotype(v.genotype);
  const key = text(v.key, 'a candidate key', 200);
  // The key is derived from the architecture: a mismatch means the record was edited or damaged.
  if (genotypeKey(genotype) !== key) fail(`candidate ${i + 1} is named ${key.slice(0, 60)} but its architecture is ${genotypeKey(genotype)}`);
  if (v.index !== i) fail(`candidate ${i + 1} is out of order`);
  const status = oneOf(v.status, ['trained', 'rejected'] as const, 'a candidate status');
  const c = isObj(v.cost) ? v.cost : fail(`candidate ${i + 1} has no cost estimate`);
  const reasons = Array.isArray(v.reasons) && v.reasons.every((r) => typeof r === 'string' && r.length <= 500) ? (v.reasons as string[]) : fail(`candidate ${i + 1} has malformed reasons`);
  const acc = v.accuracy === null ? null : accuracy(v.accuracy, `the accuracy of candidate ${i + 1}`);
  if ((status === 'trained') !== (acc !== null)) fail(`candidate ${i + 1} is ${status} but ${acc === null ? 'has no' : 'has an'} accuracy`);
  return {
    index: i,
    trainedIndex: int(v.trainedIndex, 'a trained index'),
    strategy: oneOf(v.strategy, STRATEGIES, 'a strategy'),
    key,
    genotype,
    origin: typeof v.origin === 'string' ? v.origin.slice(0, 200) : fail(`candidate ${i + 1} has no origin`),
    params: int(v.params, 'a parameter count'),
    macs: int(v.macs, 'a MAC count'),
    cost: {
      flashBytes: nonNegative(c.flashBytes, 'a flash estimate'),
      ramBytes: nonNegative(c.ramBytes, 'a RAM estimate'),
      latencyMs: nonNegative(c.latencyMs, 'a latency estimate'),
      ...(c.engine === undefined ? {} : { engine: oneOf(c.engine, ['cpu', 'npu'] as const, 'an engine') }),
    },
    status,
    reasons,
    accuracy: acc,
    zeroCost: v.zeroCost === null || v.zeroCost === undefined ? null : finite(v.zeroCost) ? v.zeroCost : fail(`the zero-cost score of candidate ${i + 1} is not a number`),
    evalMs: nonNegative(v.evalMs, 'an evaluation time'),
  };
}

function checkRun(v: unknown): RecordedNasRun {
  if (!isObj(v)) fail('the recorded run is missing');
  if (!Array.isArray(v.records)) fail('the recorded candidates are missing');
  if (v.records.length === 0) fail('the recorded run has no candidates');
  if (v.records.length > MAX_RECORDED_CANDIDATES) fail(`the recorded run has ${v.records.length} candidates, more than ${MAX_RECORDED_CANDIDATES}`);
  return {
    strategy: oneOf(v.strategy, STRATEGIES, 'the strategy'),
    seed: int(v.seed, 'the seed'),
    label: text(v.label, 'the run label'),
    candidates: int(v.candidates, 'the candidate budget'),
    stopReason: oneOf(v.stopReason, STOP_REASONS, 'the stop reason'),
    elapsedMs: nonNegative(v.elapsedMs, 'the elapsed time'),
    records: (v.records as unknown[]).map(checkCandidate),
  };
}

function attempt<T>(f: () => T): Checked<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `the recording could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function validateTeacherRecording(v: unknown): Checked<TeacherRecording> {
  return attempt(() => {
    const meta = checkMeta(v, 'teacher');
    const r = v as Record<string, unknown>;
    const model = validateStoredModel(r.model);
    if (!model.ok) fail(`the recorded teacher is damaged: ${model.reason}`);
    if (!Array.isArray(r.history) || r.history.length === 0 || r.history.length > 100) fail("the teacher's training history is missing");
    return { ...meta, kind: 'teacher' as const, model: model.value, history: (r.history as unknown[]).map(checkEpoch) };
  });
}

export function validateNasRecording(v: unknown): Checked<NasRecording> {
  return attempt(() => {
    const meta = checkMeta(v, 'nas');
    return { ...meta, kind: 'nas' as const, run: checkRun((v as Record<string, unknown>).run) };
  });
}

export interface SettingDifference {
  key: string;
  /** The field's label as the page shows it. */
  label: string;
  recorded: SettingValue | undefined;
  current: SettingValue | undefined;
}

/**
 * The settings in which the recording and the page differ, over the keys the recording depends on
 * (`keys`, in the page's order). A key missing on either side counts as different.
 */
export function settingsDiff(recorded: RecordedSettings, current: RecordedSettings, keys: readonly string[], labels: Record<string, string> = {}): SettingDifference[] {
  return keys
    .filter((k) => !Object.hasOwn(recorded, k) || !Object.hasOwn(current, k) || recorded[k] !== current[k])
    .map((k) => ({ key: k, label: labels[k] ?? k, recorded: recorded[k], current: current[k] }));
}

const show = (v: SettingValue | undefined) => (v === undefined ? 'not set' : typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));

/** "Teacher epochs: recorded 1, page 6; Seed: recorded 1, page 42". */
export function describeDiff(diff: readonly SettingDifference[]): string {
  return diff.map((d) => `${d.label}: recorded ${show(d.recorded)}, page ${show(d.current)}`).join('; ');
}
