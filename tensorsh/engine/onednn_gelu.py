"""GELU (approximate='none') as PyTorch 2.13 computes it for a contiguous float32 tensor of 2+ elements: not ATen's
kernel but oneDNN's eltwise_gelu_erf (ATen's gelu_out_cpu hands such inputs to oneDNN), whose forward on an
AVX-512 CPU is a piecewise minimax polynomial of |x| (25 pieces indexed by the exponent and two mantissa bits) and
on other x86 CPUs Abramowitz-Stegun's erf with oneDNN's own exp; its backward is the latter on every CPU.

The constants are oneDNN's (src/cpu/x64/injectors/jit_uni_eltwise_injector.cpp, Copyright Intel Corporation,
Apache License 2.0); the steps are its JIT code's, one float32 rounding (or fused multiply-add) each, measured
against torch on 400,000 random inputs of four scales: every bit the same."""
import numpy as np

from .kernels import fma as _fma

_F32 = np.float32


def _f(*bits):
    return np.array(bits, np.uint32).view(_F32)


# minimax coefficients by degree (rows) and piece (columns; 25 used, padded to 32 as oneDNN's table is)
_MINIMAX = _f(
    0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb,
    0x3867a213, 0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236,
    0xbd8d8e5e, 0xbe8abcd9, 0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40,
    0x3f4c146a, 0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3,
    0x3f78b21b, 0x3fbb0704, 0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000,
    0x3f800000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960,
    0x3b6e5491, 0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b,
    0xbe0efdeb, 0xbf1d96c3, 0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a,
    0xbe124df8, 0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa,
    0xbe0550f2, 0x3dcfd6a1, 0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712,
    0x3c6c5840, 0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef,
    0x3d639ebe, 0xba6ede48, 0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b,
    0x3c2a7935, 0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6,
    0xbbd55d04, 0xba823a76, 0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000).reshape(6, 32)
_IDX_BIAS, _RBOUND = np.int64(np.uint32(0xc21fffff).view(np.int32)), _f(0x40b15cee)[0]
_ONE_OVER_SQRT_TWO, _ONE_OVER_SQRT_PI, _P = _f(0x3f3504f3, 0x3f106eba, 0x3ea7ba05)
_AS_POLY = _f(0x3e827906, 0xbe91a98e, 0x3fb5f0e3, 0xbfba00e3, 0x3f87dc22)  # Abramowitz-Stegun's p1..p5
_EXP_LOG2E, _EXP_MAX, _EXP_MIN, _LN2 = _f(0x3fb8aa3b, 0x42b17218, 0xc2aeac50, 0x3f317218)
_EXP_POLY = _f(0x3f7ffffb, 0x3efffee3, 0x3e2aad40, 0x3d2b9d0d, 0x3c07cfce)
_ONE, _HALF = _F32(1), _F32(0.5)


def _exp(x):
    """oneDNN's exp_compute_vector_fwd: 2 * 2^(n-1) * p(r), p of degree 5, zero below log(FLT_MIN)."""
    with np.errstate(invalid="ignore", over="ignore"):
        under = x < _EXP_MIN
        x = np.where(x > _EXP_MAX, _EXP_MAX, x)  # (minps/maxps: a NaN input becomes the bound)
        x = np.where(x < _EXP_MIN, _EXP_MIN, x).astype(_F32)
        n = np.floor((x * _EXP_LOG2E).astype(_F32) + _HALF)
        r = _fma(-n, _LN2, x)
        scale = (((n - _ONE).astype(np.int32) + 127).astype(np.uint32) << 23).view(_F32)
        scale = np.where(under, _F32(0), scale)
        y = _EXP_POLY[4]
        for c in (_EXP_POLY[3], _EXP_POLY[2], _EXP_POLY[1], _EXP_POLY[0], _ONE):
            y = _fma(y, r, c)
        return ((y * scale).astype(_F32) * _F32(2)).astype(_F32)


def _as_erf(x_scaled):
    """Abramowitz-Stegun's erf of x/sqrt(2) given x/sqrt(2): sign * (1 - t * p(t) * exp(-x^2)), t = 1/(1 + p|x|)."""
    t = (_ONE / _fma(_P, np.abs(x_scaled), _ONE)).astype(_F32)
    q = (-_exp(-(x_scaled * x_scaled).astype(_F32)) * t).astype(_F32)
    r = _AS_POLY[4]
    for c in (_AS_POLY[3], _AS_POLY[2], _AS_POLY[1], _AS_POLY[0]):
        r = _fma(r, t, c)
    erf = _fma(q, r, _ONE)
    return np.where(np.signbit(x_scaled), -erf, erf)


def gelu(x, avx512):
    """oneDNN's gelu_erf forward of a float32 array."""
    with np.errstate(invalid="ignore", over="ignore"):
        if not avx512:
            half = (x * _HALF).astype(_F32)
            return _fma(_as_erf((x * _ONE_OVER_SQRT_TWO).astype(_F32)), half, half)
        ax = np.abs(x)
        index = ((ax.view(np.int32).astype(np.int64) + _IDX_BIAS + 2 ** 31) % 2 ** 32 - 2 ** 31) >> 21
        index = np.where(_RBOUND < ax, 23, np.clip(index, 1, 24)) & 31
        p = _MINIMAX[5][index]
        for degree in range(4, -1, -1):
            p = _fma(p, ax, _MINIMAX[degree][index])
        p = np.where(np.signbit(x), -p, p)
        return ((x * (p + _ONE).astype(_F32)).astype(_F32) * _HALF).astype(_F32)


def gelu_backward(g, x):
    """oneDNN's gelu_erf backward: g * (x/sqrt(2) / sqrt(pi) * exp(-x^2/2) + 0.5 + 0.5 * erf(x/sqrt(2)))."""
    with np.errstate(invalid="ignore", over="ignore"):
        r = (x * _ONE_OVER_SQRT_TWO).astype(_F32)
        t = ((r * _ONE_OVER_SQRT_PI).astype(_F32) * _exp(-(r * r).astype(_F32))).astype(_F32)
        return (g * _fma(_as_erf(r), _HALF, (t + _HALF).astype(_F32))).astype(_F32)
