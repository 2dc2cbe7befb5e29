// Depthwise-convolution gradients for training on the tfjs wasm backend (wasm-kernels-simd.ts),
// NHWC with the channel axis innermost, f32x4 over channels. Channel multiplier m: out channel
// o = c·m + k reads input channel c. m = 1 and m = 2 have SIMD paths, any other m a scalar one;
// channel counts not a multiple of 4 finish with a scalar tail. Strides and padding are free
// (top / left are the padding before the input, as tfjs' computeConv2DInfo gives them);
// dilation 1 only. Pointers are byte offsets into this module's own memory.
#include <wasm_simd128.h>

static inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
static inline int imax(int a, int b) { return a > b ? a : b; }
static inline int imin(int a, int b) { return a < b ? a : b; }

// Output rows (or columns) whose tap w lands inside the input: [lo, hi).
static inline void tap_range(int w, int pad, int stride, int in, int out, int *lo, int *hi) {
  *lo = imax(0, -floor_div(w - pad, stride));
  *hi = imin(out, floor_div(in - 1 + pad - w, stride) + 1);
}

#define LD(p) wasm_v128_load(p)
#define ST(p, v) wasm_v128_store(p, v)
#define MADD(a, x, y) wasm_f32x4_add(a, wasm_f32x4_mul(x, y))

// Four out channels' worth of x for out channels o..o+3 (xp points at input channel o / m).
static inline __attribute__((always_inline)) v128_t xload(const float *xp, int M) {
  if (M == 1) return LD(xp);
  v128_t v = wasm_v128_load64_splat(xp);
  return wasm_i32x4_shuffle(v, v, 0, 0, 1, 1);
}

// One dW sum, scalar: out channel o of tap (i, j) over the output rows [r0, r1) and columns [s0, s1).
static inline float filter_sum(const float *x, const float *dy, int B, int H, int W, int C, int OH,
                               int OW, int SH, int SW, int i, int j, int top, int left, int m,
                               int r0, int r1, int s0, int s1, int o) {
  const int Co = C * m;
  float a = 0;
  for (int b = 0; b < B; b++) {
    for (int r = r0; r < r1; r++) {
      const float *xp = x + ((b * H + r * SH + i - top) * W + s0 * SW + j - left) * C + o / m;
      const float *dp = dy + ((b * OH + r) * OW + s0) * Co + o;
      for (int s = s0; s < s1; s++, xp += SW * C, dp += Co) a += *xp * *dp;
    }
  }
  return a;
}

// dW[i, j, o] = Σ_{b, r, s} x[b, r·sh + i − top, s·sw + j − left, o / m] · dy[b, r, s, o].
// Per tap and block of 16 (then 4) out channels, the sums stay in registers over all (b, r, s).
static inline __attribute__((always_inline)) void filter_impl(
    const float *x, const float *dy, float *dw, int B, int H, int W, int C, int OH, int OW, int KH,
    int KW, int SH, int SW, int top, int left, int M) {
  const int Co = C * M;
  for (int i = 0; i < KH; i++) {
    int r0, r1;
    tap_range(i, top, SH, H, OH, &r0, &r1);
    for (int j = 0; j < KW; j++) {
      int s0, s1;
      tap_range(j, left, SW, W, OW, &s0, &s1);
      float *out = dw + (i * KW + j) * Co;
      int o0 = 0;
      for (; o0 + 16 <= Co; o0 += 16) {
        v128_t a0 = wasm_f32x4_splat(0), a1 = a0, a2 = a0, a3 = a0;
        for (int b = 0; b < B; b++) {
          for (int r = r0; r < r1; r++) {
            const float *xp = x + ((b * H + r * SH + i - top) * W + s0 * SW + j - left) * C + o0 / M;
            const float *dp = dy + ((b * OH + r) * OW + s0) * Co + o0;
            for (int s = s0; s < s1; s++, xp += SW * C, dp += Co) {
              a0 = MADD(a0, xload(xp, M), LD(dp));
              a1 = MADD(a1, xload(xp + 4 / M, M), LD(dp + 4));
              a2 = MADD(a2, xload(xp + 8 / M, M), LD(dp + 8));
              a3 = MADD(a3, xload(xp + 12 / M, M), LD(dp + 12));
            }
          }
        }
        ST(out + o0, a0);
        ST(out + o0 + 4, a1);
        ST(out + o0 + 8, a2);
        ST(out + o0 + 12, a3);
      }
      for (; o0 + 4 <= Co; o0 += 4) {
        v128_t a0 = wasm_f32x4_splat(0);
        for (int b = 0; b < B; b++) {
          for (int r = r0; r < r1; r++) {
            const float *xp = x + ((b * H + r * SH + i - top) * W + s0 * SW + j - left) * C + o0 / M;
            const float *dp = dy + ((b * OH + r) * OW + s0) * Co + o0;
            for (int s = s0; s < s1; s++, xp += SW * C, dp += Co) a0 = MADD(a0, xload(xp, M), LD(dp));
          }
        }
        ST(out + o0, a0);
      }
      for (; o0 < Co; o0++) out[o0] = filter_sum(x, dy, B, H, W, C, OH, OW, SH, SW, i, j, top, left, M, r0, r1, s0, s1, o0);
    }
  }
}

