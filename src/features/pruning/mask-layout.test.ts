import { describe, expect, it } from 'vitest';
import { layoutFor } from './MaskHeatmap';

describe('mask heatmap layout', () => {
  for (const shape of [[400, 120], [5, 5, 1, 6], [5, 5, 6, 16], [3, 3, 16, 1], [3, 3, 32, 64]]) {
    it(`places every weight of [${shape.join('×')}] on its own pixel inside the canvas`, () => {
      const l = layoutFor(shape);
      const n = shape.reduce((a, b) => a * b, 1);
      const seen = new Set<number>();
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const [x, y] = l.place(i);
        if (!(x >= 0 && x < l.width && y >= 0 && y < l.height)) outside++;
        seen.add(y * l.width + x);
      }
      expect(outside).toBe(0);
      expect(seen.size).toBe(n);
    });
  }

  it('dense: one row per unit, one column per input', () => {
    const l = layoutFor([3, 2]);
    expect([l.width, l.height]).toEqual([3, 2]);
    expect(l.place(1)).toEqual([0, 1]); // input 0, unit 1
    expect(l.place(4)).toEqual([2, 0]); // input 2, unit 0
  });
});
