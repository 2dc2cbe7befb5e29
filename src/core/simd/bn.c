// Batch normalisation in training (Ioffe & Szegedy 2015) over x seen as [n, c] rows (NHWC: c is the
// channel axis, n = batch · height · width), f32x4 over the channels: the forward pass with its batch
// moments, and the whole backward pass (dx through the moments, dγ, dβ) in two passes over x and dy
// (src/core/train/batch-norm.ts; on tfjs these were about 20 full-size broadcast kernels per layer).
// Sums run over blocks of rows added into the totals (error grows with BLOCK + n / BLOCK, not n).
// `part` is scratch of 4·c floats. Pointers are byte offsets into this module's own memory.
#include <wasm_simd128.h>

#define BLOCK 64
#define LD wasm_v128_load
#define ST wasm_v128_store
#define MUL wasm_f32x4_mul
#define ADD wasm_f32x4_add
#define SUB wasm_f32x4_sub

static void zero(float *p, int c) { __builtin_memset(p, 0, (unsigned long)c * 4); }

// For each block of rows: part[j] = Σ (x − mean)[j] (mean may be 0), part[c + j] = Σ of its squares
// when `square`, then both added into s1, s2.
static void moments(const float *x, const float *mean, float *s1, float *s2, float *part, int n, int c, int square) {
  zero(s1, c);
  zero(s2, c);
  for (int i0 = 0; i0 < n; i0 += BLOCK) {
    const int i1 = i0 + BLOCK < n ? i0 + BLOCK : n;
    zero(part, 2 * c);
    for (int i = i0; i < i1; i++) {
      const float *r = x + (long)i * c;
      int j = 0;
      for (; j + 4 <= c; j += 4) {
        const v128_t d = SUB(LD(r + j), LD(mean + j));
        ST(part + j, ADD(LD(part + j), d));
        if (square) ST(part + c + j, ADD(LD(part + c + j), MUL(d, d)));
      }
      for (; j < c; j++) {
        const float d = r[j] - mean[j];
        part[j] += d;
        if (square) part[c + j] += d * d;
      }
    }
    for (int j = 0; j < c; j++) {
      s1[j] += part[j];
      s2[j] += part[c + j];
    }
  }
}

// mean, var (biased, as tf.moments) of x's columns; y = (x − mean)·γ/√(var + ε) + β.
void bn_forward(const float *x, const float *gamma, const float *beta, float *y, float *mean, float *var, float *part,
                int n, int c, float eps) {
  float *zeros = part + 2 * c, *scale = part + 3 * c;
  zero(zeros, c);
  moments(x, zeros, mean, scale, part, n, c, 0);
  for (int j = 0; j < c; j++) mean[j] /= (float)n;
  moments(x, mean, zeros, var, part, n, c, 1);
  for (int j = 0; j < c; j++) {
    var[j] /= (float)n;
    scale[j] = gamma[j] / __builtin_sqrtf(var[j] + eps);
  }
  for (int i = 0; i < n; i++) {
    const float *r = x + (long)i * c;
    float *o = y + (long)i * c;
    int j = 0;
    for (; j + 4 <= c; j += 4) ST(o + j, ADD(MUL(SUB(LD(r + j), LD(mean + j)), LD(scale + j)), LD(beta + j)));
    for (; j < c; j++) o[j] = (r[j] - mean[j]) * scale[j] + beta[j];
  }
}

// With x̂ = (x − mean)·s, s = 1/√(var + ε):  dβ = Σ dy,  dγ = s·Σ dy·(x − mean),
// dx = γs·(dy − dβ/n − (x − mean)·s²·Σ dy·(x − mean)/n) = dy·k1 + (x − mean)·k2 + k3.
void bn_backward(const float *x, const float *dy, const float *gamma, const float *mean, const float *var, float *dx,
                 float *dgamma, float *dbeta, float *part, int n, int c, float eps) {
  float *k1 = part + 2 * c, *k2 = part + 3 * c;
  zero(dbeta, c);
  zero(dgamma, c);
  for (int i0 = 0; i0 < n; i0 += BLOCK) {
    const int i1 = i0 + BLOCK < n ? i0 + BLOCK : n;
    zero(part, 2 * c);
    for (int i = i0; i < i1; i++) {
      const float *r = x + (long)i * c, *g = dy + (long)i * c;
      int j = 0;
      for (; j + 4 <= c; j += 4) {
        const v128_t d = LD(g + j);
        ST(part + j, ADD(LD(part + j), d));
        ST(part + c + j, ADD(LD(part + c + j), MUL(d, SUB(LD(r + j), LD(mean + j)))));
      }
      for (; j < c; j++) {
        part[j] += g[j];
        part[c + j] += g[j] * (r[j] - mean[j]);
      }
    }
    for (int j = 0; j < c; j++) {
      dbeta[j] += part[j];
      dgamma[j] += part[c + j];
    }
  }
  // part[0..c) becomes k3.
  float *k3 = part;
  for (int j = 0; j < c; j++) {
    const float s = 1.0f / __builtin_sqrtf(var[j] + eps);
    const float sdyx = dgamma[j];
    k1[j] = gamma[j] * s;
    k2[j] = -k1[j] * s * s * sdyx / (float)n;
    k3[j] = -k1[j] * dbeta[j] / (float)n;
    dgamma[j] = sdyx * s;
  }
  for (int i = 0; i < n; i++) {
    const float *r = x + (long)i * c, *g = dy + (long)i * c;
    float *o = dx + (long)i * c;
    int j = 0;
    for (; j + 4 <= c; j += 4) {
      const v128_t d = SUB(LD(r + j), LD(mean + j));
      ST(o + j, ADD(ADD(MUL(LD(g + j), LD(k1 + j)), MUL(d, LD(k2 + j))), LD(k3 + j)));
    }
    for (; j < c; j++) o[j] = g[j] * k1[j] + (r[j] - mean[j]) * k2[j] + k3[j];
  }
}
