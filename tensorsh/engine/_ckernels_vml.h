/* PyTorch's float32/float64 transcendental functions: MKL's VML in its high-accuracy (HA) mode, as MKL runs it on
 * CPUs that are not Intel's (its "EX" code: SSE2 arithmetic, no fused multiply-add), not the correctly rounded
 * result.
 *
 * ATen sends exp, log, sin, ... of float32 and float64 tensors to MKL's VML (vml.h). On this machine's AMD CPU MKL
 * runs the kernels mkl_vml_kernel_<s|d><Fn>_EXHAynn; on Intel CPUs it picks other codes (L9, Z0) with other
 * algorithms, which are not reproduced: there the engine keeps the correctly rounded value (as where these loops
 * are not built). The arithmetic below was read from the EX kernels' disassembly in torch's libtorch_cpu.so; the
 * polynomial coefficients and reduction constants are the numbers those kernels load (their hexadecimal bits are
 * given as read). No MKL tables are used. Each kernel is checked bit for bit against MKL's own, called in torch's
 * library (tests/engine/test_mkl_vml.py). Every operation is a separately rounded SSE one: nothing is contracted.
 */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>

/* 2^(j/128) in two floats: the one nearest, and the one nearest the rest (MKL's float32 exp's table, made from its
 * definition; the test checks the kernel against MKL's on every float32 it takes) */
static float vml_exp2_hi[128], vml_exp2_lo[128];

static void vml_tables(void)
{
    for (int j = 0; j < 128; j++) {
        long double v = exp2l(j / 128.0L);
        vml_exp2_hi[j] = (float)v;
        vml_exp2_lo[j] = (float)(v - vml_exp2_hi[j]);
    }
}

/* MKL runs its EX code on CPUs that are not Intel's (the same choice as mkl_sqrt_code's); called once, at import */
static int mkl_vml_ex(void)
{
    vml_tables();
    return !__builtin_cpu_is("intel");
}

#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")

static inline __m128 vml_f(uint32_t bits) { return _mm_castsi128_ps(_mm_set1_epi32((int)bits)); }

/* float32 log (sLn_EXHAynn): x = 2^k * m with m in [2/3, 4/3) (the exponent split at the bits of 2/3), u = m - 1,
 * log(1 + u) = u + u*u*p(u) with a degree-8 polynomial evaluated in float by Horner's rule, and
 * k*log(2) added in two parts (0x3F317200 + 0x35BFBE8E). Inputs that are not positive normal finite numbers take
 * MKL's scalar path: a subnormal's log in double rounded once, log(±0) = -inf, log(+inf) = +inf, a NaN quieted with
 * its sign and payload, anything negative the default NaN 0x7FC00000. */
static float vml_sln_special(float v)
{
    uint32_t b;
    memcpy(&b, &v, 4);
    if ((b & 0x7fffffffu) == 0)
        return -INFINITY;
    if (b == 0x7f800000u)
        return v;
    if ((b & 0x7fffffffu) > 0x7f800000u) { /* NaN: quieted */
        b |= 0x00400000u;
        memcpy(&v, &b, 4);
        return v;
    }
    if (b & 0x80000000u) {
        b = 0x7fc00000u;
        memcpy(&v, &b, 4);
        return v;
    }
    return (float)log((double)v); /* positive subnormal */
}

static void vml_sln(const float *x, float *out, Py_ssize_t n)
{
    const __m128i third = _mm_set1_epi32(0x3F2AAAAB), mant = _mm_set1_epi32(0x7FFFFF);
    const __m128i shift = _mm_set1_epi32(0x800000), normal = _mm_set1_epi32(0x1000000);
    const __m128 one = _mm_set1_ps(1.0f), c5 = vml_f(0x3E0402C8), c6 = vml_f(0x3E0F335D);
    const __m128 ln2hi = vml_f(0x3F317200), ln2lo = vml_f(0x35BFBE8E);
    static const uint32_t horner[7] = {0xBDF9889E, 0x3E0F6B8C, 0xBE2ACEE6, 0x3E4CE814,
                                       0xBE7FFF78, 0x3EAAAA83, 0xBF000000};
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {1, 1, 1, 1}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128i b = _mm_castps_si128(_mm_loadu_ps(in)), t = _mm_sub_epi32(b, third);
        __m128 u = _mm_sub_ps(_mm_castsi128_ps(_mm_add_epi32(_mm_and_si128(t, mant), third)), one);
        __m128 p = _mm_sub_ps(c6, _mm_mul_ps(u, c5));
        for (int j = 0; j < 7; j++)
            p = _mm_add_ps(_mm_mul_ps(p, u), vml_f(horner[j]));
        __m128 r = _mm_add_ps(_mm_mul_ps(_mm_mul_ps(p, u), u), u);
        __m128 k = _mm_cvtepi32_ps(_mm_srai_epi32(t, 23));
        _mm_storeu_ps(res, _mm_add_ps(_mm_mul_ps(k, ln2hi), _mm_add_ps(_mm_mul_ps(k, ln2lo), r)));
        /* not a positive normal finite number: (bits + 2^23) below 2^24 as signed integers */
        int special = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(normal, _mm_add_epi32(b, shift))));
        for (Py_ssize_t k2 = 0; k2 < m; k2++)
            out[i + k2] = (special >> k2) & 1 ? vml_sln_special(in[k2]) : res[k2];
    }
}

