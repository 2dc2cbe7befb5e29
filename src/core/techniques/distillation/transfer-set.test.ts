import { describe, expect, it } from 'vitest';
import { classCounts, digitAccuracy, selectTransferSet } from './transfer-set';

// 1,000 fake labels, 100 of each digit, interleaved.
const LABELS = Uint8Array.from({ length: 1000 }, (_, i) => i % 10);

describe('transfer set', () => {
  it('has the requested size, unique in-range indices, and is reproducible by seed', () => {
    const a = selectTransferSet(LABELS, { size: 300, leaveOut: null, seed: 7 });
    const b = selectTransferSet(LABELS, { size: 300, leaveOut: null, seed: 7 });
    const c = selectTransferSet(LABELS, { size: 300, leaveOut: null, seed: 8 });
    expect(a.length).toBe(300);
    expect(new Set(a).size).toBe(300);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThan(LABELS.length);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('is a roughly class-balanced random sample, not the first N', () => {
    const a = selectTransferSet(LABELS, { size: 500, leaveOut: null, seed: 1 });
    expect(Math.max(...a)).toBeGreaterThan(900);
    const counts = classCounts(LABELS, a);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(500);
    counts.forEach((n) => expect(n).toBeGreaterThan(25));
  });

  it('removes every sample of the left-out digit and still fills the size from the others', () => {
    const a = selectTransferSet(LABELS, { size: 500, leaveOut: 3, seed: 2 });
    expect(a.length).toBe(500);
    expect(classCounts(LABELS, a)[3]).toBe(0);
  });

  it('returns all that remain when the size exceeds the pool', () => {
    const a = selectTransferSet(LABELS, { size: 5000, leaveOut: 0, seed: 3 });
    expect(a.length).toBe(900);
  });

  it('rejects bad arguments', () => {
    expect(() => selectTransferSet(LABELS, { size: 0, leaveOut: null, seed: 1 })).toThrow(RangeError);
    expect(() => selectTransferSet(LABELS, { size: 10, leaveOut: 10, seed: 1 })).toThrow(RangeError);
  });
});

describe('digit accuracy from a confusion matrix', () => {
  it('reads the diagonal over the row', () => {
    const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    confusion[3][3] = 30;
    confusion[3][5] = 10;
    confusion[3][8] = 10;
    expect(digitAccuracy(confusion, 3)).toEqual({ digit: 3, correct: 30, total: 50, accuracy: 0.6 });
    expect(digitAccuracy(confusion, 4)).toEqual({ digit: 4, correct: 0, total: 0, accuracy: 0 });
  });
});
