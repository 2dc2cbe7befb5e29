// Max-pooling gradient for non-overlapping windows (stride = window, e.g. the usual 2x2/2), NHWC,
// f32x4 over the channels: each window's dy goes to the first element equal to the window's max
// (the forward output y), by masks rather than branches. Training on the tfjs wasm backend
// (wasm-kernels.ts), whose own MaxPoolGrad is a slow scalar loop. Pointers are byte offsets into
// this module's own memory.
#include <wasm_simd128.h>

void max_pool_grad(const float *x, const float *y, const float *dy, float *dx, int n, int ih, int iw, int c,
                   int oh, int ow, int fh, int fw, int top, int left) {
  // Every input element inside some window is written below (dy or 0); the rest must be 0.
  if (top != 0 || left != 0 || oh * fh != ih || ow * fw != iw) __builtin_memset(dx, 0, (unsigned long)n * ih * iw * c * 4);
  for (int b = 0; b < n; b++) {
    for (int r = 0; r < oh; r++) {
      int r0 = r * fh - top, r1 = r0 + fh;
      if (r0 < 0) r0 = 0;
      if (r1 > ih) r1 = ih;
      for (int q = 0; q < ow; q++) {
        int c0 = q * fw - left, c1 = c0 + fw;
        if (c0 < 0) c0 = 0;
        if (c1 > iw) c1 = iw;
        const int yo = ((b * oh + r) * ow + q) * c;
        int j = 0;
        for (; j + 4 <= c; j += 4) {
          const v128_t m = wasm_v128_load(y + yo + j), g = wasm_v128_load(dy + yo + j);
          v128_t found = wasm_i32x4_splat(0);
          for (int xr = r0; xr < r1; xr++) {
            for (int xc = c0; xc < c1; xc++) {
              const int xo = ((b * ih + xr) * iw + xc) * c + j;
              const v128_t e = wasm_v128_andnot(wasm_f32x4_eq(wasm_v128_load(x + xo), m), found);
              wasm_v128_store(dx + xo, wasm_v128_and(g, e));
              found = wasm_v128_or(found, e);
            }
          }
        }
        for (; j < c; j++) {
          int found = 0;
          for (int xr = r0; xr < r1; xr++) {
            for (int xc = c0; xc < c1; xc++) {
              const int xo = ((b * ih + xr) * iw + xc) * c + j;
              const int e = !found && x[xo] == y[yo + j];
              dx[xo] = e ? dy[yo + j] : 0.0f;
              found |= e;
            }
          }
        }
      }
    }
  }
}
