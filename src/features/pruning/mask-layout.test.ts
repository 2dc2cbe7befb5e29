import { describe, expect, it } from 'vitest';
import { layoutFor, MASK_COLORS, paintMask } from './MaskHeatmap';

describe('mask heatmap layout', () => {
  for (const shape of [[400, 120], [5, 5, 1, 6], [5, 5, 6, 16], [3, 3, 16, 1], [3, 3, 32, 64]]) {
    it(`places every weight of [${shape.join('×')}] on its own pixel inside the canvas`, () => {
      const l = layoutFor(shape);
      const n = shape.reduce((a, b) => a * b, 1);
      const seen = new Set<number>();
      let outside = 0;
      for (let i = 0; i < n; i++) {
        const p = l.pixel(i);
        if (!(Number.isInteger(p) && p >= 0 && p < l.width * l.height)) outside++;
        seen.add(p);
      }
      expect(outside).toBe(0);
      expect(seen.size).toBe(n);
    });
  }

  it('dense: one row per unit, one column per input', () => {
    const l = layoutFor([3, 2]);
    expect([l.width, l.height]).toEqual([3, 2]);
    expect(l.pixel(1)).toBe(1 * 3 + 0); // input 0, unit 1: x 0, y 1
    expect(l.pixel(4)).toBe(0 * 3 + 2); // input 2, unit 0: x 2, y 0
  });

  it('conv: a filter is a tile, its input channels stacked kh + 1 rows apart, a kh×kw cell each', () => {
    // [kh 2, kw 2, cin 2, cout 2]: flat index = ((y·kw + x)·cin + c)·cout + f.
    const l = layoutFor([2, 2, 2, 2]);
    const tileW = 3;
    const at = (y: number, x: number, c: number, f: number) => l.pixel(((y * 2 + x) * 2 + c) * 2 + f);
    expect(at(0, 0, 0, 0)).toBe(0);
    expect(at(0, 1, 0, 0)).toBe(1); // one pixel right
    expect(at(1, 0, 0, 0)).toBe(l.width); // one row down
    expect(at(0, 0, 1, 0)).toBe(3 * l.width); // next channel: kh + 1 = 3 rows down
    const f1 = at(0, 0, 0, 1);
    // The second filter is the next tile: to the right in the same tile row, or the first of the next.
    expect(f1 === tileW || f1 === 6 * l.width).toBe(true);
  });
});

describe('mask heatmap paint', () => {
  it('writes kept, pruned and gap pixels as RGBA bytes', () => {
    const l = layoutFor([2, 2, 1, 1]); // one 2×2 cell in a 3×3 tile: the right column and bottom row are gaps
    const mask = Uint8Array.from([1, 0, 0, 1]);
    const bytes = new Uint8ClampedArray(l.width * l.height * 4);
    paintMask(mask, l, new Uint32Array(bytes.buffer));
    const rgbaAt = (p: number) => [...bytes.subarray(p * 4, p * 4 + 4)];
    expect(rgbaAt(l.pixel(0))).toEqual([31, 95, 191, 255]); // kept: blue
    expect(rgbaAt(l.pixel(1))).toEqual([235, 238, 242, 255]); // pruned: grey
    expect(rgbaAt(l.pixel(3))).toEqual([31, 95, 191, 255]);
    const used = new Set([0, 1, 2, 3].map((i) => l.pixel(i)));
    const gaps = Array.from({ length: l.width * l.height }, (_, p) => p).filter((p) => !used.has(p));
    expect(gaps.length).toBe(l.width * l.height - 4);
    for (const p of gaps) expect(rgbaAt(p)).toEqual([255, 255, 255, 255]);
    expect(new Set(Object.values(MASK_COLORS)).size).toBe(3);
  });
});
