/* SLEEF 3.8's float64 sinh, cosh, tanh, expm1 (all through expk2, in double-double arithmetic), exp2 and atanh, u10:
 * PyTorch's Vectorized<double> bodies of torch.sinh/cosh/exp2/expm1, elu's expm1 and mish's and tanh-GELU's tanh
 * (torch.tanh itself is MKL's). Re-expressed per element from sleefsimddp.c and dd.h (algorithms by Naoki Shibata,
 * Boost Software License) as its FMA builds (AVX2, AVX-512) run them: the same constants, the same fused steps,
 * every other product and sum rounded on its own. Uses _ckernels_pow.h's double-double steps. */

static inline double2 s64_add2_d2d2(double2 x, double2 y) /* ddadd2_vd2_vd2_vd2 */
{
    double s = x.hi + y.hi, v = s - x.hi;
    double t = (x.hi - (s - v)) + (y.hi - v);
    double2 r = {s, t + (x.lo + y.lo)};
    return r;
}

static inline double2 s64_sub_d2d2(double2 x, double2 y) /* ddsub_vd2_vd2_vd2 */
{
    double s = x.hi - y.hi, t = ((x.hi - s) - y.hi) + x.lo;
    double2 r = {s, t - y.lo};
    return r;
}

static inline double2 s64_rec(double2 d) /* ddrec_vd2_vd2 */
{
    double s = 1.0 / d.hi;
    double2 r = {s, s * fma(-d.lo, s, fma(-d.hi, s, 1.0))};
    return r;
}

static double2 s64_expk2(double x) /* expk2((x, 0)): e^x as a double-double */
{
    double2 d = {x, 0.0};
    double dq = rint((d.hi + d.lo) * 1.442695040888963407359924681001892137426645954152985934135449406931);
    int32_t q = pw_rint_i32(dq);
    double2 s = pw_dd_add2_d2d(d, dq * -.69314718055966295651160180568695068359375);
    s = pw_dd_add2_d2d(s, dq * -.28235290563031577122588448175013436025525412068e-12);
    double2 s2 = pw_dd_squ(s), s4 = pw_dd_squ(s2);
    double s8 = s4.hi * s4.hi;
    double u = POLY10(s.hi, s2.hi, s4.hi, s8, +0.1602472219709932072e-9, +0.2092255183563157007e-8,
                      +0.2505230023782644465e-7, +0.2755724800902135303e-6, +0.2755731892386044373e-5,
                      +0.2480158735605815065e-4, +0.1984126984148071858e-3, +0.1388888888886763255e-2,
                      +0.8333333333333347095e-2, +0.4166666666666669905e-1);
    double2 t = pw_dd_add_dd2(0.5, pw_dd_mul_d2d(s, +0.1666666666666666574e+0));
    t = pw_dd_add_dd2(1.0, pw_dd_mul_d2d2(t, s));
    t = pw_dd_add_dd2(1.0, pw_dd_mul_d2d2(t, s));
    t = pw_dd_add_d2d2(t, pw_dd_mul_d2d(s4, u));
    t.hi = pw_ldexp2(t.hi, q);
    t.lo = pw_ldexp2(t.lo, q);
    if (x < -1000.0)
        t.hi = t.lo = 0.0;
    return t;
}

static double sleef_sinh(double x)
{
    double2 d = s64_expk2(fabs(x));
    d = s64_sub_d2d2(d, s64_rec(d));
    double y = (d.hi + d.lo) * 0.5;
    if (fabs(x) > 710.0 || isnan(y))
        y = INFINITY;
    return isnan(x) ? pw_bits_d(~UINT64_C(0)) : pw_mulsign(y, x);
}

static double sleef_cosh(double x)
{
    double2 d = s64_expk2(fabs(x));
    d = pw_dd_add_d2d2(d, s64_rec(d));
    double y = (d.hi + d.lo) * 0.5;
    if (fabs(x) > 710.0 || isnan(y))
        y = INFINITY;
    return isnan(x) ? pw_bits_d(~UINT64_C(0)) : y;
}

