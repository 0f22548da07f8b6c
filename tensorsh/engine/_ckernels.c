/* Compiled float32 loops for tensorsh.engine.kernels: the arithmetic of its numpy kernels, in one pass.
 *
 * tensorsh computes float32 exp and tanh in double and rounds once, because the correctly rounded result is
 * what PyTorch's kernels give far more often than numpy's float32 ones. numpy can only do that in several
 * passes over memory (convert, compute, convert back, and for the gradients of tanh and sigmoid, three more);
 * these loops do each in one pass and vectorize. The double results differ from numpy's double functions by
 * an ulp of double at most, so the float32 results are the same except within ~1e-16 of a rounding boundary.
 * randn's float32 kernel is here too: numpy has no fused multiply-add, so random.py emulates each in double and
 * repairs the ties; the CPU's own fma needs neither (5x faster, the same bits).
 *
 * Optional: setup.py builds it where a C compiler is present; kernels.py uses it on x86-64 CPUs with AVX2
 * and FMA (where it is faster than numpy) and falls back to numpy everywhere else.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define VECTORIZED __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#define ACCELERATED (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
/* PyTorch's choice of vector width: AVX512 where avx512f, bw, vl and dq all are (its cpuinfo test) */
#define AVX512 (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && \
                __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
#else
#define VECTORIZED
#define ACCELERATED 0
#define AVX512 0
#endif

/* e^x = scale * (1 + r*q): k = round(x / ln 2), scale = 2^k, |r| <= ln 2 / 2 and q the degree-10 Taylor
 * polynomial of (e^r - 1) / r, so the relative error is below 1e-14, far under float32's rounding step.
 * x must keep 2^k a normal double (|x| < 700); exp_split clamps it. */
typedef struct { double scale, r, q; } exp_parts;

static inline exp_parts exp_split_in_range(double x)
{
    const double shifter = 0x1.8p52;            /* adding it rounds to an integer held in the low bits */
    const double ln2_hi = 0x1.62e42fefa3800p-1; /* 12 trailing zero bits: k * ln2_hi is exact */
    const double ln2_lo = 0x1.ef35793c76730p-45;
    exp_parts e;
    double t = x * 0x1.71547652b82fep0 + shifter;
    int64_t tb, sb;
    memcpy(&tb, &t, 8);
    memcpy(&sb, &shifter, 8);
    int64_t k = tb - sb;
    double kd = t - shifter;
    e.r = x - kd * ln2_hi;
    e.r = e.r - kd * ln2_lo;
    double q = 1.0 / 39916800.0;
    q = q * e.r + 1.0 / 3628800.0;
    q = q * e.r + 1.0 / 362880.0;
    q = q * e.r + 1.0 / 40320.0;
    q = q * e.r + 1.0 / 5040.0;
    q = q * e.r + 1.0 / 720.0;
    q = q * e.r + 1.0 / 120.0;
    q = q * e.r + 1.0 / 24.0;
    q = q * e.r + 1.0 / 6.0;
    q = q * e.r + 0.5;
    e.q = q * e.r + 1.0;
    int64_t sbits = (k + 1023) << 52;
    memcpy(&e.scale, &sbits, 8);
    return e;
}

/* e^-150 and e^100 already round to 0 and inf in float32 */
static inline exp_parts exp_split(double x)
{
    x = x < -150.0 ? -150.0 : x;
    return exp_split_in_range(x > 100.0 ? 100.0 : x);
}

static inline double exp_double(double x)
{
    exp_parts e = exp_split(x);
    return e.scale + e.scale * (e.r * e.q);
}

/* tanh(a) = m / (m + 2) with m = e^2a - 1 = (scale - 1) + scale*r*q; where k == 0, scale is 1 and m is r*q
 * exactly, so nothing cancels near 0 */
static inline double tanh_double(double x)
{
    double a = fabs(x);
    a = a < 20.0 ? a : 20.0; /* tanh(20) is 1 in double already; exp_split's clamps would cost a quarter more */
    exp_parts e = exp_split_in_range(a + a);
    double m = (e.scale - 1.0) + e.scale * (e.r * e.q);
    return copysign(m / (m + 2.0), x);
}

VECTORIZED static void exp_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float v = (float)exp_double(x[i]);
        out[i] = x[i] != x[i] ? x[i] : v;
    }
}

VECTORIZED static void tanh_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float v = (float)tanh_double(x[i]);
        out[i] = x[i] != x[i] ? x[i] : v;
    }
}

/* PyTorch's float32 sigmoid, 1 / (1 + exp(-x)), runs its vectorized body on whole chunks of two vectors and the
 * scalar body on the rest: the vector exp is SLEEF's expf_u10 (algorithm by Naoki Shibata, Boost Software
 * License; re-expressed here per element, with the same constants and the same fused multiply-adds), the
 * scalar one the C library's expf. The first `vectorized` elements take the vector body. */
static inline float sleef_expf(float d)
{
    int32_t q = (int32_t)rintf(d * 1.442695040888963407359924681001892137426645954152985934135449406931f);
    float s = fmaf((float)q, -0.693145751953125f, d);
    s = fmaf((float)q, -1.428606765330187045e-06f, s);
    float u = 0.000198527617612853646278381f;
    u = fmaf(u, s, 0.00139304355252534151077271f);
    u = fmaf(u, s, 0.00833336077630519866943359f);
    u = fmaf(u, s, 0.0416664853692054748535156f);
    u = fmaf(u, s, 0.166666671633720397949219f);
    u = fmaf(u, s, 0.5f);
    u = 1.0f + fmaf(s * s, u, s);
    int32_t b1 = ((q >> 1) + 0x7f) << 23, b2 = ((q - (q >> 1)) + 0x7f) << 23; /* ldexp2: 2^q in two steps */
    float p1, p2;
    memcpy(&p1, &b1, 4);
    memcpy(&p2, &b2, 4);
    u = u * p1 * p2;
    u = d < -104.0f ? 0.0f : u;
    return d > 100.0f ? INFINITY : u;
}

VECTORIZED static void sigmoid_vector_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = 1.0f / (1.0f + sleef_expf(0.0f - x[i]));
}

static void sigmoid_loop(const float *x, float *out, Py_ssize_t n, Py_ssize_t vectorized)
{
    sigmoid_vector_loop(x, out, vectorized);
    for (Py_ssize_t i = vectorized; i < n; i++)
        out[i] = 1.0f / (1.0f + expf(-x[i]));
}

/* SLEEF's logf_u10 (xlogf_u1: double-float arithmetic with fused multiply-adds, re-expressed per element; Boost
 * Software License), for the positive finite sums of log_softmax: d = m * 2^e with m in [0.75, 1.5) */
typedef struct { float hi, lo; } float2;

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define KEEP_ROUNDED(v) __asm__("" : "+x"(v))
#else
#define KEEP_ROUNDED(v) do { volatile float kept_ = (v); (v) = kept_; } while (0)
#endif

static inline float2 df_add2(float x, float y)
{
    float s = x + y, v = s - x;
    float2 r = {s, (x - (s - v)) + (y - v)};
    return r;
}

static inline float2 df_mul(float2 x, float y)
{
    float s = x.hi * y;
    float2 r = {s, fmaf(x.lo, y, fmaf(x.hi, y, -s))};
    return r;
}

static inline float2 df_div(float2 n, float2 d)
{
    float t = 1.0f / d.hi, s = n.hi * t;
    float u = fmaf(t, n.hi, -s);
    float v = fmaf(-d.lo, t, fmaf(-d.hi, t, 1.0f));
    float2 r = {s, fmaf(s, v, fmaf(n.lo, t, u))};
    return r;
}

static inline float sleef_logf(float d)
{
    if (!(d > 0.0f) || d == INFINITY)  /* NaN, negative, zero and infinity, as SLEEF gives them */
        return d == 0.0f ? -INFINITY : (d == INFINITY ? INFINITY : NAN);
    int e;
    float m = frexpf(d, &e) * 2.0f;  /* [1, 2) and e - 1 ... */
    e -= 1;
    if (m >= 1.5f) {                 /* ... then [0.75, 1.5), as getmant's p75_1p5 normalizes */
        m *= 0.5f;
        e += 1;
    }
    const float2 ln2 = {0.69314718246459960938f, -1.904654323148236017e-09f};
    float2 s = df_mul(ln2, (float)e);
    KEEP_ROUNDED(s.hi);  /* a product: it must not be fused into the add that follows */
    float2 x = df_div(df_add2(-1.0f, m), df_add2(1.0f, m));
    float x2 = x.hi * x.hi;
    float t = fmaf(fmaf(0.3027294874e+0f, x2, 0.3996108174e+0f), x2, 0.6666694880e+0f);
    float sum = s.hi + x.hi * 2.0f;  /* df_add(s, 2x) */
    float lo = (((s.hi - sum) + x.hi * 2.0f) + s.lo) + x.lo * 2.0f;
    float tail = (x2 * x.hi) * t;    /* df_add(.., tail); SLEEF is built without contraction, so this product */
    KEEP_ROUNDED(tail);              /* is rounded before it is added: no fused multiply-add may take it */
    float sum2 = sum + tail;
    lo = ((sum - sum2) + tail) + lo;
    return sum2 + lo;
}

/* SLEEF's exp2f_u10, sinhf_u10 and coshf_u10 (the last two through expk2f, in double-float arithmetic: float2
 * and df_mul above), which
 * PyTorch's float32 exp2/sinh/cosh run on whole two-vector chunks; re-expressed per element (algorithms by Naoki
 * Shibata, Boost Software License): the same constants, the same fused multiply-adds (FMA_SP: its AVX2 build),
 * every other product rounded on its own. Called from plain (not VECTORIZED) loops: in the x86-64 baseline
 * the compiler has no fused multiply-add to contract a product into. */
static inline float sf_pow2i(int32_t q)
{
    int32_t b = (q + 0x7f) << 23;
    float r;
    memcpy(&r, &b, 4);
    return r;
}

static inline float sf_ldexp2(float d, int32_t q) { return d * sf_pow2i(q >> 1) * sf_pow2i(q - (q >> 1)); }

static inline float2 sf_add2_f2f(float2 x, float y)
{
    float s = x.hi + y, v = s - x.hi;
    float2 r = {s, ((x.hi - (s - v)) + (y - v)) + x.lo};
    return r;
}

static inline float2 sf_add2_f2f2(float2 x, float2 y)
{
    float s = x.hi + y.hi, v = s - x.hi;
    float2 r = {s, ((x.hi - (s - v)) + (y.hi - v)) + (x.lo + y.lo)};
    return r;
}

static inline float2 sf_add_ff2(float x, float2 y)
{
    float s = x + y.hi;
    float2 r = {s, ((x - s) + y.hi) + y.lo};
    return r;
}

static inline float2 sf_add_f2f2(float2 x, float2 y)
{
    float s = x.hi + y.hi;
    float2 r = {s, (((x.hi - s) + y.hi) + x.lo) + y.lo};
    return r;
}

static inline float2 sf_sub_f2f2(float2 x, float2 y)
{
    float s = x.hi - y.hi;
    float2 r = {s, (((x.hi - s) - y.hi) + x.lo) - y.lo};
    return r;
}

/* dfmul_vf2_vf2_vf2, dfsqu_vf2_vf2 and dfnormalize_vf2_vf2 (FMA builds) of a pair type T2 of T: float2 here,
 * double2 (their dd twins) in _ckernels_pow.h */
#define PAIR_STEPS(T2, T, FMA, MUL, SQU, NORMALIZE)                                                        \
    static inline T2 MUL(T2 x, T2 y)                                                                      \
    {                                                                                                     \
        T s = x.hi * y.hi;                                                                                \
        T2 r = {s, FMA(x.hi, y.lo, FMA(x.lo, y.hi, FMA(x.hi, y.hi, -s)))};                                \
        return r;                                                                                         \
    }                                                                                                     \
    static inline T2 SQU(T2 x)                                                                            \
    {                                                                                                     \
        T s = x.hi * x.hi;                                                                                \
        T2 r = {s, FMA(x.hi + x.hi, x.lo, FMA(x.hi, x.hi, -s))};                                          \
        return r;                                                                                         \
    }                                                                                                     \
    static inline T2 NORMALIZE(T2 t)                                                                      \
    {                                                                                                     \
        T s = t.hi + t.lo;                                                                                \
        T2 r = {s, (t.hi - s) + t.lo};                                                                    \
        return r;                                                                                         \
    }

