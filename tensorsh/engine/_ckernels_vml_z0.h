/* PyTorch's float32 exp, log, log2, log10, sin, cos, tan, atan, asin, acos, tanh, erf, erfc and erfinv and float64
 * sin, cos, tanh, sqrt and erf on Intel CPUs with AVX-512: MKL's VML "Z0" kernels in their
 * high-accuracy mode (mkl_vml_kernel_s<Fn>_Z0HAynn in torch's libtorch_cpu.so), the code MKL runs there instead
 * of the EX code of _ckernels_vml.h. Read from their disassembly: each operation below is one of the kernel's
 * AVX-512 instructions with the same embedded rounding, on the constants and tables it loads (hexadecimal bits
 * as read; tanh's 9 tables of 32 are its per-interval polynomial coefficients, not regenerable from a
 * definition). kernels.py uses them where MKL would run them (an Intel CPU, TENSORSH_MKL_CPU aside, that has
 * AVX-512); they run on any CPU with AVX-512 F/DQ/VL, so the tests compare them with MKL's own anywhere
 * (tests/engine/test_mkl_vml.py). Lanes MKL sends to its scalar path are given the correctly rounded value,
 * which is what that path returns for them (exp beyond |x| 87.3, tanh of |x| above 2^127, inf, NaN); float32 sin
 * and cos beyond |x| 10000 reduce by a long 1/pi, not reproduced (the correctly rounded value, ~99.8% the same). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)

#define Z0 __attribute__((target("avx512f,avx512dq,avx512vl")))
#define Z0_RN (_MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#define Z0_RZ (_MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC)

/* whether this CPU can run them */
static int mkl_vml_z0(void)
{
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
}

Z0 static inline __m512 z0_f(uint32_t bits) { return _mm512_castsi512_ps(_mm512_set1_epi32((int)bits)); }
Z0 static inline __m512d z0_d(uint64_t bits) { return _mm512_castsi512_pd(_mm512_set1_epi64((long long)bits)); }

Z0 static inline __m512 z0_table(const uint32_t *t, __m512i index) /* t[index & 31] per lane (vpermt2ps) */
{
    return _mm512_permutex2var_ps(_mm512_loadu_ps((const float *)t), index, _mm512_loadu_ps((const float *)t + 16));
}

/* float32 exp (sExp_Z0HAynn): t = x/ln2 + 1.5*2^18 rounded toward zero (n = t - 1.5*2^18 in 32nds),
 * r = x - n*ln2 in two fused parts, 2^(j/32) from the index's last 5 bits as hi and a relative lo,
 * exp = s*(lo + r + r^2*(c2 + r*c3)) + s with s = hi * 2^floor(n) (vscalefps). */
static const uint32_t z0_sexp_lo[32] = {
    0x00000000, 0xb34a3a0a, 0x3346cb6a, 0xb36ed17e, 0xb24e0611, 0xb3517dd9, 0x334b2482, 0xb31586de,
    0x33092801, 0xb2e6f467, 0x331b85f2, 0x3099b6f1, 0xb3051aa8, 0xb2e2a0da, 0xb2006c56, 0xb3365942,
    0x329302ae, 0x32c595dc, 0xb302e5a2, 0xb28e10a1, 0x31b3d0e5, 0xb31a472b, 0x31d1daf2, 0xb305bf64,
    0xb27ce182, 0xb2f26443, 0xb1b4b0da, 0xb1da8a8f, 0xb1d290be, 0xb2d5b899, 0x31b0a147, 0xb2156afc};
static const uint32_t z0_sexp_hi[32] = {
    0x3f800000, 0x3f82cd87, 0x3f85aac3, 0x3f88980f, 0x3f8b95c2, 0x3f8ea43a, 0x3f91c3d3, 0x3f94f4f0,
    0x3f9837f0, 0x3f9b8d3a, 0x3f9ef532, 0x3fa27043, 0x3fa5fed7, 0x3fa9a15b, 0x3fad583f, 0x3fb123f6,
    0x3fb504f3, 0x3fb8fbaf, 0x3fbd08a4, 0x3fc12c4d, 0x3fc5672a, 0x3fc9b9be, 0x3fce248c, 0x3fd2a81e,
    0x3fd744fd, 0x3fdbfbb8, 0x3fe0ccdf, 0x3fe5b907, 0x3feac0c7, 0x3fefe4ba, 0x3ff5257d, 0x3ffa83b3};

Z0 static void z0_sexp(const float *x, float *out, Py_ssize_t n)
{
    const __m512 shifter = z0_f(0x48C00000);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_maskz_loadu_ps(lanes, x + i);
        __m512 t = _mm512_fmadd_round_ps(v, z0_f(0x3FB8AA3B), shifter, Z0_RZ);
        __m512 k = _mm512_sub_round_ps(t, shifter, Z0_RN);
        __m512 r = _mm512_fmadd_round_ps(k, z0_f(0xBF317218), v, Z0_RN);
        r = _mm512_fmadd_round_ps(k, z0_f(0x3102E308), r, Z0_RN);
        __m512i j = _mm512_castps_si512(t);
        r = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(r), _mm512_set1_epi32((int)0xBFFFFFFF)));
        __m512 r2 = _mm512_mul_round_ps(r, r, Z0_RN);
        __m512 lo = _mm512_add_round_ps(z0_table(z0_sexp_lo, j), r, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(r, z0_f(0x3E2AABF3), z0_f(0x3F0000F6), Z0_RN);
        lo = _mm512_fmadd_round_ps(p, r2, lo, Z0_RN);
        __m512 s = _mm512_scalef_round_ps(z0_table(z0_sexp_hi, j), k, Z0_RN);
        __m512 res = _mm512_fmadd_round_ps(lo, s, s, Z0_RN);
        __m512 magnitude = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7FFFFFFF)));
        __mmask16 rare = _mm512_cmp_ps_mask(z0_f(0x42AEAC4F), magnitude, _CMP_LE_OS);
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++)
            if ((rare >> l) & 1)
                out[i + l] = (float)exp((double)x[i + l]);
    }
}

/* float32 sin and cos (sSin/sCos_Z0HAynn): n = |x|/pi (cos: (|x| + pi/2)/pi, less 1/2) rounded by adding
 * 1.5*2^23 in a float fma, then in double r = |x| - n*pi in two fused parts (pi's high part 0x400921FB54440000)
 * and r + r*r2*(c1 + r2*(c2 + r2*(c3 + r2*c4))), rounded to float; the sign from n's last bit (and sin's from x). */
Z0 static void z0_ssincos(const float *x, float *out, Py_ssize_t n, int cosine)
{
    const __m512 shifter = z0_f(0x4B400000);
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m256i bits = _mm256_maskz_loadu_epi32(lanes, x + i);
        __m256 a = _mm256_castsi256_ps(_mm256_and_si256(bits, _mm256_set1_epi32(0x7FFFFFFF)));
        __m512 base = _mm512_castps256_ps512(a);
        if (cosine)
            base = _mm512_add_round_ps(base, z0_f(0x3FC90FDB), Z0_RN);
        __m512 t = _mm512_fmadd_round_ps(base, z0_f(0x3EA2F983), shifter, Z0_RN);
        __m512 k = _mm512_sub_round_ps(t, shifter, Z0_RN);
        if (cosine)
            k = _mm512_sub_round_ps(k, z0_f(0x3F000000), Z0_RN);
        __m512d kd = _mm512_cvtps_pd(_mm512_castps512_ps256(k));
        __m512d r = _mm512_fnmadd_round_pd(z0_d(0x400921FB54440000ull), kd, _mm512_cvtps_pd(a), Z0_RN);
        r = _mm512_fnmadd_round_pd(kd, z0_d(0x3D968C234C4C6629ull), r, Z0_RN);
        __m512d r2 = _mm512_mul_round_pd(r, r, Z0_RN);
        __m512d p = _mm512_fmadd_round_pd(r2, z0_d(0x3EC5DBDF0E4C7DEEull), z0_d(0xBF29F6FFEEA73463ull), Z0_RN);
        p = _mm512_fmadd_round_pd(r2, p, z0_d(0x3F8110ED3804CA96ull), Z0_RN);
        p = _mm512_fmadd_round_pd(r2, p, z0_d(0xBFC55554BC836587ull), Z0_RN);
        p = _mm512_mul_round_pd(p, r2, Z0_RN);
        __m256i res = _mm256_castps_si256(_mm512_cvt_roundpd_ps(_mm512_fmadd_round_pd(p, r, r, Z0_RN), Z0_RN));
        res = _mm256_xor_si256(res, _mm512_castsi512_si256(_mm512_slli_epi32(_mm512_castps_si512(t), 31)));
        if (!cosine)
            res = _mm256_xor_si256(res, _mm256_and_si256(bits, _mm256_set1_epi32((int)0x80000000)));
        float lane[8];
        _mm256_storeu_si256((__m256i *)lane, res);
        for (int l = 0; l < m; l++) {
            float v = x[i + l];
            out[i + l] = fabsf(v) <= 10000.0f ? lane[l] : (float)(cosine ? cos((double)v) : sin((double)v));
        }
    }
}

static void z0_ssin(const float *x, float *out, Py_ssize_t n) { z0_ssincos(x, out, n, 0); }
static void z0_scos(const float *x, float *out, Py_ssize_t n) { z0_ssincos(x, out, n, 1); }

/* float64 sin and cos (dSin/dCos_Z0HAynn): t = x*16/pi + 1.5*2^52 (k = t - 1.5*2^52), r = x - k*pi/16 in three
 * fused parts with the rounding errors of the last two kept (e); j = k mod 16 picks sin and cos of j*pi/16 (S, C)
 * and their low parts (one word: C's, and S's in its low half); then sin = (S + C*r) + (r^2*(S*pc + ps*C*r) +
 * rounding terms) and cos = (C - S*r) + (r^2*(C*pc - ps*S*r) + rounding terms), pc and ps of degree 4 in r^2;
 * the sign from k's fifth bit (sin(-0) = -0). |x| beyond 2^24, inf and NaN take MKL's scalar path: the C library's
 * value here (~99.9% the same). */
static const uint64_t z0_dsincos_tables[3][16] = {
    {0x0000000000000000ull, 0x3FC8F8B83C69A60Bull, 0x3FD87DE2A6AEA963ull, 0x3FE1C73B39AE68C8ull,
     0x3FE6A09E667F3BCDull, 0x3FEA9B66290EA1A3ull, 0x3FED906BCF328D46ull, 0x3FEF6297CFF75CB0ull,
     0x3FF0000000000000ull, 0x3FEF6297CFF75CB0ull, 0x3FED906BCF328D46ull, 0x3FEA9B66290EA1A3ull,
     0x3FE6A09E667F3BCDull, 0x3FE1C73B39AE68C8ull, 0x3FD87DE2A6AEA963ull, 0x3FC8F8B83C69A60Bull},
    {0x3FF0000000000000ull, 0x3FEF6297CFF75CB0ull, 0x3FED906BCF328D46ull, 0x3FEA9B66290EA1A3ull,
     0x3FE6A09E667F3BCDull, 0x3FE1C73B39AE68C8ull, 0x3FD87DE2A6AEA963ull, 0x3FC8F8B83C69A60Bull,
     0x0000000000000000ull, 0xBFC8F8B83C69A60Bull, 0xBFD87DE2A6AEA963ull, 0xBFE1C73B39AE68C8ull,
     0xBFE6A09E667F3BCDull, 0xBFEA9B66290EA1A3ull, 0xBFED906BCF328D46ull, 0xBFEF6297CFF75CB0ull},
    {0x0000000000000000ull, 0x3C756217BC626D19ull, 0x3C7457E6BC672CEDull, 0x3C39F6303C8B25DDull,
     0xBC8BDD34BC8BDD34ull, 0x3C8B25DD3C39F630ull, 0xBC672CED3C7457E6ull, 0xBC626D193C756217ull,
     0x0000000000000000ull, 0x3C626D193C756217ull, 0x3C672CED3C7457E6ull, 0xBC8B25DD3C39F630ull,
     0x3C8BDD34BC8BDD34ull, 0xBC39F6303C8B25DDull, 0xBC7457E6BC672CEDull, 0xBC756217BC626D19ull},
};

Z0 static inline __m512d z0_dtable(const uint64_t *t, __m512i index) /* t[index & 15] per lane (vpermt2pd) */
{
    return _mm512_permutex2var_pd(_mm512_loadu_pd((const double *)t), index, _mm512_loadu_pd((const double *)t + 8));
}

Z0 static void z0_dsincos(const double *x, double *out, Py_ssize_t n, int cosine)
{
    const __m512d shifter = z0_d(0x4338000000000000ull), p2 = z0_d(0x3C61A62633000000ull);
    const __m512d p3 = z0_d(0x3A645C06E0E68948ull);
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m512d v = _mm512_maskz_loadu_pd(lanes, x + i);
        __m512d t = _mm512_fmadd_round_pd(v, z0_d(0x40145F306DC9C883ull), shifter, Z0_RN);
        __m512d k = _mm512_sub_round_pd(t, shifter, Z0_RN);
        __m512i tb = _mm512_castpd_si512(t);
        if (!cosine) /* (-0: the fifth bit set, for its sign) */
            tb = _mm512_mask_xor_epi64(tb, _mm512_cmpeq_epi64_mask(_mm512_castpd_si512(v),
                                       _mm512_set1_epi64((long long)0x8000000000000000ull)), tb, _mm512_set1_epi64(16));
        __m512d s = z0_dtable(z0_dsincos_tables[0], tb), c = z0_dtable(z0_dsincos_tables[1], tb);
        __m512d cl = z0_dtable(z0_dsincos_tables[2], tb);
        __m512d sl = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(cl), 32));
        __m512d r1 = _mm512_fnmadd_round_pd(k, z0_d(0x3FC921FB54442D18ull), v, Z0_RN);
        __m512d r0 = _mm512_fnmadd_round_pd(k, p2, r1, Z0_RN);
        __m512d r = _mm512_fnmadd_round_pd(k, p3, r0, Z0_RN);
        __m512d e2 = _mm512_fnmadd_round_pd(k, p2, _mm512_sub_round_pd(r1, r0, Z0_RN), Z0_RN);
        __m512d e3 = _mm512_fmadd_round_pd(k, p3, _mm512_sub_round_pd(r, r0, Z0_RN), Z0_RN);
        __m512d e = _mm512_sub_round_pd(e2, e3, Z0_RN);
        __m512d r2 = _mm512_mul_round_pd(r, r, Z0_RN);
        __m512d pc = _mm512_fmadd_round_pd(r2, z0_d(0x3EF9FFD7D9D749BCull), z0_d(0xBF56C16C075D73F8ull), Z0_RN);
        pc = _mm512_fmadd_round_pd(r2, pc, z0_d(0x3FA555555554E8D6ull), Z0_RN);
        pc = _mm512_fmadd_round_pd(r2, pc, z0_d(0xBFDFFFFFFFFFFFFCull), Z0_RN);
        __m512d ps = _mm512_fmadd_round_pd(r2, z0_d(0x3EC71C97D22A73DDull), z0_d(0xBF2A01A00ED01EDEull), Z0_RN);
        ps = _mm512_fmadd_round_pd(r2, ps, z0_d(0x3F8111111110E99Dull), Z0_RN);
        ps = _mm512_fmadd_round_pd(r2, ps, z0_d(0xBFC5555555555555ull), Z0_RN);
        __m512d hi, low, q;
        if (!cosine) {
            hi = _mm512_fmadd_round_pd(c, r, s, Z0_RN);
            __m512d lo = _mm512_fmsub_round_pd(c, r, _mm512_sub_round_pd(hi, s, Z0_RN), Z0_RN);
            lo = _mm512_fmadd_round_pd(r, cl, lo, Z0_RN);
            __m512d le = _mm512_fmadd_round_pd(e, _mm512_fnmadd_round_pd(s, r, c, Z0_RN), sl, Z0_RN);
            low = _mm512_add_round_pd(lo, le, Z0_RN);
            q = _mm512_fmadd_round_pd(ps, _mm512_mul_round_pd(c, r, Z0_RN), _mm512_mul_round_pd(s, pc, Z0_RN), Z0_RN);
        } else {
            hi = _mm512_fnmadd_round_pd(s, r, c, Z0_RN);
            __m512d lo = _mm512_fmsub_round_pd(s, r, _mm512_sub_round_pd(c, hi, Z0_RN), Z0_RN);
            lo = _mm512_fmadd_round_pd(r, sl, lo, Z0_RN);
            __m512d le = _mm512_fnmadd_round_pd(e, _mm512_fmadd_round_pd(c, r, s, Z0_RN), cl, Z0_RN);
            low = _mm512_sub_round_pd(le, lo, Z0_RN);
            q = _mm512_fnmadd_round_pd(ps, _mm512_mul_round_pd(s, r, Z0_RN), _mm512_mul_round_pd(c, pc, Z0_RN), Z0_RN);
        }
        __m512d res = _mm512_add_round_pd(hi, _mm512_fmadd_round_pd(r2, q, low, Z0_RN), Z0_RN);
        res = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(res), _mm512_and_si512(
            _mm512_slli_epi64(tb, 59), _mm512_set1_epi64((long long)0x8000000000000000ull))));
        __mmask8 scalar = _mm512_cmp_pd_mask(_mm512_abs_pd(v), z0_d(0x4170000000000000ull), _CMP_NLE_UQ) & lanes;
        _mm512_mask_storeu_pd(out + i, lanes, res);
        for (int l = 0; l < m; l++)
            if (scalar >> l & 1)
                out[i + l] = cosine ? cos(x[i + l]) : sin(x[i + l]);
    }
}

static void z0_dsin(const double *x, double *out, Py_ssize_t n) { z0_dsincos(x, out, n, 0); }
static void z0_dcos(const double *x, double *out, Py_ssize_t n) { z0_dsincos(x, out, n, 1); }

/* float32 tanh (sTanh_Z0HAynn): 32 intervals of |x| by its bits (x & 0x7fe00000, less 0x3d400000's, clamped,
 * >> 21), r = |x| - centre, and tanh(centre) + (low + r*r*p(r)) + r*d1 with p of degree 4 by Horner's rule in
 * fused steps, the interval's coefficients from its tables; the sign put back. */
static const uint32_t z0_stanh_tables[9][32] = {
    {/* centre */
     0x00000000, 0x3d700000, 0x3d900000, 0x3db00000, 0x3dd00000, 0x3df00000, 0x3e100000, 0x3e300000,
     0x3e500000, 0x3e700000, 0x3e900000, 0x3eb00000, 0x3ed00000, 0x3ef00000, 0x3f100000, 0x3f300000,
     0x3f500000, 0x3f700000, 0x3f900000, 0x3fb00000, 0x3fd00000, 0x3ff00000, 0x40100000, 0x40300000,
     0x40500000, 0x40700000, 0x40900000, 0x40b00000, 0x40d00000, 0x40f00000, 0x41100000, 0x00000000},
    {/* tanh(centre) */
     0x00000000, 0x3d6fb9c9, 0x3d8fc35f, 0x3daf9169, 0x3dcf49ab, 0x3deee849, 0x3e0f0ee8, 0x3e2e4984,
     0x3e4d2f8e, 0x3e6bb32e, 0x3e8c51cd, 0x3ea96163, 0x3ec543f1, 0x3edfd735, 0x3f028438, 0x3f18abf0,
     0x3f2bc480, 0x3f3bec1c, 0x3f4f2e5b, 0x3f613c53, 0x3f6ce37d, 0x3f743c4f, 0x3f7a5feb, 0x3f7dea85,
     0x3f7f3b3d, 0x3f7fb78c, 0x3f7fefd4, 0x3f7ffdd0, 0x3f7fffb4, 0x3f7ffff6, 0x3f7fffff, 0x3f800000},
    {/* low part */
     0x00000000, 0xb0a1501e, 0xb11d0b9e, 0xaf932f10, 0x30fa467c, 0x31249ef0, 0x312b9ae0, 0xb1dd8650,
     0xb044cc00, 0x31f9ba98, 0xb0ca4580, 0xb21e2644, 0xb234cc14, 0x32397534, 0xb2d0938e, 0xb1303240,
     0xb2ef278a, 0x32e33e9c, 0xb20b98c0, 0xb2d5b8c2, 0x32fe70b8, 0x32cec21a, 0x32c28572, 0xb2230d78,
     0xb2a2c238, 0xb2315220, 0xb2dddb64, 0xb2d020d0, 0x321fe128, 0xb2875bb0, 0x32fa6146, 0x00000000},
    {/* degree 1 */
     0x3f800000, 0x3f7f1f84, 0x3f7ebd11, 0x3f7e1e5f, 0x3f7d609f, 0x3f7c842d, 0x3f7b00e5, 0x3f789580,
     0x3f75b8ad, 0x3f726fd9, 0x3f6cc59b, 0x3f63fb92, 0x3f59ff97, 0x3f4f11d7, 0x3f3d7573, 0x3f24f360,
     0x3f0cbfe7, 0x3eec1a69, 0x3eb0a801, 0x3e6753a2, 0x3e132f1a, 0x3db7e7d3, 0x3d320845, 0x3c84d3d4,
     0x3bc477b7, 0x3b10d3da, 0x3a01601e, 0x388c1a3b, 0x3717b0da, 0x35a43bce, 0x338306c6, 0x00000000},
    {/* degree 2 */
     0xb0343c7b, 0xbd6ee69d, 0xbd8f0da7, 0xbdae477d, 0xbdcd2a1f, 0xbdeba80d, 0xbe0c443b, 0xbe293cf3,
     0xbe44f282, 0xbe5f3651, 0xbe81c7c0, 0xbe96d7ca, 0xbea7fb8e, 0xbeb50e9e, 0xbec12efe, 0xbec4be92,
     0xbebce070, 0xbead510e, 0xbe8ef7d6, 0xbe4b8704, 0xbe083237, 0xbdaf7449, 0xbd2e1ec4, 0xbc83bf06,
     0xbbc3e0b5, 0xbb10aadc, 0xba0157db, 0xb88c18f2, 0xb717b096, 0xb5a43bae, 0xb383012c, 0x00000000},
    {/* degree 3 */
     0xbeaaaaa5, 0xbeab0612, 0xbea7f01f, 0xbea4e120, 0xbea387b7, 0xbea15962, 0xbe9d57f7, 0xbe976b5a,
     0xbe90230d, 0xbe880dff, 0xbe7479b3, 0xbe4c3d88, 0xbe212482, 0xbdeb8cba, 0xbd5e78ad, 0x3c6b5e6e,
     0x3d839143, 0x3dc21ee1, 0x3de347af, 0x3dcbec96, 0x3d99ef2d, 0x3d542ea1, 0x3cdde701, 0x3c2cca67,
     0x3b81cb27, 0x3ac073a1, 0x39ac3032, 0x383a94d9, 0x36ca081d, 0x355abd4c, 0x332b3cb6, 0x00000000},
    {/* degree 4 */
     0xb76dd6b9, 0xbe1c276d, 0x3c1dcf2f, 0x3dc1a78d, 0x3d96f985, 0x3da2b61b, 0x3dc13397, 0x3dd2f670,
     0x3df48a0a, 0x3e06c5a8, 0x3e1a3aba, 0x3e27c405, 0x3e2e78d0, 0x3e2c3e44, 0x3e1d3097, 0x3df4a8f4,
     0x3da38508, 0x3d31416a, 0x3b562657, 0xbcaeeac9, 0xbcce9419, 0xbcaaeac4, 0xbc49e7d0, 0xbba71ddd,
     0xbb003b0e, 0xba3f9a05, 0xb92c08a7, 0xb7ba9232, 0xb64a0b0f, 0xb4dac169, 0xb2ab78ac, 0x00000000},
    {/* degree 5 */
     0x3e0910e9, 0x43761143, 0x4165ecdc, 0xc190f756, 0xc08c097d, 0xc02ba813, 0xbf7f6bda, 0x3f2b1dc0,
     0x3ece105d, 0x3f426a94, 0xbadb0dc4, 0x3da43b17, 0xbd51ab88, 0xbcaea23d, 0xbd3b6d8d, 0xbd6caaad,
     0xbd795bed, 0xbd5fddda, 0xbd038f3b, 0xbc1cad63, 0x3abb4766, 0x3b95f10b, 0x3b825873, 0x3afaea66,
     0x3a49f878, 0x39996bf3, 0x388f3e6c, 0x371bb0e3, 0x35a8a5e6, 0x34369b17, 0x322487b0, 0x00000000},
    {/* degree 6 */
     0xbc0e2f66, 0x460bda12, 0x43d638ef, 0xc3e11c3e, 0xc2baa4e9, 0xc249da2d, 0xc1859b82, 0x40dd5b57,
     0x40494640, 0x40c730a8, 0xbf0f160e, 0x3e30e76f, 0xbea81387, 0xbdb26a1c, 0xbd351e57, 0xbb4c01a0,
     0x3c1d7bfb, 0x3c722cd1, 0x3c973f1c, 0x3c33a31b, 0x3b862ef4, 0x3a27b3d0, 0xba3b5907, 0xba0efc22,
     0xb97f9f0f, 0xb8c8af50, 0xb7bdddfb, 0xb64f2950, 0xb4e085b1, 0xb3731dfa, 0xb15a1f04, 0x00000000},
};