static double sleef_tanh(double x)
{
    double2 d = s64_expk2(fabs(x)), e = s64_rec(d), ne = {-e.hi, -e.lo};
    d = dd_div(s64_add2_d2d2(d, ne), s64_add2_d2d2(d, e));
    double y = d.hi + d.lo;
    if (fabs(x) > 18.714973875 || isnan(y))
        y = 1.0;
    return isnan(x) ? pw_bits_d(~UINT64_C(0)) : pw_mulsign(y, x);
}

static double sleef_expm1(double a)
{
    double2 d = pw_dd_add2_d2d(s64_expk2(a), -1.0);
    double x = d.hi + d.lo;
    if (a > 709.782712893383996732223)
        x = INFINITY;
    if (a < -36.736800569677101399113302437)
        x = -1.0;
    return a == 0.0 && signbit(a) ? -0.0 : x;
}

static double sleef_exp2(double d)
{
    double u = rint(d), s = d - u;
    int32_t q = pw_rint_i32(u);
    double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
    u = POLY10(s, s2, s4, s8, +0.4434359082926529454e-9, +0.7073164598085707425e-8, +0.1017819260921760451e-6,
               +0.1321543872511327615e-5, +0.1525273353517584730e-4, +0.1540353045101147808e-3,
               +0.1333355814670499073e-2, +0.9618129107597600536e-2, +0.5550410866482046596e-1,
               +0.2402265069591012214e+0);
    u = fma(u, s, +0.6931471805599452862e+0);
    u = pw_ldexp2(fma(u, s, 1.0), q);
    if (d >= 1024.0)
        u = INFINITY;
    return d < -2000.0 ? 0.0 : u;
}

/* erf_u1 (Vectorized<double>::erf: GELU's vector body): |a| <= 2.5 Abramowitz-Stegun's (1 + p(x) x)^-16, beyond
 * exp of a second polynomial (expk, _ckernels_pow.h), in double-double */
#define POLY5(x, x2, x4, c4, c3, c2, c1, c0) MLA(x4, c4, POLY4(x, x2, c3, c2, c1, c0))
#define POLY21(x, x2, x4, x8, x16, d4, d3, d2, d1, d0, cf, ce, cd, cc, cb, ca, c9, c8, c7, c6, c5, c4, c3, c2, c1, \
               c0)                                                                                                \
    MLA(x16, POLY5(x, x2, x4, d4, d3, d2, d1, d0),                                                                \
        POLY16(x, x2, x4, x8, cf, ce, cd, cc, cb, ca, c9, c8, c7, c6, c5, c4, c3, c2, c1, c0))

static inline double2 s64_mla(double x, double2 y, double2 z) /* ddmla_vd2_vd_vd2_vd2: z + y x */
{
    return pw_dd_add_d2d2(z, pw_dd_mul_d2d(y, x));
}

