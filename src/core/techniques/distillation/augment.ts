/**
 * Shifted copies of the transfer set. The teacher labels every copy with its own logits, so the
 * student learns the teacher's function around each training image, not only at it ("function
 * matching", Beyer et al. 2022, "Knowledge distillation: A good teacher is patient and consistent").
 * The scratch student gets the very same images with their hard labels, so the comparison stays fair.
 * Pure typed-array code: no tfjs.
 */
import { mulberry32 } from '../../data/random';

export interface ShiftedSet {
  /** (n · (1 + copies)) images of side×side floats: the originals first, then each copy in turn. */
  pixels: Float32Array;
  /** For each output image, the index of the original it came from. */
  source: Int32Array;
}

/** Moves one square image by (dx, dy) pixels, filling with zeros (MNIST background). */
export function shiftImage(src: Float32Array, side: number, dx: number, dy: number, out: Float32Array = new Float32Array(side * side)): Float32Array {
  out.fill(0);
  for (let y = 0; y < side; y++) {
    const sy = y - dy;
    if (sy < 0 || sy >= side) continue;
    for (let x = 0; x < side; x++) {
      const sx = x - dx;
      if (sx >= 0 && sx < side) out[y * side + x] = src[sy * side + sx];
    }
  }
  return out;
}

/** The originals plus `copies` randomly shifted versions of each (shifts in −maxShift..maxShift, not both 0). */
export function withShiftedCopies(pixels: Float32Array, side: number, copies: number, maxShift: number, seed: number): ShiftedSet {
  const size = side * side;
  const n = pixels.length / size;
  if (!Number.isInteger(n)) throw new RangeError(`expected a multiple of ${size} pixels, got ${pixels.length}`);
  const total = n * (1 + copies);
  const out = new Float32Array(total * size);
  const source = new Int32Array(total);
  out.set(pixels);
  for (let i = 0; i < n; i++) source[i] = i;
  const rand = mulberry32(seed);
  const pick = () => Math.floor(rand() * (2 * maxShift + 1)) - maxShift;
  for (let c = 1; c <= copies; c++) {
    for (let i = 0; i < n; i++) {
      let dx = 0;
      let dy = 0;
      while (maxShift > 0 && dx === 0 && dy === 0) {
        dx = pick();
        dy = pick();
      }
      const k = c * n + i;
      shiftImage(pixels.subarray(i * size, (i + 1) * size), side, dx, dy, out.subarray(k * size, (k + 1) * size));
      source[k] = i;
    }
  }
  return { pixels: out, source };
}
