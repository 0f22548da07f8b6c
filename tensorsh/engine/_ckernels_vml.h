/* PyTorch's float32/float64 transcendental functions: MKL's VML in its high-accuracy (HA) mode, as MKL runs it on
 * CPUs that are not Intel's (its "EX" code: SSE2 arithmetic, no fused multiply-add), not the correctly rounded
 * result.
 *
 * ATen sends exp, log, sin, ... of float32 and float64 tensors to MKL's VML (vml.h). On this machine's AMD CPU MKL
 * runs the kernels mkl_vml_kernel_<s|d><Fn>_EXHAynn; on Intel CPUs it picks other codes (L9, Z0) with other
 * algorithms: the Z0 code's float32 exp, sin, cos, tanh and erf and float64 tanh are in _ckernels_vml_z0.h, and for the rest the engine
 * keeps the correctly rounded value (as where these loops are not built). The arithmetic below was read from the EX kernels' disassembly in torch's libtorch_cpu.so; the
 * polynomial coefficients and reduction constants are the numbers those kernels load (their hexadecimal bits are
 * given as read). The 2^(j/N) tables are made from their definition (_ckernels_vml_tables.h); the tables of
 * per-interval coefficients and packed node values that other kernels index are read out of MKL's library by
 * scripts/gen_vml_ex_data.py (_ckernels_vml_ex_data.h). Each kernel is checked bit for bit against MKL's own, called in torch's
 * library (tests/engine/test_mkl_vml.py). Every operation is a separately rounded SSE one: nothing is contracted.
 */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>

#include "_ckernels_vml_tables.h"
#include "_ckernels_vml_ex_data.h"

/* the EX code is SSE2's: it runs anywhere here (MKL runs it on CPUs that are not Intel's: kernels.py's choice) */
static int mkl_vml_ex(void) { return 1; }

#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")

static inline __m128 vml_f(uint32_t bits) { return _mm_castsi128_ps(_mm_set1_epi32((int)bits)); }
static inline __m128d vml_d(uint64_t bits) { return _mm_castsi128_pd(_mm_set1_epi64x((long long)bits)); }

static inline double vml_double(uint64_t bits)
{
    double v;
    memcpy(&v, &bits, 8);
    return v;
}

static inline float vml_float(uint32_t bits)
{
    float v;
    memcpy(&v, &bits, 4);
    return v;
}

static inline uint32_t vml_bits(float v)
{
    uint32_t b;
    memcpy(&b, &v, 4);
    return b;
}

static inline uint64_t vml_dbits(double v)
{
    uint64_t b;
    memcpy(&b, &v, 8);
    return b;
}

/* float32 log (sLn_EXHAynn): x = 2^k * m with m in [2/3, 4/3) (the exponent split at the bits of 2/3), u = m - 1,
 * log(1 + u) = u + u*u*p(u) with a degree-8 polynomial evaluated in float by Horner's rule, and
 * k*log(2) added in two parts (0x3F317200 + 0x35BFBE8E). Inputs that are not positive normal finite numbers take
 * MKL's scalar path: a subnormal's log in double rounded once, log(±0) = -inf, log(+inf) = +inf, a NaN quieted with
 * its sign and payload, anything negative the default NaN 0x7FC00000. */
static float vml_sln_special(float v)
{
    uint32_t b = vml_bits(v);
    if ((b & 0x7fffffffu) == 0)
        return -INFINITY;
    if (b == 0x7f800000u)
        return v;
    if ((b & 0x7fffffffu) > 0x7f800000u) /* NaN: quieted */
        return vml_float(b | 0x00400000u);
    if (b & 0x80000000u)
        return vml_float(0x7fc00000u);
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
            hi[k] = vml_sexp_table[idx[k]][0];
            lo[k] = vml_sexp_table[idx[k]][1];
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

/* float64 exp's scalar path (MKL's vdexp_cout_rare): infinities and NaN, |x| below 2^-52 (1 + x), overflow,
 * underflow, and the results near them, from the same reduction by ln2/64 with a degree-6 polynomial and
 * 2^(j/64) as hi * (1 + rel); a subnormal result is made at 2^60 times its size and scaled down in two parts. */
static double vml_dexp_rare(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    unsigned e = (unsigned)(b >> 52) & 0x7ff;
    if (e == 0x7ff)
        return (b & 0x800fffffffffffffull) == 0x8000000000000000ull ? 0.0 : x * x;
    if (e < 0x3cb)
        return x + 1.0;
    if (!(vml_double(0x40862e42fefa39efull) >= x))
        return INFINITY;
    if (x < vml_double(0xc0874910d52d3051ull))
        return 0.0;
    double s = x * vml_double(0x40571547652b82feull) + vml_double(0x4338000000000000ull);
    double n = s + vml_double(0xc338000000000000ull);
    double r = (n * vml_double(0xbf862e42fefa0000ull) + x) + n * vml_double(0xbd1cf79abc9e3b3aull);
    double p = vml_double(0x3f56c16a1c2a3ffdull) * r + vml_double(0x3f8111123aaf20d3ull);
    p = p * r + vml_double(0x3fa5555555558fccull);
    p = p * r + vml_double(0x3fc55555555548f8ull);
    p = p * r + 0.5;
    p = p * r * r + r;
    uint64_t sb;
    memcpy(&sb, &s, 8);
    uint32_t low = (uint32_t)sb, k = low >> 6;
    double hi = vml_dexp_rare_table[low & 63][0];
    p = (p + vml_dexp_rare_table[low & 63][1]) * hi;
    if (x >= vml_double(0xc086232bdd7abcd2ull)) {
        uint32_t ek = (k + 0x3ff) & 0x7ff;
        double sum = hi + p;
        return ek == 0x7ff ? sum * 0x1p1023 * 2.0 : sum * vml_double((uint64_t)ek << 52);
    }
    uint32_t ek = (k + 0x43b) & 0x7ff; /* 2^60 times the result's scale */
    double scale = vml_double((uint64_t)ek << 52);
    p *= scale;
    hi *= scale;
    double sum = hi + p;
    if (ek <= 0x32)
        return sum * 0x1p-60;
    double rest = p + (hi - sum), big = sum * 6442450944.0;
    double head = (sum + big) - big;
    rest = rest + (sum - head);
    return head * 0x1p-60 + rest * 0x1p-60;
}

/* float64 exp (dExp_EXHAynn): n = round(x * 64/ln2) by adding 1.5*2^52, r = (x - n*L1) - n*L2, p = r + r*r*q(r)
 * (q of degree 3), 2^(j/64) * (1 + p) as (p*hi + lo) + hi, and n/64 - j/64 added to the exponent field as an
 * integer. |x| whose high word is above 0x4086232A (708.4) or NaN/infinite take the scalar path. */
static void vml_dexp(const double *x, double *out, Py_ssize_t n)
{
    const __m128d c = vml_d(0x40571547652b82feull), shifter = vml_d(0x4338000000000000ull);
    const __m128d unshift = vml_d(0xc338000000000000ull), l1 = vml_d(0x3f862e42fefa0000ull);
    const __m128d l2 = vml_d(0x3d1cf79abc9e3b3aull), c5 = vml_d(0x3f8111112d9f549bull);
    const __m128d c4 = vml_d(0x3fa555573f218b93ull), c3 = vml_d(0x3fc555555555653eull);
    const __m128d c2 = vml_d(0x3fdfffffffffdb3bull);
    const __m128i exponent = _mm_set1_epi64x((long long)0xfff0000000000000ull);
    for (Py_ssize_t i = 0; i < n; i += 2) {
        double in[2] = {0, 0}, res[2], hi[2], lo[2];
        int64_t sbits[2];
        Py_ssize_t m = n - i < 2 ? n - i : 2;
        memcpy(in, x + i, (size_t)m * 8);
        __m128d v = _mm_loadu_pd(in), s = _mm_add_pd(_mm_mul_pd(v, c), shifter);
        __m128i sb = _mm_castpd_si128(s);
        _mm_storeu_si128((__m128i *)sbits, sb);
        for (int k = 0; k < 2; k++) {
            hi[k] = vml_dexp_table[sbits[k] & 63][0];
            lo[k] = vml_dexp_table[sbits[k] & 63][1];
        }
        __m128d nn = _mm_add_pd(s, unshift), th = _mm_loadu_pd(hi);
        __m128d r = _mm_sub_pd(_mm_sub_pd(v, _mm_mul_pd(nn, l1)), _mm_mul_pd(nn, l2));
        __m128d p = _mm_add_pd(_mm_mul_pd(_mm_add_pd(_mm_mul_pd(r, c5), c4), r), c3);
        p = _mm_add_pd(_mm_mul_pd(p, r), c2);
        p = _mm_add_pd(_mm_mul_pd(p, _mm_mul_pd(r, r)), r);
        __m128d e = _mm_add_pd(_mm_add_pd(_mm_mul_pd(p, th), _mm_loadu_pd(lo)), th);
        __m128i scaled = _mm_add_epi64(_mm_castpd_si128(e), _mm_and_si128(_mm_slli_epi64(sb, 46), exponent));
        _mm_storeu_si128((__m128i *)res, scaled);
        for (Py_ssize_t k = 0; k < m; k++) {
            uint64_t b;
            memcpy(&b, &in[k], 8);
            out[i + k] = (int32_t)((b >> 32) & 0x7fffffff) > 0x4086232a ? vml_dexp_rare(in[k]) : res[k];
        }
    }
}

/* float32 sin and cos (sSin_EXHAynn, sCos_EXHAynn), |x| up to 10000: n = round(|x|/pi) (cos: round((|x| + pi/2)/pi
 * - 1/2)) in float by adding 1.5*2^23, then in double r = (|x| - n*P1) - n*P2 (pi = P1 + P2), r + r*r2*q(r2) with
 * q of degree 3, rounded to float, its sign flipped by n's parity (and sin's by x's). Larger |x|, infinities and NaN
 * take MKL's other path (a reduction by a long 1/pi), not reproduced: the correctly rounded value there (~99% the
 * same). */
static void vml_ssincos(const float *x, float *out, Py_ssize_t n, int cosine)
{
    const __m128 invpi = vml_f(0x3ea2f983), shifter = vml_f(0x4b400000), unshift = vml_f(0xcb400000);
    const __m128 halfpi = vml_f(0x3fc90fdb), mhalf = vml_f(0xbf000000), limit = _mm_set1_ps(10000.0f);
    const __m128 magnitude = vml_f(0x7fffffff), signbit = vml_f(0x80000000);
    const __m128d p1 = vml_d(0x400921fb54440000ull), p2 = vml_d(0x3d968c234c4c6629ull);
    const __m128d s9 = vml_d(0x3ec5dbdf0e4c7deeull), s7 = vml_d(0xbf29f6ffeea73463ull);
    const __m128d s5 = vml_d(0x3f8110ed3804ca96ull), s3 = vml_d(0xbfc55554bc836587ull);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_and_ps(v, magnitude), s, nf;
        if (cosine) {
            s = _mm_add_ps(_mm_mul_ps(_mm_add_ps(a, halfpi), invpi), shifter);
            nf = _mm_add_ps(_mm_add_ps(s, unshift), mhalf);
        } else {
            s = _mm_add_ps(_mm_mul_ps(a, invpi), shifter);
            nf = _mm_add_ps(s, unshift);
        }
        __m128 halves[2];
        for (int h = 0; h < 2; h++) {
            __m128d ad = _mm_cvtps_pd(h ? _mm_movehl_ps(a, a) : a), nd = _mm_cvtps_pd(h ? _mm_movehl_ps(nf, nf) : nf);
            __m128d r = _mm_sub_pd(_mm_sub_pd(ad, _mm_mul_pd(nd, p1)), _mm_mul_pd(nd, p2)), r2 = _mm_mul_pd(r, r);
            __m128d q = _mm_add_pd(_mm_mul_pd(r2, s9), s7);
            q = _mm_add_pd(_mm_mul_pd(q, r2), s5);
            q = _mm_mul_pd(_mm_add_pd(_mm_mul_pd(q, r2), s3), r2);
            halves[h] = _mm_cvtpd_ps(_mm_add_pd(_mm_mul_pd(q, r), r));
        }
        __m128 sign = _mm_castsi128_ps(_mm_slli_epi32(_mm_castps_si128(s), 31));
        if (!cosine)
            sign = _mm_xor_ps(sign, _mm_and_ps(v, signbit));
        _mm_storeu_ps(res, _mm_xor_ps(_mm_movelh_ps(halves[0], halves[1]), sign));
        int special = _mm_movemask_ps(_mm_cmpnle_ps(a, limit));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = !((special >> k) & 1) ? res[k] : cosine ? (float)cos((double)in[k]) : (float)sin((double)in[k]);
    }
}

static void vml_ssin(const float *x, float *out, Py_ssize_t n) { vml_ssincos(x, out, n, 0); }
static void vml_scos(const float *x, float *out, Py_ssize_t n) { vml_ssincos(x, out, n, 1); }

