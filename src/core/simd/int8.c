/*
 * int8 dense / conv2d of the integer-only engine (integer-kernels.ts runDenseOrConv), bit-exact:
 *
 *   y[oy,ox,c] = clamp(zOut + requant(bias[c] + sum_k col[k]·w[c,k], mult[c], shift[c]), actMin, actMax)
 *
 * where col is the im2col patch of (x − zIn) at (oy, ox) — taps outside the input contribute 0
 * (TFLite pads with the input zero point) — in the kernel order (ky, kx, ci), and w[c] is output
 * channel c's weights minus their zero point in the same order, as int16, zero-padded to Kp (a
 * multiple of 8). Products go through i32x4.dot_i16x8_s: |x − zIn|, |w| ≤ 255, so each pair sum
 * fits, and the caller guarantees the whole dot product fits an int32 (K·255² < 2^31, compile's
 * check). The accumulator bias + sum is then an int64, as the JS doubles hold it exactly.
 *
 * requant (one of the two 8x8 modes of fixed-point.ts; the caller keeps 16x8 and shifts outside
 * −31..30 in JS):
 *   rounding 0 (double, tflite::MultiplyByQuantizedMultiplier): v = sat32(x·2^max(shift,0)), then
 *     SaturatingRoundingDoublingHighMul(v, m) and RoundingDivideByPOT(·, max(−shift, 0));
 *   rounding 1 (single, TFLITE_SINGLE_ROUNDING): floor((x·m + 2^(30−shift)) / 2^(31−shift)).
 *
 * Depthwise (int8_depthwise, integer-kernels.ts runDepthwise): the same sum over the window with one
 * input channel per output channel, c / depthMultiplier; P_XS then holds the input minus zIn already
 * expanded to that channel, Cp = cout rounded up to 8 values per pixel (zero-padded), P_W the weights
 * as kh·kw rows of Cp, P_COL an int32 scratch of Cp sums, and P_KP is Cp.
 *
 * One call runs a whole layer: int8_layer(p) / int8_depthwise(p) with p an int32 parameter block (see
 * P_* below) holding the geometry and the byte offsets of the buffers, all in this module's memory.
 */
#include <stdint.h>
#include <wasm_simd128.h>

enum {
  P_IN_H, P_IN_W, P_CIN, P_OUT_H, P_OUT_W, P_COUT, P_KH, P_KW, P_SH, P_SW, P_PAD_T, P_PAD_L,
  P_Z_IN, P_Z_OUT, P_ACT_MIN, P_ACT_MAX, P_KP, P_ROUNDING,
  P_X,     /* int32 input, inH·inW·cin (NHWC) */
  P_Y,     /* int32 output, outH·outW·cout */
  P_XS,    /* int16 scratch: x − zIn, inH·inW·cin */
  P_COL,   /* int16 scratch: one patch, Kp */
  P_W,     /* int16 weights, cout rows of Kp */
  P_BIAS,  /* int32, cout */
  P_MULT,  /* int32, cout */
  P_SHIFT, /* int32, cout */
  P_COUNT
};

static int32_t rdbpot(int32_t x, int e) {
  if (e <= 0) return x;
  int32_t mask = (int32_t)((1u << e) - 1u);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + (remainder > threshold ? 1 : 0);
}

static int64_t requant(int64_t x, int32_t m, int32_t shift, int single) {
  if (single) {
    int64_t p = x * (int64_t)m; /* |x| < 2^32, m < 2^31 */
    return ((p >> (30 - shift)) + 1) >> 1;
  }
  int left = shift > 0 ? shift : 0;
  int64_t hi = (int64_t)INT32_MAX >> left;
  int64_t lo = (int64_t)INT32_MIN >> left;
  int32_t v = x > hi ? INT32_MAX : x < lo ? INT32_MIN : (int32_t)(x * ((int64_t)1 << left));
  int32_t h;
  if (v == INT32_MIN && m == INT32_MIN) {
    h = INT32_MAX;
  } else {
    int64_t ab = (int64_t)v * (int64_t)m;
    int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    int64_t t = ab + nudge; /* t / 2^31, truncated toward zero (C division), by shifts */
    h = (int32_t)(t >= 0 ? t >> 31 : -((-t) >> 31));
  }
  return rdbpot(h, shift > 0 ? 0 : -shift);
}