Z0 static void z0_stanh(const float *x, float *out, Py_ssize_t n)
{
    const uint32_t(*c)[32] = z0_stanh_tables;
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512i v = _mm512_maskz_loadu_epi32(lanes, x + i);
        __m512 a = _mm512_castsi512_ps(_mm512_and_si512(v, _mm512_set1_epi32(0x7FFFFFFF)));
        __m512i top = _mm512_and_si512(v, _mm512_set1_epi32(0x7FE00000));
        __m512i j = _mm512_sub_epi32(top, _mm512_set1_epi32(0x3D400000));
        j = _mm512_srli_epi32(_mm512_min_epi32(_mm512_max_epi32(j, _mm512_setzero_si512()),
                                               _mm512_set1_epi32(0x03E00000)), 21);
        __m512 r = _mm512_sub_round_ps(a, z0_table(c[0], j), Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(r, z0_table(c[8], j), z0_table(c[7], j), Z0_RN);
        for (int d = 6; d >= 4; d--)
            p = _mm512_fmadd_round_ps(r, p, z0_table(c[d], j), Z0_RN);
        p = _mm512_fmadd_round_ps(r, _mm512_mul_round_ps(p, r, Z0_RN), z0_table(c[2], j), Z0_RN);
        p = _mm512_fmadd_round_ps(r, z0_table(c[3], j), p, Z0_RN);
        p = _mm512_add_round_ps(p, z0_table(c[1], j), Z0_RN);
        __m512i res = _mm512_or_si512(_mm512_castps_si512(p), _mm512_and_si512(v, _mm512_set1_epi32((int)0x80000000)));
        __mmask16 rare = _mm512_cmpgt_epi32_mask(top, _mm512_set1_epi32(0x7F000000));
        _mm512_mask_storeu_epi32(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++)
            if ((rare >> l) & 1)
                out[i + l] = (float)tanh((double)x[i + l]);
    }
}
/* float64 tanh (dTanh_Z0HAynn): as float32's with 16 intervals (the high word of |x| & 0x7ff80000, less
 * 0x3fc00000, clamped, >> 19) and a polynomial of degree 16; |x| from 2^1023 (and inf, NaN) take the scalar path. */
static const uint64_t z0_dtanh_tables[19][16] = {
    {/* centre */
     0x0000000000000000ull, 0x3fcc000000000000ull, 0x3fd4000000000000ull, 0x3fdc000000000000ull,
     0x3fe4000000000000ull, 0x3fec000000000000ull, 0x3ff4000000000000ull, 0x3ffc000000000000ull,
     0x4004000000000000ull, 0x400c000000000000ull, 0x4014000000000000ull, 0x401c000000000000ull,
     0x4024000000000000ull, 0x402c000000000000ull, 0x4034000000000000ull, 0x0000000000000000ull},
    {/* tanh(centre) */
     0x0000000000000000ull, 0x3fcb8fd0416a7c92ull, 0x3fd35f98a0ea650eull, 0x3fda5729ee488037ull,
     0x3fe1bf47eabb8f95ull, 0x3fe686650b8c2015ull, 0x3feb2523bb6b2deeull, 0x3fee1fbf97e33527ull,
     0x3fef9258260a71c2ull, 0x3feff112c63a9077ull, 0x3fefff419668df11ull, 0x3feffffc832750f2ull,
     0x3feffffffdc96f35ull, 0x3fefffffffffcf58ull, 0x3ff0000000000000ull, 0x3ff0000000000000ull},
    {/* low part */
     0x0000000000000000ull, 0x3c65e23ebcd3bcbeull, 0xbc4c600bac3adf00ull, 0x3c6c44091785d040ull,
     0x3c8221d7a6e3674bull, 0x3c69f89d2cf6b85cull, 0x3c73b3e9ec0b8f1cull, 0xbc7f8d4b0428aadaull,
     0xbc7c52d880cf43c0ull, 0x3c7dd36e37096480ull, 0x3c7b4f6380c442caull, 0xbc729755de470096ull,
     0x3c84cf852845efbdull, 0x3c6fc4fb440a5378ull, 0xbc63981083b55870ull, 0x0000000000000000ull},
    {/* degree 1 */
     0x3ff0000000000000ull, 0x3fee842ca3f08532ull, 0x3fed11574af58f1bull, 0x3fea945b9c24e4f9ull,
     0x3fe6284c3374f815ull, 0x3fe02500a09f8d6eull, 0x3fd1f25131e3a8c0ull, 0x3fbd22ca1c24a139ull,
     0x3f9b3afe1fba5c76ull, 0x3f6dd37d19b22b21ull, 0x3f27ccec13a9ef96ull, 0x3ecbe6c3f33250aeull,
     0x3e41b4865394f75full, 0x3d8853f01bda5f28ull, 0x3c73953c0197ef58ull, 0x0000000000000000ull},
    {/* degree 2 */
     0xbbf0b3ea3fdfaa19ull, 0xbfca48aaeb53bc21ull, 0xbfd19921f4329916ull, 0xbfd5e0f09bef8011ull,
     0xbfd893b59c35c882ull, 0xbfd6ba7cb7576538ull, 0xbfce7291743d7555ull, 0xbfbb6d85a01efb80ull,
     0xbf9addae58c7141aull, 0xbf6dc59376c7aa19ull, 0xbf27cc5e74677410ull, 0xbecbe6c0e8b4cc87ull,
     0xbe41b486526b0565ull, 0xbd8853f01bef63a4ull, 0xbc73955be519be31ull, 0x0000000000000000ull},
    {/* degree 3 */
     0xbfd5555555555555ull, 0xbfd183afc292ba11ull, 0xbfcc1a4b039c9bfaull, 0xbfc16e1e6d8d0be6ull,
     0xbf92426c751e48a2ull, 0x3fb4f152b2bad124ull, 0x3fbbba40cbef72beull, 0x3fb01ba038be6a3dull,
     0x3f916df44871efc8ull, 0x3f63c6869dfc8870ull, 0x3f1fb9aef915d828ull, 0x3ec299d1e27c6e11ull,
     0x3e379b5ddcca334cull, 0x3d8037f57bc62c9aull, 0x3c6a2d4b50a2cff7ull, 0x0000000000000000ull},
    {/* degree 4 */
     0xbce6863ee44ed636ull, 0x3fc04dcd0476c75eull, 0x3fc43d3449a80f08ull, 0x3fc5c26f3699b7e7ull,
     0x3fc1a686f6ab2533ull, 0x3faf203c316ce730ull, 0xbf89c7a02788557cull, 0xbf98157e26e0d541ull,
     0xbf807b55c1c7d278ull, 0xbf53a18d5843190full, 0xbf0fb6bbc89b1a5bull, 0xbeb299c9c684a963ull,
     0xbe279b5dd4fb3d01ull, 0xbd7037f57ae72aa6ull, 0xbc5a2ca2bba78e86ull, 0x0000000000000000ull},
    {/* degree 5 */
     0x3fc1111111112ab5ull, 0x3fb5c19efdfc08adull, 0x3fa74c98dc34fbacull, 0xbf790d6a8eff0a77ull,
     0xbfac3c021789a786ull, 0xbfae2196b7326859ull, 0xbf93a7a011ff8c2aull, 0x3f6e4709c7e8430eull,
     0x3f67682afa611151ull, 0x3f3ef2ee77717cbfull, 0x3ef95a4482f180b7ull, 0x3e9dc2c27da3b603ull,
     0x3e12e2afd9f7433eull, 0x3d59f320348679baull, 0x3c44b61d9bbcc940ull, 0x0000000000000000ull},
    {/* degree 6 */
     0xbda1ea19ddddb3b4ull, 0xbfb0b8df995ce4dfull, 0xbfb2955cf41e8164ull, 0xbfaf9d05c309f7c6ull,
     0xbf987d27ccff4291ull, 0x3f8b2ca62572b098ull, 0x3f8f1cf6c7f5b00aull, 0x3f60379811e43dd5ull,
     0xbf4793826f78537eull, 0xbf2405695e36240full, 0xbee0e08de39ce756ull, 0xbe83d709ba5f714eull,
     0xbdf92e3fc5ee63e0ull, 0xbd414cc030f2110eull, 0xbc2ba022e8d82a87ull, 0x0000000000000000ull},
    {/* degree 7 */
     0xbfaba1ba1990520bull, 0xbf96e37bba52f6fcull, 0x3ecff7df18455399ull, 0x3f97362834d33a4eull,
     0x3f9e7f8380184b45ull, 0x3f869543e7c420d4ull, 0xbf7326bd4914222aull, 0xbf5fc15b0a9d98faull,
     0x3f14cffcfa69fbb6ull, 0x3f057e48e5b79d10ull, 0x3ec33b66d7d77264ull, 0x3e66ac4e578b9b10ull,
     0x3ddcc74b8d3d5c42ull, 0x3d23c589137f92b4ull, 0x3c107f8e2c8707a1ull, 0x0000000000000000ull},
    {/* degree 8 */
     0xbe351ca7f096011full, 0x3f9eaaf3320c3851ull, 0x3f9cf823fe761fc1ull, 0x3f9022271754ff1full,
     0xbf731fe77c9c60afull, 0xbf84a6046865ec7dull, 0xbf4ca3f1f2b9192bull, 0x3f4c77dee0afd227ull,
     0x3f04055bce68597aull, 0xbee2bf0cb4a71647ull, 0xbea31eaafe73efd5ull, 0xbe46abb02c4368edull,
     0xbdbcc749ca8079ddull, 0xbd03c5883836b9d2ull, 0xbbf07a5416264aecull, 0x0000000000000000ull},
    {/* degree 9 */
     0x3f9664f94e6ac14eull, 0xbf94d3343bae39ddull, 0xbf7bc748e60df843ull, 0xbf8c89372b43ba85ull,
     0xbf8129a092de747aull, 0x3f60c85b4d538746ull, 0x3f5be9392199ec18ull, 0xbf2a0c68a4489f10ull,
     0xbf00462601dc2faaull, 0x3eb7b6a219dea9f4ull, 0x3e80cbcc8d4c5c8aull, 0x3e2425bb231a5e29ull,
     0x3d9992a4beac8662ull, 0x3ce191ba5ed3fb67ull, 0x3bc892450bad44c4ull, 0x0000000000000000ull},
    {/* degree 10 */
     0xbea8c4c1fd7852feull, 0xbfccce16b1046f13ull, 0xbf81a16f224bb7b6ull, 0xbf62cbf00406bc09ull,
     0x3f75b29bb02cf69bull, 0x3f607df0f9f90c17ull, 0xbf4b852a6e0758d5ull, 0xbf0078c63d1b8445ull,
     0x3eec12eadd55be7aull, 0xbe6fa600f593181bull, 0xbe5a3c935dce3f7dull, 0xbe001c6d95e3ae96ull,
     0xbd74755a00ea1fd3ull, 0xbcbc1c6c063bb7acull, 0xbba3be9a4460fe00ull, 0x0000000000000000ull},
    {/* degree 11 */
     0xbf822404577aa9ddull, 0x403d8b07f7a82aa3ull, 0xbf9f44ab92fbab0aull, 0x3fb2eac604473d6aull,
     0x3f45f87d903aaac8ull, 0xbf5e104671036300ull, 0x3f19bc98ddf0f340ull, 0x3f0d4304bc9246e8ull,
     0xbed13c415f7b9d41ull, 0xbe722b8d9720cdb0ull, 0x3e322666d739bec0ull, 0x3dd76a553d7e7918ull,
     0x3d4de0fa59416a39ull, 0x3c948716cf3681b4ull, 0x3b873f9f2d2fda99ull, 0x0000000000000000ull},
    {/* degree 12 */
     0xbefdd99a221ed573ull, 0x4070593a3735bab4ull, 0xbfccab654e44835eull, 0x3fd13ed80037dbacull,
     0xbf6045b9076cc487ull, 0x3f2085ee7e8ac170ull, 0x3f23524622610430ull, 0xbeff12a6626911b4ull,
     0x3eab9008bca408afull, 0x3e634df71865f620ull, 0xbe05bb1bcf83ca73ull, 0xbdaf2ac143fb6762ull,
     0xbd23eae52a3dbf57ull, 0xbc6b5e3e9ca0955eull, 0xbb5eca68e2c1ba2eull, 0x0000000000000000ull},
    {/* degree 13 */
     0x3f6e3be689423841ull, 0xc0d263511f5baac1ull, 0x40169f73b15ebe5cull, 0xc025c1dd41cd6cb5ull,
     0xbf58fd89fe05e0d1ull, 0x3f73f7af01d5af7aull, 0xbf1e40bdead17e6bull, 0x3ee224cd6c4513e5ull,
     0xbe24b645e68eeaa3ull, 0xbe4abfebfb72bc83ull, 0x3dd51c38f8695ed3ull, 0x3d8313ac38c6832bull,
     0x3cf7787935626685ull, 0x3c401ffc49c6bc29ull, 0xbabf0b21acfa52abull, 0x0000000000000000ull},
    {/* degree 14 */
     0xbf2a1306713a4f3aull, 0xc1045e509116b066ull, 0x4041fab9250984ceull, 0xc0458d090ec3de95ull,
     0xbf74949d60113d63ull, 0x3f7c9fd6200d0adeull, 0x3f02cd40e0ad0a9full, 0xbe858ab8e019f311ull,
     0xbe792fa6323b7cf8ull, 0x3e2df04d67876402ull, 0xbd95c72be95e4d2cull, 0xbd55a89c30203106ull,
     0xbccad6b3bb9eff65ull, 0xbc12705ccd3dd884ull, 0xba8e0a4c47ae75f5ull, 0x0000000000000000ull},
    {/* degree 15 */
     0xbf55d7e76dc56871ull, 0x41528c38809c90c7ull, 0xc076d57fb5190b02ull, 0x4085f09f888f8adaull,
     0x3fa246332a2fcba5ull, 0xbfb29d851a896fcdull, 0x3ed9065ae369b212ull, 0xbeb8e1ba4c98a030ull,
     0x3e6ffd0766ad4016ull, 0xbe0c63c29f505f5bull, 0xbd7fab216b9e0e49ull, 0x3d2826b62056aa27ull,
     0x3ca313e31762f523ull, 0x3bea37aa21895319ull, 0x3ae5c7f1fd871496ull, 0x0000000000000000ull},
    {/* degree 16 */
     0x3f35e67ab76a26e7ull, 0x41848ee0627d8206ull, 0xc0a216d618b489ecull, 0x40a5b89107c8af4full,
     0x3fb69d8374520edaull, 0xbfbded519f981716ull, 0xbef02d288b5b3371ull, 0x3eb290981209c1a6ull,
     0xbe567e924bf5ff6eull, 0x3de3f7f7de6b0eb6ull, 0x3d69ed18bae3ebbcull, 0xbcf7534c4f3dfa71ull,
     0xbc730b73f1eaff20ull, 0xbbba2cff8135d462ull, 0xbab5a71b5f7d9035ull, 0x0000000000000000ull},
};

Z0 static inline __m512d z0_table_d(const uint64_t *t, __m512i index) /* t[index & 15] per lane (vpermt2pd) */
{
    return _mm512_permutex2var_pd(_mm512_loadu_pd((const double *)t), index, _mm512_loadu_pd((const double *)t + 8));
}

Z0 static void z0_dtanh(const double *x, double *out, Py_ssize_t n)
{
    const uint64_t(*c)[16] = z0_dtanh_tables;
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m512i v = _mm512_maskz_loadu_epi64(lanes, x + i);
        __m512d a = _mm512_castsi512_pd(_mm512_and_si512(v, _mm512_set1_epi64(0x7FFFFFFFFFFFFFFFll)));
        __m512i top = _mm512_and_si512(_mm512_srli_epi64(v, 32), _mm512_set1_epi64(0x7FF80000));
        __m512i j = _mm512_sub_epi64(top, _mm512_set1_epi64(0x3FC00000));
        j = _mm512_srli_epi64(_mm512_min_epi64(_mm512_max_epi64(j, _mm512_setzero_si512()),
                                               _mm512_set1_epi64(0x780000)), 19);
        __m512d r = _mm512_sub_round_pd(a, z0_table_d(c[0], j), Z0_RN);
        __m512d p = z0_table_d(c[18], j);
        for (int d = 17; d >= 4; d--)
            p = _mm512_fmadd_round_pd(r, p, z0_table_d(c[d], j), Z0_RN);
        p = _mm512_fmadd_round_pd(r, _mm512_mul_round_pd(p, r, Z0_RN), z0_table_d(c[2], j), Z0_RN);
        p = _mm512_fmadd_round_pd(r, z0_table_d(c[3], j), p, Z0_RN);
        p = _mm512_add_round_pd(p, z0_table_d(c[1], j), Z0_RN);
        __m512i res = _mm512_or_si512(_mm512_castpd_si512(p),
                                      _mm512_and_si512(v, _mm512_set1_epi64((long long)0x8000000000000000ull)));
        __mmask8 rare = _mm512_cmpgt_epi64_mask(top, _mm512_set1_epi64(0x7FE00000));
        _mm512_mask_storeu_epi64(out + i, lanes & (__mmask8)~rare, res);
        for (int l = 0; l < m; l++)
            if ((rare >> l) & 1)
                out[i + l] = tanh(x[i + l]);
    }
}

/* float32 erf (sErf_Z0HAynn): x * p(x*x) in double, p of degree 16 by Horner's rule in fused steps, rounded to
 * float; where the float x*x is not below 0x416B027F's 14.688 (|x| >= 3.8325, infinities), +-1 with x's sign. */
static const uint64_t z0_serf_c[17] = {
    0x3ff20dd74f5bc259ull, 0xbfd81273ea9280efull, 0x3fbce2e5d8c9e959ull, 0xbf9b8254cec9607aull,
    0x3f75633728782213ull, 0xbf4bf24742ac5608ull, 0x3f1f51077325b817ull, 0xbeee683ac21ba632ull,
    0x3eb98f32f5cc465aull, 0xbe826046742b0352ull, 0x3e461e396f7c7e2bull, 0xbe05a63b2335f935ull,
    0x3dc09fc73009abb4ull, 0xbd731e5d8f72439cull, 0x3d1ec4f20cd1a8a2ull, 0xbcbec22b47d823a1ull,
    0x3c4ca6f11938c219ull};

Z0 static void z0_serf(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m256 v = _mm256_maskz_loadu_ps(lanes, x + i);
        __m512d xd = _mm512_cvtps_pd(v), x2 = _mm512_mul_round_pd(xd, xd, Z0_RN), p = z0_d(z0_serf_c[16]);
        for (int c = 15; c >= 0; c--)
            p = _mm512_fmadd_round_pd(x2, p, z0_d(z0_serf_c[c]), Z0_RN);
        __m256 res = _mm512_cvt_roundpd_ps(_mm512_mul_round_pd(p, xd, Z0_RN), Z0_RN);
        __mmask8 inside = _mm256_cmp_ps_mask(_mm256_castsi256_ps(_mm256_set1_epi32(0x416B027F)),
                                             _mm256_mul_ps(v, v), _CMP_NLE_UQ); /* (NaN: the polynomial's NaN) */
        __m256 one = _mm256_or_ps(_mm256_set1_ps(1.0f), _mm256_and_ps(v, _mm256_set1_ps(-0.0f)));
        _mm256_mask_storeu_ps(out + i, lanes, _mm256_mask_blend_ps(inside, one, res));
    }
}
/* float32 erfc (sErfc_Z0HAynn): a = min(|x|, 10.046875) rounded to a node d = j/64 by adding 2^17, r = max(a, 2^-32)
 * - d, z = d*r; the node's two table words give erfc(d)*2^64 (E) and, from E's exponent and the second word's low
 * 26 bits, its slope D, the second word's top 6 bits a tail t*2^-29; erfc(a)*2^64 = (E - D*r) - (D*(r*(p(z)*z^2
 * - z) + r*(r^2*q(z)) - t) + rounding term), then *2^-64 (for x < 0: 2 - that). From x = 10.0542 (and NaN) MKL's
 * scalar path: here the correctly rounded value (erfc underflows there). */
