// Element-wise kernels in AVX2+FMA and AVX-512F: the reference FFN's forward activations and
// the attention softmax.
//
// Swift compiles for baseline x86-64 (SSE2) unless given unsafe flags, and its SIMD8<Float>
// GELU costs 1.8 ns per element there, 5 % of the FFN's time; here, with 256-bit registers,
// three-operand encoding and fused multiply-add, 0.55 ns. Compiled through a `target`
// attribute like the peak loop, and called only after `llmcost_activations_avx2_available()`
// (`…_avx512_available()` for the 16-lane versions, which also handle tails with masks).
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

/// Softmax of one row in place over its first `valid` entries, the rest set to 0.
__attribute__((target("avx2,fma")))
void llmcost_softmax_row_avx2(float *p, long count, long valid) {
    long i = 0;
    __m256 m = _mm256_set1_ps(-INFINITY);
    for (; i + 8 <= valid; i += 8) m = _mm256_max_ps(m, _mm256_loadu_ps(p + i));
    float rowMax = -INFINITY;
    for (long j = i; j < valid; j++) rowMax = p[j] > rowMax ? p[j] : rowMax;
    __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
    if (_mm_cvtss_f32(h) > rowMax) rowMax = _mm_cvtss_f32(h);
    const __m256 mx = _mm256_set1_ps(rowMax);
    __m256 s = _mm256_setzero_ps();
    for (i = 0; i + 8 <= valid; i += 8) {
        __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(p + i), mx));
        _mm256_storeu_ps(p + i, e);
        s = _mm256_add_ps(s, e);
    }
    float tail = 0;
    for (; i < valid; i++) { p[i] = expf(p[i] - rowMax); tail += p[i]; }
    __m128 t = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    t = _mm_add_ps(t, _mm_movehl_ps(t, t));
    t = _mm_add_ss(t, _mm_shuffle_ps(t, t, 1));
    const float inv = 1.f / (_mm_cvtss_f32(t) + tail);
    const __m256 vi = _mm256_set1_ps(inv);
    for (i = 0; i + 8 <= valid; i += 8) _mm256_storeu_ps(p + i, _mm256_mul_ps(_mm256_loadu_ps(p + i), vi));
    for (; i < valid; i++) p[i] *= inv;
    for (i = valid; i < count; i++) p[i] = 0;
}

// MARK: AVX-512 (16 lanes, masked tails)

int llmcost_activations_avx512_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

/// `exp8`'s 16-lane twin.
__attribute__((target("avx512f")))
static inline __m512 exp16(__m512 x) {
    x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.f)), _mm512_set1_ps(88.f));
    const __m512 magic = _mm512_set1_ps(12582912.f);
    __m512 shifted = _mm512_fmadd_ps(x, _mm512_set1_ps(1.44269504f), magic);
    __m512 n = _mm512_sub_ps(shifted, magic);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.69314575f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(1.4286068e-6f), r);
    __m512 q = _mm512_set1_ps(1.f / 720);
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(1.f / 120));
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(1.f / 24));
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(1.f / 6));
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(.5f));
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(1.f));
    q = _mm512_fmadd_ps(q, r, _mm512_set1_ps(1.f));
    __m512i bits = _mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_set1_epi32(0x4B400000 - 127));
    return _mm512_mul_ps(q, _mm512_castsi512_ps(_mm512_slli_epi32(bits, 23)));
}

__attribute__((target("avx512f")))
static inline __mmask16 tail_mask(long n) { return (__mmask16)((1u << n) - 1); }

__attribute__((target("avx512f")))
static inline __m512 gelu16(__m512 x) {
    const __m512 k1 = _mm512_set1_ps(-2 * 0.79788456f), k3 = _mm512_set1_ps(-2 * 0.79788456f * 0.044715f);
    __m512 minus2u = _mm512_mul_ps(x, _mm512_fmadd_ps(_mm512_mul_ps(x, x), k3, k1));
    return _mm512_div_ps(x, _mm512_add_ps(_mm512_set1_ps(1.f), exp16(minus2u)));
}