PAIR_STEPS(float2, float, fmaf, sf_mul_f2f2, sf_squ, pw_df_normalize)

static inline float2 sf_rec(float2 d)
{
    float s = 1.0f / d.hi;
    float2 r = {s, s * fmaf(-d.lo, s, fmaf(-d.hi, s, 1.0f))};
    return r;
}

static float2 sleef_expk2f(float d)  /* e^d as a double-float (sinh's and cosh's |x|, expm1's x) */
{
    int32_t q = (int32_t)rintf(d * 1.442695040888963407359924681001892137426645954152985934135449406931f);
    float2 s = {d, 0.0f};
    float p = (float)q * -0.693145751953125f;
    s = sf_add2_f2f(s, p);
    p = (float)q * -1.428606765330187045e-06f;
    s = sf_add2_f2f(s, p);
    float u = 0.1980960224e-3f;
    u = fmaf(u, s.hi, 0.1394256484e-2f);
    u = fmaf(u, s.hi, 0.8333456703e-2f);
    u = fmaf(u, s.hi, 0.4166637361e-1f);
    float2 t = sf_add2_f2f(df_mul(s, u), 0.166666659414234244790680580464e+0f);
    t = sf_add2_f2f(sf_mul_f2f2(s, t), 0.5f);
    t = sf_add2_f2f2(s, sf_mul_f2f2(sf_squ(s), t));
    t = sf_add_ff2(1.0f, t);
    t.hi = sf_ldexp2(t.hi, q);
    t.lo = sf_ldexp2(t.lo, q);
    return t;
}

/* SLEEF's expm1f_u10: e^a - 1 from the double-float e^a */
static float sleef_expm1f(float a)
{
    float2 d = sf_add2_f2f(sleef_expk2f(a), -1.0f);
    float x = d.hi + d.lo;
    if (a > 88.72283172607421875f)
        x = INFINITY;
    if (a < -16.635532333438687426013570f)
        x = -1.0f;
    if (a == 0.0f && signbit(a))
        x = -0.0f;
    return x;
}

/* SLEEF's tanhf_u10 (Vectorized<float>::tanh: mish's and tanh-GELU's vector bodies; torch.tanh itself is MKL's) */
static float sleef_tanhf(float x)
{
    float y = fabsf(x);
    float2 d = sleef_expk2f(y), e = sf_rec(d), ne = {-e.hi, -e.lo};
    d = df_div(sf_add_f2f2(d, ne), sf_add_f2f2(d, e));
    y = d.hi + d.lo;
    if (fabsf(x) > 8.664339742f || y != y)
        y = 1.0f;
    y = signbit(x) ? -y : y; /* vmulsign */
    return x != x ? x : y;
}

static float sleef_sinhf(float x)
{
    if (x != x)
        return x;
    float a = fabsf(x);
    if (a > 89.0f)
        return copysignf(INFINITY, x);
    float2 d = sleef_expk2f(a);
    d = sf_sub_f2f2(d, sf_rec(d));
    float y = (d.hi + d.lo) * 0.5f;
    if (y != y)
        y = INFINITY;
    return copysignf(1.0f, x) < 0 ? -y : y;  /* vmulsign: y with x's sign bit flipped in */
}

static float sleef_coshf(float x)
{
    if (x != x)
        return x;
    float a = fabsf(x);
    if (a > 89.0f)
        return INFINITY;
    float2 d = sleef_expk2f(a);
    d = sf_add_f2f2(d, sf_rec(d));
    float y = (d.hi + d.lo) * 0.5f;
    return y != y ? INFINITY : y;
}

static float sleef_exp2f(float d)
{
    if (d != d)
        return d;
    if (d >= 128.0f)
        return INFINITY;
    if (d < -150.0f)
        return 0.0f;
    float u = rintf(d), s = d - u;
    int32_t q = (int32_t)u;
    u = (float)0.1535920892e-3;
    u = fmaf(u, s, (float)0.1339262701e-2);
    u = fmaf(u, s, (float)0.9618384764e-2);
    u = fmaf(u, s, (float)0.5550347269e-1);
    u = fmaf(u, s, (float)0.2402264476e+0);
    u = fmaf(u, s, (float)0.6931471825e+0);
    u = fmaf(u, s, 1.0f);
    return sf_ldexp2(u, q);
}

static void sleef_sinhf_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = sleef_sinhf(x[i]);
}

static void sleef_coshf_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = sleef_coshf(x[i]);
}

static void sleef_expf_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = sleef_expf(x[i]);
}

static void sleef_exp2f_loop(const float *x, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = sleef_exp2f(x[i]);
}

/* SLEEF's exp (xexp) and log_u10 (xlog_u1) for double, re-expressed per element (Boost Software License): the
 * same polynomials (Estrin's scheme, fused) and double-double steps */
#define MLA fma
#define POLY2(x, c1, c0) MLA(x, c1, c0)
#define POLY3(x, x2, c2, c1, c0) MLA(x2, c2, MLA(x, c1, c0))
#define POLY4(x, x2, c3, c2, c1, c0) MLA(x2, MLA(x, c3, c2), MLA(x, c1, c0))
#define POLY7(x, x2, x4, c6, c5, c4, c3, c2, c1, c0) MLA(x4, POLY3(x, x2, c6, c5, c4), POLY4(x, x2, c3, c2, c1, c0))
#define POLY8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0) \
    MLA(x4, POLY4(x, x2, c7, c6, c5, c4), POLY4(x, x2, c3, c2, c1, c0))
#define POLY10(x, x2, x4, x8, c9, c8, c7, c6, c5, c4, c3, c2, c1, c0) \
    MLA(x8, POLY2(x, c9, c8), POLY8(x, x2, x4, c7, c6, c5, c4, c3, c2, c1, c0))

static inline double sleef_exp(double d)
{
    double u = nearbyint(d * 1.442695040888963407359924681001892137426645954152985934135449406931), s;
    int q = (int)u;
    s = fma(u, -.69314718055966295651160180568695068359375, d);
    s = fma(u, -.28235290563031577122588448175013436025525412068e-12, s);
    double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
    u = POLY10(s, s2, s4, s8, +0.2081276378237164457e-8, +0.2511210703042288022e-7, +0.2755762628169491192e-6,
               +0.2755723402025388239e-5, +0.2480158687479686264e-4, +0.1984126989855865850e-3,
               +0.1388888888914497797e-2, +0.8333333333314938210e-2, +0.4166666666666602598e-1,
               +0.1666666666666669072e+0);
    u = fma(u, s, 0.5);
    u = fma(u, s, 1.0);
    u = fma(u, s, 1.0);
    u = ldexp(ldexp(u, q >> 1), q - (q >> 1));  /* ldexp2: 2^q in two steps */
    if (d > 709.78271114955742909217217426)
        u = INFINITY;
    return d < -1000 ? 0.0 : u;
}

typedef struct { double hi, lo; } double2;

static inline double2 dd_add2(double x, double y)
{
    double s = x + y, v = s - x;
    double2 r = {s, (x - (s - v)) + (y - v)};
    return r;
}

static inline double2 dd_div(double2 n, double2 d)
{
    double t = 1.0 / d.hi, s = n.hi * t;
    double u = fma(t, n.hi, -s);
    double v = fma(-d.lo, t, fma(-d.hi, t, 1.0));
    double2 r = {s, fma(s, v, fma(n.lo, t, u))};
    return r;
}

static inline double sleef_log(double d)
{
    if (!(d > 0.0) || d == INFINITY)
        return d == 0.0 ? -INFINITY : (d == INFINITY ? INFINITY : NAN);
    int e;
    double m = frexp(d, &e) * 2.0;
    e -= 1;
    if (m >= 1.5) {
        m *= 0.5;
        e += 1;
    }
    double2 x = dd_div(dd_add2(-1.0, m), dd_add2(1.0, m));
    double x2 = x.hi * x.hi, x4 = x2 * x2, x8 = x4 * x4;
    double t = POLY7(x2, x4, x8, 0.1532076988502701353e+0, 0.1525629051003428716e+0, 0.1818605932937785996e+0,
                     0.2222214519839380009e+0, 0.2857142932794299317e+0, 0.3999999999635251990e+0,
                     0.6666666666667333541e+0);
    double se = 0.693147180559945286226764 * e;  /* dd_mul(ln 2, e) */
    KEEP_ROUNDED(se);
    double2 s = {se, fma(2.319046813846299558417771e-17, e, fma(0.693147180559945286226764, e, -se))};
    double sum = s.hi + x.hi * 2.0;  /* dd_add(s, 2x) */
    double lo = (((s.hi - sum) + x.hi * 2.0) + s.lo) + x.lo * 2.0;
    double tail = (x2 * x.hi) * t;
    KEEP_ROUNDED(tail);
    double sum2 = sum + tail;
    lo = ((sum - sum2) + tail) + lo;
    return sum2 + lo;
}

/* PyTorch's float64 sigmoid: as the float32 one, SLEEF's exp on the first `vectorized` elements */
#include "_ckernels_log1p.h"
#include "_ckernels_pow.h"
#include "_ckernels_sleef64.h"

static void sigmoid_loop_f64(const double *x, double *out, Py_ssize_t n, Py_ssize_t vectorized)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = 1.0 / (1.0 + (i < vectorized ? sleef_exp(0.0 - x[i]) : exp(-x[i])));
}

#define T float
#define S(name) name##_f32
#define VEXP sleef_expf
#define VLOG sleef_logf
#define SEXP expf
#define FMA fmaf
#define TREE 1
#define LONE_ROW_FUSED 1
#include "_ckernels_softmax.h"
#undef T
#undef S
#undef VEXP
#undef VLOG
#undef SEXP
#undef FMA
#undef TREE
#undef LONE_ROW_FUSED
#define T double
#define S(name) name##_f64
#define VEXP sleef_exp
#define VLOG sleef_log
#define SEXP exp
#define FMA fma
#define TREE 0
#define LONE_ROW_FUSED 0
#include "_ckernels_softmax.h"
#include "_ckernels_sum.h"
#include "_ckernels_sqrt.h"
#include "_ckernels_vml_z0.h"
#include "_ckernels_vml.h"

/* g * (1 - y*y) with 1 - y*y rounded once, as PyTorch's fused multiply-add does: y*y is exact in double */
VECTORIZED static void tanh_backward_loop(const float *g, const float *y, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double yy = (double)y[i] * (double)y[i];
        out[i] = g[i] * (float)(1.0 - yy);
    }
}

/* float64: 1 - y*y is one fused negated multiply-add, as PyTorch's compiler contracts it (y*y is not exact here) */
static void tanh_backward_loop64(const double *g, const double *y, double *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = g[i] * fma(-y[i], y[i], 1.0);
}

/* g * (1 - y) * y, left to right, in float32 */
VECTORIZED static void sigmoid_backward_loop(const float *g, const float *y, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float t = g[i] * (1.0f - y[i]);
        out[i] = t * y[i];
    }
}

/* threshold_backward with threshold 0 (relu's gradient): self <= 0 ? 0 : grad, so a NaN result passes grad on */
VECTORIZED static void relu_backward_loop(const float *g, const float *y, float *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = y[i] <= 0.0f ? 0.0f : g[i];
}

/* ---------------------------------------------------------------- torch.randn's float32 kernel
 * NormalFill16<float> (aten/src/ATen/native/cpu/DistributionTemplates.h, AVX2 build): each block of 16
 * uniforms gives 8 radii sqrt(-2 log(1 - u)) from its first half and 8 angles 2*pi*u from its second, through
 * avx_mathfun.h's Cephes log256_ps and sincos256_ps. Which of their multiply-adds GCC fused was read off the
 * disassembly (the project's RNG.md); random.py holds the same steps in numpy. Every product that is not in
 * an explicit fmaf below is exact or not followed by an add, so a compiler's own contraction changes no bit. */
