import { describe, expect, it } from 'vitest';
import { shiftImage, withShiftedCopies } from './augment';

// A 4x4 "image" with values 1..16, row-major.
const IMG = Float32Array.from({ length: 16 }, (_, i) => i + 1);

describe('shifted copies of the transfer set', () => {
  it('shifts right/down with zero fill, and (0, 0) is the identity', () => {
    expect(Array.from(shiftImage(IMG, 4, 0, 0))).toEqual(Array.from(IMG));
    const s = Array.from(shiftImage(IMG, 4, 1, 2));
    // row 0 and 1 are empty, row 2 is the original row 0 moved one pixel right
    expect(s.slice(0, 8)).toEqual(new Array(8).fill(0));
    expect(s.slice(8, 12)).toEqual([0, 1, 2, 3]);
    expect(s.slice(12, 16)).toEqual([0, 5, 6, 7]);
    // shifting back and forth keeps the pixels that never left the frame
    const back = shiftImage(shiftImage(IMG, 4, -1, 0), 4, 1, 0);
    expect(Array.from(back)).toEqual([0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12, 0, 14, 15, 16]);
  });

  it('keeps the originals first, adds shifted copies that point at their source, reproducibly', () => {
    const two = new Float32Array(32);
    two.set(IMG);
    two.set(IMG.map((v) => -v), 16);
    const a = withShiftedCopies(two, 4, 3, 1, 9);
    const b = withShiftedCopies(two, 4, 3, 1, 9);
    expect(a.source.length).toBe(8);
    expect(Array.from(a.source)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(a.pixels.subarray(0, 32))).toEqual(Array.from(two));
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
    for (let k = 2; k < 8; k++) {
      const copy = Array.from(a.pixels.subarray(k * 16, (k + 1) * 16));
      expect(copy).not.toEqual(Array.from(two.subarray(a.source[k] * 16, (a.source[k] + 1) * 16)));
      // a copy of image 1 (all negative) only holds values of image 1 or zeros
      if (a.source[k] === 1) copy.forEach((v) => expect(v).toBeLessThanOrEqual(0));
    }
  });
});
