// A few rows times a transposed weight, without sgemm's packing copy of the weight.
//
// Decoding a batch of 8–32 sequences multiplies that many rows by every weight matrix. sgemm
// first copies the whole [n, k] weight into its blocked layout, which for so few rows costs more
// than the arithmetic. Here four weight rows at a time are loaded once from memory and dotted
// with every input row while they sit in L1, with vector fused multiply-adds: 4 weight rows x 2
// input rows = 8 accumulators per inner loop.
#include "few_rows.h"
#include <immintrin.h>
#include <stddef.h>

static void scalar_kernel(const float *x, const float *w, const float *bias, float *y, int m, int n, int k, int ldy) {
    for (int o = 0; o < n; o++)
        for (int r = 0; r < m; r++) {
            float sum = 0;
            for (int i = 0; i < k; i++) sum += x[(size_t)r * k + i] * w[(size_t)o * k + i];
            y[(size_t)r * ldy + o] = sum + (bias ? bias[o] : 0);
        }
}

__attribute__((target("avx512f")))
static void avx512_kernel(const float *x, const float *w, const float *bias, float *y, int m, int n, int k, int ldy) {
    int full = k & ~15;
    __mmask16 tail = (__mmask16)((1u << (k - full)) - 1);
    int o = 0;
    for (; o + 4 <= n; o += 4) {
        const float *w0 = w + (size_t)o * k, *w1 = w0 + k, *w2 = w1 + k, *w3 = w2 + k;
        int r = 0;
        for (; r + 2 <= m; r += 2) {
            const float *xa = x + (size_t)r * k, *xb = xa + k;
            __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int i = 0; i < k; i += 16) {
                __mmask16 mask = i < full ? (__mmask16)0xFFFF : tail;
                __m512 va = _mm512_maskz_loadu_ps(mask, xa + i), vb = _mm512_maskz_loadu_ps(mask, xb + i);
                __m512 v0 = _mm512_maskz_loadu_ps(mask, w0 + i), v1 = _mm512_maskz_loadu_ps(mask, w1 + i);
                __m512 v2 = _mm512_maskz_loadu_ps(mask, w2 + i), v3 = _mm512_maskz_loadu_ps(mask, w3 + i);
                a0 = _mm512_fmadd_ps(va, v0, a0); a1 = _mm512_fmadd_ps(va, v1, a1);
                a2 = _mm512_fmadd_ps(va, v2, a2); a3 = _mm512_fmadd_ps(va, v3, a3);
                b0 = _mm512_fmadd_ps(vb, v0, b0); b1 = _mm512_fmadd_ps(vb, v1, b1);
                b2 = _mm512_fmadd_ps(vb, v2, b2); b3 = _mm512_fmadd_ps(vb, v3, b3);
            }
            float *ya = y + (size_t)r * ldy + o, *yb = ya + ldy;
            ya[0] = _mm512_reduce_add_ps(a0); ya[1] = _mm512_reduce_add_ps(a1); ya[2] = _mm512_reduce_add_ps(a2); ya[3] = _mm512_reduce_add_ps(a3);
            yb[0] = _mm512_reduce_add_ps(b0); yb[1] = _mm512_reduce_add_ps(b1); yb[2] = _mm512_reduce_add_ps(b2); yb[3] = _mm512_reduce_add_ps(b3);
        }
        for (; r < m; r++) {
            const float *xa = x + (size_t)r * k;
            __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < k; i += 16) {
                __mmask16 mask = i < full ? (__mmask16)0xFFFF : tail;
                __m512 va = _mm512_maskz_loadu_ps(mask, xa + i);
                a0 = _mm512_fmadd_ps(va, _mm512_maskz_loadu_ps(mask, w0 + i), a0);
                a1 = _mm512_fmadd_ps(va, _mm512_maskz_loadu_ps(mask, w1 + i), a1);
                a2 = _mm512_fmadd_ps(va, _mm512_maskz_loadu_ps(mask, w2 + i), a2);
                a3 = _mm512_fmadd_ps(va, _mm512_maskz_loadu_ps(mask, w3 + i), a3);
            }
            float *ya = y + (size_t)r * ldy + o;
            ya[0] = _mm512_reduce_add_ps(a0); ya[1] = _mm512_reduce_add_ps(a1); ya[2] = _mm512_reduce_add_ps(a2); ya[3] = _mm512_reduce_add_ps(a3);
        }
        if (bias)
            for (r = 0; r < m; r++)
                for (int j = 0; j < 4; j++) y[(size_t)r * ldy + o + j] += bias[o + j];
    }
    if (o < n) scalar_kernel(x, w + (size_t)o * k, bias ? bias + o : NULL, y + o, m, n - o, k, ldy);
}

__attribute__((target("avx2,fma")))
static float hsum256(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

__attribute__((target("avx2,fma")))
static void avx2_kernel(const float *x, const float *w, const float *bias, float *y, int m, int n, int k, int ldy) {
    int full = k & ~7;
    int o = 0;
    for (; o + 4 <= n; o += 4) {
        const float *w0 = w + (size_t)o * k, *w1 = w0 + k, *w2 = w1 + k, *w3 = w2 + k;
        for (int r = 0; r < m; r++) {
            const float *xa = x + (size_t)r * k;
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < full; i += 8) {
                __m256 va = _mm256_loadu_ps(xa + i);
                a0 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w0 + i), a0);
                a1 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w1 + i), a1);
                a2 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w2 + i), a2);
                a3 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w3 + i), a3);
            }
            float s0 = hsum256(a0), s1 = hsum256(a1), s2 = hsum256(a2), s3 = hsum256(a3);
            for (int i = full; i < k; i++) { s0 += xa[i] * w0[i]; s1 += xa[i] * w1[i]; s2 += xa[i] * w2[i]; s3 += xa[i] * w3[i]; }
            float *ya = y + (size_t)r * ldy + o;
            ya[0] = s0 + (bias ? bias[o] : 0); ya[1] = s1 + (bias ? bias[o + 1] : 0);
            ya[2] = s2 + (bias ? bias[o + 2] : 0); ya[3] = s3 + (bias ? bias[o + 3] : 0);
        }
    }
    if (o < n) scalar_kernel(x, w + (size_t)o * k, bias ? bias + o : NULL, y + o, m, n - o, k, ldy);
}

typedef void (*kernel_fn)(const float *, const float *, const float *, float *, int, int, int, int);

static kernel_fn chosen(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return avx512_kernel;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return avx2_kernel;
    return scalar_kernel;
}

void llmcourse_few_rows_times_transposed(const float *x, const float *w, const float *bias, float *y,
                                         int m, int n, int k, int ldy) {
    static kernel_fn kernel = NULL;
    if (!kernel) kernel = chosen();  // the same answer on every thread, so a race is harmless
    kernel(x, w, bias, y, m, n, k, ldy);
}

const char *llmcourse_few_rows_path(void) {
    kernel_fn k = chosen();
    return k == avx512_kernel ? "avx512" : k == avx2_kernel ? "avx2" : "scalar";
}