/* float32 atan (sAtan_EXHAynn): |x| in five ranges split at 0.375, 0.72, 1.75 and 2.6875, reduced to
 * t = (|x| - c) / (1 + c*|x|) for c = 0, 1/2, 1, 2 (beyond 2.6875: -1/|x|); the quotient from the CPU's own
 * reciprocal estimate (rcpps, as MKL's takes it) refined in double, split into a float-exact head and a tail;
 * atan(c) (head + tail) + t + t*z*q(z) with z = head^2 in float, and x's sign. |x| below 2^-125 or from 2^123 up
 * (with infinities and NaN) take the scalar path: the correctly rounded value, x itself below 2^-125. */
static void vml_satan(const float *x, float *out, Py_ssize_t n)
{
    const __m128 magnitude = vml_f(0x7fffffff), signbit = vml_f(0x80000000), one = _mm_set1_ps(1.0f);
    const __m128 half = _mm_set1_ps(0.5f), two = _mm_set1_ps(2.0f);
    const __m128 q0 = vml_f(0xbeaaaa6c), q1 = vml_f(0x3e4caa3b), q2 = vml_f(0x3e0f4e4e), q3 = vml_f(0x3dae1329);
    const __m128d done = _mm_set1_pd(1.0);
    const __m128i head = _mm_set1_epi64x((long long)0xffffffffe0000000ull);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_and_ps(v, magnitude);
        __m128i ia = _mm_castps_si128(a);
        __m128 small = _mm_castsi128_ps(_mm_cmpgt_epi32(_mm_set1_epi32(0x3ec00000), ia));
        __m128 big = _mm_castsi128_ps(_mm_cmpgt_epi32(ia, _mm_set1_epi32(0x402c0000)));
        __m128 r1 = _mm_castsi128_ps(_mm_cmpgt_epi32(_mm_set1_epi32(0x3f3851ec), ia));
        __m128 r2 = _mm_castsi128_ps(_mm_cmpgt_epi32(_mm_set1_epi32(0x3fe00000), ia));
        __m128 ra = _mm_andnot_ps(small, r1);                  /* [0.375, 0.72): c = 1/2 */
        __m128 rc = _mm_andnot_ps(r1, r2);                     /* [0.72, 1.75): c = 1 */
        __m128 rb = _mm_andnot_ps(_mm_or_ps(r2, big), _mm_castsi128_ps(_mm_set1_epi32(-1))); /* [1.75, 2.6875]: 2 */
        __m128 num = _mm_or_ps(_mm_or_ps(_mm_and_ps(small, a), _mm_and_ps(big, vml_f(0xbf800000))),
                               _mm_or_ps(_mm_or_ps(_mm_and_ps(ra, _mm_sub_ps(a, half)), _mm_and_ps(rc, _mm_sub_ps(a, one))),
                                         _mm_and_ps(rb, _mm_sub_ps(a, two))));
        __m128 den = _mm_or_ps(_mm_or_ps(_mm_and_ps(small, one), _mm_and_ps(big, a)),
                               _mm_or_ps(_mm_or_ps(_mm_and_ps(ra, _mm_add_ps(_mm_mul_ps(a, half), one)),
                                                   _mm_and_ps(rc, _mm_add_ps(a, one))),
                                         _mm_and_ps(rb, _mm_add_ps(_mm_add_ps(a, a), one))));
        __m128 hi = _mm_or_ps(_mm_or_ps(_mm_and_ps(ra, vml_f(0x3eed6338)), _mm_and_ps(rc, vml_f(0x3f490fd8))),
                              _mm_or_ps(_mm_and_ps(rb, vml_f(0x3f8db710)), _mm_and_ps(big, vml_f(0x3fc90fd8))));
        __m128 lo = _mm_or_ps(_mm_or_ps(_mm_and_ps(ra, vml_f(0x31ac3768)), _mm_and_ps(rc, vml_f(0x34288858))),
                              _mm_or_ps(_mm_and_ps(rb, vml_f(0xb4da2880)), _mm_and_ps(big, vml_f(0x34a88858))));
        __m128 est = _mm_rcp_ps(den), th[2], tl[2];
        for (int h = 0; h < 2; h++) {
            __m128d d = _mm_cvtps_pd(h ? _mm_movehl_ps(den, den) : den), e0 = _mm_cvtps_pd(h ? _mm_movehl_ps(est, est) : est);
            __m128d e = _mm_sub_pd(done, _mm_mul_pd(d, e0));
            __m128d r = _mm_mul_pd(_mm_add_pd(_mm_mul_pd(e, e), done), _mm_add_pd(_mm_mul_pd(e, e0), e0));
            __m128d t = _mm_mul_pd(r, _mm_cvtps_pd(h ? _mm_movehl_ps(num, num) : num));
            __m128d t1 = _mm_and_pd(t, _mm_castsi128_pd(head));
            th[h] = _mm_cvtpd_ps(t1);
            tl[h] = _mm_cvtpd_ps(_mm_sub_pd(t, t1));
        }
        __m128 t = _mm_movelh_ps(th[0], th[1]), tail = _mm_add_ps(lo, _mm_movelh_ps(tl[0], tl[1]));
        __m128 z = _mm_mul_ps(t, t), w = _mm_mul_ps(z, z);
        __m128 p = _mm_add_ps(_mm_mul_ps(_mm_add_ps(_mm_mul_ps(w, q3), q1), z), _mm_sub_ps(q0, _mm_mul_ps(w, q2)));
        p = _mm_add_ps(_mm_mul_ps(_mm_mul_ps(p, z), t), tail);
        p = _mm_add_ps(_mm_add_ps(p, t), hi);
        _mm_storeu_ps(res, _mm_or_ps(p, _mm_and_ps(v, signbit)));
        for (Py_ssize_t k = 0; k < m; k++) {
            uint32_t b = vml_bits(in[k]) & 0x7fffffffu;
            out[i + k] = b < 0x01000000u ? in[k] : b >= 0x7d000000u ? (float)atan((double)in[k]) : res[k];
        }
    }
}

/* float32 tan (sTan_EXHAynn), |x| up to 10000: n = round(|x| * 2/pi) in float, r = (|x| - n*H1) - n*H2 in double
 * (pi/2 = H1 + H2), p = r - r*c1*r^2 and q = 1 + r^2*(c2 + r^2*c3), p/q (n odd: q/p) in double rounded to float,
 * its sign flipped by n's parity and x's. Larger |x|, infinities and NaN: the correctly rounded value (MKL's long
 * reduction is not reproduced). */
static void vml_stan(const float *x, float *out, Py_ssize_t n)
{
    const __m128 twopi = vml_f(0x3f22f983), shifter = vml_f(0x4b400000), unshift = vml_f(0xcb400000);
    const __m128 magnitude = vml_f(0x7fffffff), signbit = vml_f(0x80000000), limit = _mm_set1_ps(10000.0f);
    const __m128d h1 = vml_d(0x3ff921fb54440000ull), h2 = vml_d(0x3d868c234c4c6629ull);
    const __m128d c1 = vml_d(0x3fb8867706ed6612ull), c3 = vml_d(0x3f83e66ea6aa37f2ull);
    const __m128d c2 = vml_d(0xbfdb76f5e7f08c11ull), one = _mm_set1_pd(1.0);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_and_ps(v, magnitude);
        __m128 s = _mm_add_ps(_mm_mul_ps(a, twopi), shifter), nf = _mm_add_ps(s, unshift);
        __m128i odd = _mm_slli_epi32(_mm_castps_si128(s), 31);
        __m128i even = _mm_cmpeq_epi32(odd, _mm_setzero_si128());
        __m128 halves[2];
        for (int h = 0; h < 2; h++) {
            __m128d ad = _mm_cvtps_pd(h ? _mm_movehl_ps(a, a) : a), nd = _mm_cvtps_pd(h ? _mm_movehl_ps(nf, nf) : nf);
            __m128d r = _mm_sub_pd(_mm_sub_pd(ad, _mm_mul_pd(nd, h1)), _mm_mul_pd(nd, h2)), r2 = _mm_mul_pd(r, r);
            __m128d p = _mm_sub_pd(r, _mm_mul_pd(_mm_mul_pd(r, c1), r2));
            __m128d q = _mm_add_pd(_mm_mul_pd(_mm_add_pd(_mm_mul_pd(r2, c3), c2), r2), one);
            __m128d e = _mm_castsi128_pd(h ? _mm_unpackhi_epi32(even, even) : _mm_unpacklo_epi32(even, even));
            __m128d num = _mm_or_pd(_mm_and_pd(e, p), _mm_andnot_pd(e, q));
            __m128d den = _mm_or_pd(_mm_and_pd(e, q), _mm_andnot_pd(e, p));
            halves[h] = _mm_cvtpd_ps(_mm_div_pd(num, den));
        }
        __m128 sign = _mm_xor_ps(_mm_castsi128_ps(odd), _mm_and_ps(v, signbit));
        _mm_storeu_ps(res, _mm_xor_ps(_mm_movelh_ps(halves[0], halves[1]), sign));
        int special = _mm_movemask_ps(_mm_cmpnle_ps(a, limit));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = (special >> k) & 1 ? (float)tan((double)in[k]) : res[k];
    }
}

/* asin's NaNs: a NaN input quieted with the low 13 bits of its payload cleared (MKL's steps split it as they do
 * 2y), |x| > 1 the default NaN (x86's, 0xFFC00000) */
static float vml_asin_nan(float v)
{
    return isnan(v) ? vml_float((vml_bits(v) | 0x00400000u) & 0xffffe000u) : vml_float(0xffc00000u);
}

/* float32 asin (sAsin_EXHAynn): |x| below 1/2: |x| + |x|*P(x^2); from 1/2 up, with y = (1 - |x|)/2,
 * pi/2 - 2*sqrt(y) - 2*sqrt(y)*P(y), the root from the CPU's own estimate (rsqrtps, cut to 12 bits) refined by one
 * correction carried in float head/tail parts, and pi/2 in two parts; P of degree 5 in float. x's sign. */
/* asin's and acos's shared steps: y = (1 - |x|)/2, z = min(x^2, y), 2*sqrt(y) as sa + sb less the correction c
 * (sa - c the better root), and P(z) */
struct vml_arc { __m128 a, y, z, sa, c, p; };

static inline struct vml_arc vml_arc_steps(__m128 v)
{
    const __m128 half = _mm_set1_ps(0.5f), cut = vml_f(0xffffe000), est_cut = vml_f(0xfffff000);
    const __m128 q1 = vml_f(0x3d2edc07), q2 = vml_f(0x3cc32a6b), q3 = vml_f(0x3d3a9ab4), q4 = vml_f(0x3d997c12);
    struct vml_arc s;
    s.a = _mm_and_ps(v, vml_f(0x7fffffff));
    s.y = _mm_sub_ps(half, _mm_mul_ps(s.a, half));
    s.z = _mm_min_ps(_mm_mul_ps(v, v), s.y);
    __m128 r0 = _mm_and_ps(_mm_and_ps(_mm_cmpnlt_ps(s.y, vml_f(0x2f800000)), est_cut), _mm_rsqrt_ps(s.y));
    __m128 y2 = _mm_add_ps(s.y, s.y), hi = _mm_and_ps(y2, cut), lo = _mm_sub_ps(y2, hi);
    __m128 sb = _mm_mul_ps(lo, r0);
    s.sa = _mm_mul_ps(hi, r0);
    __m128 sah = _mm_and_ps(s.sa, cut), sal = _mm_sub_ps(s.sa, sah);
    __m128 e = _mm_add_ps(_mm_add_ps(_mm_add_ps(_mm_mul_ps(sah, r0), _mm_set1_ps(-2.0f)), _mm_mul_ps(r0, sb)),
                          _mm_mul_ps(sal, r0));
    __m128 se = _mm_mul_ps(_mm_add_ps(s.sa, sb), e);
    s.c = _mm_sub_ps(_mm_mul_ps(_mm_sub_ps(vml_f(0x3e800001), _mm_mul_ps(e, vml_f(0x3dc00004))), se), sb);
    __m128 p = _mm_add_ps(_mm_mul_ps(_mm_mul_ps(s.z, s.z), _mm_add_ps(_mm_mul_ps(s.z, q1), q2)),
                          _mm_add_ps(_mm_mul_ps(s.z, q3), q4));
    s.p = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(p, s.z), vml_f(0x3e2aaaff)), s.z);
    return s;
}

static void vml_sasin(const float *x, float *out, Py_ssize_t n)
{
    const __m128 signbit = vml_f(0x80000000), half = _mm_set1_ps(0.5f);
    const __m128 pio2 = vml_f(0x3fc90fdb), pio2lo = vml_f(0xb33bbd2e);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in);
        struct vml_arc s = vml_arc_steps(v);
        __m128 t = _mm_sub_ps(pio2, s.sa), mb = _mm_sub_ps(s.c, s.sa);
        __m128 tail = _mm_add_ps(_mm_sub_ps(_mm_sub_ps(pio2, t), s.sa), _mm_add_ps(s.c, pio2lo));
        __m128 lower = _mm_cmplt_ps(s.a, half);
        __m128 f = _mm_or_ps(_mm_andnot_ps(lower, mb), _mm_and_ps(lower, s.a));
        __m128 h = _mm_or_ps(_mm_andnot_ps(lower, t), _mm_and_ps(lower, s.a));
        __m128 r = _mm_add_ps(_mm_add_ps(_mm_mul_ps(f, s.p), _mm_andnot_ps(lower, tail)), h);
        _mm_storeu_ps(res, _mm_xor_ps(r, _mm_and_ps(v, signbit)));
        int special = _mm_movemask_ps(_mm_cmpnle_ps(s.a, _mm_set1_ps(1.0f)));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = (special >> k) & 1 ? vml_asin_nan(in[k]) : res[k];
    }
}

