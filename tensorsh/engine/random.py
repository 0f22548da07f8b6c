"""PyTorch 2.13's CPU random numbers, bit for bit: MT19937 and the rand/randn/randint kernels."""
# The algorithm, and why each detail matters: RNG.md, the project's study of torch's CPU RNG.
# Everything here works on flat arrays in memory order; the tensor engine reshapes. Exactness
# assumes PyTorch's AVX2 normal kernel (which AVX-512 CPUs use too), its FMA-built uniform
# kernel, and glibc's libm: the x86-64 Linux platform torch's wheels run on.

import ctypes  # numpy has loaded it already
import functools
import math
import operator
import os
import struct
import weakref

import numpy as np

from . import dtypes, undo
from .errors import runtime
from .messages import (VMAP_DIFFERENT_INPLACE_UNBATCHED, VMAP_INPLACE_INTO_UNBATCHED, VMAP_RANDOM_IN_ERROR_MODE,
                       VMAP_RANDOM_OUT, VMAP_SAME_RANDOMNESS_BATCHED)
from .kernels import NO_LANES, Fma32, compiled, fma64

__all__ = ["Generator", "default_generator", "manual_seed", "STATE_SIZE", "DEFAULT_GENERATOR_SEED"]

STATE_SIZE = 5056                        # sizeof(CPUGeneratorImplState) in torch 2.13
DEFAULT_GENERATOR_SEED = 67280421310721  # what torch.Generator() starts from (default_rng_seed_val)

_N = 624                                 # MT19937 state words
_U64 = (1 << 64) - 1
_STATE_HEAD = struct.Struct("<QiiQ")     # seed, left, seeded, next
_TWO_PI = 6.283185307179586              # 2.0 * c10::pi<double>, folded at compile time
_LOW53 = (1 << 53) - 1
_FEW_PAIRS = 8                           # up to here the serial normal path runs on Python floats

# ---------------------------------------------------------------------------------------------
# glibc's libm, vectorised. numpy's log/log1p/sin/cos equal glibc on some CPUs (AVX2) and not on
# others (numpy's own AVX-512 log is ~1 ulp different), so each is checked once against `math`,
# which calls glibc, before numpy is trusted with it.


def _per_element(fn, x):
    return np.fromiter(map(fn, x.tolist()), np.float64, x.size)


@functools.cache
def _numpy_is_glibc(name):
    u = np.random.Generator(np.random.PCG64(20260509)).random(4096)
    x = {"log": 1.0 - u, "log1p": -u, "sin": _TWO_PI * u, "cos": _TWO_PI * u}[name]
    return np.array_equal(getattr(np, name)(x), _per_element(getattr(math, name), x))


def _x87_log(x):
    """glibc log(x) for positive doubles, via the 64-bit-mantissa logl and `math` near ties.

    logl is within ~1e-3 ulp (of double) of log(x), and glibc's log within 0.519 ulp; so when
    logl lands more than 0.47 ulp away from a double-precision midpoint, glibc returns that
    logl rounded to double. The ~6% of lanes close to a midpoint are asked of glibc itself."""
    ext = np.log(x.astype(np.longdouble))
    low11 = ext.view(np.uint64)[::2] & np.uint64(0x7FF)  # the bits that rounding to 53 drops
    out = ext.astype(np.float64)
    near = np.flatnonzero((low11 > 962) & (low11 < 1086))
    out[near] = _per_element(math.log, x[near])
    return out


@functools.cache
def _have_x87_longdouble():
    return np.dtype(np.longdouble).itemsize == 16 and np.finfo(np.longdouble).nmant == 63


def _glibc(name, x):
    """glibc's log, log1p, sin or cos of a float64 array."""
    if _numpy_is_glibc(name):
        return getattr(np, name)(x)
    if name == "log" and _have_x87_longdouble():
        return _x87_log(x)
    return _per_element(getattr(math, name), x)


# ---------------------------------------------------------------------------------------------
# Fused multiply-add (kernels.Fma32, kernels.fma64). PyTorch's kernels (built with -mfma) round a*b+c once.

def _fma(x, scale, shift, dtype):
    """fma(x, scale, shift) in float32 or float64; (1, 0) only turns -0 into +0."""
    if scale == 1 and shift == 0:
        return x + dtype.type(0)
    if dtype == np.float32:
        return Fma32(x.size, 1, exact=True)(x, np.float32(scale), np.float32(shift))
    return fma64(x, np.float64(scale), np.float64(shift))


