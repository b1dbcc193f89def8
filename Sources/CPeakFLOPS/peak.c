// A timed loop of 12 independent FMA chains per thread, compiled once per vector extension
// through `target` attributes, so the package needs no unsafe flags and runs on any x86-64.
#include "CPeakFLOPS.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LLMCOST_X86 1
#endif

/// Keeps the accumulators observable so the loops are never optimised away.
static volatile float llmcost_peak_sink;

typedef float llmcost_v4 __attribute__((vector_size(16)));

/// Portable fallback: 128-bit vectors, separate multiply and add (SSE2 has no FMA).
static double run_portable(uint64_t iterations) {
    llmcost_v4 acc[12];
    const llmcost_v4 a = {0.9999f, 0.9999f, 0.9999f, 0.9999f};
    const llmcost_v4 b = {1e-6f, 1e-6f, 1e-6f, 1e-6f};
    for (int i = 0; i < 12; i++) acc[i] = (llmcost_v4){(float)i, 1.0f, 2.0f, 3.0f};
    for (uint64_t n = 0; n < iterations; n++) {
        for (int i = 0; i < 12; i++) acc[i] = acc[i] * a + b;
    }
    llmcost_v4 s = acc[0];
    for (int i = 1; i < 12; i++) s += acc[i];
    llmcost_peak_sink = s[0] + s[1] + s[2] + s[3];
    return (double)iterations * 12.0 * 4.0 * 2.0;
}

#ifdef LLMCOST_X86
__attribute__((target("avx2,fma")))
static double run_avx2(uint64_t iterations) {
    const __m256 a = _mm256_set1_ps(0.9999f), b = _mm256_set1_ps(1e-6f);
    __m256 c0 = _mm256_set1_ps(0.f), c1 = _mm256_set1_ps(1.f), c2 = _mm256_set1_ps(2.f);
    __m256 c3 = _mm256_set1_ps(3.f), c4 = _mm256_set1_ps(4.f), c5 = _mm256_set1_ps(5.f);
    __m256 c6 = _mm256_set1_ps(6.f), c7 = _mm256_set1_ps(7.f), c8 = _mm256_set1_ps(8.f);
    __m256 c9 = _mm256_set1_ps(9.f), c10 = _mm256_set1_ps(10.f), c11 = _mm256_set1_ps(11.f);
    for (uint64_t n = 0; n < iterations; n++) {
        c0 = _mm256_fmadd_ps(c0, a, b); c1 = _mm256_fmadd_ps(c1, a, b);
        c2 = _mm256_fmadd_ps(c2, a, b); c3 = _mm256_fmadd_ps(c3, a, b);
        c4 = _mm256_fmadd_ps(c4, a, b); c5 = _mm256_fmadd_ps(c5, a, b);
        c6 = _mm256_fmadd_ps(c6, a, b); c7 = _mm256_fmadd_ps(c7, a, b);
        c8 = _mm256_fmadd_ps(c8, a, b); c9 = _mm256_fmadd_ps(c9, a, b);
        c10 = _mm256_fmadd_ps(c10, a, b); c11 = _mm256_fmadd_ps(c11, a, b);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(c0, c1), _mm256_add_ps(c2, c3)),
                             _mm256_add_ps(_mm256_add_ps(c4, c5), _mm256_add_ps(c6, c7)));
    s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(c8, c9), _mm256_add_ps(c10, c11)));
    float out[8];
    _mm256_storeu_ps(out, s);
    llmcost_peak_sink = out[0] + out[7];
    return (double)iterations * 12.0 * 8.0 * 2.0;
}

__attribute__((target("avx512f")))
static double run_avx512(uint64_t iterations) {
    const __m512 a = _mm512_set1_ps(0.9999f), b = _mm512_set1_ps(1e-6f);
    __m512 c0 = _mm512_set1_ps(0.f), c1 = _mm512_set1_ps(1.f), c2 = _mm512_set1_ps(2.f);
    __m512 c3 = _mm512_set1_ps(3.f), c4 = _mm512_set1_ps(4.f), c5 = _mm512_set1_ps(5.f);
    __m512 c6 = _mm512_set1_ps(6.f), c7 = _mm512_set1_ps(7.f), c8 = _mm512_set1_ps(8.f);
    __m512 c9 = _mm512_set1_ps(9.f), c10 = _mm512_set1_ps(10.f), c11 = _mm512_set1_ps(11.f);
    for (uint64_t n = 0; n < iterations; n++) {
        c0 = _mm512_fmadd_ps(c0, a, b); c1 = _mm512_fmadd_ps(c1, a, b);
        c2 = _mm512_fmadd_ps(c2, a, b); c3 = _mm512_fmadd_ps(c3, a, b);
        c4 = _mm512_fmadd_ps(c4, a, b); c5 = _mm512_fmadd_ps(c5, a, b);
        c6 = _mm512_fmadd_ps(c6, a, b); c7 = _mm512_fmadd_ps(c7, a, b);
        c8 = _mm512_fmadd_ps(c8, a, b); c9 = _mm512_fmadd_ps(c9, a, b);
        c10 = _mm512_fmadd_ps(c10, a, b); c11 = _mm512_fmadd_ps(c11, a, b);
    }
    __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(c0, c1), _mm512_add_ps(c2, c3)),
                             _mm512_add_ps(_mm512_add_ps(c4, c5), _mm512_add_ps(c6, c7)));
    s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(c8, c9), _mm512_add_ps(c10, c11)));
    llmcost_peak_sink = _mm512_reduce_add_ps(s);
    return (double)iterations * 12.0 * 16.0 * 2.0;
}
#endif

llmcost_peak_isa llmcost_peak_best_isa(void) {
#ifdef LLMCOST_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return LLMCOST_PEAK_AVX512F;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return LLMCOST_PEAK_AVX2_FMA;
#endif
    return LLMCOST_PEAK_PORTABLE;
}

double llmcost_peak_run(llmcost_peak_isa isa, uint64_t iterations) {
#ifdef LLMCOST_X86
    // Never run an extension the CPU lacks, whatever the caller asked for.
    llmcost_peak_isa best = llmcost_peak_best_isa();
    if (isa > best) isa = best;
    if (isa == LLMCOST_PEAK_AVX512F) return run_avx512(iterations);
    if (isa == LLMCOST_PEAK_AVX2_FMA) return run_avx2(iterations);
#else
    (void)isa;
#endif
    return run_portable(iterations);
}