static const uint32_t z0_serfc_table[1296] = {
    0x5F800000, 0x00106EBB, 0x5F7B7CA2, 0x1C9065B4, 0x5F76F9D4, 0x64904AA3, 0x5F727828, 0x04901D93,
    0x5F6DF82B, 0x388FDE94, 0x5F697A6E, 0x288F8DBD, 0x5F64FF7E, 0x688F2B2E, 0x5F6087EA, 0x2C8EB70A,
    0x5F5C143C, 0x548E317D, 0x5F57A500, 0x388D9AB9, 0x5F533ABE, 0x3C8CF2F5, 0x5F4ED5FD, 0x688C3A6F,
    0x5F4A7743, 0x448B716C, 0x5F461F12, 0x2C8A9834, 0x5F41CDEA, 0x5089AF18, 0x5F3D844A, 0x2C88B66C,
    0x5F3942AC, 0x3887AE8B, 0x5F350989, 0x1C8697D3, 0x5F30D955, 0x648572A8, 0x5F2CB284, 0x18843F72,
    0x5F289582, 0x7C82FE9F, 0x5F2482BD, 0x2C81B0A0, 0x5F207A9A, 0x748055E8, 0x5F1C7D7F, 0x487DDDDF,
    0x5F188BCB, 0x287AF867, 0x5F14A5DA, 0x3477FC62, 0x5F10CC04, 0x8074EAD4, 0x5F0CFE9F, 0x1071C4C4,
    0x5F093DF8, 0x6C6E8B3E, 0x5F058A5D, 0x606B3F51, 0x5F01E415, 0x3467E20F, 0x5EFC96C5, 0x38E4748E,
    0x5EF5810A, 0x10E0F7E5, 0x5EEE876C, 0x48DD6D2D, 0x5EE7AA5A, 0x00D9D57E, 0x5EE0EA34, 0x34D631F4,
    0x5EDA4757, 0x24D283A7, 0x5ED3C214, 0x00CECBB1, 0x5ECD5AB3, 0x18CB0B28, 0x5EC71175, 0x28C74323,
    0x5EC0E692, 0x10C374B5, 0x5EBADA38, 0x28BFA0EE, 0x5EB4EC8E, 0x44BBC8DC, 0x5EAF1DB3, 0x20B7ED89,
    0x5EA96DBC, 0x10B40FF9, 0x5EA3DCB7, 0x08B0312E, 0x5E9E6AA9, 0x5CAC5223, 0x5E991792, 0x60A873CF,
    0x5E93E368, 0x40A49721, 0x5E8ECE1A, 0x04A0BD06, 0x5E89D78F, 0x049CE661, 0x5E84FFA8, 0x3099140F,
    0x5E804640, 0x249546E7, 0x5E775654, 0x09117FB9, 0x5E6E5C65, 0x190DBF4C, 0x5E659E42, 0x1D0A0662,
    0x5E5D1B6D, 0x190655B1, 0x5E54D35C, 0x3502ADEB, 0x5E4CC57C, 0x38FE1F73, 0x5E44F12F, 0x0CF6F777,
    0x5E3D55CB, 0x38EFE513, 0x5E35F2A1, 0x1CE8E968, 0x5E2EC6F5, 0x40E20584, 0x5E27D207, 0x08DB3A64,
    0x5E21130B, 0x08D488F8, 0x5E1A8930, 0x3CCDF21C, 0x5E1433A0, 0x20C7769B, 0x5E0E117C, 0x0CC11733,
    0x5E0821E0, 0x2CBAD48D, 0x5E0263E4, 0x58B4AF46, 0x5DF9AD38, 0x212EA7EA, 0x5DEEF22A, 0x2128BEF3,
    0x5DE494B5, 0x3122F4CE, 0x5DDA92EA, 0x1D1D49D9, 0x5DD0EAD2, 0x3117BE62, 0x5DC79A74, 0x391252AA,
    0x5DBE9FD3, 0x110D06E3, 0x5DB5F8ED, 0x2107DB31, 0x5DADA3C1, 0x2502CFAD, 0x5DA59E4C, 0x04FBC8C2,
    0x5D9DE689, 0x28F23298, 0x5D967A77, 0x04E8DCC1, 0x5D8F5812, 0x24DFC70E, 0x5D887D5B, 0x44D6F136,
    0x5D81E855, 0x40CE5ADF, 0x5D772E0B, 0x19460399, 0x5D6B0EEA, 0x213DEAE4, 0x5D5F6F64, 0x1936102B,
    0x5D544B9E, 0x092E72CB, 0x5D499FC7, 0x2527120F, 0x5D3F681C, 0x2D1FED36, 0x5D35A0E5, 0x3119036E,
    0x5D2C4678, 0x211253DC, 0x5D235538, 0x310BDD96, 0x5D1AC999, 0x11059FA9, 0x5D12A01C, 0x18FF3230,
    0x5D0AD554, 0x20F391B9, 0x5D0365E4, 0x2CE85BD0, 0x5CF89D02, 0x055D8E4C, 0x5CEB17DE, 0x255326F3,
    0x5CDE360E, 0x21492385, 0x5CD1F165, 0x193F81B6, 0x5CC643DB, 0x25363F32, 0x5CBB278F, 0x1D2D59A1,
    0x5CB096C4, 0x1D24CEA4, 0x5CA68BE4, 0x251C9BD9, 0x5C9D017F, 0x3114BEDD, 0x5C93F24C, 0x0D0D354B,
    0x5C8B5926, 0x1905FCBF, 0x5C833110, 0x3CFE25AF, 0x5C76EA69, 0x0D70EA68, 0x5C6841C0, 0x156442F0,
    0x5C5A5F10, 0x05582A98, 0x5C4D398A, 0x294C9CBD, 0x5C40C8AE, 0x114194C7, 0x5C350440, 0x0D370E2C,
    0x5C29E44E, 0x252D0474, 0x5C1F612F, 0x09237336, 0x5C15737C, 0x211A561B, 0x5C0C1417, 0x0511A8E1,
    0x5C033C22, 0x0509675A, 0x5BF5CA06, 0x19818D6B, 0x5BE610C3, 0x09742E22, 0x5BD74046, 0x056600C0,
    0x5BC94CD7, 0x21588B05, 0x5BBC2B3A, 0x014BC574, 0x5BAFD0A4, 0x1D3FA8C4, 0x5BA432C2, 0x21342DDB,
    0x5B9947AF, 0x15294DCF, 0x5B8F05F2, 0x251F01EC, 0x5B85647E, 0x191543AE, 0x5B78B556, 0x118C0CC2,
    0x5B67C06A, 0x0D83570A, 0x5B57DA71, 0x09763931, 0x5B48F45E, 0x1566AF65, 0x5B3AFFD9, 0x2558059C,
    0x5B2DEF39, 0x0D4A3127, 0x5B21B57A, 0x113D27B5, 0x5B16463C, 0x2D30DF57, 0x5B0B95BC, 0x29254E7B,
    0x5B0198CB, 0x351A6BEE, 0x5AF08999, 0x0D902ED6, 0x5ADF1F58, 0x09868EB5, 0x5ACEDFB9, 0x017B06C5,
    0x5ABFB89F, 0x1D6A0A1D, 0x5AB198E5, 0x155A1876, 0x5AA4704D, 0x194B237A, 0x5A982F7B, 0x2D3D1D6F,
    0x5A8CC7EB, 0x112FF93B, 0x5A822BE3, 0x0523AA56, 0x5A709CDD, 0x0D9824CE, 0x5A5E46A8, 0x158D5D3C,
    0x5A4D3E18, 0x058348C6, 0x5A3D6D6F, 0x0D73BA24, 0x5A2EC034, 0x15622096, 0x5A212321, 0x1151B22A,
    0x5A148413, 0x01425D18, 0x5A08D1FB, 0x2D341080, 0x59FBF9AC, 0x01A6BC5E, 0x59E7EB28, 0x119A5183,
    0x59D55C2C, 0x198EC18C, 0x59C43238, 0x0D83FEDA, 0x59B45472, 0x0D73F919, 0x59A5AB93, 0x09615CE8,
    0x599821CE, 0x0950121B, 0x598BA2BC, 0x154002F8, 0x59801B49, 0x09311AFE, 0x596AF33B, 0x15A346D7,
    0x59575A21, 0x0596744C, 0x59454C24, 0x058A9237, 0x5934AC3A, 0x217F20E7, 0x59255F50, 0x1D6ABFA9,
    0x59174C27, 0x1157E42F, 0x590A5B3B, 0x0D4673AF, 0x58FCED4F, 0x15B65507, 0x58E7141D, 0x09A770A1,
    0x58D304FB, 0x1199B066, 0x58C09CB4, 0x118CFFA3, 0x58AFBA92, 0x0D814AF8, 0x58A04037, 0x0D6D0088,
    0x58921176, 0x1D591D2D, 0x58851430, 0x0146CC35, 0x58726058, 0x05B5F011, 0x585C9DFA, 0x01A66D2A,
    0x5848B7BE, 0x059829C8, 0x58368738, 0x058B0DF2, 0x5825E8DF, 0x1D7E06AB, 0x5816BBDE, 0x1567EA53,
    0x5808E1DF, 0x1153A034, 0x57F87DC3, 0x09C1045E, 0x57E1721E, 0x11AFF56D, 0x57CC712A, 0x01A05461,
    0x57B94EFB, 0x05920475, 0x57A7E31E, 0x0584EAFC, 0x57980855, 0x0171DE7A, 0x57899C5B, 0x255BF4A3,
    0x5778FF5F, 0x11C7EE0E, 0x57612AB5, 0x05B5A381, 0x574B8582, 0x15A4F0BC, 0x5737DEEE, 0x1D95B43B,
    0x57260A26, 0x1987CF0E, 0x5715DE0E, 0x1976494D, 0x570734F9, 0x095F355E, 0x56F3D8C4, 0x01CA31BF,
    0x56DBC95D, 0x15B711B4, 0x56C601E9, 0x0DA5AC0E, 0x56B24D80, 0x1995DAE6, 0x56A07BCA, 0x01877B62,
    0x56906098, 0x0574DAF4, 0x5681D395, 0x055D2782, 0x56695FE3, 0x01C7A666, 0x5651A834, 0x0DB42611,
    0x563C42E7, 0x09A2790F, 0x5628F835, 0x0D9275B9, 0x56179554, 0x1183F5E9, 0x5607EC0B, 0x016DAD68,
    0x55F3A498, 0x05D5F04F, 0x55DA43BA, 0x09C07A1D, 0x55C37002, 0x0DAD1570, 0x55AEEA57, 0x159B9188,
    0x559C7974, 0x098BC1E7, 0x558BE962, 0x117AFBEC, 0x557A160B, 0x11E14167, 0x555F6758, 0x15CA10CE,
    0x55477954, 0x15B52CB9, 0x553205FB, 0x05A25D43, 0x551ECDF2, 0x15916F95, 0x550D97F1, 0x15823575,
    0x54FC6061, 0x09E909CC, 0x54E0CFD4, 0x05D06F88, 0x54C829C5, 0x11BA56E4, 0x54B221FE, 0x19A68119,
    0x549E73C2, 0x0994B538, 0x548CE119, 0x1184BFB1, 0x547A6461, 0x0DECE39B, 0x545E6986, 0x15D34296,
    0x54457726, 0x09BC4FDC, 0x542F3BDB, 0x09A7C64B, 0x541B6E78, 0x15956771, 0x5409CD3D, 0x1584FAE8,
    0x53F43A38, 0x09EC9B8F, 0x53D85225, 0x09D2644F, 0x53BF8325, 0x05BAFD47, 0x53A977EF, 0x0DA61BE0,
    0x5395E415, 0x0D937CF0, 0x53848320, 0x0982E402, 0x536A2F8A, 0x11E8356B, 0x534ED659, 0x09CDE050,
    0x53369893, 0x09B670D5, 0x53211E89, 0x15A19816, 0x530E19E6, 0x118F0F43, 0x52FA896E, 0x09FD2DA8,
    0x52DCC11E, 0x05DFEBAB, 0x52C26B7F, 0x01C5F27C, 0x52AB2548, 0x15AEE6B3, 0x52969604, 0x0D9A767C,
    0x52846EE8, 0x158858A4, 0x5268D3A8, 0x05F09770, 0x524C90C5, 0x11D42A75, 0x5233A635, 0x09BB01DD,
    0x521DB15B, 0x09A4C066, 0x520A5AA0, 0x059112D9, 0x51F2A880, 0x0DFF5E08, 0x51D4B276, 0x0DE0A591,
    0x51BA58BC, 0x15C5867E, 0x51A32ED5, 0x0DAD97F3, 0x518ED4A1, 0x11987C9E, 0x5179EA08, 0x0205E186,
    0x515A8950, 0x11EAF9D4, 0x513F01D8, 0x11CE1A8C, 0x5126DDCC, 0x09B4B0DC, 0x5111B50C, 0x159E558A,
    0x50FE5749, 0x120AAD05, 0x50DDE0D0, 0x01F2CC48, 0x50C1776D, 0x15D47203, 0x50A89CD2, 0x15B9CBE3,
    0x5092E1AA, 0x09A26937, 0x507FC7C2, 0x020DE652, 0x505E9A3A, 0x09F7D629, 0x5041A2C2, 0x11D85345,
    0x50285BAE, 0x05BCBA74, 0x50124F78, 0x15A49254, 0x4FFE2DC3, 0x0A0F6FD2, 0x4FDCAE76, 0x11F9E90C,
    0x4FBF81DC, 0x0DD99A7D, 0x4FA61C4D, 0x15BD616C, 0x4F900357, 0x09A4BCD6, 0x4F799750, 0x020F3B3E,
    0x4F582E7F, 0x01F8F1A9, 0x4F3B27A3, 0x09D83BC6, 0x4F21F2B6, 0x05BBBAB7, 0x4F0C11C0, 0x09A2E733,
    0x4EF22D4B, 0x0E0D4A80, 0x4ED14265, 0x0DF4F900, 0x4EB4BACA, 0x0DD443DF, 0x4E9C03D5, 0x11B7D5B2,
    0x4E869D9A, 0x0D9F2272, 0x4E68311F, 0x0A09AF94, 0x4E482705, 0x0DEE23CF, 0x4E2C7394, 0x11CDD76A,
    0x4E148365, 0x15B1D636, 0x4DFFAC6D, 0x0619912D, 0x4DDBF8F9, 0x0A048B78, 0x4DBD2A87, 0x09E4B060,
    0x4DA298A0, 0x0DC530BA, 0x4D8BB0FC, 0x05A9F27C, 0x4D6FE94B, 0x06126579, 0x4D4DEAF7, 0x11FC1860,
    0x4D30A807, 0x0DD8F2D6, 0x4D177AFF, 0x0DBA9C63, 0x4D01D48C, 0x01A06FEC, 0x4CDE7135, 0x0209DE04,
    0x4CBE77A1, 0x09ECD440, 0x4CA302B0, 0x09CB505A, 0x4C8B71E5, 0x05AE74D6, 0x4C6E7533, 0x0A159F2A,
    0x4C4BCA2D, 0x06004280, 0x4C2E1413, 0x11DBC9BF, 0x4C14A0A8, 0x0DBC396D, 0x4BFDAC7D, 0x02211D60,
    0x4BD860D3, 0x0E09D7A8, 0x4BB87A3A, 0x05EBBF86, 0x4B9D3454, 0x09C97F9A, 0x4B85E62F, 0x15AC23F7,
    0x4B63FD06, 0x0612FCF7, 0x4B4200DA, 0x09FAE63C, 0x4B25014D, 0x05D607B0, 0x4B0C4622, 0x11B67D4E,
    0x4AEE627D, 0x061B855C, 0x4ACA7603, 0x06047920, 0x4AABDE4A, 0x09E19261, 0x4A91D40C, 0x11BFF482,
    0x4A77593C, 0x062344BF, 0x4A51ABC9, 0x0E0ACD1C, 0x4A31A5BF, 0x0DEBE2CA, 0x4A167151, 0x11C85727,
    0x49FEAF84, 0x062A1178, 0x49D779E7, 0x02104CC0, 0x49B63730, 0x11F4C081, 0x499A03DA, 0x11CF7703,
    0x49821DCF, 0x0DAFC5C4, 0x495BBF2E, 0x0614D94A, 0x49397862, 0x09FBF99C, 0x491C770B, 0x11D52BB9,
    0x4903EEB4, 0x05B4411F, 0x48DE62C7, 0x061858A7, 0x48BB5652, 0x0600B23E, 0x489DBC88, 0x11D9543F,
    0x4884BFC1, 0x0DB76979, 0x485F551E, 0x0A1AB66B, 0x483BC5F1, 0x060270AF, 0x481DCCC1, 0x0DDBD820,
    0x48048C15, 0x0DB92C31, 0x47DE907E, 0x061BE496, 0x47BAC490, 0x06032DCB, 0x479CA73D, 0x01DCA86A,
    0x478354CB, 0x01B97ECA, 0x475C1947, 0x061BDC1E, 0x473857FA, 0x0602E528, 0x471A529E, 0x09DBC03F,
    0x470120EF, 0x05B85F58, 0x46D7FDC8, 0x061A9D36, 0x46B48E3E, 0x06019878, 0x4696DC65, 0x05D9250B,
    0x467BFA7C, 0x0635D48D, 0x465255B2, 0x06182F4C, 0x462F7D26, 0x0DFE9EF1, 0x4612586B, 0x0DD4E64A,
    0x45F3F750, 0x0231ED7C, 0x45CB4136, 0x0E14A0BB, 0x45A94169, 0x09F82F41, 0x458CE028, 0x09CF1CEE,
    0x456A654D, 0x0A2CC100, 0x4542E7D6, 0x06100645, 0x4521FD98, 0x0DF00749, 0x450691C0, 0x11C7EA70,
    0x44DF78D8, 0x0E266CE0, 0x44B976F1, 0x0E0A7A45, 0x4499D8E4, 0x11E65575, 0x447F1DE7, 0x0A3F778A,
    0x44536BE8, 0x0A1F14B2, 0x442F2031, 0x0A041BB4, 0x4410FDBD, 0x05DB4F88, 0x43EFF7DE, 0x0A35F2BA,
    0x43C67C0A, 0x0A16E08D, 0x43A417D3, 0x0DFA1A1E, 0x43879862, 0x09CF30A7, 0x435FFC36, 0x0A2B8E9A,
    0x4338E85A, 0x0A0DFBA1, 0x431892FB, 0x05EAE636, 0x42FBAAF5, 0x0642374F, 0x42CF75D5, 0x02208024,
    0x42AAEF8B, 0x0E0492C0, 0x428CC60C, 0x05DAE75B, 0x4267C170, 0x0634A340, 0x423EAD7B, 0x0614FCF4,
    0x421CCE13, 0x0DF5A5CF, 0x4200E32C, 0x0DCA68EF, 0x41D3C741, 0x0226B383, 0x41ADE7C9, 0x060939A3,
    0x418EBC8D, 0x11E1CFD0, 0x416A31ED, 0x0A39B3CE, 0x414008FD, 0x0A18A48B, 0x411D638E, 0x09FAD08D,
    0x4100EE61, 0x09CDF654, 0x40D322CE, 0x06290C4D, 0x40ACCB15, 0x0A0AAEA4, 0x408D5872, 0x09E36E45,
    0x4067216E, 0x0A3A6544, 0x403CE218, 0x0218B095, 0x401A4893, 0x11FA092D, 0x3FFBEC06, 0x0A4C9F41,
    0x3FCD9386, 0x02276003, 0x3FA7ACFC, 0x0E08D758, 0x3F88B255, 0x0DDFA559, 0x3F5EC64B, 0x0236AB0F,
    0x3F3570B9, 0x02152037, 0x3F13B439, 0x0DF35DD3, 0x3EF05D68, 0x0A467C0A, 0x3EC37BC4, 0x0221CCFC,
    0x3E9EE7D7, 0x0A03D518, 0x3E811C13, 0x11D6B981, 0x3E51B336, 0x0E2EC87A, 0x3E2A371C, 0x060E33A7,
    0x3E0A1932, 0x05E74660, 0x3DDFF98B, 0x063BFAB1, 0x3DB589F5, 0x0E18B6D4, 0x3D931279, 0x0DF80230,
    0x3D6E2EF2, 0x06494905, 0x3D40C69D, 0x022348D9, 0x3D1BF30F, 0x120464B5, 0x3CFC31BF, 0x06569685,
    0x3CCBD1EE, 0x062DD231, 0x3CA4A51F, 0x0E0CBAF0, 0x3C84EF71, 0x0DE3C449, 0x3C568FCF, 0x0A3839E2,
    0x3C2D122E, 0x0A14EFA4, 0x3C0B893B, 0x11F0B1DF, 0x3BE0E3A5, 0x0A4265D8, 0x3BB5237A, 0x021CEDE7,
    0x3B91D42C, 0x05FD3DC9, 0x3B6AB0CB, 0x024C3B50, 0x3B3CC25B, 0x0224A05E, 0x3B17BE61, 0x0E04A304,
    0x3AF3DB16, 0x06559F46, 0x3AC3D8AE, 0x0A2BF19F, 0x3A9D3680, 0x060A545B, 0x3A7C475D, 0x025E76F3,
    0x3A4A5140, 0x0A32CC8C, 0x3A222C04, 0x0A0FA24C, 0x3A01EDFC, 0x09E6A843, 0x39D01832, 0x0E391CBA,
    0x39A68F97, 0x06147CE5, 0x398540A5, 0x01EE1A5B, 0x39551B64, 0x0A3ECED8, 0x392A535B, 0x0618D52B,
    0x39081118, 0x0DF4B613, 0x38D94ACF, 0x0243D10C, 0x38AD6B36, 0x061C9D69, 0x388A563F, 0x05FA666D,
    0x385C98DC, 0x06481354, 0x382FCD12, 0x021FC975, 0x380C08AA, 0x01FF1904, 0x37DEFAAE, 0x0A4B87D8,
    0x37B17112, 0x0E224EF3, 0x378D22BB, 0x0A015F38, 0x3760685E, 0x0A4E2339, 0x373251C3, 0x0224258F,
    0x370DA0C5, 0x0E02A54D, 0x36E0DD24, 0x0A4FDCCA, 0x36B26C30, 0x02254727, 0x368D8120, 0x0E035A7F,
    0x36605773, 0x0650AEC3, 0x3631BFFC, 0x0A25AFEF, 0x360CC431, 0x06037C6D, 0x35DED902, 0x06509664,
    0x35B04F61, 0x06255E85, 0x358B6C68, 0x0A030AA5, 0x355C66C3, 0x0A4F93FD, 0x352E1F21, 0x062453FE,
    0x35097E36, 0x0A0206A5, 0x34D908C7, 0x0A4DAAF4, 0x34AB366F, 0x0A2293D6, 0x3486FFF0, 0x060073D6,
    0x3454CA12, 0x0A4AE1AC, 0x34279EC8, 0x0A2023E7, 0x3403F9AF, 0x09FCAEE7, 0x33CFB85F, 0x06474167,
    0x33A363BC, 0x0E1D0C41, 0x33807524, 0x09F770EA, 0x3349E3D5, 0x0E42D60C, 0x331E92B5, 0x06195702,
    0x32F8FAC7, 0x0A713EC4, 0x32C35EB5, 0x063DADED, 0x32993AAA, 0x0215101B, 0x32703D59, 0x066A2C50,
    0x323C3CF5, 0x0A37D975, 0x32136BD7, 0x0A104516, 0x31E6CC51, 0x06624FC5, 0x31B493E1, 0x06316AD5,
    0x318D376B, 0x060B04C7, 0x315CC355, 0x0A59C147, 0x312C79AC, 0x0E2A759F, 0x3106AF2F, 0x0E055F07,
    0x30D23EDA, 0x0A509A6A, 0x30A4050C, 0x06230E6D, 0x307FCA71, 0x0A7EC8C1, 0x30475B9C, 0x0646F5B1,
    0x301B4CCA, 0x021B4A74, 0x2FF1D724, 0x0A724B83, 0x2FBC361E, 0x0A3CEE14, 0x2F926764, 0x02133F23,
    0x2F63A7E2, 0x02656858, 0x2F30EA36, 0x02329E84, 0x2F096AAE, 0x020B01C6, 0x2ED55ED5, 0x0A5840D5,
    0x2EA59296, 0x0A282171, 0x2E806B7C, 0x0602A722, 0x2E471C6F, 0x064AF596, 0x2E1A4873, 0x0E1D9063,
    0x2DEEFAB4, 0x0674865B, 0x2DB8FEF0, 0x023DA5BB, 0x2D8F232C, 0x0E130395, 0x2D5D6496, 0x0A63D176,
    0x2D2B220D, 0x0A306E78, 0x2D043806, 0x020891A3, 0x2CCC3532, 0x06535285, 0x2C9D9EAA, 0x0E236AB9,
    0x2C7333EC, 0x0A7C9E87, 0x2C3B895B, 0x0A43294F, 0x2C108AA2, 0x0616B2D7, 0x2BDEB304, 0x06689E19,
    0x2BAB79F6, 0x0A33722D, 0x2B83F8A5, 0x060A5C5B, 0x2B4B094E, 0x065542A6, 0x2B1C1BDF, 0x0A2445CA,
    0x2AEFF060, 0x0A7CF3B9, 0x2AB84DAD, 0x0242A818, 0x2A8D7FE9, 0x0A15B90C, 0x2A592B20, 0x026635DB,
    0x2A2691FD, 0x0630E58D, 0x29FF65E7, 0x0687DD07, 0x29C3B3EB, 0x0A509839, 0x2995E33E, 0x0A200D5E,
    0x29657C22, 0x0A757E16, 0x292F973C, 0x0A3C2E00, 0x290649D6, 0x06102D3F, 0x28CD4D82, 0x065CD18D,
    0x289CDBFE, 0x022904B4, 0x286F93BC, 0x0A814E73, 0x2836DE67, 0x0A45C0EB, 0x280B8405, 0x0A172479,
    0x27D4C713, 0x0666EC36, 0x27A22D35, 0x0630523D, 0x27771927, 0x02869086, 0x273C2718, 0x024D4B0F,
    0x270F32FE, 0x0A1C85BA, 0x26D9DDC3, 0x026E8F29, 0x26A5A71A, 0x0E35B53D, 0x267BC87B, 0x028A5661,
    0x263F4166, 0x0A5288D5, 0x2611353C, 0x0A20208A, 0x25DC631A, 0x0273754B, 0x25A729D6, 0x0638FCBD,
    0x257D76AE, 0x028C7D97, 0x254010BF, 0x02554A3F, 0x25117832, 0x0A21D3CB, 0x24DC3FC3, 0x06757178,
    0x24A6A764, 0x063A0A73, 0x247C141F, 0x068CF23A, 0x243E8D91, 0x065575BF, 0x240FF968, 0x06218FB3,
    0x23D974F3, 0x06747139, 0x23A4246E, 0x0E38D48F, 0x2377AD8A, 0x0A8BB00A, 0x233AC5C9, 0x065309BE,
    0x230CC6A1, 0x021F56BA, 0x22D41C58, 0x06707DE1, 0x229FB806, 0x02356657, 0x22706B46, 0x0688C2BC,
    0x2234DBF9, 0x0A4E1CBA, 0x2207FD08, 0x0A1B3D7D, 0x21CC668E, 0x0669BBFD, 0x21998A40, 0x062FDF73,
    0x21668EDC, 0x06844540, 0x212D054E, 0x0246DBE6, 0x2101C779, 0x0E156976, 0x20C29845, 0x0660691F,
    0x2091D1DF, 0x0A28720D, 0x205A6F34, 0x067CC054, 0x20238672, 0x063D887F, 0x1FF4B805, 0x068E0ECC,
    0x1FB70647, 0x0A54D840, 0x1F88D12C, 0x0E1F5FDA, 0x1F4C739C, 0x0A6E8E9B, 0x1F18AFAC, 0x063273F8,
    0x1EE3F1AE, 0x06856D4A, 0x1EAA10BB, 0x06476CF4, 0x1E7DA48F, 0x0294F659, 0x1E3D0E19, 0x0A5E6D9A,
    0x1E0CD879, 0x0225FB65, 0x1DD1C1E5, 0x0677998C, 0x1D9C1DF9, 0x063895E1, 0x1D68466D, 0x06898A88,
    0x1D2CB567, 0x0A4CDF9B, 0x1D005B01, 0x0218826B, 0x1CBEB151, 0x0662F29A, 0x1C8D955E, 0x0628C6D9,
    0x1C522406, 0x0A7AE8E3, 0x1C1BDF21, 0x063A6A2D, 0x1BE71F71, 0x068A6E25, 0x1BAB44C3, 0x064D7E87,
    0x1B7DB4E2, 0x0A987319, 0x1B3BD23F, 0x066215A4, 0x1B0AFA70, 0x02278FA9, 0x1ACD92EE, 0x027840AB,
    0x1A97F776, 0x0A37CFB1, 0x1A60915E, 0x068807FD, 0x1A25D8A9, 0x0A493E73, 0x19F4D72B, 0x0294C97A,
    0x19B4A473, 0x0A5BE665, 0x19853669, 0x06226BE2, 0x19446064, 0x0A6FD110, 0x1910ACC4, 0x0630F593,
    0x18D51115, 0x06828371, 0x189CD187, 0x02406C14, 0x1866BA06, 0x068DC782, 0x1829A6C0, 0x0650D3F6,
    0x17F95D83, 0x0699B798, 0x17B72D99, 0x0A6230B9, 0x17867E40, 0x0A2655C1, 0x17456640, 0x067484A6,
    0x1710CB42, 0x0633A328, 0x16D44FD2, 0x0683E85C, 0x169B94C1, 0x06419FFD, 0x1663E849, 0x0A8E0A3D,
    0x1626D8E3, 0x0A504B66, 0x15F42C6C, 0x0698A6F6, 0x15B294EF, 0x065FA367, 0x15828BDC, 0x0E23BCB5,
    0x153EC53F, 0x066FA4D1, 0x150B522F, 0x0E2F48CC, 0x14CB653A, 0x0680259A, 0x00000000, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
};

Z0 static void z0_serfc(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_maskz_loadu_ps(lanes, x + i);
        __m512 a = _mm512_min_ps(_mm512_abs_ps(v), z0_f(0x4120C000));
        __m512 sign = _mm512_and_ps(v, z0_f(0x80000000));
        __m512 two = _mm512_sub_round_ps(z0_f(0x3F800000), _mm512_or_ps(sign, z0_f(0x3F800000)), Z0_RN);
        __m512 t = _mm512_add_round_ps(a, z0_f(0x48000000), Z0_RN);
        __m512 d = _mm512_sub_round_ps(t, z0_f(0x48000000), Z0_RN);
        __m512 r = _mm512_sub_round_ps(_mm512_max_ps(a, z0_f(0x2F800000)), d, Z0_RN);
        __m512 z = _mm512_mul_round_ps(d, r, Z0_RN);
        __m512i j = _mm512_and_si512(_mm512_castps_si512(t), _mm512_set1_epi32(0xFFFF));
        __m512 e = _mm512_i32gather_ps(j, (const float *)z0_serfc_table, 8);
        __m512i w1 = _mm512_i32gather_epi32(j, (const int *)z0_serfc_table + 1, 8);
        __m512 p = _mm512_fmadd_round_ps(z, z0_f(0xBD362FD7), z0_f(0x3E08A294), Z0_RN);
        __m512 q = _mm512_fmadd_round_ps(z, z0_f(0xBECD2E81), z0_f(0x3F004465), Z0_RN);
        p = _mm512_fmadd_round_ps(z, p, z0_f(0xBEAAAAA7), Z0_RN);
        q = _mm512_fmadd_round_ps(z, q, z0_f(0xBEAAAA8B), Z0_RN);
        p = _mm512_fmadd_round_ps(z, p, z0_f(0x3F2AAAA8), Z0_RN);
        __m512 tail = _mm512_castsi512_ps(_mm512_or_si512(_mm512_srli_epi32(w1, 26), _mm512_set1_epi32(0x3C800000)));
        tail = _mm512_sub_round_ps(tail, z0_f(0x3C800000), Z0_RN);
        __m512i exponent = _mm512_and_si512(_mm512_castps_si512(e), _mm512_set1_epi32(0x7F800000));
        __m512i mantissa = _mm512_and_si512(w1, _mm512_set1_epi32(0x03FFFFFF));
        __m512 slope = _mm512_castsi512_ps(_mm512_add_epi32(exponent, mantissa));
        q = _mm512_mul_round_ps(_mm512_mul_round_ps(q, r, Z0_RN), r, Z0_RN);
        __m512 hi = _mm512_fnmadd_round_ps(r, slope, e, Z0_RN);
        q = _mm512_fmsub_round_ps(r, q, tail, Z0_RN);
        __m512 lo = _mm512_fmsub_round_ps(r, slope, _mm512_sub_round_ps(e, hi, Z0_RN), Z0_RN);
        __m512 s = _mm512_fmsub_round_ps(p, _mm512_mul_round_ps(z, z, Z0_RN), z, Z0_RN);
        s = _mm512_fmadd_round_ps(r, s, q, Z0_RN);
        s = _mm512_fmadd_round_ps(slope, s, lo, Z0_RN);
        __m512 res = _mm512_sub_round_ps(hi, s, Z0_RN);
        res = _mm512_fmadd_round_ps(_mm512_or_ps(sign, z0_f(0x1F800000)), res, two, Z0_RN);
        __mmask16 scalar = (__mmask16)~_mm512_cmp_ps_mask(v, z0_f(0x4120DDFB), _CMP_LT_OS) & lanes;
        _mm512_mask_storeu_ps(out + i, lanes, res);
        for (int l = 0; l < m; l++)
            if (scalar >> l & 1)
                out[i + l] = (float)erfc((double)x[i + l]);
    }
}