static double sleef_erf(double a)
{
    double x = fabs(a), x2 = x * x, x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8, t;
    int near = x <= 2.5;
    double2 c2, c1, c0;
    if (near) {
        t = POLY21(x, x2, x4, x8, x16, -0.2083271002525222097e-14, +0.7151909970790897009e-13,
                   -0.1162238220110999364e-11, +0.1186474230821585259e-10, -0.8499973178354613440e-10,
                   +0.4507647462598841629e-9, -0.1808044474288848915e-8, +0.5435081826716212389e-8,
                   -0.1143939895758628484e-7, +0.1215442362680889243e-7, +0.1669878756181250355e-7,
                   -0.9808074602255194288e-7, +0.1389000557865837204e-6, +0.2945514529987331866e-6,
                   -0.1842918273003998283e-5, +0.3417987836115362136e-5, +0.3860236356493129101e-5,
                   -0.3309403072749947546e-4, +0.1060862922597579532e-3, +0.2323253155213076174e-3,
                   +0.1490149719145544729e-3);
        c2 = (double2){0.0092877958392275604405, 7.9287559463961107493e-19};
        c1 = (double2){0.042275531758784692937, 1.3785226620501016138e-19};
        c0 = (double2){0.07052369794346953491, 9.5846628070792092842e-19};
    } else {
        t = POLY21(x, x2, x4, x8, x16, -0.4024015130752621932e-18, +0.3847193332817048172e-16,
                   -0.1749316241455644088e-14, +0.5029618322872872715e-13, -0.1025221466851463164e-11,
                   +0.1573695559331945583e-10, -0.1884658558040203709e-9, +0.1798167853032159309e-8,
                   -0.1380745342355033142e-7, +0.8525705726469103499e-7, -0.4160448058101303405e-6,
                   +0.1517272660008588485e-5, -0.3341634127317201697e-5, -0.2515023395879724513e-5,
                   +0.6539731269664907554e-4, -0.3551065097428388658e-3, +0.1210736097958368864e-2,
                   -0.2605566912579998680e-2, +0.1252823202436093193e-2, +0.1820191395263313222e-1,
                   -0.1021557155453465954e+0);
        c2 = (double2){-0.63691044383641748361, -2.4249477526539431839e-17};
        c1 = (double2){-1.1282926061803961737, -6.2970338860410996505e-17};
        c0 = (double2){-1.2261313785184804967e-05, -5.5329707514490107044e-22};
    }
    double2 tt = {t, 0.0};
    double2 t2 = s64_mla(x * x, s64_mla(x, tt, c2), s64_mla(x, c1, c0)); /* poly4dd */
    if (near) {
        t2 = pw_dd_add_dd2(1.0, pw_dd_mul_d2d(t2, x));
        t2 = s64_rec(pw_dd_squ(pw_dd_squ(pw_dd_squ(pw_dd_squ(t2)))));
    } else {
        t2.hi = pw_expk(t2);
        t2.lo = 0.0;
    }
    t2 = pw_dd_add2_d2d(t2, -1.0);
    double z = -(t2.hi + t2.lo);
    if (x < 1e-8)
        z = x * 1.12837916709551262756245475959;
    if (x >= 6.0 || isinf(a))
        z = 1.0;
    if (a == 0.0)
        z = 0.0;
    return pw_mulsign(z, a);
}

/* lgamma_u1 (Vectorized<double>::lgamma: torch.lgamma's every element): gammak's Stirling or Taylor sum, with the
 * reflection formula's sin(pi a) below 0.5, then logk2 of the quotient, all in double-double */
static inline int32_t s64_ilogbk(double d) /* vilogbk_vi_vd (AVX-512: rint(getexp(d))) */
{
    return d == 0.0 || !isfinite(d) ? INT32_MIN : ilogb(d);
}

static inline double2 s64_add2_dd2(double x, double2 y) /* ddadd2_vd2_vd_vd2 */
{
    double s = x + y.hi, v = s - x;
    double2 r = {s, ((x - (s - v)) + (y.hi - v)) + y.lo};
    return r;
}

static inline double2 s64_mul_dd(double x, double y) /* ddmul_vd2_vd_vd */
{
    double s = x * y;
    double2 r = {s, fma(x, y, -s)};
    return r;
}

static inline double2 s64_neg(double2 x)
{
    double2 r = {-x.hi, -x.lo};
    return r;
}

static double2 s64_logk2(double2 d)
{
    int32_t e = s64_ilogbk(d.hi * (1.0 / 0.75)), ne = (int32_t)(0u - (uint32_t)e);
    double2 m = {pw_ldexp2(d.hi, ne), pw_ldexp2(d.lo, ne)};
    double2 x = dd_div(pw_dd_add2_d2d(m, -1.0), pw_dd_add2_d2d(m, 1.0)), x2 = pw_dd_squ(x);
    double x4 = x2.hi * x2.hi, x8 = x4 * x4;
    double t = POLY7(x2.hi, x4, x8, 0.13860436390467167910856, 0.131699838841615374240845,
                     0.153914168346271945653214, 0.181816523941564611721589, 0.22222224632662035403996,
                     0.285714285511134091777308, 0.400000000000914013309483);
    t = fma(t, x2.hi, 0.666666666666664853302393);
    const double2 ln2 = {0.693147180559945286226764, 2.319046813846299558417771e-17};
    double2 s = pw_dd_mul_d2d(ln2, (double)e), x_2 = {x.hi * 2.0, x.lo * 2.0};
    s = pw_dd_add_d2d2(s, x_2);
    return pw_dd_add_d2d2(s, pw_dd_mul_d2d(pw_dd_mul_d2d2(x2, x), t));
}

