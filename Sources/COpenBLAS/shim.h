// Debian's libopenblas-dev: pkg-config `openblas` adds the include path of its cblas.h, which
// also declares openblas_set_num_threads, openblas_get_num_threads, openblas_get_config and
// openblas_get_corename (checked against 0.3.21).
#include <cblas.h>