void dw_backprop_filter(const float *x, const float *dy, float *dw, int B, int H, int W, int C,
                        int OH, int OW, int KH, int KW, int SH, int SW, int top, int left, int m) {
  if (m == 1) filter_impl(x, dy, dw, B, H, W, C, OH, OW, KH, KW, SH, SW, top, left, 1);
  else if (m == 2) filter_impl(x, dy, dw, B, H, W, C, OH, OW, KH, KW, SH, SW, top, left, 2);
  else {
    // Any other multiplier: the same sums, scalar.
    const int Co = C * m;
    for (int i = 0; i < KH; i++) {
      int r0, r1;
      tap_range(i, top, SH, H, OH, &r0, &r1);
      for (int j = 0; j < KW; j++) {
        int s0, s1;
        tap_range(j, left, SW, W, OW, &s0, &s1);
        float *out = dw + (i * KW + j) * Co;
        for (int o = 0; o < Co; o++) out[o] = filter_sum(x, dy, B, H, W, C, OH, OW, SH, SW, i, j, top, left, m, r0, r1, s0, s1, o);
      }
    }
  }
}

#define MAX_TAPS 64

// dx[b, y, x, c] = Σ over the taps (i, j) and output positions (r, s) with r·sh + i − top = y and
// s·sw + j − left = x of Σ_k dy[b, r, s, c·m + k] · W[i, j, c·m + k]. Gathered per input pixel (every
// dx written once, no zero fill); the pixel's taps are listed once, then each channel block sums
// them in registers. At most MAX_TAPS filter rows (the caller checks kh); scratch: (1 + 2·KW)·W ints.
void dw_backprop_input(const float *dy, const float *w, float *dx, int B, int H, int W, int C, int OH,
                       int OW, int KH, int KW, int SH, int SW, int top, int left, int m, int *scratch) {
  const int Co = C * m;
  int rowTap[MAX_TAPS], rowPos[MAX_TAPS];
  // Every column's taps, listed once (the divisions cost more than the sums for small C):
  // scratch holds W counts, then W·KW tap indices, then W·KW output columns.
  int *colCount = scratch, *colTapAll = scratch + W, *colPosAll = scratch + W + W * KW;
  for (int xc = 0; xc < W; xc++) {
    int nc = 0;
    for (int j = 0; j < KW; j++) {
      int t = xc + left - j;
      if (t < 0) break;
      if (t % SW) continue;
      if (t / SW >= OW) continue;
      colTapAll[xc * KW + nc] = j;
      colPosAll[xc * KW + nc++] = t / SW;
    }
    colCount[xc] = nc;
  }
  for (int b = 0; b < B; b++) {
    for (int y = 0; y < H; y++) {
      int nr = 0;
      for (int i = 0; i < KH; i++) {
        int t = y + top - i;
        if (t < 0) break;
        if (t % SH) continue;
        if (t / SH >= OH) continue;
        rowTap[nr] = i;
        rowPos[nr++] = t / SH;
      }
      for (int xc = 0; xc < W; xc++) {
        const int nc = colCount[xc];
        const int *colTap = colTapAll + xc * KW, *colPos = colPosAll + xc * KW;
        float *out = dx + ((b * H + y) * W + xc) * C;
        int c0 = 0;
        if (m == 1) {
          for (; c0 + 16 <= C; c0 += 16) {
            v128_t a0 = wasm_f32x4_splat(0), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < nr; p++) {
              for (int q = 0; q < nc; q++) {
                const float *dp = dy + ((b * OH + rowPos[p]) * OW + colPos[q]) * C + c0;
                const float *wp = w + (rowTap[p] * KW + colTap[q]) * C + c0;
                a0 = MADD(a0, LD(dp), LD(wp));
                a1 = MADD(a1, LD(dp + 4), LD(wp + 4));
                a2 = MADD(a2, LD(dp + 8), LD(wp + 8));
                a3 = MADD(a3, LD(dp + 12), LD(wp + 12));
              }
            }
            ST(out + c0, a0);
            ST(out + c0 + 4, a1);
            ST(out + c0 + 8, a2);
            ST(out + c0 + 12, a3);
          }
          for (; c0 + 4 <= C; c0 += 4) {
            v128_t a0 = wasm_f32x4_splat(0);
            for (int p = 0; p < nr; p++) {
              for (int q = 0; q < nc; q++) {
                const float *dp = dy + ((b * OH + rowPos[p]) * OW + colPos[q]) * C + c0;
                const float *wp = w + (rowTap[p] * KW + colTap[q]) * C + c0;
                a0 = MADD(a0, LD(dp), LD(wp));
              }
            }
            ST(out + c0, a0);
          }
        } else if (m == 2) {
          // Out channels 2c, 2c + 1 belong to channel c: products of 8 out channels in two vectors,
          // summed pairwise at the end (even lanes + odd lanes).
          for (; c0 + 8 <= C; c0 += 8) {
            v128_t a0 = wasm_f32x4_splat(0), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < nr; p++) {
              for (int q = 0; q < nc; q++) {
                const float *dp = dy + ((b * OH + rowPos[p]) * OW + colPos[q]) * Co + 2 * c0;
                const float *wp = w + (rowTap[p] * KW + colTap[q]) * Co + 2 * c0;
                a0 = MADD(a0, LD(dp), LD(wp));
                a1 = MADD(a1, LD(dp + 4), LD(wp + 4));
                a2 = MADD(a2, LD(dp + 8), LD(wp + 8));
                a3 = MADD(a3, LD(dp + 12), LD(wp + 12));
              }
            }
            ST(out + c0, wasm_f32x4_add(wasm_i32x4_shuffle(a0, a1, 0, 2, 4, 6), wasm_i32x4_shuffle(a0, a1, 1, 3, 5, 7)));
            ST(out + c0 + 4, wasm_f32x4_add(wasm_i32x4_shuffle(a2, a3, 0, 2, 4, 6), wasm_i32x4_shuffle(a2, a3, 1, 3, 5, 7)));
          }
          for (; c0 + 4 <= C; c0 += 4) {
            v128_t a0 = wasm_f32x4_splat(0), a1 = a0;
            for (int p = 0; p < nr; p++) {
              for (int q = 0; q < nc; q++) {
                const float *dp = dy + ((b * OH + rowPos[p]) * OW + colPos[q]) * Co + 2 * c0;
                const float *wp = w + (rowTap[p] * KW + colTap[q]) * Co + 2 * c0;
                a0 = MADD(a0, LD(dp), LD(wp));
                a1 = MADD(a1, LD(dp + 4), LD(wp + 4));
              }
            }
            ST(out + c0, wasm_f32x4_add(wasm_i32x4_shuffle(a0, a1, 0, 2, 4, 6), wasm_i32x4_shuffle(a0, a1, 1, 3, 5, 7)));
          }
        }
        for (; c0 < C; c0++) {
          float a = 0;
          for (int p = 0; p < nr; p++) {
            for (int q = 0; q < nc; q++) {
              const float *dp = dy + ((b * OH + rowPos[p]) * OW + colPos[q]) * Co + c0 * m;
              const float *wp = w + (rowTap[p] * KW + colTap[q]) * Co + c0 * m;
              for (int k = 0; k < m; k++) a += dp[k] * wp[k];
            }
          }
          out[c0] = a;
        }
      }
    }
  }
}