# ---------------------------------------------------------------------------------------------
# float32 randn, 16 at a time: avx_mathfun.h's Cephes log256_ps / sincos256_ps as GCC compiled
# them (which multiply-adds it fused is read off the disassembly; see RNG.md).

_f = np.float32
_LOG_P = [_f(v) for v in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                          1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                          3.3333331174e-1)]
_LOG_Q1, _LOG_Q2, _SQRTHF = _f(-2.12194440e-4), _f(0.693359375), _f(0.707106781186547524)
_DP1, _DP2, _DP3 = _f(-0.78515625), _f(-2.4187564849853515625e-4), _f(-3.77489497744594108e-8)
_SIN_P = (_f(-1.9515295891e-4), _f(8.3321608736e-3), _f(-1.6666654611e-1))
_COS_P = (_f(2.443315711809948e-5), _f(-1.388731625493765e-3), _f(4.166664568298827e-2))
_FOPI, _TWO_PI_F32, _HALF, _ONE = _f(1.27323954473516), _f(_TWO_PI), _f(0.5), _f(1.0)
_FMA_STEPS = 16  # fused steps with inexact products per lane: 9 in log, 1 in reduction, 6 in sincos
_CHUNK_ROWS = 2048  # 16-blocks per pass: keeps the temporaries in cache


def _log256(v, fma):
    """log256_ps for v in [2**-24, 1] (so its clamp to the smallest normal never bites)."""
    bits = v.view(np.uint32)
    e = (bits >> 23).astype(np.float32) - _f(126)  # unbiased exponent + 1, for m in [0.5, 1)
    m = ((bits & np.uint32(0x807FFFFF)) | np.uint32(0x3F000000)).view(np.float32)
    small = m < _SQRTHF
    e -= small
    x = (m - _ONE) + m * small  # m * False is +0, as the kernel's masked add
    x64 = x.astype(np.float64)
    z = x * x
    y = fma(_LOG_P[0], x64, _LOG_P[1])
    for p in _LOG_P[2:]:
        y = fma(y, x64, p)
    y = fma(x * y, z, e * _LOG_Q1)
    y -= z * _HALF
    return e * _LOG_Q2 + (x + y)  # fused, but e * 0.693359375 is exact: a float32 add suffices


def _sincos256(theta, fma):
    """sincos256_ps for theta in [0, 2*pi]."""
    j = (theta * _FOPI).astype(np.int32)
    j += 1
    j &= ~1
    y = j.astype(np.float32)
    x = (theta + y * _DP1) + y * _DP2  # fused too; these two products are exact for j <= 8
    x = fma(y, _DP3, x)
    z = x * x
    c = fma(fma(_COS_P[0], z, _COS_P[1]), z, _COS_P[2])
    c = fma(z * c, z, -(z * _HALF)) + _ONE
    s = fma(fma(_SIN_P[0], z, _SIN_P[1]), z, _SIN_P[2])
    s = fma(z * s, x, x)
    # Select and sign by bits, as the kernel does (np.where is slow here). Its masked +0 adds
    # change nothing: c >= 0.7 and s is never -0 (x = -0 would need theta = -0).
    swap = -((j >> 1) & 1)  # all ones where (j & 2) != 0
    cs, ss = c.view(np.int32), s.view(np.int32)
    diff = (cs ^ ss) & swap
    sin_sign = (j & 4) << 29
    cos_sign = (~(j - 2) & 4) << 29
    return (ss ^ diff ^ sin_sign).view(np.float32), (cs ^ diff ^ cos_sign).view(np.float32)


def _box_muller_f32(a, b, exact):
    """Kernel lanes: radius uniforms a, angle uniforms b -> (r*cos, r*sin, lanes that tied)."""
    fma = Fma32(a.size, _FMA_STEPS, exact)
    radius = np.sqrt(_f(-2) * _log256(_ONE - a, fma))
    sin, cos = _sincos256(_TWO_PI_F32 * b, fma)
    return radius * cos, radius * sin, (NO_LANES if exact else fma.tied_lanes())


