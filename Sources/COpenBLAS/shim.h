#include <cblas.h>
/* OpenBLAS-specific thread control; declared here so callers need no extra header. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
/* LAPACK (shipped inside OpenBLAS): Cholesky factor and inverse from it, Fortran calling convention. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info);
