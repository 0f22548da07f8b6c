/* SLEEF's pow and atan2 (xpowf / xpow through logkf / logk and expkf / expk, and xatan2f_u1 / xatan2_u1 through
 * atan2kf_u1 / atan2k_u1: the u10 functions PyTorch's Vectorized<float/double>::pow and ::atan2 call), re-expressed
 * per element with the same constants, double-float / double-double steps and fused multiply-adds as SLEEF's FMA
 * builds, their branches without AVX-512's getexp/getmant (the same values) and the vector integer conversions'
 * out-of-range results (algorithms by Naoki Shibata, Boost Software License). PyTorch's pow and atan2 kernels take
 * them on whole two-vector chunks of each thread's range and the C library's pow / atan2 on the rest. */

/* Compiled for the CPU's fused multiply-add (the module runs only where it has one: ACCELERATED) and without
 * contraction, so that each fmaf/fma is one instruction and no other product is fused; the loops of _ckernels.c
 * over these functions (BODY_LOOPS2) come after them, the same. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#pragma GCC optimize("fp-contract=off")
#endif

#define POLY9(x, x2, x4, x8, c8, c7, c6, c5, c4, c3, c2, c1, c0) \
    MLA(x8, c8, POLY8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0))
#define POLY16(x, x2, x4, x8, cf, ce, cd, cc, cb, ca, c9, c8, c7, c6, c5, c4, c3, c2, c1, c0) \
    MLA(x8, POLY8(x, x2, x4, cf, ce, cd, cc, cb, ca, c9, c8), POLY8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0))

static inline float pw_bits_f(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline uint32_t pw_f_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline double pw_bits_d(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static inline uint64_t pw_d_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }
static inline float pw_mulsignf(float x, float y) { return pw_bits_f(pw_f_bits(x) ^ (pw_f_bits(y) & 0x80000000u)); }
static inline double pw_mulsign(double x, double y)
{
    return pw_bits_d(pw_d_bits(x) ^ (pw_d_bits(y) & UINT64_C(0x8000000000000000)));
}

/* the vector conversions to int32 (cvtps2dq, cvttps2dq, cvtpd2dq): 0x80000000 out of range and for NaN */
static inline int32_t pw_rint_i32f(float v) { return fabsf(v) < 2147483648.0f ? (int32_t)rintf(v) : INT32_MIN; }
static inline int32_t pw_trunc_i32f(float v) { return fabsf(v) < 2147483648.0f ? (int32_t)v : INT32_MIN; }
static inline int32_t pw_rint_i32(double v) { return fabs(v) < 2147483648.0 ? (int32_t)v : INT32_MIN; }

/* float2 steps of SLEEF's df.h not in _ckernels.c yet (pw_df_normalize: PAIR_STEPS) */
static inline float2 pw_df_add_ff(float x, float y) /* dfadd_vf2_vf_vf */
{
    float s = x + y;
    float2 r = {s, (x - s) + y};
    return r;
}

/* ---------------------------------------------------------------- float */

static float2 pw_logkf(float d)
{
    int tiny = d < FLT_MIN;
    if (tiny)
        d *= (float)(INT64_C(1) << 32) * (float)(INT64_C(1) << 32);
    int32_t e = l1p_ilogb2kf(d * (1.0f / 0.75f));
    float m = l1p_ldexp3f(d, -e);
    if (tiny)
        e -= 64;
    float2 x = df_div(df_add2(-1.0f, m), df_add2(1.0f, m));
    float2 x2 = sf_squ(x);
    float t = (float)0.240320354700088500976562;
    t = fmaf(t, x2.hi, (float)0.285112679004669189453125);
    t = fmaf(t, x2.hi, (float)0.400007992982864379882812);
    const float2 c = {0.66666662693023681640625f, 3.69183861259614332084311e-09f};
    const float2 ln2 = {0.69314718246459960938f, -1.904654323148236017e-09f};
    float2 s = df_mul(ln2, (float)e);
    float2 x_2 = {x.hi * 2.0f, x.lo * 2.0f};
    s = sf_add_f2f2(s, x_2);
    return sf_add_f2f2(s, sf_mul_f2f2(sf_mul_f2f2(x2, x), sf_add2_f2f2(df_mul(x2, t), c)));
}