static inline float as_float(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline uint32_t as_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }

static inline float log256(float v) /* v in [2^-24, 1] */
{
    uint32_t bits = as_bits(v);
    float e = (float)(bits >> 23) - 126.0f;
    float m = as_float((bits & 0x807FFFFFu) | 0x3F000000u);
    int small = m < 0.707106781186547524f;
    e -= small ? 1.0f : 0.0f;
    float x = (m - 1.0f) + (small ? m : 0.0f);
    float z = x * x;
    float y = fmaf(7.0376836292e-2f, x, -1.1514610310e-1f);
    y = fmaf(y, x, 1.1676998740e-1f);
    y = fmaf(y, x, -1.2420140846e-1f);
    y = fmaf(y, x, 1.4249322787e-1f);
    y = fmaf(y, x, -1.6668057665e-1f);
    y = fmaf(y, x, 2.0000714765e-1f);
    y = fmaf(y, x, -2.4999993993e-1f);
    y = fmaf(y, x, 3.3333331174e-1f);
    y = fmaf(x * y, z, e * -2.12194440e-4f);
    y -= z * 0.5f;
    return e * 0.693359375f + (x + y);
}

static inline void sincos256(float theta, float *sin_out, float *cos_out) /* theta in [0, 2*pi] */
{
    uint32_t j = (uint32_t)(int32_t)(theta * 1.27323954473516f);
    j = (j + 1) & ~1u;
    float y = (float)(int32_t)j;
    float x = (theta + y * -0.78515625f) + y * -2.4187564849853515625e-4f;
    x = fmaf(y, -3.77489497744594108e-8f, x);
    float z = x * x;
    float c = fmaf(fmaf(2.443315711809948e-5f, z, -1.388731625493765e-3f), z, 4.166664568298827e-2f);
    c = fmaf(z * c, z, -(z * 0.5f)) + 1.0f;
    float s = fmaf(fmaf(-1.9515295891e-4f, z, 8.3321608736e-3f), z, -1.6666654611e-1f);
    s = fmaf(z * s, x, x);
    uint32_t cs = as_bits(c), ss = as_bits(s);
    uint32_t diff = (cs ^ ss) & (0u - ((j >> 1) & 1u)); /* swap sin and cos where j & 2 */
    *sin_out = as_float(ss ^ diff ^ ((j & 4u) << 29));
    *cos_out = as_float(cs ^ diff ^ ((~(j - 2u) & 4u) << 29));
}

/* every whole block of 16 uniforms in u into 16 normals (a ragged end is left alone) */
VECTORIZED static void normal16_loop(const float *u, float *out, Py_ssize_t n)
{
    for (Py_ssize_t b = 0; b + 16 <= n; b += 16) {
        for (int i = 0; i < 8; i++) {
            float radius = sqrtf(-2.0f * log256(1.0f - u[b + i]));
            float sin, cos;
            sincos256((float)6.283185307179586 * u[b + 8 + i], &sin, &cos);
            out[b + i] = radius * cos;
            out[b + 8 + i] = radius * sin;
        }
    }
}

/* ---------------------------------------------------------------- sums in PyTorch's order
 * The sum of one contiguous run as aten/src/ATen/native/cpu/SumKernel.cpp sums it: as vectors of 32 bytes,
 * four vectors side by side (ILP), each lane through a four-level cascade of accumulators; then the scalar tail
 * and the lanes, left to right. kernels.py holds the same algorithm in numpy (for every layout); this is its
 * one-run case. Adds only, lane by lane: the order, and so every bit, is PyTorch's on any instruction set. */
#define LEVELS 4
#define ILP 4
#define MAX_LANES (ILP * 8)

static int64_t ceil_log2(int64_t x)
{
    int64_t bits = 0;
    if (x <= 2)
        return 1;
    for (uint64_t v = (uint64_t)(x - 1); v; v >>= 1)
        bits++;
    return bits;
}

#define DEFINE_SUM(T, NAME)                                                                               \
/* multi_row_sum: `size` rows of `width` contiguous lanes into acc[0..width) */                          \
static void NAME##_multi_row_sum(const T *in, int64_t width, int64_t size, T *out)                        \
{                                                                                                         \
    const int64_t power = ceil_log2(size) / LEVELS > 4 ? ceil_log2(size) / LEVELS : 4;                    \
    const int64_t step = (int64_t)1 << power, mask = step - 1;                                            \
    T acc[LEVELS][MAX_LANES] = {{0}};                                                                     \
    int64_t i = 0;                                                                                        \
    while (i + step <= size) {                                                                            \
        for (int64_t j = 0; j < step; j++, i++)                                                           \
            for (int64_t k = 0; k < width; k++)                                                           \
                acc[0][k] += in[i * width + k];                                                           \
        for (int level = 1; level < LEVELS; level++) {                                                    \
            for (int64_t k = 0; k < width; k++) {                                                         \
                acc[level][k] += acc[level - 1][k];                                                       \
                acc[level - 1][k] = 0;                                                                    \
            }                                                                                             \
            if (i & (mask << (level * power)))                                                            \
                break;                                                                                    \
        }                                                                                                 \
    }                                                                                                     \
    for (; i < size; i++)                                                                                 \
        for (int64_t k = 0; k < width; k++)                                                               \
            acc[0][k] += in[i * width + k];                                                               \
    for (int level = 1; level < LEVELS; level++)                                                          \
        for (int64_t k = 0; k < width; k++)                                                               \
            acc[0][k] += acc[level][k];                                                                   \
    for (int64_t k = 0; k < width; k++)                                                                   \
        out[k] = acc[0][k];                                                                               \
}                                                                                                         \
                                                                                                          \
/* row_sum: `size` items of `lanes` lanes, dealt to ILP accumulators, the leftover items into the first */ \
static void NAME##_row_sum(const T *in, int64_t lanes, int64_t size, T *out)                              \
{                                                                                                         \
    T partial[MAX_LANES];                                                                                 \
    const int64_t size_ilp = size / ILP;                                                                  \
    NAME##_multi_row_sum(in, lanes * ILP, size_ilp, partial);                                             \
    for (int64_t i = size_ilp * ILP; i < size; i++)                                                       \
        for (int64_t l = 0; l < lanes; l++)                                                               \
            partial[l] += in[i * lanes + l];                                                              \
    for (int k = 1; k < ILP; k++)                                                                         \
        for (int64_t l = 0; l < lanes; l++)                                                               \
            partial[l] += partial[k * lanes + l];                                                         \
    for (int64_t l = 0; l < lanes; l++)                                                                   \
        out[l] = partial[l];                                                                              \
}                                                                                                         \
                                                                                                          \
/* vectorized_inner_sum of one row (or scalar_inner_sum if it is shorter than a vector), stored into 0 */ \
static T NAME##_dense_sum(const T *in, int64_t n)                                                         \
{                                                                                                         \
    const int64_t vec = 32 / sizeof(T);                                                                   \
    T lanes[MAX_LANES], total = 0;                                                                        \
    if (n < vec) {                                                                                        \
        NAME##_row_sum(in, 1, n, lanes);                                                                  \
        return total + lanes[0];                                                                          \
    }                                                                                                     \
    NAME##_row_sum(in, vec, n / vec, lanes);                                                              \
    for (int64_t k = n / vec * vec; k < n; k++)                                                           \
        total += in[k];                                                                                   \
    for (int64_t l = 0; l < vec; l++)                                                                     \
        total += lanes[l];                                                                                \
    return (T)0 + total;                                                                                  \
}

DEFINE_SUM(float, f32)
DEFINE_SUM(double, f64)

/* ---------------------------------------------------------------- Python bindings: contiguous float32 buffers */