/* float32 exp (sExp_EXHAynn): n = round(x * 128/ln2) by adding 1.5*2^23, r = (x - n*L1) + n*L2 with
 * L1 = 0x3BB18000 and L2 = 0x35DE8083 (ln2/128 = L1 - L2), p = r*r/2 + r, 2^(j/128) * (1 + p) as
 * (p*hi + lo) + hi from the table, times 2^(n/128 - j/128) made in the exponent field. |x| above 0x42AEAC4F's bits
 * (87.33655: results near overflow or subnormal, infinities, NaN) take MKL's scalar path, whose results are
 * exp in double rounded once. */
static void vml_sexp(const float *x, float *out, Py_ssize_t n)
{
    const __m128 c0 = vml_f(0x4338AA3B), shifter = vml_f(0x4B400000), unshift = vml_f(0xCB400000);
    const __m128 l1 = vml_f(0x3BB18000), l2 = vml_f(0x35DE8083), half = _mm_set1_ps(0.5f);
    const __m128i magnitude = _mm_set1_epi32(0x7FFFFFFF), limit = _mm_set1_epi32(0x42AEAC4F);
    const __m128i one = _mm_set1_epi32(0x3F800000), exponent = _mm_set1_epi32(0x7F800000);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4], hi[4], lo[4];
        int32_t idx[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), s = _mm_add_ps(_mm_mul_ps(v, c0), shifter);
        __m128i sb = _mm_castps_si128(s);
        _mm_storeu_si128((__m128i *)idx, _mm_and_si128(sb, _mm_set1_epi32(127)));
        for (int k = 0; k < 4; k++) {
            hi[k] = vml_exp2_hi[idx[k]];
            lo[k] = vml_exp2_lo[idx[k]];
        }
        __m128 nn = _mm_add_ps(s, unshift), th = _mm_loadu_ps(hi);
        __m128 r = _mm_add_ps(_mm_mul_ps(nn, l2), _mm_sub_ps(v, _mm_mul_ps(nn, l1)));
        __m128 p = _mm_add_ps(_mm_mul_ps(_mm_mul_ps(r, r), half), r);
        __m128 e = _mm_add_ps(_mm_add_ps(_mm_mul_ps(p, th), _mm_loadu_ps(lo)), th);
        __m128 scale = _mm_castsi128_ps(_mm_and_si128(_mm_add_epi32(_mm_slli_epi32(sb, 16), one), exponent));
        _mm_storeu_ps(res, _mm_mul_ps(e, scale));
        int special = _mm_movemask_ps(_mm_castsi128_ps(
            _mm_cmpgt_epi32(_mm_and_si128(_mm_castps_si128(v), magnitude), limit)));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = (special >> k) & 1 ? (float)exp((double)in[k]) : res[k];
    }
}

#pragma GCC pop_options
#else
static int mkl_vml_ex(void) { return 0; }

static void vml_sln(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = (float)log((double)x[i]);
}

static void vml_sexp(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = (float)exp((double)x[i]);
}
#endif

typedef void (*vml_float_loop)(const float *, float *, Py_ssize_t);
typedef void (*vml_double_loop)(const double *, double *, Py_ssize_t);

/* the kernels reproduced, by VML's names for them; a NULL loop: that precision is not */
static const struct { const char *name; vml_float_loop s; vml_double_loop d; } vml_kernels[] = {
    {"Ln", vml_sln, NULL},
    {"Exp", vml_sexp, NULL},
};