static inline float pw_ldexpf(float x, int32_t q) /* vldexp_vf_vf_vi2, its integer steps wrapping */
{
    int32_t m = q >> 31;
    m = (int32_t)(((uint32_t)((int32_t)((uint32_t)m + (uint32_t)q) >> 6) - (uint32_t)m) << 4);
    q = (int32_t)((uint32_t)q - ((uint32_t)m << 2));
    m = (int32_t)((uint32_t)m + 0x7f);
    m = m > 0 ? m : 0;
    m = m > 0xff ? 0xff : m;
    float u = pw_bits_f((uint32_t)m << 23);
    x = x * u * u * u * u;
    return x * pw_bits_f(((uint32_t)q + 0x7f) << 23);
}

static float pw_expkf(float2 d)
{
    float u = (d.hi + d.lo) * 1.442695040888963407359924681001892137426645954152985934135449406931f;
    int32_t q = pw_rint_i32f(u);
    float2 s = sf_add2_f2f(d, (float)q * -0.693145751953125f);
    s = sf_add2_f2f(s, (float)q * -1.428606765330187045e-06f);
    s = pw_df_normalize(s);
    u = 0.00136324646882712841033936f;
    u = fmaf(u, s.hi, 0.00836596917361021041870117f);
    u = fmaf(u, s.hi, 0.0416710823774337768554688f);
    u = fmaf(u, s.hi, 0.166665524244308471679688f);
    u = fmaf(u, s.hi, 0.499999850988388061523438f);
    float2 t = sf_add_f2f2(s, df_mul(sf_squ(s), u));
    t = sf_add_ff2(1.0f, t);
    u = pw_ldexpf(t.hi + t.lo, q);
    return d.hi < -104.0f ? 0.0f : u;
}

static float sleef_powf(float x, float y)
{
    int yisint = truncf(y) == y || fabsf(y) > (float)(1 << 24);
    int yisodd = (pw_trunc_i32f(y) & 1) == 1 && yisint && fabsf(y) < (float)(1 << 24);
    float result = pw_expkf(df_mul(pw_logkf(fabsf(x)), y));
    if (isnan(result))
        result = INFINITY;
    result *= x > 0.0f ? 1.0f : (yisint ? (yisodd ? -1.0f : 1.0f) : NAN);
    float efx = pw_mulsignf(fabsf(x) - 1.0f, y);
    if (isinf(y))
        result = efx < 0.0f ? 0.0f : (efx == 0.0f ? 1.0f : INFINITY);
    if (isinf(x) || x == 0.0f)
        result = pw_mulsignf((signbit(y) != 0) != (x == 0.0f) ? 0.0f : INFINITY, yisodd ? x : 1.0f);
    if (isnan(x) || isnan(y))
        result = pw_bits_f(0xffffffffu);
    if (y == 0.0f || x == 1.0f)
        result = 1.0f;
    return result;
}

static float sleef_atan2f(float y, float x)
{
    if (fabsf(x) < 2.9387372783541830947e-39f) { /* nexttowardf(1 / FLT_MAX, 1) */
        x *= (float)(1 << 24);
        y *= (float)(1 << 24);
    }
    /* atan2kf_u1((|y|, 0), (x, 0)) */
    float2 yy = {fabsf(y), 0.0f}, xx = {x, 0.0f};
    int32_t q = xx.hi < 0.0f ? -2 : 0;
    if (xx.hi < 0.0f) {
        xx.hi = -xx.hi;
        xx.lo = -xx.lo;
    }
    int p = xx.hi < yy.hi;
    q += p;
    float2 nx = {-xx.hi, -xx.lo};
    float2 s = p ? nx : yy, t = p ? yy : xx;
    s = df_div(s, t);
    t = pw_df_normalize(sf_squ(s));
    float u = -0.00176397908944636583328247f;
    u = fmaf(u, t.hi, 0.0107900900766253471374512f);
    u = fmaf(u, t.hi, -0.0309564601629972457885742f);
    u = fmaf(u, t.hi, 0.0577365085482597351074219f);
    u = fmaf(u, t.hi, -0.0838950723409652709960938f);
    u = fmaf(u, t.hi, 0.109463557600975036621094f);
    u = fmaf(u, t.hi, -0.142626821994781494140625f);
    u = fmaf(u, t.hi, 0.199983194470405578613281f);
    t = sf_mul_f2f2(t, pw_df_add_ff(-0.333332866430282592773438f, u * t.hi));
    t = sf_mul_f2f2(s, sf_add_ff2(1.0f, t));
    const float2 half_pi = {1.5707963705062866211f, -4.3711388286737928865e-08f};
    t = sf_add_f2f2(df_mul(half_pi, (float)q), t);
    float r = pw_mulsignf(t.hi + t.lo, x);
    const float pi_2 = (float)(M_PI / 2), pi_4 = (float)(M_PI / 4);
    if (isinf(x) || x == 0.0f)
        r = pi_2 - (isinf(x) ? pw_mulsignf(pi_2, x) : 0.0f);
    if (isinf(y))
        r = pi_2 - (isinf(x) ? pw_mulsignf(pi_4, x) : 0.0f);
    if (y == 0.0f)
        r = signbit(x) ? (float)M_PI : 0.0f;
    return isnan(x) || isnan(y) ? pw_bits_f(0xffffffffu) : pw_mulsignf(r, y);
}