def _normal16_f32(blocks):
    """NormalFill16<float> on every row of 16: the first 8 give radii, the last 8 angles."""
    out = np.empty_like(blocks)
    if compiled is not None:  # the same steps in C, with the CPU's own fused multiply-add
        compiled.normal16(np.ascontiguousarray(blocks), out)
        return out
    for r in range(0, blocks.shape[0], _CHUNK_ROWS):
        rows = blocks[r : r + _CHUNK_ROWS]
        a, b = rows[:, :8].ravel(), rows[:, 8:].ravel()
        cos, sin, tied = _box_muller_f32(a, b, exact=False)
        if tied.size:
            cos[tied], sin[tied], _ = _box_muller_f32(a[tied], b[tied], exact=True)
        out[r : r + _CHUNK_ROWS, :8] = cos.reshape(-1, 8)
        out[r : r + _CHUNK_ROWS, 8:] = sin.reshape(-1, 8)
    return out


def _normal16_f64(blocks):
    """NormalFill16<double>: glibc log/sincos on each row of 16 doubles."""
    radius = np.sqrt(-2.0 * _glibc("log", 1.0 - blocks[:, :8].ravel()))
    theta = _TWO_PI * blocks[:, 8:].ravel()
    out = np.empty_like(blocks)
    out[:, :8] = (radius * _glibc("cos", theta)).reshape(-1, 8)
    out[:, 8:] = (radius * _glibc("sin", theta)).reshape(-1, 8)
    return out


# ---------------------------------------------------------------------------------------------


LIVE_GENERATORS = weakref.WeakSet()  # every Generator made: vmap's 'same' randomness puts each back per element