static int32_t hsum(v128_t a) {
  v128_t s = wasm_i32x4_add(a, wasm_i32x4_shuffle(a, a, 2, 3, 0, 1));
  s = wasm_i32x4_add(s, wasm_i32x4_shuffle(s, s, 1, 0, 3, 2));
  return wasm_i32x4_extract_lane(s, 0);
}

void int8_layer(const int32_t *p) {
  const int inH = p[P_IN_H], inW = p[P_IN_W], cin = p[P_CIN], outH = p[P_OUT_H], outW = p[P_OUT_W];
  const int C = p[P_COUT], kh = p[P_KH], kw = p[P_KW], sh = p[P_SH], sw = p[P_SW];
  const int padT = p[P_PAD_T], padL = p[P_PAD_L], zIn = p[P_Z_IN], zOut = p[P_Z_OUT];
  const int actMin = p[P_ACT_MIN], actMax = p[P_ACT_MAX], Kp = p[P_KP], single = p[P_ROUNDING];
  const int32_t *x = (const int32_t *)(uintptr_t)p[P_X];
  int32_t *y = (int32_t *)(uintptr_t)p[P_Y];
  int16_t *xs = (int16_t *)(uintptr_t)p[P_XS];
  int16_t *col = (int16_t *)(uintptr_t)p[P_COL];
  const int16_t *w = (const int16_t *)(uintptr_t)p[P_W];
  const int32_t *bias = (const int32_t *)(uintptr_t)p[P_BIAS];
  const int32_t *mult = (const int32_t *)(uintptr_t)p[P_MULT];
  const int32_t *shift = (const int32_t *)(uintptr_t)p[P_SHIFT];
  const int n = inH * inW * cin, rowLen = kw * cin, K = kh * rowLen;
  for (int i = 0; i < n; i++) xs[i] = (int16_t)(x[i] - zIn);
  for (int k = K; k < Kp; k++) col[k] = 0;
  for (int oy = 0; oy < outH; oy++) {
    for (int ox = 0; ox < outW; ox++) {
      /* The patch, one kernel row (kw·cin contiguous values of the input) at a time. */
      const int ix0 = ox * sw - padL;
      const int kx0 = ix0 < 0 ? -ix0 : 0;
      const int kx1 = ix0 + kw > inW ? inW - ix0 : kw;
      int16_t *dst = col;
      for (int ky = 0; ky < kh; ky++, dst += rowLen) {
        const int iy = oy * sh - padT + ky;
        if (iy < 0 || iy >= inH || kx1 <= kx0) {
          for (int k = 0; k < rowLen; k++) dst[k] = 0;
          continue;
        }
        const int16_t *src = xs + (iy * inW + ix0) * cin;
        for (int k = 0; k < kx0 * cin; k++) dst[k] = 0;
        for (int k = kx0 * cin; k < kx1 * cin; k++) dst[k] = src[k];
        for (int k = kx1 * cin; k < rowLen; k++) dst[k] = 0;
      }
      int32_t *out = y + (oy * outW + ox) * C;
      int c = 0;
      int32_t s[4];
      for (; c < C; c += 4) {
        const int n4 = C - c < 4 ? C - c : 4;
        const int16_t *w0 = w + c * Kp;
        const int16_t *w1 = n4 > 1 ? w0 + Kp : w0;
        const int16_t *w2 = n4 > 2 ? w1 + Kp : w0;
        const int16_t *w3 = n4 > 3 ? w2 + Kp : w0;
        v128_t a0 = wasm_i32x4_splat(0), a1 = a0, a2 = a0, a3 = a0;
        for (int j = 0; j < Kp; j += 8) {
          const v128_t v = wasm_v128_load(col + j);
          a0 = wasm_i32x4_add(a0, wasm_i32x4_dot_i16x8(v, wasm_v128_load(w0 + j)));
          a1 = wasm_i32x4_add(a1, wasm_i32x4_dot_i16x8(v, wasm_v128_load(w1 + j)));
          a2 = wasm_i32x4_add(a2, wasm_i32x4_dot_i16x8(v, wasm_v128_load(w2 + j)));
          a3 = wasm_i32x4_add(a3, wasm_i32x4_dot_i16x8(v, wasm_v128_load(w3 + j)));
        }
        s[0] = hsum(a0);
        s[1] = hsum(a1);
        s[2] = hsum(a2);
        s[3] = hsum(a3);
        for (int i = 0; i < n4; i++) {
          int64_t v = zOut + requant((int64_t)bias[c + i] + s[i], mult[c + i], shift[c + i], single);
          out[c + i] = (int32_t)(v < actMin ? actMin : v > actMax ? actMax : v);
        }
      }
    }
  }
}

