// Row reductions over a float32 [n, c] matrix (a tensor seen as rows of its last axis), f32x4 over
// the columns: the bias gradients and batch-norm moments of training on the tfjs wasm backend
// (wasm-kernels.ts), whose own Sum transposes first and whose matmul repacks the operand every call.
// Pointers are byte offsets into this module's own memory.
#include <wasm_simd128.h>

#define LD(p) wasm_v128_load(p)
#define ADD wasm_f32x4_add

// out[j] = Σ_i x[i·c + j]. Two rows per step into separate sums (shorter dependency chains), added
// at the end.
void sum_rows(const float *x, float *out, int n, int c) {
  int j = 0;
  for (; j + 16 <= c; j += 16) {
    v128_t a0 = wasm_f32x4_splat(0), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
    const float *p = x + j;
    int i = 0;
    for (; i + 2 <= n; i += 2, p += 2 * c) {
      a0 = ADD(a0, LD(p));
      a1 = ADD(a1, LD(p + 4));
      a2 = ADD(a2, LD(p + 8));
      a3 = ADD(a3, LD(p + 12));
      b0 = ADD(b0, LD(p + c));
      b1 = ADD(b1, LD(p + c + 4));
      b2 = ADD(b2, LD(p + c + 8));
      b3 = ADD(b3, LD(p + c + 12));
    }
    if (i < n) {
      a0 = ADD(a0, LD(p));
      a1 = ADD(a1, LD(p + 4));
      a2 = ADD(a2, LD(p + 8));
      a3 = ADD(a3, LD(p + 12));
    }
    wasm_v128_store(out + j, ADD(a0, b0));
    wasm_v128_store(out + j + 4, ADD(a1, b1));
    wasm_v128_store(out + j + 8, ADD(a2, b2));
    wasm_v128_store(out + j + 12, ADD(a3, b3));
  }
  for (; j + 4 <= c; j += 4) {
    v128_t a = wasm_f32x4_splat(0), b = a;
    const float *p = x + j;
    int i = 0;
    for (; i + 2 <= n; i += 2, p += 2 * c) {
      a = ADD(a, LD(p));
      b = ADD(b, LD(p + c));
    }
    if (i < n) a = ADD(a, LD(p));
    wasm_v128_store(out + j, ADD(a, b));
  }
  for (; j < c; j++) {
    float a = 0, b = 0;
    const float *p = x + j;
    int i = 0;
    for (; i + 2 <= n; i += 2, p += 2 * c) {
      a += p[0];
      b += p[c];
    }
    if (i < n) a += p[0];
    out[j] = a + b;
  }
}
