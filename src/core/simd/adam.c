// The Adam update of one variable in one pass (fused-adam.ts), f32x4, in place over this module's
// memory: x (value), m and v (moments) are updated, g is read. Every operation is a float32
// operation in the order of tfjs's AdamOptimizer (multiply, add, divide, sqrt — wasm has no fused
// multiply-add, so nothing is contracted), which makes the result bit-identical to it:
//   m ← m·β₁ + g·(1 − β₁);  v ← v·β₂ + g²·(1 − β₂);  x ← ((m / c₁) / (√(v / c₂) + ε))·(−η) + x
// with c₁ = 1 − β₁ᵗ, c₂ = 1 − β₂ᵗ. Pointers are byte offsets into this module's own memory.
#include <wasm_simd128.h>

void adam_update(float *x, const float *g, float *m, float *v, int n, float b1, float a1, float b2, float a2,
                 float c1, float c2, float eps, float neglr) {
  const v128_t B1 = wasm_f32x4_splat(b1), A1 = wasm_f32x4_splat(a1), B2 = wasm_f32x4_splat(b2),
               A2 = wasm_f32x4_splat(a2), C1 = wasm_f32x4_splat(c1), C2 = wasm_f32x4_splat(c2),
               E = wasm_f32x4_splat(eps), L = wasm_f32x4_splat(neglr);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t gi = wasm_v128_load(g + i);
    const v128_t mi = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), B1), wasm_f32x4_mul(gi, A1));
    const v128_t vi = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), B2), wasm_f32x4_mul(wasm_f32x4_mul(gi, gi), A2));
    wasm_v128_store(m + i, mi);
    wasm_v128_store(v + i, vi);
    const v128_t d = wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(vi, C2)), E);
    const v128_t u = wasm_f32x4_mul(wasm_f32x4_div(wasm_f32x4_div(mi, C1), d), L);
    wasm_v128_store(x + i, wasm_f32x4_add(u, wasm_v128_load(x + i)));
  }
  for (; i < n; i++) {
    const float gi = g[i];
    const float mi = m[i] * b1 + gi * a1;
    const float vi = v[i] * b2 + (gi * gi) * a2;
    m[i] = mi;
    v[i] = vi;
    x[i] = ((mi / c1) / (__builtin_sqrtf(vi / c2) + eps)) * neglr + x[i];
  }
}