static double2 s64_sinpik(double d)
{
    double u = d * 4.0;
    int32_t q = pw_rint_i32(trunc(u)); /* (vtruncate_vi_vd) */
    q = (int32_t)(((uint32_t)q + (((uint32_t)q >> 31) ^ 1u)) & ~1u);
    int o = (q & 2) == 2;
    double s = u - (double)q, t = s;
    s = s * s;
    double2 s2 = s64_mul_dd(t, t);
    u = o ? 9.94480387626843774090208e-16 : -2.02461120785182399295868e-14;
    u = fma(u, s, o ? -3.89796226062932799164047e-13 : 6.948218305801794613277840e-12);
    u = fma(u, s, o ? 1.150115825399960352669010e-10 : -1.75724749952853179952664e-09);
    u = fma(u, s, o ? -2.46113695010446974953590e-08 : 3.133616889668683928784220e-07);
    u = fma(u, s, o ? 3.590860448590527540050620e-06 : -3.65762041821615519203610e-05);
    u = fma(u, s, o ? -0.000325991886927389905997954 : 0.0024903945701927185027435600);
    const double2 c1 = {0.0158543442438155018914259, -1.04693272280631521908845e-18},
                  d1 = {-0.0807455121882807852484731, 3.61852475067037104849987e-18},
                  c0 = {-0.308425137534042437259529, -1.95698492133633550338345e-17},
                  d0 = {0.785398163397448278999491, 3.06287113727155002607105e-17}, tt = {t, 0.0};
    double2 x = s64_add2_dd2(u * s, o ? c1 : d1);
    x = s64_add2_d2d2(pw_dd_mul_d2d2(s2, x), o ? c0 : d0);
    x = pw_dd_mul_d2d2(x, o ? s2 : tt);
    if (o)
        x = pw_dd_add2_d2d(x, 1.0);
    return (q & 4) == 4 ? s64_neg(x) : x;
}

#define S64_SEL3(o2, o0, a, b, c) ((o2) ? (a) : (o0) ? (b) : (c))

