// The weight gradient of a plain 2-D convolution for training on the tfjs wasm backend
// (wasm-kernels-simd.ts), NHWC / HWIO with channels innermost, f32x4 over the output channels:
//   dW[i, j, c, o] = Σ_{b, r, s} x[b, r·sh + i − top, s·sw + j − left, c] · dy[b, r, s, o].
// tfjs' own path transposes x and dy and runs them as one convolution whose kernel is dy: two full
// copies, and a repacking of dy on every call. Here the sums run per output row (in chunks of 64
// columns, so that row's x and dy stay in cache) on a register tile of 4 input × 8 output channels,
// added into dW as they go (a one-channel input takes four adjacent taps as the tile's four rows). Strides and padding are free (top / left as computeConv2DInfo gives
// them); dilation 1. Pointers are byte offsets into this module's own memory.
#include <wasm_simd128.h>

static inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
static inline int imax(int a, int b) { return a > b ? a : b; }
static inline int imin(int a, int b) { return a < b ? a : b; }

#define LD(p) wasm_v128_load(p)
#define ST(p, v) wasm_v128_store(p, v)
#define MADD(a, x, y) wasm_f32x4_add(a, wasm_f32x4_mul(x, y))
#define LANE(v, k) wasm_i32x4_shuffle(v, v, k, k, k, k)
#define INLINE static inline __attribute__((always_inline))

// n positions; xp / dp at the first one (input channel c, output channel o), xs / ds floats apart;
// out at dW[i, j, c, o], one input channel's row Co floats apart.
INLINE void tile4x8(const float *xp, int xs, const float *dp, int ds, int n, float *out, int Co) {
  v128_t a00 = LD(out), a01 = LD(out + 4), a10 = LD(out + Co), a11 = LD(out + Co + 4);
  v128_t a20 = LD(out + 2 * Co), a21 = LD(out + 2 * Co + 4), a30 = LD(out + 3 * Co), a31 = LD(out + 3 * Co + 4);
  for (int p = 0; p < n; p++, xp += xs, dp += ds) {
    const v128_t xv = LD(xp), d0 = LD(dp), d1 = LD(dp + 4);
    const v128_t x0 = LANE(xv, 0), x1 = LANE(xv, 1), x2 = LANE(xv, 2), x3 = LANE(xv, 3);
    a00 = MADD(a00, x0, d0);
    a01 = MADD(a01, x0, d1);
    a10 = MADD(a10, x1, d0);
    a11 = MADD(a11, x1, d1);
    a20 = MADD(a20, x2, d0);
    a21 = MADD(a21, x2, d1);
    a30 = MADD(a30, x3, d0);
    a31 = MADD(a31, x3, d1);
  }
  ST(out, a00); ST(out + 4, a01); ST(out + Co, a10); ST(out + Co + 4, a11);
  ST(out + 2 * Co, a20); ST(out + 2 * Co + 4, a21); ST(out + 3 * Co, a30); ST(out + 3 * Co + 4, a31);
}

INLINE void tile4x4(const float *xp, int xs, const float *dp, int ds, int n, float *out, int Co) {
  v128_t a0 = LD(out), a1 = LD(out + Co), a2 = LD(out + 2 * Co), a3 = LD(out + 3 * Co);
  for (int p = 0; p < n; p++, xp += xs, dp += ds) {
    const v128_t xv = LD(xp), d = LD(dp);
    a0 = MADD(a0, LANE(xv, 0), d);
    a1 = MADD(a1, LANE(xv, 1), d);
    a2 = MADD(a2, LANE(xv, 2), d);
    a3 = MADD(a3, LANE(xv, 3), d);
  }
  ST(out, a0); ST(out + Co, a1); ST(out + 2 * Co, a2); ST(out + 3 * Co, a3);
}

INLINE void tile1x8(const float *xp, int xs, const float *dp, int ds, int n, float *out) {
  v128_t a0 = LD(out), a1 = LD(out + 4);
  for (int p = 0; p < n; p++, xp += xs, dp += ds) {
    const v128_t x = wasm_v128_load32_splat(xp);
    a0 = MADD(a0, x, LD(dp));
    a1 = MADD(a1, x, LD(dp + 4));
  }
  ST(out, a0); ST(out + 4, a1);
}

INLINE void tile1x4(const float *xp, int xs, const float *dp, int ds, int n, float *out) {
  v128_t a = LD(out);
  for (int p = 0; p < n; p++, xp += xs, dp += ds) a = MADD(a, wasm_v128_load32_splat(xp), LD(dp));
  ST(out, a);
}