static int get_f32(PyObject *obj, Py_buffer *view, int writable, const char *name)
{
    if (PyObject_GetBuffer(obj, view, (writable ? PyBUF_WRITABLE : 0) | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (view->itemsize != 4 || view->format == NULL || strcmp(view->format, "f") != 0) {
        PyErr_Format(PyExc_TypeError, "%s: contiguous float32 buffers are expected", name);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* a contiguous float32 or float64 buffer; *is_double says which (and must agree with the first one's) */
static int get_floats(PyObject *obj, Py_buffer *view, int writable, const char *name, int *is_double, int first)
{
    if (PyObject_GetBuffer(obj, view, (writable ? PyBUF_WRITABLE : 0) | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    int f32 = view->itemsize == 4 && view->format && strcmp(view->format, "f") == 0;
    int f64 = view->itemsize == 8 && view->format && strcmp(view->format, "d") == 0;
    if ((!f32 && !f64) || (!first && f64 != *is_double)) {
        PyErr_Format(PyExc_TypeError, "%s: contiguous float32 or float64 buffers of one type are expected", name);
        PyBuffer_Release(view);
        return -1;
    }
    *is_double = f64;
    return 0;
}

typedef void (*unary_loop)(const float *, float *, Py_ssize_t);
typedef void (*binary_loop)(const float *, const float *, float *, Py_ssize_t);

typedef void (*binary_loop64)(const double *, const double *, double *, Py_ssize_t);

/* name(in..., out): nin inputs and one output, all of the same length; float32, or float64 where the kernel has a
 * double loop (binary64) */
static PyObject *run(PyObject *args, int nin, unary_loop unary, binary_loop binary, binary_loop64 binary64,
                     const char *name)
{
    PyObject *objs[3] = {NULL, NULL, NULL};
    Py_buffer views[3];
    int got = 0, is_double = 0;
    if (!PyArg_UnpackTuple(args, name, nin + 1, nin + 1, &objs[0], &objs[1], &objs[2]))
        return NULL;
    for (int i = 0; i <= nin; i++) {
        if ((binary64 ? get_floats(objs[i], &views[i], i == nin, name, &is_double, i == 0)
                      : get_f32(objs[i], &views[i], i == nin, name)) < 0)
            goto done;
        got++;
        if (views[i].len != views[0].len) {
            PyErr_Format(PyExc_ValueError, "%s: buffers of different lengths", name);
            goto done;
        }
    }
    Py_ssize_t n = views[0].len / views[0].itemsize;
    Py_BEGIN_ALLOW_THREADS
    if (unary)
        unary(views[0].buf, views[1].buf, n);
    else if (is_double)
        binary64(views[0].buf, views[1].buf, views[2].buf, n);
    else
        binary(views[0].buf, views[1].buf, views[2].buf, n);
    Py_END_ALLOW_THREADS
done:
    for (int i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* dense_sum(x): the float sum of one contiguous float32 or float64 buffer, in PyTorch's order */
static PyObject *py_dense_sum(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    double total;
    if (PyObject_GetBuffer(arg, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    int f32 = view.itemsize == 4 && view.format && strcmp(view.format, "f") == 0;
    int f64 = view.itemsize == 8 && view.format && strcmp(view.format, "d") == 0;
    if (!f32 && !f64) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "dense_sum: a contiguous float32 or float64 buffer is expected");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    total = f32 ? (double)f32_dense_sum(view.buf, view.len / 4) : f64_dense_sum(view.buf, view.len / 8);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyFloat_FromDouble(total);
}

typedef void (*body_loop_f32)(const float *, float *, Py_ssize_t, Py_ssize_t);
typedef void (*body_loop_f64)(const double *, double *, Py_ssize_t, Py_ssize_t);
typedef void (*body_loop2_f32)(const float *, const float *, float *, Py_ssize_t, Py_ssize_t);
typedef void (*body_loop2_f64)(const double *, const double *, double *, Py_ssize_t, Py_ssize_t);

/* name(x[, y], out, vectorized): a float32/float64 elementwise kernel of one input (f32_loop, f64_loop) or two
 * (f32_loop2, f64_loop2) with its vector body on the first `vectorized` elements */
static PyObject *body_call(PyObject *args, const char *name, body_loop_f32 f32_loop, body_loop_f64 f64_loop,
                           body_loop2_f32 f32_loop2, body_loop2_f64 f64_loop2)
{
    int nin = f32_loop2 ? 2 : 1;
    PyObject *objs[3] = {NULL, NULL, NULL}, *count;
    Py_buffer views[3];
    int got = 0, f64 = 0;
    if (!PyArg_UnpackTuple(args, name, nin + 2, nin + 2, &objs[0], &objs[1], nin == 2 ? &objs[2] : &count,
                           &count))
        return NULL;
    Py_ssize_t vectorized = PyNumber_AsSsize_t(count, PyExc_OverflowError);
    if (vectorized == -1 && PyErr_Occurred())
        return NULL;
    for (int i = 0; i <= nin; i++) {
        if (get_floats(objs[i], &views[i], i == nin, name, &f64, i == 0) < 0)
            goto done;
        got++;
        if (views[i].len != views[0].len) {
            PyErr_Format(PyExc_ValueError, "%s: buffers of different lengths", name);
            goto done;
        }
    }
    Py_ssize_t n = views[0].len / views[0].itemsize;
    if (vectorized < 0 || vectorized > n) {
        PyErr_Format(PyExc_ValueError, "%s: vectorized must be within the buffer", name);
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    if (nin == 1 && f64)
        f64_loop(views[0].buf, views[1].buf, n, vectorized);
    else if (nin == 1)
        f32_loop(views[0].buf, views[1].buf, n, vectorized);
    else if (f64)
        f64_loop2(views[0].buf, views[1].buf, views[2].buf, n, vectorized);
    else
        f32_loop2(views[0].buf, views[1].buf, views[2].buf, n, vectorized);
    Py_END_ALLOW_THREADS
done:
    for (int i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *vector_body_call(PyObject *args, const char *name, body_loop_f32 f32_loop, body_loop_f64 f64_loop)
{
    return body_call(args, name, f32_loop, f64_loop, NULL, NULL);
}

/* sigmoid(x, out, vectorized): PyTorch's sigmoid of float32/float64 x, its vector body on the first `vectorized` */
static PyObject *py_sigmoid(PyObject *self, PyObject *args)
{
    return vector_body_call(args, "sigmoid", sigmoid_loop, sigmoid_loop_f64);
}

/* loop_NAME(x, out, vectorized): a function as the bodies of an elementwise kernel compute it, SLEEF's (VF, VD) on
 * the first `vectorized` and the C library's (SF, SD) after: exp (silu's and softplus's chunks) and log1p
 * (torch.log1p: every element; softplus's chunks) */
#define BODY_LOOPS(NAME, VF, SF, VD, SD)                                                                   \
    static void loop_##NAME##_f32(const float *x, float *out, Py_ssize_t n, Py_ssize_t vectorized)          \
    {                                                                                                     \
        for (Py_ssize_t i = 0; i < n; i++)                                                                \
            out[i] = i < vectorized ? VF(x[i]) : SF(x[i]);                                                \
    }                                                                                                     \
    static void loop_##NAME##_f64(const double *x, double *out, Py_ssize_t n, Py_ssize_t vectorized)        \
    {                                                                                                     \
        for (Py_ssize_t i = 0; i < n; i++)                                                                \
            out[i] = i < vectorized ? VD(x[i]) : SD(x[i]);                                                \
    }                                                                                                     \
    static PyObject *py_loop_##NAME(PyObject *self, PyObject *args)                                       \
    {                                                                                                     \
        return vector_body_call(args, "loop_" #NAME, loop_##NAME##_f32, loop_##NAME##_f64);                \
    }

BODY_LOOPS(exp, sleef_expf, expf, sleef_exp, exp)
BODY_LOOPS(log, sleef_logf, logf, sleef_log, log)
BODY_LOOPS(log1p, sleef_log1pf, log1pf, sleef_log1p, log1p)
BODY_LOOPS(expm1, sleef_expm1f, expm1f, sleef_expm1, expm1)
BODY_LOOPS(tanh, sleef_tanhf, tanhf, sleef_tanh, tanh)
BODY_LOOPS(sinh, sleef_sinhf, sinhf, sleef_sinh, sinh)
BODY_LOOPS(cosh, sleef_coshf, coshf, sleef_cosh, cosh)
BODY_LOOPS(exp2, sleef_exp2f, exp2f, sleef_exp2, exp2)
BODY_LOOPS(lgamma, sleef_lgammaf, lgammaf, sleef_lgamma, lgamma)
BODY_LOOPS(atanh, sleef_atanhf, atanhf, sleef_atanh, atanh)
BODY_LOOPS(erf, erff, erff, sleef_erf, erf) /* (float32's vector erf is not SLEEF's: activation.py's _vector_erf) */

/* loop_NAME(x, y, out, vectorized): a function of two operands as BODY_LOOPS: pow and atan2 (SLEEF's u10 ones,
 * _ckernels_pow.h, then the C library's) */
#define BODY_LOOPS2(NAME, VF, SF, VD, SD)                                                                  \
    static void loop_##NAME##_f32(const float *x, const float *y, float *out, Py_ssize_t n, Py_ssize_t vectorized) \
    {                                                                                                     \
        for (Py_ssize_t i = 0; i < n; i++)                                                                \
            out[i] = i < vectorized ? VF(x[i], y[i]) : SF(x[i], y[i]);                                    \
    }                                                                                                     \
    static void loop_##NAME##_f64(const double *x, const double *y, double *out, Py_ssize_t n,              \
                                  Py_ssize_t vectorized)                                                  \
    {                                                                                                     \
        for (Py_ssize_t i = 0; i < n; i++)                                                                \
            out[i] = i < vectorized ? VD(x[i], y[i]) : SD(x[i], y[i]);                                    \
    }                                                                                                     \
    static PyObject *py_loop_##NAME(PyObject *self, PyObject *args)                                       \
    {                                                                                                     \
        return body_call(args, "loop_" #NAME, NULL, NULL, loop_##NAME##_f32, loop_##NAME##_f64);           \
    }

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#pragma GCC optimize("fp-contract=off")
#endif
BODY_LOOPS2(pow, sleef_powf, powf, sleef_pow, pow)
BODY_LOOPS2(atan2, sleef_atan2f, atan2f, sleef_atan2, atan2)
BODY_LOOPS2(hypot, sleef_hypotf, hypotf, sleef_hypot, hypot)
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#pragma GCC pop_options
#endif

/* PyTorch's float32 softmax and log_softmax, along the last dimension (rows) or one of stride `inner` (columns):
 *   softmax_rows(x, out, dim, lanes, vector_exp)          softmax_columns(x, out, dim, inner, begin, end, lanes,
 *   log_softmax_rows(x, out, dim, lanes)                                  vector_exp)   (one thread's range)
 *   log_softmax_columns(x, out, dim, inner, lanes, chunk) */
enum { SOFTMAX_ROWS, SOFTMAX_COLUMNS, LOG_SOFTMAX_ROWS, LOG_SOFTMAX_COLUMNS };

static PyObject *softmax_call(PyObject *args, int kind)
{
    PyObject *x, *out;
    Py_ssize_t dim, inner = 1, begin = 0, end = 0, chunk = 16;
    int lanes, vector_exp = 1, ok;
    Py_buffer vx, vo;
    switch (kind) {
    case SOFTMAX_ROWS:
        ok = PyArg_ParseTuple(args, "OOnip:softmax_rows", &x, &out, &dim, &lanes, &vector_exp);
        break;
    case SOFTMAX_COLUMNS:
        ok = PyArg_ParseTuple(args, "OOnnnnip:softmax_columns", &x, &out, &dim, &inner, &begin, &end, &lanes,
                              &vector_exp);
        break;
    case LOG_SOFTMAX_ROWS:
        ok = PyArg_ParseTuple(args, "OOni:log_softmax_rows", &x, &out, &dim, &lanes);
        break;
    default:
        ok = PyArg_ParseTuple(args, "OOnnin:log_softmax_columns", &x, &out, &dim, &inner, &lanes, &chunk);
    }
    if (!ok)
        return NULL;
    int f64 = 0;
    if (get_floats(x, &vx, 0, "softmax", &f64, 1) < 0)
        return NULL;
    if (get_floats(out, &vo, 1, "softmax", &f64, 0) < 0) {
        PyBuffer_Release(&vx);
        return NULL;
    }
    Py_ssize_t n = vx.len / vx.itemsize;
    const char *problem = NULL;
    if (vo.len != vx.len)
        problem = "softmax: buffers of different lengths";
    else if (lanes != 4 && lanes != 8 && lanes != 16)
        problem = "softmax: lanes must be 4, 8 or 16";
    else if (dim <= 0 || inner <= 0 || n % (dim * inner) != 0)
        problem = "softmax: the buffer is not a whole number of rows";
    else if (kind == SOFTMAX_COLUMNS && (begin < 0 || end < begin || end > n / dim))
        problem = "softmax: the range must lie within the columns";
    else if (kind == LOG_SOFTMAX_COLUMNS && (chunk < lanes || chunk % lanes != 0))
        problem = "softmax: the chunk must be a whole number of vectors";
    void *scratch = NULL;
    if (problem == NULL && (kind == LOG_SOFTMAX_ROWS || kind == LOG_SOFTMAX_COLUMNS)) {
        scratch = PyMem_Malloc(vx.itemsize * (kind == LOG_SOFTMAX_ROWS ? dim : 2 * chunk));
        if (scratch == NULL)
            problem = "softmax: out of memory";
    }
    if (problem == NULL) {
        Py_BEGIN_ALLOW_THREADS
#define SOFTMAX_DISPATCH(SUFFIX)                                                                            \
        switch (kind) {                                                                                       \
        case SOFTMAX_ROWS:                                                                                    \
            softmax_rows_##SUFFIX(vx.buf, vo.buf, n / dim, dim, lanes, vector_exp);                          \
            break;                                                                                            \
        case SOFTMAX_COLUMNS:                                                                                 \
            softmax_columns_##SUFFIX(vx.buf, vo.buf, dim, inner, begin, end, lanes, vector_exp);             \
            break;                                                                                            \
        case LOG_SOFTMAX_ROWS:                                                                                \
            log_softmax_rows_##SUFFIX(vx.buf, vo.buf, n / dim, dim, lanes, scratch);                         \
            break;                                                                                            \
        default:                                                                                              \
            log_softmax_columns_##SUFFIX(vx.buf, vo.buf, n / (dim * inner), dim, inner, lanes, chunk, scratch); \
        }
        if (f64) {
            SOFTMAX_DISPATCH(f64)
        } else {
            SOFTMAX_DISPATCH(f32)
        }
        Py_END_ALLOW_THREADS
    } else {
        PyErr_SetString(strcmp(problem, "softmax: out of memory") ? PyExc_ValueError : PyExc_MemoryError, problem);
    }
    PyMem_Free(scratch);
    PyBuffer_Release(&vx);
    PyBuffer_Release(&vo);
    if (problem != NULL)
        return NULL;
    Py_RETURN_NONE;
}

/* softmax_backward_rows(g, y, out, dim, lanes, log[, inner, chunk]): the gradient of softmax (log=False) or
 * log_softmax, y being its output, along the last dimension, or with inner and chunk along one of stride inner */
static PyObject *py_softmax_backward_rows(PyObject *self, PyObject *args)
{
    PyObject *objs[3];
    Py_buffer views[3];
    Py_ssize_t dim;
    int lanes, log, got = 0;
    Py_ssize_t inner = 1, chunk = 0;
    if (!PyArg_ParseTuple(args, "OOOnip|nn:softmax_backward", &objs[0], &objs[1], &objs[2], &dim, &lanes, &log,
                          &inner, &chunk))
        return NULL;
    int f64 = 0;
    for (; got < 3; got++)
        if (get_floats(objs[got], &views[got], got == 2, "softmax_backward_rows", &f64, got == 0) < 0)
            break;
    if (got == 3) {
        Py_ssize_t n = views[0].len / views[0].itemsize;
        if (views[1].len != views[0].len || views[2].len != views[0].len)
            PyErr_SetString(PyExc_ValueError, "softmax_backward_rows: buffers of different lengths");
        else if (lanes != 4 && lanes != 8 && lanes != 16)
            PyErr_SetString(PyExc_ValueError, "softmax_backward_rows: lanes must be 4, 8 or 16");
        else if (dim <= 0 || inner <= 0 || n % (dim * inner) != 0)
            PyErr_SetString(PyExc_ValueError, "softmax_backward_rows: the buffer is not a whole number of rows");
        else if (chunk != 0 && (chunk < lanes || chunk % lanes != 0))
            PyErr_SetString(PyExc_ValueError, "softmax_backward_rows: the chunk must be a whole number of vectors");
        else if (chunk == 0) {
            Py_BEGIN_ALLOW_THREADS
            if (f64)
                softmax_backward_rows_f64(views[0].buf, views[1].buf, views[2].buf, n / dim, dim, lanes, log);
            else
                softmax_backward_rows_f32(views[0].buf, views[1].buf, views[2].buf, n / dim, dim, lanes, log);
            Py_END_ALLOW_THREADS
        } else {
            void *sum = PyMem_Malloc(views[0].itemsize * chunk);
            if (sum == NULL) {
                PyErr_NoMemory();
            } else {
                Py_BEGIN_ALLOW_THREADS
                if (f64)
                    softmax_backward_columns_f64(views[0].buf, views[1].buf, views[2].buf, n / (dim * inner), dim,
                                                 inner, lanes, chunk, log, sum);
                else
                    softmax_backward_columns_f32(views[0].buf, views[1].buf, views[2].buf, n / (dim * inner), dim,
                                                 inner, lanes, chunk, log, sum);
                Py_END_ALLOW_THREADS
                PyMem_Free(sum);
            }
        }
    }
    for (int i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *py_softmax_rows(PyObject *self, PyObject *args) { return softmax_call(args, SOFTMAX_ROWS); }
static PyObject *py_softmax_columns(PyObject *self, PyObject *args) { return softmax_call(args, SOFTMAX_COLUMNS); }
static PyObject *py_log_softmax_rows(PyObject *self, PyObject *args) { return softmax_call(args, LOG_SOFTMAX_ROWS); }
static PyObject *py_log_softmax_columns(PyObject *self, PyObject *args)
{
    return softmax_call(args, LOG_SOFTMAX_COLUMNS);
}


/* ---------------------------------------------------------------- MKL's sgemm orders (kernels.blas_matmul) */

/* out[i, j] (pre-filled: zeros, or C where MKL starts from it) gets the products a[i, p] * b[p, j] in one of the
 * orders MKL's sgemm takes on PyTorch's x86 build, a and b given by element strides:
 * 0: one after another, each product rounded, then added; 1: one after another, fused (fmaf);
 * 2: a dot product: the first (k - 1) % 4 + 1 products added one after another into lane 0, the rest in four
 *    lanes (p - head) % 4, the lanes folded (0 + 2) + (1 + 3) and added to out. No contraction into fma here:
 *    the plain orders round every product. kind | 4 (with 0 or 1): out starts from the first product.
 * 3: the dot product of a row left over from blocks of four: the first 4 products into lane 0, the next multiple
 *    of 8 in eight lanes (kind | 8: four), folded (i + (i + 4)), then (0 + 2) + (1 + 3), the rest added one after
 *    another. */
/* VECTORIZED: fmaf is then the CPU's instruction, not libm's emulation (the same bits, ~20x faster); the
 * plain orders stay unfused (fp-contract=off) in every clone. */
/* Each out[i, j] takes its own steps in every variant below; they differ only in which elements are computed side
 * by side (the compiler vectorizes across them), so every variant gives the same bits. */
#define MM_COLUMN 64    /* rows of out computed side by side down a column */
#define MM_PACK 4096    /* the largest b gathered into a row-major copy first */
VECTORIZED __attribute__((optimize("fp-contract=off")))
static void blas_orders(const float *a, Py_ssize_t sa0, Py_ssize_t sa1, const float *b, Py_ssize_t sb0,
                        Py_ssize_t sb1, float *out, Py_ssize_t m, Py_ssize_t k, Py_ssize_t n, int kind)
{
    if ((kind & 3) <= 1 && sa0 == 1 && m >= 8 && n < 8) {
        /* one after another, a column-major a and few columns: a column of out at a time, down the rows */
        float acc[MM_COLUMN];
        for (Py_ssize_t i0 = 0; i0 < m; i0 += MM_COLUMN) {
            Py_ssize_t rows = m - i0 < MM_COLUMN ? m - i0 : MM_COLUMN;
            const float *ai = a + i0;
            for (Py_ssize_t j = 0; j < n; j++) {
                const float *bc = b + j * sb1;
                Py_ssize_t p0 = 0;
                if (kind & 4) {  /* the first product is the start */
                    const float y = bc[0];
                    for (Py_ssize_t r = 0; r < rows; r++)
                        acc[r] = ai[r] * y;
                    p0 = 1;
                } else {
                    for (Py_ssize_t r = 0; r < rows; r++)
                        acc[r] = out[(i0 + r) * n + j];
                }
                for (Py_ssize_t p = p0; p < k; p++) {
                    const float y = bc[p * sb0], *ap = ai + p * sa1;
                    if (kind & 1)
                        for (Py_ssize_t r = 0; r < rows; r++)
                            acc[r] = fmaf(ap[r], y, acc[r]);
                    else
                        for (Py_ssize_t r = 0; r < rows; r++) {
                            float prod = ap[r] * y;
                            acc[r] = acc[r] + prod;
                        }
                }
                for (Py_ssize_t r = 0; r < rows; r++)
                    out[(i0 + r) * n + j] = acc[r];
            }
        }
        return;
    }
    if ((kind & 3) <= 1) {  /* one after another: each out[i, j] takes the same steps, a row of b at a time */
        float packed[MM_PACK];
        if (sb1 != 1 && n > 1 && k * n <= MM_PACK) {  /* b's rows gathered once, then read contiguously */
            for (Py_ssize_t p = 0; p < k; p++)
                for (Py_ssize_t j = 0; j < n; j++)
                    packed[p * n + j] = b[p * sb0 + j * sb1];
            b = packed;
            sb0 = n;
            sb1 = 1;
        }
        for (Py_ssize_t i = 0; i < m; i++) {
            const float *ar = a + i * sa0;
            float *o = out + i * n;
            Py_ssize_t p0 = 0;
            if (kind & 4) {  /* the first product is the start (its sign of zero kept), not 0 + it */
                for (Py_ssize_t j = 0; j < n; j++)
                    o[j] = ar[0] * b[j * sb1];
                p0 = 1;
            }
            for (Py_ssize_t p = p0; p < k; p++) {
                const float x = ar[p * sa1], *br = b + p * sb0;
                if (kind & 1) {
                    if (sb1 == 1)
                        for (Py_ssize_t j = 0; j < n; j++)
                            o[j] = fmaf(x, br[j], o[j]);
                    else
                        for (Py_ssize_t j = 0; j < n; j++)
                            o[j] = fmaf(x, br[j * sb1], o[j]);
                } else {
                    if (sb1 == 1)
                        for (Py_ssize_t j = 0; j < n; j++) {
                            float prod = x * br[j];
                            o[j] = o[j] + prod;
                        }
                    else
                        for (Py_ssize_t j = 0; j < n; j++) {
                            float prod = x * br[j * sb1];
                            o[j] = o[j] + prod;
                        }
                }
            }
        }
        return;
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        const float *ar = a + i * sa0;
        for (Py_ssize_t j = 0; j < n; j++) {
            const float *bc = b + j * sb1;
            float acc = out[i * n + j];
            Py_ssize_t p0 = 0;
            if (kind & 4) {  /* the first product is the start (its sign of zero kept), not 0 + it */
                acc = ar[0] * bc[0];
                p0 = 1;
            }
            if ((kind & 3) == 0) {
                for (Py_ssize_t p = p0; p < k; p++) {
                    float prod = ar[p * sa1] * bc[p * sb0];
                    acc = acc + prod;
                }
            } else if ((kind & 3) == 1) {
                for (Py_ssize_t p = p0; p < k; p++)
                    acc = fmaf(ar[p * sa1], bc[p * sb0], acc);
            } else if ((kind & 3) == 2) {
                Py_ssize_t head = (k - 1) % 4 + 1;
                float lane[4] = {0.0f, 0.0f, 0.0f, 0.0f};
                for (Py_ssize_t p = 0; p < head; p++) {
                    float prod = ar[p * sa1] * bc[p * sb0];
                    lane[0] = lane[0] + prod;
                }
                if (sa1 == 1 && sb0 == 1)  /* (k - head is a multiple of 4: the lanes side by side) */
                    for (Py_ssize_t p = head; p < k; p += 4)
                        for (int q = 0; q < 4; q++) {
                            float prod = ar[p + q] * bc[p + q];
                            lane[q] = lane[q] + prod;
                        }
                else
                    for (Py_ssize_t p = head; p < k; p += 4)
                        for (int q = 0; q < 4; q++) {
                            float prod = ar[(p + q) * sa1] * bc[(p + q) * sb0];
                            lane[q] = lane[q] + prod;
                        }
                float folded = (lane[0] + lane[2]) + (lane[1] + lane[3]);
                acc = acc + folded;
            } else {
                Py_ssize_t head = k < 4 ? k : 4, end = head + (k - head) / 8 * 8;
                float lane[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f}, half[4];
                for (Py_ssize_t p = 0; p < head; p++) {
                    float prod = ar[p * sa1] * bc[p * sb0];
                    lane[0] = lane[0] + prod;
                }
                for (Py_ssize_t p = head; p < end; p++) {
                    float prod = ar[p * sa1] * bc[p * sb0];
                    Py_ssize_t q = (p - head) & (kind & 8 ? 3 : 7);
                    lane[q] = lane[q] + prod;
                }
                for (int q = 0; q < 4; q++)
                    half[q] = lane[q] + lane[q + 4];
                float folded = (half[0] + half[2]) + (half[1] + half[3]);
                for (Py_ssize_t p = end; p < k; p++) {
                    float prod = ar[p * sa1] * bc[p * sb0];
                    folded = folded + prod;
                }
                acc = acc + folded;
            }
            out[i * n + j] = acc;
        }
    }
}

/* fma_scalar(x, scale, c, out): out = fmaf(x, scale, c) over contiguous float32 buffers of one length */
static PyObject *py_fma_scalar(PyObject *self, PyObject *args)
{
    PyObject *ox, *oc, *oo;
    float scale;
    Py_buffer views[3];
    int got = 0;
    if (!PyArg_ParseTuple(args, "OfOO", &ox, &scale, &oc, &oo))
        return NULL;
    PyObject *objs[3] = {ox, oc, oo};
    for (int i = 0; i < 3; i++) {
        if (get_f32(objs[i], &views[i], i == 2, "fma_scalar") < 0)
            goto done;
        got++;
    }
    if (views[1].len != views[0].len || views[2].len != views[0].len) {
        PyErr_SetString(PyExc_ValueError, "fma_scalar: buffers of different lengths");
        goto done;
    }
    const float *x = views[0].buf, *c = views[1].buf;
    float *out = views[2].buf;
    for (Py_ssize_t i = 0, n = views[0].len / 4; i < n; i++)
        out[i] = fmaf(x[i], scale, c[i]);
done:
    while (got > 0)
        PyBuffer_Release(&views[--got]);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* fma_rows(a, b, acc): acc[j] = fma(a[i, j], b[i, j], acc[j]) for each row i in order: batch_norm's channels-last
 * kernels adding a thread's products (dot products, squares) into its buffer, fused. Contiguous float32 or float64
 * buffers of one type; a and b of one length, whole rows of acc's width. */
static PyObject *py_fma_rows(PyObject *self, PyObject *args)
{
    PyObject *objs[3];
    Py_buffer views[3];
    int got = 0, f64 = 0;
    if (!PyArg_ParseTuple(args, "OOO", &objs[0], &objs[1], &objs[2]))
        return NULL;
    for (int i = 0; i < 3; i++) {
        if (get_floats(objs[i], &views[i], i == 2, "fma_rows", &f64, i == 0) < 0)
            goto done;
        got++;
    }
    if (views[1].len != views[0].len || views[2].len == 0 || views[0].len % views[2].len != 0) {
        PyErr_SetString(PyExc_ValueError, "fma_rows: a and b of one length, whole rows of acc's");
        goto done;
    }
    Py_ssize_t width = views[2].len / views[2].itemsize, rows = views[0].len / views[2].len;
    if (f64) {
        const double *a = views[0].buf, *b = views[1].buf;
        double *acc = views[2].buf;
        for (Py_ssize_t i = 0; i < rows; i++)
            for (Py_ssize_t j = 0; j < width; j++)
                acc[j] = fma(a[i * width + j], b[i * width + j], acc[j]);
    } else {
        const float *a = views[0].buf, *b = views[1].buf;
        float *acc = views[2].buf;
        for (Py_ssize_t i = 0; i < rows; i++)
            for (Py_ssize_t j = 0; j < width; j++)
                acc[j] = fmaf(a[i * width + j], b[i * width + j], acc[j]);
    }
done:
    while (got > 0)
        PyBuffer_Release(&views[--got]);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* fma_outer(a, b, acc): acc[i, j] = fma(a[t, i], b[t, j], acc[i, j]) for each row t in order (a: rows x m, b:
 * rows x n, acc: m x n): oneDNN's backward-weights kernel fusing each output position's products into the
 * weight-gradient. Contiguous float32 buffers. */
static PyObject *py_fma_outer(PyObject *self, PyObject *args)
{
    PyObject *objs[3];
    Py_buffer views[3];
    int got = 0;
    Py_ssize_t m, n;
    if (!PyArg_ParseTuple(args, "OOOnn", &objs[0], &objs[1], &objs[2], &m, &n))
        return NULL;
    for (int i = 0; i < 3; i++) {
        if (get_f32(objs[i], &views[i], i == 2, "fma_outer") < 0)
            goto done;
        got++;
    }
    Py_ssize_t rows = m > 0 ? views[0].len / 4 / m : 0;
    if (m <= 0 || n <= 0 || views[2].len / 4 != m * n || views[0].len / 4 != rows * m || views[1].len / 4 != rows * n) {
        PyErr_SetString(PyExc_ValueError, "fma_outer: a (rows x m), b (rows x n) and acc (m x n) expected");
        goto done;
    }
    const float *a = views[0].buf, *b = views[1].buf;
    float *acc = views[2].buf;
    for (Py_ssize_t t = 0; t < rows; t++)
        for (Py_ssize_t i = 0; i < m; i++) {
            const float at = a[t * m + i], *bt = b + t * n;
            float *row = acc + i * n;
            for (Py_ssize_t j = 0; j < n; j++)
                row[j] = fmaf(at, bt[j], row[j]);
        }
done:
    while (got > 0)
        PyBuffer_Release(&views[--got]);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* SGD's momentum step as the engine's in-place ops compute it, element by element in one pass:
 * buf.mul_(momentum) (the product rounded), buf.add_(grad, alpha) (alpha 1: the sum rounded; else fmaf(grad, alpha,
 * buf), as add_'s fused path), then param.add_(buf, alpha=scale) (fmaf(buf, scale, param)). No contraction of the
 * rounded product and sum into one fma: fp-contract=off. */
__attribute__((optimize("fp-contract=off")))
static void sgd_momentum_loop(float *buf, const float *grad, float *param, Py_ssize_t n, float momentum, float alpha,
                              int fused_alpha, float scale)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        float b = buf[i] * momentum;
        b = fused_alpha ? fmaf(grad[i], alpha, b) : b + grad[i];
        buf[i] = b;
        param[i] = fmaf(b, scale, param[i]);
    }
}

/* sgd_momentum(buf, grad, param, momentum, alpha, fused_alpha, scale): three contiguous float32 buffers of one
 * length, each in its own memory */
static PyObject *py_sgd_momentum(PyObject *self, PyObject *args)
{
    PyObject *objs[3];
    float momentum, alpha, scale;
    int fused_alpha, got = 0;
    Py_buffer views[3];
    if (!PyArg_ParseTuple(args, "OOOffpf", &objs[0], &objs[1], &objs[2], &momentum, &alpha, &fused_alpha, &scale))
        return NULL;
    for (int i = 0; i < 3; i++) {
        if (get_f32(objs[i], &views[i], i != 1, "sgd_momentum") < 0)
            goto done;
        got++;
    }
    if (views[1].len != views[0].len || views[2].len != views[0].len) {
        PyErr_SetString(PyExc_ValueError, "sgd_momentum: buffers of different lengths");
        goto done;
    }
    sgd_momentum_loop(views[0].buf, views[1].buf, views[2].buf, views[0].len / 4, momentum, alpha, fused_alpha, scale);
done:
    while (got > 0)
        PyBuffer_Release(&views[--got]);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* blas_orders(a, sa0, sa1, b, sb0, sb1, out, m, k, n, kind): a and b contiguous float32 buffers read through
 * the element strides given, out a contiguous float32 (m, n) buffer */
static PyObject *py_blas_orders(PyObject *self, PyObject *args)
{
    PyObject *oa, *ob, *oo;
    Py_ssize_t sa0, sa1, sb0, sb1, m, k, n;
    int kind, got = 0;
    Py_buffer views[3];
    if (!PyArg_ParseTuple(args, "OnnOnnOnnni", &oa, &sa0, &sa1, &ob, &sb0, &sb1, &oo, &m, &k, &n, &kind))
        return NULL;
    PyObject *objs[3] = {oa, ob, oo};
    for (int i = 0; i < 3; i++) {
        if (get_f32(objs[i], &views[i], i == 2, "blas_orders") < 0)
            goto done;
        got++;
    }
    if (views[2].len / 4 < m * n || (m && k && n && ((m - 1) * sa0 + (k - 1) * sa1 >= views[0].len / 4 ||
                                                     (k - 1) * sb0 + (n - 1) * sb1 >= views[1].len / 4))) {
        PyErr_SetString(PyExc_ValueError, "blas_orders: strides outside the buffers");
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    blas_orders(views[0].buf, sa0, sa1, views[1].buf, sb0, sb1, views[2].buf, m, k, n, kind);
    Py_END_ALLOW_THREADS
done:
    while (got > 0)
        PyBuffer_Release(&views[--got]);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* a 2-D buffer of float32s ("f", 4) or float64s ("d", 8) with its element strides (any layout) */
static int get_matrix(PyObject *obj, Py_buffer *view, Py_ssize_t *s0, Py_ssize_t *s1, const char *format,
                      Py_ssize_t size, const char *error)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_RECORDS_RO) < 0)
        return -1;
    if (view->itemsize != size || view->format == NULL || strcmp(view->format, format) != 0 || view->ndim != 2 ||
        view->strides[0] % size != 0 || view->strides[1] % size != 0) {
        PyErr_SetString(PyExc_TypeError, error);
        PyBuffer_Release(view);
        return -1;
    }
    *s0 = view->strides[0] / size;
    *s1 = view->strides[1] / size;
    return 0;
}

static int get_f32_matrix(PyObject *obj, Py_buffer *view, Py_ssize_t *s0, Py_ssize_t *s1)
{
    return get_matrix(obj, view, s0, s1, "f", 4, "mm_orders: float32 matrices are expected");
}

/* float64 a @ b onto out (C-contiguous, m x n, holding the sums' starts) with the products of each out[i, j] taken in
 * order: fused multiply-adds (fused) or rounded products added plainly; the compiler vectorizes across j only. */
VECTORIZED __attribute__((optimize("fp-contract=off")))
static void dgemm_in_order(const double *a, Py_ssize_t sa0, Py_ssize_t sa1, const double *b, Py_ssize_t sb0,
                           Py_ssize_t sb1, double *out, Py_ssize_t m, Py_ssize_t k, Py_ssize_t n, int fused)
{
    for (Py_ssize_t i = 0; i < m; i++) {
        double *o = out + i * n;
        for (Py_ssize_t p = 0; p < k; p++) {
            const double x = a[i * sa0 + p * sa1], *br = b + p * sb0;
            if (fused && sb1 == 1)
                for (Py_ssize_t j = 0; j < n; j++)
                    o[j] = fma(x, br[j], o[j]);
            else if (fused)
                for (Py_ssize_t j = 0; j < n; j++)
                    o[j] = fma(x, br[j * sb1], o[j]);
            else if (sb1 == 1)
                for (Py_ssize_t j = 0; j < n; j++) {
                    double prod = x * br[j];
                    o[j] = o[j] + prod;
                }
            else
                for (Py_ssize_t j = 0; j < n; j++) {
                    double prod = x * br[j * sb1];
                    o[j] = o[j] + prod;
                }
        }
    }
}

/* dgemm_orders(a, b, out, fused): dgemm_in_order on float64 matrices a (m, k) and b (k, n) of any strides, onto
 * out, a C-contiguous float64 (m, n) matrix */
static PyObject *py_dgemm_orders(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "dgemm_orders(a, b, out, fused) takes 4 arguments");
        return NULL;
    }
    int fused = PyObject_IsTrue(args[3]);
    if (fused < 0)
        return NULL;
    const char *error = "dgemm_orders: float64 matrices are expected";
    Py_buffer va, vb, vo;
    Py_ssize_t sa0, sa1, sb0, sb1;
    if (get_matrix(args[0], &va, &sa0, &sa1, "d", 8, error) < 0)
        return NULL;
    if (get_matrix(args[1], &vb, &sb0, &sb1, "d", 8, error) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    if (PyObject_GetBuffer(args[2], &vo, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) {
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
        return NULL;
    }
    Py_ssize_t m = va.shape[0], k = va.shape[1], n = vb.shape[1];
    if (vo.itemsize != 8 || vo.format == NULL || strcmp(vo.format, "d") != 0)
        PyErr_SetString(PyExc_TypeError, error);
    else if (vb.shape[0] != k || vo.ndim != 2 || vo.shape[0] != m || vo.shape[1] != n)
        PyErr_SetString(PyExc_ValueError, "dgemm_orders: shapes that do not multiply");
    else if (m && k && n) {
        Py_BEGIN_ALLOW_THREADS
        dgemm_in_order(va.buf, sa0, sa1, vb.buf, sb0, sb1, vo.buf, m, k, n, fused);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* MKL's gemv 't' on AMD CPUs (mkl_blas_def_xsgemv/xdgemv; kernels.amd_gemv_rows has the measured account): out[r]
 * = a[r, :] . x, the rows in groups of four (one accumulator, vector by vector, its head up to the group's last row's
 * second 16-byte boundary), then a pair (blocks of eight; the first row's split between two accumulators), then one
 * (blocks of eight into eight lanes); each head from x's boundary but the groups'. a_off, x_off: the offsets of a's
 * and x's first elements from a 16-byte boundary, in elements. */
#define GEMV_T_LOOP(NAME, T)                                                                                         \
    __attribute__((optimize("fp-contract=off")))                                                                  \
    static void NAME(const T *a, Py_ssize_t s0, const T *x, Py_ssize_t sx, T *out, Py_ssize_t n, Py_ssize_t k,     \
                     Py_ssize_t a_off, Py_ssize_t x_off)                                                          \
    {                                                                                                             \
        const Py_ssize_t w = 16 / sizeof(T), groups = n - n % 4;                                                  \
        for (Py_ssize_t r = 0; r < n; r++) {                                                                      \
            const T *row = a + r * s0;                                                                            \
            const int kind = r < groups ? 0 : (n - groups >= 2 && r < groups + 2 ? (r == groups ? 1 : 2) : 3);  \
            Py_ssize_t head = kind ? w - x_off % w : w - (a_off + (r - r % 4 + 3) * s0) % w;                       \
            if (head > k)                                                                                         \
                head = k;                                                                                         \
            T s = 0, lanes[8] = {0}, other[8] = {0};                                                              \
            Py_ssize_t p = 0;                                                                                     \
            for (; p < head; p++) {                                                                               \
                T prod = row[p] * x[p * sx];                                                                      \
                s = s + prod;                                                                                     \
            }                                                                                                     \
            const Py_ssize_t block = kind ? 8 : w, end = head + (k - head) / block * block;                       \
            if (end > head) {                                                                                     \
                lanes[0] = s;                                                                                     \
                for (; p < end; p += block)                                                                       \
                    for (Py_ssize_t j = 0; j < block; j++) {                                                      \
                        T prod = row[p + j] * x[(p + j) * sx];                                                    \
                        if (kind == 3 || kind == 0)                                                               \
                            lanes[j] = lanes[j] + prod;                                                           \
                        else if (kind == 2 || (j / w) % 2 == 0)                                                   \
                            lanes[j % w] = lanes[j % w] + prod;                                                   \
                        else                                                                                      \
                            other[j % w] = other[j % w] + prod;                                                   \
                    }                                                                                             \
                if (kind == 1)                                                                                    \
                    for (Py_ssize_t j = 0; j < w; j++)                                                            \
                        lanes[j] = lanes[j] + other[j];                                                           \
                if (kind == 3 && w == 4)                                                                          \
                    for (Py_ssize_t j = 0; j < 4; j++)                                                            \
                        lanes[j] = lanes[j] + lanes[j + 4];                                                       \
                if (kind == 3 && w == 2)                                                                          \
                    for (Py_ssize_t j = 0; j < 2; j++)                                                            \
                        lanes[j] = (lanes[j] + lanes[j + 2]) + (lanes[j + 4] + lanes[j + 6]);                     \
                s = w == 4 ? (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]) : lanes[0] + lanes[1];                 \
            }                                                                                                     \
            for (; p < k; p++) {                                                                                  \
                T prod = row[p] * x[p * sx];                                                                      \
                s = s + prod;                                                                                     \
            }                                                                                                     \
            out[r] = s;                                                                                           \
        }                                                                                                         \
    }
GEMV_T_LOOP(sgemv_t_loop, float)
GEMV_T_LOOP(dgemv_t_loop, double)

/* gemv_t(a, x, out, a_off, x_off): the loops above on a (n, k) float32 or float64 matrix of any strides, x a (1, k)
 * matrix of the same dtype, into out, a C-contiguous (n,) array of it */
static PyObject *py_gemv_t(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "gemv_t(a, x, out, a_off, x_off) takes 5 arguments");
        return NULL;
    }
    Py_ssize_t a_off = PyLong_AsSsize_t(args[3]), x_off = PyLong_AsSsize_t(args[4]);
    if ((a_off == -1 || x_off == -1) && PyErr_Occurred())
        return NULL;
    Py_buffer va, vx, vo;
    Py_ssize_t sa0, sa1, sx0, sx1;
    const char *error = "gemv_t: float32 or float64 matrices of one dtype are expected";
    if (PyObject_GetBuffer(args[0], &va, PyBUF_RECORDS_RO) < 0)
        return NULL;
    const int f64 = va.itemsize == 8;
    const char *format = f64 ? "d" : "f";
    PyBuffer_Release(&va);
    if (get_matrix(args[0], &va, &sa0, &sa1, format, f64 ? 8 : 4, error) < 0)
        return NULL;
    if (get_matrix(args[1], &vx, &sx0, &sx1, format, f64 ? 8 : 4, error) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    if (PyObject_GetBuffer(args[2], &vo, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) {
        PyBuffer_Release(&va);
        PyBuffer_Release(&vx);
        return NULL;
    }
    Py_ssize_t n = va.shape[0], k = va.shape[1];
    if (vo.itemsize != va.itemsize || vo.format == NULL || strcmp(vo.format, format) != 0)
        PyErr_SetString(PyExc_TypeError, error);
    else if (sa1 != 1 || vx.shape[0] != 1 || vx.shape[1] != k || vo.ndim != 1 || vo.shape[0] != n || a_off < 0 ||
             x_off < 0 || sa0 < 0)
        PyErr_SetString(PyExc_ValueError, "gemv_t: a's rows of unit stride and a vector of their length are expected");
    else if (n) {
        Py_BEGIN_ALLOW_THREADS
        if (f64)
            dgemv_t_loop(va.buf, sa0, vx.buf, sx1, vo.buf, n, k, a_off, x_off);
        else
            sgemv_t_loop(va.buf, sa0, vx.buf, sx1, vo.buf, n, k, a_off, x_off);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vx);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* mm_orders(a, b, out, rows, kind): blas_orders on float32 matrices a (m, k) and b (k, n) of any strides, into the
 * first `rows` rows of out, a C-contiguous float32 (>= rows, n) matrix */
static PyObject *py_mm_orders(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "mm_orders(a, b, out, rows, kind) takes 5 arguments");
        return NULL;
    }
    Py_ssize_t rows = PyLong_AsSsize_t(args[3]);
    long kind = PyLong_AsLong(args[4]);
    if ((rows == -1 || kind == -1) && PyErr_Occurred())
        return NULL;
    Py_buffer va, vb, vo;
    Py_ssize_t sa0, sa1, sb0, sb1;
    if (get_f32_matrix(args[0], &va, &sa0, &sa1) < 0)
        return NULL;
    if (get_f32_matrix(args[1], &vb, &sb0, &sb1) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    if (get_f32(args[2], &vo, 1, "mm_orders") < 0) {
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
        return NULL;
    }
    Py_ssize_t m = va.shape[0], k = va.shape[1], n = vb.shape[1];
    if (vb.shape[0] != k || vo.ndim != 2 || vo.shape[1] != n || rows < 0 || rows > m || rows > vo.shape[0] ||
        kind < 0 || kind > 15)
        PyErr_SetString(PyExc_ValueError, "mm_orders: shapes that do not multiply");
    else if (rows && k && n) {
        Py_BEGIN_ALLOW_THREADS
        blas_orders(va.buf, sa0, sa1, vb.buf, sb0, sb1, vo.buf, rows, k, n, (int)kind);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* mkl_sqrt(x, out, code=0): PyTorch's float32 sqrt (MKL's vsSqrt) of x; code picks one of MKL's three codes */
static PyObject *py_mkl_sqrt(PyObject *self, PyObject *args)
{
    PyObject *x, *out;
    int code = 0, failed = 0;
    Py_buffer vx, vo;
    if (!PyArg_ParseTuple(args, "OO|i:mkl_sqrt", &x, &out, &code))
        return NULL;
    if (get_f32(x, &vx, 0, "mkl_sqrt") < 0)
        return NULL;
    if (get_f32(out, &vo, 1, "mkl_sqrt") < 0) {
        PyBuffer_Release(&vx);
        return NULL;
    }
    if (vo.len != vx.len) {
        PyErr_SetString(PyExc_ValueError, "mkl_sqrt: buffers of different lengths");
    } else {
        Py_BEGIN_ALLOW_THREADS
        failed = mkl_sqrt(vx.buf, vo.buf, vx.len / 4, code);
        Py_END_ALLOW_THREADS
        if (failed)
            PyErr_Format(PyExc_ValueError, "mkl_sqrt: code %d is not one this CPU runs", code);
    }
    PyBuffer_Release(&vx);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* rsqrt14(x, out): the CPU's estimate of 1/sqrt(x) of float32 x (vrsqrt14ps); ValueError without AVX-512 */
static PyObject *py_rsqrt14(PyObject *self, PyObject *args)
{
    PyObject *x, *out;
    int failed = 0;
    Py_buffer vx, vo;
    if (!PyArg_ParseTuple(args, "OO:rsqrt14", &x, &out))
        return NULL;
    if (get_f32(x, &vx, 0, "rsqrt14") < 0)
        return NULL;
    if (get_f32(out, &vo, 1, "rsqrt14") < 0) {
        PyBuffer_Release(&vx);
        return NULL;
    }
    if (vo.len != vx.len)
        PyErr_SetString(PyExc_ValueError, "rsqrt14: buffers of different lengths");
    else {
        Py_BEGIN_ALLOW_THREADS
        failed = rsqrt14(vx.buf, vo.buf, vx.len / 4);
        Py_END_ALLOW_THREADS
        if (failed)
            PyErr_SetString(PyExc_ValueError, "rsqrt14: this CPU has no AVX-512");
    }
    PyBuffer_Release(&vx);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* mkl_vml(name, x, out, code="EX"): MKL's VML kernel `name` ("Ln", ...) of its EX or Z0 code, of x (float32 or
 * float64) into out */
static PyObject *py_mkl_vml(PyObject *self, PyObject *args)
{
    PyObject *x, *out;
    const char *name, *code = "EX";
    int is_double = 0;
    Py_buffer vx, vo;
    if (!PyArg_ParseTuple(args, "sOO|s:mkl_vml", &name, &x, &out, &code))
        return NULL;
    int z0 = strcmp(code, "Z0") == 0;
    if (!z0 && strcmp(code, "EX") != 0) {
        PyErr_Format(PyExc_ValueError, "mkl_vml: no code %s", code);
        return NULL;
    }
    if (z0 && !mkl_vml_z0()) {
        PyErr_SetString(PyExc_ValueError, "mkl_vml: this CPU cannot run the Z0 code (AVX-512)");
        return NULL;
    }
    size_t which = 0, count = sizeof vml_kernels / sizeof vml_kernels[0];
    while (which < count && strcmp(vml_kernels[which].name, name) != 0)
        which++;
    if (which == count) {
        PyErr_Format(PyExc_ValueError, "mkl_vml: no kernel %s", name);
        return NULL;
    }
    if (get_floats(x, &vx, 0, "mkl_vml", &is_double, 1) < 0)
        return NULL;
    if (get_floats(out, &vo, 1, "mkl_vml", &is_double, 0) < 0) {
        PyBuffer_Release(&vx);
        return NULL;
    }
    vml_float_loop s = z0 ? vml_kernels[which].z0_s : vml_kernels[which].s;
    vml_double_loop d = z0 ? vml_kernels[which].z0_d : vml_kernels[which].d;
    if (vo.len != vx.len) {
        PyErr_SetString(PyExc_ValueError, "mkl_vml: buffers of different lengths");
    } else if (is_double ? d == NULL : s == NULL) {
        PyErr_Format(PyExc_ValueError, "mkl_vml: no %s %s kernel %s", code, is_double ? "float64" : "float32", name);
    } else {
        Py_BEGIN_ALLOW_THREADS
        if (is_double)
            d(vx.buf, vo.buf, vx.len / 8);
        else
            s(vx.buf, vo.buf, vx.len / 4);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&vx);
    PyBuffer_Release(&vo);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

#define UNARY(name) \
    static PyObject *py_##name(PyObject *self, PyObject *args) { return run(args, 1, name##_loop, NULL, NULL, #name); }
#define BINARY(name) \
    static PyObject *py_##name(PyObject *self, PyObject *args) { return run(args, 2, NULL, name##_loop, NULL, #name); }
#define BINARY_F64(name) /* float32 or float64 */ \
    static PyObject *py_##name(PyObject *self, PyObject *args) \
    { return run(args, 2, NULL, name##_loop, name##_loop64, #name); }
UNARY(exp)
UNARY(tanh)
UNARY(normal16)
UNARY(sleef_sinhf)
UNARY(sleef_coshf)
UNARY(sleef_exp2f)
UNARY(sleef_expf)
BINARY_F64(tanh_backward)
BINARY(sigmoid_backward)
BINARY(relu_backward)


/* introsort_ranks(rank, order): libstdc++'s std::sort (introsort to runs of 16, median-of-three pivot, heap sort
 * past 2*lg(n) levels, then insertion sort) of the pairs (rank[k], k) by rank alone, the resulting k written into
 * order: the order PyTorch's unstable CPU sort leaves ties in. rank, order: contiguous int64 of one length. */
typedef struct { int64_t r, i; } rank_pair;

static void pair_adjust_heap(rank_pair *q, Py_ssize_t hole, Py_ssize_t n, rank_pair value)
{
    Py_ssize_t top = hole, second = hole;
    while (second < (n - 1) / 2) {
        second = 2 * (second + 1);
        if (q[second].r < q[second - 1].r)
            second--;
        q[hole] = q[second];
        hole = second;
    }
    if ((n & 1) == 0 && second == (n - 2) / 2) {
        second = 2 * (second + 1);
        q[hole] = q[second - 1];
        hole = second - 1;
    }
    Py_ssize_t parent = (hole - 1) / 2;
    while (hole > top && q[parent].r < value.r) {
        q[hole] = q[parent];
        hole = parent;
        parent = (hole - 1) / 2;
    }
    q[hole] = value;
}

static void pair_heap_sort(rank_pair *q, Py_ssize_t n)  /* std::partial_sort(first, last, last) */
{
    if (n >= 2)
        for (Py_ssize_t parent = (n - 2) / 2; parent >= 0; parent--)
            pair_adjust_heap(q, parent, n, q[parent]);
    for (Py_ssize_t m = n; m > 1; m--) {
        rank_pair value = q[m - 1];
        q[m - 1] = q[0];
        pair_adjust_heap(q, 0, m - 1, value);
    }
}

static Py_ssize_t pair_partition_pivot(rank_pair *q, Py_ssize_t first, Py_ssize_t last)
{
    Py_ssize_t mid = first + (last - first) / 2, a = first + 1, b = mid, c = last - 1, pick;
    if (q[a].r < q[b].r)
        pick = q[b].r < q[c].r ? b : q[a].r < q[c].r ? c : a;
    else
        pick = q[a].r < q[c].r ? a : q[b].r < q[c].r ? c : b;
    rank_pair t = q[first]; q[first] = q[pick]; q[pick] = t;
    Py_ssize_t lo = first + 1, hi = last;
    int64_t pivot = q[first].r;
    for (;;) {
        while (q[lo].r < pivot)
            lo++;
        hi--;
        while (pivot < q[hi].r)
            hi--;
        if (!(lo < hi))
            return lo;
        t = q[lo]; q[lo] = q[hi]; q[hi] = t;
        lo++;
    }
}

static void pair_introsort_loop(rank_pair *q, Py_ssize_t lo, Py_ssize_t hi, int depth)
{
    while (hi - lo > 16) {
        if (depth == 0) {
            pair_heap_sort(q + lo, hi - lo);
            return;
        }
        depth--;
        Py_ssize_t cut = pair_partition_pivot(q, lo, hi);
        pair_introsort_loop(q, cut, hi, depth);
        hi = cut;
    }
}

static void pair_insertion(rank_pair *q, Py_ssize_t first, Py_ssize_t i, int guarded)
{
    rank_pair val = q[i];
    if (guarded && val.r < q[first].r) {
        memmove(q + first + 1, q + first, (size_t)(i - first) * sizeof(rank_pair));
        q[first] = val;
        return;
    }
    Py_ssize_t j = i;
    while (j > first && val.r < q[j - 1].r) {
        q[j] = q[j - 1];
        j--;
    }
    q[j] = val;
}

static PyObject *py_introsort_ranks(PyObject *self, PyObject *args)
{
    Py_buffer rank, order;
    if (!PyArg_ParseTuple(args, "y*w*", &rank, &order))
        return NULL;
    Py_ssize_t n = rank.len / 8;
    rank_pair *q = NULL;
    if (order.len != rank.len || rank.len % 8) {
        PyErr_SetString(PyExc_ValueError, "introsort_ranks: int64 buffers of one length");
        goto done;
    }
    q = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(rank_pair));
    if (q == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    const int64_t *r = rank.buf;
    for (Py_ssize_t k = 0; k < n; k++) {
        q[k].r = r[k];
        q[k].i = k;
    }
    if (n > 1) {
        int lg = 0;
        for (Py_ssize_t m = n; m > 1; m >>= 1)
            lg++;
        pair_introsort_loop(q, 0, n, 2 * lg);
        Py_ssize_t head = n < 16 ? n : 16;
        for (Py_ssize_t i = 1; i < head; i++)
            pair_insertion(q, 0, i, 1);
        for (Py_ssize_t i = 16; i < n; i++)
            pair_insertion(q, 0, i, 0);
    }
    int64_t *out = order.buf;
    for (Py_ssize_t k = 0; k < n; k++)
        out[k] = q[k].i;
done:
    PyMem_Free(q);
    PyBuffer_Release(&rank);
    PyBuffer_Release(&order);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

static PyMethodDef methods[] = {
    {"exp", py_exp, METH_VARARGS, "exp(x, out): e^x of float32 x, computed in double, rounded once."},
    {"tanh", py_tanh, METH_VARARGS, "tanh(x, out): tanh of float32 x, computed in double, rounded once."},
    {"sleef_sinhf", py_sleef_sinhf, METH_VARARGS, "sleef_sinhf(x, out): SLEEF's sinhf_u10 of float32 x."},
    {"sleef_coshf", py_sleef_coshf, METH_VARARGS, "sleef_coshf(x, out): SLEEF's coshf_u10 of float32 x."},
    {"sleef_exp2f", py_sleef_exp2f, METH_VARARGS, "sleef_exp2f(x, out): SLEEF's exp2f_u10 of float32 x."},
    {"sleef_expf", py_sleef_expf, METH_VARARGS, "sleef_expf(x, out): SLEEF's expf_u10 of float32 x."},
    {"sigmoid", py_sigmoid, METH_VARARGS, "sigmoid(x, out, vectorized): PyTorch's 1 / (1 + exp(-x))."},
    {"loop_exp", py_loop_exp, METH_VARARGS, "loop_exp(x, out, vectorized): exp as a kernel's vector/scalar body."},
    {"loop_log", py_loop_log, METH_VARARGS, "loop_log(x, out, vectorized): log likewise (SLEEF's, libm's)."},
    {"loop_log1p", py_loop_log1p, METH_VARARGS, "loop_log1p(x, out, vectorized): log1p likewise (SLEEF's, libm's)."},
    {"loop_expm1", py_loop_expm1, METH_VARARGS, "loop_expm1(x, out, vectorized): expm1 likewise."},
    {"loop_tanh", py_loop_tanh, METH_VARARGS, "loop_tanh(x, out, vectorized): tanh likewise."},
    {"loop_sinh", py_loop_sinh, METH_VARARGS, "loop_sinh(x, out, vectorized): sinh likewise."},
    {"loop_cosh", py_loop_cosh, METH_VARARGS, "loop_cosh(x, out, vectorized): cosh likewise."},
    {"loop_exp2", py_loop_exp2, METH_VARARGS, "loop_exp2(x, out, vectorized): exp2 likewise."},
    {"loop_lgamma", py_loop_lgamma, METH_VARARGS, "loop_lgamma(x, out, vectorized): lgamma likewise."},
    {"loop_atanh", py_loop_atanh, METH_VARARGS, "loop_atanh(x, out, vectorized): atanh likewise."},
    {"loop_erf", py_loop_erf, METH_VARARGS, "loop_erf(x, out, vectorized): erf likewise (float64: SLEEF's)."},
    {"loop_pow", py_loop_pow, METH_VARARGS, "loop_pow(x, y, out, vectorized): x ** y likewise (SLEEF's, libm's)."},
    {"loop_hypot", py_loop_hypot, METH_VARARGS, "loop_hypot(x, y, out, vectorized): hypot likewise."},
    {"loop_atan2", py_loop_atan2, METH_VARARGS, "loop_atan2(y, x, out, vectorized): atan2(y, x) likewise."},
    {"tanh_backward", py_tanh_backward, METH_VARARGS, "tanh_backward(g, y, out): g * (1 - y*y)."},
    {"sigmoid_backward", py_sigmoid_backward, METH_VARARGS, "sigmoid_backward(g, y, out): g * (1 - y) * y."},
    {"relu_backward", py_relu_backward, METH_VARARGS, "relu_backward(g, y, out): y <= 0 ? 0 : g."},
    {"softmax_rows", py_softmax_rows, METH_VARARGS, "softmax_rows(x, out, dim, lanes, vector_exp): softmax of rows."},
    {"softmax_columns", py_softmax_columns, METH_VARARGS,
     "softmax_columns(x, out, dim, inner, begin, end, lanes, vector_exp): softmax of columns [begin, end)."},
    {"log_softmax_rows", py_log_softmax_rows, METH_VARARGS, "log_softmax_rows(x, out, dim, lanes)."},
    {"log_softmax_columns", py_log_softmax_columns, METH_VARARGS,
     "log_softmax_columns(x, out, dim, inner, lanes, chunk)."},
    {"softmax_backward_rows", py_softmax_backward_rows, METH_VARARGS,
     "softmax_backward_rows(g, y, out, dim, lanes, log[, inner, chunk]): softmax's or log_softmax's gradient."},
    {"normal16", py_normal16, METH_VARARGS, "normal16(u, out): torch.randn's float32 kernel on blocks of 16."},
    {"sum_block", (PyCFunction)(void (*)(void))py_sum_block, METH_FASTCALL, "sum_block(flat, out, in_off, out_off, size0, size1, in0, in1, out0, out1, vec)."},
    {"gemv_t", (PyCFunction)(void (*)(void))py_gemv_t, METH_FASTCALL,
     "gemv_t(a, x, out, a_off, x_off): MKL's gemv 't' on AMD CPUs, a's rows times x (1, k)."},
    {"fma_scalar", py_fma_scalar, METH_VARARGS, "fma_scalar(x, scale, c, out): x * scale + c rounded once."},
    {"fma_rows", py_fma_rows, METH_VARARGS, "fma_rows(a, b, acc): each row's a * b added into acc, fused."},
    {"fma_outer", py_fma_outer, METH_VARARGS, "fma_outer(a, b, acc, m, n): each row's outer product into acc, fused."},
    {"sgd_momentum", py_sgd_momentum, METH_VARARGS,
     "sgd_momentum(buf, grad, param, momentum, alpha, fused_alpha, scale): SGD's momentum step in one pass."},
    {"blas_orders", py_blas_orders, METH_VARARGS,
     "blas_orders(a, sa0, sa1, b, sb0, sb1, out, m, k, n, kind): a @ b added into out in one of MKL's orders."},
    {"dgemm_orders", (PyCFunction)(void (*)(void))py_dgemm_orders, METH_FASTCALL,
     "dgemm_orders(a, b, out, fused): float64 a @ b onto out, each sum's products in order"},
    {"mm_orders", (PyCFunction)(void (*)(void))py_mm_orders, METH_FASTCALL,
     "mm_orders(a, b, out, rows, kind): blas_orders on float32 matrices of any strides into out's first rows."},
    {"mkl_vml", py_mkl_vml, METH_VARARGS, "mkl_vml(name, x, out, code='EX'): MKL's VML kernel name (\"Ln\", ...) of its EX or Z0 code."},
    {"mkl_sqrt", py_mkl_sqrt, METH_VARARGS, "mkl_sqrt(x, out, code=0): PyTorch's float32 sqrt, MKL's vsSqrt."},
    {"rsqrt14", py_rsqrt14, METH_VARARGS, "rsqrt14(x, out): the CPU's estimate of 1/sqrt(x) (vrsqrt14ps), float32."},
    {"dense_sum", py_dense_sum, METH_O, "dense_sum(x): the sum of a contiguous float buffer, in PyTorch's order."},
    {"introsort_ranks", py_introsort_ranks, METH_VARARGS,
     "introsort_ranks(rank, order): std::sort's order of (rank[k], k) pairs by rank, into order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_ckernels", "Compiled float32 loops for tensorsh.engine.kernels.", -1, methods,
};

PyMODINIT_FUNC PyInit__ckernels(void)
{
    PyObject *m = PyModule_Create(&module);
    /* API: the version of these functions' signatures; kernels.py ignores a stale build of another one */
    if (m != NULL && (PyModule_AddIntConstant(m, "API", 8) < 0 ||
                      PyModule_AddIntConstant(m, "ACCELERATED", ACCELERATED) < 0 ||
                      PyModule_AddIntConstant(m, "VECTOR_FLOATS", AVX512 ? 16 : 8) < 0 ||
                      PyModule_AddIntConstant(m, "MKL_VML_EX", mkl_vml_ex()) < 0 ||
                      PyModule_AddIntConstant(m, "MKL_VML_Z0", mkl_vml_z0()) < 0)) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
