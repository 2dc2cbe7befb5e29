import { describe, expect, it } from 'vitest';
import { checkSpec, type ModelInfo } from '../model/analyze';
import { zooSpec } from '../model/zoo/mnist';
import { expectedWeights } from '../shelf/validate';
import type { CandidateRecord } from '../techniques/nas/search';
import { genotypeKey, type Genotype } from '../techniques/nas/space';
import {
  describeDiff, RECORDING_FORMAT, settingsDiff, validateNasRecording, validateTeacherRecording, type NasRecording, type TeacherRecording,
} from './recording';

const spec = zooSpec('mlp-small');
const info = (checkSpec(spec) as { ok: true; info: ModelInfo }).info;
const weights = () => expectedWeights(spec, info).map((w) => ({ ...w, data: new Float32Array(w.shape.reduce((a, b) => a * b, 1)).fill(0.01) }));

const epoch = (i: number) => ({ type: 'epoch' as const, epoch: i, loss: 0.5, accuracy: 0.9, testLoss: 0.4, testAccuracy: 0.92, samplesPerSec: 300 });

function teacher(): TeacherRecording {
  return {
    format: RECORDING_FORMAT, kind: 'teacher', recordedAt: '2026-12-02T03:40:00.000Z', backend: 'wasm', durationMs: 61_000,
    settings: { kdTeacherEpochs: 1, kdSeed: 1, backend: 'wasm' },
    model: { spec, weights: weights(), seed: 1, testAccuracy: 0.92 },
    history: [epoch(0)],
  };
}

const g = (width: number): Genotype => ({ blocks: [{ kind: 'conv', kernel: 3, width, down: 'maxpool' }], pool: 'gap', head: 0 });
function candidate(index: number, trained: boolean): CandidateRecord {
  const genotype = g(trained ? 8 : 64);
  return {
    index, trainedIndex: trained ? index + 1 : 0, strategy: 'random', key: genotypeKey(genotype), genotype, origin: 'random',
    params: 1000, macs: 50_000, cost: { flashBytes: 4000, ramBytes: 3000, latencyMs: 1.5, engine: 'cpu' },
    status: trained ? 'trained' : 'rejected', reasons: trained ? [] : ['RAM 120 KB > 100 KB'], accuracy: trained ? 0.8 : null, zeroCost: null, evalMs: 900,
  };
}

function nas(): NasRecording {
  return {
    format: RECORDING_FORMAT, kind: 'nas', recordedAt: '2026-12-02T03:45:00.000Z', backend: 'wasm', durationMs: 12_000,
    settings: { nasCandidates: 2, nasSeed: 1, target: 'mcxn947' },
    run: { strategy: 'random', seed: 1, label: 'random · seed 1', candidates: 2, stopReason: 'budget', elapsedMs: 11_500, records: [candidate(0, true), candidate(1, false)] },
  };
}

/** A structured copy, as IndexedDB returns it, so a test's edits do not touch the original. */
const copy = <T>(v: T): T => structuredClone(v);

