import { describe, expect, it } from 'vitest';
import { emptyProgress, labProgress, parseProgress } from './progress';

describe('course progress', () => {
  it('round-trips through JSON and counts per lab', () => {
    const p = emptyProgress();
    p.checks.q1 = { lab: 'train', correct: true, at: '2026-01-01T00:00:00Z' };
    p.checks.q2 = { lab: 'train', correct: false, at: '2026-01-01T00:00:00Z' };
    p.checks.q3 = { lab: 'pruning', correct: true, at: '2026-01-01T00:00:00Z' };
    p.exercises['#/train?epochs=3'] = { lab: 'train', at: '2026-01-01T00:00:00Z' };
    p.challenges.c = { lab: 'devices', title: 'x', passed: true, at: '2026-01-01T00:00:00Z' };
    const back = parseProgress(JSON.stringify(p));
    expect(back).toEqual(p);
    expect(labProgress(back!, 'train')).toEqual({ checksPassed: 1, checksAnswered: 2, exercisesSetUp: 1, challengesPassed: 0 });
    expect(labProgress(back!, 'devices').challengesPassed).toBe(1);
  });

  it('rejects corrupt or foreign data', () => {
    expect(parseProgress(null)).toBeNull();
    expect(parseProgress('not json')).toBeNull();
    expect(parseProgress('[]')).toBeNull();
    expect(parseProgress(JSON.stringify({ ...emptyProgress(), version: 2 }))).toBeNull();
    expect(parseProgress(JSON.stringify({ ...emptyProgress(), checks: { q: { lab: 'train', correct: 'yes', at: 'x' } } }))).toBeNull();
    expect(parseProgress(JSON.stringify({ version: 1, checks: {} }))).toBeNull();
  });
});