/* ---------------------------------------------------------------- double */

PAIR_STEPS(double2, double, fma, pw_dd_mul_d2d2, pw_dd_squ, pw_dd_normalize)

static inline double2 pw_dd_add_d2d2(double2 x, double2 y) /* ddadd_vd2_vd2_vd2 */
{
    double s = x.hi + y.hi;
    double2 r = {s, (((x.hi - s) + y.hi) + x.lo) + y.lo};
    return r;
}

static inline double2 pw_dd_add_dd2(double x, double2 y) /* ddadd_vd2_vd_vd2 */
{
    double s = x + y.hi;
    double2 r = {s, ((x - s) + y.hi) + y.lo};
    return r;
}

static inline double2 pw_dd_add2_d2d(double2 x, double y) /* ddadd2_vd2_vd2_vd */
{
    double s = x.hi + y, v = s - x.hi;
    double2 r = {s, ((x.hi - (s - v)) + (y - v)) + x.lo};
    return r;
}

static inline double2 pw_dd_mul_d2d(double2 x, double y) /* ddmul_vd2_vd2_vd */
{
    double s = x.hi * y;
    double2 r = {s, fma(x.lo, y, fma(x.hi, y, -s))};
    return r;
}

static double2 pw_logk(double d)
{
    int tiny = d < DBL_MIN;
    if (tiny)
        d *= (double)(INT64_C(1) << 32) * (double)(INT64_C(1) << 32);
    int32_t e = l1p_ilogb2k(d * (1.0 / 0.75));
    double m = l1p_ldexp3(d, -e);
    if (tiny)
        e -= 64;
    double2 x = dd_div(dd_add2(-1.0, m), dd_add2(1.0, m));
    double2 x2 = pw_dd_squ(x);
    double x4 = x2.hi * x2.hi, x8 = x4 * x4, x16 = x8 * x8;
    double t = POLY9(x2.hi, x4, x8, x16, 0.116255524079935043668677, 0.103239680901072952701192,
                     0.117754809412463995466069, 0.13332981086846273921509, 0.153846227114512262845736,
                     0.181818180850050775676507, 0.222222222230083560345903, 0.285714285714249172087875,
                     0.400000000000000077715612);
    const double2 c = {0.666666666666666629659233, 3.80554962542412056336616e-17};
    const double2 ln2 = {0.693147180559945286226764, 2.319046813846299558417771e-17};
    double2 s = pw_dd_mul_d2d(ln2, (double)e);
    double2 x_2 = {x.hi * 2.0, x.lo * 2.0};
    s = pw_dd_add_d2d2(s, x_2);
    x = pw_dd_mul_d2d2(x2, x);
    s = pw_dd_add_d2d2(s, pw_dd_mul_d2d2(x, c));
    x = pw_dd_mul_d2d2(x2, x);
    return pw_dd_add_d2d2(s, pw_dd_mul_d2d(x, t));
}

static inline double pw_pow2i(int32_t q) /* vpow2i_vd_vi: the exponent built in the upper 32 bits, wrapping */
{
    return pw_bits_d((uint64_t)(((uint32_t)q + 0x3ffu) << 20) << 32);
}

static inline double pw_ldexp2(double d, int32_t q) /* vldexp2_vd_vd_vi: 2^q in two steps */
{
    return d * pw_pow2i(q >> 1) * pw_pow2i((int32_t)((uint32_t)q - (uint32_t)(q >> 1)));
}