/* float64 erf's table (dErf_Z0HAynn's vderf_data, the same in dErf_EXHAynn's: _ckernels_vml.h's vml_derf uses it
 * too): for each node j/128, j < 768, a word whose low 55 bits and high 32 bits feed the kernel's last steps, and a
 * second word, the derivative's factor; hex bits as MKL loads them */
static const uint64_t z0_derf_table[1536] = {
    0x0000000000000000ull, 0x41f0000000000000ull, 0x0000000000000000ull, 0x41f0000000000000ull,
    0x0000000000000000ull, 0x41f0000000000000ull, 0x0000000000000000ull, 0x41f0000000000000ull,
    0xdca20c5645dd2537ull, 0x41eff800ffeaac00ull, 0x67a68e5d3bbc9525ull, 0x41eff38270aea69dull,
    0x7a2b0fafef135744ull, 0x41efee050f0d2228ull, 0x14af902a77bd3821ull, 0x41efe7895e9bb3e2ull,
    0x49b207d480e90658ull, 0x41efe00ffaabffbcull, 0x27b44703e87e8593ull, 0x41efd79996337eecull,
    0x39368591a1e83b5dull, 0x41efce26fbaf9ab1ull, 0x7838c36beb8a8d22ull, 0x41efc3b90d062160ull,
    0x8ebb0081148a8739ull, 0x41efb850c3621ca5ull, 0x493d3cbf7e70a4b2ull, 0x41efabef2f0d1092ull,
    0x1e3f78159ec8bb50ull, 0x41ef9e957744abfaull, 0x1840d939005f65e5ull, 0x41ef9044da0cf342ull,
    0x6741f5e1a35c3b89ull, 0x41ef80feabfeefa5ull, 0x0ac311fc15f56d14ull, 0x41ef70c45813ed9bull,
    0xb7c42d7fc2f64958ull, 0x41ef5f975f6d55daull, 0x41c548642321d7c6ull, 0x41ef4d7959192d0cull,
    0xa0c662a0bdf7a89eull, 0x41ef3a6bf1d3472eull, 0x27477c2d2a765f9eull, 0x41ef2670ebc33c10ull,
    0x2e4895010fdbdbfdull, 0x41ef118a1e372b49ull, 0x60c9ad142662e14cull, 0x41eefbb9755b5e77ull,
    0x314ac45e37fe2526ull, 0x41eee500f1eed967ull, 0x574bdad72110a647ull, 0x41eecd62a8f4e842ull,
    0x7e4cf076d1233236ull, 0x41eeb4e0c363bc9full, 0x344e05354b96ff36ull, 0x41ee9b7d7dd02ad0ull,
    0x454f190aa85540e1ull, 0x41ee813b2816996cull, 0xd85015f78a3dcf3cull, 0x41ee661c25013594ull,
    0xa4d09eed6982b947ull, 0x41ee4a22e9eb7f0cull, 0xb7d127631eb8de31ull, 0x41ee2d51fe633fbcull,
    0x82d1af54e232d608ull, 0x41ee0fabfbc702a4ull, 0xb45236bef825d9a1ull, 0x41edf1338ce21edeull,
    0xd552bd9db0f7827eull, 0x41edd1eb6d866baaull, 0x66d343ed6989b7d9ull, 0x41edb1d66a23b2f6ull,
    0x0fd3c9aa8b84bedaull, 0x41ed90f75f5cf834ull, 0x73544ed18d9f6461ull, 0x41ed6f51399ba9c9ull,
    0x0954d35ef3e5372eull, 0x41ed4ce6f4a0d39dull, 0x59d5574f4ffac98eull, 0x41ed29bb9b1469ceull,
    0xb1d5da9f415ff23eull, 0x41ed05d24612c2afull, 0x58565d4b75b00471ull, 0x41ece12e1cb857bcull,
    0x91d6df50a8dff771ull, 0x41ecbbd253abe533ull, 0x225760aba57a76bfull, 0x41ec95c22ca70079ull,
    0x89d7e15944d9d3e3ull, 0x41ec6f00f5fd3d7full, 0x5e5861566f5fd3bfull, 0x41ec47920a21fba9ull,
    0x0658e0a01cab516bull, 0x41ec1f78cf2cf2d7ull, 0x40595f3353cbb146ull, 0x41ebf6b8b65d994aull,
    0x7359dd0d2b721f38ull, 0x41ebcd553b9d7b62ull, 0x44da5a2aca209394ull, 0x41eba351e5019e1aull,
    0x565ad68966569a86ull, 0x41eb78b2424b0563ull, 0x765b522646bbda67ull, 0x41eb4d79ec66776bull,
    0x645bccfec24855b7ull, 0x41eb21ac84eb95f8ull, 0x5bdc4710406a65fbull, 0x41eaf54db59b66f2ull,
    0x5bdcc058392a6d2cull, 0x41eac8612fde6531ull, 0x885d38d4354c3bcfull, 0x41ea9aeaac423295ull,
    0x565db081ce6e2a47ull, 0x41ea6cede9f70468ull, 0x065e275eaf25e458ull, 0x41ea3e6eae4ce2d4ull,
    0x1ede9d68931ae650ull, 0x41ea0f70c430d437ull, 0x6edf129d471eabb0ull, 0x41e9dff7fbaa0ce2ull,
    0x33df86faa9428f9dull, 0x41e9b00829573ba7ull, 0x3f5ffa7ea8eb5fd0ull, 0x41e97fa525ec0b7aull,
    0x45603693a371519cull, 0x41e94ed2cdaef21full, 0x61606f794ab2cae7ull, 0x41e91d94fff7639cull,
    0x2a60a7ef5c18edd2ull, 0x41e8ebef9eac820bull, 0xa6e0dff4f247f6c5ull, 0x41e8b9e68dc460e6ull,
    0xc0e1178930ada114ull, 0x41e8877db2c3f2d1ull, 0x82e14eab43841b54ull, 0x41e854b8f43fb871ull,
    0x5b61855a5fd3dd50ull, 0x41e8219c395d4690ull, 0x1361bb95c3746199ull, 0x41e7ee2b6955b97full,
    0xd3e1f15cb50bc4ddull, 0x41e7ba6a6af92b36ull, 0x1be226ae840d4d70ull, 0x41e7865d2433414eull,
    0x58625b8a88b6dd7full, 0x41e752077990e79dull, 0x23628ff0240d52cdull, 0x41e71d6d4dc74ba4ull,
    0xc1e2c3debfd7d6c0ull, 0x41e6e892813c2cc1ull, 0x6be2f755ce9a21f4ull, 0x41e6b37af18f9476ull,
    0xc0e32a54cb8db67aull, 0x41e67e2a792709adull, 0xafe35cdb3a9a144cull, 0x41e648a4eeba5169ull,
    0x26e38ee8a84beb71ull, 0x41e612ee24e1cecfull, 0xb163c07ca9cb4f9dull, 0x41e5dd09e9a693dfull,
    0x9b63f196dcd0f134ull, 0x41e5a6fc061433c8ull, 0x1f642236e79a5fa6ull, 0x41e570c83dcc6724ull,
    0x8564525c78dd5965ull, 0x41e53a724e9c91e6ull, 0x2de4820747ba2dc2ull, 0x41e503fdf0153a2aull,
    0x17e4b13713ad3513ull, 0x41e4cd6ed3237e90ull, 0x3b64dfeba47f63ccull, 0x41e496c8a1ac9a3aull,
    0x8ce50e24ca35fd2bull, 0x41e4600efe2b83d4ull, 0x8ce53be25d016a4eull, 0x41e429458350b49aull,
    0x256569243d2b3a9bull, 0x41e3f26fc3a423a1ull, 0x186595ea53035283ull, 0x41e3bb9149298108ull,
    0xb865c2348ecc4dc2ull, 0x41e384ad9506bc24ull, 0x3d65ee02e8a71a53ull, 0x41e34dc81f2cdf28ull,
    0x4a661955607dd15dull, 0x41e316e456034a07ull, 0x4866442bfdedd397ull, 0x41e2e0059e1555d8ull,
    0x7b666e86d0312e81ull, 0x41e2a92f51c26944ull, 0x5f669865ee075010ull, 0x41e27264c0f085fdull,
    0x4c66c1c9759d0e5full, 0x41e23ba930c1568bull, 0x7366eab18c74091aull, 0x41e204ffdb49c32dull,
    0x4867131e5f496a5aull, 0x41e1ce6bef4c13d5ull, 0x8be73b1021fc0cb7ull, 0x41e197f08ff4a4b9ull,
    0x2ee762870f720c6full, 0x41e16190d4993258ull, 0x91e78983697dc96eull, 0x41e12b4fc87ac111ull,
    0x7967b00578c26036ull, 0x41e0f5306a8a23fdull, 0x6667d60d8c979f7aull, 0x41e0bf35ad2f25f7ull,
    0x1de7fb9bfaed8078ull, 0x41e089627612572full, 0x3ee820b1202f27fbull, 0x41e053b99de98123ull,
    0xa068454d5f25760cull, 0x41e01e3df046c203ull, 0x6568697120d92a49ull, 0x41dfd1e456d4a07eull,
    0x3be88d1cd474a2e0ull, 0x41df67b2002dcc38ull, 0x6068b050ef253c36ull, 0x41defdea22d1a993ull,
    0x84e8d30debfc572dull, 0x41de9491e95f7b9cull, 0x44e8f5544bd00c04ull, 0x41de2bae6295e22aull,
    0x74691724951b8fc5ull, 0x41ddc3448110daaeull, 0x0f69387f53df5238ull, 0x41dd5b591b0d001dull,
    0x376959651980da31ull, 0x41dcf3f0ea300349ull, 0x606979d67caa6630ull, 0x41dc8d108b5653e2ull,
    0x58e999d4192a5714ull, 0x41dc26bc7e65f17aull, 0x7ee9b95e8fd26ab9ull, 0x41dbc0f926265aaaull,
    0x7de9d8768656cc41ull, 0x41db5bcac81d8fbeull, 0x2ae9f71ca72cffb6ull, 0x41daf7358c721d1full,
    0x106a1551a16aaeafull, 0x41da933d7dd220fcull, 0x0d6a331628a45b92ull, 0x41da2fe6895f3e95ull,
    0x196a506af4cc00f4ull, 0x41d9cd347e9f70d9ull, 0x096a6d50c20fa293ull, 0x41d96b2b0f72ad0aull,
    0x51ea89c850b7d54cull, 0x41d909cdd00d4565ull, 0x89eaa5d265064365ull, 0x41d8a92036f6faf3ull,
    0x0f6ac16fc7143263ull, 0x41d849259d0eacd1ull, 0x176adca142b10f98ull, 0x41d7e9e13d9292a7ull,
    0x75eaf767a741088aull, 0x41d78b56362cef38ull, 0x11eb11c3c79bb424ull, 0x41d72d8787052737ull,
    0x6beb2bb679ead19bull, 0x41d6d07812d52816ull, 0x59eb4540978921edull, 0x41d6742a9f0309acull,
    0x206b5e62fce16095ull, 0x41d618a1d3bed529ull, 0x316b771e894d602eull, 0x41d5bde03c245b1dull,
    0x4a6b8f741ef54f83ull, 0x41d563e8466101daull, 0x04eba764a2af2b78ull, 0x41d50abc43dd7506ull,
    0x67ebbef0fbde6220ull, 0x41d4b25e696b1e9full, 0x57ebd61a1453ab43ull, 0x41d45ad0cf75515dull,
    0x01ebece0d82d1a5cull, 0x41d4041572360bdfull, 0x376c034635b66e23ull, 0x41d3ae2e31ee3bc0ull,
    0x84ec194b1d49a183ull, 0x41d3591cd321674dull, 0x01ec2ef0812fc1bdull, 0x41d304e2fed4a448ull,
    0x2cec443755820d64ull, 0x41d2b18242d0c1d7ull, 0x09ec5920900b5fd1ull, 0x41d25efc11e78b84ull,
    0x816c6dad2829ec61ull, 0x41d20d51c43c0ae6ull, 0x856c81de16b14ceeull, 0x41d1bc84978dad73ull,
    0x506c95b455cce69cull, 0x41d16c95af8633b6ull, 0x56eca930e0e2a824ull, 0x41d11d86160a4f0bull,
    0x276cbc54b476248dull, 0x41d0cf56bb8cd2ecull, 0x8a6ccf20ce0c0d26ull, 0x41d0820877645eb4ull,
    0x26ece1962c0e0d8bull, 0x41d0359c082364c1ull, 0x76ecf3b5cdaf0c38ull, 0x41cfd42427e4e782ull,
    0x2e6d0580b2cfd249ull, 0x41cf3ed651d94e1cull, 0x756d16f7dbe41c9full, 0x41ceab4f7afc45dbull,
    0x5b6d281c49d818cfull, 0x41ce199061890341ull, 0x67ed38eefdf64fdcull, 0x41cd899995e22c7dull,
    0x74ed4970f9ce00d8ull, 0x41ccfb6b7b59d4deull, 0x60ed59a33f19ed41ull, 0x41cc6f0648fcb87full,
    0x0fed6986cfa798e7ull, 0x41cbe46a0a6082cbull, 0x036d791cad3eff01ull, 0x41cb5b96a074eaf3ull,
    0x45ed8865d98abe00ull, 0x41cad48bc25771c7ull, 0x726d97635600bb88ull, 0x41ca4f48fe298cc4ull,
    0x3f6da61623cb41e0ull, 0x41c9cbcdb9e90aaeull, 0x79edb47f43b2980cull, 0x41c94a19344a7e9cull,
    0x396dc29fb60715afull, 0x41c8ca2a85957ec6ull, 0x716dd0787a8bb39cull, 0x41c84c00a082851aull,
    0x3eedde0a90611a0dull, 0x41c7cf9a531a403full, 0x87edeb56f5f12d27ull, 0x41c754f64796242dull,
    0x45edf85ea8db188dull, 0x41c6dc1305420a79ull, 0x6cee0522a5dfda72ull, 0x41c664eef15eb2dfull,
    0x24ee11a3e8cf4eb8ull, 0x41c5ef885004f59cull, 0x706e1de36c75ba57ull, 0x41c57bdd450979c3ull,
    0x3b6e29e22a89d766ull, 0x41c509ebd4e0c2a8ull, 0x09ee35a11b9b61ceull, 0x41c499b1e583683eull,
    0x026e4121370224ccull, 0x41c42b2d3f524f34ull, 0x336e4c6372cd8927ull, 0x41c3be5b8dfab67aull,
    0x0d6e5768c3b4a3fcull, 0x41c3533a6159f0c4ull, 0x47ee62321d06c5dfull, 0x41c2e9c72e60a184ull,
    0x216e6cc0709c8a0dull, 0x41c281ff4ff555ebull, 0x3eee7714aec96534ull, 0x41c21be007d65349ull,
    0x29ee812fc64db369ull, 0x41c1b7667f7a7550ull, 0x7f6e8b12a44944a7ull, 0x41c1548fc8f0f7a2ull,
    0x42ee94be342e6743ull, 0x41c0f358dfc00722ull, 0x5e6e9e335fb56f86ull, 0x41c093bea9c1f887ull,
    0x276ea7730ed0bbb9ull, 0x41c035bdf80102bbull, 0x2a6eb07e27a133aaull, 0x41bfb2a70f22b93dull,
    0x66eeb9558e6b42cdull, 0x41befcf804d33da1ull, 0x3b6ec1fa258c4beaull, 0x41be4a680072967cull,
    0x106eca6ccd709544ull, 0x41bd9af00e7aba73ull, 0x116ed2ae6489ac1eull, 0x41bcee891a258bf7ull,
    0x516edabfc7453e62ull, 0x41bc452bef0d750cull, 0x826ee2a1d004692bull, 0x41bb9ed13ac971caull,
    0x5c6eea5557137adfull, 0x41bafb718e8457f7ull, 0x52eef1db32a2277bull, 0x41ba5b05608f2bfbull,
    0x326ef93436bc2daaull, 0x41b9bd850dee55d4ull, 0x1c6f006135426b26ull, 0x41b922e8dbe18abbull,
    0x356f0762fde45ee6ull, 0x41b88b28f966424full, 0x47ef0e3a5e1a1787ull, 0x41b7f63d80b49045ull,
    0x576f14e8211e8c54ull, 0x41b7641e78b63dc8ull, 0x616f1b6d0fea5f4cull, 0x41b6d4c3d677ffb4ull,
    0x7d6f21c9f12f0676ull, 0x41b648257e94a907ull, 0x6aef27ff89525aceull, 0x41b5be3b469a3af0ull,
    0x156f2e0e9a6a8b09ull, 0x41b536fcf668b5ebull, 0x1c6f33f7e43a706bull, 0x41b4b262498a916dull,
    0x466f39bc242e43e5ull, 0x41b43062f086c19eull, 0x34ef3f5c1558b19eull, 0x41b3b0f6922c349eull,
    0x5bef44d870704910ull, 0x41b33414ccd6b2c7ull, 0x196f4a31ebcd47dfull, 0x41b2b9b537ad0f56ull,
    0x6eef4f693b67bd76ull, 0x41b241cf63d898b0ull, 0x48ef547f10d60596ull, 0x41b1cc5addb5b982ull,
    0x546f59741b4b97ceull, 0x41b1594f2dfdbda5ull, 0x0c6f5e4907982a07ull, 0x41b0e8a3dae9afa4ull,
    0x4a6f62fe80272418ull, 0x41b07a50694e4566ull, 0x6e6f67952cff6281ull, 0x41b00e4c5db0d45cull,
    0x35ef6c0db3c34641ull, 0x41af491e7aaa8e42ull, 0x396f7068b7b10fd9ull, 0x41ae7a211e8a209cull,
    0x396f74a6d9a38383ull, 0x41adaf8fba9e2f70ull, 0x256f78c8b812d498ull, 0x41ace9596a01420dull,
    0x216f7cceef15d631ull, 0x41ac276d512e5819ull, 0x086f80ba18636f07ull, 0x41ab69ba9fd6a19cull,
    0x4aef848acb544e94ull, 0x41aab03092a9353eull, 0x0bef88419ce4e184ull, 0x41a9fabe750cce49ull,
    0x50ef8bdf1fb7836full, 0x41a94953a2cb9ee0ull, 0x446f8f63e416ebfeull, 0x41a89bdf89b14584ull,
    0x196f92d077f8d56dull, 0x41a7f251ab1af77bull, 0x0e6f96256700da8eull, 0x41a74c999d79f463ull,
    0x57ef99633a838a56ull, 0x41a6aaa70dc8596dull, 0x3e6f9c8a7989af0dull, 0x41a60c69c0f06d4bull,
    0x3a6f9f9ba8d3c733ull, 0x41a571d195267fdbull, 0x1e6fa2974addae45ull, 0x41a4dace83357b04ull,
    0x3d6fa57ddfe27376ull, 0x41a447509fbe441bull, 0x1d6fa84fe5e05c8dull, 0x41a3b7481c6a0f39ull,
    0x4aefab0dd89d1308ull, 0x41a32aa5490fc7caull, 0x58efadb831a9f9c2ull, 0x41a2a15894ccb37aull,
    0x5defb04f6868a943ull, 0x41a21b528f107646ull, 0x76efb2d3f20f9100ull, 0x41a19883e89ca034ull,
    0x51efb54641aebbc8ull, 0x41a118dd7477eebcull, 0x366fb7a6c834b5a2ull, 0x41a09c5028d56d5bull,
    0x30efb9f5f4739170ull, 0x41a022cd1fefa23cull, 0x2cefbc3433260ca5ull, 0x419f588b31afea51ull,
    0x236fbe61eef4cf6aull, 0x419e7155f0750059ull, 0x5f6fc07f907bc793ull, 0x419d8fdd922cf50dull,
    0x4fefc28d7e4f9ccfull, 0x419cb4057ad6df05ull, 0x716fc48c1d033c79ull, 0x419bddb15db6e7c2ull,
    0x5f6fc67bcf2d7b8eull, 0x419b0cc53e851ab0ull, 0x67efc85cf56ecd37ull, 0x419a412572870115ull,
    0x0f6fca2fee770c79ull, 0x41997ab6a194752full, 0x596fcbf5170b578aull, 0x4198b95dc7081830ull,
    0x5b6fcdacca0bfb72ull, 0x4197fd00329bd7e8ull, 0x266fcf57607a6e7cull, 0x419745838931f21full,
    0x476fd0f5317f582eull, 0x419692cdc58ae482ull, 0x2c6fd2869270a56full, 0x4195e4c538e8b8deull,
    0x2c6fd40bd6d7a785ull, 0x41953b508ba01e10ull, 0x59efd58550773cb4ull, 0x41949656bd97bea8ull,
    0x566fd6f34f520139ull, 0x4193f5bf26b6469bull, 0x5a6fd85621b0876cull, 0x41935971773f89beull,
    0x19efd9ae142795e3ull, 0x4192c155b8213cf4ull, 0x4c6fdafb719e6a68ull, 0x41922d544b2fb3f8ull,
    0x0cefdc3e835500b3ull, 0x41919d55eb5315c0ull, 0x596fdd7790ea5bbfull, 0x41911143aca5793full,
    0x6a6fdea6e062d0c8ull, 0x41908906fc825c07ull, 0x376fdfccb62e52d3ull, 0x41900489a187e406ull,
    0x55efe0e9552ebdd5ull, 0x418f076b7714ba1eull, 0x6defe1fcfebe2082ull, 0x418e0ceb86f4c4c8ull,
    0x746fe307f2b503cfull, 0x418d1969167c47a6ull, 0x2fefe40a6f70af4bull, 0x418c2cba7afc6a60ull,
    0x10efe504b1d9696cull, 0x418b46b6baccac7cull, 0x216fe5f6f568b301ull, 0x418a67358cb54040ull,
    0x466fe6e1742f7cf5ull, 0x41898e0f57430911ull, 0x42efe7c466dc57a0ull, 0x4188bb1d30061383ull,
    0x306fe8a004c19ae6ull, 0x4187ee38dabb5b38ull, 0x69efe97483db866full, 0x4187273cc862b03bull,
    0x78efea4218d65949ull, 0x4186660416418b23ull, 0x4eefeb08f7146045ull, 0x4185aa6a8cd39c92ull,
    0x1a6febc950b3fa75ull, 0x4184f44c9ea9e213ull, 0x166fec835695932eull, 0x4184438767390772ull,
    0x2e6fed37386190fbull, 0x418397f8a997d8cdull, 0x456fede5248e38f3ull, 0x4182f17ecf2e8691ull,
    0x3fefee8d486585eeull, 0x41824ff8e657798bull, 0x57efef2fd00af319ull, 0x4181b346a0f271ffull,
    0x796fefcce6813973ull, 0x41811b4852eaa984ull, 0x1feff064b5afffbeull, 0x418087def0b0ac02ull,
    0x4eeff0f766697c75ull, 0x417ff1d81b5131bbull, 0x646ff18520700970ull, 0x417edca3b51af3d7ull,
    0x786ff20e0a7ba8c1ull, 0x417dcfe64794b483ull, 0x07eff2924a3f7a83ull, 0x417ccb669f9386f5ull,
    0x01eff312046f2339ull, 0x417bceecba7888ddull, 0x2beff38d5cc4227full, 0x417ada41c2ad4182ull,
    0x1f6ff404760319b4ull, 0x4179ed300c108a17ull, 0x486ff47772010261ull, 0x4179078310552f6dull,
    0x096ff4e671a85425ull, 0x417829076b5375e1ull, 0x2c6ff55194fe19dfull, 0x4177518ad74ea0e0ull,
    0x506ff5b8fb26f5f5ull, 0x417680dc292f9812ull, 0x066ff61cc26c1578ull, 0x4175b6cb4cb5bcb7ull,
    0x1aeff67d08401202ull, 0x4174f329409efa48ull, 0x72eff6d9e943c230ull, 0x417435c812c81622ull,
    0x10eff733814af88cull, 0x41737e7adc463a6dull, 0x1eeff789eb6130c9ull, 0x4172cd15bd7ab119ull,
    0x5c6ff7dd41ce2b4cull, 0x4172216dda21bc77ull, 0x7c6ff82d9e1a76d7ull, 0x41717b59555d737cull,
    0x6c6ff87b1913e852ull, 0x4170daaf4dbd8082ull, 0x726ff8c5cad200a4ull, 0x41703f47d9449a1bull,
    0x68eff90dcaba4095ull, 0x416f51f802d90c77ull, 0x3b6ff9532f846ab0ull, 0x416e2f4b7e52e204ull,
    0x6feff9960f3eb326ull, 0x416d163feddab22dull, 0x486ff9d67f51ddb9ull, 0x416c068ce958999cull,
    0x226ffa14948549a7ull, 0x416affebcfc45847ull, 0x40effa506302ebadull, 0x416a0217bf35399full,
    0x326ffa89fe5b3625ull, 0x41690ccd8cf7ade9ull, 0x7eeffac17988ef4aull, 0x41681fcbbda9d45cull,
    0x116ffaf6e6f4f5c0ull, 0x41673ad27d602858ull, 0x3feffb2a5879f35eull, 0x41665da397d3770cull,
    0x006ffb5bdf67fe6full, 0x4165880270993620ull, 0x246ffb8b8c88295full, 0x4164b9b3fb67473eull,
    0x02effbb970200110ull, 0x4163f27eb464280aull, 0x2c6ffbe599f4f9d9ull, 0x4163322a988481d7ull,
    0x3d6ffc10194fcb64ull, 0x416278811df7007eull, 0x69effc38fcffbb7bull, 0x4161c54d2c9f4bf1ull,
    0x4d6ffc60535dd7f4ull, 0x4161185b16a0f4b5ull, 0x6d6ffc862a501fd6ull, 0x4160717890fb1815ull,
    0x366ffcaa8f4c9beaull, 0x415fa0e9586aebc7ull, 0x066ffccd8f5c66d1ull, 0x415e6a3f9a3f4d9dull,
    0x15effcef371ea4d7ull, 0x415d3e974b462f89ull, 0x42effd0f92cb6ba6ull, 0x415c1d965b50c91aull,
    0x73effd2eae369a06ull, 0x415b06e538214368ull, 0x556ffd4c94d29fdaull, 0x4159fa2ebf863823ull,
    0x526ffd6951b33685ull, 0x4158f72031a0154cull, 0x2e6ffd84ef9009eeull, 0x4157fd6923514c74ull,
    0x20effd9f78c7524aull, 0x41570cbb70da2228ull, 0x46effdb8f7605ee6ull, 0x415624cb30a0e0a3ull,
    0x2a6ffdd1750e1220ull, 0x4155454ea6271fbcull, 0x796ffde8fb314ebeull, 0x41546dfe352cc351ull,
    0x676ffdff92db56e4ull, 0x41539e945501416eull, 0x736ffe1544d01ccaull, 0x4152d6cd8403b1b9ull,
    0x1eeffe2a1988857cull, 0x415216683b52187dull, 0x546ffe3e19349dc6ull, 0x41515d24e2a85127ull,
    0x78effe514bbdc196ull, 0x4150aac5c46eedb6ull, 0x45effe63b8c8b5f6ull, 0x414ffe1e03f4a62aull,
    0x396ffe7567b7b5e1ull, 0x414eb38d0ff499f9ull, 0x01effe865fac722bull, 0x414d756806348eabull,
    0x5b6ffe96a78a04a8ull, 0x414c4341a9a49d9bull, 0x71effea645f6d6d9ull, 0x414b1cb010d1dcdaull,
    0x5ceffeb5415e7c43ull, 0x414a014c904be97eull, 0x41effec39ff380b8ull, 0x4148f0b3a56c403aull,
    0x446ffed167b12ac1ull, 0x4147ea84e17f4e93ull, 0x3b6ffede9e5d3262ull, 0x4146ee62d54f12e6ull,
    0x39effeeb49896c6dull, 0x4145fbf2fd0f0e55ull, 0x476ffef76e956a9eull, 0x414512ddaca93946ull,
    0x22efff0312b010b5ull, 0x414432cdfc6b99abull, 0x3befff0e3ad91ec2ull, 0x41435b71b616098dull,
    0x736fff18ebe2b0e0ull, 0x41428c794247ac65ull, 0x136fff232a72b48eull, 0x4141c597964b82c8ull,
    0x336fff2cfb0453d9ull, 0x4141068222437d65ull, 0x24efff3661e9569dull, 0x41404ef0bfb162f1ull,
    0x39efff3f634b79f9ull, 0x413f3d3b40b99f00ull, 0x16efff48032dbe40ull, 0x413dea8a7b2b0fb6ull,
    0x79efff50456dab8bull, 0x413ca54c8fa29f77ull, 0x266fff582dc48d30ull, 0x413b6d032d48ce6full,
    0x72efff5fbfc8a438ull, 0x413a4134322792deull, 0x16efff66feee5129ull, 0x413921698c807a51ull,
    0x376fff6dee89352eull, 0x41380d311cd27e54ull, 0x486fff7491cd4af5ull, 0x4137041c988d8bd2ull,
    0x25efff7aebcff755ull, 0x413605c16d71ad10ull, 0x6fefff80ff8911fcull, 0x413511b8a597b82cull,
    0x6d6fff86cfd3e656ull, 0x4134279ecc2156f6ull, 0x68efff8c5f702cceull, 0x41334713d28e3132ull,
    0x266fff91b102fca8ull, 0x41326fbaf6b3f76full, 0x476fff96c717b694ull, 0x4131a13aa95702d2ull,
    0x116fff9ba420e834ull, 0x4130db3c75613576ull, 0x49efffa04a7928b0ull, 0x41301d6ce7b4bf03ull,
    0x6e6fffa4bc63ee99ull, 0x412ecef6ef30c4a0ull, 0x49efffa8fc0e5f32ull, 0x412d7234df75a579ull,
    0x0befffad0b901755ull, 0x412c23fdaf957587ull, 0x286fffb0ecebee1bull, 0x412ae3c0bd41f1dcull,
    0x7aefffb4a210b171ull, 0x4129b0f289f5395bull, 0x3d6fffb82cd9dcbfull, 0x41288b0c918053aaull,
    0x1d6fffbb8f1049c6ull, 0x4127718d21af4ea3ull, 0x4a6fffbeca6adbe8ull, 0x412663f732fdf8b8ull,
    0x18efffc1e08f25f5ull, 0x412561d242583d44ull, 0x5defffc4d3120aa0ull, 0x41246aaa2be127a7ull,
    0x66efffc7a37857d1ull, 0x41237e0f06bb92fdull, 0x08efffca53375ce3ull, 0x41229b9501cf8ea3ull,
    0x6d6fffcce3b57bfeull, 0x4121c2d4418782dfull, 0x64efffcf564ab6b6ull, 0x4120f368be80259bull,
    0x3defffd1ac4135f9ull, 0x41202cf22526545aull, 0x2befffd3e6d5cd87ull, 0x411ede276c7bde11ull,
    0x0e6fffd607387b07ull, 0x411d72e85099ad1dull, 0x7aefffd80e8ce0d9ull, 0x411c177b13ca740full,
    0x21efffd9fdeabcceull, 0x411acb3a4994cd3full, 0x49efffdbd65e5acfull, 0x41198d86c3d6af41ull,
    0x4e6fffdd98e903b1ull, 0x41185dc75c5c9d7aull, 0x2f6fffdf46816833ull, 0x41173b68c0118f46ull,
    0x74efffe0e0140856ull, 0x411625dd3bbe4b61ull, 0x536fffe266839729ull, 0x41151c9c8a4f0db3ull,
    0x2befffe3daa95b18ull, 0x41141f23a4966763ull, 0x296fffe53d558ae9ull, 0x41132cf4928463d6ull,
    0x016fffe68f4fa777ull, 0x411245963dc918c7ull, 0x72efffe7d156d243ull, 0x4111689445d9e440ull,
    0x67efffe904222100ull, 0x4110957ed550b883ull, 0x406fffea2860ee1dull, 0x410f97d4f139e803ull,
    0x0f6fffeb3ebb267bull, 0x410e16dfebfac43bull, 0x36efffec47d19457ull, 0x410ca7584d7641c8ull,
    0x16efffed443e2787ull, 0x410b487fa33a8f26ull, 0x2cefffee34943b15ull, 0x4109f99f0d1a946dull,
    0x416fffef1960d85cull, 0x4108ba06f6c86e7aull, 0x76efffeff32af7aeull, 0x4107890ed3b21a32ull,
    0x4d6ffff0c273bea1ull, 0x41066614dd110e9aull, 0x5d6ffff187b6bc0dull, 0x4105507dd21dc7feull,
    0x596ffff2436a21dbull, 0x410447b4ba5889f3ull, 0x1aeffff2f5fefcaaull, 0x41034b2aa9d8e234ull,
    0x3beffff39fe16963ull, 0x41025a568795ba85ull, 0x04effff44178c8d2ull, 0x410174b4d5980c4cull,
    0x3beffff4db27f146ull, 0x410099c77b0a8d21ull, 0x156ffff56d4d5e5eull, 0x40ff922b2031dff6ull,
    0x5e6ffff5f8435efbull, 0x40fe045657233679ull, 0x2d6ffff67c604180ull, 0x40fc89326479f015ull,
    0x3c6ffff6f9f67e55ull, 0x40fb1fea4fbb871aull, 0x436ffff77154e0d5ull, 0x40f9c7b2039c1ce6ull,
    0x096ffff7e2c6aea2ull, 0x40f87fc5f659b544ull, 0x1beffff84e93cd75ull, 0x40f7476ad5211411ull,
    0x6f6ffff8b500e77bull, 0x40f61ded3265285bull, 0x706ffff9164f8e45ull, 0x40f502a137127498ull,
    0x6eeffff972be5c58ull, 0x40f3f4e2568866c7ull, 0x78effff9ca891571ull, 0x40f2f4130543155full,
    0x306ffffa1de8c582ull, 0x40f1ff9c722056c9ull, 0x5f6ffffa6d13de72ull, 0x40f116ee422ba8b8ull,
    0x636ffffab83e54b7ull, 0x40f0397e4edcdab4ull, 0x696ffffaff99bac3ull, 0x40eecd90cd6bd7fbull,
    0x386ffffb43555b5full, 0x40ed3c9c205a0ffaull, 0x26effffb839e52f3ull, 0x40ebbf2c9da00c2full,
    0x2d6ffffbc09fa7cdull, 0x40ea545ad51e9368ull, 0x5aeffffbfa82616aull, 0x40e8fb49723cab1aull,
    0x4eeffffc316d9ecfull, 0x40e7b324d2b1b3faull, 0x326ffffc6586abf6ull, 0x40e67b22a136f1a2ull,
    0x076ffffc96f1165eull, 0x40e5528173ffd469ull, 0x7a6ffffcc5cec0c0ull, 0x40e438886ed93b2dull,
    0x49effffcf23ff5fbull, 0x40e32c86e8d0bd8aull, 0x29effffd1c637b2bull, 0x40e22dd41545e619ull,
    0x6feffffd4456a10cull, 0x40e13bceb04817b8ull, 0x2d6ffffd6a3554a1ull, 0x40e055dcae24a859ull,
    0x47effffd8e1a2f21ull, 0x40def6d5dc130f34ull, 0x71effffdb01e8545ull, 0x40dd57d9df431e9dull,
    0x546ffffdd05a75e9ull, 0x40dbcdb91720c06dull, 0x1c6ffffdeee4f810ull, 0x40da57735d68da6cull,
    0x78effffe0bd3e851ull, 0x40d8f414302d27abull, 0x06effffe273c15b7ull, 0x40d7a2b232deb259ull,
    0x056ffffe41314e06ull, 0x40d6626eb4552dfaull, 0x166ffffe59c6698bull, 0x40d5327539a62b12ull,
    0x396ffffe710d565eull, 0x40d411fb0da07713ull, 0x0ceffffe8717232dull, 0x40d3003ed4c14daaull,
    0x566ffffe9bf4098bull, 0x40d1fc88257a4b03ull, 0x346ffffeafb377d5ull, 0x40d1062724a051c4ull,
    0x436ffffec2641a9dull, 0x40d01c7425dcd2f4ull, 0x746ffffed413e5b6ull, 0x40ce7d9e9ff8346bull,
    0x376ffffee4d01cd6ull, 0x40ccd94089e8db04ull, 0x05effffef4a55bd4ull, 0x40cb4aab9b05e9eeull,
    0x4c6fffff039f9e8eull, 0x40c9d0cb1078fb5bull, 0x1eefffff11ca4876ull, 0x40c86a9737e2831cull,
    0x076fffff1f302bc1ull, 0x40c71714da87dc9cull, 0x3d6fffff2bdb904dull, 0x40c5d554aeaa5d8cull,
    0x746fffff37d63a35ull, 0x40c4a472cecbf851ull, 0x696fffff43297018ull, 0x40c3839636a7f027ull,
    0x3cefffff4dde0118ull, 0x40c271f045a80a93ull, 0x28efffff57fc4a95ull, 0x40c16ebc46a08659ull,
    0x7befffff618c3da5ull, 0x40c0793efc9eef8dull, 0x4a6fffff6a95644full, 0x40bf218c693356d7ull,
    0x2befffff731ee681ull, 0x40bd6950b79f9984ull, 0x4e6fffff7b2f8ed5ull, 0x40bbc8883554d7e4ull,
    0x20efffff82cdcf1bull, 0x40ba3dffe7e4b6e7ull, 0x486fffff89ffc4a9ull, 0x40b8c893d05d47d1ull,
    0x056fffff90cb3c81ull, 0x40b7672e3a0372c6ull, 0x1fefffff9735b73bull, 0x40b618c710b9ad1aull,
    0x726fffff9d446ccbull, 0x40b4dc633ec4b4bfull, 0x0fefffffa2fc5015ull, 0x40b3b11411a2d423ull,
    0x05efffffa8621251ull, 0x40b295f6a5ace67bull, 0x236fffffad7a2652ull, 0x40b18a33583af3f4ull,
    0x336fffffb248c39dull, 0x40b08cfd4008c875ull, 0x026fffffb6d1e95dull, 0x40af3b235732bd38ull,
    0x00efffffbb196132ull, 0x40ad766f4ab4b806ull, 0x5a6fffffbf22c1e1ull, 0x40abca7efa96583dull,
    0x30efffffc2f171e3ull, 0x40aa3604afdb0929ull, 0x48efffffc688a9ceull, 0x40a8b7c3848e9245ull,
    0x516fffffc9eb76abull, 0x40a74e8e957fbd3eull, 0x70efffffcd1cbc27ull, 0x40a5f9483d4a0956ull,
    0x45efffffd01f36aeull, 0x40a4b6e1584a8971ull, 0x69efffffd2f57d67ull, 0x40a38658911fd72eull,
    0x1f6fffffd5a2041full, 0x40a266b9b558b257ull, 0x28efffffd8271d12ull, 0x40a1571d11f87159ull,
    0x62efffffda86faa8ull, 0x40a056a6d77bd67cull, 0x1eefffffdcc3b117ull, 0x409ec90d0a185d79ull,
    0x396fffffdedf37edull, 0x409cffecb523a6b5ull, 0x6eefffffe0db6b90ull, 0x409b5075a2b47eefull,
    0x5b6fffffe2ba0ea4ull, 0x4099b9443611cf54ull, 0x17efffffe47ccb60ull, 0x409839074d19c799ull,
    0x5e6fffffe62534d3ull, 0x4096ce7f55b086d3ull, 0x1a6fffffe7b4c81eull, 0x4095787d6e312916ull,
    0x45efffffe92ced92ull, 0x409435e2906576d2ull, 0x756fffffea8ef9ceull, 0x4093059ec68d715dull,
    0x626fffffebdc2ec5ull, 0x4091e6b06a04c886ull, 0x50efffffed15bcb9ull, 0x4090d8236b18e8f6ull,
    0x1e6fffffee3cc32cull, 0x408fb221434d9775ull, 0x466fffffef5251c1ull, 0x408dd13a4c37fc7dull,
    0x296ffffff0576917ull, 0x408c0bf364f50045ull, 0x5aeffffff14cfb91ull, 0x408a60c416062680ull,
    0x3b6ffffff233ee1dull, 0x4088ce38dc5ae5ddull, 0x1b6ffffff30d18e8ull, 0x408752f21733371dull,
    0x296ffffff3d9480full, 0x4085eda30351b6eeull, 0x656ffffff4993c45ull, 0x40849d10c2e1a830ull,
    0x4b6ffffff54dab71ull, 0x40836011717bbc77ull, 0x74effffff5f74140ull, 0x4082358b43bae05cull,
    0x586ffffff6969fb7ull, 0x40811c73b1d86255ull, 0x62effffff72c5fb5ull, 0x408013ceaccca75cull,
    0x10effffff7b91176ull, 0x407e355bbaee85cbull, 0x3a6ffffff83d3d07ull, 0x407c605fdaad6317ull,
    0x34effffff8b962beull, 0x407aa6ffb0ba51a0ull, 0x77effffff92dfba1ull, 0x407907a88ee9da36ull,
    0x6a6ffffff99b79d1ull, 0x407780dde696d57cull, 0x7deffffffa0248e7ull, 0x407611381dfdd2cbull,
    0x33effffffa62ce54ull, 0x4074b763749e3996ull, 0x386ffffffabd69b4ull, 0x4073721ef5ea2612ull,
    0x2a6ffffffb127525ull, 0x4072403b79962533ull, 0x2feffffffb624592ull, 0x4071209ab0e1c266ull,
    0x7a6ffffffbad2afeull, 0x4070122e403955bbull, 0x47effffffbf370ccull, 0x406e27edc9315ddfull,
    0x0c6ffffffc355dfdull, 0x406c4a07483a366dull, 0x4c6ffffffc733571ull, 0x406a88e21277b812ull,
    0x4aeffffffcad3625ull, 0x4068e2d0d030ee58ull, 0x1aeffffffce39b67ull, 0x4067563e5af8ac41ull,
    0x2e6ffffffd169d0cull, 0x4065e1ac6dedefcaull, 0x6feffffffd466fa4ull, 0x406483b267670bc0ull,
    0x036ffffffd7344aaull, 0x40633afc1b2bdc4full, 0x396ffffffd9d4aabull, 0x40620648b46d796aull,
    0x456ffffffdc4ad79ull, 0x4060e469a6b398d7ull, 0x4eeffffffde9964dull, 0x405fa8835a0249efull,
    0x666ffffffe0c2befull, 0x405da987acf4f2d9ull, 0x6ceffffffe2c92daull, 0x405bc9e53fc07e99ull,
    0x026ffffffe4aed5eull, 0x405a07be3274183bull, 0x01effffffe675bbdull, 0x405861502e2768e2ull,
    0x19effffffe81fc4eull, 0x4056d4f2dd6f71b4ull, 0x0feffffffe9aeb97ull, 0x4055611679b0aac9ull,
    0x386ffffffeb24467ull, 0x405404426c3f1810ull, 0x29effffffec81ff2ull, 0x4052bd14024a0a6full,
    0x426ffffffedc95e6ull, 0x40518a3d329db37cull, 0x756ffffffeefbc84ull, 0x40506a8374509311ull,
    0x016fffffff01a8b6ull, 0x404eb97d4afc3bd3ull, 0x026fffffff126e1eull, 0x404cbfb00275a12bull,
    0x776fffffff221f2full, 0x404ae59247f070adull, 0x3defffffff30cd3full, 0x404929363b32b178ull,
    0x076fffffff3e8892ull, 0x404788cb21027cf8ull, 0x556fffffff4b606eull, 0x4046029bb9dd1566ull,
    0x036fffffff57632dull, 0x4044950caffea471ull, 0x5defffffff629e43ull, 0x40433e9b1b81af27ull,
    0x536fffffff6d1e55ull, 0x4041fddb1b6cdf3dull, 0x45efffffff76ef3eull, 0x4040d17682949a86ull,
    0x77efffffff801c1eull, 0x403f70572e880ffeull, 0x2aefffffff88af67ull, 0x403d6197c95d3b54ull,
    0x62efffffff90b2e2ull, 0x403b74763a7056c0ull, 0x5fefffffff982fc0ull, 0x4039a6dc195b273cull,
    0x4e6fffffff9f2e9eull, 0x4037f6d3332815fdull, 0x2d6fffffffa5b790ull, 0x40366283a97fa0b6ull,
    0x75efffffffabd228ull, 0x4034e8322cdbc100ull, 0x046fffffffb18582ull, 0x4033863e504c6e6aull,
    0x47efffffffb6d843ull, 0x40323b20f56b83b6ull, 0x34efffffffbbd0aaull, 0x4031056acf308733ull,
    0x0b6fffffffc0748full, 0x402fc785f4cc55d5ull, 0x676fffffffc4c96bull, 0x402da9cb5527aaedull,
    0x21efffffffc8d462ull, 0x402baf45d47a63b0ull, 0x086fffffffcc9a41ull, 0x4029d5badad159f3ull,
    0x6cefffffffd01f88ull, 0x40281b12ead7e725ull, 0x08efffffffd36871ull, 0x40267d578a15f796ull,
    0x416fffffffd678ecull, 0x4024fab14805e6a5ull, 0x47efffffffd954adull, 0x40239165e24d2988ull,
    0x14efffffffdbff2aull, 0x40223fd68479eb54ull, 0x4c6fffffffde7b9full, 0x4021047e21bdb11full,
    0x7eefffffffe0cd15ull, 0x401fbbdfce63ed31ull, 0x51efffffffe2f663ull, 0x401d95ab8a8efed9ull,
    0x0eefffffffe4fa30ull, 0x401b93de1e27ca3bull, 0x17efffffffe6daf7ull, 0x4019b41e5c857fceull,
    0x49efffffffe89b0bull, 0x4017f438d5016e96ull, 0x436fffffffea3c99ull, 0x4016521d868dae9full,
    0x1e6fffffffebc1a9ull, 0x4014cbddb5f789e9ull, 0x0f6fffffffed2c21ull, 0x40135fa9e4ddc1efull,
    0x7a6fffffffee7dc7ull, 0x40120bcfe77e3b39ull, 0x706fffffffefb846ull, 0x4010ceb9179897eeull,
    0x21effffffff0dd2bull, 0x400f4dd14577e044ull, 0x406ffffffff1ede8ull, 0x400d25f3e4da671dull,
    0x51effffffff2ebd9ull, 0x400b233e5953c928ull, 0x786ffffffff3d842ull, 0x4009433f96bfaec1ull,
    0x2b6ffffffff4b453ull, 0x400783ae930d011eull, 0x676ffffffff58125ull, 0x4005e267c93264d9ull,
    0x52effffffff63fc2ull, 0x40045d6ae286fa0eull, 0x55effffffff6f120ull, 0x4002f2d884438f3eull,
    0x2beffffffff79626ull, 0x4001a0f03f106cd8ull, 0x6b6ffffffff82faaull, 0x4000660e9ea2231aull,
    0x016ffffffff8be77ull, 0x3ffe8156af08d0d8ull, 0x2ceffffffff94346ull, 0x3ffc5eaf229a625eull,
    0x69effffffff9bec7ull, 0x3ffa617897179d8aull, 0x5b6ffffffffa319eull, 0x3ff88731b7c04b4aull,
    0x2ceffffffffa9c63ull, 0x3ff6cd830779f7cbull, 0x6eeffffffffaffa3ull, 0x3ff5323c38dc279dull,
    0x68effffffffb5be4ull, 0x3ff3b351b01e9334ull, 0x6e6ffffffffbb1a1ull, 0x3ff24eda2c6a9fa2ull,
    0x256ffffffffc014eull, 0x3ff1030c9635f40eull, 0x506ffffffffc4b55ull, 0x3fef9c7be0dd5f30ull,
    0x0ceffffffffc901cull, 0x3fed5dbed4c4fe10ull, 0x13effffffffccfffull, 0x3feb46f920d17b2cull,
    0x716ffffffffd0b55ull, 0x3fe9557332ea02aeull, 0x39effffffffd4271ull, 0x3fe786a39fa6126aull,
    0x3eeffffffffd759dull, 0x3fe5d82c26ce1c09ull, 0x3d6ffffffffda520ull, 0x3fe447d6e7cc1e1eull,
    0x07effffffffdd13cull, 0x3fe2d393c321d0b2ull, 0x316ffffffffdfa2dull, 0x3fe17975e625d14aull,
    0x34effffffffe202dull, 0x3fe037b17e7291e0ull, 0x16effffffffe4371ull, 0x3fde193325319e2eull,
    0x086ffffffffe642aull, 0x3fdbed3bfb983a47ull, 0x06effffffffe8286ull, 0x3fd9e89318c59cb8ull,
    0x786ffffffffe9eafull, 0x3fd808806e465fddull, 0x48effffffffeb8cfull, 0x3fd64a7af6ede777ull,
    0x00effffffffed10aull, 0x3fd4ac259d756915ull, 0x606ffffffffee781ull, 0x3fd32b4c55f5d81full,
    0x73effffffffefc56ull, 0x3fd1c5e1671310bbull, 0x29efffffffff0fa7ull, 0x3fd079fadfdf4ce9ull,
    0x656fffffffff218eull, 0x3fce8ba06f579b7full, 0x10efffffffff3227ull, 0x3fcc4f702a4daf17ull,
    0x2f6fffffffff4188ull, 0x3fca3c4c749fa106ull, 0x6befffffffff4fc8ull, 0x3fc84f5325e145faull,
    0x27efffffffff5cfdull, 0x3fc685d4c6df2e9full, 0x0aefffffffff6939ull, 0x3fc4dd512bdd9df3ull,
    0x0d6fffffffff748eull, 0x3fc35374479d0248ull, 0x05efffffffff7f0dull, 0x3fc1e613338a58b0ull,
    0x336fffffffff88c5ull, 0x3fc0932969ba7c57ull, 0x486fffffffff91c5ull, 0x3fbeb1ac5b09448bull,
    0x74efffffffff9a1aull, 0x3fbc6ab43f84aea0ull, 0x6eefffffffffa1d1ull, 0x3fba4e29f7d4dfceull,
    0x7b6fffffffffa8f5ull, 0x3fb85906f6d14650ull, 0x756fffffffffaf91ull, 0x3fb6887ab97a5c3aull,
    0x55efffffffffb5afull, 0x3fb4d9e7182dff92ull, 0x3befffffffffbb58ull, 0x3fb34adcd67f6f9aull,
    0x706fffffffffc094ull, 0x3fb1d9186da6a5abull, 0x6defffffffffc56cull, 0x3fb0827f0dbbb4e8ull,
    0x65efffffffffc9e7ull, 0x3fae8a37a45fc32eull, 0x44efffffffffce0cull, 0x3fac3e3a4c5ee31full,
    0x38efffffffffd1e1ull, 0x3faa1da4ab9a1531ull, 0x34efffffffffd56cull, 0x3fa825529213fbdbull,
    0x756fffffffffd8b2ull, 0x3fa65258cbfca61full, 0x03efffffffffdbbaull, 0x3fa4a2012f1fdc02ull,
    0x3a6fffffffffde86ull, 0x3fa311c6eca3f484ull, 0x46efffffffffe11cull, 0x3fa19f532299fb32ull,
    0x2fefffffffffe380ull, 0x3fa04879a92986b8ull, 0x54efffffffffe5b5ull, 0x3f9e166c2ecf5d2dull,
    0x726fffffffffe7bfull, 0x3f9bcb51f852a3b3ull, 0x256fffffffffe9a2ull, 0x3f99ac2a8ebb3adaull,
    0x6b6fffffffffeb5full, 0x3f97b5bbc16d67abull, 0x266fffffffffecfbull, 0x3f95e506d13778e0ull,
    0x1defffffffffee77ull, 0x3f94374441235915ull, 0x026fffffffffefd6ull, 0x3f92a9dff0ee0909ull,
    0x6c6ffffffffff119ull, 0x3f913a757c355f22ull, 0x606ffffffffff244ull, 0x3f8fcd99b37d8db0ull,
    0x4feffffffffff358ull, 0x3f8d59ae6d0dc693ull, 0x1a6ffffffffff457ull, 0x3f8b155811247b3bull,
    0x0deffffffffff542ull, 0x3f88fd0cab75acbfull, 0x69effffffffff61aull, 0x3f870d8455eba1b6ull,
    0x5feffffffffff6e2ull, 0x3f8543b4818f8935ull, 0x12effffffffff79bull, 0x3f839ccb93ab9693ull,
    0x1b6ffffffffff845ull, 0x3f82162cd16ab8aeull, 0x04effffffffff8e2ull, 0x3f80ad6c949b58f4ull,
    0x50effffffffff972ull, 0x3f7ec099892b29ccull, 0x786ffffffffff9f7ull, 0x3f7c59731d35191cull,
    0x696ffffffffffa72ull, 0x3f7a218cb2a40dd0ull, 0x0a6ffffffffffae4ull, 0x3f781555deac559cull,
    0x3aeffffffffffb4cull, 0x3f763181ba056531ull, 0x51effffffffffbacull, 0x3f747301fbfc3feaull,
    0x20effffffffffc05ull, 0x3f72d7026e60ab5eull, 0x72effffffffffc56ull, 0x3f715ae4b425c61cull,
    0x0c6ffffffffffca2ull, 0x3f6ff878b9f1e143ull, 0x2deffffffffffce7ull, 0x3f6d719680eaa9a8ull,
    0x11effffffffffd27ull, 0x3f6b1cfc37ee5895ull, 0x6f6ffffffffffd61ull, 0x3f68f6d2dcd1370cull,
    0x786ffffffffffd97ull, 0x3f66fb8d1b65e748ull, 0x5beffffffffffdc9ull, 0x3f6527e1e39596a6ull,
    0x446ffffffffffdf7ull, 0x3f6378c76327f5a3ull, 0x59effffffffffe21ull, 0x3f61eb6e5c38e054ull,
    0x40effffffffffe48ull, 0x3f607d3dd1d4acd5ull, 0x1b6ffffffffffe6cull, 0x3f5e579e094dd234ull,
    0x07effffffffffe8dull, 0x3f5be9d37424eee7ull, 0x236ffffffffffeabull, 0x3f59ad0190dbdff5ull,
    0x08effffffffffec7ull, 0x3f579d5dc6f8d9f9ull, 0x50effffffffffee0ull, 0x3f55b7674923c32dull,
    0x116ffffffffffef8ull, 0x3f53f7e194466984ull, 0x5fefffffffffff0dull, 0x3f525bcf559bf5c3ull,
    0x4eefffffffffff21ull, 0x3f50e06db0545094ull, 0x706fffffffffff33ull, 0x3f4f065fb7e73b5dull,
    0x54efffffffffff44ull, 0x3f4c83762a20dfaeull, 0x0b6fffffffffff54ull, 0x3f4a33c5b50afc91ull,
    0x21efffffffffff62ull, 0x3f48134ae32bfcb3ull, 0x24efffffffffff6full, 0x3f461e5157cdaf13ull,
    0x206fffffffffff7bull, 0x3f44516dd5166117ull, 0x1eefffffffffff86ull, 0x3f42a978b3718a6aull,
    0x2aefffffffffff90ull, 0x3f412388c210f82full, 0x4d6fffffffffff99ull, 0x3f3f79dd11c8d0e3ull,
    0x0eefffffffffffa2ull, 0x3f3ce65fc9e07b69ull, 0x76efffffffffffa9ull, 0x3f3a8807f0da1c53ull,
    0x0cefffffffffffb1ull, 0x3f385a9ed123f0f2ull, 0x57efffffffffffb7ull, 0x3f365a41c6b6e761ull,
    0x5d6fffffffffffbdull, 0x3f34835bd010a41bull, 0x22efffffffffffc3ull, 0x3f32d29f9acedb97ull,
    0x2defffffffffffc8ull, 0x3f31450202d4e4e1ull, 0x036fffffffffffcdull, 0x3f2faf69f7178913ull,
    0x276fffffffffffd1ull, 0x3f2d1045b6d112d0ull, 0x1e6fffffffffffd5ull, 0x3f2aa7d404eaf9b1ull,
    0x6b6fffffffffffd8ull, 0x3f2871b1aa423baeull, 0x11efffffffffffdcull, 0x3f2669d40a25aaddull,
    0x156fffffffffffdfull, 0x3f248c824472e49aull, 0x78efffffffffffe1ull, 0x3f22d64edd66ba7bull,
    0x3e6fffffffffffe4ull, 0x3f214411e12964d5ull, 0x68efffffffffffe6ull, 0x3f1fa5c6f3b20e11ull,
    0x7aefffffffffffe8ull, 0x3f1d002ddf03ef28ull, 0x756fffffffffffeaull, 0x3f1a926c14299b51ull,
    0x5aefffffffffffecull, 0x3f1857f99bfe8fbbull, 0x2d6fffffffffffeeull, 0x3f164cab192f01fdull,
    0x6defffffffffffefull, 0x3f146caa8412b080ull, 0x1e6ffffffffffff1ull, 0x3f12b47075da47d7ull,
    0x406ffffffffffff2ull, 0x3f1120bdf83abdafull, 0x546ffffffffffff3ull, 0x3f0f5d2d9f1e72e6ull,
    0x5beffffffffffff4ull, 0x3f0cb6786c50ff4full, 0x57effffffffffff5ull, 0x3f0a48500062c79aull,
    0x496ffffffffffff6ull, 0x3f080e104066ffacull, 0x316ffffffffffff7ull, 0x3f06037509be80bbull,
    0x106ffffffffffff8ull, 0x3f042492928e267cull, 0x676ffffffffffff8ull, 0x3f026dce627ff838ull,
    0x36effffffffffff9ull, 0x3f00dbd8d82578a6ull, 0x7f6ffffffffffff9ull, 0x3efed74e60631edeull,
    0x426ffffffffffffaull, 0x3efc34dc092042e6ull, 0x7eeffffffffffffaull, 0x3ef9cb3874438ee1ull,
    0x36effffffffffffbull, 0x3ef795aca9287d3bull, 0x69effffffffffffbull, 0x3ef58fe450ea6454ull,
    0x186ffffffffffffcull, 0x3ef3b5e5c86b9440ull, 0x42effffffffffffcull, 0x3ef2040ad2c5cc52ull,
    0x69effffffffffffcull, 0x3ef076f9dfb1c661ull, 0x0d6ffffffffffffdull, 0x3eee173fb4cc1489ull,
    0x2deffffffffffffdull, 0x3eeb7e54ec9b3dabull, 0x4b6ffffffffffffdull, 0x3ee91e05df8da011ull,
    0x666ffffffffffffdull, 0x3ee6f1926fb4b8f0ull, 0x7f6ffffffffffffdull, 0x3ee4f49f051a25b3ull,
    0x15effffffffffffeull, 0x3ee3232c60248eb0ull, 0x2a6ffffffffffffeull, 0x3ee17990137b18a8ull,
    0x3d6ffffffffffffeull, 0x3edfe8db307aa9b7ull, 0x4e6ffffffffffffeull, 0x3edd215fe0d3238eull,
    0x5e6ffffffffffffeull, 0x3eda970798776731ull, 0x6c6ffffffffffffeull, 0x3ed844a450599ddcull,
    0x796ffffffffffffeull, 0x3ed62576b411f78cull, 0x056fffffffffffffull, 0x3ed43525089cf330ull,
    0x106fffffffffffffull, 0x3ed26fb2cf70e351ull, 0x1a6fffffffffffffull, 0x3ed0d17916f2f966ull,
    0x236fffffffffffffull, 0x3eceae3ed4fe32d1ull, 0x2befffffffffffffull, 0x3ecbfb2aaa939d0full,
    0x336fffffffffffffull, 0x3ec98418d8c5509full, 0x39efffffffffffffull, 0x3ec743e5aa1146ffull,
    0x406fffffffffffffull, 0x3ec535dc7ab7081aull, 0x45efffffffffffffull, 0x3ec355ae7c7b16b6ull,
    0x4b6fffffffffffffull, 0x3ec19f6a3be40417ull, 0x4fefffffffffffffull, 0x3ec00f73d75f964full,
    0x546fffffffffffffull, 0x3ebd44fbb3f2f179ull, 0x586fffffffffffffull, 0x3ebaab0558df1506ull,
    0x5befffffffffffffull, 0x3eb84b7d20f7ce81ull, 0x5f6fffffffffffffull, 0x3eb621543647e553ull,
    0x626fffffffffffffull, 0x3eb427ea477f2f18ull, 0x64efffffffffffffull, 0x3eb25b043c7c0da9ull,
};