void int8_depthwise(const int32_t *p) {
  const int inH = p[P_IN_H], inW = p[P_IN_W], cin = p[P_CIN], outH = p[P_OUT_H], outW = p[P_OUT_W];
  const int C = p[P_COUT], kh = p[P_KH], kw = p[P_KW], sh = p[P_SH], sw = p[P_SW];
  const int padT = p[P_PAD_T], padL = p[P_PAD_L], zIn = p[P_Z_IN], zOut = p[P_Z_OUT];
  const int actMin = p[P_ACT_MIN], actMax = p[P_ACT_MAX], Cp = p[P_KP], single = p[P_ROUNDING];
  const int32_t *x = (const int32_t *)(uintptr_t)p[P_X];
  int32_t *y = (int32_t *)(uintptr_t)p[P_Y];
  int16_t *xe = (int16_t *)(uintptr_t)p[P_XS];
  int32_t *acc = (int32_t *)(uintptr_t)p[P_COL];
  const int16_t *w = (const int16_t *)(uintptr_t)p[P_W];
  const int32_t *bias = (const int32_t *)(uintptr_t)p[P_BIAS];
  const int32_t *mult = (const int32_t *)(uintptr_t)p[P_MULT];
  const int32_t *shift = (const int32_t *)(uintptr_t)p[P_SHIFT];
  const int dm = C / cin;
  for (int i = 0; i < inH * inW; i++) {
    for (int c = 0; c < C; c++) xe[i * Cp + c] = (int16_t)(x[i * cin + c / dm] - zIn);
    for (int c = C; c < Cp; c++) xe[i * Cp + c] = 0;
  }
  for (int oy = 0; oy < outH; oy++) {
    for (int ox = 0; ox < outW; ox++) {
      for (int c = 0; c < Cp; c += 4) wasm_v128_store(acc + c, wasm_i32x4_splat(0));
      for (int ky = 0; ky < kh; ky++) {
        const int iy = oy * sh - padT + ky;
        if (iy < 0 || iy >= inH) continue;
        for (int kx = 0; kx < kw; kx++) {
          const int ix = ox * sw - padL + kx;
          if (ix < 0 || ix >= inW) continue;
          const int16_t *xv = xe + (iy * inW + ix) * Cp;
          const int16_t *wv = w + (ky * kw + kx) * Cp;
          for (int c = 0; c < Cp; c += 8) {
            const v128_t a = wasm_v128_load(xv + c), b = wasm_v128_load(wv + c);
            wasm_v128_store(acc + c, wasm_i32x4_add(wasm_v128_load(acc + c), wasm_i32x4_extmul_low_i16x8(a, b)));
            wasm_v128_store(acc + c + 4, wasm_i32x4_add(wasm_v128_load(acc + c + 4), wasm_i32x4_extmul_high_i16x8(a, b)));
          }
        }
      }
      int32_t *out = y + (oy * outW + ox) * C;
      for (int c = 0; c < C; c++) {
        int64_t v = zOut + requant((int64_t)bias[c] + acc[c], mult[c], shift[c], single);
        out[c] = (int32_t)(v < actMin ? actMin : v > actMax ? actMax : v);
      }
    }
  }
}
