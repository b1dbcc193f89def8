// Debian's libopenblas-dev: pkg-config `openblas` adds the include path of its cblas.h.
#include <cblas.h>