/* float32 acos (sAcos_EXHAynn): with asin's steps, where x^2 < y: pi/2 - (x + x*P(x^2)) (pi/2 in two parts);
 * elsewhere 2*sqrt(y) + 2*sqrt(y)*P(y) for x > 0, pi less it for x < 0 (pi in two parts). |x| above 1: the
 * default NaN; a NaN input comes out quieted. */
static void vml_sacos(const float *x, float *out, Py_ssize_t n)
{
    const __m128 signbit = vml_f(0x80000000);
    const __m128 pio2 = vml_f(0x3fc90fdb), pio2lo = vml_f(0xb33bbd2e), pi = vml_f(0x40490fdb), pilo = vml_f(0xb3bbbd2e);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0, 0, 0, 0}, res[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), sign = _mm_and_ps(v, signbit);
        struct vml_arc s = vml_arc_steps(v);
        __m128 upper = _mm_cmpnlt_ps(s.z, s.y), negative = _mm_and_ps(upper, _mm_cmpnlt_ps(s.z, v));
        __m128 chi = _mm_or_ps(_mm_andnot_ps(upper, pio2), _mm_and_ps(negative, pi));
        __m128 clo = _mm_or_ps(_mm_andnot_ps(upper, pio2lo), _mm_and_ps(negative, pilo));
        __m128 c = _mm_and_ps(s.c, upper);
        __m128 f = _mm_or_ps(_mm_andnot_ps(upper, _mm_or_ps(v, signbit)), _mm_and_ps(upper, s.sa));
        __m128 r = _mm_add_ps(_mm_mul_ps(_mm_sub_ps(f, c), s.p), _mm_sub_ps(_mm_xor_ps(clo, sign), c));
        r = _mm_add_ps(_mm_xor_ps(_mm_add_ps(r, f), sign), chi);
        _mm_storeu_ps(res, r);
        int special = _mm_movemask_ps(_mm_cmpnle_ps(s.a, _mm_set1_ps(1.0f)));
        for (Py_ssize_t k = 0; k < m; k++)
            out[i + k] = (special >> k) & 1 ? (isnan(in[k]) ? in[k] + in[k] : vml_float(0xffc00000u)) : res[k];
    }
}

/* float64 tanh (dTanh_EXHAynn): the interval j from the high word h of |x| (h & 0x7ffe0000, less 0x3fbe0000's,
 * >> 17, clamped to 0..59), r = |x| - c_j, p = ((d11*r + d10)*r + ... + d2)*r*r + low; tanh(c_j) + d1*r with d1
 * and r split at their top 21 mantissa bits (hh = d1h*rh exact, the rest added to p) summed with its rounding error
 * caught: (hh - (s + t)) + (t + tanh(c_j)) + rest + s with s = tanh(c_j) + hh, t = hh - s; x's sign. h below
 * 0x1ff00000 (|x| < 2^-512) or above 0x7fe00000 (from 2^1023 * 1.125, infinities, NaN) take the scalar path
 * (vdtanh_cout_rare): (1 + x)*x, ±1, a NaN as x + x. */
static double vml_dtanh_rare(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    unsigned e = (unsigned)(b >> 52) & 0x7ff;
    if (e == 0x7ff && (b & 0x000fffffffffffffull))
        return x + x;
    if (e >= 0x7fe)
        return b >> 63 ? -1.0 : 1.0;
    return (1.0 + x) * x;
}

static void vml_dtanh(const double *x, double *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t b;
        memcpy(&b, &x[i], 8);
        uint32_t h = (uint32_t)(b >> 32) & 0x7ffe0000u;
        if (h < 0x1ff00000u || h > 0x7fe00000u) {
            out[i] = vml_dtanh_rare(x[i]);
            continue;
        }
        const uint64_t *c = vml_dtanh_table[h > 0x40340000u ? 59 : h > 0x3fbe0000u ? (h - 0x3fbe0000u) >> 17 : 0];
        double r = fabs(x[i]) + vml_double(c[12]), p = vml_double(c[11]);
        for (int k = 10; k >= 3; k--)
            p = p * r + vml_double(c[k]);
        p = p * r * r + vml_double(c[0]);
        double dh = vml_double(c[2] & 0xffffffff00000000ull), dl = vml_double(c[2]) - dh;
        double rh = vml_double(vml_dbits(r) & 0xffffffff00000000ull), rl = r - rh;
        double hh = dh * rh, rest = rh * dl + (rl * dh + dl * rl) + p;
        double hi = vml_double(c[1]), s = hi + hh, t = hh - s;
        double res = (((hh - (s + t)) + (t + hi)) + rest) + s;
        out[i] = vml_double(vml_dbits(res) | (b & 0x8000000000000000ull));
    }
}

/* float32 erf (sErf_EXHAynn), with no scalar path: a = min(|x|, 3.9296875) rounded to a node d = j/256 by adding
 * 2^15 (d = 0 below 0.013671875), r = a - d; from the table erf(d) = h * (1 + k*2^-23) (h = 2^120 times the float of
 * the entry's low 26 bits, min'd with |x| first, k its top 6 bits) and a slope s; p = (d*r*c1 + c2)*d*r plus
 * (r*r*c3 + c4) for r above 2^-48, and erf(x) = ((p*s*r + (h*(1 + k*2^-23) - h)) + s*r) / 64 + h, with x's sign.
 * Every step is a float SSE operation on the operands in MKL's order (a NaN comes through h). */
static void vml_serf(const float *x, float *out, Py_ssize_t n)
{
    const __m128 magnitude = vml_f(0x7fffffff), signbit = vml_f(0x80000000), top = vml_f(0x407b8000);
    const __m128 shifter = vml_f(0x47000000), unshift = vml_f(0xc7000000), low = vml_f(0x3c600000);
    const __m128 tiny = vml_f(0x27800000), c1 = vml_f(0x3f4093a6), c2 = vml_f(0xbf906ebc);
    const __m128 c3 = vml_f(0xbec093b2), c4 = vml_f(0x3e0375d4), bits26 = vml_f(0x03ffffff);
    const __m128 scale = vml_f(0x7b800000), one = _mm_set1_ps(1.0f), sixtyfourth = vml_f(0x3c800000);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0.75f, 0.75f, 0.75f, 0.75f}, res[4];
        uint32_t e0[4], e1[4];
        int32_t j[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_and_ps(v, magnitude), a1 = _mm_min_ps(a, top);
        __m128 s = _mm_add_ps(a1, shifter);
        __m128 d = _mm_and_ps(_mm_add_ps(s, unshift), _mm_cmple_ps(low, a1)), r = _mm_sub_ps(a1, d);
        __m128 dr = _mm_mul_ps(d, r);
        _mm_storeu_si128((__m128i *)j, _mm_sub_epi32(_mm_castps_si128(s), _mm_set1_epi32(0x47000000)));
        for (int k = 0; k < 4; k++) {
            e0[k] = vml_serf_table[j[k]][0];
            e1[k] = vml_serf_table[j[k]][1];
        }
        __m128 t0 = _mm_loadu_ps((const float *)e0), t1 = _mm_loadu_ps((const float *)e1);
        __m128 h = _mm_min_ps(_mm_and_ps(t0, bits26), a);
        __m128 p = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(dr, c1), c2), dr);
        __m128 q = _mm_and_ps(r, _mm_cmplt_ps(tiny, a1));
        p = _mm_add_ps(p, _mm_add_ps(_mm_mul_ps(_mm_mul_ps(q, q), c3), c4));
        __m128 sr = _mm_mul_ps(t1, r);
        __m128 k = _mm_or_ps(_mm_castsi128_ps(_mm_srli_epi32(_mm_castps_si128(t0), 26)), one);
        h = _mm_mul_ps(h, scale);
        p = _mm_add_ps(_mm_mul_ps(p, sr), _mm_sub_ps(_mm_mul_ps(k, h), h));
        p = _mm_add_ps(_mm_mul_ps(_mm_add_ps(p, sr), sixtyfourth), h);
        _mm_storeu_ps(res, _mm_xor_ps(p, _mm_and_ps(v, signbit)));
        memcpy(out + i, res, (size_t)m * 4);
    }
}

/* float32 erfc (sErfc_EXHAynn): a = min(|x|, 10.046875) rounded to a node d = j/64 by adding 2^17, r = max(a, 2^-32)
 * - d, w = d*r; from the table E = 2^64 erfc(d) and F (E's exponent over 26 bits of the next word: the slope) and
 * k*2^-29 (its top 6 bits); with p = ((w*c1 + c2)*w + c3)*w + c4 and q = (w*c5 + c6)*w*r*r*r - k*2^-29,
 * t = ((w*w*p - w)*r + q)*F, and r*F split at F's top 8 mantissa bits with its rounding error caught, the result is
 * 2^-64 (E - r*F - t) for x >= 0 and 2 less it for x < 0, all in float SSE steps. x from 10.054194 up (where
 * erfc(x) < 2^-149) and NaN take MKL's scalar path (vserfc_cout_rare): there the correctly rounded value. */
static void vml_serfc(const float *x, float *out, Py_ssize_t n)
{
    const __m128 magnitude = vml_f(0x7fffffff), signbit = vml_f(0x80000000), top = vml_f(0x4120c000);
    const __m128 shifter = vml_f(0x48000000), unshift = vml_f(0xc8000000), floor = vml_f(0x2f800000);
    const __m128 c1 = vml_f(0xbd362fd7), c2 = vml_f(0x3e08a294), c3 = vml_f(0xbeaaaaa7), c4 = vml_f(0x3f2aaaa8);
    const __m128 c5 = vml_f(0xbecd2e81), c6 = vml_f(0x3f004465), c7 = vml_f(0xbeaaaa8b);
    const __m128 bits26 = vml_f(0x03ffffff), exponent = vml_f(0x7f800000), split = vml_f(0xffff8000);
    const __m128 sixtyfourth = vml_f(0x3c800000), msixtyfourth = vml_f(0xbc800000);
    const __m128 big = vml_f(0x5f800000), mbig = vml_f(0xdf800000), small = vml_f(0x1f800000);
    const __m128 limit = vml_f(0x4120ddfb);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0.75f, 0.75f, 0.75f, 0.75f}, res[4];
        uint32_t e0[4], e1[4];
        int32_t j[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_min_ps(_mm_and_ps(v, magnitude), top);
        __m128 s = _mm_add_ps(a, shifter);
        a = _mm_max_ps(a, floor);
        __m128 d = _mm_add_ps(s, unshift), r = _mm_sub_ps(a, d), w = _mm_mul_ps(d, r);
        _mm_storeu_si128((__m128i *)j, _mm_sub_epi32(_mm_castps_si128(s), _mm_set1_epi32(0x48000000)));
        for (int k = 0; k < 4; k++) {
            e0[k] = vml_serfc_table[j[k]][0];
            e1[k] = vml_serfc_table[j[k]][1];
        }
        __m128 t0 = _mm_loadu_ps((const float *)e0), t1 = _mm_loadu_ps((const float *)e1);
        __m128 p = _mm_add_ps(_mm_mul_ps(w, c1), c2);
        __m128 f = _mm_castsi128_ps(_mm_add_epi32(_mm_castps_si128(_mm_and_ps(t0, exponent)),
                                                  _mm_castps_si128(_mm_and_ps(t1, bits26))));
        __m128 q = _mm_add_ps(_mm_mul_ps(w, c5), c6);
        p = _mm_add_ps(_mm_mul_ps(p, w), c3);
        q = _mm_add_ps(_mm_mul_ps(q, w), c7);
        __m128 k = _mm_add_ps(_mm_or_ps(_mm_castsi128_ps(_mm_srli_epi32(_mm_castps_si128(t1), 26)), sixtyfourth),
                              msixtyfourth);
        p = _mm_add_ps(_mm_mul_ps(p, w), c4);
        q = _mm_sub_ps(_mm_mul_ps(_mm_mul_ps(_mm_mul_ps(q, r), r), r), k);
        __m128 t = _mm_sub_ps(_mm_mul_ps(_mm_mul_ps(w, w), p), w);
        t = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(t, r), q), f);
        __m128 fh = _mm_and_ps(f, split), flr = _mm_mul_ps(_mm_sub_ps(f, fh), r), rfh = _mm_mul_ps(r, fh);
        __m128 u = _mm_sub_ps(t0, rfh), err = _mm_sub_ps(rfh, _mm_sub_ps(t0, u));
        t = _mm_add_ps(_mm_add_ps(t, flr), err);
        __m128 sign = _mm_and_ps(v, signbit);
        u = _mm_add_ps(_mm_sub_ps(u, t), _mm_add_ps(_mm_or_ps(sign, big), mbig));
        _mm_storeu_ps(res, _mm_mul_ps(u, _mm_or_ps(sign, small)));
        int fast = _mm_movemask_ps(_mm_cmplt_ps(v, limit));
        for (Py_ssize_t l = 0; l < m; l++)
            out[i + l] = (fast >> l) & 1 ? res[l] : (float)erfc((double)in[l]);
    }
}