static double sleef_lgamma(double a)
{
    double2 clc = {0.0, 0.0}, clln = {1.0, 0.0}, clld = {1.0, 0.0}, x, y, z;
    int otiny = fabs(a) < 1e-306, oref = a < 0.5;
    x = otiny ? clc : oref ? dd_add2(1.0, -a) : (double2){a, 0.0};
    int o0 = 0.5 <= x.hi && x.hi <= 1.1, o2 = 2.3 <= x.hi;
    y = pw_dd_normalize(pw_dd_mul_d2d2(pw_dd_add2_d2d(x, 1.0), x));
    y = pw_dd_normalize(pw_dd_mul_d2d2(pw_dd_add2_d2d(x, 2.0), y));
    y = pw_dd_normalize(pw_dd_mul_d2d2(pw_dd_add2_d2d(x, 3.0), y));
    y = pw_dd_normalize(pw_dd_mul_d2d2(pw_dd_add2_d2d(x, 4.0), y));
    if (o2 && x.hi <= 7.0) {
        clln = y;
        x = pw_dd_add2_d2d(x, 5.0);
    }
    double t = o2 ? 1.0 / x.hi : pw_dd_normalize(pw_dd_add2_d2d(x, o0 ? -1.0 : -2.0)).hi;
    double u = S64_SEL3(o2, o0, -156.801412704022726379848862, +0.2947916772827614196e+2, +0.7074816000864609279e-7);
    u = fma(u, t, S64_SEL3(o2, o0, +1.120804464289911606838558160000, +0.1281459691827820109e+3, +0.4009244333008730443e-6));
    u = fma(u, t, S64_SEL3(o2, o0, +13.39798545514258921833306020000, +0.2617544025784515043e+3, +0.1040114641628246946e-5));
    u = fma(u, t, S64_SEL3(o2, o0, -0.116546276599463200848033357000, +0.3287022855685790432e+3, +0.1508349150733329167e-5));
    u = fma(u, t, S64_SEL3(o2, o0, -1.391801093265337481495562410000, +0.2818145867730348186e+3, +0.1288143074933901020e-5));
    u = fma(u, t, S64_SEL3(o2, o0, +0.015056113040026424412918973400, +0.1728670414673559605e+3, +0.4744167749884993937e-6));
    u = fma(u, t, S64_SEL3(o2, o0, +0.179540117061234856098844714000, +0.7748735764030416817e+2, -0.6554816306542489902e-7));
    u = fma(u, t, S64_SEL3(o2, o0, -0.002481743600264997730942489280, +0.2512856643080930752e+2, -0.3189252471452599844e-6));
    u = fma(u, t, S64_SEL3(o2, o0, -0.029527880945699120504851034100, +0.5766792106140076868e+1, +0.1358883821470355377e-6));
    u = fma(u, t, S64_SEL3(o2, o0, +0.000540164767892604515196325186, +0.7270275473996180571e+0, -0.4343931277157336040e-6));
    u = fma(u, t, S64_SEL3(o2, o0, +0.006403362833808069794787256200, +0.8396709124579147809e-1, +0.9724785897406779555e-6));
    u = fma(u, t, S64_SEL3(o2, o0, -0.000162516262783915816896611252, -0.8211558669746804595e-1, -0.2036886057225966011e-5));
    u = fma(u, t, S64_SEL3(o2, o0, -0.001914438498565477526465972390, +0.6828831828341884458e-1, +0.4373363141819725815e-5));
    u = fma(u, t, S64_SEL3(o2, o0, +7.20489541602001055898311517e-05, -0.7712481339961671511e-1, -0.9439951268304008677e-5));
    u = fma(u, t, S64_SEL3(o2, o0, +0.000839498720672087279971000786, +0.8337492023017314957e-1, +0.2050727030376389804e-4));
    u = fma(u, t, S64_SEL3(o2, o0, -5.17179090826059219329394422e-05, -0.9094964931456242518e-1, -0.4492620183431184018e-4));
    u = fma(u, t, S64_SEL3(o2, o0, -0.000592166437353693882857342347, +0.1000996313575929358e+0, +0.9945751236071875931e-4));
    u = fma(u, t, S64_SEL3(o2, o0, +6.97281375836585777403743539e-05, -0.1113342861544207724e+0, -0.2231547599034983196e-3));
    u = fma(u, t, S64_SEL3(o2, o0, +0.000784039221720066627493314301, +0.1255096673213020875e+0, +0.5096695247101967622e-3));
    u = fma(u, t, S64_SEL3(o2, o0, -0.000229472093621399176949318732, -0.1440498967843054368e+0, -0.1192753911667886971e-2));
    u = fma(u, t, S64_SEL3(o2, o0, -0.002681327160493827160473958490, +0.1695571770041949811e+0, +0.2890510330742210310e-2));
    u = fma(u, t, S64_SEL3(o2, o0, +0.003472222222222222222175164840, -0.2073855510284092762e+0, -0.7385551028674461858e-2));
    u = fma(u, t, S64_SEL3(o2, o0, +0.083333333333333333335592087900, +0.2705808084277815939e+0, +0.2058080842778455335e-1));
    const double2 half_log_2pi = {0.91893853320467278056, -3.8782941580672414498e-17};
    y = pw_dd_mul_d2d2(pw_dd_add2_d2d(x, -0.5), s64_logk2(x));
    y = s64_add2_d2d2(s64_add2_d2d2(y, s64_neg(x)), half_log_2pi);
    z = pw_dd_add2_d2d(s64_mul_dd(u, t), o0 ? -0.4006856343865314862e+0 : -0.6735230105319810201e-1);
    z = pw_dd_add2_d2d(pw_dd_mul_d2d(z, t), o0 ? +0.8224670334241132030e+0 : +0.3224670334241132030e+0);
    z = pw_dd_add2_d2d(pw_dd_mul_d2d(z, t), o0 ? -0.5772156649015328655e+0 : +0.4227843350984671345e+0);
    z = pw_dd_mul_d2d(z, t);
    clc = o2 ? y : z;
    if (o2)
        clld = pw_dd_add2_d2d(s64_mul_dd(u, t), 1.0);
    y = clln;
    const double2 log_2_120 = {83.1776616671934334590333, 3.67103459631568507221878e-15},
                  log_pi = {1.1447298858494001639, 1.026595116270782638e-17}, one = {1.0, 0.0};
    clc = otiny ? log_2_120 : oref ? s64_add2_d2d2(log_pi, s64_neg(clc)) : clc;
    clln = otiny ? one : oref ? clln : clld;
    if (oref) {
        t = a - 268435456.0 * (double)pw_rint_i32(trunc(a * (1.0 / 268435456.0)));
        x = pw_dd_mul_d2d2(clld, s64_sinpik(t));
    }
    const double2 tiny = {a * (1152921504606846976.0 * 1152921504606846976.0), 0.0};
    clld = otiny ? tiny : oref ? x : y;
    double2 b = dd_div(clln, clld), ab = {fabs(b.hi), signbit(b.hi) ? -b.lo : b.lo}; /* ddabs */
    double2 r2 = s64_add2_d2d2(clc, s64_logk2(ab));
    double r = r2.hi + r2.lo;
    if (isinf(a) || (a <= 0.0 && trunc(a) == a) || (isfinite(a) && isnan(r)))
        r = INFINITY;
    return r;
}