/* float64 erf (dErf_Z0HAynn): t = min(|x|, 5.9921875) rounded to a node d = j/128 by adding 2^45 (d = 0 below
 * 0.02734375), r = t - d; two table words per node and polynomials in z = d*r and r^2 (r^2 taken as 0 for t at
 * most 2^-263) give erf(t) as a + 2^-32*(T1*r*p + T1*r + a*h - a), a = min(low bits of the first word, |x|) *
 * 2^1016; the sign of x xored back. NaN passes through min's second operand; no scalar path. */
Z0 static void z0_derf(const double *x, double *out, Py_ssize_t n)
{
    const __m512d shifter = z0_d(0x42C0000000000000ull);
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m512d v = _mm512_mask_loadu_pd(_mm512_set1_pd(0.75), lanes, x + i);
        __m512d ax = _mm512_and_pd(v, z0_d(0x7FFFFFFFFFFFFFFFull));
        __m512d t = _mm512_min_pd(ax, z0_d(0x4017F80000000000ull));
        __m512d s = _mm512_add_round_pd(t, shifter, Z0_RN);
        __mmask8 node = _mm512_cmp_pd_mask(t, z0_d(0x3F9C000000000000ull), _CMP_GE_OS);
        __mmask8 square = _mm512_cmp_pd_mask(z0_d(0x2FF0000000000000ull), t, _CMP_LT_OS);
        __m256i j = _mm512_cvtepi64_epi32(_mm512_and_si512(_mm512_slli_epi64(_mm512_castpd_si512(s), 4),
                                                           _mm512_set1_epi64(0xFFFFFFFFll)));
        __m512d w0 = _mm512_i32gather_pd(j, (const double *)z0_derf_table, 1);
        __m512d w1 = _mm512_i32gather_pd(j, (const double *)z0_derf_table + 1, 1);
        __m512d d = _mm512_maskz_sub_round_pd(node, s, shifter, Z0_RN);
        __m512d r = _mm512_sub_round_pd(t, d, Z0_RN);
        __m512d z = _mm512_mul_round_pd(d, r, Z0_RN);
        __m512d r1 = _mm512_maskz_mov_pd(square, r);
        __m512d r2 = _mm512_mul_round_pd(r1, r1, Z0_RN);
        __m512d p = _mm512_fmadd_round_pd(z, z0_d(0x3FC4A21DA72D2522ull), z0_d(0xBFC81277CD9C0EDFull), Z0_RN);
        __m512d q = _mm512_fmadd_round_pd(r2, z0_d(0x3F7565BCD0E6A53Full), z0_d(0xBF9B82CE31288B51ull), Z0_RN);
        p = _mm512_fmadd_round_pd(z, p, z0_d(0x3FBCE2F21A042BE2ull), Z0_RN);
        p = _mm512_fmadd_round_pd(r2, q, p, Z0_RN);
        __m512d u = _mm512_fmadd_round_pd(z, z0_d(0x3FD00C4F4DF93FE6ull), z0_d(0xBFDCE2F500D00E98ull), Z0_RN);
        u = _mm512_fmadd_round_pd(z, u, z0_d(0x3FE20DD75042830Eull), Z0_RN);
        u = _mm512_fmadd_round_pd(z, u, z0_d(0xBFD812746B0379E7ull), Z0_RN);
        p = _mm512_fmadd_round_pd(r2, p, u, Z0_RN);
        __m512d w = _mm512_fmadd_round_pd(z, z0_d(0xBFA9AD4AC8DE7654ull), z0_d(0x3FC341F806247CECull), Z0_RN);
        w = _mm512_fmadd_round_pd(z, w, z0_d(0xBFD812746B036AD0ull), Z0_RN);
        w = _mm512_fmadd_round_pd(z, w, z0_d(0x3FE812746B036E4Cull), Z0_RN);
        w = _mm512_fmadd_round_pd(z, w, z0_d(0xBFF20DD750429B6Dull), Z0_RN);
        w = _mm512_fmadd_round_pd(z, w, z0_d(0x3FC06EBA8214DB69ull), Z0_RN);
        w = _mm512_fmadd_round_pd(r2, p, w, Z0_RN);
        __m512d tr = _mm512_mul_round_pd(w1, r, Z0_RN);
        __m512d a = _mm512_and_pd(w0, z0_d(0x007FFFFFFFFFFFFFull));
        __m512d h = _mm512_castsi512_pd(_mm512_or_si512(_mm512_srli_epi64(_mm512_castpd_si512(w0), 32),
                                                        _mm512_set1_epi64(0x3FF0000000000000ll)));
        a = _mm512_mul_round_pd(_mm512_min_pd(a, ax), z0_d(0x7F70000000000000ull), Z0_RN);
        h = _mm512_fmsub_round_pd(a, h, a, Z0_RN);
        w = _mm512_fmadd_round_pd(tr, w, h, Z0_RN);
        __m512d res = _mm512_fmadd_round_pd(z0_d(0x3DF0000000000000ull), _mm512_add_round_pd(w, tr, Z0_RN), a, Z0_RN);
        res = _mm512_xor_pd(res, _mm512_xor_pd(v, ax));
        _mm512_mask_storeu_pd(out + i, lanes, res);
    }
}
/* float64 sqrt (dSqrt_Z0HAynn): from the CPU's estimate y of 1/sqrt(x) (vrsqrt14pd), s = x*y and h = y/2 refined
 * by one Goldschmidt step (r = 1/2 - s*h; s += r*s; h += r*h), then s + h*(x - s*s); where y is above 2^458
 * (x below 2^-916) x - s*s is taken as x*2^916 - (s*2^458)^2 and h scaled by 2^-916. Zeros, infinities and negative
 * numbers go to MKL's scalar path (sqrt's own value; of a negative number the NaN 0x7FF8...); NaNs pass through the
 * arithmetic. */