/* float64 erf (dErf_EXHAynn), float32's steps in double with no scalar path: a = min(|x|, 5.9921875) rounded to a
 * node d = j/128 by adding 2^45 (d = 0 below 0.02734375), r = a - d, w = d*r, q = r*r (0 for r up to 2^-256); from
 * Z0's table (the same data) h = 2^1016 min(the entry's low 55 bits, |x|) and its high word k, and a slope s;
 * p = ((q*c1 + c2)*q + (w*c3 + c4)*w + c5)*q + ((w*c6 + c7)*w + c8)*w + c9)*q + (((w*c10 + ...)*w + c14)*w + c15),
 * erf(x) = ((p*s*r + (k*h - h)) + s*r) * 2^-32 + h with x's sign, in SSE2 double steps in MKL's order. */
static void vml_derf(const double *x, double *out, Py_ssize_t n)
{
    const __m128d magnitude = vml_d(0x7fffffffffffffffull), top = vml_d(0x4017f80000000000ull);
    const __m128d shifter = vml_d(0x42c0000000000000ull), unshift = vml_d(0xc2c0000000000000ull);
    const __m128d low = vml_d(0x3f9c000000000000ull), tiny = vml_d(0x2ff0000000000000ull);
    const __m128d bits55 = vml_d(0x007fffffffffffffull), scale = vml_d(0x7f70000000000000ull);
    const __m128d one = _mm_set1_pd(1.0), last = vml_d(0x3df0000000000000ull);
    static const uint64_t c[15] = {0x3fc4a21da72d2522ull, 0xbfc81277cd9c0edfull, 0x3fbce2f21a042be2ull,
                                   0x3f7565bcd0e6a53full, 0xbf9b82ce31288b51ull, 0x3fd00c4f4df93fe6ull,
                                   0xbfdce2f500d00e98ull, 0x3fe20dd75042830eull, 0xbfd812746b0379e7ull,
                                   0xbfa9ad4ac8de7654ull, 0x3fc341f806247cecull, 0xbfd812746b036ad0ull,
                                   0x3fe812746b036e4cull, 0xbff20dd750429b6dull, 0x3fc06eba8214db69ull};
    for (Py_ssize_t i = 0; i < n; i += 2) {
        double in[2] = {0.75, 0.75}, res[2];
        uint64_t e0[2], e1[2], sb[2];
        Py_ssize_t m = n - i < 2 ? n - i : 2;
        memcpy(in, x + i, (size_t)m * 8);
        __m128d v = _mm_loadu_pd(in), a = _mm_and_pd(v, magnitude), sign = _mm_xor_pd(a, v);
        __m128d a1 = _mm_min_pd(a, top), s = _mm_add_pd(a1, shifter);
        __m128d d = _mm_and_pd(_mm_add_pd(s, unshift), _mm_cmple_pd(low, a1)), r = _mm_sub_pd(a1, d);
        __m128d w = _mm_mul_pd(d, r), q = _mm_and_pd(r, _mm_cmplt_pd(tiny, a1));
        q = _mm_mul_pd(q, q);
        _mm_storeu_si128((__m128i *)sb, _mm_castpd_si128(s));
        for (int k = 0; k < 2; k++) {
            e0[k] = z0_derf_table[2 * (sb[k] & 1023)];
            e1[k] = z0_derf_table[2 * (sb[k] & 1023) + 1];
        }
        __m128d t0 = _mm_loadu_pd((const double *)e0), t1 = _mm_loadu_pd((const double *)e1);
        __m128d p = _mm_add_pd(_mm_mul_pd(w, vml_d(c[0])), vml_d(c[1]));
        __m128d h = _mm_min_pd(_mm_and_pd(t0, bits55), a);
        __m128d pq = _mm_add_pd(_mm_mul_pd(q, vml_d(c[3])), vml_d(c[4]));
        p = _mm_add_pd(_mm_mul_pd(p, w), vml_d(c[2]));
        pq = _mm_add_pd(_mm_mul_pd(pq, q), p);
        __m128d p2 = _mm_add_pd(_mm_mul_pd(w, vml_d(c[5])), vml_d(c[6]));
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c[7]));
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c[8]));
        pq = _mm_add_pd(_mm_mul_pd(pq, q), p2);
        __m128d pw = _mm_add_pd(_mm_mul_pd(w, vml_d(c[9])), vml_d(c[10]));
        for (int k = 11; k <= 13; k++)
            pw = _mm_add_pd(_mm_mul_pd(pw, w), vml_d(c[k]));
        pw = _mm_mul_pd(pw, w);
        __m128d sr = _mm_mul_pd(t1, r);
        pq = _mm_add_pd(_mm_mul_pd(pq, q), _mm_add_pd(pw, vml_d(c[14])));
        __m128d k = _mm_or_pd(_mm_castsi128_pd(_mm_srli_epi64(_mm_castpd_si128(t0), 32)), one);
        h = _mm_mul_pd(h, scale);
        k = _mm_sub_pd(_mm_mul_pd(k, h), h);
        pq = _mm_add_pd(_mm_add_pd(_mm_mul_pd(pq, sr), k), sr);
        _mm_storeu_pd(res, _mm_xor_pd(_mm_add_pd(_mm_mul_pd(pq, last), h), sign));
        memcpy(out + i, res, (size_t)m * 8);
    }
}

/* float64 erfc (dErfc_EXHAynn): float32's steps in double, a = min(|x|, 27.2421875) rounded to a node d = j/128 by
 * adding 2^45, r = max(a, 2^-128) - d, w = d*r; from the table E = 2^128 erfc(d), F (E's exponent over 55 bits of
 * the next word) and k*2^-61 (its top 9 bits); three polynomials in w (degrees 8, 6 and 3) and one in r*r make
 * p = (...)*w*w - w and q = ((...)*w + ((w*c + c)*r*r + (...))*r*r + c)*r^3 - k*2^-61, t = (p*r + q)*F, and with
 * r*F split at F's top 32 bits (its rounding error caught) the result is 2^-128 (E - r*F - t) for x >= 0, 2 less
 * it for x < 0. x from 27.226017 up and NaN take MKL's scalar path: 0
 * there (where the C library's erfc still gives the least subnormal up to 27.2264), a NaN quieted. */
static void vml_derfc(const double *x, double *out, Py_ssize_t n)
{
    const __m128d magnitude = vml_d(0x7fffffffffffffffull), signbit = vml_d(0x8000000000000000ull);
    const __m128d top = vml_d(0x403b3e0000000000ull), shifter = vml_d(0x42c0000000000000ull);
    const __m128d unshift = vml_d(0xc2c0000000000000ull), floor = vml_d(0x37f0000000000000ull);
    const __m128d bits55 = vml_d(0x007fffffffffffffull), exponent = vml_d(0x7ff0000000000000ull);
    const __m128d split = vml_d(0xfffff80000000000ull), k0 = vml_d(0x3f60000000000000ull);
    const __m128d mk0 = vml_d(0xbf60000000000000ull), big = vml_d(0x47f0000000000000ull);
    const __m128d mbig = vml_d(0xc7f0000000000000ull), limit = vml_d(0x403b39dc41e48bfdull);
    static const uint64_t c2[9] = {0x3efaec468d02a083ull, 0xbf2282607c399dbfull, 0x3f471de30b781626ull,
                                   0xbf6a019f74e36970ull, 0x3f8a01a01a0f4f8cull, 0xbfa6c16c16cc1d1dull,
                                   0x3fc111111111108full, 0xbfd55555555554d9ull, 0x3fe5555555555555ull};
    static const uint64_t c3[6] = {0x3f64d516d3db4588ull, 0xbf844103d0fa9378ull, 0x3fa1110ffd4fa97full,
                                   0xbfb861848a3ac063ull, 0x3fcc71c71cb27ab6ull, 0xbfd9999999d359a6ull};
    static const uint64_t c5[4] = {0x3fa30107685fc1efull, 0xbfb561b8921c8bc7ull, 0x3fc24921081babf0ull,
                                   0xbfc55550d7299c73ull};
    for (Py_ssize_t i = 0; i < n; i += 2) {
        double in[2] = {0.75, 0.75}, res[2];
        uint64_t e0[2], e1[2], sb[2];
        Py_ssize_t m = n - i < 2 ? n - i : 2;
        memcpy(in, x + i, (size_t)m * 8);
        __m128d v = _mm_loadu_pd(in), a = _mm_min_pd(_mm_and_pd(v, magnitude), top);
        __m128d s = _mm_add_pd(a, shifter);
        a = _mm_max_pd(a, floor);
        __m128d d = _mm_add_pd(s, unshift), r = _mm_sub_pd(a, d), w = _mm_mul_pd(d, r);
        _mm_storeu_si128((__m128i *)sb, _mm_castpd_si128(s));
        for (int k = 0; k < 2; k++) {
            e0[k] = vml_derfc_table[sb[k] & 4095][0];
            e1[k] = vml_derfc_table[sb[k] & 4095][1];
        }
        __m128d p2 = _mm_add_pd(_mm_mul_pd(w, vml_d(c2[0])), vml_d(c2[1]));
        __m128d p3 = _mm_add_pd(_mm_mul_pd(w, vml_d(c3[0])), vml_d(c3[1]));
        __m128d p5 = _mm_add_pd(_mm_mul_pd(w, vml_d(c5[0])), vml_d(c5[1]));
        for (int k = 2; k < 4; k++) {
            p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[k]));
            p3 = _mm_add_pd(_mm_mul_pd(p3, w), vml_d(c3[k]));
            p5 = _mm_add_pd(_mm_mul_pd(p5, w), vml_d(c5[k]));
        }
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[4]));
        p3 = _mm_add_pd(_mm_mul_pd(p3, w), vml_d(c3[4]));
        p5 = _mm_mul_pd(p5, w);
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[5]));
        p3 = _mm_add_pd(_mm_mul_pd(p3, w), vml_d(c3[5]));
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[6]));
        p3 = _mm_add_pd(_mm_mul_pd(p3, w), vml_d(0x3fdffffffffff778ull));
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[7]));
        p3 = _mm_mul_pd(p3, w);
        __m128d ww = _mm_mul_pd(w, w);
        p2 = _mm_add_pd(_mm_mul_pd(p2, w), vml_d(c2[8]));
        p2 = _mm_sub_pd(_mm_mul_pd(p2, ww), w);
        __m128d p6 = _mm_add_pd(_mm_mul_pd(w, vml_d(0x3fa5766603986421ull)), vml_d(0xbf9898a47706cfa8ull));
        __m128d rr = _mm_mul_pd(r, r);
        __m128d t0 = _mm_loadu_pd((const double *)e0), t1 = _mm_loadu_pd((const double *)e1);
        p5 = _mm_add_pd(p5, vml_d(0x3fb999999b2e0d33ull));
        p6 = _mm_add_pd(_mm_mul_pd(p6, rr), p5);
        __m128d f = _mm_castsi128_pd(_mm_add_epi64(_mm_castpd_si128(_mm_and_pd(t0, exponent)),
                                                   _mm_castpd_si128(_mm_and_pd(t1, bits55))));
        p6 = _mm_add_pd(_mm_mul_pd(p6, rr), vml_d(0xbfd5555555555019ull));
        p3 = _mm_add_pd(p3, p6);
        p3 = _mm_mul_pd(p3, _mm_mul_pd(rr, r));
        __m128d k = _mm_add_pd(_mm_or_pd(_mm_castsi128_pd(_mm_srli_epi64(_mm_castpd_si128(t1), 55)), k0), mk0);
        p3 = _mm_sub_pd(p3, k);
        p2 = _mm_mul_pd(_mm_add_pd(_mm_mul_pd(p2, r), p3), f);
        __m128d fh = _mm_and_pd(f, split), flr = _mm_mul_pd(_mm_sub_pd(f, fh), r), rfh = _mm_mul_pd(r, fh);
        __m128d u = _mm_sub_pd(t0, rfh), err = _mm_sub_pd(rfh, _mm_sub_pd(t0, u));
        p2 = _mm_add_pd(_mm_add_pd(p2, flr), err);
        __m128d sign = _mm_and_pd(v, signbit);
        u = _mm_add_pd(_mm_sub_pd(u, p2), _mm_add_pd(_mm_or_pd(sign, big), mbig));
        _mm_storeu_pd(res, _mm_mul_pd(u, _mm_or_pd(sign, floor)));
        int fast = _mm_movemask_pd(_mm_cmplt_pd(v, limit));
        for (Py_ssize_t l = 0; l < m; l++)
            out[i + l] = (fast >> l) & 1 ? res[l] : isnan(in[l]) ? in[l] + in[l] : 0.0;
    }
}