static double pw_expk(double2 d)
{
    double u = (d.hi + d.lo) * 1.442695040888963407359924681001892137426645954152985934135449406931;
    double dq = rint(u);
    int32_t q = pw_rint_i32(dq);
    double2 s = pw_dd_add2_d2d(d, dq * -.69314718055966295651160180568695068359375);
    s = pw_dd_add2_d2d(s, dq * -.28235290563031577122588448175013436025525412068e-12);
    s = pw_dd_normalize(s);
    double s2 = s.hi * s.hi, s4 = s2 * s2, s8 = s4 * s4;
    u = POLY10(s.hi, s2, s4, s8, 2.51069683420950419527139e-08, 2.76286166770270649116855e-07,
               2.75572496725023574143864e-06, 2.48014973989819794114153e-05, 0.000198412698809069797676111,
               0.0013888888939977128960529, 0.00833333333332371417601081, 0.0416666666665409524128449,
               0.166666666666666740681535, 0.500000000000000999200722);
    double2 t = pw_dd_add_dd2(1.0, s);
    t = pw_dd_add_d2d2(t, pw_dd_mul_d2d(pw_dd_squ(s), u));
    u = pw_ldexp2(t.hi + t.lo, q);
    return d.hi < -1000.0 ? 0.0 : u;
}

static double sleef_pow(double x, double y)
{
    int yisint = rint(y) == y;
    int yisodd = rint(y * 0.5) != y * 0.5 && yisint;
    double2 d = pw_dd_mul_d2d(pw_logk(fabs(x)), y);
    double result = pw_expk(d);
    if (d.hi > 0x1.62e42fefa39efp+9)
        result = INFINITY;
    result *= x > 0.0 ? 1.0 : (yisint ? (yisodd ? -1.0 : 1.0) : NAN);
    double efx = pw_mulsign(fabs(x) - 1.0, y);
    if (isinf(y))
        result = efx < 0.0 ? 0.0 : (efx == 0.0 ? 1.0 : INFINITY);
    if (isinf(x) || x == 0.0)
        result = pw_mulsign((signbit(y) != 0) != (x == 0.0) ? 0.0 : INFINITY, yisodd ? x : 1.0);
    if (isnan(x) || isnan(y))
        result = pw_bits_d(~UINT64_C(0));
    if (y == 0.0 || x == 1.0)
        result = 1.0;
    return result;
}

static double sleef_atan2(double y, double x)
{
    if (fabs(x) < 5.5626846462680083984e-309) { /* nexttoward(1 / DBL_MAX, 1) */
        x *= (double)(UINT64_C(1) << 53);
        y *= (double)(UINT64_C(1) << 53);
    }
    /* atan2k_u1((|y|, 0), (x, 0)) */
    double2 yy = {fabs(y), 0.0}, xx = {x, 0.0};
    int32_t q = signbit(xx.hi) ? -2 : 0;
    if (xx.hi < 0.0) {
        xx.hi = -xx.hi;
        xx.lo = -xx.lo;
    }
    int p = xx.hi < yy.hi;
    q += p;
    double2 nx = {-xx.hi, -xx.lo};
    double2 s = p ? nx : yy, t = p ? yy : xx;
    s = dd_div(s, t);
    t = pw_dd_normalize(pw_dd_squ(s));
    double t2 = t.hi * t.hi, t4 = t2 * t2, t8 = t4 * t4;
    double u = POLY16(t.hi, t2, t4, t8, 1.06298484191448746607415e-05, -0.000125620649967286867384336,
                      0.00070557664296393412389774, -0.00251865614498713360352999, 0.00646262899036991172313504,
                      -0.0128281333663399031014274, 0.0208024799924145797902497, -0.0289002344784740315686289,
                      0.0359785005035104590853656, -0.041848579703592507506027, 0.0470843011653283988193763,
                      -0.0524914210588448421068719, 0.0587946590969581003860434, -0.0666620884778795497194182,
                      0.0769225330296203768654095, -0.0909090442773387574781907);
    u = fma(u, t.hi, 0.111111108376896236538123);
    u = fma(u, t.hi, -0.142857142756268568062339);
    u = fma(u, t.hi, 0.199999999997977351284817);
    u = fma(u, t.hi, -0.333333333333317605173818);
    t = pw_dd_add_d2d2(s, pw_dd_mul_d2d(pw_dd_mul_d2d2(s, t), u));
    const double2 half_pi = {1.570796326794896557998982, 6.12323399573676603586882e-17};
    t = pw_dd_add_d2d2(pw_dd_mul_d2d(half_pi, (double)q), t);
    double r = pw_mulsign(t.hi + t.lo, x);
    if (isinf(x) || x == 0.0)
        r = M_PI / 2 - (isinf(x) ? pw_mulsign(M_PI / 2, x) : 0.0);
    if (isinf(y))
        r = M_PI / 2 - (isinf(x) ? pw_mulsign(M_PI / 4, x) : 0.0);
    if (y == 0.0)
        r = signbit(x) ? M_PI : 0.0;
    return isnan(x) || isnan(y) ? pw_bits_d(~UINT64_C(0)) : pw_mulsign(r, y);
}

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#pragma GCC pop_options
#endif