Z0 static void z0_dsqrt(const double *x, double *out, Py_ssize_t n)
{
    const __m512d half = _mm512_set1_pd(0.5), big = z0_d(0x5C90000000000000ull);
    for (Py_ssize_t i = 0; i < n; i += 8) {
        int m = n - i < 8 ? (int)(n - i) : 8;
        __mmask8 lanes = (__mmask8)((1u << m) - 1);
        __m512d v = _mm512_mask_loadu_pd(_mm512_set1_pd(0.75), lanes, x + i);
        __m512d y = _mm512_rsqrt14_pd(v);
        __m512d h = _mm512_mul_round_pd(y, half, Z0_RN), s = _mm512_mul_round_pd(v, y, Z0_RN);
        __mmask8 tiny = _mm512_cmp_pd_mask(big, y, _CMP_LT_OS);
        __m512d r = _mm512_fnmadd_round_pd(s, h, half, Z0_RN);
        s = _mm512_fmadd_round_pd(r, s, s, Z0_RN);
        h = _mm512_fmadd_round_pd(r, h, h, Z0_RN);
        __m512d xs = _mm512_mask_mul_round_pd(v, tiny, v, z0_d(0x7930000000000000ull), Z0_RN);
        __m512d ss = _mm512_mask_mul_round_pd(s, tiny, s, big, Z0_RN);
        h = _mm512_mask_mul_round_pd(h, tiny, h, z0_d(0x06B0000000000000ull), Z0_RN);
        __m512d res = _mm512_fmadd_round_pd(h, _mm512_fnmadd_round_pd(ss, ss, xs, Z0_RN), s, Z0_RN);
        __mmask8 rare = _mm512_fpclass_pd_mask(v, 0x5E) & lanes;
        _mm512_mask_storeu_pd(out + i, lanes & (__mmask8)~rare, res);
        for (int l = 0; l < m; l++)
            if ((rare >> l) & 1)
                out[i + l] = x[i + l] < 0 ? __builtin_nan("") : sqrt(x[i + l]);
    }
}
/* float32 log (sLn_Z0HAynn): r = 1/x from the CPU's estimate (vrcp14ps) rounded to 5 mantissa bits as an integer,
 * t = r*x - 1 (fused), log x = -log r + log(1 + t): -log r as e*(-ln2) plus a 32-entry table of its mantissa's
 * (hi, lo), log(1 + t) as t + t^2*(-1/2 + t*(1/3' + t*(-1/4'))), the sum's rounding error carried. Lanes whose
 * rounded r is not a positive normal (x subnormal, huge, zero, negative, inf, NaN) take the second path: x's
 * mantissa in [0.5, 1) (vgetmantps), its reciprocal estimate rounded to 5 fraction bits (vrndscaleps), the
 * second pair of tables (log of 2 over the mantissa) and x's exponent; of those, zero, negative, inf and NaN take
 * the scalar path (-inf; NaN 0x7FC00000; inf; the NaN quieted). Tables as MKL loads them. */
static const uint32_t z0_sln_tables[4][32] = {
    {0x00000000, 0xBCFC0000, 0xBD786000, 0xBDB78000, 0xBDF14000, 0xBE14A800, 0xBE2FF800, 0xBE4A9000,
     0xBE648000, 0xBE7DC800, 0xBE8B3C00, 0xBE974800, 0xBEA30C00, 0xBEAE8C00, 0xBEB9D000, 0xBEC4D000,
     0xBECF9800, 0xBEDA2800, 0xBEE48000, 0xBEEEA400, 0xBEF89400, 0xBF012A00, 0xBF05F400, 0xBF0AA600,
     0xBF0F4200, 0xBF13CA00, 0xBF183E00, 0xBF1CA000, 0xBF20EC00, 0xBF252800, 0xBF295200, 0xBF2D6A00},
    {0x00000000, 0xB726C39E, 0x37679FF7, 0xB7528AE5, 0x377891D5, 0xB725F040, 0xB6C1C29E, 0xB73539E9,
     0x35838656, 0xB6436AF2, 0x370D5151, 0x36EA28F7, 0xB63C21C6, 0xB776FD60, 0x37202511, 0xB74E1B05,
     0xB70FB2FE, 0x36084337, 0x36038656, 0x36AFD9F2, 0xB675FAF0, 0xB7152D2F, 0x36D1BDAD, 0xB5F4BD35,
     0xB77AF382, 0xB770944E, 0xB7399A79, 0x3779654F, 0xB6FE8467, 0x367449F8, 0x3716CD22, 0xB4186B3E},
    {0x3F317200, 0x3F299200, 0x3F21EC00, 0x3F1A8200, 0x3F134C00, 0x3F0C4800, 0x3F057400, 0x3EFD9C00,
     0x3EF0A400, 0x3EE40000, 0x3ED7A800, 0x3ECB9C00, 0x3EBFD800, 0x3EB45800, 0x3EA91400, 0x3E9E1400,
     0x3E934C00, 0x3E88BC00, 0x3E7CC800, 0x3E688000, 0x3E54A000, 0x3E412000, 0x3E2DF800, 0x3E1B3000,
     0x3E08C000, 0x3DED4000, 0x3DC9A000, 0x3DA6A000, 0x3D843000, 0x3D44A000, 0x3D020000, 0x3C810000},
    {0x35BFBE8E, 0xB70ECBCC, 0x377F97C9, 0xB73A9314, 0xB76F7659, 0xB70DF86E, 0xB691D2FB, 0xB71D4217,
     0x3621A272, 0xB5C71755, 0x37254923, 0x370D0C4D, 0xB5B884FD, 0xB75F058E, 0x37381CE3, 0xB7362333,
     0xB6EF7659, 0x3668227E, 0x3663659E, 0x36DFC995, 0xB6161BA9, 0xB6FA6AB9, 0x3700D6A8, 0xB4D3FA9C,
     0xB762FBB0, 0xB7589C7C, 0xB721A2A7, 0xB76EA2E0, 0xB6CE94C4, 0x36AA14A0, 0x372EC4F4, 0x35ACB127}
};

Z0 static void z0_sln(const float *x, float *out, Py_ssize_t n)
{
    const uint32_t(*c)[32] = z0_sln_tables;
    const __m512 m1 = _mm512_set1_ps(-1.0f), c4 = z0_f(0xBE800810), c3 = z0_f(0x3EAAB11E), c2 = z0_f(0xBF000000);
    const __m512 ln2hi = z0_f(0x3F317200), ln2lo = z0_f(0x35BFBE8E);
    const __m512 nln2hi = z0_f(0xBF317200), nln2lo = z0_f(0xB5BFBE8E);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512i ri = _mm512_and_si512(_mm512_add_epi32(_mm512_castps_si512(_mm512_rcp14_ps(v)), _mm512_set1_epi32(0x20000)),
                                      _mm512_set1_epi32((int)0xFFFC0000u));
        __m512 r = _mm512_castsi512_ps(ri);
        __m512i j = _mm512_srli_epi32(ri, 18);
        __m512 e = _mm512_getexp_round_ps(r, _MM_FROUND_NO_EXC);
        __mmask16 other = _mm512_fpclass_ps_mask(r, 0xFF) & lanes;
        __m512 t = _mm512_fmadd_round_ps(r, v, m1, Z0_RN);
        __m512 hi = _mm512_fmadd_round_ps(e, nln2hi, z0_table(c[0], j), Z0_RN);
        __m512 lo = _mm512_fmadd_round_ps(e, nln2lo, z0_table(c[1], j), Z0_RN);
        __m512 sum = _mm512_add_round_ps(hi, t, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(c4, t, c3, Z0_RN), t2 = _mm512_mul_round_ps(t, t, Z0_RN);
        __m512 tl = _mm512_sub_round_ps(t, _mm512_sub_round_ps(sum, hi, Z0_RN), Z0_RN);
        p = _mm512_fmadd_round_ps(t2, _mm512_fmadd_round_ps(t, p, c2, Z0_RN), lo, Z0_RN);
        __m512 res = _mm512_add_round_ps(sum, _mm512_add_round_ps(p, tl, Z0_RN), Z0_RN);
        __mmask16 rare = 0;
        if (other) {
            __m512 mant = _mm512_getmant_round_ps(v, _MM_MANT_NORM_p5_1, _MM_MANT_SIGN_nan, _MM_FROUND_NO_EXC);
            __m512 r2 = _mm512_roundscale_round_ps(_mm512_rcp14_ps(mant), 0x58, _MM_FROUND_NO_EXC);
            __m512 ex = _mm512_sub_round_ps(_mm512_getexp_round_ps(v, _MM_FROUND_NO_EXC),
                                            _mm512_getexp_round_ps(r2, _MM_FROUND_NO_EXC), Z0_RN);
            __m512i j2 = _mm512_srli_epi32(_mm512_castps_si512(r2), 18);
            __m512 t3 = _mm512_fmadd_round_ps(r2, mant, m1, Z0_RN);
            __m512 hi3 = _mm512_fmadd_round_ps(ex, ln2hi, z0_table(c[2], j2), Z0_RN);
            __m512 lo3 = _mm512_fmadd_round_ps(ex, ln2lo, z0_table(c[3], j2), Z0_RN);
            __m512 p3 = _mm512_fmadd_round_ps(t3, _mm512_fmadd_round_ps(c4, t3, c3, Z0_RN), c2, Z0_RN);
            __m512 sum3 = _mm512_add_round_ps(hi3, t3, Z0_RN);
            __m512 tl3 = _mm512_sub_round_ps(t3, _mm512_sub_round_ps(sum3, hi3, Z0_RN), Z0_RN);
            p3 = _mm512_fmadd_round_ps(_mm512_mul_round_ps(t3, t3, Z0_RN), p3, lo3, Z0_RN);
            res = _mm512_mask_add_round_ps(res, other, sum3, _mm512_add_round_ps(p3, tl3, Z0_RN), Z0_RN);
            rare = _mm512_fpclass_ps_mask(v, 0xDF) & lanes;
        }
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++) {
            if (!((rare >> l) & 1))
                continue;
            float a = x[i + l];
            uint32_t b;
            memcpy(&b, &a, 4);
            b = a != a ? b | 0x400000u : a == 0 ? 0xFF800000u : a < 0 ? 0x7FC00000u : 0x7F800000u;
            memcpy(out + i + l, &b, 4);
        }
    }
}
/* float32 erfinv (sErfInv_Z0HAynn): from w = 1 - |x| (and its rounding error), u = w's low 21 mantissa bits on [1, 1.25)
 * - 1.125 plus that error times 2^-e; w's exponent and top two mantissa bits pick one of 32 entries in one of three
 * tables of 8 coefficients (by w's size); erfinv = x*(c7 + c6*u) (the two-sum carried) + x*(c0..c5's polynomial).
 * |x| >= 1, NaN and 0 < |x| < 2^-24 take the scalar path (+-inf at +-1; NaN 0xFFC00000 beyond; the NaN quieted; x *
 * sqrt(pi)/2 rounded once). Tables as MKL loads them, c7 (the constant) first. */