/* erfinv's scalar path (vserfinv_cout_rare) for |x| up to 2^-24 and from 1: see vml_serfinv */
static float vml_serfinv_rare(float v)
{
    float a = fabsf(v);
    if (isnan(v))
        return v + v;
    if (a == 1.0f)
        return copysignf(INFINITY, v);
    if (a > 1.0f)
        return vml_float(0xffc00000u);
    return (float)((double)v * 0x1.c5bf891b4ef6bp-1); /* sqrt(pi)/2 */
}

/* float32 erfinv (sErfInv_EXHAynn): w = 1 - |x| (its rounding error e kept), an interval from w's exponent and top
 * 3 mantissa bits (192 of them), u = w's low 20 mantissa bits on [1, 1.125) less 1.0625 and t = u + e*2^-exponent;
 * p = ((((c5*t + c4)*t + c3)*t + c2)*t + c1)*t, and with u's top bits uh, c7*uh split off: the factor
 * hi + lo = c6 + c7*t + p (hi cut to 12 mantissa bits), x*lo + hi*x's low part + x's high part*hi, all float SSE
 * steps. |x| up to 2^-24 and from 1 (with NaN) take MKL's scalar path. */
static void vml_serfinv(const float *x, float *out, Py_ssize_t n)
{
    const __m128 magnitude = vml_f(0x7fffffff), one = _mm_set1_ps(1.0f), cut = vml_f(0xfffff000);
    const __m128 mantissa = vml_f(0x000fffff), centre = vml_f(0xbf880000), expbits = vml_f(0x3f800000);
    for (Py_ssize_t i = 0; i < n; i += 4) {
        float in[4] = {0.75f, 0.75f, 0.75f, 0.75f}, res[4], c[8][4];
        int32_t row[4];
        Py_ssize_t m = n - i < 4 ? n - i : 4;
        memcpy(in, x + i, (size_t)m * 4);
        __m128 v = _mm_loadu_ps(in), a = _mm_and_ps(v, magnitude);
        __m128 w = _mm_sub_ps(one, a), e = _mm_sub_ps(_mm_sub_ps(one, w), a);
        __m128i special = _mm_cmpgt_epi32(_mm_xor_si128(_mm_add_epi32(_mm_castps_si128(a), _mm_set1_epi32((int)0xcc7fffff)),
                                                        _mm_set1_epi32((int)0x80000000)),
                                          _mm_set1_epi32((int)0x8bfffffe));
        __m128 scale = _mm_castsi128_ps(_mm_sub_epi32(_mm_set1_epi32(0x7f000000), _mm_castps_si128(_mm_and_ps(w, expbits))));
        __m128i offset = _mm_sub_epi32(_mm_set1_epi32(0x7ee0),
                                       _mm_and_si128(_mm_srli_epi32(_mm_castps_si128(w), 15), _mm_set1_epi32(0x1ffe0)));
        _mm_storeu_si128((__m128i *)row, _mm_srli_epi32(_mm_andnot_si128(special, offset), 5));
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 8; j++)
                c[j][k] = vml_float(vml_serfinv_table[row[k]][j]);
        __m128 u = _mm_add_ps(_mm_or_ps(_mm_and_ps(w, mantissa), one), centre);
        __m128 t = _mm_add_ps(u, _mm_mul_ps(scale, e));
        __m128 p = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(c[5]), t), _mm_loadu_ps(c[4]));
        for (int j = 3; j >= 1; j--)
            p = _mm_add_ps(_mm_mul_ps(p, t), _mm_loadu_ps(c[j]));
        p = _mm_mul_ps(p, t);
        __m128 uh = _mm_and_ps(u, cut), c7 = _mm_loadu_ps(c[7]), c6 = _mm_loadu_ps(c[6]);
        __m128 q = _mm_mul_ps(uh, c7);
        p = _mm_add_ps(_mm_add_ps(p, _mm_loadu_ps(c[0])), _mm_mul_ps(c7, _mm_sub_ps(t, uh)));
        __m128 hi = _mm_and_ps(_mm_add_ps(_mm_add_ps(q, p), c6), cut);
        __m128 lo = _mm_add_ps(_mm_add_ps(_mm_sub_ps(c6, hi), q), p);
        __m128 xh = _mm_and_ps(v, cut), xl = _mm_sub_ps(v, xh);
        _mm_storeu_ps(res, _mm_add_ps(_mm_add_ps(_mm_mul_ps(lo, v), _mm_mul_ps(hi, xl)), _mm_mul_ps(xh, hi)));
        int rare = _mm_movemask_ps(_mm_castsi128_ps(special));
        for (Py_ssize_t l = 0; l < m; l++)
            out[i + l] = (rare >> l) & 1 ? vml_serfinv_rare(in[l]) : res[l];
    }
}

/* float32 tanh (sTanh_EXHAynn): |x| in double, p = ((((((a7*|x| + a6)*|x| + a5)*|x| + a4)*|x| + a3)*|x| + a2)*|x|
 * + a1)*|x| + a0 with the coefficients of one of 27 intervals (row 0 up to 0.109375's exponent and top 2 mantissa
 * bits, then by those bits a row per quarter binade, row 26 from 10.25 up), rounded to float, with x's sign. Bits
 * of |x| from 0x7f200000 (huge numbers, infinities, NaN) take MKL's scalar path: ±1, a NaN as x + x. */
static void vml_stanh(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t b = vml_bits(x[i]), top = b & 0x7fe00000u;
        if (top > 0x7f000000u) {
            out[i] = (b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffffu) ? x[i] + x[i] : (b >> 31 ? -1.0f : 1.0f);
            continue;
        }
        const uint64_t *c = vml_stanh_table[top > 0x41200000u ? 26 : top > 0x3de00000u ? (top - 0x3de00000u) >> 21 : 0];
        double a = (double)vml_float(b & 0x7fffffffu), p = vml_double(c[7]);
        for (int k = 6; k >= 0; k--)
            p = p * a + vml_double(c[k]);
        out[i] = vml_float(vml_bits((float)p) | (b & 0x80000000u));
    }
}

/* float64 log's scalar path (vdln_cout_rare): a NaN quieted (x*x), +inf; log(±0) = -inf, of a negative number or
 * -inf the NaN 0x7FF8...; a positive subnormal scaled by 2^60, m its mantissa on [1, 2), j = round(64*(m - 1)),
 * mh = m rounded to 2^-31: with the table's 1/(1 + j/64) (f) and log(1 + j/64) (high, low), r = (mh*f - 1) + ml*f
 * and (ml*f + (k*L2 + low) + r*r*p(r)) + ((mh*f - 1) + (k*L1 + high)), p of degree 6. */
/* log's, and log10's, scalar steps up to the polynomial: 0 where x is a special value (*special set), else 1 with
 * hi = k*l1 + high, lo = k*l2 + low, h = mh*f - one and l = ml*f (mh: m rounded to the grid, by adding and taking
 * it away again) */
struct vml_dlog_rare { const uint64_t (*table)[3]; uint64_t l1, l2; double grid, one; };

/* c[0]*r^(n-1) + ... + c[n-1] by Horner's rule (the constants by their bits) */
static inline double vml_dhorner(const uint64_t *c, int n, double r)
{
    double p = vml_double(c[0]) * r + vml_double(c[1]);
    for (int i = 2; i < n; i++)
        p = p * r + vml_double(c[i]);
    return p;
}

static int vml_dlog_rare_steps(double x, const struct vml_dlog_rare *c, double *special, double *hi, double *lo,
                               double *h, double *l)
{
    uint64_t b = vml_dbits(x);
    unsigned e = (unsigned)(b >> 52) & 0x7ff;
    if (e == 0x7ff) {
        *special = b == 0xfff0000000000000ull ? vml_double(0x7ff8000000000000ull) : x * x;
        return 0;
    }
    if (e == 0)
        x *= 0x1p60;
    if (!(x > 0.0)) {
        *special = x == 0.0 ? -INFINITY : vml_double(0x7ff8000000000000ull);
        return 0;
    }
    b = vml_dbits(x);
    double k = (double)((int)((b >> 52) & 0x7ff) - (e ? 0x3ff : 0x43b));
    *hi = k * vml_double(c->l1);
    *lo = k * vml_double(c->l2);
    double m = vml_double((b & 0x800fffffffffffffull) | 0x3ff0000000000000ull);
    const uint64_t *t = c->table[vml_dbits(m + vml_double(0x42d0000000000040ull)) & 0x7f];
    double f = vml_double(t[0]);
    *hi += vml_double(t[1]);
    *lo += vml_double(t[2]);
    double mh = (m + c->grid) + -c->grid, ml = m - mh;
    *h = mh * f + c->one;
    *l = ml * f;
    return 1;
}

static double vml_dln_rare(double x)
{
    static const struct vml_dlog_rare steps = {vml_dln_rare_table, 0x3fe62e42fefa3800ull, 0x3d2ef35793c76730ull,
                                               2097152.0, -1.0};
    double special, hi, lo, h, l;
    if (!vml_dlog_rare_steps(x, &steps, &special, &hi, &lo, &h, &l))
        return special;
    double r = h + l;
    static const uint64_t c[6] = {0xbfc000b405a2836dull, 0x3fc249c02481059dull, 0xbfc555555228b38full,
                                  0x3fc9999997b36c81ull, 0xbfd0000000000262ull, 0x3fd5555555555613ull};
    double p = (vml_dhorner(c, 6, r) * r + -0.5) * r * r;
    return ((l + lo) + p) + (h + hi);
}

/* float64 log (dLn_EXHAynn): m = x's mantissa times 2^-10, y = the CPU's float reciprocal estimate of it (rcpps)
 * rounded to an integer (512..1024), r = (mh*y - 1) + ml*y (mh: m's top 27 bits), k x's biased exponent; with the
 * table's -log(y) - 1013*log(2) (high, low): A = k*L1 + high, s = r + A, and the result
 * (((A - s) + r) + (k*L2 + low)) + ((r*c1 + c2)*r*r + (r*c3 + c4))*r*r) + s. x below 2^-1022 (zeros, subnormals,
 * negative numbers), infinities and NaN take the scalar path. */
static void vml_dln(const double *x, double *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i];
        if (v < 0x1p-1022 || !(v <= DBL_MAX)) {
            out[i] = vml_dln_rare(v);
            continue;
        }
        uint64_t b = vml_dbits(v);
        double m = vml_double((b & 0x000fffffffffffffull) | 0x3f50000000000000ull);
        double y = (double)_mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss((float)m)));
        y = (y + vml_double(0x4338000000000000ull)) + vml_double(0xc338000000000000ull);
        double mh = vml_double(vml_dbits(m) & 0x3f5ffffffc000000ull), ml = m - mh;
        double r = (mh * y + -1.0) + ml * y;
        const uint64_t *t = vml_dln_table[((vml_dbits(y) >> 39) - 0x810000u) >> 4];
        double k = (double)(int)(b >> 52);
        double a = k * vml_double(0x3fe62e42fefa0000ull) + vml_double(t[0]), s = r + a;
        double err = (a - s) + r, r2 = r * r;
        double p = ((r * vml_double(0x3fc9999cacdb4d0aull) + vml_double(0xbfd0000148058ee1ull)) * r2 +
                    (r * vml_double(0x3fd55555555543c5ull) + vml_double(0xbfdffffffffff81full))) * r2;
        out[i] = ((err + (k * vml_double(0x3d7cf79abc9e0000ull) + vml_double(t[1]))) + p) + s;
    }
}

/* float64 sin and cos (dSin_EXHAynn, dCos_EXHAynn), |x| up to 65536.0035: n = round(a*256/pi) by adding 1.5*2^52
 * (a = |x| for sin, x for cos), r = (a - n*P1) - n*P2 and its low part ((a - n*P1) - r) - n*P2 - n*P3 (pi/256 in
 * three parts); with the table's entry j = n mod 512 (f(c) in two parts h0 + h1, the derivative's, and f's low
 * bits l, for f = sin or cos at c = j*pi/256): s1 = r*h1 + f(c), s2 = r*h0 + s1 with both rounding errors e, and
 * (((h0 + h1) - f(c)*r)*rlo + l) + ((((r2*C24 - ... )*r2 - 1/2)*r2)*f(c) + (((r2*S5 + S3)*r2)*r*(h0 + h1) + e))
 * + s2, x's sign on sin's. Larger |x| (MKL's long reduction, not reproduced: the C library's value there),
 * infinities and NaN (x*0) take the other path. */
