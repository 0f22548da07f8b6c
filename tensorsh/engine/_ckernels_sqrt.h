/* PyTorch's float32 sqrt: MKL's vsSqrt in its high-accuracy mode, which is not the correctly rounded root.
 *
 * ATen sends float32 sqrt to MKL's VML (vml.h), and MKL refines the CPU's own reciprocal-square-root estimate
 * by Newton steps: s = x*r, h = r/2, then s += s*(1/2 - s*h) and h likewise, then s += (x - s*s)*h. On a CPU
 * without FMA (MKL's SSE code, the one it runs on AMD processors) the roundings of those steps make ~1 result
 * in 6 differ from the correct root by an ulp; with FMA (its AVX2 code) ~1 in 10^5; its AVX-512 code starts
 * from the 14-bit estimate with one fused step (~1 in 150). Which code runs is MKL's choice by CPU maker and
 * features, made here the same way. The estimate is the CPU's own instruction: rsqrtps's table is each
 * maker's own, so only the instruction itself gives this machine's bits. Inputs outside the positive normal
 * range (zero, subnormal, near FLT_MAX, negative, inf, NaN) take MKL's scalar path: the correctly rounded root.
 * The steps were read from MKL's three kernels in torch's library (a textbook Goldschmidt refinement: no MKL
 * tables) and are checked against those kernels called directly (tests/engine/test_mkl_sqrt.py). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>

enum { MKL_SQRT_SSE = 1, MKL_SQRT_AVX2 = 2, MKL_SQRT_AVX512 = 3 };

static int mkl_sqrt_code(void)
{
    if (!__builtin_cpu_is("intel"))
        return MKL_SQRT_SSE;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512cd"))
        return MKL_SQRT_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return MKL_SQRT_AVX2;
    return MKL_SQRT_SSE;
}

static inline int mkl_sqrt_scalar_path(float v) /* not a positive normal below 0x7f7ff000's bits */
{
    uint32_t b;
    memcpy(&b, &v, 4);
    return (int32_t)(b + 0x7f800000u) > (int32_t)0xfefff000u;
}

static void mkl_sqrt_sse(const float *x, float *out, Py_ssize_t n)
{
    const __m128 half = _mm_set1_ps(0.5f);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {1, 1, 1, 1}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), r = _mm_rsqrt_ps(v);
        __m128 s = _mm_mul_ps(v, r), h = _mm_mul_ps(r, half);
        __m128 t = _mm_sub_ps(half, _mm_mul_ps(s, h));
        s = _mm_add_ps(_mm_mul_ps(s, t), s);
        h = _mm_add_ps(_mm_mul_ps(t, h), h);
        __m128 e = _mm_sub_ps(v, _mm_mul_ps(s, s));
        _mm_storeu_ps(res, _mm_add_ps(_mm_mul_ps(e, h), s));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = mkl_sqrt_scalar_path(in[k]) ? (float)sqrt((double)in[k]) : res[k];
    }
}

__attribute__((target("avx2,fma")))
static void mkl_sqrt_avx2(const float *x, float *out, Py_ssize_t n)
{
    const __m256 half = _mm256_set1_ps(0.5f);
    for (Py_ssize_t i = 0; i < n; i += 8) {
        float in[8] = {1, 1, 1, 1, 1, 1, 1, 1}, res[8];
        Py_ssize_t m = n - i < 8 ? n - i : 8;
        memcpy(in, x + i, (size_t)m * 4);
        __m256 v = _mm256_loadu_ps(in), r = _mm256_rsqrt_ps(v);
        __m256 s = _mm256_mul_ps(r, v), h = _mm256_mul_ps(r, half);
        __m256 t = _mm256_fnmadd_ps(s, h, half);
        s = _mm256_fmadd_ps(t, s, s);
        h = _mm256_fmadd_ps(t, h, h);
        __m256 e = _mm256_fnmadd_ps(s, s, v);
        _mm256_storeu_ps(res, _mm256_fmadd_ps(h, e, s));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = mkl_sqrt_scalar_path(in[k]) ? (float)sqrt((double)in[k]) : res[k];
    }
}

/* roots of tiny inputs (estimate above 2^39) are scaled by 2^78 around the step, as MKL's are */
__attribute__((target("avx512f,avx512dq")))
static void mkl_sqrt_avx512(const float *x, float *out, Py_ssize_t n)
{
    const __m512 half = _mm512_set1_ps(0.5f), big = _mm512_set1_ps(0x1p39f), up = _mm512_set1_ps(0x1p78f),
                 down = _mm512_set1_ps(0x1p-78f);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? 0xffff : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(1.0f), m, x + i), r = _mm512_rsqrt14_ps(v);
        __m512 h = _mm512_mul_ps(r, half), s = _mm512_mul_ps(r, v), res;
        __mmask16 tiny = _mm512_cmp_ps_mask(big, r, _CMP_LT_OS);
        if (tiny) {
            __m512 vs = _mm512_mask_mul_ps(v, tiny, v, up), ss = _mm512_mask_mul_ps(s, tiny, s, big);
            __m512 hs = _mm512_mask_mul_ps(h, tiny, h, down);
            res = _mm512_fmadd_ps(hs, _mm512_fnmadd_ps(ss, ss, vs), s);
        } else {
            res = _mm512_fmadd_ps(_mm512_fnmadd_ps(s, s, v), h, s);
        }
        res = _mm512_mask_mov_ps(res, _mm512_fpclass_ps_mask(v, 0x5e), v); /* zeros, infinities, negatives */
        float lanes[16];
        _mm512_storeu_ps(lanes, res);
        for (Py_ssize_t k = 0; k < 16 && i + k < n; k++)
            out[i + k] = x[i + k] < 0 || isnan(x[i + k]) ? (float)sqrt((double)x[i + k]) : lanes[k];
    }
}

/* code: 0 MKL's choice for this CPU, else one of the three (tests compare each with MKL's own) */
static int mkl_sqrt(const float *x, float *out, Py_ssize_t n, int code)
{
    static int chosen = 0;
    if (code == 0)
        code = chosen ? chosen : (chosen = mkl_sqrt_code());
    if ((code == MKL_SQRT_AVX2 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) ||
        (code == MKL_SQRT_AVX512 && !AVX512) || code < 1 || code > 3)
        return -1;
    if (code == MKL_SQRT_SSE)
        mkl_sqrt_sse(x, out, n);
    else if (code == MKL_SQRT_AVX2)
        mkl_sqrt_avx2(x, out, n);
    else
        mkl_sqrt_avx512(x, out, n);
    return 0;
}

/* The CPU's own 14-bit estimate of 1/sqrt(x) (vrsqrt14ps), from which MKL's AVX-512 kernels refine their roots
 * (spotrf's pivots among them); -1 on a CPU without AVX-512 */
__attribute__((target("avx512f")))
static void rsqrt14_avx512(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? 0xffff : (__mmask16)((1u << (n - i)) - 1);
        _mm512_mask_storeu_ps(out + i, m, _mm512_rsqrt14_ps(_mm512_maskz_loadu_ps(m, x + i)));
    }
}

static int rsqrt14(const float *x, float *out, Py_ssize_t n)
{
    if (!__builtin_cpu_supports("avx512f"))
        return -1;
    rsqrt14_avx512(x, out, n);
    return 0;
}
#else
static int rsqrt14(const float *x, float *out, Py_ssize_t n)
{
    return -1;
}

static int mkl_sqrt(const float *x, float *out, Py_ssize_t n, int code)
{
    if (code > 1)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = (float)sqrt((double)x[i]);
    return 0;
}
#endif