static const uint32_t z0_serfinv_tables[8][3][32] = {
    {{0x407459A6, 0x4072B524, 0x40715592, 0x4070272F, 0x406EA8F1, 0x406CFAF7, 0x406B9361, 0x406A5E09,
      0x4068D6E5, 0x40671ECA, 0x4065AEA1, 0x406471D4, 0x4062E127, 0x40611E2F, 0x405FA4D2, 0x405E6004,
      0x405CC515, 0x405AF66E, 0x40597328, 0x405825B8, 0x40567FB9, 0x4054A474, 0x40531677, 0x4051BFB2,
      0x40500DB9, 0x404E24C7, 0x404C8B2B, 0x404B2A42, 0x40496B45, 0x40477372, 0x4045CD2D, 0x40446137},
     {0x40429405, 0x40408BF0, 0x403ED7D2, 0x403D5FC4, 0x403B8300, 0x40396916, 0x4037A5C5, 0x4036206B,
      0x40343287, 0x403204FC, 0x403030EA, 0x402E9CE8, 0x402C9C20, 0x402A58E9, 0x40287258, 0x4026CE25,
      0x4024B87D, 0x40225D55, 0x40206255, 0x401EAC40, 0x401C7F90, 0x401A0A04, 0x4017F886, 0x40162ECA,
      0x4013E8D8, 0x40115670, 0x400F2C6E, 0x400D4D5C, 0x400AEC1C, 0x40083AAE, 0x4005F682, 0x400400D0},
     {0x400182E1, 0x3FFD6268, 0x3FF8A45C, 0x3FF48B23, 0x3FEF5628, 0x3FE973DB, 0x3FE482B9, 0x3FE03EFF,
      0x3FDAD6DC, 0x3FD4BE8D, 0x3FCFA408, 0x3FCB3FF1, 0x3FC5B454, 0x3FBF7B32, 0x3FBA4C78, 0x3FB5DD01,
      0x3FB04CBE, 0x3FAA1AC2, 0x3FA4FE69, 0x3FA0A8D8, 0x3F9B4983, 0x3F956308, 0x3F909A5D, 0x3F8C9DAF,
      0x3F87CA83, 0x3F82A639, 0x3F7D4D74, 0x3F76F31B, 0x3F6FD7E0, 0x3F692B4B, 0x3F652257, 0x3F63396D}},
    {{0xBDE7DCF7, 0xBDBEA9E1, 0xBDA21256, 0xBD8D0B6B, 0xBDED0D3C, 0xBDC2FC41, 0xBDA5C903, 0xBD904E77,
      0xBDF298E6, 0xBDC79BCA, 0xBDA9C2B2, 0xBD93CCF5, 0xBDF88ACE, 0xBDCC91B7, 0xBDAE0783, 0xBD978E1C,
      0xBDFEEF8C, 0xBDD1E8CA, 0xBDB2A0E7, 0xBD9B9A6D, 0xBE02EAED, 0xBDD7ADA9, 0xBDB79A04, 0xBD9FFBD7,
      0xBE06A784, 0xBDDDEF28, 0xBDBCFFDC, 0xBDA4BE0E, 0xBE0AB7B9, 0xBDE4BEB3, 0xBDC2E1C3, 0xBDA9EEBE},
     {0xBE0F2772, 0xBDEC30A3, 0xBDC9518E, 0xBDAF9DD6, 0xBE140477, 0xBDF45C63, 0xBDD063A4, 0xBDB5DD7C,
      0xBE195E60, 0xBDFD5C31, 0xBDD82EBC, 0xBDBCC1A4, 0xBE1F4610, 0xBE03A5FC, 0xBDE0CA71, 0xBDC45EAD,
      0xBE25CC46, 0xBE09231A, 0xBDEA4C3A, 0xBDCCC63D, 0xBE2CFE64, 0xBE0F2EC6, 0xBDF4C0F4, 0xBDD600D2,
      0xBE34E019, 0xBE15C831, 0xBE001059, 0xBDE001DB, 0xBE3D5FDD, 0xBE1CD962, 0xBE061CC8, 0xBDEA9359},
     {0xBE464396, 0xBE242506, 0xBE0C46BF, 0xBDF53575, 0xBE4F0A93, 0xBE2B2B27, 0xBE120FF6, 0xBDFEEFF9,
      0xBE56C3B4, 0xBE31043F, 0xBE169A10, 0xBE030B8A, 0xBE5BD9E4, 0xBE343589, 0xBE18808E, 0xBE0403F8,
      0xBE5BD9D5, 0xBE327E34, 0xBE15AA06, 0xBE006714, 0xBE5315EE, 0xBE2871D6, 0xBE0AD34C, 0xBDEA1392,
      0xBE3B504E, 0xBE0FB3C2, 0xBDE291E5, 0xBDB566F3, 0xBE03E0F9, 0xBDA6FAEC, 0xBD3A1770, 0xBC6F854C}},
    {{0xB9C7D50A, 0xB9865861, 0xB9414778, 0xB911A207, 0xB9CBF839, 0xB9893649, 0xB9453E62, 0xB914DA57,
      0xB9D08272, 0xB98C45A1, 0xB949B469, 0xB91810AF, 0xB9D54600, 0xB98F752E, 0xB94E56BE, 0xB91BC4E3,
      0xB9DA4963, 0xB992F288, 0xB9538A85, 0xB91F94DE, 0xB9DFB09B, 0xB996A88A, 0xB958CE55, 0xB923BEA6,
      0xB9E59382, 0xB99AADED, 0xB95EC115, 0xB9280B8B, 0xB9EBEAE6, 0xB99F0CA0, 0xB9651C4E, 0xB92CEF99},
     {0xB9F2D77A, 0xB9A3C12D, 0xB96BD92E, 0xB9324CC1, 0xB9FA5448, 0xB9A8DBCD, 0xB97382D1, 0xB9380B78,
      0xBA014075, 0xB9AE7E84, 0xB97B8AE2, 0xB93E3C89, 0xBA05C24E, 0xB9B498C4, 0xB98250D4, 0xB9454658,
      0xBA0ABE97, 0xB9BB77FF, 0xB9876662, 0xB94CE8D3, 0xBA104728, 0xB9C31A50, 0xB98D08FD, 0xB95570DC,
      0xBA166BAC, 0xB9CBA17D, 0xB9933C92, 0xB95F3843, 0xBA1D4871, 0xB9D50F15, 0xB99A3A5C, 0xB969E785},
     {0xBA24EC96, 0xB9DFB1A8, 0xB9A1EF80, 0xB975B144, 0xBA2D6A30, 0xB9EB4649, 0xB9AA647E, 0xB9814A1B,
      0xBA3681C1, 0xB9F79015, 0xB9B34037, 0xB987E8AC, 0xBA3FC753, 0xBA01F0D2, 0xB9BBE685, 0xB98E55AB,
      0xBA485A96, 0xBA075ECD, 0xB9C344A0, 0xB9938101, 0xBA4EF1D3, 0xBA0B4AA5, 0xB9C84E55, 0xB996F59D,
      0xBA539072, 0xBA0EA2BB, 0xB9CE7AE4, 0xB99D96FD, 0xBA63C12C, 0xBA24D979, 0xBA05B598, 0xB9F113A4}},
    {{0x39E40806, 0x397A8CE8, 0x39183F93, 0x38C6DAF8, 0x39E86388, 0x397F5D00, 0x391B3C06, 0x38CAB9DD,
      0x39ECF56B, 0x39823AA9, 0x391E5AB2, 0x38CEDFF7, 0x39F1D11D, 0x3984EFC4, 0x3921AE0D, 0x38D33569,
      0x39F6FD1D, 0x3987CCF5, 0x39252D30, 0x38D7DC53, 0x39FC7A94, 0x398ADA5A, 0x3928F25E, 0x38DCCB79,
      0x3A0127C4, 0x398E198F, 0x392CEDF9, 0x38E21924, 0x3A0444AE, 0x39919084, 0x39313213, 0x38E7B431},
     {0x3A0798C1, 0x39954869, 0x3935C92B, 0x38EDBA3C, 0x3A0B2B5C, 0x399946B5, 0x393AACFF, 0x38F4356F,
      0x3A0F0323, 0x399D8FAB, 0x393FF972, 0x38FB3431, 0x3A13255C, 0x39A23073, 0x3945AB1D, 0x39015C53,
      0x3A179A4E, 0x39A72C6E, 0x394BCC58, 0x39056BB6, 0x3A1C6A9A, 0x39AC8D07, 0x39526F2E, 0x3909D11B,
      0x3A219E97, 0x39B25BCB, 0x3959994C, 0x390E8A50, 0x3A273ABB, 0x39B8A294, 0x3961506A, 0x3913A1D6},
     {0x3A2D4277, 0x39BF58CB, 0x39699834, 0x3919151E, 0x3A33AEA4, 0x39C67D85, 0x397253FD, 0x391ED4EF,
      0x3A3A6D50, 0x39CDEF2A, 0x397B6840, 0x3924C27A, 0x3A415255, 0x39D57841, 0x39823DFD, 0x392AA0F7,
      0x3A480E91, 0x39DCB082, 0x398684D9, 0x39300AD0, 0x3A4E1D22, 0x39E2F07D, 0x398A0ED8, 0x39344E89,
      0x3A526015, 0x39E63F1C, 0x398ADF98, 0x39331551, 0x3A4A689D, 0x39CA5FB6, 0x3942F5D8, 0x386A0719}},
    {{0x3D46E235, 0x3D05EDC6, 0x3CC0BCCD, 0x3C916441, 0x3D4B0C4C, 0x3D08C433, 0x3CC4DCA1, 0x3C948797,
      0x3D4F7AA4, 0x3D0BC9B2, 0x3CC94191, 0x3C97DFF2, 0x3D5434B6, 0x3D0F0379, 0x3CCDF356, 0x3C9B7357,
      0x3D59432A, 0x3D127795, 0x3CD2FAEE, 0x3C9F48B6, 0x3D5EB010, 0x3D162D15, 0x3CD862D5, 0x3CA36837,
      0x3D648735, 0x3D1A2C3A, 0x3CDE375C, 0x3CA7DB6C, 0x3D6AD67B, 0x3D1E7ECB, 0x3CE48714, 0x3CACADA5},
     {0x3D71AE56, 0x3D23305B, 0x3CEB6345, 0x3CB1EC5D, 0x3D79225D, 0x3D284EB7, 0x3CF2E093, 0x3CB7A7A9,
      0x3D80A4FD, 0x3D2DEA60, 0x3CFB17A7, 0x3CBDF2C0, 0x3D852092, 0x3D34170B, 0x3D0212F9, 0x3CC4E487,
      0x3D8A148D, 0x3D3AEC0B, 0x3D071711, 0x3CCC97E2, 0x3D8F944F, 0x3D428458, 0x3D0CABFA, 0x3CD52B53,
      0x3D95B58A, 0x3D4AFD84, 0x3D12E70B, 0x3CDEBEE7, 0x3D9C8E3F, 0x3D54741F, 0x3D19DBCB, 0x3CE96E38},
     {0x3DA42F83, 0x3D5EFAB4, 0x3D219412, 0x3CF542A2, 0x3DAC99C8, 0x3D6A869C, 0x3D29FFF3, 0x3D010BBF,
      0x3DB5A659, 0x3D76CC80, 0x3D32D902, 0x3D07B57B, 0x3DBEE311, 0x3D8185C8, 0x3D3B7AF3, 0x3D0E1138,
      0x3DC76AE9, 0x3D86F0D7, 0x3D42CECC, 0x3D13406C, 0x3DCDFD18, 0x3D8AD8D6, 0x3D47D6A9, 0x3D16BB3C,
      0x3DD28FE2, 0x3D8E320E, 0x3D4E09E3, 0x3D1D570F, 0x3DE2BFF5, 0x3DA462AF, 0x3D856E26, 0x3D70A9B5}},
    {{0xBCE83FB0, 0xBC7FE2AC, 0xBC1BC67A, 0xBBCBA85E, 0xBCECF7B2, 0xBC829278, 0xBC1F01F7, 0xBBCFEB42,
      0xBCF1FAA4, 0xBC855DDA, 0xBC2271E8, 0xBBD473DA, 0xBCF7507C, 0xBC885804, 0xBC261BF7, 0xBBD949C8,
      0xBCFD025D, 0xBC8B862E, 0xBC2A06B2, 0xBBDE75DB, 0xBD018D70, 0xBC8EEE67, 0xBC2E39C1, 0xBBE40253,
      0xBD04D330, 0xBC9297C9, 0xBC32BE05, 0xBBE9FB29, 0xBD0859AD, 0xBC968AA2, 0xBC379DFE, 0xBBF06E81},
     {0xBD0C2971, 0xBC9AD0C6, 0xBC3CE610, 0xBBF76D16, 0xBD104C9D, 0xBC9F75DE, 0xBC42A4FE, 0xBBFF0AD0,
      0xBD14CF46, 0xBCA487DD, 0xBC48EC6B, 0xBC03AFC3, 0xBD19BFE2, 0xBCAA1773, 0xBC4FD17B, 0xBC0843E7,
      0xBD1F2FCA, 0xBCB038A5, 0xBC576D77, 0xBC0D52E4, 0xBD2533A6, 0xBCB70339, 0xBC5FDE5B, 0xBC12F0E1,
      0xBD2BE3C1, 0xBCBE92DC, 0xBC6946C0, 0xBC1934F6, 0xBD335B7E, 0xBCC70647, 0xBC73CC42, 0xBC2037AB},
     {0xBD3BB71E, 0xBCD07B9C, 0xBC7F91F8, 0xBC280EA9, 0xBD450D24, 0xBCDB0729, 0xBC86553C, 0xBC30C1CA,
      0xBD4F5EC8, 0xBCE69DFC, 0xBC8D7C79, 0xBC3A33DF, 0xBD5A77B4, 0xBCF2EB4B, 0xBC94FAA2, 0xBC43F6AD,
      0xBD65B359, 0xBCFF062A, 0xBC9C23AC, 0xBC4D0313, 0xBD6F9F35, 0xBD047D21, 0xBCA18E86, 0xBC53333F,
      0xBD7520FD, 0xBD06195C, 0xBCA167DF, 0xBC4F7AAC, 0xBD67F319, 0xBCE6A071, 0xBC5D2032, 0xBB845C3F}},
    {{0x3C9B43CD, 0x3C0B5FB0, 0x3B8F3CD6, 0x3B220D9D, 0x3C9E5BCB, 0x3C0E2F19, 0x3B92278D, 0x3B255D08,
      0x3CA1A3D1, 0x3C112A10, 0x3B953F0C, 0x3B28E812, 0x3CA52124, 0x3C145670, 0x3B988ABD, 0x3B2CA847,
      0x3CA8D921, 0x3C17B8CA, 0x3B9C0ECD, 0x3B30AEFD, 0x3CACD2F7, 0x3C1B5639, 0x3B9FD283, 0x3B34FC3D,
      0x3CB115B0, 0x3C1F39E6, 0x3BA3DE16, 0x3B399A50, 0x3CB5AA85, 0x3C2367CA, 0x3BA83848, 0x3B3E998F},
     {0x3CBA9C2F, 0x3C27EB38, 0x3BACEDEA, 0x3B43FEF9, 0x3CBFF797, 0x3C2CD0FF, 0x3BB20A35, 0x3B49D9AA,
      0x3CC5CAAE, 0x3C3226CE, 0x3BB79ECF, 0x3B503F17, 0x3CCC28A1, 0x3C37FCC5, 0x3BBDB8E7, 0x3B574422,
      0x3CD32568, 0x3C3E6721, 0x3BC4704E, 0x3B5EFE3E, 0x3CDADC07, 0x3C457E4E, 0x3BCBE0DE, 0x3B678C9A,
      0x3CE36905, 0x3C4D5E3B, 0x3BD42652, 0x3B7113E9, 0x3CECF0E6, 0x3C56275B, 0x3BDD5F63, 0x3B7BBCEF},
     {0x3CF7995C, 0x3C5FFE34, 0x3BE7BB28, 0x3B83D47D, 0x3D01C566, 0x3C6B00A9, 0x3BF34B66, 0x3B8A7E65,
      0x3D086E78, 0x3C77400F, 0x3C000DA8, 0x3B91DBC3, 0x3D0FBC2F, 0x3C824872, 0x3C06F711, 0x3B99B904,
      0x3D177345, 0x3C89318E, 0x3C0E01AF, 0x3BA19660, 0x3D1EF1DB, 0x3C8FA567, 0x3C145401, 0x3BA85D80,
      0x3D250CE9, 0x3C948CD0, 0x3C18F415, 0x3BAD7E1A, 0x3D2B2DDF, 0x3CA00D49, 0x3C38A106, 0x3C08724D}},
    {{0xBC5C7155, 0xBBA19C3B, 0xBB0C6269, 0xBA898D6E, 0xBC60C61E, 0xBBA4D25A, 0xBB0F33CB, 0xBA8C5359,
      0xBC655DC4, 0xBBA83966, 0xBB122F81, 0xBA8F4853, 0xBC6A3D82, 0xBBABD6D8, 0xBB155C5C, 0xBA926D3D,
      0xBC6F6E47, 0xBBAFB1F6, 0xBB18C18F, 0xBA95C71A, 0xBC74F9A2, 0xBBB3D341, 0xBB1C5EFA, 0xBA995BF2,
      0xBC7AEA03, 0xBBB83DC1, 0xBB2042A3, 0xBA9D36C6, 0xBC80A554, 0xBBBCFDE8, 0xBB2470DF, 0xBAA15C02},
     {0xBC8414C1, 0xBBC21C96, 0xBB28F4FD, 0xBAA5D501, 0xBC87CBF3, 0xBBC7A8DF, 0xBB2DD9EF, 0xBAAAB0A5,
      0xBC8BD4C4, 0xBBCDB050, 0xBB332D7A, 0xBAAFFBF9, 0xBC903B6C, 0xBBD447D6, 0xBB38FF96, 0xBAB5C501,
      0xBC950D2C, 0xBBDB81A5, 0xBB3F6649, 0xBABC231C, 0xBC9A5CF7, 0xBBE37985, 0xBB467653, 0xBAC33024,
      0xBCA03D83, 0xBBEC523A, 0xBB4E4D8D, 0xBACB0071, 0xBCA6C894, 0xBBF629A2, 0xBB570C42, 0xBAD3BF58},
     {0xBCAE1850, 0xBC00975F, 0xBB60D6AC, 0xBADD86AE, 0xBCB648B2, 0xBC06C2F2, 0xBB6BCEF4, 0xBAE87D4A,
      0xBCBF7275, 0xBC0DA850, 0xBB78088D, 0xBAF4A8F5, 0xBCC9983B, 0xBC154058, 0xBB82B667, 0xBB00F472,
      0xBCD4891F, 0xBC1D539D, 0xBB89BBDC, 0xBB07D173, 0xBCDF9F8C, 0xBC2546E0, 0xBB9070AB, 0xBB0E2A18,
      0xBCE96637, 0xBC2BC5FE, 0xBB956D10, 0xBB12449C, 0xBCED4CA5, 0xBC283497, 0xBB80D8F2, 0xBA89B9E2}}
};

Z0 static void z0_serfinv(const float *x, float *out, Py_ssize_t n)
{
    const uint32_t(*c)[3][32] = z0_serfinv_tables;
    const __m512 one = _mm512_set1_ps(1.0f), tiny = z0_f(0x33800000), mid = z0_f(0x3F900000);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 a = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7FFFFFFF)));
        __mmask16 nonzero = _mm512_cmp_ps_mask(a, _mm512_setzero_ps(), _CMP_NEQ_UQ);
        __mmask16 rare = (_mm512_cmp_ps_mask(a, one, _CMP_NLT_US) |
                          _mm512_mask_cmp_ps_mask(nonzero, a, tiny, _CMP_LT_OS)) & lanes;
        a = _mm512_mask_mov_ps(a, rare, tiny);
        a = _mm512_mask_blend_ps(nonzero, tiny, a);
        __m512 w = _mm512_sub_round_ps(one, a, Z0_RN);
        __m512 err = _mm512_sub_round_ps(_mm512_sub_round_ps(one, w, Z0_RN), a, Z0_RN);
        __m512i wi = _mm512_castps_si512(w);
        __m512 scale = _mm512_castsi512_ps(_mm512_sub_epi32(_mm512_set1_epi32(0x7F000000),
                                                            _mm512_and_si512(wi, _mm512_set1_epi32(0x3F800000))));
        __m512i top = _mm512_and_si512(wi, _mm512_set1_epi32(0x3FE00000));
        __m512 w1 = _mm512_castsi512_ps(_mm512_or_si512(_mm512_and_si512(wi, _mm512_set1_epi32(0x1FFFFF)),
                                                        _mm512_set1_epi32(0x3F800000)));
        __m512 u = _mm512_fmadd_round_ps(err, scale, _mm512_sub_round_ps(w1, mid, Z0_RN), Z0_RN);
        __m512i j = _mm512_add_epi32(_mm512_srli_epi32(top, 21), _mm512_set1_epi32(-412));
        __mmask16 second = _mm512_cmpgt_epu32_mask(top, _mm512_set1_epi32(0x377FFFFF));
        __mmask16 third = _mm512_cmpgt_epu32_mask(top, _mm512_set1_epi32(0x3B7FFFFF));
        __m512 k[8];
        for (int d = 0; d < 8; d++) {
            k[d] = z0_table(c[d][0], j);
            k[d] = _mm512_mask_mov_ps(k[d], second, z0_table(c[d][1], j));
            k[d] = _mm512_mask_mov_ps(k[d], third, z0_table(c[d][2], j));
        }
        __m512 p = _mm512_fmadd_round_ps(u, k[7], k[6], Z0_RN);
        for (int d = 5; d >= 2; d--)
            p = _mm512_fmadd_round_ps(u, p, k[d], Z0_RN);
        __m512 hi = _mm512_fmadd_round_ps(k[1], u, k[0], Z0_RN);
        __m512 lo = _mm512_fmadd_round_ps(u, k[1], _mm512_sub_round_ps(k[0], hi, Z0_RN), Z0_RN);
        __m512 res = _mm512_mul_round_ps(_mm512_add_round_ps(lo, p, Z0_RN), v, Z0_RN);
        res = _mm512_fmadd_round_ps(v, hi, res, Z0_RN);
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++) {
            if (!((rare >> l) & 1))
                continue;
            float f = x[i + l], r;
            uint32_t b;
            memcpy(&b, &f, 4);
            if (f != f) {
                b |= 0x400000u;
                memcpy(&r, &b, 4);
            } else if (fabsf(f) < 1.0f) {
                r = (float)((double)f * 0.88622692545275801365);
            } else if (fabsf(f) == 1.0f) {
                r = f * INFINITY;
            } else {
                b = 0xFFC00000u;
                memcpy(&r, &b, 4);
            }
            out[i + l] = r;
        }
    }
}
/* float32 log2 and log10 (sLog2_Z0HAynn, sLog10_Z0HAynn): x's mantissa m in [0.5, 1) (vgetmantps) and exponent,
 * r = its reciprocal estimate rounded to 5 fraction bits (vrndscaleps), t = r*m - 1 (fused), k = e_x - e_r; log2 x
 * = (k + hi[r]) + t/ln2 + lo[r] + t^2*p(t); log10 x = (k*log10(2)_hi + hi[r]) + t/ln10 + (k*log10(2)_lo + lo[r]) +
 * t^2*p(t); the rounding error of the first sum carried. Zero, negative numbers and infinities take the scalar path
 * (-inf; NaN 0x7FC00000; inf); NaNs pass through the arithmetic. Tables and constants as MKL loads them (the
 * constants: p's four coefficients, 1/ln(base), log10(2)'s two parts). */
static const uint32_t z0_slog2_tables[2][32] = {
    {0x3F800000, 0x3F74A400, 0x3F699C00, 0x3F5EE800, 0x3F548000, 0x3F4A6000, 0x3F408800, 0x3F36F000,
     0x3F2D9800, 0x3F247800, 0x3F1B9000, 0x3F12E000, 0x3F0A6400, 0x3F021400, 0x3EF3F000, 0x3EE41000,
     0x3ED48000, 0x3EC54800, 0x3EB65800, 0x3EA7B800, 0x3E996000, 0x3E8B5000, 0x3E7B0000, 0x3E5FE000,
     0x3E454000, 0x3E2B2000, 0x3E117000, 0x3DF06000, 0x3DBEC000, 0x3D8DE000, 0x3D3B8000, 0x3CBA0000},
    {0x00000000, 0xB7B4DD64, 0x3510536F, 0xB73119B5, 0xB651CFDF, 0x37A1D24B, 0xB635C813, 0xB5F561C1,
     0xB7F0979A, 0xB7073674, 0x378AEDC2, 0x36A0463C, 0xB7A7C066, 0x37F52E6A, 0xB6201AC7, 0xB7C47A57,
     0xB5D1CFDF, 0xB7CFEA81, 0x3676865D, 0xB589A627, 0xB48E4789, 0xB77EB270, 0xB69D5BE7, 0x374F5000,
     0x37980AC0, 0xB68F5801, 0xB7247AAA, 0xB765170D, 0xB7FDB498, 0xB74D5A00, 0x37E53276, 0x377BA188}
};
static const uint32_t z0_slog10_tables[2][32] = {
    {0x3E9A2000, 0x3E934800, 0x3E8CA800, 0x3E863000, 0x3E7FE000, 0x3E73B000, 0x3E67D000, 0x3E5C4000,
     0x3E510000, 0x3E461000, 0x3E3B5000, 0x3E30E000, 0x3E26A000, 0x3E1CA000, 0x3E12E000, 0x3E095000,
     0x3DFFE000, 0x3DED8000, 0x3DDBA000, 0x3DCA0000, 0x3DB8A000, 0x3DA7C000, 0x3D972000, 0x3D86C000,
     0x3D6D8000, 0x3D4E0000, 0x3D2F0000, 0x3D10C000, 0x3CE58000, 0x3CAB0000, 0x3C620000, 0x3BE00000},
    {0x369A84FC, 0x36F66150, 0xB7988421, 0x37E23AD5, 0xB4F510E2, 0x36120236, 0x378E765D, 0x37E67CF9,
     0x379A84FC, 0xB7CBC897, 0x370B9770, 0xB796C668, 0x36FE09D7, 0x37601EF3, 0xB72FBD4A, 0xB74B6098,
     0xB47510E2, 0x378F6BB3, 0xB7F19747, 0xB7C10F82, 0x37E8671B, 0xB6AA4C88, 0xB6B17E91, 0x37B36633,
     0x370F6BB3, 0x374BD5F8, 0x37E59AE0, 0xB73F251C, 0x3763F336, 0xB7C85B7F, 0xB6BDF222, 0x366A02B9}
};
static const uint32_t z0_slog_constants[2][7] = {
    {0xBEB8B5DE, 0x3EF6419D, 0xBF38AA3B, 0x3292AD97, 0x3FB8AA3B, 0, 0},
    {0xBDDE69DB, 0x3E1442D6, 0xBE5E5BD9, 0xB238DD40, 0x3EDE5BD9, 0x3E9A2000, 0x369A84FC}};