static void vml_dsincos(const double *x, double *out, Py_ssize_t n, int cosine)
{
    const double s5 = vml_double(0x3f81110fabb3551cull), s3 = vml_double(0xbfc5555555554448ull);
    const double c6 = vml_double(0x3f56c16ab163b2d7ull), c4 = vml_double(0x3fa5555555554ccfull);
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v);
        if (!(a <= vml_double(0x40f000000e4db24cull))) {
            out[i] = isfinite(v) ? (cosine ? cos(v) : sin(v)) : v * 0.0;
            continue;
        }
        if (cosine)
            a = v;
        double s = a * vml_double(0x40545f306dc9c883ull) + vml_double(0x4338000000000000ull);
        double k = s + vml_double(0xc338000000000000ull);
        double r1 = a - k * vml_double(0x3f8921fb54400000ull), t = k * vml_double(0x3d60b4611a600000ull);
        double r = r1 - t, rlo = ((r1 - r) - t) - k * vml_double(0x3b33198a2e037073ull);
        const uint64_t *e = vml_dsin_table[(vml_dbits(s) + (cosine ? 128 : 0)) & 0x1ff]; /* (cos: sin's, 128 on) */
        double h0 = vml_double(e[0]), h1 = vml_double(e[1]), f = vml_double(e[2]);
        double p1 = r * h1, s1 = p1 + f, e1 = (f - s1) + p1;
        double p0 = h0 * r, s2 = p0 + s1, e2 = (s1 - s2) + p0;
        double d = h1 + h0, r2 = r * r;
        double sp = ((r2 * s5 + s3) * r2) * r * d + (e2 + e1);
        double cp = ((c4 - r2 * c6) * r2 + -0.5) * r2 * f + sp;
        double res = (((d - f * r) * rlo + vml_double(e[3])) + cp) + s2;
        out[i] = cosine ? res : vml_double(vml_dbits(res) ^ (vml_dbits(v) & 0x8000000000000000ull));
    }
}

static void vml_dsin(const double *x, double *out, Py_ssize_t n) { vml_dsincos(x, out, n, 0); }
static void vml_dcos(const double *x, double *out, Py_ssize_t n) { vml_dsincos(x, out, n, 1); }

/* float64 atan's scalar path (vdatan_cout_rare) for |x| below 2^-1020 or from 2^993: x there, ±pi/2 (rounded),
 * a NaN as x + x */
static double vml_datan_rare(double v)
{
    if (isnan(v))
        return v + v;
    if (fabs(v) < 1.0)
        return v;
    return v < 0 ? -vml_double(0x3ff921fb54442d18ull) : vml_double(0x3ff921fb54442d18ull);
}

/* float64 atan (dAtan_EXHAynn): |x| in five ranges split at 0.4375, 0.6875, 1.1875 and 2.4375 (by its high word),
 * t = (|x| - c)/(1 + c|x|) for c = 0, 1/2, 1, 3/2 (beyond 2.4375: -1/|x|) in double-double: |x|, the numerator and
 * the denominator split at their top 26 bits, the quotient from the CPU's float reciprocal estimate (rcpps) y of the
 * denominator's head, e = d*y - 1 and y*(-e + e^2 - ... - e^5) correcting it, t = th + tl; atan(c) (high, low) +
 * th + (t*z*(p(w)*z + q(w)) + (tl + low)) with z = t^2, w = z^2 (p and q of degree 5), x's sign. |x| below 2^-1020
 * or from 2^993, infinities and NaN take the scalar path. */
static void vml_datan(const double *x, double *out, Py_ssize_t n)
{
    static const uint64_t p[6] = {0x3f8be4fbe6733718ull, 0x3fa6ad5558fe19c9ull, 0x3fae12f1edf7c393ull,
                                  0x3fb3b132b731e73aull, 0x3fbc71c719f99f96ull, 0x3fc9999999998f43ull};
    static const uint64_t q[6] = {0xbfa04cd71f92185eull, 0xbfaa9e755ca13d23ull, 0xbfb1108d326c68edull,
                                  0xbfb745d119677a4full, 0xbfc2492492441a21ull, 0xbfd5555555555552ull};
    const uint64_t head = 0xfffffffff8000000ull;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v);
        uint32_t hi = (uint32_t)(vml_dbits(a) >> 32);
        if (hi < 0x00300000u || hi >= 0x7e000000u) {
            out[i] = vml_datan_rare(v);
            continue;
        }
        const uint64_t *e = vml_datan_table[4 - (hi > 0x3fdc0000u) - (hi > 0x3fe60000u) - (hi > 0x3ff30000u) -
                                            (hi > 0x40038000u)];
        double c = vml_double(e[0]), ah = vml_double(vml_dbits(a) & head), al = a - ah;
        double n0 = vml_double(vml_dbits(ah) & e[1]) - c, n1 = vml_double(vml_dbits(al) & e[1]);
        double n2 = n0 - n1;
        n1 = n1 - (n2 - n0);
        double nh = vml_double(vml_dbits(n2) & head), nl = (n2 - nh) + n1;
        double d0 = vml_double(e[1] & 0x3ff0000000000000ull) + c * ah, d1 = c * al;
        double d = d1 + d0, derr = (d0 - d) + d1;
        double dh = vml_double(vml_dbits(d) & head), dl = (d - dh) + derr;
        double y = (double)_mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss((float)dh)));
        double u = dl * y + (dh * y + -1.0);
        double r = u * u - u;
        r = r * u + u;
        r = r * u - u;
        r = r * u + u;
        r = (r * u - u) * y;
        double tl = nl * y + (r * nh + nl * r), th = nh * y, t = th + tl;
        double z = t * t, w = z * z;
        double pp = w * vml_double(p[0]) + vml_double(p[1]), pq = w * vml_double(q[0]) + vml_double(q[1]);
        for (int k = 2; k < 6; k++) {
            pp = pp * w + vml_double(p[k]);
            pq = pq * w + vml_double(q[k]);
        }
        double res = (((pp * z + pq) * z) * t + (tl + vml_double(e[3])) + th) + vml_double(e[2]);
        out[i] = vml_double(vml_dbits(res) | (vml_dbits(v) & 0x8000000000000000ull));
    }
}

/* float64 erfinv's scalar path (vderfinv_cout_rare): a NaN as x + x, ±1 to ±inf, |x| > 1 (and infinities) the NaN
 * 0x7FF8...; ±0 itself; other |x| below 2^-53: 2^-256 (2^256 x * sqrt(pi)/2) with 2^256 x split at 2^36's
 * granularity and sqrt(pi)/2 in two parts, results below 2^-1022 rounded once into a subnormal (the 2^-766 bias) */
static double vml_derfinv_rare(double v)
{
    uint64_t b = vml_dbits(v);
    if ((b & 0x7ff0000000000000ull) == 0x7ff0000000000000ull)
        return b << 12 ? v + v : vml_double(0x7ff8000000000000ull);
    if (!(fabs(v) < 0x1p-35))
        return fabs(v) == 1.0 ? v / 0.0 : vml_double(0x7ff8000000000000ull);
    if (v == 0.0)
        return v;
    const double split = vml_double(0x4238000000010000ull), unsplit = vml_double(0xc238000000000000ull);
    const double c = vml_double(0x3fec5c0000000000ull);
    double x0 = 0x1p256 * v, x1 = x0 * unsplit + x0 * split, x3 = x0 - x1;
    x1 = x1 * c;
    x3 = x3 * c;
    x0 = x0 * vml_double(0xbecdb92c4255618full) + x3;
    x3 = x1 + x0;
    if (fabs(x3) >= 0x1p-766)
        return x3 * 0x1p-256;
    double bias = v < 0 ? -0x1p-766 : 0x1p-766;
    x3 = x3 + bias;
    x3 = x3 * unsplit + x3 * split;
    x1 = x1 - (x3 - bias);
    x0 = (x0 + x1) + x3;
    return vml_double(vml_dbits(x0) & 0x800fffffffffffffull);
}

/* float64 erfinv (dErfInv_EXHAynn): w = 1 - |x| with its rounding error e, an interval from w's exponent and top 2
 * mantissa bits (212 of them), u = w's low 50 mantissa bits on [1, 1.25) less 1.125 and t = u + e*2^-exponent;
 * p = (c14*t + c13)*t + ... + c1)*t, and with u's top bits uh the factor hi + lo = c15 + c16*t (hi cut to 26
 * mantissa bits, c16*uh split off): ((p + c0) + lo)*x + hi*x's low part + x's high part*hi. |x| up to 2^-53 and from
 * 1 (with NaN) take MKL's scalar path. */
static void vml_derfinv(const double *x, double *out, Py_ssize_t n)
{
    const uint64_t head = 0xfffffffff8000000ull;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v);
        uint32_t hi = (uint32_t)(vml_dbits(a) >> 32);
        if (!(hi > 0x3ca00000u && hi <= 0x3fefffffu)) {
            out[i] = vml_derfinv_rare(v);
            continue;
        }
        double w = 1.0 - a, e = (1.0 - w) - a;
        uint64_t wb = vml_dbits(w);
        double scale = vml_double(0x7fe0000000000000ull - (wb & 0x3ff0000000000000ull));
        double u = vml_double((wb & 0x0003ffffffffffffull) | 0x3ff0000000000000ull) + -1.125;
        double t = u + scale * e;
        const uint64_t *c = vml_derfinv_table[0xffb - (uint32_t)(wb >> 50)];
        double p = vml_double(c[14]) * t + vml_double(c[13]);
        for (int k = 12; k >= 1; k--)
            p = p * t + vml_double(c[k]);
        p = p * t;
        double uh = vml_double(vml_dbits(u) & head), c16 = vml_double(c[16]), c15 = vml_double(c[15]);
        double q = uh * c16, r = c16 * (t - uh);
        double fh = vml_double(vml_dbits(c15 + q) & head), fl = ((c15 - fh) + q) + r;
        double xh = vml_double(vml_dbits(v) & head), xl = v - xh;
        out[i] = ((p + vml_double(c[0])) + fl) * v + fh * xl + xh * fh;
    }
}

/* float32 log10's and log2's scalar paths (vslog10_cout_rare, vslog2_cout_rare): a NaN quieted (x*x), +inf;
 * log(±0) = -inf, of a negative number or -inf the NaN 0x7FC00000; a positive subnormal scaled by 2^40 (log2: 2^27),
 * m its mantissa on [1, 2), j = round(64*(m - 1)), mh = m rounded to 2^-10, the table's 1/(1 + j/64) f (fh: its top
 * 11 bits) and log(1 + j/64) (high, low): h = fh*mh - c, l = (f - fh)*mh + (m - mh)*f, r = h + l (p of degree 7 in
 * r), and (p*h + ((p*l + (k*L2 + low)) + l)) + ((k*L1 + high) + h) (log2: k + high, and low alone), all in float */
struct vml_slog_rare { const uint32_t (*table)[3]; float scale; int bias; int log2; uint32_t l1, l2, c, p[8]; };

static const struct vml_slog_rare vml_slog10_rare_steps = {
    vml_slog10_rare_table, 0x1p40f, 0xa7, 0, 0x3e9a0000u, 0x39826a14u, 0xc2de5c00u,
    {0xa22b5daeu, 0x25aa5bfdu, 0xa92c998bu, 0x2cb3e701u, 0xb04353b9u, 0x33e23666u, 0xb7935d5au, 0xbf7f0000u}};
static const struct vml_slog_rare vml_slog2_rare_steps = {
    vml_slog2_rare_table, 0x1p27f, 0x9a, 1, 0, 0, 0xc3b8aa40u,
    {0x9c1d865eu, 0x2081cd9du, 0xa4da74dcu, 0x293d1988u, 0xadaa8223u, 0x3223fe93u, 0xb6b1720fu, 0xbf7f0000u}};

static float vml_slog_rare(float v, const struct vml_slog_rare *c)
{
    uint32_t b = vml_bits(v), e = b & 0x7f800000u;
    if (e == 0x7f800000u)
        return (b & 0x807fffffu) == 0x80000000u ? vml_float(0x7fc00000u) : v * v;
    if (v == 0.0f)
        return -INFINITY;
    if (e == 0)
        v = v * c->scale;
    if (!(v > 0.0f))
        return vml_float(0x7fc00000u);
    b = vml_bits(v);
    float k = (float)((int)((b >> 23) & 0xff) - (e ? 0x7f : c->bias));
    float m = vml_float((b & 0x807fffffu) | 0x3f800000u);
    const uint32_t *t = c->table[vml_bits(m + vml_float(0x48000040u)) & 0x7f];
    float hi = c->log2 ? k + vml_float(t[1]) : k * vml_float(c->l1) + vml_float(t[1]);
    float lo = c->log2 ? vml_float(t[2]) : k * vml_float(c->l2) + vml_float(t[2]);
    float f = vml_float(t[0]), fh = vml_float(t[0] & 0xffffe000u);
    float mh = (m + 8192.0f) + -8192.0f, ml = (m - mh) * f;
    float h = fh * mh + vml_float(c->c), l = (f - fh) * mh + ml, r = h + l;
    float p = vml_float(c->p[0]) * r + vml_float(c->p[1]);
    for (int i = 2; i < 8; i++)
        p = p * r + vml_float(c->p[i]);
    hi = hi + h;
    return (p * h + ((p * l + lo) + l)) + hi;
}

/* log10's and log2's shared reduction of a positive normal x: m = x's mantissa times 2^-9 (log2: 2^-7, the
 * `scale` bits), y = the CPU's reciprocal estimate (rcpps) of m times `times` rounded to an integer, r = (mh*y - times)
 * + ml*y with mh = m & `head`; the table row at y's bits over 2^13 less `base`, in 8-byte steps */