/* lgammaf_u1 (Vectorized<float>::lgamma): the same algorithm in double-float, fewer terms */
static inline float2 s32_pair(double d) /* vcast_vf2_d */
{
    float2 r = {(float)d, (float)(d - (float)d)};
    return r;
}

static inline float2 s32_add2_ff2(float x, float2 y) /* dfadd2_vf2_vf_vf2 */
{
    float s = x + y.hi, v = s - x;
    float2 r = {s, ((x - (s - v)) + (y.hi - v)) + y.lo};
    return r;
}

static inline float2 s32_mul_ff(float x, float y) /* dfmul_vf2_vf_vf */
{
    float s = x * y;
    float2 r = {s, fmaf(x, y, -s)};
    return r;
}

static inline float2 s32_neg(float2 x)
{
    float2 r = {-x.hi, -x.lo};
    return r;
}

static float2 s32_logk2(float2 d)
{
    float g = d.hi * (1.0f / 0.75f); /* (AVX-512: rint(getexp(g))) */
    int32_t e = g == 0.0f || !isfinite(g) ? INT32_MIN : ilogbf(g);
    float p = pw_bits_f((uint32_t)((0u - (uint32_t)e) + 0x7fu) << 23);
    float2 m = {d.hi * p, d.lo * p};
    float2 x = df_div(sf_add2_f2f(m, -1.0f), sf_add2_f2f(m, 1.0f)), x2 = sf_squ(x);
    float t = 0.2392828464508056640625f;
    t = fmaf(t, x2.hi, 0.28518211841583251953125f);
    t = fmaf(t, x2.hi, 0.400005877017974853515625f);
    t = fmaf(t, x2.hi, 0.666666686534881591796875f);
    const float2 ln2 = {0.69314718246459960938f, -1.904654323148236017e-09f};
    float2 s = df_mul(ln2, (float)e), x_2 = {x.hi * 2.0f, x.lo * 2.0f};
    s = sf_add_f2f2(s, x_2);
    return sf_add_f2f2(s, df_mul(sf_mul_f2f2(x2, x), t));
}

static float2 s32_sinpik(float d)
{
    float u = d * 4.0f;
    int32_t q = pw_trunc_i32f(u);
    q = (int32_t)(((uint32_t)q + (((uint32_t)q >> 31) ^ 1u)) & ~1u);
    int o = (q & 2) == 2;
    float s = u - (float)q, t = s;
    s = s * s;
    float2 s2 = s32_mul_ff(t, t);
    u = o ? -0.2430611801e-7f : +0.3093842054e-6f;
    u = fmaf(u, s, o ? +0.3590577080e-5f : -0.3657307388e-4f);
    u = fmaf(u, s, o ? -0.3259917721e-3f : +0.2490393585e-2f);
    const float2 c1 = {0.015854343771934509277f, 4.4940051354032242811e-10f},
                 d1 = {-0.080745510756969451904f, -1.3373665339076936258e-09f},
                 c0 = {-0.30842512845993041992f, -9.0728339030733922277e-09f},
                 d0 = {0.78539818525314331055f, -2.1857338617566484855e-08f}, tt = {t, 0.0f};
    float2 x = s32_add2_ff2(u * s, o ? c1 : d1);
    x = sf_add2_f2f2(sf_mul_f2f2(s2, x), o ? c0 : d0);
    x = sf_mul_f2f2(x, o ? s2 : tt);
    if (o)
        x = sf_add2_f2f(x, 1.0f);
    return (q & 4) == 4 ? s32_neg(x) : x;
}