class Generator:
    """torch.Generator on the CPU: an MT19937 word stream plus torch's cached normal sample.

    numpy's MT19937 with legacy (init_genrand) seeding produces torch's words; its `pos` maps
    to torch's `next`/`left`, except that torch tells a just-seeded state (next=0) from a used-up
    block (next=624) where numpy sees pos=624 for both, hence `_next_at_624`."""

    def __repr__(self):
        # PyTorch's Generator is a C++ object: its repr names torch._C and an address (this object's)
        return f"<torch._C.Generator object at {id(self):#x}>"

    def __init__(self, seed=None):
        self._bits = None  # made on first use, so the module-level default costs nothing
        self._seed = 0
        self._normal = None  # torch's next_double_normal_sample (serial randn path)
        self._float_normal = None  # torch's float slot: never used on the CPU, kept for get_state
        self._next_at_624 = 0
        if seed is not None:
            self.manual_seed(seed)
        LIVE_GENERATORS.add(self)

    # -- seeding and state ---------------------------------------------------------------------

    def manual_seed(self, seed):
        """Seed like torch: any int in [-2**63, 2**64), negatives as two's complement (THPUtils_checkLong: an int
        or numpy integer, not a bool; torch.manual_seed passes int(seed))."""
        if type(seed) is bool or not isinstance(seed, (int, np.integer)):
            from .errors import runtime
            raise runtime(f"manual_seed expected a long, but got {type(seed).__name__}")
        seed = operator.index(seed)
        if not -(1 << 63) <= seed <= _U64:
            raise ValueError("Overflow when unpacking long long")  # torch's text, from pybind
        if self._bits is None:
            self._bits = np.random.MT19937(0)
        else:  # a statement undone (failed, or :undo) takes its seed back
            undo.touch(self, ("generator", id(self)))
        self._seed = seed & _U64
        self._bits._legacy_seeding(self._seed & 0xFFFFFFFF)  # init_genrand sees the low 32 bits
        self._next_at_624 = 0
        self._normal = self._float_normal = None
        return self

    def seed(self):
        seed = int.from_bytes(os.urandom(8), "little")  # like c10's getNonDeterministicRandom
        self.manual_seed(seed)
        return seed

    def initial_seed(self):
        self._ready()
        return self._seed

    def get_state(self):
        """torch.get_rng_state() bytes: the THGeneratorState layout, padding zeroed."""
        self._ready()
        st = self._bits.state["state"]
        pos = int(st["pos"])
        left, nxt = (1, self._next_at_624) if pos == _N else (_N + 1 - pos, pos)
        buf = bytearray(STATE_SIZE)
        _STATE_HEAD.pack_into(buf, 0, self._seed, left, 1, nxt)
        buf[24:5016] = st["key"].astype("<u8").tobytes()
        if self._normal is not None:
            struct.pack_into("<d", buf, 5024, self._normal)
            struct.pack_into("<i", buf, 5040, 1)
        if self._float_normal is not None:
            struct.pack_into("<f", buf, 5044, self._float_normal)
            buf[5048] = 1
        return bytes(buf)

    def set_state(self, state):
        state = bytes(state)
        if len(state) != STATE_SIZE:
            raise ValueError(f"Expected a CPUGeneratorImplState of size {STATE_SIZE} "
                             f"but found the input RNG state size to be {len(state)}")
        undo.touch(self, ("generator", id(self)))
        seed, left, seeded, nxt = _STATE_HEAD.unpack_from(state, 0)
        nxt &= 0xFFFFFFFF  # torch keeps next as uint32
        if not (seeded and 0 < left <= _N and nxt <= _N):  # (mt19937's is_valid, a TORCH_CHECK)
            from .errors import runtime
            raise runtime("Invalid mt19937 state")
        if left != 1 and left + nxt != _N + 1:
            # torch would take `left - 1` words from state[next:] and then twist; no generator
            # ever writes such a state, and numpy's single position cannot express it
            raise ValueError(f"unsupported mt19937 state: left={left} and next={nxt} disagree")
        key = np.frombuffer(state, "<u8", _N, 24).astype(np.uint32)  # torch truncates to 32 bits
        if self._bits is None:
            self._bits = np.random.MT19937(0)
        self._bits.state = {"bit_generator": "MT19937",
                            "state": {"key": key, "pos": _N if left == 1 else nxt}}
        self._seed, self._next_at_624 = seed, nxt
        normal_valid, float_valid = state[5040:5044] != bytes(4), state[5048] != 0
        self._normal = struct.unpack_from("<d", state, 5024)[0] if normal_valid else None
        self._float_normal = struct.unpack_from("<f", state, 5044)[0] if float_valid else None

    def _ready(self):
        if self._bits is None:
            self.seed()

    # -- undo: a failed statement puts back what it drew -----------------------------------------

    def _snapshot(self):
        """Everything a draw changes, copied fast (get_state takes ~40 us: every statement that draws
        pays for this once)."""
        self._ready()
        fields = (self._seed, self._normal, self._float_normal, self._next_at_624)
        if _raw_state_ok():
            return ctypes.string_at(self._bits.ctypes.state_address, _MT_BYTES), fields
        return self._bits.state, fields

    def _restore(self, snap):
        state, (self._seed, self._normal, self._float_normal, self._next_at_624) = snap
        if isinstance(state, bytes):
            ctypes.memmove(self._bits.ctypes.state_address, state, _MT_BYTES)
        else:
            self._bits.state = state

    # -- words ---------------------------------------------------------------------------------

    def _words(self, n):
        """n tempered 32-bit words (as uint64)."""
        self._ready()
        if n == 0:
            return np.empty(0, np.uint64)
        self._next_at_624 = _N
        return self._bits.random_raw(n)

    def _words64(self, n):
        """n 64-bit draws; the first word of each pair is the high half."""
        w = self._words(2 * n).reshape(n, 2)
        hi = w[:, 0] << np.uint64(32)
        hi |= w[:, 1]
        return hi

    def _unit24(self, n):
        """float32 uniforms in [0, 1): the low 24 bits of one word each."""
        w = self._words(n).astype(np.uint32)
        w &= np.uint32(0xFFFFFF)
        u = w.astype(np.float32)
        u *= _f(2.0**-24)
        return u

    def _unit53(self, n):
        """float64 uniforms in [0, 1): the low 53 bits of one 64-bit draw each."""
        w = self._words64(n)
        w &= np.uint64((1 << 53) - 1)
        u = w.view(np.int64).astype(np.float64)
        u *= 2.0**-53
        return u

    # -- distributions -------------------------------------------------------------------------

    def uniform(self, n, dtype, low=0.0, high=1.0):
        """torch.rand / Tensor.uniform_(low, high): x*(to-from)+from fused in float32 (float16
        too) or float64, then rounded to dtype."""
        bf16 = dtype == "bfloat16"  # (computed in float32, rounded to bfloat16)
        dtype, op = _float_dtype("float32" if bf16 else dtype)
        x = self._unit53(n) if op == np.float64 else self._unit24(n)
        frm, to = op.type(low), op.type(high)
        if (frm, to) == (0, 1) and dtype == op and not bf16:
            return x  # fma(x, 1, 0) is x, and x < 1
        val = x if (frm, to) == (0, 1) else _fma(x, to - frm, frm, op)
        if bf16:
            val, to, frm = (dtypes.to_bfloat16(v) for v in (val, to, frm))
        val = val.astype(dtype, copy=False)
        val[val == dtype.type(to)] = dtype.type(frm)  # the kernel's clamp: rounded onto `to`
        return val

    def normal(self, n, dtype, mean=0.0, std=1.0, contiguous=True):
        """torch.randn / Tensor.normal_(mean, std); contiguous=False forces torch's serial path."""
        if dtype == "bfloat16":  # float16's blocks, computed in float32, rounded to bfloat16
            if contiguous and n >= 16:
                return dtypes.to_bfloat16(self._normal_blocks(n, np.dtype(np.float32), np.dtype(np.float32), mean, std,
                                                              True))
            return dtypes.to_bfloat16(self.normal(n, "float32", mean, std, contiguous))
        dtype, op = _float_dtype(dtype)
        if contiguous and n >= 16:
            return self._normal_blocks(n, dtype, op, mean, std)
        vals = _fma(self._normal_serial(n), std, mean, np.dtype(np.float64))
        if dtype == np.float16:
            vals = vals.astype(np.float32)  # c10::Half is built from a float
        return vals.astype(dtype)

    def _normal_blocks(self, n, dtype, op, mean, std, half_blocks=False):
        """normal_fill: Box-Muller per 16 uniforms; a ragged end redoes the last 16 slots with
        16 fresh uniforms. float32/64 draw all n uniforms first (those under the redo go unused);
        float16 draws 16 per block."""
        full, tail = n // 16 * 16, n % 16 != 0
        if dtype == np.float16 or half_blocks:
            blocks = self._unit24(full + 16 * tail).reshape(-1, 16)
        else:
            u = self._unit24(n + 16 * tail) if op == np.float32 else self._unit53(n + 16 * tail)
            if tail:
                u = np.concatenate((u[:full], u[n:]))
            blocks = u.reshape(-1, 16)
        out = _normal16_f32(blocks) if op == np.float32 else _normal16_f64(blocks)
        out = _fma(out.ravel(), std, mean, op).astype(dtype, copy=False)  # mean, std rounded to op
        if not tail:
            return out
        result = np.empty(n, dtype)
        result[:full] = out[:full]
        result[n - 16 :] = out[full:]
        return result

    def _normal_serial(self, n):
        """normal_distribution<double> element by element, as float64 before mean/std:
        a pair of 64-bit uniforms gives r*cos (returned) and r*sin (cached for the next call)."""
        vals = np.empty(n)
        start = 0
        if n and self._normal is not None:
            vals[0], start = self._normal, 1
            self._normal = None
        m = n - start
        pairs = (m + 1) // 2
        if 0 < pairs <= _FEW_PAIRS:  # a few values: the same steps on Python floats (math is glibc's libm)
            w = self._words(4 * pairs).tolist()
            both = []
            for i in range(0, 4 * pairs, 4):
                theta = _TWO_PI * ((((w[i] << 32) | w[i + 1]) & _LOW53) * 2.0**-53)
                r = math.sqrt(-2.0 * math.log1p(-((((w[i + 2] << 32) | w[i + 3]) & _LOW53) * 2.0**-53)))
                both += (r * math.cos(theta), r * math.sin(theta))
            vals[start:] = both[:m]
            if m % 2:
                self._normal = both[-1]
        elif pairs:
            u = self._unit53(2 * pairs).reshape(pairs, 2)
            r = np.sqrt(-2.0 * _glibc("log1p", -u[:, 1]))
            theta = _TWO_PI * u[:, 0]
            both = np.empty((pairs, 2))
            both[:, 0] = r * _glibc("cos", theta)
            both[:, 1] = r * _glibc("sin", theta)
            vals[start:] = both.ravel()[:m]
            if m % 2:
                self._normal = float(both[-1, 1])
        return vals

    def randint(self, low, high, n):
        """torch.randint(low, high) as int64 (low < high): plain modulo, no rejection; one word
        per element below a range of 2**28, one 64-bit draw from there up."""
        span = high - low
        if span < 1 << 28:
            w = self._words(n)
            w %= np.uint64(span)
            return w.view(np.int64) + low
        w = self._words64(n)
        w %= np.uint64(span)
        w += np.uint64(low & _U64)  # wraps in uint64, as torch's arithmetic does
        return w.view(np.int64)