static inline int vml_slog_reduce(uint32_t b, uint32_t scale, uint32_t times, uint32_t head, uint32_t base, float *r)
{
    float m = vml_float((b & 0x7fffffu) | scale);
    float y = _mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss(m))) * vml_float(times);
    y = (y + vml_float(0x4b400000u)) + vml_float(0xcb400000u);
    float mh = vml_float(vml_bits(m) & head), ml = m - mh;
    *r = (mh * y + vml_float(times | 0x80000000u)) + ml * y;
    return (int)(((vml_bits(y) >> 13) - base) >> 3);
}

/* float32 log10 (sLog10_EXHAynn): m = x's mantissa times 2^-9, y = the CPU's reciprocal estimate of it (rcpps)
 * times 111/256 rounded to an integer (111..222), r = (mh*y - 111/256) + ml*y (mh: m's top 15 bits), k x's biased
 * exponent; with the table's entry (high, low): A = k*L1 + high, s = A + r, and
 * (((r*c1 + c2)*r + c3)*r + (k*L2 + low)) + ((A - s) + r)) + s, all float SSE steps. x below 2^-126 (zeros,
 * subnormals, negative numbers), infinities and NaN take the scalar path. */
static void vml_slog10(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float v = x[i], r;
        if (v < 0x1p-126f || !(v <= FLT_MAX)) {
            out[i] = vml_slog_rare(v, &vml_slog10_rare_steps);
            continue;
        }
        uint32_t b = vml_bits(v);
        const uint32_t *t = vml_slog10_table[vml_slog_reduce(b, 0x3b000000u, 0x3ede0000u, 0x3b7fff00u, 0x216f0u, &r)];
        float k = (float)(int)(b >> 23);
        float a = k * vml_float(0x3e9a2100u) + vml_float(t[0]), lo = k * vml_float(0xb64af600u) + vml_float(t[1]);
        float p = (r * vml_float(0x3fe35103u) + vml_float(0xbf93d7e4u)) * r + vml_float(0x3ad3d366u);
        float s = a + r;
        out[i] = ((p * r + lo) + ((a - s) + r)) + s;
    }
}

/* float32 log2 (sLog2_EXHAynn): log10's steps with m = x's mantissa times 2^-7, y = its rcpps estimate times 23/16
 * rounded (92..184), r = (mh*y - 1.4375) + ml*y, A = high + k, and ((((A - s) + r) + low) + ((r*c1 + c2)*r + c3)*r) + s */
static void vml_slog2(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float v = x[i], r;
        if (v < 0x1p-126f || !(v <= FLT_MAX)) {
            out[i] = vml_slog_rare(v, &vml_slog2_rare_steps);
            continue;
        }
        uint32_t b = vml_bits(v);
        const uint32_t *t = vml_slog2_table[vml_slog_reduce(b, 0x3c000000u, 0x3fb80000u, 0x3c7fff00u, 0x215c0u, &r)];
        float a = vml_float(t[0]) + (float)(int)(b >> 23);
        float p = ((r * vml_float(0x3e25c86au) + vml_float(0xbeb2bb8cu)) * r + vml_float(0x3b6cd7e0u)) * r;
        float s = a + r;
        out[i] = ((((a - s) + r) + vml_float(t[1])) + p) + s;
    }
}

/* float64 log2's scalar path (vdlog2_cout_rare): x - 0 (a NaN quieted), +inf; log2 of -0 -inf, of a negative
 * number or -inf the NaN 0x7FF8...; +0 -inf; a positive subnormal's mantissa bits times 2^55, j its top 8 mantissa
 * bits, m its mantissa on [1, 2) and mh m's top 20 bits: with the C library's reciprocal c of 1 + j/256 (a float) and
 * -log2(c) (low, high), h = (mh*c - 1)*L, h split at 2^-20 as t + (h - t), and the result
 * ((k + high) + t) + (((h - t) + ((m - mh)*c*L + r^2*p(r))) + low), r = (mh*c - 1) + (m - mh)*c, p of degree 5. */
static double vml_dlog2_rare(double x)
{
    double zero = 0.0;
    __asm__("" : "+x"(zero)); /* (x - 0 as MKL computes it: a signalling NaN quieted, which GCC would fold away) */
    double v = x - zero;
    uint64_t b = vml_dbits(v);
    uint32_t hi = (uint32_t)(b >> 32), a = hi & 0x7fffffffu;
    if (hi > 0x7fefffffu) {
        if (a > 0x7ff00000u || (a == 0x7ff00000u && (uint32_t)b != 0) || !(b >> 63))
            return v;
        return (a | (uint32_t)b) == 0 ? -INFINITY : vml_double(0x7ff8000000000000ull);
    }
    if ((hi | (uint32_t)b) == 0)
        return -INFINITY;
    uint64_t s = vml_dbits(vml_double(b & 0x000fffffffffffffull) * 0x1p55);
    double k = (double)((int)(s >> 52) - 1078);
    unsigned j = (unsigned)(s >> 44) & 0xff;
    uint64_t head = (s & 0xc00fffff00000000ull) | 0x3ff0000000000000ull;
    double mh = vml_double(head), m = vml_double(head | (s & 0xffffffffull));
    double c = (double)vml_float(vml_dlog2_rcp_table[j][0]);
    double l = (m - mh) * c, h = mh * c + -1.0;
    double r = h + l, r2 = r * r;
    double p = (vml_double(0xbfcec718810d0357ull) * r2 + vml_double(0xbfd71547652a21f9ull)) * r2 +
               vml_double(0xbfe71547652b82feull);
    double q = ((vml_double(0x3fd27772978ff6bcull) * r2 + vml_double(0x3fdec709dc3944e3ull)) * r2 +
                vml_double(0x3e994ae0bf8613d6ull)) * r;
    const double L = vml_double(0x3ff7154700000000ull);
    p = p * r2 + q;
    l = l * L + p;
    h = h * L;
    double t = (0x1p32 + h) + -0x1p32;
    h = (h - t) + l;
    return ((k + vml_double(vml_dlog2_rare_table[j][1])) + t) + (h + vml_double(vml_dlog2_rare_table[j][0]));
}

/* float64 log2's and log10's shared steps (dLog2_EXHAynn, dLog10_EXHAynn): m = x's mantissa times 2^-9 (log10:
 * 2^-10), y = the CPU's float reciprocal estimate of it (rcpps) times `factor` rounded to an integer (log2: 369..738,
 * log10: 222..444), r = (mh*y - factor) + ml*y (mh: m's top 27 bits), k x's biased exponent; with the table's
 * -log2 or -log10 (high, low) for y (at byte offset y's bits over 2^shift less the first's): A = k*L1 + high,
 * B = k*L2 + low (log2: high + k, low), s = A + r, and the result ((((A - s) + r) + B) + p) + s,
 * p = (((r*c1 + c2)*r^2 + (r*c3 + c4))*r^2 + (r*c5 + c6))*r. x below 2^-1022 (zeros, subnormals, negative numbers),
 * infinities and NaN take the scalar path. */
struct vml_dlog_steps {
    const uint64_t (*table)[2];
    double (*rare)(double);
    uint64_t scale, head;
    double factor;
    int shift;
    uint64_t first, l1, l2, c[6];
};

static void vml_dlog_base(const double *x, double *out, Py_ssize_t n, const struct vml_dlog_steps *c)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i];
        if (v < 0x1p-1022 || !(v <= DBL_MAX)) {
            out[i] = c->rare(v);
            continue;
        }
        uint64_t b = vml_dbits(v);
        double m = vml_double((b & 0x000fffffffffffffull) | c->scale);
        double y = (double)_mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss((float)m))) * c->factor;
        y = (y + vml_double(0x4338000000000000ull)) + vml_double(0xc338000000000000ull);
        double mh = vml_double(vml_dbits(m) & c->head), ml = m - mh;
        double r = (mh * y + -c->factor) + ml * y, r2 = r * r;
        const uint64_t *t = c->table[((vml_dbits(y) >> c->shift) - c->first) >> 4];
        double k = (double)(int)(b >> 52);
        double a = k * vml_double(c->l1) + vml_double(t[0]), s = a + r;
        double lo = k * vml_double(c->l2) + vml_double(t[1]);
        double p = (((r * vml_double(c->c[0]) + vml_double(c->c[1])) * r2 +
                     (r * vml_double(c->c[2]) + vml_double(c->c[3]))) * r2 +
                    (r * vml_double(c->c[4]) + vml_double(c->c[5]))) * r;
        out[i] = ((((a - s) + r) + lo) + p) + s;
    }
}

static void vml_dlog2(const double *x, double *out, Py_ssize_t n)
{
    static const struct vml_dlog_steps steps = {
        vml_dlog2_table, vml_dlog2_rare, 0x3f60000000000000ull, 0x3f6ffffffc000000ull, 1.44140625, 39, 0x80ee20u,
        0x3ff0000000000000ull, 0, /* (high + k: k*1 exactly; low + k*0, the same) */
        {0xbf9b743ca0b38eebull, 0x3fa7be52039fb7ceull, 0xbfb563d0fce18810ull, 0x3fc48dead300e7bfull,
         0xbfd6386b9b9b5d42ull, 0x3f4d4c6d2bc5aea6ull}};
    vml_dlog_base(x, out, n, &steps);
}

/* float64 log10's scalar path (vdlog10_cout_rare): a NaN quieted (x*x), +inf; log10(±0) = -inf, of a negative number
 * or -inf the NaN 0x7FF8...; a positive subnormal scaled by 2^60, m its mantissa on [1, 2), j = round(64*(m - 1)),
 * mh = m rounded to 2^-29: with the table's 0.43359375/(1 + j/64) (f) and log10(1 + j/64) (high, low),
 * h = mh*f - 0.43359375, l = (m - mh)*f, p of degree 7 in h + l, and (p*h + ((p*l + (k*L2 + low)) + l)) +
 * ((k*L1 + high) + h). */
static double vml_dlog10_rare(double x)
{
    static const struct vml_dlog_rare steps = {vml_dlog10_rare_table, 0x3fd34413509f8000ull, 0xbd380433b83b532aull,
                                               8388608.0, -0.43359375};
    double special, hi, lo, h, l;
    if (!vml_dlog_rare_steps(x, &steps, &special, &hi, &lo, &h, &l))
        return special;
    static const uint64_t c[8] = {0xc045b3214e75eea2ull, 0x40358992e1b1aa78ull, 0xc025c90e698cfb68ull,
                                  0x4016ab9f7b1efe5cull, 0xc008930964d42479ull, 0x3ffc6a02dc963a31ull,
                                  0xbff27af2dc77b115ull, 0x3f5a7a6cbf2e4107ull};
    double p = vml_dhorner(c, 8, h + l);
    hi = hi + h;
    return (p * h + ((p * l + lo) + l)) + hi;
}

/* float64 log10 (dLog10_EXHAynn): see vml_dlog_base */
static void vml_dlog10(const double *x, double *out, Py_ssize_t n)
{
    static const struct vml_dlog_steps steps = {
        vml_dlog10_table, vml_dlog10_rare, 0x3f50000000000000ull, 0x3f5ffffffc000000ull, 0.43359375, 40, 0x406bc0u,
        0x3fd34413509f0000ull, 0x3d7e7fbcc47c0000ull,
        {0xc025c91a15f7eb9full, 0x4016aba863a166dbull, 0xc008930964d2fa9bull, 0x3ffc6a02dc954978ull,
         0xbff27af2dc77b115ull, 0x3f5a7a6cbf2e410cull}};
    vml_dlog_base(x, out, n, &steps);
}

/* float64 tan (dTan_EXHAynn), |x| up to 65536.0035: sin's reduction of |x| by pi/256 (n = round(|x|*256/pi) by
 * adding 1.5*2^52, r = (|x| - n*P1) - n*P2, its low part rl = -n*P3 + (((|x| - n*P1) - r) - n*P2), then R = r + rl
 * with its rounding error Rl); with the table's entry j = n mod 256 (c = j*pi/256): d = (pi/2 - c) - R split into
 * its top 26 bits dh and the rest dl (pi/2 - c's low part and the rounding errors in it), y = the CPU's float
 * reciprocal estimate (rcpps) of dh cut to 26 bits, e = 1 - dh*y, Y = (e^2 + 1)*(e*y + y), and the weight w of
 * 1/d: y*w and ((dl*Y)^2 + (e - dl*Y))*Y*w its low part; tan(c) + a1*R in two parts h + l (a1 = the head of degree
 * 1), s = h + y*w in two parts, and (R*p(R) + (((a1' + a1)*Rl + low) + tan(c)'s low)) + s, p of degree 6 from a1'
 * (the rest of degree 1), x's sign. Larger |x| (MKL's long reduction, not reproduced: the C library's value there),
 * infinities and NaN (x*0) take the other path. */