static float sleef_lgammaf(float a)
{
    float2 clc = {0.0f, 0.0f}, clln = {1.0f, 0.0f}, clld = {1.0f, 0.0f}, x, y, z;
    int otiny = fabsf(a) < 1e-30f, oref = a < 0.5f;
    x = otiny ? clc : oref ? df_add2(1.0f, -a) : (float2){a, 0.0f};
    int o0 = 0.5f <= x.hi && x.hi <= 1.2f, o2 = 2.3f <= x.hi;
    y = pw_df_normalize(sf_mul_f2f2(sf_add2_f2f(x, 1.0f), x));
    y = pw_df_normalize(sf_mul_f2f2(sf_add2_f2f(x, 2.0f), y));
    if (o2 && x.hi <= 7.0f) {
        clln = y;
        x = sf_add2_f2f(x, 3.0f);
    }
    float t = o2 ? 1.0f / x.hi : pw_df_normalize(sf_add2_f2f(x, o0 ? -1.0f : -2.0f)).hi;
    float u = (float)S64_SEL3(o2, o0, +0.000839498720672087279971000786, +0.9435157776e+0f, +0.1102489550e-3f);
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, -5.17179090826059219329394422e-05, +0.8670063615e+0f, +0.8160019934e-4f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, -0.000592166437353693882857342347, +0.4826702476e+0f, +0.1528468856e-3f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, +6.97281375836585777403743539e-05, -0.8855129778e-1f, -0.2355068718e-3f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, +0.000784039221720066627493314301, +0.1013825238e+0f, +0.4962242092e-3f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, -0.000229472093621399176949318732, -0.1493408978e+0f, -0.1193488017e-2f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, -0.002681327160493827160473958490, +0.1697509140e+0f, +0.2891599433e-2f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, +0.003472222222222222222175164840, -0.2072454542e+0f, -0.7385451812e-2f));
    u = fmaf(u, t, (float)S64_SEL3(o2, o0, +0.083333333333333333335592087900, +0.2705872357e+0f, +0.2058077045e-1f));
    y = sf_mul_f2f2(sf_add2_f2f(x, -0.5f), s32_logk2(x));
    y = sf_add2_f2f2(sf_add2_f2f2(y, s32_neg(x)), s32_pair(0.91893853320467278056));
    z = sf_add2_f2f(s32_mul_ff(u, t), o0 ? -0.400686534596170958447352690395e+0f : -0.673523028297382446749257758235e-1f);
    z = sf_add2_f2f(df_mul(z, t), o0 ? +0.822466960142643054450325495997e+0f : +0.322467033928981157743538726901e+0f);
    z = sf_add2_f2f(df_mul(z, t), o0 ? -0.577215665946766039837398973297e+0f : +0.422784335087484338986941629852e+0f);
    z = df_mul(z, t);
    clc = o2 ? y : z;
    if (o2)
        clld = sf_add2_f2f(s32_mul_ff(u, t), 1.0f);
    y = clln;
    const float2 one = {1.0f, 0.0f};
    clc = otiny ? s32_pair(41.58883083359671856503)
                : oref ? sf_add2_f2f2(s32_pair(1.1447298858494001639), s32_neg(clc)) : clc;
    clln = otiny ? one : oref ? clln : clld;
    if (oref) {
        t = a - 4096.0f * (float)pw_trunc_i32f(a * (float)(1.0 / 4096.0));
        x = sf_mul_f2f2(clld, s32_sinpik(t));
    }
    const float2 tiny = {a * (float)(1073741824.0 * 1073741824.0), 0.0f};
    clld = otiny ? tiny : oref ? x : y;
    float2 b = df_div(clln, clld), ab = {fabsf(b.hi), signbit(b.hi) ? -b.lo : b.lo};
    float2 r2 = sf_add2_f2f2(clc, s32_logk2(ab));
    float r = r2.hi + r2.lo;
    if (isinf(a) || (a <= 0.0f && truncf(a) == a) || (isfinite(a) && isnan(r)))
        r = INFINITY;
    return r;
}