__attribute__((target("avx512f")))
void llmcost_gelu_avx512(const float *input, float *output, long count) {
    long i = 0;
    for (; i + 16 <= count; i += 16) _mm512_storeu_ps(output + i, gelu16(_mm512_loadu_ps(input + i)));
    if (i < count) {
        __mmask16 k = tail_mask(count - i);
        _mm512_mask_storeu_ps(output + i, k, gelu16(_mm512_maskz_loadu_ps(k, input + i)));
    }
}

__attribute__((target("avx512f")))
static inline __m512 swiglu16(__m512 a, __m512 b) {
    __m512 e = exp16(_mm512_sub_ps(_mm512_setzero_ps(), a));
    return _mm512_div_ps(_mm512_mul_ps(a, b), _mm512_add_ps(_mm512_set1_ps(1.f), e));
}

__attribute__((target("avx512f")))
void llmcost_swiglu_avx512(const float *gate, const float *up, float *output, long count) {
    long i = 0;
    for (; i + 16 <= count; i += 16)
        _mm512_storeu_ps(output + i, swiglu16(_mm512_loadu_ps(gate + i), _mm512_loadu_ps(up + i)));
    if (i < count) {
        __mmask16 k = tail_mask(count - i);
        _mm512_mask_storeu_ps(output + i, k, swiglu16(_mm512_maskz_loadu_ps(k, gate + i), _mm512_maskz_loadu_ps(k, up + i)));
    }
}

__attribute__((target("avx512f")))
void llmcost_softmax_row_avx512(float *p, long count, long valid) {
    long i = 0;
    __m512 m = _mm512_set1_ps(-INFINITY);
    for (; i + 16 <= valid; i += 16) m = _mm512_max_ps(m, _mm512_loadu_ps(p + i));
    const long full = i;
    __mmask16 k = tail_mask(valid - full);
    if (valid > full) m = _mm512_mask_max_ps(m, k, m, _mm512_maskz_loadu_ps(k, p + full));
    const __m512 mx = _mm512_set1_ps(_mm512_reduce_max_ps(m));
    __m512 s = _mm512_setzero_ps();
    for (i = 0; i < full; i += 16) {
        __m512 e = exp16(_mm512_sub_ps(_mm512_loadu_ps(p + i), mx));
        _mm512_storeu_ps(p + i, e);
        s = _mm512_add_ps(s, e);
    }
    if (valid > full) {
        __m512 e = exp16(_mm512_sub_ps(_mm512_maskz_loadu_ps(k, p + full), mx));
        _mm512_mask_storeu_ps(p + full, k, e);
        s = _mm512_mask_add_ps(s, k, s, e);
    }
    const __m512 inv = _mm512_set1_ps(1.f / _mm512_reduce_add_ps(s));
    for (i = 0; i < full; i += 16) _mm512_storeu_ps(p + i, _mm512_mul_ps(_mm512_loadu_ps(p + i), inv));
    if (valid > full) _mm512_mask_storeu_ps(p + full, k, _mm512_mul_ps(_mm512_maskz_loadu_ps(k, p + full), inv));
    // Zero the masked keys: the rest of the partial vector, then whole vectors.
    i = valid;
    if (valid > full && count > valid) {
        long end = count < full + 16 ? count : full + 16;
        __mmask16 z = (__mmask16)(tail_mask(end - full) & ~k);
        _mm512_mask_storeu_ps(p + full, z, _mm512_setzero_ps());
        i = end;
    }
    for (; i + 16 <= count; i += 16) _mm512_storeu_ps(p + i, _mm512_setzero_ps());
    for (; i < count; i++) p[i] = 0;
}

#else
int llmcost_activations_avx2_available(void) { return 0; }
int llmcost_activations_avx512_available(void) { return 0; }
void llmcost_softmax_row_avx2(float *p, long count, long valid) { (void)p; (void)count; (void)valid; }
void llmcost_softmax_row_avx512(float *p, long count, long valid) { (void)p; (void)count; (void)valid; }
void llmcost_gelu_avx512(const float *input, float *output, long count) { (void)input; (void)output; (void)count; }
void llmcost_swiglu_avx512(const float *gate, const float *up, float *output, long count) {
    (void)gate; (void)up; (void)output; (void)count;
}
void llmcost_gelu_avx2(const float *input, float *output, long count) { (void)input; (void)output; (void)count; }
void llmcost_swiglu_avx2(const float *gate, const float *up, float *output, long count) {
    (void)gate; (void)up; (void)output; (void)count;
}
#endif
