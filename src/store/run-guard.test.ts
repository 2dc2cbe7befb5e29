import { describe, expect, it } from 'vitest';
import { interruptedMessage, parseNotedJob } from './run-guard';

describe('run guard', () => {
  it('reads a noted job and words the interruption', () => {
    const j = parseNotedJob(JSON.stringify({ lab: 'train', labTitle: 'Train', name: 'Training', startedAt: '2026-01-01T00:00:00Z' }));
    expect(j?.lab).toBe('train');
    expect(interruptedMessage(j!)).toMatch(/^Training in the Train lab was interrupted/);
    expect(interruptedMessage(j!)).toMatch(/baseline .* kept/);
  });
  it('drops missing or corrupt notes', () => {
    expect(parseNotedJob(null)).toBeNull();
    expect(parseNotedJob('{')).toBeNull();
    expect(parseNotedJob(JSON.stringify({ lab: 'train' }))).toBeNull();
  });
});
