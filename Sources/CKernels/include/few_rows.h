#ifndef LLMCOURSE_FEW_ROWS_H
#define LLMCOURSE_FEW_ROWS_H

/// y[r * ldy + o] = bias[o] + sum_i x[r * k + i] * w[o * k + i]  for r < m, o < n.
/// A few rows x [m, k] times a large transposed weight w [n, k], reading each weight row once;
/// AVX-512 or AVX2+FMA when the processor has them (chosen at the first call), plain C otherwise.
void llmcourse_few_rows_times_transposed(const float *x, const float *w, const float *bias, float *y,
                                         int m, int n, int k, int ldy);

/// Which code path the product uses on this processor: "avx512", "avx2" or "scalar".
const char *llmcourse_few_rows_path(void);

#endif
