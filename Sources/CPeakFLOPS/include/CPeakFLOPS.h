#pragma once
#include <stdint.h>

/// Instruction set the FMA loop ran with (chosen at run time with `__builtin_cpu_supports`).
typedef enum {
    LLMCOST_PEAK_PORTABLE = 0,  ///< 128-bit vector multiply + add (no FMA): SSE on x86, NEON elsewhere
    LLMCOST_PEAK_AVX2_FMA = 1,  ///< 256-bit fused multiply-add
    LLMCOST_PEAK_AVX512F = 2,   ///< 512-bit fused multiply-add
} llmcost_peak_isa;

/// The widest instruction set this CPU supports among those the loop was compiled for.
llmcost_peak_isa llmcost_peak_best_isa(void);

/// Runs `iterations` rounds of 12 independent multiply-add chains (each chain one vector
/// register wide) with the given instruction set, and returns the FP32 FLOPs it performed
/// (2 per lane per multiply-add). Call it on one thread per core at once to measure the chip.
/// Twelve chains hide the 4–5 cycle FMA latency on two FMA pipes (the way likwid-bench's
/// `peakflops` kernel does); the result is kept live so the compiler cannot drop the loop.
double llmcost_peak_run(llmcost_peak_isa isa, uint64_t iterations);

// MARK: - Element-wise activations (AVX2+FMA)

/// 1 when this CPU runs AVX2 and FMA, so the two kernels below may be called.
int llmcost_activations_avx2_available(void);

/// GELU, tanh approximation: `output[i] = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`, relative
/// error below 1e-6. Requires AVX2+FMA; `input` and `output` may be the same buffer.
void llmcost_gelu_avx2(const float *input, float *output, long count);

/// SwiGLU: `output[i] = silu(gate[i])·up[i]`, `silu(a) = a / (1 + e⁻ᵃ)`. Requires AVX2+FMA.
void llmcost_swiglu_avx2(const float *gate, const float *up, float *output, long count);

/// Softmax of one row in place over its first `valid` entries (max-subtracted, exp, divided by
/// the sum); entries `valid..<count` become 0. Requires AVX2+FMA.
void llmcost_softmax_row_avx2(float *p, long count, long valid);

// MARK: - The same in AVX-512F (16 lanes, masked tails)

/// 1 when this CPU (and the OS) run AVX-512F, so the `_avx512` kernels may be called.
int llmcost_activations_avx512_available(void);
void llmcost_gelu_avx512(const float *input, float *output, long count);
void llmcost_swiglu_avx512(const float *gate, const float *up, float *output, long count);
void llmcost_softmax_row_avx512(float *p, long count, long valid);