/* hypot_u05 (Vectorized<T>::hypot: torch.hypot's vector body), float64 and float32: max * sqrt(1 + (min/max)^2)
 * in double-double (double-float), with ddsqrt's one Newton step */
static double sleef_hypot(double x, double y)
{
    x = fabs(x);
    y = fabs(y);
    double mn = x < y ? x : y, mx = x > y ? x : y, n = mn, d = mx; /* (_mm512_min_pd / max_pd) */
    if (mx < DBL_MIN) {
        n *= 18014398509481984.0; /* 2^54 */
        d *= 18014398509481984.0;
    }
    double2 nn = {n, 0.0}, dd = {d, 0.0}, t = dd_div(nn, dd), u = s64_add2_d2d2(pw_dd_squ(t), (double2){1.0, 0.0});
    double r = sqrt(u.hi + u.lo), s = 1.0 / r;
    double2 rec = {s, s * fma(-r, s, 1.0)};
    t = pw_dd_mul_d2d2(s64_add2_d2d2(u, s64_mul_dd(r, r)), rec);
    t.hi *= 0.5;
    t.lo *= 0.5;
    t = pw_dd_mul_d2d(t, mx);
    double ret = t.hi + t.lo;
    if (isnan(ret))
        ret = INFINITY;
    if (mn == 0.0)
        ret = mx;
    if (isnan(x) || isnan(y))
        ret = NAN;
    return x == INFINITY || y == INFINITY ? INFINITY : ret;
}

static float sleef_hypotf(float x, float y)
{
    x = fabsf(x);
    y = fabsf(y);
    float mn = x < y ? x : y, mx = x > y ? x : y, n = mn, d = mx;
    if (mx < FLT_MIN) {
        n *= 16777216.0f; /* 2^24 */
        d *= 16777216.0f;
    }
    float2 nn = {n, 0.0f}, dd = {d, 0.0f}, t = df_div(nn, dd), u = sf_add2_f2f2(sf_squ(t), (float2){1.0f, 0.0f});
    float r = sqrtf(u.hi + u.lo), s = 1.0f / r;
    float2 rec = {s, s * fmaf(-r, s, 1.0f)};
    t = sf_mul_f2f2(sf_add2_f2f2(u, s32_mul_ff(r, r)), rec);
    t.hi *= 0.5f;
    t.lo *= 0.5f;
    t = df_mul(t, mx);
    float ret = t.hi + t.lo;
    if (isnan(ret))
        ret = INFINITY;
    if (mn == 0.0f)
        ret = mx;
    if (isnan(x) || isnan(y))
        ret = NAN;
    return x == INFINITY || y == INFINITY ? INFINITY : ret;
}

/* atanh_u10 (Vectorized<T>::atanh: torch.atanh over every element, float64 and float32): log((1+|x|)/(1-|x|)) / 2
 * in double-double (double-float); out of the domain, and at a NaN or infinite input, SLEEF's all-ones NaN */
static double sleef_atanh(double x)
{
    double y = fabs(x);
    double2 d = s64_logk2(dd_div(s64_add2_dd2(1.0, (double2){y, 0.0}), s64_add2_dd2(1.0, (double2){-y, 0.0})));
    double r = y == 1.0 ? INFINITY : (d.hi + d.lo) * 0.5;
    return y > 1.0 || isnan(x) || isinf(x) || isnan(r) ? pw_bits_d(~UINT64_C(0)) : pw_mulsign(r, x);
}

static float sleef_atanhf(float x)
{
    float y = fabsf(x);
    float2 d = s32_logk2(df_div(df_add2(1.0f, y), df_add2(1.0f, -y)));
    float r = y == 1.0f ? INFINITY : (d.hi + d.lo) * 0.5f;
    if (isnan(x))
        return pw_bits_f(~0u);
    /* (float's vmulsign comes after its NaN mask: -x out of the domain gives 0x7fffffff) */
    return pw_mulsignf(y > 1.0f || isinf(x) || isnan(r) ? pw_bits_f(~0u) : r, x);
}