// The last t < 4 output channels: a full f32x4 of dy is read (the lanes past the row belong to the
// next position, or to memory after dy, which the caller allocates) and only t lanes are kept.
INLINE void tail4(const float *xp, int xs, const float *dp, int ds, int n, float *out, int Co, int t) {
  v128_t a[4] = {wasm_f32x4_splat(0), wasm_f32x4_splat(0), wasm_f32x4_splat(0), wasm_f32x4_splat(0)};
  for (int p = 0; p < n; p++, xp += xs, dp += ds) {
    const v128_t xv = LD(xp), d = LD(dp);
    a[0] = MADD(a[0], LANE(xv, 0), d);
    a[1] = MADD(a[1], LANE(xv, 1), d);
    a[2] = MADD(a[2], LANE(xv, 2), d);
    a[3] = MADD(a[3], LANE(xv, 3), d);
  }
  for (int k = 0; k < 4; k++) {
    float v[4];
    ST(v, a[k]);
    for (int q = 0; q < t; q++) out[k * Co + q] += v[q];
  }
}

INLINE void tail1(const float *xp, int xs, const float *dp, int ds, int n, float *out, int t) {
  v128_t a = wasm_f32x4_splat(0);
  for (int p = 0; p < n; p++, xp += xs, dp += ds) a = MADD(a, wasm_v128_load32_splat(xp), LD(dp));
  float v[4];
  ST(v, a);
  for (int q = 0; q < t; q++) out[q] += v[q];
}

// One tap over n positions: every (c, o) pair, in tiles, then the scalar tails.
INLINE void tap(const float *xp, int xs, const float *dp, int ds, int n, float *out, int C, int Co) {
  int c = 0;
  for (; c + 4 <= C; c += 4) {
    int o = 0;
    for (; o + 8 <= Co; o += 8) tile4x8(xp + c, xs, dp + o, ds, n, out + c * Co + o, Co);
    for (; o + 4 <= Co; o += 4) tile4x4(xp + c, xs, dp + o, ds, n, out + c * Co + o, Co);
    if (o < Co) tail4(xp + c, xs, dp + o, ds, n, out + c * Co + o, Co, Co - o);
  }
  for (; c < C; c++) {
    int o = 0;
    for (; o + 8 <= Co; o += 8) tile1x8(xp + c, xs, dp + o, ds, n, out + c * Co + o);
    for (; o + 4 <= Co; o += 4) tile1x4(xp + c, xs, dp + o, ds, n, out + c * Co + o);
    if (o < Co) tail1(xp + c, xs, dp + o, ds, n, out + c * Co + o, Co - o);
  }
}

#define CHUNK 64

void conv_backprop_filter(const float *x, const float *dy, float *dw, int B, int H, int W, int C,
                          int OH, int OW, int Co, int KH, int KW, int SH, int SW, int top,
                          int left) {
  const int n = KH * KW * C * Co;
  for (int k = 0; k < n; k++) dw[k] = 0;
  for (int b = 0; b < B; b++) {
    for (int r = 0; r < OH; r++) {
      const float *drow = dy + (b * OH + r) * OW * Co;
      for (int s0 = 0; s0 < OW; s0 += CHUNK) {
        const int s1 = imin(OW, s0 + CHUNK);
        for (int i = 0; i < KH; i++) {
          const int iy = r * SH + i - top;
          if (iy < 0 || iy >= H) continue;
          const float *xrow = x + (b * H + iy) * W * C;
          for (int j = 0; j < KW; j++) {
            // Columns of this chunk whose tap j lands inside the input.
            const int lo = imax(s0, -floor_div(j - left, SW));
            const int hi = imin(s1, floor_div(W - 1 + left - j, SW) + 1);
            if (lo >= hi) continue;
            // One input channel, stride 1 (a first layer): taps j..j+3 read 4 adjacent floats of x
            // and write 4 adjacent rows of dW, as 4 input channels would. Merged where all four
            // see the same columns.
            if (C == 1 && SW == 1 && j + 4 <= KW && lo == imax(s0, -floor_div(j + 3 - left, SW)) &&
                hi == imin(s1, floor_div(W - 1 + left - j - 3, SW) + 1)) {
              tap(xrow + lo + j - left, 1, drow + lo * Co, Co, hi - lo, dw + (i * KW + j) * Co, 4, Co);
              j += 3;
              continue;
            }
            tap(xrow + (lo * SW + j - left) * C, SW * C, drow + lo * Co, Co, hi - lo,
                dw + (i * KW + j) * C * Co, C, Co);
          }
        }
      }
    }
  }
}