static void vml_dtan(const double *x, double *out, Py_ssize_t n)
{
    const uint64_t head = 0xfffffffff8000000ull;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v);
        if (!(a <= vml_double(0x40f000000e4db24cull))) {
            out[i] = isfinite(v) ? tan(v) : v * 0.0;
            continue;
        }
        double s = a * vml_double(0x40545f306dc9c883ull) + vml_double(0x4338000000000000ull);
        double k = s + vml_double(0xc338000000000000ull);
        double r1 = k * vml_double(0xbf8921fb54400000ull) + a, t = k * vml_double(0x3d60b4611a600000ull);
        double r = r1 - t, rl = k * vml_double(0xbb33198a2e037073ull) + ((r1 - r) - t);
        double R = r + rl, Rl = (r - R) + rl;
        const uint64_t *e = vml_dtan_table[vml_dbits(s) & 0xff];
        double c0 = vml_double(e[0]), d = c0 - R, dh = vml_double(vml_dbits(d) & head);
        double dl = ((d - dh) + vml_double(e[1])) + (((c0 - d) - R) - Rl);
        double y = vml_double(vml_dbits((double)_mm_cvtss_f32(_mm_rcp_ss(_mm_set_ss((float)dh)))) & head);
        double u = 1.0 - dh * y, Y = (u * u + 1.0) * (u * y + y), q = dl * Y;
        double w = vml_double(e[2]), ql = (q * q + (u - q)) * Y * w, yw = y * w;
        double R2 = R * R;
        double p = ((vml_double(e[12]) * R2 + (vml_double(e[11]) * R + vml_double(e[10]))) * (R2 * R2) +
                    ((vml_double(e[9]) * R + vml_double(e[8])) * R2 + (vml_double(e[7]) * R + vml_double(e[6])))) * R;
        double a1 = R * vml_double(e[5]), h = vml_double(e[3]) + a1;
        double l = ((vml_double(e[3]) - h) + a1) + ql;
        double sh = h + yw, sl = ((yw - sh) + h) + l;
        double res = (p + (((vml_double(e[6]) + vml_double(e[5])) * Rl + sl) + vml_double(e[4]))) + sh;
        out[i] = vml_double(vml_dbits(res) ^ (vml_dbits(v) & 0x8000000000000000ull));
    }
}

/* float64 asin's and acos's shared steps (dAsin_EXHAynn, dAcos_EXHAynn): y = 1/2 - |x|/2, z = min(x^2, y) (the
 * polynomial's variable), 2*sqrt(y) as sh + corr: g = the CPU's float estimate of 1/sqrt(y) (rsqrtps) cut to 16
 * bits (0 for y below 2^-255), 2y (0 where x^2 < y) split at its top 26 bits th + tl, sh = th*g, sl = tl*g,
 * e = (g*sh - 2) + g*sl and corr = q(e)*((sh + sl)*e) - sl, q of degree 3; p = z*P(z), P of degree 11 */
struct vml_darc { double sh, corr, p, z; int big; };

static inline struct vml_darc vml_darc_steps(double v, double a)
{
    double y = 0.5 - a * 0.5, x2 = v * v, z = x2 < y ? x2 : y;
    double rs = (double)_mm_cvtss_f32(_mm_rsqrt_ss(_mm_set_ss((float)y)));
    double g = y < vml_double(0x3000000000000000ull) ? 0.0 : vml_double(vml_dbits(rs) & 0xffffff0000000000ull);
    double t = z < y ? 0.0 : y + y, th = vml_double(vml_dbits(t) & 0xfffffffffc000000ull), tl = t - th;
    double sh = th * g, sl = tl * g;
    double e = (g * sh + -2.0) + g * sl;
    double q = ((e * vml_double(0xbf918000993b24c3ull) + vml_double(0x3fa400006f70d42dull)) * e +
                vml_double(0xbfb7fffffffffe97ull)) * e + vml_double(0x3fcfffffffffff9dull);
    struct vml_darc r;
    r.sh = sh;
    r.z = z;
    r.big = !(z < y);
    r.corr = q * ((sh + sl) * e) - sl;
    double z2 = z * z;
    double p = (z2 * z2) * ((z * vml_double(0x3fa07520c70eb909ull) + vml_double(0xbf90fb17f7dbb0edull)) * z2 +
                            (z * vml_double(0x3f943f44bfbc3baeull) + vml_double(0x3f7a583395d45ed5ull))) +
               ((z * vml_double(0x3f88f8dc2afccad6ull) + vml_double(0x3f8c6dbbcb88bd57ull)) * z2 +
                (z * vml_double(0x3f91c6dcf538ad2eull) + vml_double(0x3f96e89cebdefaddull)));
    p = p * z2 + (z * vml_double(0x3f9f1c72e13ad8beull) + vml_double(0x3fa6db6db3b445f8ull));
    r.p = ((p * z + vml_double(0x3fb333333337e0deull)) * z + vml_double(0x3fc555555555529cull)) * z;
    return r;
}

/* float64 asin (dAsin_EXHAynn): with the shared steps, |x| below 1/2: (|x|*p + 0) + |x|; from 1/2 up:
 * h = pi/2 - sh, ((corr - sh)*p + (((pi/2 - h) - sh) + (corr + pi/2's low part))) + h; x's sign. |x| above 1 (and
 * infinities) take the scalar path: the NaN 0xFFF8...; a NaN comes out quieted with its payload's top 11 bits. */
static void vml_dasin(const double *x, double *out, Py_ssize_t n)
{
    const double pi2 = vml_double(0x3ff921fb54442d18ull), pi2l = vml_double(0x3c91a62633145c07ull);
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v), res;
        if (!(a <= 1.0)) { /* (a NaN: quieted, as MKL's steps carry it through 1/sqrt's 16 bits) */
            out[i] = a != a ? vml_double((vml_dbits(v) | 0x0008000000000000ull) & 0xffffff0000000000ull)
                            : vml_double(0xfff8000000000000ull);
            continue;
        }
        struct vml_darc c = vml_darc_steps(v, a);
        if (a < 0.5) {
            res = (a * c.p + 0.0) + a;
        } else {
            double h = pi2 - c.sh;
            res = ((c.corr - c.sh) * c.p + (((pi2 - h) - c.sh) + (c.corr + pi2l))) + h;
        }
        out[i] = vml_double(vml_dbits(res) ^ (vml_dbits(v) & 0x8000000000000000ull));
    }
}

/* float64 acos (dAcos_EXHAynn): with asin's steps, where x^2 < y: m = -|x|, the sum ((((m - corr)*p + (l - corr))
 * + m) with x's sign) + pi/2 and l = pi/2's low part with x's sign; elsewhere m = sh, and pi (l = -pi's low part)
 * or 0 added (l = 0) for x negative or not. |x| above 1, infinities and NaN take the scalar path: x/x (a NaN
 * quieted), the NaN 0xFFF8... */
static void vml_dacos(const double *x, double *out, Py_ssize_t n)
{
    const uint64_t sign = 0x8000000000000000ull;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i], a = fabs(v);
        if (!(a <= 1.0)) {
            out[i] = a != a ? vml_double(vml_dbits(v) | 0x0008000000000000ull) : vml_double(0xfff8000000000000ull);
            continue;
        }
        struct vml_darc c = vml_darc_steps(v, a);
        int big = c.big, neg = big && !(c.z < v);
        double m = big ? c.sh : -a;
        double add = big ? (neg ? vml_double(0x400921fb54442d18ull) : 0.0) : vml_double(0x3ff921fb54442d18ull);
        uint64_t lo = big ? (neg ? 0x3ca1a62633145c07ull : 0) : 0x3c91a62633145c07ull;
        double l = vml_double(lo | (vml_dbits(v) & sign));
        double res = (((m - c.corr) * c.p + (l - c.corr)) + m);
        out[i] = vml_double(vml_dbits(res) ^ (vml_dbits(v) & sign)) + add;
    }
}

#pragma GCC pop_options
#else
static int mkl_vml_ex(void) { return 0; }

/* (never called: kernels.py takes its correctly rounded values where MKL_VML_EX is 0; the same here) */
#define VML_ROUNDED(name, T, fn) \
    static void name(const T *x, T *out, Py_ssize_t n) \
    { \
        for (Py_ssize_t i = 0; i < n; i++) \
            out[i] = (T)fn((double)x[i]); \
    }
VML_ROUNDED(vml_sln, float, log)
VML_ROUNDED(vml_sexp, float, exp)
VML_ROUNDED(vml_dexp, double, exp)
VML_ROUNDED(vml_ssin, float, sin)
VML_ROUNDED(vml_scos, float, cos)
VML_ROUNDED(vml_satan, float, atan)
VML_ROUNDED(vml_stan, float, tan)
VML_ROUNDED(vml_sasin, float, asin)
VML_ROUNDED(vml_sacos, float, acos)
VML_ROUNDED(vml_dtanh, double, tanh)
VML_ROUNDED(vml_serf, float, erf)
VML_ROUNDED(vml_serfc, float, erfc)
VML_ROUNDED(vml_derf, double, erf)
VML_ROUNDED(vml_derfc, double, erfc)
VML_ROUNDED(vml_stanh, float, tanh)
VML_ROUNDED(vml_dln, double, log)
VML_ROUNDED(vml_dsin, double, sin)
VML_ROUNDED(vml_dcos, double, cos)
VML_ROUNDED(vml_datan, double, atan)
#define vml_serfinv NULL /* (no erfinv in the C library) */
#define vml_derfinv NULL
VML_ROUNDED(vml_slog10, float, log10)
VML_ROUNDED(vml_slog2, float, log2)
VML_ROUNDED(vml_dlog2, double, log2)
VML_ROUNDED(vml_dlog10, double, log10)
VML_ROUNDED(vml_dtan, double, tan)
VML_ROUNDED(vml_dasin, double, asin)
VML_ROUNDED(vml_dacos, double, acos)
#endif

/* float64 sqrt (dSqrt_EXHAynn): y = 1/sqrt(x) from the CPU's float estimate (rsqrtps) of the mantissa taken to
 * [1, 4) by the exponent's parity, times 2^(-e/2) built in the exponent field; with x = hi + lo (hi: x's top 26
 * mantissa bits), e = (1 - hi*y^2) - lo*y^2 and p(e) = e*(c4 + e*(c3 + e*(c2 + e*c1))), the root is
 * hi*y + (lo*y + p*y*x) (not always the correctly rounded one: ~1 result in 75 is an ulp off). x not a positive
 * normal below 2^1022 takes the scalar path: the correctly rounded root, of a negative number the NaN 0x7FF8... */
static void vml_dsqrt(const double *x, double *out, Py_ssize_t n)
{
    const double c1 = vml_double(0x3fd1800032338cbbull), c2 = vml_double(0x3fd40000b13001d9ull);
    const double c3 = vml_double(0x3fd80000000000f6ull), c4 = vml_double(0x3fdffffffffffe71ull);
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = x[i];
        uint64_t b;
        memcpy(&b, &v, 8);
        if ((int32_t)((uint32_t)(b >> 32) + 0x7ff00000u) > (int32_t)0xffbfffffu) {
            out[i] = v < 0 ? vml_double(0x7ff8000000000000ull) : sqrt(v);
            continue;
        }
        uint64_t even = ~b & 0x0010000000000000ull;
        float f = vml_float((uint32_t)(((b & 0x001fffffe0000000ull) | (even + 0x07f0000000000000ull)) >> 29));
        double scale = vml_double((even - (b & 0x7ff0000000000000ull) + 0xbfd0000000000000ull) >> 1);
        double y = scale * (double)_mm_cvtss_f32(_mm_rsqrt_ss(_mm_set_ss(f))), y2 = y * y;
        double hi = vml_double(b & 0xfffffffff8000000ull), lo = v - hi;
        double e = (1.0 - hi * y2) - lo * y2;
        double p = (((e * c1 + c2) * e + c3) * e + c4) * e;
        out[i] = hi * y + (lo * y + p * y * v);
    }
}

typedef void (*vml_float_loop)(const float *, float *, Py_ssize_t);
typedef void (*vml_double_loop)(const double *, double *, Py_ssize_t);

/* the kernels reproduced, by VML's names for them: the EX code's float32 and float64 (above), the Z0 code's
 * (_ckernels_vml_z0.h); a NULL loop: that one is not */
static const struct {
    const char *name;
    vml_float_loop s;
    vml_double_loop d;
    vml_float_loop z0_s;
    vml_double_loop z0_d;
} vml_kernels[] = {
    {"Ln", vml_sln, vml_dln, z0_sln, NULL},
    {"Exp", vml_sexp, vml_dexp, z0_sexp, NULL},
    {"Sin", vml_ssin, vml_dsin, z0_ssin, z0_dsin},
    {"Cos", vml_scos, vml_dcos, z0_scos, z0_dcos},
    {"Atan", vml_satan, vml_datan, z0_satan, NULL},
    {"Tan", vml_stan, vml_dtan, z0_stan, NULL},
    {"Asin", vml_sasin, vml_dasin, z0_sasin, NULL},
    {"Acos", vml_sacos, vml_dacos, z0_sacos, NULL},
    {"Tanh", vml_stanh, vml_dtanh, z0_stanh, z0_dtanh},
    {"Erf", vml_serf, vml_derf, z0_serf, z0_derf},
    {"Sqrt", NULL, vml_dsqrt, NULL, z0_dsqrt},
    {"ErfInv", vml_serfinv, vml_derfinv, z0_serfinv, NULL},
    {"Erfc", vml_serfc, vml_derfc, z0_serfc, NULL},
    {"Log2", vml_slog2, vml_dlog2, z0_slog2, NULL},
    {"Log10", vml_slog10, vml_dlog10, z0_slog10, NULL},
};
