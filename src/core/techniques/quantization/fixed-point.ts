/**
 * Fixed-point requantization exactly as TFLite / gemmlowp do it on integer-only hardware.
 * A real multiplier M (e.g. s_in·s_w / s_out) becomes a Q31 integer m ∈ [2^30, 2^31) and a power-of-
 * two shift: M ≈ m · 2^(shift − 31). Applying it to an int32 accumulator x:
 *   SaturatingRoundingDoublingHighMul(x · 2^max(shift,0), m), then RoundingDivideByPOT(·, max(−shift,0)).
 * JavaScript numbers are doubles, so the 64-bit product is formed exactly from 16-bit halves
 * (see srdhm) — no BigInt in the inner loop; tests check it against BigInt.
 */

export interface QuantizedMultiplier {
  /** Q31 mantissa in [2^30, 2^31), or 0 for M = 0. */
  multiplier: number;
  /** Power-of-two exponent: M ≈ multiplier · 2^(shift − 31). */
  shift: number;
}

const TWO31 = 2147483648;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** tflite::QuantizeMultiplier: frexp, round the mantissa to Q31. */
export function quantizeMultiplier(m: number): QuantizedMultiplier {
  if (m === 0) return { multiplier: 0, shift: 0 };
  if (!(m > 0) || !Number.isFinite(m)) throw new RangeError(`multiplier must be positive and finite, got ${m}`);
  let shift = Math.floor(Math.log2(m)) + 1; // frexp: m = q · 2^shift, q ∈ [0.5, 1)
  let q = m / 2 ** shift;
  if (q >= 1) {
    q /= 2;
    shift++;
  } else if (q < 0.5) {
    q *= 2;
    shift--;
  }
  let qFixed = Math.round(q * TWO31);
  if (qFixed === TWO31) {
    qFixed /= 2;
    shift++;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: qFixed, shift };
}

/** The real value a quantized multiplier stands for. */
export function multiplierValue(q: QuantizedMultiplier): number {
  return (q.multiplier / TWO31) * 2 ** q.shift;
}

/**
 * gemmlowp SaturatingRoundingDoublingHighMul(a, b): the high 32 bits of 2·a·b, rounded to nearest
 * (ties away from zero in the nudge), truncated toward zero as C++ integer division does.
 */
export function srdhm(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  // a·b exactly: b = bh·2^16 + bl; a·bh and a·bl are exact doubles (< 2^47).
  const bl = b & 0xffff;
  const bh = (b - bl) / 65536;
  const hi = a * bh;
  const lo = a * bl;
  const nudge = (a >= 0) === (b >= 0) || a === 0 || b === 0 ? 1 << 30 : 1 - (1 << 30);
  // (hi·2^16 + lo + nudge) / 2^31 = hq + (hr·2^16 + lo + nudge) / 2^31 with hi = hq·2^15 + hr.
  const hq = Math.floor(hi / 32768);
  const hr = hi - hq * 32768;
  const r = hr * 65536 + lo + nudge;
  const rq = Math.floor(r / TWO31);
  let f = hq + rq;
  const rem = r - rq * TWO31;
  if (f < 0 && rem !== 0) f += 1; // truncate toward zero
  return f;
}

/** gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero. */
export function roundingDivideByPOT(x: number, exponent: number): number {
  if (exponent <= 0) return x;
  const mask = exponent >= 31 ? 0x7fffffff : (1 << exponent) - 1;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/** tflite::MultiplyByQuantizedMultiplier(x, m, shift) for an int32 x. */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  let v = x * 2 ** left;
  if (v > INT32_MAX) v = INT32_MAX;
  else if (v < INT32_MIN) v = INT32_MIN;
  return roundingDivideByPOT(srdhm(v, multiplier), right);
}

/**
 * The single-rounding variant (TFLite with TFLITE_SINGLE_ROUNDING, CMSIS-NN with
 * CMSIS_NN_USE_SINGLE_ROUNDING): (x·m + 2^(30−shift)) >> (31 − shift) in 64-bit, i.e. x·M rounded
 * once (half up) instead of twice. Exact here through 16-bit halves; BigInt for extreme shifts.
 */
export function multiplyByQuantizedMultiplierSingle(x: number, multiplier: number, shift: number): number {
  const ts = 31 - shift;
  if (ts < 16 || ts > 46) {
    const r = (BigInt(x) * BigInt(multiplier) + (1n << BigInt(ts - 1))) >> BigInt(ts);
    return Number(r);
  }
  const ml = multiplier & 0xffff;
  const mh = (multiplier - ml) / 65536;
  const hi = x * mh; // exact: |x·mh| < 2^46
  const lo = x * ml + 2 ** (ts - 1); // exact: < 2^48
  // floor((hi·2^16 + lo) / 2^ts) with hi = a·2^(ts−16) + ra.
  const p = 2 ** (ts - 16);
  const a = Math.floor(hi / p);
  const ra = hi - a * p;
  return a + Math.floor((ra * 65536 + lo) / 2 ** ts);
}

/**
 * tflite::MultiplyByQuantizedMultiplier(int64_t x, …), the requantization of the 16x8 kernels
 * (reference_integer_ops, int16 activations × int8 weights with int64 accumulators): the Q31
 * multiplier is first reduced to 15 bits, m' = (m + 2^15) >> 16 (0x7FFF when that would overflow),
 * then (x·m' + 2^(14−shift)) >> (15 − shift), one rounding, half up. Valid for |x| < 2^47 and
 * shift in −31..7 (TFLite's DCHECKs). x·m' reaches 2^62, beyond a double's 2^53: it is formed from
 * 16-bit halves of x so every partial product is exact.
 */
export function multiplyByQuantizedMultiplier64(x: number, multiplier: number, shift: number): number {
  const reduced = multiplier < 0x7fff0000 ? Math.floor((multiplier + 32768) / 65536) : 0x7fff;
  const ts = 15 - shift; // 8..46
  const xl = ((x % 65536) + 65536) % 65536; // x = xh·2^16 + xl, 0 ≤ xl < 2^16
  const xh = (x - xl) / 65536;
  const hi = xh * reduced; // |hi| < 2^46: exact
  const lo = xl * reduced + 2 ** (ts - 1); // < 2^47: exact
  if (ts >= 16) {
    // floor((hi·2^16 + lo) / 2^ts) with hi = a·2^(ts−16) + ra, 0 ≤ ra < 2^(ts−16).
    const p = 2 ** (ts - 16);
    const a = Math.floor(hi / p);
    const ra = hi - a * p;
    return a + Math.floor((ra * 65536 + lo) / 2 ** ts);
  }
  return hi * 2 ** (16 - ts) + Math.floor(lo / 2 ** ts);
}
