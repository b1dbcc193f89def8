// Element-wise FFN activations in AVX2+FMA, for the reference FFN's forward pass.
//
// Swift compiles for baseline x86-64 (SSE2) unless given unsafe flags, and its SIMD8<Float>
// GELU costs 1.8 ns per element there, 5 % of the FFN's time; here, with 256-bit registers,
// three-operand encoding and fused multiply-add, 0.55 ns. Compiled through a `target`
// attribute like the peak loop, and called only after `llmcost_activations_avx2_available()`.
#include "CPeakFLOPS.h"
#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

int llmcost_activations_avx2_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/// eˣ for x clamped to [-87, 88]: x = n·ln2 + r, 2ⁿ from the exponent bits, degree-6 Taylor
/// polynomial for eʳ (|r| ≤ ln2/2, remainder < 1.2e-7 relative).
__attribute__((target("avx2,fma")))
static inline __m256 exp8(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.f)), _mm256_set1_ps(88.f));
    const __m256 magic = _mm256_set1_ps(12582912.f);  // 1.5·2²³: adding it rounds to an integer
    __m256 shifted = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504f), magic);
    __m256 n = _mm256_sub_ps(shifted, magic);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.69314575f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.4286068e-6f), r);
    __m256 p = _mm256_set1_ps(1.f / 720);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.f / 120));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.f / 24));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.f / 6));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(.5f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.f));
    __m256i bits = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_set1_epi32(0x4B400000 - 127));
    return _mm256_mul_ps(p, _mm256_castsi256_ps(_mm256_slli_epi32(bits, 23)));
}

/// gelu(x) = x·σ(2u) = x / (1 + e^(−2u)),  u = √(2/π)·(x + 0.044715·x³).
__attribute__((target("avx2,fma")))
void llmcost_gelu_avx2(const float *input, float *output, long count) {
    const __m256 k1 = _mm256_set1_ps(-2 * 0.79788456f), k3 = _mm256_set1_ps(-2 * 0.79788456f * 0.044715f);
    const __m256 one = _mm256_set1_ps(1.f);
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 x = _mm256_loadu_ps(input + i);
        __m256 minus2u = _mm256_mul_ps(x, _mm256_fmadd_ps(_mm256_mul_ps(x, x), k3, k1));
        _mm256_storeu_ps(output + i, _mm256_div_ps(x, _mm256_add_ps(one, exp8(minus2u))));
    }
    for (; i < count; i++) {
        float x = input[i];
        output[i] = 0.5f * x * (1.f + tanhf(0.79788456f * (x + 0.044715f * x * x * x)));
    }
}

/// swiglu(a, b) = silu(a)·b = a·b / (1 + e^(−a)).
__attribute__((target("avx2,fma")))
void llmcost_swiglu_avx2(const float *gate, const float *up, float *output, long count) {
    const __m256 one = _mm256_set1_ps(1.f), zero = _mm256_setzero_ps();
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 a = _mm256_loadu_ps(gate + i);
        __m256 e = exp8(_mm256_sub_ps(zero, a));
        _mm256_storeu_ps(output + i, _mm256_div_ps(_mm256_mul_ps(a, _mm256_loadu_ps(up + i)), _mm256_add_ps(one, e)));
    }
    for (; i < count; i++) output[i] = gate[i] * up[i] / (1.f + expf(-gate[i]));
}

#else
int llmcost_activations_avx2_available(void) { return 0; }
void llmcost_gelu_avx2(const float *input, float *output, long count) { (void)input; (void)output; (void)count; }
void llmcost_swiglu_avx2(const float *gate, const float *up, float *output, long count) {
    (void)gate; (void)up; (void)output; (void)count;
}
#endif