_MT_BYTES = 624 * 4 + 4  # numpy's mt19937_state: uint32 key[624], int pos


@functools.cache
def _raw_state_ok():
    """Whether numpy's MT19937 state struct is laid out as _MT_BYTES expects (checked once)."""
    probe = np.random.MT19937(0)
    probe._legacy_seeding(5489)
    probe.random_raw(3)
    raw = ctypes.string_at(probe.ctypes.state_address, _MT_BYTES)
    state = probe.state["state"]
    return (np.array_equal(np.frombuffer(raw, np.uint32, _N), state["key"])
            and int.from_bytes(raw[-4:], "little", signed=True) == state["pos"])


def _float_dtype(dtype):
    """dtype and the type torch computes it in (its opmath type)."""
    dtype = np.dtype(dtype)
    if dtype not in (np.float16, np.float32, np.float64):
        raise ValueError(f"random floats are float16, float32 or float64, not {dtype}")
    return dtype, np.dtype(np.float64 if dtype == np.float64 else np.float32)


default_generator = Generator()


VMAP_RANDOMNESS = [None]  # the randomness of the vmap (or jacfwd) a function runs under: 'error', 'same', 'different'


def random_op(fn=None, *, kind="factory", name=None):
    """A random op as vmap's batching rules see it (functorch's BatchRulesRandomness): under vmap its out= variant is
    refused in any randomness mode and the op itself in 'error' mode, after the argument parser and before the op's
    own checks, its empty fast path and the generator's cached normal sample. kind 'pointwise' (an op drawing for
    each element of its tensor inputs: bernoulli, poisson, normal of tensors, multinomial, _standard_gamma,
    _sample_dirichlet) refuses 'same' randomness of a batched input; kind 'inplace' (normal_, uniform_, random_,
    bernoulli_, exponential_, ... on self) refuses 'different' randomness of an unbatched self, and a batched tensor
    argument of an unbatched self (vmapIncompatibleInplaceError of `name`). The random ops an op runs inside are its
    own kernel's, below the batching rule: they check nothing (random_composite)."""
    if fn is None:
        return functools.partial(random_op, kind=kind, name=name)

    @functools.wraps(fn)
    def op(*args, **kwargs):
        mode = VMAP_RANDOMNESS[0]
        if mode is None:
            return fn(*args, **kwargs)
        check_vmap_randomness(kwargs.get("out"))
        if kind == "inplace":
            _check_inplace_randomness(mode, args[0], args[1:] + tuple(kwargs.values()), name or fn.__name__)
        elif kind == "pointwise" and mode == "same" and any(map(_is_batched, args + tuple(kwargs.values()))):
            raise runtime(VMAP_SAME_RANDOMNESS_BATCHED)
        return _below_batching_rule(fn, args, kwargs)
    return op


