import { describe, expect, it } from 'vitest';
import { toMnistInput, grayFromRgba, type Gray } from './digit-preprocess';

function blank(w: number, h: number): Gray {
  return { width: w, height: h, data: new Float32Array(w * h) };
}
function rect(img: Gray, x: number, y: number, rw: number, rh: number, v = 1): Gray {
  for (let j = y; j < y + rh; j++) for (let i = x; i < x + rw; i++) img.data[j * img.width + i] = v;
  return img;
}
function bbox(a: Float32Array) {
  let x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++)
      if (a[y * 28 + x] > 0) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
function centreOfMass(a: Float32Array) {
  let m = 0, cx = 0, cy = 0;
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) {
      const v = a[y * 28 + x];
      m += v; cx += v * (x + 0.5); cy += v * (y + 0.5);
    }
  return { x: cx / m, y: cy / m };
}

describe('toMnistInput', () => {
  it('returns null for an empty pad', () => {
    expect(toMnistInput(blank(280, 280))).toBeNull();
  });

  it('gives 784 values in [0, 1]', () => {
    const out = toMnistInput(rect(blank(280, 280), 100, 40, 30, 200))!;
    expect(out).toHaveLength(784);
    for (const v of out) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('scales the longer side of the digit to 20 pixels and keeps the aspect ratio', () => {
    const out = toMnistInput(rect(blank(280, 280), 10, 20, 50, 200))!; // 1:4 stroke anywhere on the pad
    const b = bbox(out);
    expect(b.h).toBe(20);
    expect(b.w).toBe(5);
  });

  it('puts the centre of mass at the centre wherever the digit was drawn', () => {
    for (const [x, y] of [[0, 0], [200, 150], [60, 230]]) {
      const img = rect(blank(280, 280), x, y, 40, 40);
      rect(img, x, y, 10, 10, 0.0); // asymmetric hole so the mass centre is off the box centre
      const c = centreOfMass(toMnistInput(img)!);
      expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it('area-averages: a thin line becomes partial (grey) intensity, ink is conserved', () => {
    const img = rect(blank(280, 280), 0, 0, 200, 200, 0);
    rect(img, 0, 0, 200, 1); // one-pixel line across the top of a 200x200 digit box
    rect(img, 0, 199, 1, 1); // a dot fixes the box height to 200
    const out = toMnistInput(img)!;
    const max = Math.max(...out);
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThan(0.2); // 1/10 coverage per output pixel
    const total = out.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo((201 * 1) / 100, 1); // 201 ink pixels x (20/200)^2
  });

  it('reads alpha as ink from RGBA pixels', () => {
    const rgba = new Uint8ClampedArray(2 * 1 * 4);
    rgba[3] = 255;
    rgba[7] = 0;
    const g = grayFromRgba(rgba, 2, 1);
    expect(Array.from(g.data)).toEqual([1, 0]);
  });
});
