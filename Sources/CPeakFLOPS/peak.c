// A timed loop of 12 independent FMA chains per thread, compiled once per vector extension
// through `target` attributes, so the package needs no unsafe flags and runs on any x86-64.
#include "CPeakFLOPS.h"

#if defined(__x86_64__)
#define LLMCOST_X86 1
#endif

/// Keeps the accumulators observable so the loops are never optimised away; one per thread, so
/// the threads timed together never write the same memory (ThreadSanitizer stays quiet).
static _Thread_local volatile float llmcost_peak_sink;

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
// The x86 loops are written in assembly so the measurement does not depend on the optimisation
// level (a debug build keeps C locals in memory, which would time loads and stores instead).
// Twelve accumulators (registers 0–11) each take `acc = acc·a + b` per round, `a` and `b` in
// registers 12 and 13.
#define LLMCOST_FMA12(R) \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "0\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "1\n\t" \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "2\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "3\n\t" \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "4\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "5\n\t" \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "6\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "7\n\t" \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "8\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "9\n\t" \
    "vfmadd213ps %%" R "13, %%" R "12, %%" R "10\n\t" "vfmadd213ps %%" R "13, %%" R "12, %%" R "11\n\t"

#define LLMCOST_ZERO12(R) \
    "vxorps %%" R "0, %%" R "0, %%" R "0\n\t" "vmovaps %%" R "0, %%" R "1\n\t" \
    "vmovaps %%" R "0, %%" R "2\n\t" "vmovaps %%" R "0, %%" R "3\n\t" "vmovaps %%" R "0, %%" R "4\n\t" \
    "vmovaps %%" R "0, %%" R "5\n\t" "vmovaps %%" R "0, %%" R "6\n\t" "vmovaps %%" R "0, %%" R "7\n\t" \
    "vmovaps %%" R "0, %%" R "8\n\t" "vmovaps %%" R "0, %%" R "9\n\t" "vmovaps %%" R "0, %%" R "10\n\t" \
    "vmovaps %%" R "0, %%" R "11\n\t"

#define LLMCOST_CLOBBERS "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
    "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "cc", "memory"

__attribute__((target("avx2,fma")))
static double run_avx2(uint64_t iterations) {
    if (iterations == 0) return 0;
    float a = 0.9999f, b = 1e-6f, out[8];
    uint64_t n = iterations;
    __asm__ volatile(
        "vbroadcastss %[a], %%ymm12\n\t" "vbroadcastss %[b], %%ymm13\n\t" LLMCOST_ZERO12("ymm")
        "1:\n\t" LLMCOST_FMA12("ymm") "dec %[n]\n\t" "jnz 1b\n\t"
        "vaddps %%ymm1, %%ymm0, %%ymm0\n\t" "vaddps %%ymm11, %%ymm0, %%ymm0\n\t"
        "vmovups %%ymm0, %[out]\n\t" "vzeroupper\n\t"
        : [n] "+r"(n), [out] "=m"(out)
        : [a] "m"(a), [b] "m"(b)
        : LLMCOST_CLOBBERS);
    llmcost_peak_sink = out[0] + out[7];
    return (double)iterations * 12.0 * 8.0 * 2.0;
}

__attribute__((target("avx512f")))
static double run_avx512(uint64_t iterations) {
    if (iterations == 0) return 0;
    float a = 0.9999f, b = 1e-6f, out[16];
    uint64_t n = iterations;
    __asm__ volatile(
        "vbroadcastss %[a], %%zmm12\n\t" "vbroadcastss %[b], %%zmm13\n\t" LLMCOST_ZERO12("zmm")
        "1:\n\t" LLMCOST_FMA12("zmm") "dec %[n]\n\t" "jnz 1b\n\t"
        "vaddps %%zmm1, %%zmm0, %%zmm0\n\t" "vaddps %%zmm11, %%zmm0, %%zmm0\n\t"
        "vmovups %%zmm0, %[out]\n\t" "vzeroupper\n\t"
        : [n] "+r"(n), [out] "=m"(out)
        : [a] "m"(a), [b] "m"(b)
        : LLMCOST_CLOBBERS);
    llmcost_peak_sink = out[0] + out[15];
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
