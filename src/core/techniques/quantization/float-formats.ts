/**
 * Rounding to the 16-bit float formats, for comparison with integer quantization:
 * IEEE 754 half (1 sign, 5 exponent, 10 mantissa bits; max 65504, subnormals down to 2^-24) and
 * bfloat16 (the top 16 bits of a float32: 8 exponent bits, 7 mantissa bits — float32's range, less precision).
 * Both round to nearest, ties to even, like the hardware conversions.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Round a number to the nearest bfloat16 value (returned as a number). */
export function roundBf16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  if ((bits & 0x7f800000) === 0x7f800000) return f32[0]; // inf / NaN unchanged
  const lsb = (bits >>> 16) & 1;
  u32[0] = ((bits + 0x7fff + lsb) & 0xffff0000) >>> 0;
  return f32[0];
}

/** Round a number to the nearest IEEE half-precision value (returned as a number). */
export function roundFp16(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return Math.sign(x) * Infinity; // beyond max half (65504) + half an ulp
  // Spacing of half values around a: 2^(e-10) for normals, 2^-24 for subnormals.
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  let step = 2 ** (e - 10);
  // log2 can be off by one right at a power of two; fix it exactly.
  if (a >= 2 ** (e + 1)) step *= 2;
  else if (e > -14 && a < 2 ** e) step /= 2;
  const m = a / step;
  let r = Math.round(m);
  if (r - m === 0.5 && r % 2 !== 0) r -= 1; // ties to even
  return Math.sign(x) * r * step;
}

export function roundArray(x: ArrayLike<number>, format: 'fp16' | 'bf16'): Float32Array {
  const f = format === 'fp16' ? roundFp16 : roundBf16;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return out;
}
