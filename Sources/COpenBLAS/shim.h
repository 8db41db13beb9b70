#include <cblas.h>
/* OpenBLAS-specific thread control; declared here so callers need no extra header. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