describe('teacher recordings', () => {
  it('accepts a well-formed recording and keeps its model and history', () => {
    const r = validateTeacherRecording(copy(teacher()));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.model.testAccuracy).toBe(0.92);
      expect(r.value.history).toHaveLength(1);
      expect(r.value.settings).toEqual({ kdTeacherEpochs: 1, kdSeed: 1, backend: 'wasm' });
    }
  });

  it.each([
    ['another format', (t: Record<string, unknown>) => (t.format = 2), /format 2/],
    ['the wrong kind', (t: Record<string, unknown>) => (t.kind = 'nas'), /not a teacher/],
    ['a bad date', (t: Record<string, unknown>) => (t.recordedAt = 'yesterday'), /not a date/],
    ['no backend', (t: Record<string, unknown>) => delete t.backend, /backend/],
    ['a negative duration', (t: Record<string, unknown>) => (t.durationMs = -1), /duration/],
    ['an object as a setting', (t: Record<string, unknown>) => (t.settings = { kdSeed: { x: 1 } }), /kdSeed/],
    ['truncated weights', (t: Record<string, unknown>) => ((t.model as { weights: unknown[] }).weights.pop()), /teacher is damaged/],
    ['a NaN weight', (t: Record<string, unknown>) => ((t.model as { weights: { data: Float32Array }[] }).weights[0].data[3] = NaN), /non-finite/],
    ['an empty history', (t: Record<string, unknown>) => (t.history = []), /history/],
    ['a history of strings', (t: Record<string, unknown>) => (t.history = ['epoch']), /malformed/],
  ])('rejects %s', (_, damage, reason) => {
    const t = copy(teacher()) as unknown as Record<string, unknown>;
    damage(t);
    const r = validateTeacherRecording(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('rejects what is not a recording at all', () => {
    for (const v of [null, undefined, 42, 'teacher', [], {}]) expect(validateTeacherRecording(v).ok).toBe(false);
  });
});

describe('NAS recordings', () => {
  it('accepts a well-formed run', () => {
    const r = validateNasRecording(copy(nas()));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.run.records.map((c) => c.status)).toEqual(['trained', 'rejected']);
  });

  it.each([
    ['no candidates', (n: NasRecording) => (n.run.records = []), /no candidates/],
    ['a key that does not name its architecture', (n: NasRecording) => (n.run.records[0].key = 'c5x64-gap-h0'), /its architecture is/],
    ['candidates out of order', (n: NasRecording) => (n.run.records[1].index = 5), /out of order/],
    ['a trained candidate without accuracy', (n: NasRecording) => (n.run.records[0].accuracy = null), /trained but has no accuracy/],
    ['an accuracy above 1', (n: NasRecording) => (n.run.records[0].accuracy = 80), /accuracy in \[0, 1\]/],
    ['an unknown block kind', (n: NasRecording) => ((n.run.records[0].genotype.blocks[0] as { kind: string }).kind = 'attention'), /block kind/],
    ['an unknown strategy', (n: NasRecording) => ((n.run as { strategy: string }).strategy = 'bayes'), /strategy/],
    ['a teacher recording read as NAS', (n: NasRecording) => ((n as { kind: string }).kind = 'teacher'), /not a nas/],
  ])('rejects %s', (_, damage, reason) => {
    const n = copy(nas());
    damage(n);
    const r = validateNasRecording(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('settings mismatch', () => {
  const keys = ['kdTeacherEpochs', 'kdSeed', 'backend'];
  const labels = { kdTeacherEpochs: 'Teacher epochs', kdSeed: 'Seed', backend: 'Backend' };

  it('finds nothing when the page matches the recording', () => {
    expect(settingsDiff({ kdTeacherEpochs: 1, kdSeed: 1, backend: 'wasm' }, { kdTeacherEpochs: 1, kdSeed: 1, backend: 'wasm', kdAlpha: 0.5 }, keys)).toEqual([]);
  });

  it('names every differing setting with both values, in the given order', () => {
    const d = settingsDiff({ kdTeacherEpochs: 1, kdSeed: 1, backend: 'wasm' }, { kdTeacherEpochs: 6, kdSeed: 1, backend: 'webgl' }, keys, labels);
    expect(d.map((x) => x.key)).toEqual(['kdTeacherEpochs', 'backend']);
    expect(describeDiff(d)).toBe('Teacher epochs: recorded 1, page 6; Backend: recorded wasm, page webgl');
  });

  it('counts a setting missing on either side as a difference', () => {
    const d = settingsDiff({ kdSeed: 1 }, { kdTeacherEpochs: 6, kdSeed: 1 }, ['kdTeacherEpochs', 'kdSeed'], labels);
    expect(describeDiff(d)).toBe('Teacher epochs: recorded not set, page 6');
  });

  it('ignores settings the recording does not depend on, and compares by value (1 is not "1")', () => {
    expect(settingsDiff({ a: 1, z: 'x' }, { a: 1, z: 'y' }, ['a'])).toEqual([]);
    expect(settingsDiff({ a: 1 }, { a: '1' }, ['a'])).toHaveLength(1);
    expect(describeDiff(settingsDiff({ b: true }, { b: false }, ['b']))).toBe('b: recorded on, page off');
  });
});