Z0 static void z0_slog_base(const float *x, float *out, Py_ssize_t n, int base10)
{
    const uint32_t(*c)[32] = base10 ? z0_slog10_tables : z0_slog2_tables, *k = z0_slog_constants[base10];
    const __m512 m1 = _mm512_set1_ps(-1.0f), c1 = z0_f(k[0]), c2 = z0_f(k[1]), c3 = z0_f(k[2]), c4 = z0_f(k[3]);
    const __m512 inv_ln = z0_f(k[4]), lg2_hi = z0_f(k[5]), lg2_lo = z0_f(k[6]);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 mant = _mm512_getmant_round_ps(v, _MM_MANT_NORM_p5_1, _MM_MANT_SIGN_nan, _MM_FROUND_NO_EXC);
        __m512 r = _mm512_roundscale_round_ps(_mm512_rcp14_ps(mant), 0x58, _MM_FROUND_NO_EXC);
        __mmask16 rare = _mm512_fpclass_ps_mask(v, 0x5E) & lanes;
        __m512 t = _mm512_fmadd_round_ps(r, mant, m1, Z0_RN);
        __m512i j = _mm512_srli_epi32(_mm512_castps_si512(r), 18);
        __m512 e = _mm512_sub_round_ps(_mm512_getexp_round_ps(v, _MM_FROUND_NO_EXC),
                                       _mm512_getexp_round_ps(r, _MM_FROUND_NO_EXC), Z0_RN);
        __m512 lo = z0_table(c[1], j);
        if (base10) {
            lo = _mm512_fmadd_round_ps(lg2_lo, e, lo, Z0_RN);
            e = _mm512_fmadd_round_ps(e, lg2_hi, z0_table(c[0], j), Z0_RN);
        } else {
            e = _mm512_add_round_ps(e, z0_table(c[0], j), Z0_RN);
        }
        __m512 p1 = _mm512_fmadd_round_ps(c1, t, c2, Z0_RN), t2 = _mm512_mul_round_ps(t, t, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(p1, t2, _mm512_fmadd_round_ps(c3, t, c4, Z0_RN), Z0_RN);
        __m512 hi = _mm512_fmadd_round_ps(t, inv_ln, e, Z0_RN);
        __m512 d = _mm512_fmsub_round_ps(inv_ln, t, _mm512_sub_round_ps(hi, e, Z0_RN), Z0_RN);
        p = _mm512_fmadd_round_ps(t, p, lo, Z0_RN);
        __m512 res = _mm512_add_round_ps(hi, _mm512_add_round_ps(p, d, Z0_RN), Z0_RN);
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++) {
            if (!((rare >> l) & 1))
                continue;
            float a = x[i + l];
            uint32_t b = a == 0 ? 0xFF800000u : a < 0 ? 0x7FC00000u : 0x7F800000u;
            memcpy(out + i + l, &b, 4);
        }
    }
}

Z0 static void z0_slog2(const float *x, float *out, Py_ssize_t n) { z0_slog_base(x, out, n, 0); }
Z0 static void z0_slog10(const float *x, float *out, Py_ssize_t n) { z0_slog_base(x, out, n, 1); }
/* float32 atan (sAtan_Z0HAynn): for |x| < 7.75, b = |x| rounded to a quarter (by adding 2^21), atan|x| = atan b +
 * atan((|x| - b)/(1 + |x|*b)), atan b from a 32-entry hi/lo table; beyond, pi/2 + atan(-1/|x|) (the denominator
 * capped at 2^32). The quotient from the CPU's reciprocal estimate (vrcp14ps) refined by one fused step, with its
 * and the denominator's rounding errors carried; then q + q^3*p(q^2) and x's sign. No scalar path. */
static const uint32_t z0_satan_tables[2][32] = {
    {0x00000000, 0x3E7ADBB0, 0x3EED6338, 0x3F24BC7D, 0x3F490FDB, 0x3F6563E3, 0x3F7B985F, 0x3F869C79,
     0x3F8DB70D, 0x3F93877B, 0x3F985B6C, 0x3F9C6B53, 0x3F9FE0BB, 0x3FA2DAA4, 0x3FA57088, 0x3FA7B46F,
     0x3FA9B465, 0x3FAB7B7A, 0x3FAD1283, 0x3FAE809E, 0x3FAFCB99, 0x3FB0F836, 0x3FB20A6A, 0x3FB30581,
     0x3FB3EC43, 0x3FB4C10A, 0x3FB585D7, 0x3FB63C64, 0x3FB6E62C, 0x3FB78478, 0x3FB81868, 0x3FB8A2F5},
    {0x00000000, 0xB15A6FE4, 0x31AC376A, 0x31C9A7B8, 0xB2BBBD2E, 0xB287B906, 0xB2D7E096, 0x3345BA0A,
     0xB351441C, 0xB325AC5E, 0xB2D2B64B, 0x334E1335, 0x3337A856, 0x325CD468, 0xB2669D97, 0x33267261,
     0xB32E1630, 0xB345C196, 0xB35EEB1A, 0x32835B58, 0xB32DAB7B, 0x32D52571, 0x3281298F, 0x334736A0,
     0x326F266F, 0xB2AC55F6, 0x33030C07, 0xB190A736, 0xB2895340, 0x32E86BFE, 0xB2D7F9CD, 0x3342088A}
};

Z0 static void z0_satan(const float *x, float *out, Py_ssize_t n)
{
    const __m512 shifter = z0_f(0x4A000000), one = _mm512_set1_ps(1.0f), c1 = z0_f(0xBE0FA8DE);
    const __m512 c2 = z0_f(0x3E4CC8E2), c3 = z0_f(0xBEAAAAAA);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 a = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7FFFFFFF)));
        __m512 s = _mm512_add_round_ps(a, shifter, Z0_RN);
        __mmask16 near = _mm512_cmp_ps_mask(a, z0_f(0x40F80000), _CMP_LT_OS);
        __m512 den = _mm512_min_round_ps(z0_f(0x4F800000), a, _MM_FROUND_NO_EXC);
        __m512 b = _mm512_sub_round_ps(s, shifter, Z0_RN);
        __m512 num = _mm512_mask_reduce_round_ps(_mm512_set1_ps(-1.0f), near, a, 0x28, _MM_FROUND_NO_EXC);
        den = _mm512_mask_fmadd_round_ps(den, near, b, one, Z0_RN);
        __m512 dl = _mm512_fmsub_round_ps(a, b, _mm512_sub_round_ps(den, one, Z0_RN), Z0_RN);
        __m512 r = _mm512_rcp14_ps(den);
        r = _mm512_fmadd_round_ps(_mm512_fnmadd_round_ps(den, r, one, Z0_RN), r, r, Z0_RN);
        __m512 q = _mm512_mul_round_ps(num, r, Z0_RN);
        __m512 e = _mm512_fnmadd_round_ps(r, den, one, Z0_RN);
        dl = _mm512_mul_round_ps(r, dl, Z0_RN);
        __m512 ql = _mm512_fmadd_round_ps(q, e, _mm512_fmsub_round_ps(num, r, q, Z0_RN), Z0_RN);
        __m512i j = _mm512_castps_si512(s);
        __m512 hi = _mm512_mask_blend_ps(near, z0_f(0x3FC90FDB), z0_table(z0_satan_tables[0], j));
        __m512 lo = _mm512_mask_blend_ps(near, z0_f(0xB33BBD2E), z0_table(z0_satan_tables[1], j));
        ql = _mm512_mask3_fnmadd_round_ps(dl, q, ql, near, Z0_RN);
        __m512 q2 = _mm512_mul_round_ps(q, q, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(q2, c1, c2, Z0_RN);
        __m512 sum = _mm512_add_round_ps(hi, q, Z0_RN), q3 = _mm512_mul_round_ps(q, q2, Z0_RN);
        lo = _mm512_add_round_ps(lo, ql, Z0_RN);
        p = _mm512_fmadd_round_ps(q2, p, c3, Z0_RN);
        lo = _mm512_add_round_ps(lo, _mm512_sub_round_ps(q, _mm512_sub_round_ps(sum, hi, Z0_RN), Z0_RN), Z0_RN);
        lo = _mm512_fmadd_round_ps(q3, p, lo, Z0_RN);
        __m512i res = _mm512_ternarylogic_epi32(_mm512_castps_si512(_mm512_add_round_ps(sum, lo, Z0_RN)),
                                                _mm512_castps_si512(v), _mm512_castps_si512(a), 0x96);
        _mm512_mask_storeu_epi32(out + i, lanes, res);
    }
}

/* float32 asin (sAsin_Z0HAynn): below |x| 0.5, |x| + |x|*z*p(z) with z = x^2; from 0.5, pi/2 - 2*sqrt(y) - 2*sqrt(y)*z*p(z)
 * with y = (1 - |x|)/2 = z, the root from the CPU's estimate (vrsqrt14ps, cut to 12 bits) refined by one fused
 * step on 2y split in two, pi/2 in two parts; x's sign. |x| > 1 takes the scalar path (NaN 0xFFC00000); NaNs pass
 * through the arithmetic (each operation's operands in MKL's order, for its NaN). */
Z0 static void z0_sasin(const float *x, float *out, Py_ssize_t n)
{
    const __m512 half = _mm512_set1_ps(0.5f), m_half = _mm512_set1_ps(-0.5f), m_two = _mm512_set1_ps(-2.0f);
    const __m512 c200 = z0_f(0xBDC00004), c240 = z0_f(0x3E800001), c280 = z0_f(0x3D2EDC07), c2c0 = z0_f(0x3CC32A6B);
    const __m512 c300 = z0_f(0x3D3A9AB4), c340 = z0_f(0x3D997C12), c380 = z0_f(0x3E2AAAFF);
    const __m512 pio2_hi = z0_f(0x3FC90FDB), pio2_lo = z0_f(0xB33BBD2E);
    const __m512i sign = _mm512_set1_epi32((int)0x80000000u);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 a = _mm512_castsi512_ps(_mm512_andnot_si512(sign, _mm512_castps_si512(v)));
        __mmask16 rare = _mm512_cmp_ps_mask(_mm512_set1_ps(1.0f), a, _CMP_LT_OS) & lanes;
        __m512 y = _mm512_fmadd_round_ps(a, m_half, half, Z0_RN);
        __m512 z = _mm512_min_round_ps(_mm512_mul_round_ps(a, a, Z0_RN), y, _MM_FROUND_NO_EXC);
        __mmask16 big = _mm512_cmp_ps_mask(a, half, _CMP_NLT_US);
        __mmask16 rooted = _mm512_cmp_ps_mask(y, z0_f(0x2F800000), _CMP_NLT_US);
        __m512 r = _mm512_maskz_and_ps(rooted, z0_f(0xFFFFF800), _mm512_rsqrt14_ps(y));
        __m512 y2 = _mm512_add_round_ps(y, y, Z0_RN);
        __m512 yh = _mm512_and_ps(z0_f(0xFFFFE000), y2), yl = _mm512_sub_round_ps(y2, yh, Z0_RN);
        __m512 sh = _mm512_mul_round_ps(yh, r, Z0_RN), sl = _mm512_mul_round_ps(yl, r, Z0_RN);
        __m512 e = _mm512_add_round_ps(_mm512_fmadd_round_ps(sh, r, m_two, Z0_RN), _mm512_mul_round_ps(sl, r, Z0_RN), Z0_RN);
        __m512 es = _mm512_mul_round_ps(_mm512_add_round_ps(sh, sl, Z0_RN), e, Z0_RN);
        e = _mm512_fmsub_round_ps(es, _mm512_fmadd_round_ps(c200, e, c240, Z0_RN), sl, Z0_RN);
        __m512 z2 = _mm512_mul_round_ps(z, z, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(_mm512_fmadd_round_ps(z, c280, c2c0, Z0_RN), z2,
                                         _mm512_fmadd_round_ps(z, c300, c340, Z0_RN), Z0_RN);
        __m512 pz = _mm512_mul_round_ps(_mm512_fmadd_round_ps(z, p, c380, Z0_RN), z, Z0_RN);
        __m512 h = _mm512_sub_round_ps(pio2_hi, sh, Z0_RN);
        __m512 w = _mm512_mask_sub_round_ps(a, big, e, sh, Z0_RN);
        __m512 carry = _mm512_sub_round_ps(sh, _mm512_sub_round_ps(pio2_hi, h, Z0_RN), Z0_RN);
        e = _mm512_maskz_sub_round_ps(big, _mm512_add_round_ps(pio2_lo, e, Z0_RN), carry, Z0_RN);
        e = _mm512_fmadd_round_ps(pz, w, e, Z0_RN);
        __m512 res = _mm512_add_round_ps(_mm512_mask_mov_ps(a, big, h), e, Z0_RN);
        __m512i bits = _mm512_xor_si512(_mm512_castps_si512(res), _mm512_and_si512(sign, _mm512_castps_si512(v)));
        bits = _mm512_mask_mov_epi32(bits, rare, _mm512_set1_epi32((int)0xFFC00000u));
        _mm512_mask_storeu_epi32(out + i, lanes, bits);
    }
}

/* float32 acos (sAcos_Z0HAynn): asin's steps on -|x| (the same root, polynomial and constants), then pi/2 - that
 * (below 0.5) or 2*sqrt((1 - |x|)/2)*(1 + z*p(z)) (from 0.5), plus pi for negative x, pi and pi/2 in two parts.
 * |x| > 1 and NaN take the scalar path (NaN 0xFFC00000; the NaN quieted). */
Z0 static void z0_sacos(const float *x, float *out, Py_ssize_t n)
{
    const __m512 half = _mm512_set1_ps(0.5f), m_two = _mm512_set1_ps(-2.0f), zero = _mm512_setzero_ps();
    const __m512 c200 = z0_f(0xBDC00004), c240 = z0_f(0x3E800001), c280 = z0_f(0x3D2EDC07), c2c0 = z0_f(0x3CC32A6B);
    const __m512 c300 = z0_f(0x3D3A9AB4), c340 = z0_f(0x3D997C12), c380 = z0_f(0x3E2AAAFF);
    const __m512 pio2_hi = z0_f(0x3FC90FDB), pio2_lo = z0_f(0xB33BBD2E), pi_hi = z0_f(0x40490FDB), pi_lo = z0_f(0xB3BBBD2E);
    const __m512 sign = z0_f(0x80000000);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 na = _mm512_or_ps(sign, v), sx = _mm512_and_ps(sign, v);
        __mmask16 rare = _mm512_cmp_ps_mask(_mm512_set1_ps(-1.0f), na, _CMP_NLE_US) & lanes;
        __m512 y = _mm512_fmadd_round_ps(na, half, half, Z0_RN);
        __m512 z = _mm512_min_round_ps(_mm512_mul_round_ps(na, na, Z0_RN), y, _MM_FROUND_NO_EXC);
        __mmask16 big = _mm512_cmp_ps_mask(z, y, _CMP_NLT_US);
        __mmask16 rooted = _mm512_cmp_ps_mask(y, z0_f(0x2F800000), _CMP_NLT_US);
        __m512 r = _mm512_maskz_and_ps(rooted, z0_f(0xFFFFF800), _mm512_rsqrt14_ps(y));
        __m512 y2 = _mm512_add_round_ps(y, y, Z0_RN);
        __m512 yh = _mm512_and_ps(z0_f(0xFFFFE000), y2), yl = _mm512_sub_round_ps(y2, yh, Z0_RN);
        __m512 sh = _mm512_mul_round_ps(yh, r, Z0_RN), sl = _mm512_mul_round_ps(yl, r, Z0_RN);
        __m512 e = _mm512_add_round_ps(_mm512_fmadd_round_ps(sh, r, m_two, Z0_RN), _mm512_mul_round_ps(sl, r, Z0_RN), Z0_RN);
        __m512 es = _mm512_mul_round_ps(_mm512_add_round_ps(sh, sl, Z0_RN), e, Z0_RN);
        e = _mm512_fmadd_round_ps(c200, e, c240, Z0_RN);
        __m512 z2 = _mm512_mul_round_ps(z, z, Z0_RN);
        __m512 p = _mm512_fmadd_round_ps(_mm512_fmadd_round_ps(z, c280, c2c0, Z0_RN), z2,
                                         _mm512_fmadd_round_ps(z, c300, c340, Z0_RN), Z0_RN);
        __m512 pz = _mm512_mul_round_ps(_mm512_fmadd_round_ps(z, p, c380, Z0_RN), z, Z0_RN);
        __mmask16 negative = _mm512_mask_cmp_ps_mask(big, z, v, _CMP_NLT_US);
        __m512 lo = _mm512_mask_blend_ps(big, pio2_lo, zero), hi = _mm512_mask_blend_ps(big, pio2_hi, zero);
        hi = _mm512_mask_or_ps(hi, negative, pi_hi, hi);
        lo = _mm512_xor_ps(_mm512_mask_or_ps(lo, negative, pi_lo, lo), sx);
        e = _mm512_maskz_fmsub_round_ps(big, es, e, sl, Z0_RN);
        __m512 base = _mm512_mask_mov_ps(na, big, sh);
        lo = _mm512_fmadd_round_ps(pz, _mm512_sub_round_ps(base, e, Z0_RN), _mm512_sub_round_ps(lo, e, Z0_RN), Z0_RN);
        __m512 res = _mm512_add_round_ps(_mm512_xor_ps(sx, _mm512_add_round_ps(lo, base, Z0_RN)), hi, Z0_RN);
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++) {
            if (!((rare >> l) & 1))
                continue;
            uint32_t b;
            memcpy(&b, x + i + l, 4);
            b = x[i + l] != x[i + l] ? b | 0x400000u : 0xFFC00000u;
            memcpy(out + i + l, &b, 4);
        }
    }
}

/* float32 tan (sTan_Z0HAynn), |x| up to 8256: n = round(x*32/pi) (by adding 1.5*2^23), r = x - n*pi/32 in three
 * fused parts with its error carried, tan r = r + r^3*(1/3' + r^2*c), then tan(n*pi/32 + r) by the addition formula
 * from a 32-entry hi/lo table of tan(j*pi/32), the quotient from the CPU's reciprocal estimate (vrcp14ps) and its
 * errors carried. Beyond 8256 MKL reduces by a long 2/pi, not reproduced (the correctly rounded value there);
 * infinities give NaN 0xFFC00000, NaNs quieted. */
static const uint32_t z0_stan_tables[2][32] = {
    {0x80000000, 0x3DC9B5DC, 0x3E4BAFAF, 0x3E9B5042, 0x3ED413CD, 0x3F08D5B9, 0x3F2B0DC1, 0x3F521801,
     0x3F800000, 0x3F9BF7EC, 0x3FBF90C7, 0x3FEF789E, 0x401A827A, 0x4052FACF, 0x40A0DFF7, 0x41227363,
     0xFF7FFFFF, 0xC1227363, 0xC0A0DFF7, 0xC052FACF, 0xC01A827A, 0xBFEF789E, 0xBFBF90C7, 0xBF9BF7EC,
     0xBF800000, 0xBF521801, 0xBF2B0DC1, 0xBF08D5B9, 0xBED413CD, 0xBE9B5042, 0xBE4BAFAF, 0xBDC9B5DC},
    {0x80000000, 0x3145B2DA, 0x2F2A62B0, 0xB22A39C2, 0xB1C0621A, 0xB25EF963, 0x32AB7F99, 0x32AE4285,
     0x00000000, 0x33587608, 0x32169D18, 0xB30C3EC0, 0xB3CC0622, 0x3390600E, 0x331091DC, 0xB454A046,
     0xF3800000, 0x3454A046, 0xB31091DC, 0xB390600E, 0x33CC0622, 0x330C3EC0, 0xB2169D18, 0xB3587608,
     0x00000000, 0xB2AE4285, 0xB2AB7F99, 0x325EF963, 0x31C0621A, 0x322A39C2, 0xAF2A62B0, 0xB145B2DA}
};

Z0 static void z0_stan(const float *x, float *out, Py_ssize_t n)
{
    const __m512 inv = z0_f(0x4122F983), shifter = z0_f(0x4B400000), one = _mm512_set1_ps(1.0f);
    const __m512 np1 = z0_f(0xBDC90FDA), np2 = z0_f(0xB1A22000), p3 = z0_f(0x2A34611A), np3 = z0_f(0xAA34611A);
    const __m512 c1 = z0_f(0x3EAAAAA6), c2 = z0_f(0x3E08B888);
    for (Py_ssize_t i = 0; i < n; i += 16) {
        int m = n - i < 16 ? (int)(n - i) : 16;
        __mmask16 lanes = (__mmask16)((1u << m) - 1);
        __m512 v = _mm512_mask_loadu_ps(_mm512_set1_ps(0.75f), lanes, x + i);
        __m512 a = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7FFFFFFF)));
        __mmask16 rare = _mm512_cmp_ps_mask(a, z0_f(0x46010000), _CMP_NLE_US) & lanes;
        __m512 k = _mm512_fmadd_round_ps(v, inv, shifter, Z0_RN);
        __m512 nf = _mm512_sub_round_ps(k, shifter, Z0_RN);
        __m512 r1 = _mm512_fmadd_round_ps(nf, np1, v, Z0_RN);
        __m512 r2 = _mm512_fmadd_round_ps(nf, np2, r1, Z0_RN);
        __m512 r = _mm512_fmadd_round_ps(nf, np3, r2, Z0_RN);
        __m512 e1 = _mm512_fmadd_round_ps(nf, np2, _mm512_sub_round_ps(r1, r2, Z0_RN), Z0_RN);
        __m512 e2 = _mm512_fmadd_round_ps(p3, nf, _mm512_sub_round_ps(r, r2, Z0_RN), Z0_RN);
        __m512 rl = _mm512_sub_round_ps(e1, e2, Z0_RN);
        __m512i j = _mm512_castps_si512(k);
        __m512 hi = z0_table(z0_stan_tables[0], j), lo = z0_table(z0_stan_tables[1], j);
        __m512 rr = _mm512_mul_round_ps(r, r, Z0_RN);
        __m512 p = _mm512_mul_round_ps(_mm512_fmadd_round_ps(c2, rr, c1, Z0_RN), r, Z0_RN);
        p = _mm512_fnmsub_round_ps(rr, p, rl, Z0_RN);
        __m512 t = _mm512_sub_round_ps(r, p, Z0_RN);
        __m512 d = _mm512_sub_round_ps(_mm512_sub_round_ps(r, t, Z0_RN), p, Z0_RN);
        __m512 sum = _mm512_add_round_ps(t, hi, Z0_RN);
        __m512 u = _mm512_sub_round_ps(t, _mm512_sub_round_ps(sum, hi, Z0_RN), Z0_RN);
        u = _mm512_add_round_ps(_mm512_add_round_ps(u, lo, Z0_RN), d, Z0_RN);
        __m512 q = _mm512_mul_round_ps(hi, t, Z0_RN);
        __m512 den = _mm512_sub_round_ps(one, q, Z0_RN);
        __m512 qe = _mm512_fnmadd_round_ps(hi, t, q, Z0_RN);
        __m512 w = _mm512_sub_round_ps(_mm512_add_round_ps(_mm512_sub_round_ps(den, one, Z0_RN), q, Z0_RN), qe, Z0_RN);
        w = _mm512_fmadd_round_ps(d, hi, w, Z0_RN);
        w = _mm512_fmadd_round_ps(t, lo, w, Z0_RN);
        __m512 rc = _mm512_rcp14_ps(den);
        __m512 y = _mm512_mul_round_ps(rc, sum, Z0_RN);
        den = _mm512_fmsub_round_ps(y, den, sum, Z0_RN);
        den = _mm512_fnmadd_round_ps(y, w, den, Z0_RN);
        __m512 res = _mm512_fnmadd_round_ps(rc, _mm512_sub_round_ps(den, u, Z0_RN), y, Z0_RN);
        _mm512_mask_storeu_ps(out + i, lanes & (__mmask16)~rare, res);
        for (int l = 0; l < m; l++) {
            if (!((rare >> l) & 1))
                continue;
            float f = x[i + l];
            uint32_t b;
            memcpy(&b, &f, 4);
            if (f != f || isinf(f)) {
                b = f != f ? b | 0x400000u : 0xFFC00000u;
                memcpy(out + i + l, &b, 4);
            } else {
                out[i + l] = (float)tan((double)f);
            }
        }
    }
}

#else
static int mkl_vml_z0(void) { return 0; }
#define z0_serf NULL
#define z0_dtanh NULL
#define z0_sexp NULL
#define z0_ssin NULL
#define z0_scos NULL
#define z0_dsin NULL
#define z0_dcos NULL
#define z0_stanh NULL
#define z0_dsqrt NULL
#define z0_derf NULL
#define z0_serfc NULL
#define z0_sln NULL
#define z0_serfinv NULL
#define z0_slog2 NULL
#define z0_slog10 NULL
#define z0_satan NULL
#define z0_sasin NULL
#define z0_sacos NULL
#define z0_stan NULL
#endif
