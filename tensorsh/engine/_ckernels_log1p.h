/* SLEEF's log1p (xlog1pf / xlog1p, the u10 functions PyTorch's Vectorized<float/double>::log1p call), re-expressed
 * per element with the same constants, double-float / double-double steps and fused multiply-adds as SLEEF's
 * FMA builds (algorithm by Naoki Shibata, Boost Software License). PyTorch's log1p kernel maps every element,
 * the vector tail included, through it; softplus and log_sigmoid take it on their vector chunks. */

typedef struct { float x, y; } l1p_f2;
typedef struct { double x, y; } l1p_d2;

static inline float l1p_ldexp3f(float d, int32_t q) /* d * 2^q by the exponent field */
{
    int32_t b;
    memcpy(&b, &d, 4);
    b += (int32_t)((uint32_t)q << 23);
    memcpy(&d, &b, 4);
    return d;
}

static inline int32_t l1p_ilogb2kf(float d)
{
    int32_t b;
    memcpy(&b, &d, 4);
    return ((b >> 23) & 0xff) - 0x7f;
}

static inline double l1p_ldexp3(double d, int32_t q)
{
    int64_t b;
    memcpy(&b, &d, 8);
    b += (int64_t)((uint64_t)(int64_t)q << 52);
    memcpy(&d, &b, 8);
    return d;
}

static inline int32_t l1p_ilogb2k(double d)
{
    int64_t b;
    memcpy(&b, &d, 8);
    return (int32_t)((b >> 52) & 0x7ff) - 0x3ff;
}

static float sleef_log1pf(float d)
{
    float dp1 = d + 1.0f;
    int tiny = dp1 < FLT_MIN;
    if (tiny)
        dp1 *= (float)(INT64_C(1) << 32) * (float)(INT64_C(1) << 32);
    int32_t e = l1p_ilogb2kf(dp1 * (1.0f / 0.75f));
    float t = l1p_ldexp3f(1.0f, -e);
    float m = fmaf(d, t, t - 1.0f);
    if (tiny)
        e -= 64;
    float fe = (float)e, sx = 0.69314718246459960938f * fe; /* dfmul((ln2 hi, lo), e) */
    l1p_f2 s = {sx, fmaf(-1.904654323148236017e-09f, fe, fmaf(0.69314718246459960938f, fe, -sx))};
    float dx = 2.0f + m; /* dfadd_vf2_vf_vf(2, m) */
    l1p_f2 den = {dx, (2.0f - dx) + m};
    float rt = 1.0f / den.x, qs = m * rt; /* dfdiv((m, 0), den) */
    float u = fmaf(rt, m, -qs), v = fmaf(-den.y, rt, fmaf(-den.x, rt, 1.0f));
    l1p_f2 x = {qs, fmaf(qs, v, fmaf(0.0f, rt, u))};
    float x2 = x.x * x.x;
    float p = fmaf(fmaf(0.3027294874e+0f, x2, 0.3996108174e+0f), x2, 0.6666694880e+0f);
    l1p_f2 x2s = {x.x * 2.0f, x.y * 2.0f}; /* s = dfadd2(s, dfscale(x, 2)) */
    float sum = s.x + x2s.x;
    s.y = (((s.x - sum) + x2s.x) + s.y) + x2s.y;
    s.x = sum;
    float w = (x2 * x.x) * p; /* s = dfadd(s, w) */
    sum = s.x + w;
    s.y = ((s.x - sum) + w) + s.y;
    s.x = sum;
    float r = s.x + s.y;
    if (!(d <= 0x1.2ced32p+126f))
        r = (float)log((double)d); /* (SLEEF's logf_u1 there: d beyond 1e38) */
    if (-1.0f > d) {
        uint32_t nan_bits = 0xffffffffu;
        memcpy(&r, &nan_bits, 4);
    }
    if (d == -1.0f)
        r = -INFINITY;
    if (d == 0.0f && signbit(d))
        r = -0.0f;
    return r;
}

static double sleef_log1p(double d)
{
    double dp1 = d + 1.0;
    int tiny = dp1 < DBL_MIN;
    if (tiny)
        dp1 *= (double)(INT64_C(1) << 32) * (double)(INT64_C(1) << 32);
    int32_t e = l1p_ilogb2k(dp1 * (1.0 / 0.75));
    double t = l1p_ldexp3(1.0, -e);
    double m = fma(d, t, t - 1.0);
    if (tiny)
        e -= 64;
    double fe = (double)e, sx = 0.693147180559945286226764 * fe;
    l1p_d2 s = {sx, fma(2.319046813846299558417771e-17, fe, fma(0.693147180559945286226764, fe, -sx))};
    double dx = 2.0 + m;
    l1p_d2 den = {dx, (2.0 - dx) + m};
    double rt = 1.0 / den.x, qs = m * rt;
    double u = fma(rt, m, -qs), v = fma(-den.y, rt, fma(-den.x, rt, 1.0));
    l1p_d2 x = {qs, fma(qs, v, fma(0.0, rt, u))};
    double x2 = x.x * x.x, x4 = x2 * x2, x8 = x4 * x4;
    double p = POLY7(x2, x4, x8, 0.1532076988502701353e+0, 0.1525629051003428716e+0, 0.1818605932937785996e+0,
                     0.2222214519839380009e+0, 0.2857142932794299317e+0, 0.3999999999635251990e+0,
                     0.6666666666667333541e+0);
    l1p_d2 x2s = {x.x * 2.0, x.y * 2.0};
    double sum = s.x + x2s.x;
    s.y = (((s.x - sum) + x2s.x) + s.y) + x2s.y;
    s.x = sum;
    double w = (x2 * x.x) * p;
    sum = s.x + w;
    s.y = ((s.x - sum) + w) + s.y;
    s.x = sum;
    double r = s.x + s.y;
    if (!(d <= 0x1.c7b1f3cac7433p+1019))
        r = log(d); /* (SLEEF's log_u1 there: d beyond 1e307) */
    if (d < -1.0 || isnan(d))
        r = NAN;
    if (d == -1.0)
        r = -INFINITY;
    if (d == 0.0 && signbit(d))
        r = -0.0;
    return r;
}
