/* PyTorch's float32 exp, sin, cos, tanh and erf on Intel CPUs with AVX-512: MKL's VML "Z0" kernels in their
 * high-accuracy mode (mkl_vml_kernel_s<Fn>_Z0HAynn in torch's libtorch_cpu.so), the code MKL runs there instead
 * of the EX code of _ckernels_vml.h. Read from their disassembly: each operation below is one of the kernel's
 * AVX-512 instructions with the same embedded rounding, on the constants and tables it loads (hexadecimal bits
 * as read; tanh's 9 tables of 32 are its per-interval polynomial coefficients, not regenerable from a
 * definition). kernels.py uses them where MKL would run them (an Intel CPU, TENSORSH_MKL_CPU aside, that has
 * AVX-512); they run on any CPU with AVX-512 F/DQ/VL, so the tests compare them with MKL's own anywhere
 * (tests/engine/test_mkl_vml.py). Lanes MKL sends to its scalar path are given the correctly rounded value,
 * which is what that path returns for them (exp beyond |x| 87.3, tanh of |x| above 2^127, inf, NaN); sin and cos
 * beyond |x| 10000 reduce by a long 1/pi, not reproduced (the correctly rounded value, ~99.8% the same). */
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
#else
static int mkl_vml_z0(void) { return 0; }
#define z0_serf NULL
#define z0_sexp NULL
#define z0_ssin NULL
#define z0_scos NULL
#define z0_stanh NULL
#endif