def random_composite(fn):
    """An op whose own batching rule draws (native_dropout's, taking an unbatched input's batch as expanded): the
    random ops it runs inside check no randomness mode ('error' mode still refuses their draws)."""
    return functools.wraps(fn)(lambda *args, **kwargs: _below_batching_rule(fn, args, kwargs))


def _below_batching_rule(fn, args, kwargs):
    mode, VMAP_RANDOMNESS[0] = VMAP_RANDOMNESS[0], None
    try:
        return fn(*args, **kwargs)
    finally:
        VMAP_RANDOMNESS[0] = mode


def _is_batched(value):
    """A tensor standing for its element of a vmapped BatchedTensor (tensorimpl.BATCHING)."""
    return getattr(value, "_vmap_batched", False) is True


def _check_inplace_randomness(mode, self, others, name):
    """random_inplace_batching_rule's and bernoulli_inplace_Tensor_batching_rule's checks, in their order."""
    other_batched = any(map(_is_batched, others))
    if mode == "same" and other_batched:
        raise runtime(VMAP_SAME_RANDOMNESS_BATCHED)
    if other_batched and not _is_batched(self):
        raise runtime(VMAP_INPLACE_INTO_UNBATCHED.format(what=f"inplace {name}", where="in a vmap"))
    if mode == "different" and not _is_batched(self):
        raise runtime(VMAP_DIFFERENT_INPLACE_UNBATCHED)


def check_vmap_randomness(out=None):
    mode = VMAP_RANDOMNESS[0]
    if mode is None:
        return
    if out is not None:
        raise runtime(VMAP_RANDOM_OUT)
    if mode == "error":
        raise runtime(VMAP_RANDOM_IN_ERROR_MODE)


def manual_seed(seed):
    """torch.manual_seed: seed the default generator and return it."""
    return default_generator.manual_seed(int(seed))
