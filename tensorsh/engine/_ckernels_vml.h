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

/* MKL runs its EX code on CPUs that are not Intel's (the same choice as mkl_sqrt_code's) */
static int mkl_vml_ex(void) { return !__builtin_cpu_is("intel"); }

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

#pragma GCC pop_options
#else
static int mkl_vml_ex(void) { return 0; }

static void vml_sln(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = (float)log((double)x[i]);
}
#endif

typedef void (*vml_float_loop)(const float *, float *, Py_ssize_t);
typedef void (*vml_double_loop)(const double *, double *, Py_ssize_t);

/* the kernels reproduced, by VML's names for them; a NULL loop: that precision is not */
static const struct { const char *name; vml_float_loop s; vml_double_loop d; } vml_kernels[] = {
    {"Ln", vml_sln, NULL},
};
