"""numpy kernels whose last bits must match PyTorch's CPU kernels, written to touch memory as little as possible.

Arrays in, arrays out: this layer knows nothing of tensors or autograd.
"""
import math
import os

import numpy as np

BLOCK = 16384  # elements per block of a blocked kernel: its float64 temporaries stay in L2


def _compiled():
    """The compiled loops of _ckernels.c, where they were built and beat numpy (x86-64 with AVX2 and FMA);
    TENSORSH_NUMPY_KERNELS=1 turns them off. None: numpy only."""
    if os.environ.get("TENSORSH_NUMPY_KERNELS"):
        return None
    try:
        from . import _ckernels
    except ImportError:
        return None
    if getattr(_ckernels, "API", None) != 8:  # a stale build from another version of this file
        return None
    return _ckernels if _ckernels.ACCELERATED else None


compiled = _compiled()


def _cpuinfo(field):
    """The first value /proc/cpuinfo gives `field` ("" where there is none to read)."""
    try:
        with open("/proc/cpuinfo") as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith(field)), "")
    except OSError:
        return ""


# MKL chooses its code by CPU vendor: AVX-512 kernels on Intel's, AVX2 ones elsewhere (the orders below marked
# "measured on PyTorch's x86 build" are an AMD EPYC's); TENSORSH_MKL_CPU=intel|amd says which to follow
_MKL_CPU = os.environ.get("TENSORSH_MKL_CPU", "").lower()
MKL_ON_INTEL = _MKL_CPU == "intel" or _MKL_CPU != "amd" and _cpuinfo("vendor_id") == "GenuineIntel"
# MKL's VML code the ported kernels follow: EX (SSE2) where MKL runs it, on CPUs that are not Intel's; Z0 (AVX-512)
# on Intel's that have AVX-512 (and can run the port); elsewhere (Intel's AVX2 code, no compiled loops) none
VML_CODE = None if compiled is None else "Z0" if MKL_ON_INTEL and compiled.MKL_VML_Z0 else \
    None if MKL_ON_INTEL else "EX"


def _in_one_pass(loop, x, *others):
    """The compiled loop `loop` over float32, C-contiguous arrays of one shape, into a new array; None where it
    cannot take them (no compiled loops, another dtype or layout)."""
    if compiled is None or x.dtype != np.float32 or not x.flags.c_contiguous:
        return None
    for o in others:
        if o.dtype != np.float32 or not o.flags.c_contiguous or o.shape != x.shape:
            return None
    out = np.empty(x.shape, np.float32)
    getattr(compiled, loop)(x, *others, out)
    return out


FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))  # (the compiled float loops')


def via_double(np_fn, loop=None):
    """float32 transcendental functions: numpy's own float32 kernels differ from PyTorch's in 5-40% of last
    bits; the correctly rounded result agrees with PyTorch far more often (95-99%). loop: the name of the
    compiled loop doing the same in one pass."""
    def fn(x):
        out = None if loop is None else _in_one_pass(loop, x)
        if out is not None:
            return out
        if x.dtype == np.float32:  # computed in double, rounded once into a float32 result
            return np_fn(x, dtype=np.float64, out=np.empty_like(x, np.float32), casting="unsafe")  # keeps layout
        return np_fn(x)
    return fn


def mkl_vml(name, np_fn, loop=None, ex=(np.float32,), z0=(), correctly_rounded=None):
    """A function PyTorch sends to MKL's VML for float32 and float64 tensors: MKL's kernel `name` (vs<name>,
    vd<name>) bit for bit, of the dtypes given for the code MKL runs here (VML_CODE: ex for its EX code,
    _ckernels_vml.h; z0 for its Z0 code, _ckernels_vml_z0.h); everywhere else (and for the other dtypes)
    via_double's correctly rounded value. The output keeps a dense input's layout, as numpy's does.
    fn.correctly_rounded: the latter alone (for float16/bfloat16, which PyTorch computes elsewhere); fn.ported: the
    dtypes MKL's kernel computes here (their NaN bits are MKL's too). correctly_rounded: that value's kernel where
    numpy has no np_fn."""
    correctly_rounded = correctly_rounded or via_double(np_fn, loop)
    ported = frozenset(np.dtype(d) for d in {"EX": ex, "Z0": z0}.get(VML_CODE, ()))
    run = None if not ported else lambda x, out: compiled.mkl_vml(name, x, out, VML_CODE)

    def fn(x):
        if x.dtype not in ported:
            return correctly_rounded(x)
        if x.flags.c_contiguous:  # (the common case, in one call)
            out = np.empty_like(x)
            run(x, out)
            return out
        return _per_element(run, x)
    fn.correctly_rounded, fn.ported = correctly_rounded, ported
    return fn


exp = via_double(np.exp, "exp")  # (ATen's own uses of exp: the correctly rounded value)
vml_exp = mkl_vml("Exp", np.exp, "exp", (np.float32, np.float64), (np.float32,))  # torch.exp, torch.log, ...
vml_log = mkl_vml("Ln", np.log, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_log2 = mkl_vml("Log2", np.log2, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_log10 = mkl_vml("Log10", np.log10, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_sin = mkl_vml("Sin", np.sin, ex=FLOAT_DTYPES, z0=FLOAT_DTYPES)
vml_cos = mkl_vml("Cos", np.cos, ex=FLOAT_DTYPES, z0=FLOAT_DTYPES)
vml_atan = mkl_vml("Atan", np.arctan, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_tan = mkl_vml("Tan", np.tan, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_asin = mkl_vml("Asin", np.arcsin, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_acos = mkl_vml("Acos", np.arccos, ex=FLOAT_DTYPES, z0=(np.float32,))
vml_tanh = mkl_vml("Tanh", np.tanh, "tanh", FLOAT_DTYPES, FLOAT_DTYPES)
_vml_sqrt64 = mkl_vml("Sqrt", np.sqrt, ex=(np.float64,), z0=(np.float64,))


def div_trunc(a, b):
    """div(rounding_mode='trunc'): trunc(a / b); a float16 quotient computed in float and rounded once."""
    if np.float16 in (getattr(a, "dtype", None), getattr(b, "dtype", None)):
        return np.trunc(np.asarray(a, np.float32) / np.asarray(b, np.float32)).astype(np.float16)
    out = np.result_type(a, b)
    if out.kind in "iu":  # (C's integer division, exact: int64 quotients beyond 2**53 too)
        with np.errstate(all="ignore"):
            safe = np.where(b == 0, 1, b).astype(out)
            return ((a - np.fmod(a, safe)) // safe).astype(out)
    return np.trunc(a / b).astype(out)


def div_floor_steps(a, b, to_reduced):
    """Floor division of float16/bfloat16 values (float32 arrays) as ATen's div_floor_floating_vec runs on
    Vectorized<Half/BFloat16> (c10::div_floor_floating on c10::Half alike): every step rounded to the dtype
    (to_reduced: float32 -> float32 holding the dtype's values)."""
    with np.errstate(all="ignore"):
        basic = to_reduced(a / b)
        mod = to_reduced(np.fmod(a, b))
        div = to_reduced(np.where((np.abs(basic) == np.inf) & (np.abs(a) != np.inf), a, to_reduced(a - mod)) / b)
        div = np.where((mod != 0) & ((b < 0) != (mod < 0)), to_reduced(div - 1), div)
        floor = np.floor(div)
        floor = np.where(to_reduced(div - floor) > 0.5, to_reduced(floor + 1), floor)
        floor = np.where(div == 0, np.copysign(np.float32(0), basic), floor)
        return np.where(b == 0, basic, floor)


def div_trunc_steps(a, b, to_reduced):
    """trunc(a / b) of float16/bfloat16 values with the quotient rounded to the dtype first (c10's Half division)."""
    with np.errstate(all="ignore"):
        return np.trunc(to_reduced(a / b))


def maximum(x, y):
    """ATen's max of two values (maximum, clamp_min, relu, hardtanh): NaN if either is, and x itself where the two
    are equal, so a signed zero keeps x's sign (numpy keeps one operand or the other, by dtype)."""
    return first_at_ties(np.maximum(x, y), x, y)


def minimum(x, y):
    """ATen's min (minimum, clamp_max, hardtanh): as maximum, x where the two are equal."""
    return first_at_ties(np.minimum(x, y), x, y)


def vector_maximum(x, y, element_bytes=None):
    """torch.maximum's kernel (maximum_kernel): as maximum, but a tie of signed zeros where its vector body runs
    gives the second operand (second_at_vector_ties)."""
    return second_at_vector_ties(np.maximum(x, y), x, y, element_bytes)


def vector_minimum(x, y, element_bytes=None):
    """torch.minimum's kernel: as vector_maximum, with min."""
    return second_at_vector_ties(np.minimum(x, y), x, y, element_bytes)


def second_at_vector_ties(out, x, y, element_bytes=None):
    """out (np.maximum/np.minimum of float32/float64 x and y) as ATen's maximum/minimum kernels leave a tie of signed
    zeros: x from their scalar body (std::max/min keep their first operand), y from their vector body (vmaxps/vminps
    give their second operand when both are zeros). Those kernels are registered without AVX-512 (8 floats a
    vector: measured), so two-vector chunks of 16 float32, 8 float64 or 32 float16/bfloat16 elements (element_bytes
    2: x and y hold them widened to float32); each run's rest is scalar. Where the walk is not known, x throughout."""
    out = first_at_ties(out, x, y)
    if not isinstance(out, np.ndarray) or out.dtype.kind != "f" or compiled is None or _vector_lanes() is None:
        return out
    x, y = np.asarray(x), np.asarray(y)
    ties = (x == y) & (x == 0)
    if not ties.any():
        return out
    a, b = x, y
    if x.dtype == np.float16 and y.dtype == np.float16:  # (their layouts as float32 arrays' strides, never read)
        a, b = (np.lib.stride_tricks.as_strided(np.zeros(1, np.float32), t.shape, [st * 2 for st in t.strides])
                for t in (x, y))
        element_bytes = 2
    walk = binary_scalar_body(a, b, floats=8, element_bytes=element_bytes)
    if walk is not None and walk[3] is not True:
        np.copyto(out, np.broadcast_to(y, out.shape), where=ties & ~walk[3], casting="unsafe")
    return out


def first_at_ties(out, x, y):
    """out (np.maximum(x, y) or the like) with x where x == y: ATen keeps its first operand's signed zero."""
    if isinstance(out, np.ndarray):
        np.copyto(out, x, where=(x == y), casting="unsafe")
        return out
    return out.dtype.type(x) if x == y else out  # (0-dim operands: numpy gives a scalar)


def sqrt(x):
    """torch.sqrt: float32 is MKL's vsSqrt, whose Newton steps from the CPU's estimate differ from the correctly
    rounded root in up to 1 result of 6 (_ckernels_sqrt.h); float64 is vdSqrt (mkl_vml: an ulp off in ~1 result
    of 75 in MKL's EX code, ~1 of 130 in its Z0 code); other dtypes, machines where MKL runs other code and those
    without the compiled loops take numpy's (correctly rounded) root. The output keeps a dense input's layout, as numpy's does."""
    if x.dtype == np.float64:
        return _vml_sqrt64(x)
    if compiled is None or x.dtype != np.float32:
        return np.sqrt(x)
    return _per_element(compiled.mkl_sqrt, x)


def cpu_rsqrt14(x):
    """The CPU's own 14-bit estimate of 1/sqrt(x) (vrsqrt14ps) of float32 x, from which MKL's AVX-512 kernels refine
    their roots (only where HAS_RSQRT14)."""
    x = np.ascontiguousarray(x, np.float32)
    out = np.empty_like(x)
    compiled.rsqrt14(x, out)
    return out


def _per_element(loop, x):
    """loop(flat_in, flat_out) over every element of x (a function of each element alone), into an array laid out
    as numpy's ufuncs lay out their results (a dense input's memory order)."""
    out = np.empty_like(x)
    if x.flags.c_contiguous or x.flags.f_contiguous:  # (element by element: the memory order is the result's)
        loop(x.ravel(order="K"), out.ravel(order="K"))
    else:
        flat = np.empty(x.shape, x.dtype)
        loop(np.ascontiguousarray(x), flat)
        out[...] = flat
    return out


def _avx512_core():
    """Whether this CPU has AVX-512 F, BW, VL and DQ (what PyTorch's and oneDNN's dispatch test for)."""
    if compiled is not None:
        return compiled.VECTOR_FLOATS == 16
    return {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= set(_cpuinfo("flags").split())


AVX512_CORE = _avx512_core()
HAS_RSQRT14 = AVX512_CORE and getattr(compiled, "rsqrt14", None) is not None  # (cpu_rsqrt14's loop)
# oneDNN takes float16 work where the CPU has AVX-512 FP16 or AMX FP16 (ATen's mkldnn_fp16_device_check)
ONEDNN_FP16 = bool({"avx512_fp16", "amx_fp16"} & set(_cpuinfo("flags").split()))




def _vector_lanes():
    """Floats in one of PyTorch's vectors on this CPU (None: its build without vectors). ATEN_CPU_CAPABILITY
    narrows PyTorch's choice, as it does for torch itself."""
    capability = os.environ.get("ATEN_CPU_CAPABILITY", "").lower()
    if capability == "default":
        return None
    return 8 if capability == "avx2" else compiled.VECTOR_FLOATS




def _vector_chunk():
    """Elements per step of PyTorch's vectorized elementwise loop (two vectors); the rest of each thread's range
    runs its scalar body."""
    lanes = _vector_lanes()
    return None if lanes is None else 2 * lanes


def _softmax_lanes(x):
    """Elements in one of PyTorch's vectors of x's dtype (float32 or float64), or None where the compiled loops
    do not reproduce its softmax kernels."""
    if compiled is None or x.dtype not in (np.float32, np.float64) or x.size == 0:
        return None
    lanes = _vector_lanes()
    return None if lanes is None else lanes * 4 // x.itemsize


def softmax(x, axis):
    """PyTorch's float32/float64 softmax kernels, bit for bit: along the last dimension each row at once (SLEEF's exp,
    the sum folded as its vectors fold it, times 1 / sum); along another, columns a vector at a time where they
    fit in a thread's range (SLEEF's exp, divided by the sum) and one by one elsewhere (the C library's exp).
    None where the compiled loops cannot do it (no compiled loops, another dtype, PyTorch's build without
    vectors)."""
    lanes = _softmax_lanes(x)
    if lanes is None:
        return None
    x = np.ascontiguousarray(x)
    out = np.empty_like(x)
    flat_x, flat_out, dim = x.reshape(-1), out.reshape(-1), x.shape[axis]
    if axis == x.ndim - 1:
        compiled.softmax_rows(flat_x, flat_out, dim, lanes, True)
        return out
    inner = x.size // (dim * int(np.prod(x.shape[:axis], dtype=np.int64)))
    for begin, end in _thread_ranges(x.size // dim, num_threads(), 0):  # grain 0: every thread takes a share
        compiled.softmax_columns(flat_x, flat_out, dim, inner, begin, end, lanes, True)
    return out


def _elementwise_layout(x):
    """How PyTorch's elementwise loop (sigmoid's, sinh's, ...) walks float x: ("dense", perm) if x fills its memory without gaps (walked in
    memory order, x.transpose(perm) is C-contiguous), ("scalar", None) if its innermost elements are apart (no
    element takes the vector body), None for the other layouts (broadcasts, rows with gaps between them)."""
    if compiled is None or x.dtype not in (np.float32, np.float64):
        return None
    perm = sorted(range(x.ndim), key=lambda d: -x.strides[d])
    if x.transpose(perm).flags.c_contiguous:
        return "dense", perm
    moving = [abs(st) for st, n in zip(x.strides, x.shape) if n > 1]
    if all(st > 0 for st, n in zip(x.strides, x.shape) if n > 1) and min(moving) > x.itemsize:
        return "scalar", None
    return None


def walks_scalar(x):
    """Whether PyTorch's elementwise loop gives every element of float32/float64 x its scalar body (its innermost
    elements are apart: x[::2])."""
    layout = _elementwise_layout(x)
    return layout is not None and layout[0] == "scalar"


def _vector_body(loop, x, walked=None):
    """The compiled loop `loop` (x, out, vectorized: its vector body on the first `vectorized` elements) over each
    thread's range of float32/float64 x in PyTorch's elementwise order for the operand `walked` (x itself unless
    x is a value computed from it); None where that order is not known."""
    layout = _elementwise_layout(x if walked is None else walked)
    if layout is None:  # rows apart (x[:, :19]): each row's whole chunks vector, its end scalar
        scalar = scalar_body_mask(x if walked is None else walked) if x.size <= GRAIN_SIZE else None
        if scalar is None:
            return None
        flat, vector, rest = np.ascontiguousarray(x).reshape(-1), np.empty(x.size, x.dtype), np.empty(x.size, x.dtype)
        getattr(compiled, loop)(flat, vector, flat.size)
        getattr(compiled, loop)(flat, rest, 0)
        return np.where(scalar, rest.reshape(x.shape), vector.reshape(x.shape))
    if layout[0] == "scalar":
        out = np.empty(x.shape, x.dtype)
        getattr(compiled, loop)(np.ascontiguousarray(x), out, 0)
        return out
    perm = layout[1]
    flat = x.transpose(perm).reshape(-1)
    out_t = np.empty(flat.size, x.dtype)
    chunk = _vector_chunk()
    chunk = None if chunk is None else chunk * 4 // x.itemsize  # two vectors of x's dtype
    for begin, end in _thread_ranges(flat.size, num_threads()):
        vectorized = 0 if chunk is None else (end - begin) // chunk * chunk
        getattr(compiled, loop)(flat[begin:end], out_t[begin:end], vectorized)
    return out_t.reshape([x.shape[d] for d in perm]).transpose(np.argsort(perm))


def _rows_apart(a, b):
    """Of a C-contiguous operand and another broadcast or sliced one whose rows are contiguous but apart (in C
    order, strides non-increasing: x[:, :37], y[0] broadcast over rows), the other, broadcast to their shape: its
    gaps keep TensorIterator from joining the rows, so each row is one run of the elementwise loop; None else."""
    try:
        shape = np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        return None
    if len(shape) < 2:
        return None
    for dense, other in ((a, b), (b, a)):
        if dense.shape == shape and dense.flags.c_contiguous:
            other = np.broadcast_to(other, shape)
            strides = [st for st, n in zip(other.strides, shape) if n > 1 and st]  # (0: broadcast)
            if other.strides[-1] == other.itemsize and strides == sorted(strides, reverse=True) and \
                    _elementwise_layout(other) is None:
                return other
    return None


def binary_scalar_body(a, b, floats=None, element_bytes=None):
    """How PyTorch's elementwise loop (cpu_kernel_vec) walks float32/float64 arrays a and b of one dtype: (walked,
    a, b, tail), a and b broadcast to the walked array's shape, tail True where every element is the scalar body's
    (under one two-vector chunk), else scalar_body_mask's; for operands of one shape and strides or one of one
    element (the vector loop reads it as a scalar), or rows apart. None where this walk is not known. floats,
    element_bytes: as scalar_body_mask's (a kernel narrower than this CPU's vectors; elements held widened)."""
    if a.dtype != b.dtype or a.dtype not in (np.float32, np.float64):
        return None
    lanes = _vector_lanes() if compiled is not None else None
    if lanes is not None:  # (under one two-vector chunk in all: every run of the loop is, in any layout)
        try:
            shape = np.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            return None
        if math.prod(shape) < 8 * min(lanes, floats or lanes) // (element_bytes or a.itemsize):
            a, b = np.broadcast_to(a, shape), np.broadcast_to(b, shape)
            return a, a, b, True
    if a.shape == b.shape and a.strides == b.strides:
        walked = a
    elif b.size == 1 and a.ndim >= b.ndim:
        walked, b = a, np.broadcast_to(b, a.shape)
    elif a.size == 1 and b.ndim >= a.ndim:
        walked, a = b, np.broadcast_to(a, b.shape)
    else:
        walked = _rows_apart(a, b)
        if walked is None:
            return None
        a, b = np.broadcast_to(a, walked.shape), np.broadcast_to(b, walked.shape)
    if lanes is not None and walked.size < 8 * min(lanes, floats or lanes) // (element_bytes or a.itemsize):
        tail = True  # (under one chunk: all the scalar body's)
    else:
        tail = scalar_body_mask(walked, floats, element_bytes) if walked.size else None
    return None if tail is None else (walked, a, b, tail)


def binary_body(loop, a, b, scalar=None):
    """The compiled two-operand loop `loop` (a, b, out, vectorized: its vector body on the first `vectorized`) as
    PyTorch's elementwise kernel (cpu_kernel_vec) runs it over float32/float64 a and b of one dtype: the vector body
    on whole two-vector chunks, the scalar body (the C library's function) on the rest (scalar_body_mask), for
    operands of one shape and strides (walked as either alone is) or one of one element (a number, a 0-dim tensor:
    the vector loop reads it as a scalar; the other's walk). None where the compiled loop or this walk is not known
    (another dtype, operands of different layouts, other broadcasts): pow and atan2 (SLEEF's, then libm's).
    scalar(a_values, b_values): the scalar body where it is not the loop's."""
    a, b = np.asarray(a), np.asarray(b)
    if compiled is None or not hasattr(compiled, loop):
        return None
    walk = binary_scalar_body(a, b)
    if walk is None:
        return None
    walked, a, b, tail = walk
    fn, out = getattr(compiled, loop), np.empty(walked.shape, a.dtype)
    if tail is True:
        if scalar is None:
            fn(np.ascontiguousarray(a), np.ascontiguousarray(b), out, 0)
        else:
            out[...] = scalar(a, b)
        return out
    fn(np.ascontiguousarray(a), np.ascontiguousarray(b), out, out.size)
    if tail.any():
        rest = np.empty(np.count_nonzero(tail), a.dtype)
        if scalar is None:
            fn(a[tail], b[tail], rest, 0)
        else:
            rest[...] = scalar(a[tail], b[tail])
        out[tail] = rest
    return out


def chained_bodies(loops, x, tail):
    """The compiled one-operand `loops` applied in turn (exp, then log1p) inside one of PyTorch's elementwise kernels
    over x laid out as binary_scalar_body walked it: the vector bodies (SLEEF's) everywhere but `tail` (True: every
    element), the scalar bodies (the C library's) there."""
    def run(values, vectorized):
        shape, values = np.shape(values), np.ascontiguousarray(values)  # (a 0-dim array comes back 1-dim)
        for loop in loops:
            out = np.empty_like(values)
            getattr(compiled, loop)(values, out, vectorized)
            values = out
        return values.reshape(shape)
    if tail is True:
        return run(x, 0)
    out = run(x, x.size).reshape(x.shape)
    if tail.any():
        out[tail] = run(x[tail], 0)
    return out




def sleef_everywhere(loop, fallback, dtypes):
    """A function PyTorch takes from SLEEF on every element of a tensor of `dtypes` (ATen's vml::v<fn> maps its
    vector function over the tail too; so does log_sigmoid's own loop): the compiled `loop` with every element
    vectorized, where built; fallback (the correctly rounded value) elsewhere."""
    def fn(x):
        if compiled is None or x.dtype not in dtypes or not x.size:
            return fallback(x)
        return _per_element(lambda a, out: getattr(compiled, loop)(a, out, a.size), np.asarray(x))
    return fn


def _kernel_body(loop, fallback, dtypes):
    """A function as the bodies of one of PyTorch's elementwise kernels compute it (silu's exp, softplus's log1p,
    elu's expm1, mish's tanh): SLEEF's on whole two-vector chunks of each thread's range, the C library's on the
    rest, where the compiled loops are built and x is of `dtypes`; fallback elsewhere. walked: the kernel's operand
    whose layout decides which elements take which body, where x was computed from it (-operand)."""
    def fn(x, walked=None):
        x = np.asarray(x)
        out = _vector_body(loop, x, walked) if x.dtype in dtypes and x.size else None
        return fallback(x) if out is None else out
    return fn


log1p = sleef_everywhere("loop_log1p", via_double(np.log1p), FLOAT_DTYPES)  # torch.log1p
expm1 = sleef_everywhere("loop_expm1", via_double(np.expm1), FLOAT_DTYPES)  # torch.expm1
sleef_exp = sleef_everywhere("loop_exp", exp, FLOAT_DTYPES)  # log_sigmoid's buffer
loop_exp = _kernel_body("loop_exp", exp, FLOAT_DTYPES)
loop_log1p = _kernel_body("loop_log1p", via_double(np.log1p), FLOAT_DTYPES)

loop_expm1 = _kernel_body("loop_expm1", via_double(np.expm1), FLOAT_DTYPES)
loop_tanh = _kernel_body("loop_tanh", via_double(np.tanh), FLOAT_DTYPES)
loop_erf = _kernel_body("loop_erf", lambda x: np.asarray(np.frompyfunc(math.erf, 1, 1)(x), x.dtype),
                        (np.dtype(np.float64),))  # (float64 only: float32's vector erf is not SLEEF's)


def _libm_everywhere(loop, fallback):
    """A function a scalar kernel takes from the C library on every element of float32/float64 x (std::log of a
    float is logf, not correctly rounded everywhere): the compiled `loop` with no element vectorized, in one pass;
    fallback (the correctly rounded value) without the compiled loops."""
    def fn(x):
        if compiled is None or x.dtype not in FLOAT_DTYPES or not x.size:
            return fallback(x)
        return _per_element(lambda a, out: getattr(compiled, loop)(a, out, 0), np.asarray(x))
    return fn


libm_log = _libm_everywhere("loop_log", via_double(np.log))  # (xlogy's, entr's, binary_cross_entropy's std::log)
libm_log1p = _libm_everywhere("loop_log1p", via_double(np.log1p))  # (binary_cross_entropy's std::log1p)
libm_exp = _libm_everywhere("loop_exp", exp)  # (a reduced-float kernel's scalar body's std::exp of a float)
libm_erf = _libm_everywhere("loop_erf", lambda x: np.asarray(np.frompyfunc(math.erf, 1, 1)(x), x.dtype))  # (std::erf)


def sigmoid(x):
    """PyTorch's 1 / (1 + exp(-x)) in x's dtype. float32/float64 where compiled: PyTorch's own kernel, bit for bit
    (its vector exp on whole chunks of each thread's range, the C library's exp on the rest). Elsewhere each step
    rounded as its vectorized kernel rounds it, computed in place in the result, so no temporary is made."""
    if x.dtype == np.float16:  # (PyTorch computes half in float, rounding once)
        return np.asarray(sigmoid(np.asarray(x, np.float32))).astype(np.float16)
    out = _vector_body("sigmoid", x)
    if out is not None:
        return out
    one = x.dtype.type(1)
    out = np.negative(x, out=np.empty(np.shape(x), x.dtype))  # (an array even for a 0-dim x: written in place below)
    if out.dtype == np.float32:
        np.exp(out, out=out, dtype=np.float64, casting="unsafe")
    else:
        np.exp(out, out=out)
    np.add(one, out, out=out)
    return np.divide(one, out, out=out)


_LIBM = {}
SCALAR_CALLS = 4096  # beyond this many scalar-body elements, the correctly rounded value stands in (speed)


def _libm(name, arity=1, kind=None):
    """The C library's function `name` (float: the name ends in f; kind: its argument and result type, when not
    float or double): PyTorch's scalar loop body calls it."""
    if name not in _LIBM:
        try:
            import ctypes
            import ctypes.util
            lib = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
            fn = getattr(lib, name)
            kind = kind or (ctypes.c_float if name.endswith("f") else ctypes.c_double)
            fn.restype, fn.argtypes = kind, [kind] * arity
        except (OSError, AttributeError, TypeError):
            fn = None
        _LIBM[name] = fn
    return _LIBM[name]


def complex_parts(z):
    """The real and imaginary parts of complex z as two float arrays laid out as z is (each part of the memory z
    spans copied out, then viewed with z's element strides)."""
    part = z.real.dtype
    extent = 1 + sum((n - 1) * st // z.itemsize for n, st in zip(z.shape, z.strides)) if z.size else 0
    run = np.lib.stride_tricks.as_strided(z, (extent,), (z.itemsize,))
    strides = tuple(st // z.itemsize * part.itemsize for st in z.strides)
    return tuple(np.lib.stride_tricks.as_strided(np.ascontiguousarray(p), z.shape, strides) for p in (run.real, run.imag))


def complex_of(real, imag, np_dtype):
    """The complex numbers real + imag i, each part as it is (`real + 1j * imag` makes a NaN of an infinite part's
    product with 0 and a +0.0 of a -0.0 real part)."""
    real, imag = np.broadcast_arrays(real, imag)
    out = np.empty(real.shape, np_dtype)
    out.real, out.imag = real, imag
    return out


def complex_pow(base, exponents, np_dtype):
    """std::pow(complex<T>, complex<T>) of the number base to each exponent (complex_power's)."""
    return complex_power(np.asarray(base, np_dtype), np.asarray(exponents, np_dtype))


def ctypes_complex(np_dtype):
    """C's float/double _Complex as a ctypes structure (the x86-64 ABI passes both alike)."""
    import ctypes
    part = ctypes.c_float if np_dtype == np.complex64 else ctypes.c_double
    if part not in _COMPLEX_STRUCTS:
        _COMPLEX_STRUCTS[part] = type("Complex", (ctypes.Structure,), {"_fields_": [("re", part), ("im", part)]})
    return _COMPLEX_STRUCTS[part]


_COMPLEX_STRUCTS = {}


def complex_power(a, b):
    """std::pow of complex operands, PyTorch's complex pow kernel (glibc's cpowf/cpow, exp(b * log(a)): (1j) ** 2 is
    -1-8.7423e-08j), where numpy multiplies for a small integer exponent; numpy's power beyond SCALAR_CALLS
    elements (speed) or without a C library."""
    a, b = np.broadcast_arrays(np.asarray(a), np.asarray(b))
    dt = np.result_type(a, b)
    kind = ctypes_complex(dt)
    fn = _libm("cpowf" if dt == np.complex64 else "cpow", 2, kind) if a.size <= SCALAR_CALLS else None
    if fn is None:
        return np.power(a, b)
    values = [fn(kind(x.real, x.imag), kind(y.real, y.imag))
              for x, y in zip(a.astype(dt).reshape(-1).tolist(), b.astype(dt).reshape(-1).tolist())]
    return np.array([complex(v.re, v.im) for v in values], dt).reshape(a.shape)


def libm_each(name, np_fn):
    """A kernel PyTorch runs as a scalar loop over the C library's function (asinh, acosh, sinc's sin, entr's log):
    `name` (float: `name`f; half computed in float) on each element; np_fn in double without a C library."""
    def kernel(x):
        work = np.float32 if x.dtype == np.float16 else x.dtype
        fn = _libm(name + ("f" if work == np.float32 else "")) if work in (np.float32, np.float64) else None
        if fn is None:
            return np_fn(x.astype(np.float64)).astype(x.dtype)
        flat = x.astype(work).reshape(-1).tolist()
        return np.array([fn(v) for v in flat], work).reshape(x.shape).astype(x.dtype)
    return kernel


def reduced_rsqrt(x, rounding, floats=8):
    """rsqrt of float16 or bfloat16 values (float32 x, `rounding` to the dtype) as PyTorch's kernel computes them:
    its vector body (two vectors at a time: rsqrt's are AVX2's, 16 elements, `floats` 8; bfloat16's pow by -0.5
    AVX-512's, 32) 1 / sqrt(x) in float, rounded once; its scalar body 1 / sqrt(x) with the square root rounded
    to the dtype first (std::sqrt of a Half or BFloat16 is one)."""
    one = np.float32(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = one / np.sqrt(x)
        mask = scalar_body_mask(x, floats=floats, element_bytes=2)
        if mask is None or mask.any():
            scalar = one / rounding(np.sqrt(x))
            out = scalar if mask is None else np.where(mask, scalar, out)
    return out


def _scalar_body(fn, values, dtype):
    return np.array([fn(v) for v in values.tolist()], dtype)


def vector_and_scalar(vector_fn, libm_name):
    """A function PyTorch computes with SLEEF on whole two-vector chunks of each thread's range and with the C
    library on the rest (sinh, cosh, exp2, atanh): the rest, which is all of a small tensor, gets the C library's
    own value; the chunks get SLEEF's (compiled loops: bit for bit) or, without them, vector_fn's (correctly
    rounded, which SLEEF's 1-ulp results often are)."""
    def fn(x):
        out = sleef_values(libm_name, x)
        if out is None:
            out = vector_fn(x)
        if compiled is None or x.size == 0 or x.dtype not in (np.float32, np.float64):
            return out
        scalar = _libm(libm_name + ("f" if x.dtype == np.float32 else ""))
        if scalar is None:
            return out
        chunk = _vector_chunk()
        chunk = None if chunk is None else chunk * 4 // x.itemsize
        layout = _elementwise_layout(x)
        if layout is None:
            return _by_rows(x, out, scalar, chunk)
        if layout[0] == "scalar":  # apart innermost elements: all take the scalar body
            if x.size > SCALAR_CALLS:
                return out
            return _scalar_body(scalar, np.ascontiguousarray(x).reshape(-1), x.dtype).reshape(x.shape)
        perm = layout[1]
        flat = x.transpose(perm).reshape(-1)
        out_t = np.ascontiguousarray(out.transpose(perm)).reshape(-1)
        calls = 0
        for begin, end in _thread_ranges(flat.size, num_threads()):
            start = begin + (0 if chunk is None else (end - begin) // chunk * chunk)
            calls += end - start
            if calls > SCALAR_CALLS:
                return out
            if start < end:
                out_t[start:end] = _scalar_body(scalar, flat[start:end], x.dtype)
        return out_t.reshape([x.shape[d] for d in perm]).transpose(np.argsort(perm))
    return fn


def widened(x):
    """float16 x as float32 laid out as x is (its strides doubled), so scalar_body_mask walks x's own layout; any
    other array itself."""
    if x.dtype != np.float16 or x.flags.c_contiguous or x.size == 0:
        return x.astype(np.float32) if x.dtype == np.float16 else x
    return in_layout(x, x, np.float32)


def in_layout(x, values, dtype=None):
    """values (of x's shape) in a new array laid out as x is, its gaps and repeats kept (x's element strides): a
    reduction's order and vectorization follow the layout of what it reads."""
    dtype = np.dtype(dtype or values.dtype)
    if x.flags.c_contiguous or x.size == 0:
        return np.require(values, dtype, "C")  # (ascontiguousarray would make a 0-d array 1-d)
    span = sum((n - 1) * s for n, s in zip(x.shape, x.strides)) // x.itemsize + 1
    out = np.lib.stride_tricks.as_strided(np.empty(span, dtype), x.shape,
                                          tuple(s // x.itemsize * dtype.itemsize for s in x.strides))
    out[...] = values
    return out


def scalar_body_mask(x, floats=None, element_bytes=None):
    """Which elements of float32/float64 x PyTorch's elementwise loop (cpu_kernel_vec) gives its scalar body: the end
    of each thread's range past its whole two-vector chunks in a dense layout, each contiguous row's end otherwise,
    every element whose innermost neighbours are apart; None where that is not known (no compiled build, another
    layout), the vector body then assumed. floats: a kernel's vector width in floats where it is not this CPU's
    (softshrink's loop is AVX2's, 8, on an AVX-512 CPU: measured). element_bytes: the size of the elements PyTorch's
    loop walks where x holds them widened (float16 and bfloat16 computed in float32: 2)."""
    lanes = _vector_lanes() if compiled is not None else None
    if lanes is None or x.dtype not in (np.float32, np.float64):
        return None
    chunk = 2 * min(lanes, floats or lanes) * 4 // (element_bytes or x.itemsize)
    layout = _elementwise_layout(x)
    if layout is not None and layout[0] == "scalar":
        return np.ones(x.shape, bool)
    if layout is not None:
        perm = layout[1]
        flat = np.zeros(x.size, bool)
        for begin, end in _thread_ranges(x.size, num_threads()):
            flat[begin + (end - begin) // chunk * chunk:end] = True
        return flat.reshape([x.shape[d] for d in perm]).transpose(np.argsort(perm))
    if x.ndim < 2 or x.strides[-1] != x.itemsize:
        return None
    n = x.shape[-1]
    mask = np.zeros(x.shape, bool)
    mask[..., n // chunk * chunk:] = True
    return mask


def complex_scalar_body(z, floats=8):
    """Which elements of complex array z PyTorch's elementwise loop gives its scalar body (True: all of them where
    the compiled loops are not built): complex vectors are AVX2's width even on an AVX-512 CPU (measured), 8 complex64
    or 4 complex128 elements a two-vector chunk, except in the kernels registered with ALSO_REGISTER_AVX512_DISPATCH
    (sgn's: floats None, this CPU's width); None where the walk is not known."""
    if compiled is None:
        return True
    parts = np.lib.stride_tricks.as_strided(z.real, z.shape, [s // 2 for s in z.strides])  # (z's layout, in parts)
    return scalar_body_mask(parts, floats=floats, element_bytes=z.itemsize)


def complex_abs(z, floats=8):
    """std::abs of complex array z as an elementwise kernel computes it: SLEEF's hypot_u05 of the parts
    (Vectorized<complex<T>>::abs_) on whole two-vector chunks, the C library's hypot (std::abs) on the rest;
    floats: complex_scalar_body's (the kernel's vector width)."""
    re, im = np.require(z.real, requirements="C"), np.require(z.imag, requirements="C")  # (0-dim stays 0-dim)
    out = np.hypot(re, im)
    tail = complex_scalar_body(z, floats)
    if tail is None or tail is True or not z.size or not hasattr(compiled, "loop_hypot") or tail.all():
        return out  # (a walk not known: the C library's everywhere, as _complex_sgn's scalar body)
    vector = np.empty(re.size, re.dtype)
    compiled.loop_hypot(re.reshape(-1), im.reshape(-1), vector, vector.size)
    return np.where(tail, out, vector.reshape(re.shape))


def complex_multiply(a, b, out=None, in_place=False):
    """a * b of complex arrays as PyTorch's mul kernel computes it (measured): its vector body (AVX2's) rounds each
    product, ac - bd and ad + bc, on each range's whole 8 complex64 / 4 complex128 element chunks; its scalar body
    on the rest is the compiler's fused a*c - round(b*d), as numpy's, but complex64's leaves some unfused (with two
    tensors a range's odd last element; with a number, the first of five or more and those past the fours, or all of
    four or fewer). A range: a thread's share of a dense walk, or a row of a broadcast; other layouts keep numpy's,
    but complex64 rows whose elements are apart written in place (in_place: `z[:, ::2] *= w[:, ::2]`) are plain."""
    if out is not None:  # (written in place: the operands read first, as the loop does element by element)
        out[...] = complex_multiply(a, b)
        return out
    values = np.multiply(a, b)
    if values.dtype.kind != "c" or compiled is None or values.size == 0 or _vector_lanes() is None:
        return values
    a, b = np.broadcast_arrays(np.asarray(a, values.dtype), np.asarray(b, values.dtype))
    walk = _complex_walk(a, b)
    if walk is None:
        return complex_product_plain(a, b) if in_place and _strided_complex64(a, b) else values
    perm, ranges, number = walk
    flat_a, flat_b = (v.transpose(perm).reshape(-1) for v in (a, b))
    plain = np.zeros(values.size, bool)
    chunk = 2 * min(_vector_lanes(), 8) * 4 // values.itemsize
    for begin, end in ranges:
        vectorized = begin + (end - begin) // chunk * chunk
        plain[begin:vectorized] = True
        if values.dtype == np.complex64:  # (the scalar body's fused part: 2-wide, or 4-wide after one element)
            rest = end - vectorized
            if number:
                fused = (rest - 1) // 4 * 4 if rest > 4 else 0
                plain[vectorized:vectorized + 1] = rest > 4
                plain[vectorized + (1 + fused if fused else 0):end] = True
            elif rest % 2:
                plain[end - 1] = True
    if not plain.any():
        return values
    result = values.transpose(perm).reshape(-1).copy()
    result[plain] = complex_product_plain(flat_a[plain], flat_b[plain])
    return result.reshape([values.shape[d] for d in perm]).transpose(np.argsort(perm))


def complex_addc(divide, s, v, a, b):
    """addcmul (s + v * a * b) or addcdiv (s + v * a / b) of complex arrays as PyTorch's kernels compute them
    (measured): the vector body's products each rounded (complex_product_plain; its division c10::complex's, as
    Vectorized's operator/ divides element by element), the scalar body's fused (complex_product_fused); complex64's
    scalar body fuses whole fours only, the products of the rest past them fused then plain (addcdiv's rest is not
    known: fused taken). Ranges as complex_multiply's; a walk not known: the vector body's values everywhere."""
    s, v, a, b = np.broadcast_arrays(*(np.asarray(x, np.result_type(s, a, b)) for x in (s, v, a, b)))

    def values(first, second):
        va = first(v, a)
        with np.errstate(all="ignore"):
            return s + (c10_complex_div(va, b) if divide else second(va, b))
    return _by_complex_bodies((s, a, b), lambda: values(complex_product_plain, complex_product_plain),
                              lambda: values(complex_product_fused, complex_product_fused),
                              lambda: values(complex_product_fused, complex_product_plain))


def complex_lerp(s, e, w):
    """lerp of complex arrays (w: an array or a number) as its kernel computes it (measured): s + w * (e - s) where
    |w| < 0.5, else e - (e - s) * (1 - w), the product rounded part by part in the vector body
    (Vectorized's fmadd), fused in the scalar body; complex64's vector body chooses each pair's branch by the
    weight of its first element (in the walk's order)."""
    s, e, w = np.broadcast_arrays(*(np.asarray(x, np.result_type(s, e)) for x in (s, e, w)))

    def values(product, paired=False):
        d = e - s
        small = np.abs(w) < 0.5
        walk = _complex_walk(s, e) if paired and s.dtype == np.complex64 and s.size else None
        if walk is not None:
            perm = walk[0]
            flat = small.transpose(perm).reshape(-1).copy()
            flat[1::2] = flat[0::2][:flat[1::2].size]
            small = flat.reshape([s.shape[k] for k in perm]).transpose(np.argsort(perm))
        with np.errstate(all="ignore"):
            return np.where(small, s + product(w, d), e - product(d, 1 - w))
    return _by_complex_bodies((s, e), lambda: values(complex_product_plain, True),
                              lambda: values(complex_product_fused))


def complex_pow_small(x, exponent):
    """x ** 2, x ** 3 or x ** -2 of a complex array as pow_tensor_scalar_optimized_kernel computes it (measured): x * x,
    x * x * x, 1 / (x * x) with the products rounded part by part in the vector body (pow's kernel is registered for
    AVX-512 too: this CPU's width) and fused in the scalar body, complex64's x * x * x past its whole fours fused
    then plain; the division c10::complex's."""
    def values(first, second):
        sq = first(x, x)
        if exponent == 2:
            return sq
        return second(sq, x) if exponent == 3 else c10_complex_div(np.ones_like(sq), sq)
    return _by_complex_bodies((x, x), lambda: values(complex_product_plain, complex_product_plain),
                              lambda: values(complex_product_fused, complex_product_fused),
                              (lambda: values(complex_product_fused, complex_product_plain)) if exponent == 3 else None,
                              floats=None)


def complex_tanh_sigmoid_backward(g, y, sigmoid):
    """tanh_backward (g * conj(1 - y * y)) or sigmoid_backward (g * conj((1 - y) * y)) of complex arrays as their
    kernels compute them (measured): the products rounded part by part in the vector body (the kernels are
    registered for AVX-512 too: this CPU's width), fused in the scalar body, complex64's past its whole fours the
    inner product fused and the outer plain (the scalar body's pairs and fours are not all known: fused taken)."""
    g, y = np.broadcast_arrays(*(np.asarray(x, np.result_type(g, y)) for x in (g, y)))
    one = y.dtype.type(1)

    def values(inner, outer):
        with np.errstate(all="ignore"):
            return outer(g, np.conj(inner(one - y, y) if sigmoid else one - inner(y, y)))
    return _by_complex_bodies((g, y), lambda: values(complex_product_plain, complex_product_plain),
                              lambda: values(complex_product_fused, complex_product_fused),
                              lambda: values(complex_product_fused, complex_product_plain), floats=None)


def _by_complex_bodies(operands, vector, scalar, rest=None, floats=8):
    """The values of an elementwise kernel over broadcast complex operands: vector() on each range's whole
    two-vector chunks, scalar() past them (complex64's past its whole fours: rest(), where given) and on rows whose
    elements are apart; vector() everywhere where the walk is not known (as complex_multiply's, over each pair of operands). floats: the
    kernel's vector width in floats (AVX2's 8; None: this CPU's, for a kernel registered for AVX-512 too)."""
    if compiled is None or not operands[0].size or _vector_lanes() is None:
        return vector()
    walk = _complex_walk(*operands[:2])
    if walk is None and all(x.ndim and x.strides[-1] not in (0, x.itemsize) for x in operands):
        return scalar()  # (strided rows: the scalar loop, fused throughout)
    values = vector()
    if walk is None or any(_complex_walk(x, y) != walk for x, y in zip(operands[1:], operands[2:])):
        return values
    perm, ranges, _ = walk
    chunk = 2 * min(_vector_lanes(), floats or _vector_lanes()) * 4 // values.itemsize
    kinds = np.zeros(values.size, np.int8)  # (0 vector body, 1 scalar, 2 scalar past the fours)
    for begin, end in ranges:
        start = begin + (end - begin) // chunk * chunk
        kinds[start:end] = 1
        if values.dtype == np.complex64 and rest is not None:
            kinds[start + (end - start) // 4 * 4:end] = 2
    bodies = [values, scalar()] + ([rest()] if rest is not None else [])
    result = np.choose(kinds, [x.transpose(perm).reshape(-1) for x in bodies])
    return result.reshape([values.shape[d] for d in perm]).transpose(np.argsort(perm))


def _strided_complex64(*operands):
    """Complex64 operands whose rows all have their elements apart: the scalar loop, pair by pair never (where
    the output is an operand, the compiler's code for it leaves the products unfused)."""
    return operands[0].dtype == np.complex64 and all(x.ndim and x.strides[-1] not in (0, x.itemsize)
                                                     for x in operands)


def _complex_walk(a, b):
    """(the walk's dim order, its ranges, whether an operand is a number to the loop) of a binary elementwise loop
    over broadcast complex a and b: one dense layout (or a broadcast number) walked in memory order, each thread a
    range; else rows of a C-ordered broadcast whose last dim each operand steps through or repeats, each row (of a
    thread's share) a range; None otherwise."""
    itemsize = a.itemsize
    if not any(a.strides) or not any(b.strides) or a.strides == b.strides:
        walked = b if not any(a.strides) else a
        perm = sorted(range(walked.ndim), key=lambda d: -walked.strides[d])
        if walked.transpose(perm).flags.c_contiguous:
            return perm, _thread_ranges(a.size, num_threads()), not any(a.strides) or not any(b.strides)
    if a.ndim < 2 or any(v.strides[-1] not in (0, itemsize) for v in (a, b)):
        return None
    n = a.shape[-1]
    ranges = [(max(r, begin), min(r + n, end)) for begin, end in _thread_ranges(a.size, num_threads())
              for r in range(begin // n * n, end, n)]  # (a thread's share cut at rows)
    return list(range(a.ndim)), ranges, 0 in (a.strides[-1], b.strides[-1])


def sleef_values(name, x):
    """SLEEF's own float32 or float64 value (the vector body's) of every element, where the compiled loops are built
    with it (and PyTorch's build has vectors); None otherwise."""
    if compiled is None or x.dtype not in FLOAT_DTYPES or _vector_chunk() is None:
        return None
    out = np.empty(x.shape, x.dtype)
    if x.dtype == np.float32 and hasattr(compiled, f"sleef_{name}f"):
        getattr(compiled, f"sleef_{name}f")(np.ascontiguousarray(x), out)
    elif hasattr(compiled, f"loop_{name}"):
        getattr(compiled, f"loop_{name}")(np.ascontiguousarray(x), out, x.size)
    else:
        return None
    return out


def _by_rows(x, out, scalar, chunk):
    """Rows with gaps between them, or a broadcast input: PyTorch's loop runs row by row (contiguous rows
    only), each row's whole two-vector chunks in the vector body, its end in the scalar one."""
    if x.ndim < 2 or x.strides[-1] != x.itemsize or x.size > min(GRAIN_SIZE, SCALAR_CALLS * 8):
        return out
    n = x.shape[-1]
    start = 0 if chunk is None else n // chunk * chunk
    if start == n:
        return out
    if (n - start) * (x.size // n) > SCALAR_CALLS:
        return out
    rows = np.ascontiguousarray(out).reshape(-1, n)
    values = x.reshape(-1, n)[:, start:]
    rows[:, start:] = _scalar_body(scalar, values.reshape(-1), x.dtype).reshape(values.shape)
    return rows.reshape(x.shape)


sinh = vector_and_scalar(via_double(np.sinh), "sinh")
cosh = vector_and_scalar(via_double(np.cosh), "cosh")
exp2 = vector_and_scalar(via_double(np.exp2), "exp2")
atanh = vector_and_scalar(via_double(np.arctanh), "atanh")


_TIE_MASK, _TIE = np.uint64(0x1FFFFFFF), np.uint64(0x10000000)  # a double on a float32 midpoint


def _fix_float32_ties(r, s, a, b, c):
    """Repair RN32(RN64(a*b+c)) where the float64 sum s sits exactly on a float32 midpoint.

    a*b of float32s is exact in float64, so s is off the true value only by the float64 rounding;
    double rounding can only go wrong when s is a float32 tie (results here never reach float32's
    subnormal range). There, the exact TwoSum error tells which way the true value lies."""
    tie = np.flatnonzero((s.view(np.uint64) & _TIE_MASK) == _TIE)
    if tie.size == 0:
        return
    a, b, c = (np.broadcast_to(np.asarray(v, np.float64), s.shape)[tie] for v in (a, b, c))
    p, t = a * b, s[tie]
    bp = t - p
    err = (p - (t - bp)) + (c - bp)
    toward = np.where(err > 0, np.inf, np.where(err < 0, -np.inf, t))
    r[tie] = np.nextafter(t, toward).astype(np.float32)


class Fma32:
    """float32 fma over float64 for one batch of lanes.

    In the fast mode every unrounded sum is kept, and `tied_lanes()` says afterwards which lanes
    met a float32 midpoint (about 1 in 40000 here); the caller recomputes those lanes in exact
    mode, which repairs each tie as it happens. Lanes without a tie are already exact."""

    def __init__(self, lanes, steps, exact):
        self.sums = np.empty((steps, lanes))
        self.used = 0
        self.exact = exact

    def __call__(self, a, b, c):
        s = self.sums[self.used]
        self.used += 1
        np.multiply(a, b, out=s, dtype=np.float64)
        np.add(s, c, out=s, dtype=np.float64)
        r = s.astype(np.float32)
        if self.exact:
            _fix_float32_ties(r, s, a, b, c)
        return r

    def tied_lanes(self):
        bits = self.sums[: self.used].view(np.uint64)
        np.bitwise_and(bits, _TIE_MASK, out=bits)
        tie = bits == _TIE
        return np.flatnonzero(tie.any(axis=0)) if tie.any() else NO_LANES


NO_LANES = np.empty(0, np.intp)


def fma(a, b, c):
    """a * b + c rounded once, as PyTorch's kernels compute the ops its compiler fuses (addcmul, lerp, add with
    alpha): exact for float32 (over double, ties repaired) and float64 (fma64); mixed dtypes round twice."""
    loop = getattr(compiled, "fma_scalar", None)
    if loop is not None and type(b) is np.float32 and type(a) is np.ndarray and type(c) is np.ndarray and \
            a.dtype == np.float32 and c.dtype == np.float32 and a.shape == c.shape and a.flags.c_contiguous and \
            c.flags.c_contiguous:  # (the optimizers' add_(x, alpha=...): the CPU's own fma, in one pass)
        out = np.empty(a.shape, np.float32)
        loop(a, float(b), c, out)
        return out
    a, b, c = np.asarray(a), np.asarray(b), np.asarray(c)
    if a.dtype == np.float32 and b.dtype == np.float32 and c.dtype == np.float32:
        s = np.add(np.multiply(a, b, dtype=np.float64), c, dtype=np.float64)  # the product is exact in double
        if not ((s.view(np.uint64) & _TIE_MASK) == _TIE).any():  # no double-rounding hazard: one rounding
            return s.astype(np.float32)
    a, b, c = np.broadcast_arrays(a, b, c)
    if a.dtype == np.float64 and b.dtype == np.float64 and c.dtype == np.float64:
        return fma64(a, b, c)
    if a.dtype != np.float32 or b.dtype != np.float32 or c.dtype != np.float32:
        return a * b + c
    flat = [np.ascontiguousarray(v).reshape(-1) for v in (a, b, c)]
    return Fma32(flat[0].size, 1, exact=True)(*flat).reshape(a.shape)


def vector_erf(x):
    """Vectorized<float>::erf (AVX2), float32 x: Abramowitz-Stegun 7.1.26 with fused multiply-adds (each rounded
    from double here) and SLEEF's exp (gelu's erf; float16's and bfloat16's torch.erf on every element)."""
    f = np.float32

    def fused(a, b, c):
        return (np.asarray(a, np.float64) * np.asarray(b, np.float64) + c).astype(f)
    p, p1, p2, p3, p4, p5 = (f(0.3275911), f(0.254829592), f(-0.284496736), f(1.421413741), f(-1.453152027),
                             f(1.061405429))
    ax = np.abs(x)
    t = (f(1) / fused(p, ax, f(1))).astype(f)
    r = fused(fused(fused(fused(p5, t, p4), t, p3), t, p2), t, p1)
    squares = -(x * x).astype(f)
    e = sleef_values("exp", squares)
    e = np.asarray(exp(contiguous(squares))) if e is None else e
    res = fused((-e * t).astype(f), r, f(1))
    return np.where(np.signbit(x), -res, res)


def fma_into(a, b, c):
    """c = a * b + c rounded once, written into c by the compiled loop (the optimizers' p.add_(x, alpha=...)):
    a and c C-contiguous float32 arrays of one size, b a float32 scalar; False, nothing written, where the loop
    cannot run (fma then computes the same values out of place)."""
    loop = getattr(compiled, "fma_scalar", None)
    if loop is None or type(b) is not np.float32 or a.dtype is not _F32 or c.dtype is not _F32 or \
            not (a.flags.c_contiguous and c.flags.c_contiguous):
        return False
    loop(a, float(b), c, c)  # (each element read before it is written: c may be the output)
    return True


_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_SPLIT = 134217729.0  # 2**27 + 1: Veltkamp's split of a double into two 26-bit halves


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _two_product(a, b):
    p = a * b
    t = _SPLIT * a
    ah = t - (t - a)
    t = _SPLIT * b
    bh = t - (t - b)
    al, bl = a - ah, b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def fma64(a, b, c):
    """float64 a * b + c rounded once (Boldo & Melquiond: the exact product and sum, the tail rounded to odd, then
    one rounding); measured equal to PyTorch's fused kernels on 600,000 inputs. Huge or non-finite operands, where
    the splitting overflows, round twice."""
    uh, ul = _two_product(a, b)
    th, tl = _two_sum(c, uh)
    v, e = _two_sum(tl, ul)
    odd = (e != 0) & ((v.view(np.int64) & 1) == 0)  # round to odd: an inexact even tail moves one ulp toward e
    if odd.any():
        v = np.where(odd, np.nextafter(v, np.where(e > 0, np.inf, -np.inf)), v)
    r = th + v
    # (an exact zero takes its sign from the plain sum: the splitting's +0 tails would turn -0 * x + -0 into +0)
    bad = ~np.isfinite(r) | (np.abs(a) > 1e290) | (np.abs(b) > 1e290) | (r == 0)
    return np.where(bad, a * b + c, r) if bad.any() else r


def contiguous(x, dtype=None):
    """np.ascontiguousarray that keeps a 0-dim array 0-dim (numpy's makes it 1-dim)."""
    return np.asarray(x, dtype=dtype, order="C")


def _half_in_float(kernel):
    """A backward kernel whose float16 operands PyTorch computes in float, rounding once (its reduced-float
    branch)."""
    def fn(g, y):
        if g.dtype == np.float16 and y.dtype == np.float16:
            return np.asarray(kernel(g.astype(np.float32), y.astype(np.float32))).astype(np.float16)
        return kernel(g, y)
    fn.__doc__ = kernel.__doc__
    return fn


def sigmoid_backward(g, y):
    """PyTorch's sigmoid_backward: g * (1 - y) * y, left to right."""
    out = _in_one_pass("sigmoid_backward", g, y)
    if out is not None:
        return out
    if g.dtype != y.dtype:
        return g * (1 - y) * y
    out = np.asarray(np.subtract(y.dtype.type(1), y))  # (an array even for a 0-dim y: written in place below)
    np.multiply(g, out, out=out)
    return np.multiply(out, y, out=out)


def relu_backward(g, y):
    """PyTorch's threshold_backward(grad, result, 0): `result <= 0 ? 0 : grad` (a NaN result passes grad on)."""
    out = _in_one_pass("relu_backward", g, y) if hasattr(compiled, "relu_backward") else None  # (older builds)
    return np.where(y <= 0, g.dtype.type(0), g) if out is None else out


@_half_in_float
def tanh_backward(g, y):
    """PyTorch's tanh_backward, g * (1 - y*y): its compiler fuses 1 - y*y into one multiply-add (float32: an exact
    square, one rounding, reproduced here in double, block by block; float64: the fma itself)."""
    out = _in_one_pass("tanh_backward", g, y)
    if out is not None:
        return out
    if y.dtype == np.float64 and g.dtype == np.float64:
        if compiled is not None and g.shape == y.shape and g.flags.c_contiguous and y.flags.c_contiguous:
            out = np.empty(g.shape, np.float64)
            compiled.tanh_backward(g, y, out)
            return out
        g, y = np.broadcast_arrays(g, y)
        return g * fma64(-y, y, np.ones_like(y))
    if y.dtype != np.float32 or g.dtype != np.float32:
        return g * (1 - y * y)
    if not (g.shape == y.shape and g.flags.c_contiguous and y.flags.c_contiguous):
        t = np.square(y, dtype=np.float64)
        np.subtract(1.0, t, out=t)
        return np.multiply(g, t, dtype=np.float32, casting="unsafe")
    out = np.empty(g.shape, np.float32)
    gf, yf, of = g.reshape(-1), y.reshape(-1), out.reshape(-1)
    buf = np.empty(min(BLOCK, yf.size), np.float64)
    for start in range(0, yf.size, BLOCK):
        stop = start + BLOCK
        t = buf[:yf[start:stop].size]
        np.square(yf[start:stop], out=t, dtype=np.float64)
        np.subtract(1.0, t, out=t)
        np.multiply(gf[start:stop], t, out=of[start:stop], dtype=np.float32, casting="unsafe")  # t rounded first
    return out


# ------------------------------------------------------------------ sum: PyTorch's cascade_sum, to the last bit
# aten/src/ATen/native/cpu/SumKernel.cpp accumulates float and double in their own precision, in an order
# fixed by the TensorIterator's dimension order, the CPU's vector width and, for large inputs, how the range is
# split between threads. Each step below reproduces one function of that file with whole-array numpy adds,
# which are exact IEEE operations, so the order (and so every bit) is PyTorch's.

GRAIN_SIZE = 32768  # at::internal::GRAIN_SIZE: below it, nothing runs in parallel
_cpu = {}


# Vectorized<T> as the sum kernel sees it: 32 bytes on every x86 build. The sum kernel is not registered for
# AVX512 (REGISTER_DISPATCH without ALSO_REGISTER_AVX512_DISPATCH), so AVX512 machines run the AVX2 one.
VECTOR_BYTES = 32


def vector_lanes(np_dtype):
    """Elements of np_dtype in one Vectorized<T> of the elementwise kernels: 32 bytes on every x86 build (even the
    one without vectors), as their REGISTER_DISPATCH runs the AVX2 kernel on AVX512 machines."""
    return VECTOR_BYTES // np.dtype(np_dtype).itemsize


def default_num_threads():
    """PyTorch's default intra-op thread count: OMP_NUM_THREADS or MKL_NUM_THREADS, else physical cores."""
    import os
    for var in ("MKL_NUM_THREADS", "OMP_NUM_THREADS"):
        try:
            n = int(os.environ.get(var, ""))
        except ValueError:
            continue
        if n > 0:
            return n
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    cores = set()
    for cpu in cpus:
        try:
            topo = f"/sys/devices/system/cpu/cpu{cpu}/topology/"
            with open(topo + "core_id") as a, open(topo + "physical_package_id") as b:
                cores.add((a.read().strip(), b.read().strip()))
        except OSError:
            return len(cpus) or 1
    return len(cores) or 1


def num_threads():
    """torch.get_num_threads(): the split of large reductions depends on it."""
    if _cpu.get("threads") is None:
        if "default" not in _cpu:
            _cpu["default"] = default_num_threads()
        return _cpu["default"]
    return _cpu["threads"]


def set_num_threads(n):
    """n threads from now on; None: PyTorch's default for this machine."""
    _cpu["threads"] = n


def _ceil_log2(x):
    return 1 if x <= 2 else (x - 1).bit_length()


def _seq(a, axis):
    """((0 + a[0]) + a[1]) + ... along axis: one left-to-right accumulator per lane (a sum started at +0 is
    never -0, hence the final + 0)."""
    if a.shape[axis] == 0:
        return np.zeros(a.shape[:axis] + a.shape[axis + 1:], a.dtype)
    if a.size <= 8192 or a.shape[axis] > 64:  # numpy accumulates slowly across strides: few long adds instead
        return np.add.accumulate(a, axis=axis).take(-1, axis=axis) + a.dtype.type(0)
    moved = np.moveaxis(a, axis, 0)
    acc = np.zeros(moved.shape[1:], a.dtype)
    for r in moved:
        acc += r
    return acc


def _view(flat, offset, shape, strides):
    """A view of the contiguous 1-D array flat: element offset, shape and element strides (pointer arithmetic)."""
    item = flat.itemsize
    return np.ndarray(shape, flat.dtype, flat, offset * item, [s * item for s in strides])


def _multi_row_sum(a):
    """multi_row_sum: a is (batch, rows, lanes); four levels of accumulators over the rows, per lane: blocks of
    `step` rows summed, block sums gathered `step` at a time into level 2, those into level 3, the rest into 4."""
    batch, size, lanes = a.shape
    step = 1 << max(4, _ceil_log2(size) // 4)
    nb = size // step
    acc1 = acc2 = acc3 = 0
    if nb:
        sums = _seq(a[:, :nb * step].reshape(batch, nb, step, lanes), 2)
        n1 = nb // step
        acc1 = _seq(sums[:, n1 * step:], 1)
        if n1:
            level1 = _seq(sums[:, :n1 * step].reshape(batch, n1, step, lanes), 2)
            n2 = n1 // step
            acc2 = _seq(level1[:, n2 * step:], 1)
            if n2:
                acc3 = _seq(_seq(level1[:, :n2 * step].reshape(batch, n2, step, lanes), 2), 1)
    return ((_seq(a[:, nb * step:], 1) + acc1) + acc2) + acc3


def _row_sum(a):
    """row_sum: a is (batch, rows, lanes); rows dealt round-robin to four accumulators (ILP), then combined."""
    batch, size, lanes = a.shape
    n = size // 4
    partial = _multi_row_sum(a[:, :n * 4].reshape(batch, n, 4 * lanes)).reshape(batch, 4, lanes)
    p0 = partial[:, 0]
    for i in range(n * 4, size):
        p0 += a[:, i]
    for k in (1, 2, 3):
        p0 += partial[:, k]
    return p0


def _inner_sum(rows, vec):
    """vectorized_inner_sum: each contiguous row (of at least vec) as vectors, then its scalar tail, then lanes."""
    nvec = rows.shape[1] // vec
    lanes = _row_sum(rows[:, :nvec * vec].reshape(len(rows), nvec, vec))
    return _seq(np.concatenate((rows[:, nvec * vec:], lanes), axis=1), 1)


def _sum_block(flat, out, in_off, out_off, size0, size1, s_in, s_out, vec, rounding=None):
    """cascade_sum's 2-D loop body: size1 rows of size0 elements, accumulated into `out` (flat); rounding: each
    store's into a reduced-precision output (CastStoreAccumulate of a half/bfloat16 out)."""
    (in0, in1), (out0, out1) = s_in, s_out
    if rounding is not None:
        def _store(out, off, stride, values):
            _store_rounded(out, off, stride, values, rounding)
    else:
        _store = _store_sum
    if compiled is not None and rounding is None:  # the same order lane by lane, in one pass (_ckernels_sum.h)
        return compiled.sum_block(flat, out, in_off, out_off, size0, size1, in0, in1, out0, out1, vec)
    if out0 != 0 and out1 == 0:  # move the reduction to the first dimension
        size0, size1, in0, in1, out0, out1 = size1, size0, in1, in0, out1, out0
    if out0 != 0 and out1 != 0:  # not a reduction at all: out = out + in, element by element
        o = _view(out, out_off, (size1, size0), (out1, out0))
        o += _view(flat, in_off, (size1, size0), (in1, in0))
        return
    if in0 == 1 and size0 >= vec:
        _store(out, out_off, out1, _inner_sum(_view(flat, in_off, (size1, size0), (in1, 1)), vec))
    elif in1 == 1 and size1 >= vec:  # vectorized_outer_sum: columns contiguous, reduced down the rows
        j = 0
        while j + 4 * vec <= size1:
            cols = _view(flat, in_off + j, (1, size0, 4 * vec), (0, in0, 1))
            _store(out, out_off + j * out1, out1, _multi_row_sum(cols)[0])
            j += 4 * vec
        while j + vec <= size1:
            _store(out, out_off + j * out1, out1, _row_sum(_view(flat, in_off + j, (1, size0, vec), (0, in0, 1)))[0])
            j += vec
        if j < size1:
            rest = _view(flat, in_off + j, (size1 - j, size0, 1), (1, in0, 1))
            _store(out, out_off + j * out1, out1, _row_sum(rest)[:, 0])
    elif in0 < in1:  # scalar_inner_sum
        _store(out, out_off, out1, _row_sum(_view(flat, in_off, (size1, size0, 1), (in1, in0, 1)))[:, 0])
    else:  # scalar_outer_sum: four columns at a time, then the rest one by one
        j = 0
        while j + 3 < size1:
            cols = _view(flat, in_off + j * in1, (1, size0, 4), (0, in0, in1))
            _store(out, out_off + j * out1, out1, _multi_row_sum(cols)[0])
            j += 4
        if j < size1:
            rest = _view(flat, in_off + j * in1, (size1 - j, size0, 1), (in1, in0, 1))
            _store(out, out_off + j * out1, out1, _row_sum(rest)[:, 0])


def _store_sum(out, off, stride, values):
    """CastStoreAccumulate: *out += value, for consecutive outputs `stride` apart (all into one if stride is 0)."""
    if stride == 0:
        out[off] = np.add.accumulate(np.concatenate((out[off:off + 1], values)))[-1]
    else:
        o = out[off:off + stride * (len(values) - 1) + 1:stride]
        o += values


def _store_rounded(out, off, stride, values, rounding):
    """_store_sum into an output of reduced precision: each row's sum rounded to it, then added to what the output
    holds and rounded again (measured)."""
    values = rounding(np.asarray(values, np.float32))
    if stride == 0:
        for v in values.reshape(-1):
            out[off] = rounding(np.float32(out[off] + v))
    else:
        o = out[off:off + stride * (len(values) - 1) + 1:stride]
        o[...] = rounding(o + values)


def dim_order(shape, ops, reduction=False):
    """TensorIterator's reorder_dimensions: dims fastest first, by the operands' strides (output first; a
    reduction's output puts its reduced, zero-stride dims first); ties keep the order, smaller size first."""
    def should_swap(d0, d1):
        for i, st in enumerate(ops):
            s0, s1 = st[d0], st[d1]
            if reduction and i == 0 and (s0 == 0) != (s1 == 0):
                return 1 if s1 == 0 else -1
            if s0 == 0 or s1 == 0:
                continue
            if s0 != s1:
                return -1 if s0 < s1 else 1
            if shape[d0] > shape[d1]:
                return 1
        return 0

    return insertion_order(len(shape), should_swap)


def insertion_order(ndim, should_swap):
    """The dims fastest first by PyTorch's insertion sort (TensorIterator's reorder_dimensions, prims'
    compute_elementwise_output_logical_to_physical_perm), which swaps only where should_swap(d0, d1) > 0 and stops
    where it is < 0: an ambiguous comparison (0) moves on without swapping."""
    perm = list(reversed(range(ndim)))
    for i in range(1, len(perm)):
        d1 = i
        for d0 in range(i - 1, -1, -1):
            c = should_swap(perm[d0], perm[d1])
            if c > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif c < 0:
                break
    return perm


def _reduction_order(shape, in_strides, reduced):
    """TensorIterator's dim order for a reduction (fastest first: reduced dims, then by stride) and its operands'
    element strides (output, input); the output is contiguous, its reduced dims stride 0."""
    out_strides, acc = [0] * len(shape), 1
    for d in reversed(range(len(shape))):
        if d not in reduced:
            out_strides[d] = acc
            acc *= shape[d]
    ops = (out_strides, list(in_strides))
    return dim_order(shape, ops, reduction=True), ops


def _iteration(shape, in_strides, reduced):
    """TensorIterator for a reduction: dims ordered (reduced first, then by stride) and coalesced, fastest first.
    Returns sizes and (input, output) element strides per dim; the output is contiguous, reduced dims stride 0."""
    perm, ops = _reduction_order(shape, in_strides, reduced)
    sizes = [shape[d] for d in perm]
    strides = [[st[d] for d in perm] for st in ops]
    if not sizes:
        return [1], [0], [0]
    prev = 0
    for d in range(1, len(sizes)):
        if sizes[prev] == 1 or sizes[d] == 1 or all(sizes[prev] * st[prev] == st[d] for st in strides):
            if sizes[prev] == 1:
                for st in strides:
                    st[prev] = st[d]
            sizes[prev] *= sizes[d]
        else:
            prev += 1
            if prev != d:
                for st in strides:
                    st[prev] = st[d]
                sizes[prev] = sizes[d]
    n = prev + 1
    return sizes[:n], strides[1][:n], strides[0][:n]


def _for_each(flat, out, sizes, s_in, s_out, begin, end, vec, in_base=0, out_base=0, block=None):
    """serial_for_each over the linear range [begin, end) with a DimCounter: a partial first row, then 2-D blocks,
    each given to block (cascade_sum's by default)."""
    block = block or _sum_block
    if len(sizes) == 1:
        sizes, s_in, s_out = sizes + [1], s_in + [0], s_out + [0]
    if len(sizes) == 2 and begin == 0 and end == sizes[0] * sizes[1]:   # the whole of a 2-D loop: one block
        return block(flat, out, in_base, out_base, sizes[0], sizes[1], s_in, s_out, vec)
    values, rest = [0] * len(sizes), begin
    for d, size in enumerate(sizes):
        if size > 0:
            values[d], rest = rest % size, rest // size
    offset = begin
    while offset < end:
        step0 = min(sizes[0] - values[0], end - offset)
        step1 = min(sizes[1] - values[1], (end - offset) // sizes[0]) if step0 == sizes[0] else 1
        block(flat, out, in_base + sum(v * s for v, s in zip(values, s_in)),
              out_base + sum(v * s for v, s in zip(values, s_out)), step0, step1, s_in[:2], s_out[:2], vec)
        offset += step0 * step1
        i, overflow = (1, step1) if step1 != 1 else (0, step0)
        while i < len(sizes) and overflow > 0:
            value = values[i] + overflow
            overflow = 1 if value >= sizes[i] else 0
            values[i] = value - sizes[i] if overflow else value
            i += 1


def _parallel_dim_sum(flat, out, sizes, s_in, s_out, threads, vec):
    """parallel_dim_reduction: the outputs' largest dimension shared out between threads (in 128-byte columns)."""
    dim = len(sizes) - 1
    for d in range(dim - 1, -1, -1):
        if s_out[d] != 0 and sizes[d] > sizes[dim]:
            dim = d
    cols = sizes[dim]
    used = min(threads, cols)
    chunk = -(-cols // used)
    for tid in range(used):
        begin, end = tid * chunk, min(cols, (tid + 1) * chunk)
        if begin >= cols:
            continue
        if s_in[dim] == 1:
            multiple = 128 * vec // VECTOR_BYTES  # (128 bytes of elements: vec elements fill a vector)
            begin -= begin % multiple
            end -= end % multiple if end != cols else 0
        if begin < end:
            narrowed = sizes[:dim] + [end - begin] + sizes[dim + 1:]
            _for_each(flat, out, narrowed, s_in, s_out, 0, int(np.prod(narrowed)), vec,
                      begin * s_in[dim], begin * s_out[dim])


def _dense_sum(v, vec=None):
    """The sum of one contiguous 1-D run, as the 2-D loop sums one row (with fewer numpy calls); vec: the lanes of
    a vector when they are not v's own (a complex part's: its complex numbers')."""
    n, own = v.size, VECTOR_BYTES // v.itemsize
    vec = vec or own
    if compiled is not None and v.flags.c_contiguous and vec == own:
        return v.dtype.type(compiled.dense_sum(v))
    if n >= vec:
        return _inner_sum(v[None], vec)[0]
    zero = v.dtype.type(0)  # scalar_inner_sum's row_sum, on scalars: four accumulators, the tail into the first
    p = [zero + x for x in v[:4]] if n >= 4 else [zero] * 4
    for x in v[4 if n >= 4 else 0:]:
        p[0] = p[0] + x
    return ((p[0] + p[1]) + p[2]) + p[3]


def _run_sum(flat, threads, vec=None):
    """The sum of a whole dense tensor laid out as the 1-D run `flat` (vec: as _dense_sum's)."""
    numel = flat.size
    if numel < GRAIN_SIZE or threads == 1:
        return _dense_sum(flat, vec)
    partials = np.zeros(threads, flat.dtype)  # two_pass_reduction: one partial per thread, then the partials summed
    for tid, (begin, end) in enumerate(_thread_ranges(numel, threads)):
        partials[tid] = _dense_sum(flat[begin:end], vec)
    return _dense_sum(partials, vec)


def sum_all(x):
    """All of float32/float64 x summed as PyTorch sums it, as a 0-d array; None unless x is C-contiguous and
    non-empty (cascade_sum takes every other case)."""
    if not x.flags.c_contiguous or x.size == 0:
        return None
    return np.array(_run_sum(x.reshape(-1), num_threads()))


def log_softmax(x, axis):
    """PyTorch's float32/float64 log_softmax kernels, bit for bit: x - max - log(sum exp(x - max)) with SLEEF's exp and
    log, the sums in its order (along another dimension: columns in chunks that fit 128 KB, whole vectors of
    each chunk with SLEEF's exp, the rest with the C library's). None where the compiled loops cannot do it."""
    lanes = _softmax_lanes(x)
    if lanes is None:
        return None
    x = np.ascontiguousarray(x)
    out = np.empty_like(x)
    dim = x.shape[axis]
    if axis == x.ndim - 1:
        compiled.log_softmax_rows(x.reshape(-1), out.reshape(-1), dim, lanes)
    else:
        inner = x.size // (dim * int(np.prod(x.shape[:axis], dtype=np.int64)))
        compiled.log_softmax_columns(x.reshape(-1), out.reshape(-1), dim, inner, lanes,
                                     _softmax_chunk(dim, lanes, x.itemsize))
    return out


def _column_scalar_mask(outer, inner, step):
    """Which of the outer * inner columns of a softmax over a dim other than the last PyTorch's reduced-float
    kernel (_vec_softmax) computes one by one: its parallel_for (grain 1: every thread takes a share) walks each
    thread's range in whole vectors of `step` columns where they fit within both the row and the range."""
    mask = np.ones(outer * inner, bool)
    for begin, end in _thread_ranges(outer * inner, num_threads(), 1):
        idx = begin
        while idx < end:
            inner_idx = idx % inner
            if inner_idx + step <= inner and idx + step <= end:
                mask[idx:idx + step] = False
                idx += step
            else:  # one by one to the end of the row or of the range
                idx = min(end, idx - inner_idx + inner) if inner_idx + step > inner else end
    return mask


def reduced_softmax(x, axis, log, rounding):
    """softmax or log_softmax of float16/bfloat16 values (float32 x; `rounding` to the dtype, the result left in
    float32) as PyTorch's reduced-float kernels round: log_softmax along the last dim keeps the sum of exp(x - max)
    and its log in the dtype (x - max - round(log(round(sum)))); along another dim it is x - max - log(sum) in float.
    softmax along another dim: exp(x - max) / sum in float on the columns its vectors take (32 of them), the exp
    rounded to the dtype first on the others; along the last dim, the float kernel rounded once."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        shifted = x - np.max(x, axis=axis, keepdims=True)
        e = np.exp(shifted)
        total = np.sum(e, axis=axis, keepdims=True, dtype=np.float32)
        if log:
            last = axis == x.ndim - 1
            return shifted - (rounding(np.log(rounding(total))) if last else np.log(total))
        if axis == x.ndim - 1:
            return None
        out = e / total
        moved = np.moveaxis(out, axis, 0)  # (dim, outer..., inner...): the columns in C order
        dim = x.shape[axis]
        inner = int(np.prod(x.shape[axis + 1:], dtype=np.int64))
        lanes = _vector_lanes()  # (a vector of the CPU's width: this kernel is registered for AVX-512 too)
        mask = _column_scalar_mask(x.size // (dim * inner), inner, lanes * 2 if lanes else x.size + 1)
        if mask.any():
            scalar = np.moveaxis(rounding(e) / total, axis, 0)
            flat, sflat = moved.reshape(dim, -1), scalar.reshape(dim, -1)
            flat[:, mask] = sflat[:, mask]
            out = np.moveaxis(flat.reshape(moved.shape), 0, axis)
        return out


def softmax_backward(g, y, axis, log):
    """PyTorch's float32/float64 gradient of softmax (log=False) or log_softmax: (g - sum g*y) * y, or g - exp(y) * sum g
    in one fused multiply-add, with the sums taken as its kernels take them (along the last dimension and along
    another differ). None where the compiled loops cannot do it (the caller's formula runs instead)."""
    lanes = _softmax_lanes(y) if g.dtype == y.dtype else None
    if lanes is None:
        return None
    g, y = np.ascontiguousarray(g), np.ascontiguousarray(y)
    out = np.empty_like(y)
    dim = y.shape[axis]
    if axis == y.ndim - 1:
        compiled.softmax_backward_rows(g.reshape(-1), y.reshape(-1), out.reshape(-1), dim, lanes, log)
    else:
        inner = y.size // (dim * int(np.prod(y.shape[:axis], dtype=np.int64)))
        compiled.softmax_backward_rows(g.reshape(-1), y.reshape(-1), out.reshape(-1), dim, lanes, log, inner,
                                       _softmax_chunk(dim, lanes, y.itemsize))
    return out


def _softmax_chunk(dim, lanes, itemsize):
    """Columns per block of PyTorch's kernels along a dimension other than the last: 128 KB of rows, whole
    vectors."""
    return max(128 * 1024 // dim // itemsize, lanes) // lanes * lanes


def norm2_rows(x):
    """The 2-norm of each row (last dimension) of float32/float64 x as PyTorch's lastdim kernel takes it: squares
    added into the lanes of a 32-byte vector (each product rounded), the lanes added left to right, then the
    ragged end as its compiler built that loop (measured): four squares rounded and added when at least four
    remain (float32 only has such ends), the rest each in one fused multiply-add; then the square root."""
    x = np.ascontiguousarray(x)
    rows = x.reshape(int(np.prod(x.shape[:-1])), x.shape[-1]) if x.ndim else x.reshape(1, 1)
    n, width = rows.shape[1], 32 // x.itemsize
    whole = n - n % width
    lanes = np.zeros((rows.shape[0], width), x.dtype)
    for start in range(0, whole, width):
        block = rows[:, start:start + width]
        lanes += block * block
    total = lanes[:, 0].copy()
    for j in range(1, width):
        total += lanes[:, j]
    fused_from = whole + 4 if n - whole >= 4 else whole
    for j in range(whole, fused_from):
        total += rows[:, j] * rows[:, j]
    for j in range(fused_from, n):  # fma(v, v, total)
        v = rows[:, j]
        if x.dtype == np.float32:
            total = _fma32_square(v.astype(np.float64), total)
        else:
            total = fma64(v, v, total)
    return np.sqrt(total).reshape(x.shape[:-1])


def vector_norm(x, p, axes, keepdim, vectorized=True):
    """The p-norm (p not 0 or inf) of float x over axes as PyTorch's norm kernel takes it: the 2-norm by the
    lastdim kernel (norm2_rows) where the reduced dims coalesce into one contiguous run (is_reduce_lastdim; not
    for float16: vectorized False), every other case by the sequential reduction in the iterator's order (the
    reduced dims by their strides, fastest first)."""
    perm, _ = _reduction_order(x.shape, [st // x.itemsize for st in x.strides], set(axes))
    ordered = [d for d in reversed(perm) if d in axes]  # slowest first, as a flattening reads them
    if p == 2 and vectorized and x.size:
        sizes, s_in, s_out = _iteration(x.shape, [st // x.itemsize for st in x.strides], set(axes))
        if s_out.count(0) == 1 and s_out[0] == 0 and s_in[0] == 1:
            kept = [d for d in range(x.ndim) if d not in axes]
            rows = np.transpose(x, kept + ordered)
            total = norm2_rows(rows.reshape(rows.shape[:len(kept)] + (-1,)))
            return np.array(total.reshape([1 if d in axes else x.shape[d] for d in range(x.ndim)] if keepdim
                                          else total.shape), order="C")
    return norm_sequential(x, p, ordered, keepdim)

def _fma32_square(v, total):
    """float32 fma(v, v, total) for float32 values v (as float64) and total: exact unless the double sum lands
    on a float32 midpoint, which the exact remainder resolves."""
    s = v * v + total.astype(np.float64)
    r = s.astype(np.float32)
    tie = np.flatnonzero((s.view(np.uint64) & np.uint64(0x1FFFFFFF)) == np.uint64(0x10000000))
    if tie.size:
        p, t = v[tie] * v[tie], s[tie]
        c = total[tie].astype(np.float64)
        bp = t - p
        err = (p - (t - bp)) + (c - bp)
        r[tie] = np.nextafter(t, np.where(err > 0, np.inf, np.where(err < 0, -np.inf, t))).astype(np.float32)
    return r


def prod(x, dim, keepdim, rounding=None):
    """prod of float x over dim (None: all) as PyTorch's binary_kernel_reduce_vec takes it in the iterator's 2-D
    blocks (_prod_block); a single output of GRAIN_SIZE elements or more per thread's range, the partials then
    multiplied in turn. float16 x rounds each product (numpy's half arithmetic, c10::Half's); bfloat16 values come
    as float32 x with `rounding` to bfloat16 after each product. None for other dtypes."""
    if x.dtype.kind == "c":
        return _complex_prod(x, dim, keepdim)
    if x.dtype not in (np.float16, np.float32, np.float64) or x.size == 0:
        return None
    item = x.itemsize
    mul = np.multiply if rounding is None else lambda a, b: rounding(a * b)
    lanes = 32 // (2 if rounding is not None else item)  # (an AVX2 vector of the dtype's elements)

    def block(*args):
        _prod_block(*args, mul=mul, lanes=lanes)
    axes = set(range(x.ndim)) if dim is None else {dim}
    sizes, s_in, s_out = _iteration(x.shape, [st // item for st in x.strides], axes)
    extent = 1 + sum((n - 1) * st // item for n, st in zip(x.shape, x.strides))
    flat = x.reshape(-1) if x.flags.c_contiguous else np.lib.stride_tricks.as_strided(x, (extent,), (item,))
    keep = [1 if d in axes else n for d, n in enumerate(x.shape)]
    out = np.ones(math.prod(keep), x.dtype)
    threads = num_threads()
    if out.size == 1 and x.size >= GRAIN_SIZE and threads > 1:  # two_pass_reduction
        partials = np.ones(threads, x.dtype)
        for tid, (begin, end) in enumerate(_thread_ranges(x.size, threads)):
            _for_each(flat, partials[tid:tid + 1], sizes, s_in, s_out, begin, end, 0, block=block)
        out = _prod_runs(partials[None], mul=mul, lanes=lanes)
    else:
        _for_each(flat, out, sizes, s_in, s_out, 0, x.size, 0, block=block)
    return out.reshape(keep if keepdim else [n for d, n in enumerate(x.shape) if d not in axes])


def _prod_block(flat, out, in_off, out_off, size0, size1, s_in, s_out, vec, mul, lanes):
    """binary_kernel_reduce_vec's 2-D loop with multiplication (mul): a reduced dim contiguous in memory by
    vectorized_inner_reduction, row by row into its output; any other, each output's elements one after another
    (vectorized_outer_reduction's columns start from the output's 1, so they multiply in the same order)."""
    (in0, in1), (out0, out1) = s_in, s_out
    rows = _view(flat, in_off, (size1, size0), (in1, in0))
    if out0 == 0 and in0 == 1:
        if out1 == 0:
            for row in rows:
                out[out_off] = _prod_runs(row[None], out[out_off:out_off + 1], mul, lanes)[0]
        else:
            o = out[out_off:out_off + out1 * (size1 - 1) + 1:out1]
            o[...] = _prod_runs(rows, o.copy(), mul, lanes)
        return
    o = _view(out, out_off, (size1, size0), (out1, out0))
    if out0 == 0 and out1 == 0:
        if mul is np.multiply:
            out[out_off] = mul.accumulate(np.concatenate((out[out_off:out_off + 1], rows.reshape(-1))))[-1]
        else:
            for v in rows.reshape(-1):
                out[out_off] = mul(out[out_off], v)
        return
    for j in range(size0):
        o[:, j] = mul(o[:, j], rows[:, j])


def complex_product_plain(a, b):
    """a * b of complex arrays with each product rounded (the vector body's `ac - bd`, `ad + bc`)."""
    out = np.empty(np.broadcast_shapes(np.shape(a), np.shape(b)), np.result_type(a, b))
    with np.errstate(all="ignore"):
        out.real, out.imag = a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real
    return out


def complex_product_fused(a, b):
    """a * b of complex arrays as the compiler fuses c10::complex's scalar `*`: fma(ar, br, -(ai bi)) and
    fma(ar, bi, ai br), each rounded once."""
    a, b = np.broadcast_arrays(np.asarray(a), np.asarray(b))
    out = np.empty(a.shape, np.result_type(a, b))
    with np.errstate(all="ignore"):
        out.real = fma(a.real, b.real, -(a.imag * b.imag))
        out.imag = fma(a.real, b.imag, a.imag * b.real)
    return out


def _complex_prod(x, dim, keepdim):
    """prod of complex x over all of it (contiguous) or its last dim (contiguous rows), else None, as
    vectorized_inner_reduction takes each row: whole blocks of four AVX2 vectors multiplied lane by lane (each
    product rounded) and folded, the folded vector's lanes and then the rest multiplied one by one in the scalar
    body's fused products (4 complex64 or 2 complex128 lanes). Measured: complex128 and rows below one block exact;
    complex64 blocks still differ in some last bits (about one row in four). One thread's walk: below GRAIN_SIZE."""
    whole = dim is None or not x.ndim
    if x.size == 0 or x.size >= GRAIN_SIZE or not (x.flags.c_contiguous if whole else dim in (x.ndim - 1, -1) and (
            x.strides[-1] == x.itemsize or x.shape[-1] == 1)):
        return None  # (each row contiguous, apart or not: one inner reduction each)
    rows = x.reshape(1, -1) if whole else x.reshape(-1, x.shape[-1])
    out = _prod_runs(rows, mul=complex_product_fused, lanes=32 // x.itemsize, vector_mul=complex_product_plain)
    shape = [1] * x.ndim if dim is None else list(x.shape[:-1]) + [1]
    return out.reshape(shape if keepdim else [] if dim is None else x.shape[:-1])


def _prod_runs(rows, out=None, mul=np.multiply, lanes=None, vector_mul=None):
    """vectorized_inner_reduction with multiplication, on each row of a 2-D array, into out (ones by default): four
    vectors of `lanes` accumulated, folded, their lanes multiplied in turn, then the rest one by one."""
    lanes = lanes or 32 // rows.itemsize
    vmul = vector_mul or mul  # (the vectors' own multiply, where it is not the scalar body's)
    block = 4 * lanes
    count = rows.shape[1] // block
    out = np.ones(rows.shape[0], rows.dtype) if out is None else out
    if count:
        acc = rows[:, :block].reshape(-1, 4, lanes).copy()
        for i in range(1, count):
            acc = vmul(acc, rows[:, i * block:(i + 1) * block].reshape(-1, 4, lanes))
        folded = vmul(vmul(acc[:, 0], acc[:, 1]), vmul(acc[:, 2], acc[:, 3]))
        total = folded[:, 0].copy()
        for j in range(1, lanes):  # (reduction128 stores the folded vector: its lanes in the scalar body)
            total = mul(total, folded[:, j])
        out = mul(out, total)
    for i in range(count * block, rows.shape[1]):
        out = mul(out, rows[:, i])
    return out


def small_bmm(a, b):
    """a @ b for two batches of matrices as ATen's bmm computes it when contraction * rows * cols < 400: its own
    loop (baddbmm_cpu_kernel), each product rounded and added in turn to a sum started at zero. None elsewhere."""
    if a.ndim != 3 or b.ndim != 3 or a.dtype != b.dtype or a.dtype not in (np.float32, np.float64):
        return None
    k = a.shape[2]
    if k * a.shape[1] * b.shape[2] >= 400:
        return None
    out = np.zeros((a.shape[0], a.shape[1], b.shape[2]), a.dtype)
    for p in range(k):
        out += a[:, :, p:p + 1] * b[:, p:p + 1, :]
    return out


def intel_matmul(a, b, c=None, mv=False):
    """float32 or float64 a @ b (+ c, addmm's bias) as MKL's gemm computes it on Intel CPUs (measured on a Xeon
    with AVX-512 under PyTorch 2.13): fused multiply-adds in order from zero, over blocks of the inner dimension k
    (one up to 384, two halves (the larger first) up to 768, blocks of 384 before those beyond), the blocks added
    in order onto c. Bit for bit where measured (tests/engine/test_linear_orders.py): 2+ rows and 2+ columns with b
    row-major, 16+ rows (float64: 4+) of a row-major a times a column-major b (nn.Linear's input @ weight.t()), 8+
    rows of column-major a and b; k up to 768 (float64: 128, with 3+ blocks only for small results). Fewer rows of
    a row-major a times a column-major b: _intel_dot_lanes where k >= 24 per row, for 2-3 columns and for more
    columns than rows but under 12 (k <= columns), else the fused order. One column of a row-major a or one row
    times a column-major b (MKL's gemv): _intel_gemv (float64: _intel_dgemv); one row times a row-major b:
    _intel_row_times_matrix (float64: fused in order from c, measured for k up to 150 and 100 columns); a
    column-major a times one column (gemv 'n', mv of a transposed matrix): _intel_gemv_columns; one row
    times one column: fused in order (a row-major column) or gemv's single row. Elsewhere the fused order is the
    nearest known, not always MKL's. None for other dtypes,
    non-contiguous operands, and products past _FUSED_BLOCKS_BUDGET (float64: _INTEL_FLOAT64_BUDGET, its steps
    being numpy's). mv: b is torch.mv's vector (gemv even for one row)."""
    if a.ndim != 2 or b.ndim != 2 or a.dtype != b.dtype or a.dtype not in (np.float32, np.float64):
        return None
    (m, k), n = a.shape, b.shape[1]
    if mv and m == 1 and c is None and a.strides[0] == a.itemsize and 0 < k <= (255 if a.dtype == np.float32 else 256):
        return _fused_in_order(a, b)  # (mv of one row whose stride is 1, X.t() @ v of one column X: gemv 'n' of one
        # row, fused in order; measured)
    a, b = as_blas_sees(a), as_blas_sees(b)
    split = k >= 256 and num_threads() == 2 and (1 < n <= 40 and c is None or n == 1)
    if m == 1 and (n > 1 or k < 256 or split) and b.strides[1] == b.itemsize and b.strides[0] >= n * b.itemsize and \
            a.dtype == np.float32 and n * k <= _FUSED_BLOCKS_BUDGET:  # (b row-major as BLAS is told, its rows n
        # apart: nn.Linear(k, 1)'s weight gradient grad.t() @ input, an expanded grad's too, as a's layout does not
        # matter; one column measured for k up to 252, and past it with two threads)
        if split:  # (MKL's two threads each take a half of the inner dimension, the larger first, their sums added:
            half = -(-k // 2)  # measured for 2-40 columns, k 256-3000, and for one column (x.t() @ y of two (k, 1)
            out = _intel_row_times_matrix(a[0, :half], b[:half]) + \
                _intel_row_times_matrix(a[0, half:], b[half:])  # columns, addmm's bias added after) for k
            return out if c is None else c + out  # 256-10000; one thread makes one pass; 42-68 columns make one
        # pass up to k ~1000 and split beyond, wider ones split: MKL's partition there not known)
        return _intel_row_times_matrix(a[0], b, c)
    if n == 1 and m > 1 and k > 1 and a.strides[0] == a.itemsize and (
            a.dtype == np.float32 or m * k <= _INTEL_FLOAT64_BUDGET):  # (a column-major a times one column: gemv 'n')
        return _intel_gemv_columns(a, b[:, 0], None if c is None else np.broadcast_to(c, (m, 1))[:, 0])[:, None]
    if a.dtype == np.float64 and 0 < k <= 150 and m == 1 and n <= 100 and b.strides[1] == b.itemsize and \
            b.strides[0] >= n * b.itemsize and (n > 1 or not mv and b.strides[1] < k * b.itemsize):
        return _fused_in_order(a, b, c)  # (one row times a row-major b, one column: not mv's or a transposed row's)
    if m == 1 and not a.flags.c_contiguous:
        a = np.ascontiguousarray(a)  # (one row: its layout does not reach BLAS; an expanded gradient's)
    if k == 0 or m * n * k > (_FUSED_BLOCKS_BUDGET if a.dtype == np.float32 else _INTEL_FLOAT64_BUDGET):
        return None
    gemv_rows = n == 1 and a.flags.c_contiguous  # (nn.Linear(k, 1) of a batch)
    gemv_cols = m == 1 and b.flags.f_contiguous  # (nn.Linear of one sample: the weight's rows times it)
    if m == n == 1 and a.dtype == np.float32:  # (one row times a transposed column, nn.Linear(k, 1) of one
        if k < 2:  # sample: gemv's single row)
            return None
        out = _intel_gemv_single_rows(a, b[:, 0])[:, None]
        return out if c is None else c + out
    if k > 1 and (gemv_rows or gemv_cols):
        if a.dtype != np.float32 and m == n == 1 and not mv and b.strides[1] < k * b.itemsize:
            return _fused_in_order(a, b, c)  # (float64's one row times a longer row-major column)
        gemv = _intel_gemv if a.dtype == np.float32 else _intel_dgemv
        out = gemv(a, b[:, 0])[:, None] if gemv_rows else gemv(b.T, a[0])[None, :]
        return out if c is None else c + out
    if k == 1 and m > 1 and n > 1:  # (one product an entry, its -0 kept, where the sums below start at +0; a
        if c is None:                # bias's fused onto it: measured, both dtypes and layouts)
            return a * b
        x, y = np.broadcast_arrays(a, b)
        return fma(np.ascontiguousarray(x), np.ascontiguousarray(y), np.ascontiguousarray(np.broadcast_to(c, x.shape)))
    if a.dtype == np.float64 and 2 <= m <= 3 and n >= 2 and a.flags.c_contiguous and b.flags.f_contiguous and \
            not b.flags.c_contiguous:  # (nn.Linear of 2-3 rows in float64, x @ x.t())
        out = _intel_dgemm_lanes(a, b)
        return out if c is None else c + out
    from_c = c is not None and m == 2 and a.dtype == np.float64  # (its two-row float64 kernel sums from C itself)
    if a.dtype == np.float32 and m < 16 and a.flags.c_contiguous and b.flags.f_contiguous and (k >= 24 * m or (
            n == 2 or n == 3 and m <= 10) or m < n < 12 and k <= n):
        out = _intel_dot_lanes(a, b, halving=k < 24 * m)  # (nn.Linear's input @ weight.t() for a few rows: dot
        return out if c is None else c + out  # products in lanes)
    out = None if c is None or from_c else np.broadcast_to(c, (m, n))  # (else C first, each block added onto it)
    later = None  # (the second thread's sum of its half of k, added last)
    for thread, blocks in enumerate(_intel_thread_blocks(k, 384 if a.dtype == np.float32 or b.flags.c_contiguous else 192,
                                                         a.dtype == np.float32 and num_threads() == 2)):
        for start, size in blocks:
            ai, bi = a[:, start:start + size], b[start:start + size]
            part = np.array(np.broadcast_to(c, (m, n)), a.dtype, order="C") if from_c and start == 0 else np.zeros((m, n), a.dtype)
            if a.dtype != np.float32 or not _compiled_orders(ai, bi, part, m, _FUSED):
                for p in range(size):
                    x, y = np.broadcast_arrays(ai[:, p:p + 1], bi[p:p + 1, :])
                    part = fma(x, y, part)
            if thread == 0:
                out = part if out is None else out + part
            else:
                later = part if later is None else later + part
    return out if later is None else out + later


def as_blas_sees(m):
    """A matrix as ATen's addmm hands it to BLAS: row- or column-major with any leading dimension as it is (here
    made contiguous in that order, which the orders above read from numpy's flags), any other strides (an
    expanded gradient's zeros) cloned row-major."""
    if m.flags.c_contiguous or m.flags.f_contiguous:
        return m
    (rows, cols), (s0, s1) = m.shape, m.strides
    if s1 == m.itemsize and s0 >= max(1, cols) * m.itemsize:
        return np.ascontiguousarray(m)
    if s0 == m.itemsize and s1 >= max(1, rows) * m.itemsize:
        return np.asfortranarray(m)
    return np.ascontiguousarray(m)


def _intel_dgemm_lanes(a, b):
    """MKL's float64 gemm on Intel CPUs with AVX-512 for 2-3 rows of a row-major a times a column-major b (measured
    for 2-17 columns, k 2-2000, with addmm's bias added after): each entry's products fused into 8 lanes in turn
    (product p into lane p % 8), the upper four lanes added onto the lower, then (0 + 1) + (2 + 3)."""
    m, k = a.shape
    n = b.shape[1]
    lanes = np.zeros((m, n, 8))
    for start in range(0, k, 8):
        w = min(8, k - start)
        x, y = np.broadcast_arrays(a[:, None, start:start + w], b[start:start + w].T[None])
        lanes[:, :, :w] = fma(np.ascontiguousarray(x), np.ascontiguousarray(y), np.ascontiguousarray(lanes[:, :, :w]))
    half = lanes[:, :, :4] + lanes[:, :, 4:]
    return (half[:, :, 0] + half[:, :, 1]) + (half[:, :, 2] + half[:, :, 3])


def _fused_in_order(a, b, c=None):
    """a @ b as fused multiply-adds in order along k, from c (addmm's bias) or +0."""
    out = np.zeros((a.shape[0], b.shape[1]), a.dtype) if c is None else np.array(np.broadcast_to(
        c, (a.shape[0], b.shape[1])), a.dtype, order="C")
    for p in range(a.shape[1]):
        x, y = np.broadcast_arrays(a[:, p:p + 1], b[p:p + 1])
        out = fma(x, y, out)
    return out


_INTEL_FLOAT64_BUDGET = 1 << 20  # multiply-adds (fma64 step by step in numpy: ~0.1 s at the budget)


def _intel_gemv(a, v):
    """MKL's float32 gemv on Intel CPUs, a's rows (row-major, 3+ elements) times v: the rows in blocks of four by
    _intel_gemv_rows (up to 32 elements) or _intel_gemv_long_rows, the rows after the last block by
    _intel_gemv_single_rows. With two threads or more, m rows of k split in halves (the first the larger), each
    with its own blocks, once m * k >= 8192 and m * (k + 288) >= 41700 (measured with two, 3-1500 rows)."""
    m, k = a.shape
    if num_threads() > 1 and m * k >= 8192 and m * (k + 288) >= 41700:
        half = (m + 1) // 2
        return np.concatenate([_intel_gemv_one_thread(a[:half], v), _intel_gemv_one_thread(a[half:], v)])
    return _intel_gemv_one_thread(a, v)


def _intel_gemv_one_thread(a, v):
    blocks = a.shape[0] // 4 * 4
    whole = _intel_gemv_rows if a.shape[1] <= 32 else _intel_gemv_long_rows
    if blocks == a.shape[0]:
        return whole(a, v)
    rest = _intel_gemv_single_rows(a[blocks:], v)
    return rest if not blocks else np.concatenate([whole(a[:blocks], v), rest])


def _intel_gemv_columns(a, x, start=None):
    """start + a @ x of a column-major float32/float64 a (its columns contiguous) and a vector x as MKL's gemv 'n'
    adds it on Intel CPUs with AVX-512 (torch.mv of a transposed matrix, A.t() @ v, mv's backward to its vector;
    addmv's beta * self is start, alpha multiplied into x first), measured on a Xeon against torch 2.13 for 1-2000
    rows and 1-3000 columns: float32 by _intel_gemv_columns_part, float64 fused in order. With two threads or more
    (_gemv_columns_threads_split) the columns are split in halves (the first the larger), each half summed from +0
    and the halves' sum added to start; else the sum runs from start (or +0)."""
    m, k = a.shape
    part = _intel_gemv_columns_part if a.dtype == np.float32 else \
        lambda a, x, start=None: _fused_in_order(a, x[:, None], None if start is None else start[:, None])[:, 0]
    if num_threads() > 1 and _gemv_columns_threads_split(a.dtype, m, k):
        half = (k + 1) // 2
        out = part(a[:, :half], x[:half]) + part(a[:, half:], x[half:])
        return out if start is None else start + out
    return part(a, x, None if start is None else np.array(np.broadcast_to(start, (m,)), a.dtype))


def _gemv_columns_threads_split(dtype, m, k):
    """Whether MKL's threads split gemv 'n' of m rows and k columns in halves of the columns (measured with two):
    float32 from 256 columns, float64 from 128 columns where k * (m + 64) >= 17600; never for 41-69 rows under 1000
    columns nor for 1002+ rows (their threads split the rows, which changes no sum)."""
    if m > 1001 or 41 <= m <= 69 and k < 1000:
        return False
    return k >= 256 if dtype == np.float32 else k >= 128 and k * (m + 64) >= 17600


def _intel_gemv_columns_part(a, x, start=None):
    """One thread's share of _intel_gemv_columns, from start (or +0): the rows in whole blocks of 16 (one AVX-512
    register) take eight columns a step, y = (c0 + c1) + (c4 * x4 + (c6 * x6 + y) + c5) each fused, where c0 =
    c0 * x0 + c2 * x2 fused onto the rounded second product (likewise c1 of columns 1 and 3, c5 of 5 and 7); the
    columns after the last eight, the rows after the last block and every row of fewer than 8 columns are fused in
    order."""
    m, k = a.shape
    x = np.asarray(x, np.float32)
    start = np.zeros(m, np.float32) if start is None else np.array(np.broadcast_to(start, (m,)), np.float32)
    blocked = m // 16 * 16 if k >= 8 else 0
    out = _fused_in_order(a[blocked:], x[:, None], start[blocked:, None])[:, 0]
    if not blocked:
        return out
    column = [np.ascontiguousarray(a[:blocked, j]) for j in range(k)]

    def fused(j, onto):
        return fma(column[j], x[j], onto)
    y = start[:blocked]
    for s in range(0, k - 7, 8):
        pair = [fused(s + i, column[s + i + 2] * x[s + i + 2]) for i in (0, 1, 5)]
        y = (pair[0] + pair[1]) + (fused(s + 4, fused(s + 6, y)) + pair[2])
    for j in range(k // 8 * 8, k):
        y = fused(j, y)
    return np.concatenate([y, out])


def _intel_dgemv(a, v):
    """MKL's float64 gemv on Intel CPUs with AVX-512, each row of a (row-major) times v (measured for 2-33 rows, rows
    of 2-3000): two 8-lane accumulators take 16 products a step (fused), then are added; a whole 8 left is fused
    onto the first, a partial one onto its first lanes; the lanes fold as ((0 + 2) + (1 + 3)) + ((4 + 6) + (5 + 7))."""
    m, k = a.shape
    lanes, i = np.zeros((m, 8)), 0

    def fused(start, acc):
        return fma(np.ascontiguousarray(a[:, start:start + acc.shape[1]]),
                   np.ascontiguousarray(np.broadcast_to(v[start:start + acc.shape[1]], acc.shape)), acc)
    if k >= 16:
        second = np.zeros((m, 8))
        for i in range(0, k - 15, 16):
            lanes, second = fused(i, lanes), fused(i + 8, second)
        lanes, i = lanes + second, i + 16
    if k - i >= 8:
        lanes, i = fused(i, lanes), i + 8
    if k > i:
        lanes[:, :k - i] = fused(i, np.ascontiguousarray(lanes[:, :k - i]))
    return ((lanes[:, 0] + lanes[:, 2]) + (lanes[:, 1] + lanes[:, 3])) + \
        ((lanes[:, 4] + lanes[:, 6]) + (lanes[:, 5] + lanes[:, 7]))


def _intel_gemv_single_rows(a, v):
    """MKL's float32 gemv on Intel CPUs for the rows after the last block of four (measured on torch's 64-byte
    aligned storages, k 2-1000, summation trees from probes, then values): the products after the first in L lanes
    (L = 2 from 3 of them, 4 from 7, 8 from 15, 16 from 32), the first product added last. Up to 8 lanes, blocks of
    L go into two accumulators in turn, added and halved: with up to 4 lanes the products rounded and added, with 8
    fused. With 16 the rows go in pairs as _dot_lanes16's do."""
    m, k = a.shape
    n = k - 1
    lanes = 16 if n >= 32 else 8 if n >= 15 else 4 if n >= 7 else 2 if n >= 3 else 1
    if lanes == 16:
        return a[:, 0] * v[0] + _halved(_dot_lanes16(a[:, 1:], v[None, 1:], np.arange(m) % 2 == 0)[:, 0])
    acc = np.zeros((2, m, lanes), np.float32)
    for i, lo in enumerate(range(1, k, lanes)):
        width = min(lanes, k - lo)
        x, y = np.broadcast_arrays(a[:, lo:lo + width], v[None, lo:lo + width])
        at = acc[i % 2, :, :width]
        at[...] = fma(x, y, at) if lanes == 8 else at + x * y
    return a[:, 0] * v[0] + _halved(acc[0] + acc[1])


def _intel_gemv_rows(a, v):
    """MKL's float32 gemv on Intel CPUs for row-major rows of 2 to 32 elements in blocks of four rows (measured on
    every k): each row's first two products fused from +0 make a carry; then chunks of up to 15 products, each summed in two accumulators of 8 lanes (the carry in the
    last lane of the second, blocks of 8 fused into the two in turn), added and halved to the next carry, a 16th
    product fused onto it after a full chunk."""
    m, k = a.shape
    carry = fma(a[:, 1], np.broadcast_to(v[1], (m,)), a[:, 0] * v[0] + np.float32(0))  # (from +0: no -0 sum)
    start = 2
    while start < k:
        end = min(start + 15, k)
        acc = np.zeros((2, m, 8), np.float32)
        acc[1, :, 7] = carry
        for i, lo in enumerate(range(start, end, 8)):
            width = min(8, end - lo)
            x, y = np.broadcast_arrays(a[:, lo:lo + width], v[None, lo:lo + width])
            acc[i % 2, :, :width] = fma(x, y, acc[i % 2, :, :width])
        carry = _halved(acc[0] + acc[1])
        if end < k:
            carry = fma(a[:, end], np.broadcast_to(v[end], (m,)), carry)
        start = end + 1
    return carry


def _intel_row_times_matrix(v, b, c=None):
    """MKL's float32 v @ b (+ c) on Intel CPUs for one row v of k elements and a row-major b (measured for k 1-128
    and 3-100 columns; the summation trees read from probes): the columns in whole vectors of 16 sum b's rows in
    blocks of 8, each block fused onto the sum as (((s + p6) + p4) + (p5 + p7)) + ((p0 + p2) + (p1 + p3)) with
    p6, p4 fused onto s and each pair the first product fused onto the second's, the rows after the last block fused
    in turn; the columns past the last whole vector of 16 (and every column where k < 8, one column alone too) fuse
    the products in order. c (addmm's bias) is the sums' start."""
    k, n = b.shape
    vb = np.broadcast_to(v[:, None], b.shape)

    def pair(i, j):
        return fma(b[i], vb[i], b[j] * vb[j])
    s = np.zeros(n, np.float32) if c is None else np.array(np.broadcast_to(c, (1, n))[0], np.float32)
    chain = s.copy()
    for r in range(k):  # (the tail columns' order, from +0 too: no -0 sum)
        chain = fma(b[r], vb[r], chain)
    blocks = k // 8 * 8
    if not blocks or n < 16:
        return chain[None, :]
    for at in range(0, blocks, 8):
        s = fma(b[at + 4], vb[at + 4], fma(b[at + 6], vb[at + 6], s)) + pair(at + 5, at + 7)
        s = s + (pair(at, at + 2) + pair(at + 1, at + 3))
    for r in range(blocks, k):
        s = fma(b[r], vb[r], s)
    whole = n // 16 * 16
    return np.concatenate([s[:whole], chain[whole:]])[None, :]


def _intel_gemv_long_rows(a, v):
    """MKL's float32 gemv on Intel CPUs for row-major rows of more than 32 elements (measured: every row of a block
    of four rows, k 33-500, by summation-tree probes): the first product is the carry; the next 16 * (k - 1 // 16)
    products fused in order in 16 lanes (lane j: products 1 + j, 17 + j, ...; the carry starts lane 0), halved to
    the next carry; the r products left in L lanes (L the largest power of two <= r; one alone is fused onto the
    carry), blocks of L fused into two accumulators in turn, the carry starting the first, added, then halved."""
    m, k = a.shape
    carry = a[:, 0] * v[0]
    whole = 1 + (k - 1) // 16 * 16
    carry = _gemv_lanes(a, v, 1, whole, 16, carry, accumulators=1)
    left = k - whole
    if left == 1:
        return fma(a[:, whole], np.broadcast_to(v[whole], (m,)), carry)
    if left > 1:
        carry = _gemv_lanes(a, v, whole, k, 1 << (left.bit_length() - 1), carry, accumulators=2)
    return carry


def _gemv_lanes(a, v, start, end, lanes, carry, accumulators):
    """Products start..end-1 of each row fused in `lanes` lanes, blocks of lanes into the accumulators in turn, the
    carry starting the first's lane 0; the accumulators added, then halved."""
    m = a.shape[0]
    acc = np.zeros((accumulators, m, lanes), np.float32)
    acc[0, :, 0] = carry
    for i, lo in enumerate(range(start, end, lanes)):
        width = min(lanes, end - lo)
        x, y = np.broadcast_arrays(a[:, lo:lo + width], v[None, lo:lo + width])
        acc[i % accumulators, :, :width] = fma(x, y, acc[i % accumulators, :, :width])
    return _halved(acc[0] if accumulators == 1 else acc[0] + acc[1])


def _halved(lanes):
    """The sum over the last axis by halving, lanes[..., :h] + lanes[..., h:], down to one (a vector's reduction)."""
    while lanes.shape[-1] > 1:
        half = lanes.shape[-1] // 2
        lanes = lanes[..., :half] + lanes[..., half:]
    return lanes[..., 0]


def _intel_dot_lanes(a, b, halving):
    """MKL's float32 a @ b on Intel CPUs for fewer than 16 rows of a row-major a times a column-major b, where the
    inner dimension k is at least 24 per row (halving False) or not, for 2-3 columns or small k (halving True; see
    intel_matmul): each result a dot product in 16 lanes (lane j: the fused multiply-adds of the products j, j + 16,
    ... in order), then the lanes halved (0-7 plus 8-15, ...) or their four quarters added in order and (l0 + l1) +
    (l2 + l3). Halving, the rows go in pairs (_dot_lanes16)."""
    lanes = _dot_lanes16(a, b.T, np.arange(a.shape[0]) % 2 == 0 if halving else np.zeros(a.shape[0], bool))
    if halving:
        return _halved(lanes)
    v = ((lanes[..., 0:4] + lanes[..., 4:8]) + lanes[..., 8:12]) + lanes[..., 12:16]
    return (v[..., 0] + v[..., 1]) + (v[..., 2] + v[..., 3])


def _dot_lanes16(a, bt, firsts):
    """The 16 lanes of each row of a dotted with each row of bt (lane j: products j, j + 16, ... fused in order),
    (rows of a, rows of bt, 16). The rows marked in `firsts` are the first of a pair in MKL's kernels (measured,
    summation-tree probes and values, k up to 300): below k 64 their second block of 16 products is rounded and
    added, not fused; from 64 their blocks of 32 go half into a second set of lanes, added to the first before the
    rest is fused on."""
    (m, k), n = a.shape, bt.shape[0]
    sets = np.zeros((2, m, n, 16), np.float32)
    paired = firsts if k >= 64 else np.zeros(m, bool)
    whole = k // 32 * 32
    for i, start in enumerate(range(0, k, 16)):
        width = min(16, k - start)
        x, y = np.broadcast_arrays(a[:, None, start:start + width], bt[None, :, start:start + width])
        lanes = sets[0, :, :, :width]
        fused = fma(x, y, lanes)
        if i == 1 and width == 16 and k < 64:
            fused[firsts] = lanes[firsts] + x[firsts] * y[firsts]
        if i % 2 and start < whole:  # (the paired rows' odd blocks: into their second set, the first unchanged)
            sets[1, paired, :, :width] = fma(x[paired], y[paired], sets[1, paired, :, :width])
            fused[paired] = lanes[paired]
        sets[0, :, :, :width] = fused
        if start + width == whole:
            sets[0, paired] = sets[0, paired] + sets[1, paired]  # (the sets added before the rest)
    return sets[0]


def _intel_blocks(k, block):
    """(start, size) of the blocks of the inner dimension MKL's gemm sums apart on Intel CPUs: one up to `block`
    (float32 384, float64 192: measured), two halves (the larger first) up to twice that, blocks of `block` before
    those beyond."""
    sizes = []
    while k - sum(sizes) > 2 * block:
        sizes.append(block)
    rest = k - sum(sizes)
    sizes += [(rest + 1) // 2, rest // 2] if rest > block else [rest]
    starts = np.cumsum([0] + sizes[:-1])
    return list(zip(starts.tolist(), sizes))


def _intel_thread_blocks(k, block, threaded):
    """The blocks of _intel_blocks as MKL's float32 sgemm hands them to its threads on Intel CPUs: past 2 * block
    (768) products with two threads, k is split in halves (the larger first), each thread's half in its own
    blocks (one up to `block`, two halves up to twice that, blocks of `block` with the rest last beyond); the first
    thread's blocks are added in order onto C (addmm's bias), the second's from 0 and their sum added last (measured
    on this Xeon with 2 threads, k 769-3000, 1-100 rows and 12-128 columns, every layout of nn.Linear's forward and
    backward; the one-thread blocks beyond 768 are _intel_blocks', measured on one thread before; more threads were
    not measured and keep those)."""
    if not threaded or k <= 2 * block:
        return [_intel_blocks(k, block)]
    first = (k + 1) // 2
    halves = []
    for begin, size in ((0, first), (first, k - first)):
        if size <= 2 * block:
            sizes = [size] if size <= block else [(size + 1) // 2, size // 2]
        else:
            sizes = [block] * ((size - 1) // block) + [size - block * ((size - 1) // block)]
        starts = begin + np.cumsum([0] + sizes[:-1])
        halves.append(list(zip(starts.tolist(), sizes)))
    return halves


def small_matmul(a, b):
    """a @ b as PyTorch's BLAS (MKL) computes it when the inner dimension is at most 4 (3 for a dot product),
    measured on its x86 build: the products added one after another, rounded each (plainly), except that float32
    results of 4 rows or more and 12 columns or more fuse each product into the sum. None elsewhere (numpy's own
    product is used): larger inner dimensions, float64's fused region (not a plain sequence of fused steps), wide
    products whose row count is not a multiple of 4, other dtypes."""
    k = a.shape[-1] if a.ndim else 0
    if not 1 <= k <= 4:  # (first: the common case, long inner dimensions, leaves at once)
        return None
    if a.dtype != b.dtype or a.dtype not in (np.float32, np.float64) or a.ndim > 2 or b.ndim not in (1, 2):
        return None
    if b.shape[0] != k:
        return None
    if a.ndim == 1 and b.ndim == 1 and k == 4:
        return small_dot(a, b)
    rows = a.reshape(1, k) if a.ndim == 1 else a
    cols = b.reshape(k, 1) if b.ndim == 1 else b
    m, n = rows.shape[0], cols.shape[1]
    if k == 1 and m > 1 and n > 1 and b.ndim == 2:
        return rows * cols  # (one product per entry, its -0 kept, where MKL's sums below start at +0)
    fused = m >= 4 and n >= 12 and b.ndim == 2
    if fused and (a.dtype == np.float64 or (n > 100 and m % 4)):
        return None  # (wide products with rows left over from blocks of four take another order there)
    out = np.empty((m, n), _F32)  # (float32: the same steps, from the first product, in one compiled loop)
    if a.dtype != np.float32 or not _compiled_orders(rows, cols, out, m, (_FUSED if fused else _PLAIN) | 4):
        out = _small_steps(rows, cols, k, fused)
    if k == 4 and not fused and m > 1 and n >= 4 and b.ndim == 2 and b.flags.f_contiguous and not b.flags.c_contiguous \
            and rows.flags.c_contiguous:
        blocks = n - n % 4  # (a row-major a times a transposed b, as nn.Linear's input @ weight.t(): MKL adds each
        p = rows[:, :, None] * cols[None, :, :blocks]  # block of four columns' products in two pairs, (p0+p2)+(p1+p3))
        out[:, :blocks] = (p[:, 0] + p[:, 2]) + (p[:, 1] + p[:, 3])
    out += 0.0  # (MKL's sums start at +0: none is -0)
    if a.ndim == 1 and b.ndim == 1:
        return out.reshape(())
    return out.reshape(out.shape[0] if b.ndim == 1 else (out.shape[1],) if a.ndim == 1 else out.shape)


def plain_from(a, b, c):
    """c + a @ b with the products rounded and added to c one after another (MKL's plain kernel times a row-major b
    where its inner dimension is too short for blas_matmul's kinds)."""
    return _blas_orders_np(a, b, np.array(np.broadcast_to(c, (a.shape[0], b.shape[1])), a.dtype), _PLAIN)


def _small_steps(rows, cols, k, fused):
    """small_matmul's steps in numpy: the first product, then each next one added (fused: rounded once)."""
    out = rows[:, 0:1] * cols[0:1, :]
    for j in range(1, k):
        x, y = np.broadcast_arrays(rows[:, j:j + 1], cols[j:j + 1, :])
        if fused:
            out = Fma32(out.size, 1, exact=True)(x.reshape(-1), y.reshape(-1), out.reshape(-1)).reshape(out.shape)
        else:
            out = out + x * y
    return out


_PLAIN, _FUSED, _DOT, _DOT_REST = 0, 1, 2, 3
_LANES, _DOT_T = -1, -2  # (numpy only: _lane_tree; _DOT on the transposed product)


def _blas_order(a, b):
    """Which order MKL's sgemm takes for float32 a @ b (2-D, inner dimension 5..512, the fused kind any) on PyTorch's x86 build
    (AVX2, measured on 1 and 2 threads): _FUSED (fused multiply-adds in order; past 192 in _fused_blocks' blocks) for rows
    in blocks of four and 12 columns or more; _DOT for one column of a row-major a (rows in blocks of four, the rest
    _DOT_REST); _PLAIN (products rounded, added in order) for up to 11 columns of a column-major a, or times a row-major b
    (any number of columns for 1 to 3 rows; a row-major b's ragged row heads: _ragged_heads); _LANES (_lane_tree) for
    2+ rows of a row-major a times a transposed b (up to 11 columns, or any number for 2 or 3 rows); None elsewhere."""
    m, k = a.shape
    n = b.shape[1]
    a_c, a_f = a.flags.c_contiguous, a.flags.f_contiguous
    b_c, b_f = b.flags.c_contiguous, b.flags.f_contiguous
    if not (a_c or a_f) or not (b_c or b_f):
        return None
    if a.dtype == _F64:
        return _dgemm_order(a, b, m, n, a_c, a_f, b_c, b_f)
    if m >= 4 and n >= 12:
        return _FUSED  # (past 192 products MKL splits the inner dimension: _fused_blocks; rows left over: _sgemm_rest)
    if m == 1:  # (a one-row a is both layouts to numpy; PyTorch's choice then follows b's)
        if n == 1:  # (one row times a column of stride 1, a's layout any: plain, measured for k up to 700; a
            # transposed column: blas_matmul's gemv 't' of one column)
            return _PLAIN if b.strides[1] <= b.itemsize or k == 1 else None
        if b_f and not b_c:
            return _DOT_T  # (b's rows, as a's of _DOT, times a's one row)
        return _PLAIN if b_c and n > 1 else None
    if a_c and b_f and not b_c and (m < 4 or n < 12):
        return _LANES  # (nn.Linear's input @ weight.t())
    if m < 4 and n > 1 and (a_f and b_f and not b_c or b_c):
        return _PLAIN  # (2 or 3 rows, e.g. nn.Linear's weight gradient grad_out.t() @ input; b row-major: _ragged_heads)
    if n >= 12:
        return None
    if n == 1:
        return _DOT if a_c else _PLAIN
    return _PLAIN if a_f or (b_c and not b_f) else None


def _dgemm_order(a, b, m, n, a_c, a_f, b_c, b_f):
    """_blas_order for float64 (MKL's AVX2 dgemm, measured on an AMD EPYC; float32's kinds with vectors of two):
    _FUSED (_dgemm_fused) for 12 columns or more times a row-major b, or a row-major a's rows in blocks of four times
    a transposed b; _LANES below that for a row-major a times a transposed b (nn.Linear's input @ weight.t());
    _PLAIN (with _ragged_heads) for fewer columns times a row-major b; _DOT for one column of a row-major a; None
    elsewhere (a column-major a times a column-major b, one row, ...: not measured yet)."""
    if n >= 12 and (b_c or a_c and b_f and m >= 4):
        return _FUSED
    if a_c and b_f and not b_c and n > 1 and m > 1 and (m < 4 or n < 12):
        return _LANES
    if b_c and n > 1 and n < 12:
        return _PLAIN
    if n == 1 and m > 1:
        return _DOT if a_c else None
    if m == 1 and n > 1 and b_f and not b_c:
        return _DOT_T  # (one row times a transposed b: MKL's gemv of b's rows, as torch.mv's)
    return None


def blas_matmul(a, b, c=None):
    """float32 or float64 a @ b (+ c, the bias of addmm) in the order of PyTorch's BLAS (see _blas_order); None
    where that order is not known. MKL adds c after the sum in its fused and dot kernels, and starts the plain one
    from c when a is column-major (the only plain case measured with c). On Intel CPUs: intel_matmul."""
    if MKL_ON_INTEL:
        out = intel_matmul(a, b, c)
        if out is not None or a.dtype == _F64:
            return out
    if a.dtype != b.dtype or a.dtype not in FLOAT_DTYPES or a.ndim != 2 or b.ndim != 2:
        return None
    if a.shape[0] == 1 == b.shape[1] and a.strides[1] == a.itemsize and b.strides[0] == b.itemsize != b.strides[1]:
        # (one row times a column-major column: MKL's gemm hands it to gemv 't', a's row its vector)
        out = amd_gemv_one_column(b[:, 0], a[0])
        if out is not None:
            return out.reshape(1, 1) if c is None else (out + c).reshape(1, 1)
    key = (a.shape, a.strides, b.shape, b.strides)
    plan = _mm_plans.get(key)
    if plan is None:  # (a training loop multiplies the same shapes: the order and layouts, known from the first time)
        if len(_mm_plans) > 4096:
            _mm_plans.clear()
        m, k = a.shape
        kind = _blas_order(a, b) if k >= 5 or k >= 2 and a.dtype == _F64 else None
        if a.dtype == _F64 and k > 200 and b.shape[1] > 32 and kind != _DOT_T:
            kind = None  # (MKL's dgemm splits a longer inner dimension of a wider product: not measured yet)
        if kind == _LANES and m * b.shape[1] * k > _FUSED_BLOCKS_BUDGET:
            kind = None  # (_lane_tree holds every product at once)
        if k > 512 and kind not in (_FUSED, _DOT_T) or k > 192 and kind == _FUSED and m * b.shape[1] * k > _FUSED_BLOCKS_BUDGET:
            kind = None  # (numpy's BLAS past the budget: a 256x512x512 product would take ~40 ms in the loop)
        plan = _mm_plans[key] = (kind, a.flags.c_contiguous, b.flags.c_contiguous, (m, b.shape[1]),
                                 m - m % 4 if kind == _DOT else m)
    kind, a_c, b_c, shape, dot_rows = plan
    if kind is None:
        return None
    if kind == _FUSED and a.dtype == _F64:
        return _dgemm_fused(a, b, c, shape)
    rest = _sgemm_rest(a, b, c) if kind == _FUSED and a.dtype == _F32 else None
    if rest is not None:
        fours = shape[0] - shape[0] % 4
        c = c if c is None or np.ndim(c) < 2 or c.shape[0] == 1 else c[:fours]  # (a bias of rows: the blocks' rows)
        blocks = blas_matmul(np.ascontiguousarray(a[:fours]), b, c)  # (fused: any layout's)
        return None if blocks is None else np.concatenate([blocks, rest])
    if kind == _FUSED and a.shape[1] > 192:
        return _fused_blocks(a, b, c, shape)
    if kind == _LANES or kind == _DOT_T:
        out = _lane_tree(a, b) if kind == _LANES else _gemv_t(b.T, a[0])
        out += 0.0  # (MKL's lanes start at +0: no sum is -0)
        return out if c is None else out + c
    m, n = shape
    start = kind == _PLAIN and c is not None and b_c
    out = np.zeros(shape, a.dtype) if not start else np.array(np.broadcast_to(c, shape), a.dtype, order="C")
    loop = getattr(compiled, "mm_orders", None)
    if a.dtype == _F64:  # (the compiled loops are float32's)
        out[:dot_rows] = _blas_orders_np(a[:dot_rows], b, out[:dot_rows], kind)
    elif loop is not None:  # (_compiled_orders' first step, without its call)
        loop(a, b, out, dot_rows, kind)
    elif not _compiled_orders(a, b, out, dot_rows, kind, a_c, b_c):
        out[:dot_rows] = _blas_orders_np(a[:dot_rows], b, out[:dot_rows], kind)
    for r in range(dot_rows, m):  # the rows left over from blocks of four: another loop of MKL's
        rest = _dot_rest_kind(r, dot_rows, m, a.dtype)
        if a.dtype == _F64 or not _compiled_orders(a[r:r + 1], b, out[r:r + 1], 1, rest):
            out[r:r + 1] = _blas_orders_np(a[r:r + 1], b, out[r:r + 1], rest)
    if kind == _PLAIN and b_c and a.shape[1] >= 8 and n > 16 // a.itemsize:
        _ragged_heads(a, b, out, c if start else None)
    if c is not None and not start:
        out = out + c
    return out


def _gemv_t(a, x):
    """One row x times a transposed matrix (a: its rows) as MKL's gemm hands it to gemv 't', as a (1, n) array."""
    out = amd_gemv_rows(a, x)
    return blas_matmul(a, x[:, None]).T if out is None else out[None]


def _sgemm_rest(a, b, c=None):
    """The rows left over from blocks of four of a float32 _FUSED product (MKL's sgemm on an AMD EPYC, measured for
    5-30 rows, 12-128 columns, k 5-300, all four layouts): fused like the blocks for 13 rows or more, and for up to
    16 columns of up to 16 products; otherwise (5-11 rows) in the order of the narrow kinds: plain with its ragged
    row heads times a row-major b, _lane_tree's lanes for a row-major a times a transposed b, plain for a
    column-major a times a transposed b; addmm's bias c first times a row-major b, after the sum otherwise. None
    where they take the blocks' fused order."""
    m, k = a.shape
    n = b.shape[1]
    fours = m - m % 4
    if fours == m or m > 12 or n <= 16 and k <= 16:
        return None
    b_c = b.flags.c_contiguous
    bias = None if c is None else np.broadcast_to(c, (m, n))
    if not b_c and a.flags.c_contiguous:
        out = _lane_tree(a[fours:], b) + 0.0  # (its row heads come from each row's offset in the buffer)
        return out if c is None else out + bias[fours:]
    start = c is not None and b_c  # (as blas_matmul's plain order: from c times a row-major b)
    out = np.zeros((m, n), _F32) if not start else np.array(bias, _F32)
    out[fours:] = _blas_orders_np(a[fours:], b, out[fours:], _PLAIN)
    if b_c and k >= 8:
        _ragged_heads(a, b, out, bias if start else None, 0, fours)
    return out[fours:] if c is None or start else out[fours:] + bias[fours:]


def _ragged_heads(a, b, out, c, first=0, top=0, stop=None):
    """MKL's plain order times a row-major b (AVX2, measured on an AMD EPYC: 1-64 rows, 2-33 columns, k 5-500)
    works on the result in 16-byte vectors (four float32s, two float64s) from 16-byte boundaries: a row that starts
    between two (row i of n columns starts at element i * n) and still holds a whole vector after it takes its first
    (-i * n) % lanes elements in another order. Blocks of four products (either dtype) go in turn into the sum one
    by one, then summed apart and added as one, the products past the last block one by one; for k < 8 that is the
    plain order. Rewrites those elements of out (the plain order's result; c: the bias it started from, or None)
    from row `top` in columns `first` to `stop` (a block a plain loop took beside float64's fused blocks)."""
    m, n = out.shape
    k = a.shape[1]
    lanes = 16 // a.itemsize
    width = (n if stop is None else min(stop, n)) - first
    for lead in range(1, lanes):
        rows = [i for i in range(top, m) if (-i * n - first) % lanes == lead] if width - lead >= lanes else []
        if not rows:
            continue
        cols = slice(first, first + lead)
        products = a[rows][:, :, None] * b[None, :, cols]  # (rows, k, lead), each rounded
        total = np.zeros((len(rows), lead), a.dtype) if c is None else np.array(
            np.broadcast_to(c, out.shape)[rows, cols], a.dtype)
        for start in range(0, k - k % 4, 4):
            if start % 8 == 0:
                for p in range(start, start + 4):
                    total = total + products[:, p]
            else:
                block = products[:, start]
                for p in range(start + 1, start + 4):
                    block = block + products[:, p]
                total = total + block
        for p in range(k - k % 4, k):
            total = total + products[:, p]
        out[rows, cols] = total


def _dot_rest_kind(r, first, m, dtype):
    """The _DOT_REST kind of row r of those left over from blocks of four (rows first to m): float32's second takes
    four lanes, the others eight; float64's first of several four, its second two, the others eight."""
    if dtype != _F64:
        return _DOT_REST | (8 if r == first + 1 else 0)
    return _DOT_REST | (8 if r == first + 1 else 16 if r == first and m - first > 1 else 0)


def _dgemm_fused(a, b, c, shape):
    """float64's _FUSED (MKL's AVX2 dgemm, measured on an AMD EPYC, 1-20 rows, 12-130 columns, k 5-300): rows in
    blocks of four take fused multiply-adds in order from c (addmm's bias) or 0 in blocks of twelve columns, the
    columns past the last block the plain order from c with their ragged heads (times a row-major b) or _lane_tree's
    (times a transposed b, c added after). Times a transposed b the rows left over take gemv 't' (amd_gemv_rows)
    for the columns in blocks of twelve (for all columns from 36 on, and for up to 16 columns of up to 16 products),
    c added after; measured for 5-30 rows, 12-100 columns, k 2-200. Times a row-major b the rows left over take the plain order throughout:
    MKL's two threads take the columns in two parts, 12 * ceil(n / 24) and the rest, each part's rows with their
    ragged heads, but for up to 16 columns of up to 16 products (one part) and a column-major a's rows after blocks
    of four (none in the first part, nor in the second from 36 columns: measured to 75)."""
    m, n = shape
    whole, fours = n - n % 12, m - m % 4
    out = np.zeros(shape, _F64) if c is None else np.array(np.broadcast_to(c, shape), _F64, order="C")
    out[:fours, :whole] = _blas_orders_np(a[:fours], b[:, :whole], out[:fours, :whole], _FUSED)
    if whole < n and b.flags.c_contiguous:
        out[:fours, whole:] = _blas_orders_np(a[:fours], b[:, whole:], out[:fours, whole:], _PLAIN)
        _ragged_heads(a[:fours], b, out[:fours], None if c is None else np.broadcast_to(c, shape)[:fours], whole)
    elif whole < n:
        out[:, whole:] = _lane_tree(a, b[:, whole:]) + 0.0 + (0.0 if c is None else np.broadcast_to(c, shape)[:, whole:])
    if fours < m and not b.flags.c_contiguous:  # (a transposed b: MKL hands each row left over to gemv 't', for
        # the columns in blocks of twelve, or all of them from 36 and for up to 16 columns of up to 16 products)
        cols = n if n >= 36 or n <= 16 and a.shape[1] <= 16 and m < 17 else whole
        bias = 0.0 if c is None else np.broadcast_to(c, shape)[fours:, :cols]
        out[fours:, :cols] = np.stack([amd_gemv_rows(b.T[:cols], row) for row in a[fours:]]) + bias
    elif fours < m:
        out[fours:] = _blas_orders_np(a[fours:], b, out[fours:], _PLAIN)
        split = -(-n // 24) * 12
        column_major = fours and a.flags.f_contiguous
        if not column_major:
            _ragged_heads(a, b, out, c, 0, fours, split)
        if (n > 16 or a.shape[1] > 16) and (not column_major or n < 36):
            _ragged_heads(a, b, out, c, split, fours)
    return out


_FUSED_BLOCKS_BUDGET = 1 << 24  # multiply-adds of one product (16.8M; MNIST's 64x784 @ 784x128 takes ~1 ms)


def _fused_blocks(a, b, c, shape):
    """_FUSED past 192 products, as MKL's sgemm splits the inner dimension k (measured on PyTorch's x86 build, k up
    to 2,000, row-major and transposed operands alike): two halves of k // 2 and the rest up to 384, blocks of 192
    (the rest last) beyond; each block's fused multiply-adds in order from 0, the blocks added in order onto c (the
    bias of addmm first, when given)."""
    k = a.shape[1]
    step = k // 2 if k <= 384 else 192
    a, b = np.ascontiguousarray(a), np.ascontiguousarray(b)  # (the same steps; the compiled loop runs row-major
    out = None if c is None else np.array(np.broadcast_to(c, shape), _F32, order="C")  # operands many times faster)
    for start in range(0, k, step):
        part = np.zeros(shape, _F32)
        ai, bi = a[:, start:start + step], b[start:start + step]
        if not _compiled_orders(ai, bi, part, shape[0], _FUSED):
            part = _blas_orders_np(ai, bi, part, _FUSED)
        out = part if out is None else out + part
    return out


_mm_plans = {}  # (a.shape, a.strides, b.shape, b.strides) -> blas_matmul's (_blas_order, a C-contiguous, b C-contiguous,
# the result's shape, the rows before those left over from blocks of four)


def _compiled_orders(a, b, out, rows, kind, a_c=None, b_c=None):
    """_ckernels' blas_orders on the first `rows` rows of a (each of a and b C- or F-contiguous) into out; False
    where it cannot run (no compiled loops, or a build older than blas_orders). a_c, b_c: whether a and b are
    C-contiguous, when the caller knows both are C- or F-contiguous."""
    loop = getattr(compiled, "mm_orders", None)
    if loop is not None:  # (any strides: the loop reads them from the arrays)
        loop(a, b, out, rows, kind)
        return True
    loop = getattr(compiled, "blas_orders", None)
    if loop is None:
        return False
    if a_c is None:
        if not (a.flags.c_contiguous or a.flags.f_contiguous) or not (b.flags.c_contiguous or b.flags.f_contiguous):
            return False
        a_c, b_c = a.flags.c_contiguous, b.flags.c_contiguous
    ca, sa = (a, (a.strides[0] // 4, 1)) if a_c else (a.T, (1, a.strides[1] // 4))
    cb, sb = (b, (b.strides[0] // 4, 1)) if b_c else (b.T, (1, b.strides[1] // 4))
    loop(ca, sa[0], sa[1], cb, sb[0], sb[1], out, rows, a.shape[1], b.shape[1], kind)
    return True


def _offset_in_root(a):
    """a's first element's offset, in elements, from the start of the buffer it views (PyTorch's storages start
    64-byte aligned, so this gives the alignment MKL's kernels see)."""
    root = a
    while isinstance(root.base, np.ndarray):
        root = root.base
    return (a.ctypes.data - root.ctypes.data) // a.itemsize if root is not a else 0


def _lane_tree(a, b):
    """a @ b for a row-major a times a transposed b (each result a dot product of two contiguous rows) as MKL's sgemm
    adds it, measured on PyTorch's x86 build over inner dimensions 5-512: each row of a first adds (in order) the
    products before its first 16-byte aligned element (PyTorch's storages start 64-byte aligned; the offset is read
    from the array's root buffer), then, for columns in blocks of four, keeps four lanes over the aligned blocks of
    four, lane j = p[h+j] + p[h+j+4] + ... (lane 0 starting from that head sum), adds (lane0 + lane2) + (lane1 +
    lane3), then the products left over one after another; the columns left over keep eight lanes over blocks of
    eight, lane j folded with lane j+4, then the same. Products rounded, plain adds throughout."""
    m, k = a.shape
    lanes = 16 // a.itemsize
    offset = _offset_in_root(a)
    heads = (-(offset + k * np.arange(m))) % lanes  # (each row's elements before its 16-byte boundary)
    w = b.T
    n = w.shape[0]
    out = np.empty((m, n), a.dtype)
    for h in np.unique(heads):
        rows = np.nonzero(heads == h)[0]
        p = a[rows, None, :] * w[None, :, :]  # (rows, n, k): every product, rounded
        for cols, width in ((slice(0, n - n % 4), lanes), (slice(n - n % 4, n), 8)):
            if cols.start < cols.stop:
                out[rows, cols] = _row_lanes(p[:, cols], int(h), width)
    return out


def _row_lanes(p, h, width):
    """_lane_tree's sum over p's last axis: h head products in order, lanes of `width`, a tree, the tail in order.
    float32: 4 lanes, or 8 folded to four (j with j + 4), then (0 + 2) + (1 + 3). float64 (16-byte vectors of two):
    2 lanes, or 8 as four vectors (v0 + v1) + (v2 + v3), then 0 + 1."""
    k = p.shape[-1]
    blocks = (k - h) // width
    end = h + blocks * width
    t = None
    for i in range(h):
        t = p[..., i] if t is None else t + p[..., i]
    if blocks:
        q = p[..., h:end].reshape(p.shape[:-1] + (blocks, width))
        lanes = q[..., 0, :].copy()
        if t is not None:
            lanes[..., 0] = t + lanes[..., 0]
        for j in range(1, blocks):
            lanes = lanes + q[..., j, :]
        if p.dtype == _F64:
            if width == 8:
                lanes = (lanes[..., 0:2] + lanes[..., 2:4]) + (lanes[..., 4:6] + lanes[..., 6:8])
            t = lanes[..., 0] + lanes[..., 1]
        else:
            if width == 8:
                lanes = lanes[..., :4] + lanes[..., 4:]
            t = (lanes[..., 0] + lanes[..., 2]) + (lanes[..., 1] + lanes[..., 3])
    for i in range(end, k):
        t = p[..., i] if t is None else t + p[..., i]
    return t


def _blas_orders_np(a, b, acc, kind):
    """blas_orders of _ckernels.c in numpy: the same roundings, a step per product (float64's in-order sums, which
    the float32 loops do not take, in _ckernels' dgemm_orders where it is built)."""
    k = a.shape[1]
    wide = acc.dtype == _F64  # (float64: two lanes a 16-byte vector, where float32 has four)
    if kind & 3 == _DOT_REST:
        head = min(k, 2 if wide else 4)
        end = head + (k - head) // 8 * 8
        count = (4 if kind & 16 else 2 if kind & 8 else 8) if wide else 4 if kind & 8 else 8  # (lanes; float64's
        # rows left over take four, two, eight in turn, or eight when one is)
        lanes = [np.zeros(acc.shape, acc.dtype) for _ in range(8)]
        for p in range(end):
            lane = 0 if p < head else (p - head) % count
            lanes[lane] = lanes[lane] + a[:, p:p + 1] * b[p:p + 1, :]
        if wide:  # (vectors of two lanes added pairwise, then the two lanes)
            even, odd = lanes[0:count:2], lanes[1:count:2]
            while len(even) > 1:
                even = [even[i] + even[i + 1] for i in range(0, len(even), 2)]
                odd = [odd[i] + odd[i + 1] for i in range(0, len(odd), 2)]
            folded = even[0] + odd[0]
        else:
            half = [lanes[q] + lanes[q + 4] for q in range(4)]
            folded = (half[0] + half[2]) + (half[1] + half[3])
        for p in range(end, k):
            folded = folded + a[:, p:p + 1] * b[p:p + 1, :]
        return acc + folded
    if kind == _DOT:
        width = 2 if wide else 4
        head = (k - 1) % width + 1
        lanes = [np.zeros(acc.shape, acc.dtype) for _ in range(width)]
        for p in range(k):
            lane = 0 if p < head else (p - head) % width
            lanes[lane] = lanes[lane] + a[:, p:p + 1] * b[p:p + 1, :]
        return acc + (lanes[0] + lanes[1] if wide else (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]))
    loop = getattr(compiled, "dgemm_orders", None)
    if loop is not None and acc.dtype == _F64 and kind in (_PLAIN, _FUSED):
        acc = np.array(acc, _F64, order="C")
        loop(a, b, acc, kind == _FUSED)  # (the same steps in one compiled loop)
        return acc
    for p in range(k):
        x, y = np.broadcast_arrays(a[:, p:p + 1], b[p:p + 1, :])
        acc = fma(x, y, acc) if kind == _FUSED else acc + x * y
    return acc


def intel_dot(a, b):
    """float32 or float64 dot product of two 1-D arrays as MKL's sdot/ddot computes it on Intel CPUs (measured on a
    Xeon with AVX-512, lengths 1-100,000, summation trees from probes, then values): four accumulators of one 64-byte
    vector each (16 float32 or 8 float64 lanes), each block of four vectors fused a quarter into each; past the last
    block, whole vectors into the first two in turn and a partial last one into the first; the accumulators added
    (0 + 1) + (2 + 3), halved to 4 lanes, then float32's (l0 + l1) + (l2 + l3), float64's (l0 + l2) + (l1 + l3).
    From 32 KB of one operand on, MKL's two threads each take a half (the first ceil(n / 2) products), added first +
    second. Either operand of another stride (a matrix's column, a [::2] view, an expanded vector): MKL's strided
    kernel, _intel_strided_dot_part, with the same thread split. None for other dtypes and for thread counts other
    than 1 and 2 (whose splits were not measured)."""
    if a.dtype != b.dtype or a.dtype not in (np.float32, np.float64):
        return None
    k = a.shape[0]
    part = _intel_strided_dot_part if k > 1 and (a.strides[0] != a.itemsize or b.strides[0] != b.itemsize) else \
        _intel_dot_part
    threads = num_threads() if k * a.itemsize >= 32768 and a.strides[0] and b.strides[0] else 1
    if threads > 2:
        return None
    if threads == 2:
        half = -(-k // 2)
        return np.asarray(part(a[:half], b[:half]) + part(a[half:], b[half:]))
    return np.asarray(part(a, b))


def _intel_strided_dot_part(a, b):
    """One thread's share of MKL's sdot/ddot on Intel CPUs where an operand's stride is not 1 (measured on a Xeon
    with AVX-512, float32 and float64, strides 0, 2, 3 and a matrix's columns, lengths 1-20,000): four lanes, each
    block of four products fused one into each; the lanes folded to two as (0 + 2, 1 + 3); a pair of products left
    fused into those two; the two added; a last single product fused onto the sum (a 0-dim value)."""
    k, dt = a.shape[0], a.dtype
    whole = k // 4 * 4
    lanes = np.zeros(4, dt)
    if whole:
        x, y = np.ascontiguousarray(a[:whole]), np.ascontiguousarray(b[:whole])
        loop = getattr(compiled, "fma_rows", None)
        if loop is not None:
            loop(x, y, lanes)
        else:
            for start in range(0, whole, 4):
                lanes = fma(x[start:start + 4], y[start:start + 4], lanes)
    two = np.array([lanes[0] + lanes[2], lanes[1] + lanes[3]], dt)
    if k - whole >= 2:
        two = fma(a[whole:whole + 2], b[whole:whole + 2], two)
    total = two[0] + two[1]
    if (k - whole) % 2:
        total = fma(a[k - 1], b[k - 1], total)
    return dt.type(total)


def _intel_dot_part(a, b):
    """One thread's share of intel_dot: the sum of a * b in MKL's lanes and accumulators (a 0-dim value)."""
    w = 64 // a.itemsize
    k = a.shape[0]
    acc = np.zeros((4, w), a.dtype)
    whole = k // (4 * w) * (4 * w)
    for start in range(0, whole, 4 * w):
        x, y = a[start:start + 4 * w].reshape(4, w), b[start:start + 4 * w].reshape(4, w)
        acc = fma(x, y, acc)
    for i, start in enumerate(range(whole, k, w)):
        width = min(w, k - start)
        j = i % 2 if width == w else 0
        acc[j, :width] = fma(a[start:start + width], b[start:start + width], acc[j, :width])
    lanes = (acc[0] + acc[1]) + (acc[2] + acc[3])
    while lanes.shape[0] > 4:
        lanes = lanes[:lanes.shape[0] // 2] + lanes[lanes.shape[0] // 2:]
    if a.dtype == np.float32:
        return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    return (lanes[0] + lanes[2]) + (lanes[1] + lanes[3])


def _in_sequence(start, values):
    """start + values[0] + values[1] + ..., each add rounded in turn (rows of values: lanes side by side)."""
    if not len(values):
        return start
    return np.add.accumulate(np.concatenate([np.asarray(start)[None], values]), axis=0)[-1]


def _sse_dot(p, head, unit, same):
    """MKL's ?dot kernel for SSE (mkl_blas_def_xsdot/xddot, which MKL runs on AMD CPUs) over the rounded products
    p, read from its disassembly: 16-byte vectors of w lanes (float32 4, float64 2), four accumulators from +0.
    Unit strides with x and y equally aligned: the `head` products before the first aligned vector go one by one
    into lane 0 of the first accumulator, the vectors take the accumulators in turn (float32: in blocks of 8 and
    then single blocks of 4, 2 and 1 vectors, so leftover vectors take accumulators 0, 1, 0; float64: blocks of 8,
    one of 4, then every leftover vector into the first), the products left over one by one into lane 0.
    Unequal alignment: head until y is aligned, then float32 takes one vector and the rest one by one, float64 the
    same as aligned. Other strides: float32 one by one, float64 in pairs. The accumulators are added
    ((0 + 1) + 2) + 3, then the lanes (0 + 2) + (1 + 3), or 0 + 1."""
    w = 16 // p.itemsize
    n = p.shape[0]
    if not unit:
        if w == 4:
            return _in_sequence(np.float32(0), p)
        lanes = _in_sequence(np.zeros(2), p[:n - n % 2].reshape(-1, 2))
        lanes[0] = _in_sequence(lanes[0], p[n - n % 2:])
        return lanes[0] + lanes[1]
    h = min(n, head)
    acc = np.zeros((4, w), p.dtype)
    acc[0, 0] = _in_sequence(acc[0, 0], p[:h])
    if h == n:
        return acc[0, 0]
    body = p[h:]
    nv = body.shape[0] // w
    vectors = body[:nv * w].reshape(nv, w)
    if w == 4 and not same:
        nv = min(nv, 1)
        acc[0] = _in_sequence(acc[0], vectors[:nv])
    else:
        whole = nv // 4 * 4
        for j in range(4):
            acc[j] = _in_sequence(acc[j], vectors[j:whole:4])
        for j, v in enumerate(vectors[whole:]):
            acc[j % 2 if w == 4 else 0] += v
    acc[0, 0] = _in_sequence(acc[0, 0], body[nv * w:])
    s = ((acc[0] + acc[1]) + acc[2]) + acc[3]
    return (s[0] + s[2]) + (s[1] + s[3]) if w == 4 else s[0] + s[1]


def amd_dot(a, b):
    """The dot product of two float32 or float64 1-D arrays as MKL's sdot/ddot adds it on AMD CPUs (_sse_dot; the
    alignment from each array's offset in its root buffer, PyTorch's storages starting 64-byte aligned). From 32 KB
    of one operand on (neither expanded), MKL's two threads each take a half (the first ceil(n / 2) products), added
    first + second.
    Checked against torch over lengths 0-100,000, offsets, strides and expanded vectors. None for other dtypes, on
    Intel CPUs, and for thread counts other than 1 and 2 (whose splits were not measured)."""
    if MKL_ON_INTEL or a.dtype != b.dtype or a.dtype not in (np.float32, np.float64) or a.ndim != 1 or b.ndim != 1:
        return None
    n = a.shape[0]
    sa, sb = (a.strides[0] // a.itemsize, b.strides[0] // b.itemsize) if n > 1 else (1, 1)  # (ATen: n = 1 is unit)
    threads = num_threads() if n * a.itemsize >= 32768 and sa and sb else 1  # (an expanded operand: one thread)
    if threads > 2:
        return None
    w = 16 // a.itemsize
    oa, ob = _offset_in_root(a), _offset_in_root(b)
    p = a * b

    def part(lo, hi):
        xa, xb = oa + lo * sa, ob + lo * sb
        same = xa % w == xb % w
        return _sse_dot(p[lo:hi], (-xa if same else -xb) % w, sa * sb == 1, same)
    half = -(-n // threads)
    return np.asarray(part(0, half) + part(half, n) if threads == 2 else part(0, n))


def amd_gemv_one_column(a, x, x_offset=None):
    """The sum of a * x (1-D, float32 or float64, unit strides) as MKL's gemv 't' of one column adds it on AMD CPUs
    (mkl_blas_def_xsgemv/xdgemv: torch.mv of one row, one row times a column-major column, nn.Linear(k, 1) of one
    sample). Measured with crafted products and against torch (lengths 1-300,000, every alignment of either
    operand; no thread split): the products up to x's second 16-byte boundary (4 - offset % 4 float32s, 2 - offset % 2
    float64s) one by one, then blocks of eight into eight lanes (float32: two vectors of four; float64: four of
    two), lane 0 starting from that sum, the lanes added as float32's (0 + 4) etc. vectors then (0 + 2) + (1 + 3),
    float64's ((0, 1) + (2, 3)) + ((4, 5) + (6, 7)) then 0 + 1; the products past the last block one by one. None
    on Intel CPUs and for other dtypes or strides."""
    if MKL_ON_INTEL or a.dtype != x.dtype or a.dtype not in (np.float32, np.float64) or a.ndim != 1 or \
            a.strides[0] != a.itemsize or x.strides[0] != x.itemsize and x.shape[0] > 1:
        return None
    w = 16 // a.itemsize
    p = a * x
    k = p.shape[0]
    head = min(k, w - (_offset_in_root(x) if x_offset is None else x_offset) % w)
    whole = (k - head) // 8 * 8
    s = _in_sequence(p.dtype.type(0), p[:head])
    if not whole:
        return np.asarray(_in_sequence(s, p[head:]))
    lanes = np.zeros(8, p.dtype)
    lanes[0] = s
    lanes = _in_sequence(lanes, p[head:head + whole].reshape(-1, 8))
    pairs = lanes[:4] + lanes[4:] if w == 4 else (lanes[0:2] + lanes[2:4]) + (lanes[4:6] + lanes[6:8])
    total = (pairs[0] + pairs[2]) + (pairs[1] + pairs[3]) if w == 4 else pairs[0] + pairs[1]
    return np.asarray(_in_sequence(total, p[head + whole:]))


def amd_gemv_rows(a, x):
    """a @ x of a row-major float32 or float64 matrix (unit-stride rows) and a unit-stride vector as MKL's gemv 't'
    adds it on AMD CPUs (mkl_blas_def_xsgemv/xdgemv: torch.mv, one row times a transposed matrix, nn.Linear of one
    sample). Measured with crafted products and against torch (1-5000 rows, 1-100,000 columns, every alignment of
    either operand; no thread split changes a sum). Rows go in groups of four, then a pair, then one
    (amd_gemv_one_column). A group of four: the products up to the group's last row's second 16-byte boundary one
    by one, then 16-byte vectors into one accumulator (lane 0 from that sum), its lanes folded as
    amd_gemv_one_column's, the products past the last vector one by one. A pair: the head up to x's second
    boundary, then blocks of eight products; the first row's blocks split between two accumulators (a block's first
    half into one, its second into the other, added before the fold), the second row's into one. None for other
    dtypes and layouts, and on Intel CPUs."""
    if MKL_ON_INTEL or a.dtype != x.dtype or a.dtype not in (np.float32, np.float64) or a.ndim != 2 or \
            x.ndim != 1 or a.strides[1] != a.itemsize and a.shape[1] > 1 or x.strides[0] != x.itemsize and \
            x.shape[0] > 1 or a.strides[0] % a.itemsize:
        return None
    n, k = a.shape
    loop = getattr(compiled, "gemv_t", None)
    if loop is not None:  # (the same orders, compiled)
        out = np.empty(n, a.dtype)
        loop(a, x[None], out, _offset_in_root(a), _offset_in_root(x))
        return out
    return _gemv_rows_np(a, x)


def _gemv_rows_np(a, x):
    """amd_gemv_rows in numpy (where the compiled loops are not built)."""
    n, k = a.shape
    w = 16 // a.itemsize
    p = a * x
    out = np.empty(n, a.dtype)

    def fold(lanes):  # (rows, w) -> rows
        return (lanes[:, 0] + lanes[:, 2]) + (lanes[:, 1] + lanes[:, 3]) if w == 4 else lanes[:, 0] + lanes[:, 1]

    def rows_sum(rows, head, block, split):
        """The sums of p's rows: head products in turn, blocks of `block` products into lanes, then the rest."""
        q = p[rows]
        head = min(head, k)
        s = _in_sequence(np.zeros(len(rows), a.dtype), q[:, :head].T)
        whole = (k - head) // block * block
        if not whole:
            return _in_sequence(s, q[:, head:].T)
        vectors = q[:, head:head + whole].reshape(len(rows), -1, w).transpose(1, 0, 2)
        lanes = np.zeros((len(rows), w), a.dtype)
        lanes[:, 0] = s
        if split:  # (a block's halves into two accumulators)
            lanes = _in_sequence(lanes, vectors[0::2]) + _in_sequence(np.zeros_like(lanes), vectors[1::2])
        else:
            lanes = _in_sequence(lanes, vectors)
        return _in_sequence(fold(lanes), q[:, head + whole:].T)
    groups = n - n % 4
    if groups:
        row_step = a.strides[0] // a.itemsize
        last_rows = _offset_in_root(a) + (np.arange(0, groups, 4) + 3) * row_step
        heads = w - last_rows % w
        for head in np.unique(heads):
            rows = (np.flatnonzero(heads == head)[:, None] * 4 + np.arange(4)).ravel()
            out[rows] = rows_sum(rows, int(head), w, False)
    if n - groups >= 2:
        head = w - _offset_in_root(x) % w
        out[groups] = rows_sum([groups], head, 8, True)[0]
        out[groups + 1] = rows_sum([groups + 1], head, 8, False)[0]
    if (n - groups) % 2:
        out[n - 1] = amd_gemv_one_column(a[n - 1], x)
    return out


def amd_dgemv_columns(a, x):
    """a @ x of a float64 column-major matrix and a vector (or one column) as MKL's dgemv adds it on AMD CPUs
    (ATen's gemv 'n', which a column-major matrix takes; measured against torch, 1-1000 rows, 1-2000 columns, and
    gemm of one column the same): gemv_columns from +0 (never -0). None for other dtypes and layouts, and on Intel
    CPUs."""
    if a.dtype != np.float64 or x.dtype != np.float64 or a.ndim != 2 or not (x.ndim == 1 or x.shape[1] == 1):
        return None
    out = gemv_columns(a, x.reshape(-1))
    return out if out is None or x.ndim == 1 else out[:, None]


def gemv_columns(a, x, start=None):
    """start + a @ x of a column-major float32/float64 matrix a and a vector x as MKL's gemv 'n' adds it on AMD CPUs:
    each row's products rounded and added in column order onto start (addmv's beta * self, where alpha is multiplied
    into x first: measured against torch, 1-1000 rows, 1-300 columns, both dtypes, alpha/beta 0/0.3/0.5/1/1.5), or
    onto +0. None for other dtypes and layouts (ATen's gemv 't' or a copy). On Intel CPUs: _intel_gemv_columns."""
    if a.dtype not in (np.float32, np.float64) or x.dtype != a.dtype or a.ndim != 2:
        return None
    m, k = a.shape
    if not k or a.strides[0] != a.itemsize or a.strides[1] < max(1, m) * a.itemsize and k > 1:  # (ATen's lda_cond)
        return None
    if MKL_ON_INTEL:
        return _intel_gemv_columns(a, x, start)
    first = np.zeros((m, 1), a.dtype) if start is None else np.broadcast_to(start, (m,)).reshape(m, 1)
    return np.add.accumulate(np.concatenate([first, a * x], axis=1), axis=1)[:, -1] + a.dtype.type(0)


def small_dot(a, b):
    """The dot product of two 1-D arrays as PyTorch's BLAS (MKL) adds it, measured on its x86 build for these
    lengths: products summed four lanes at a time, the lanes then folded (0 + 2) + (1 + 3); None elsewhere."""
    n = a.shape[0]
    if a.dtype != b.dtype or a.dtype not in (np.float32, np.float64) or not (
            n == 4 or (n in (8, 16) and a.dtype == np.float32)):  # (half/bfloat16: ATen's dot with float arithmetic)
        return None
    p = a * b
    lanes = p[:4]
    for i in range(4, n, 4):
        lanes = lanes + p[i:i + 4]
    return np.asarray((lanes[0] + lanes[2]) + (lanes[1] + lanes[3]) + 0.0)  # (lanes started at +0: never -0)


def complex_mv(a, x):
    """a @ x of a complex matrix and vector as MKL's cgemv/zgemv adds it (measured against torch on this build, for
    any size and either layout, conjugate views included): each product's parts rounded plainly (ar xr - ai xi,
    ar xi + ai xr, no fused multiply-add), added in the order of the inner index (add.accumulate's sequential sum).
    None for other dtypes and shapes (numpy's OpenBLAS fuses: a last bit off in most elements)."""
    if a.dtype.kind != "c" or a.dtype != x.dtype or a.ndim != 2 or x.ndim != 1 or not a.shape[1]:
        return None
    ar, ai, xr, xi = a.real, a.imag, x.real, x.imag
    out = np.empty(a.shape[0], a.dtype)
    out.real = np.add.accumulate(ar * xr - ai * xi, axis=1)[:, -1]
    out.imag = np.add.accumulate(ar * xi + ai * xr, axis=1)[:, -1]
    return out


def iterator_axes(x, axes):
    """x's reduced axes in the order TensorIterator walks them (by their strides), slowest first as a flattening
    reads them: the order of a sequential reduction."""
    perm, _ = _reduction_order(x.shape, [st // x.itemsize for st in x.strides], set(axes))
    return [d for d in reversed(perm) if d in axes]


def reduced_rows(x, axes):
    """x as (kept dims..., reduced elements), each output's elements in the iterator's order."""
    kept = [d for d in range(x.ndim) if d not in axes]
    moved = np.transpose(x, kept + iterator_axes(x, axes))
    return moved.reshape(moved.shape[:len(kept)] + (math.prod(x.shape[d] for d in axes),))


def welford(rows):
    """(mean, m2) of each row of float64 rows by WelfordOps' updates, one element after another; one output of
    more than GRAIN_SIZE elements by each thread's range, the ranges then combined in turn (WelfordOps.combine)."""
    m = rows.shape[-1]
    if m < GRAIN_SIZE or math.prod(rows.shape[:-1]) != 1 or num_threads() == 1:
        return _welford_steps(rows)
    mean = m2 = count = None
    for begin, end in _thread_ranges(m, num_threads()):
        b_mean, b_m2 = _welford_steps(rows[..., begin:end])
        if mean is None:
            mean, m2, count = b_mean, b_m2, float(end - begin)
            continue
        delta, total = b_mean - mean, count + (end - begin)
        nb_over_n = (end - begin) / total
        mean, m2, count = mean + delta * nb_over_n, m2 + b_m2 + delta * delta * count * nb_over_n, total
    return mean, m2


def _welford_steps(rows):
    mean, m2 = np.zeros(rows.shape[:-1]), np.zeros(rows.shape[:-1])
    for k in range(rows.shape[-1]):
        v = rows[..., k]
        delta = v - mean
        mean = mean + delta / float(k + 1)
        m2 = m2 + delta * (v - mean)
    return mean, m2


def _squared_deviations(x, mean):
    """std_var_all_cpu's sum of (x - mean)**2 in double: x walked in memory order by the iterator, each 2-D block's
    local sum added to its thread's, the threads' sums in turn."""
    item = x.itemsize
    sizes, s_in, s_out = _iteration(x.shape, [st // item for st in x.strides], set(range(x.ndim)))
    extent = 1 + sum((n - 1) * st // item for n, st in zip(x.shape, x.strides))
    flat = x.reshape(-1) if x.flags.c_contiguous else np.lib.stride_tricks.as_strided(x, (extent,), (item,))

    def block(flat, out, in_off, out_off, size0, size1, s_in, s_out, vec):
        dx = _view(flat, in_off, (size1, size0), (s_in[1], s_in[0])).astype(np.float64) - mean
        out[0] = out[0] + np.cumsum((dx * dx).reshape(-1))[-1]

    total = 0.0
    for begin, end in (_thread_ranges(x.size, num_threads()) if x.size > GRAIN_SIZE else [(0, x.size)]):
        part = np.zeros(1)
        _for_each(flat, part, sizes, s_in, s_out, begin, end, 0, block=block)
        total = total + float(part[0])
    return total


def variance(x, axes, correction, keepdim):
    """var of float32/float64 x over axes, in double, as PyTorch's CPU kernels take it: one output by two passes
    (x.mean(), then the squared deviations in memory order, per thread's range from GRAIN_SIZE up); several by
    Welford's updates along each in the iterator's order. float32's results rounded to float32 are those of any
    exact double computation, so only float64 walks Welford's steps (up to a length where that would crawl)."""
    if x.dtype != np.float32 and x.dtype != np.float64:  # float16: PyTorch accumulates in float
        x = x.astype(np.float32)
    flat = reduced_rows(x, axes).astype(np.float64)
    m = flat.shape[-1]
    divisor = max(0, m - correction)
    if flat[..., 0].size == 1:
        mean = float(cascade_sum(x, tuple(range(x.ndim))).reshape(()) / x.dtype.type(m))  # x.mean()
        r = np.full(flat.shape[:-1], np.float64(_squared_deviations(x, mean)) / np.float64(divisor))  # (0: inf/nan)
    elif x.dtype == np.float64 and m <= 1 << 16:
        r = welford(flat)[1] / np.float64(divisor)
    else:
        dev = flat - flat.mean(axis=-1, keepdims=True)
        r = np.sum(dev * dev, axis=-1) / np.float64(divisor)
    if keepdim:
        r = r.reshape([1 if d in axes else x.shape[d] for d in range(x.ndim)])
    return r


def norm_sequential(x, p, dims, keepdim):
    """The p-norm (p not 0 or inf) of float x over dims as PyTorch's generic reduction takes it: |x|**p
    (the C library's pow in x's precision; p 2: the square) added one after another in the order of dims (the last
    fastest: vector_norm gives the iterator's), in x's precision, then the total ** (1/p) (1 and 1/p both in x's
    precision; p 2: the square root)."""
    axes = tuple(range(x.ndim)) if dims is None else tuple(dims)
    kept = [d for d in range(x.ndim) if d not in axes]
    moved = np.transpose(x, kept + list(axes))
    flat = moved.reshape(moved.shape[:len(kept)] + (math.prod(x.shape[d] for d in axes),))  # (-1: not for size 0)
    a = np.abs(flat)
    terms = a if p == 1 else a * a if p == 2 else pow_scalar_libm(a, p)  # (NormTwoOps: data * data, then sqrt)
    n = terms.shape[-1]
    total = np.zeros(terms.shape[:-1], x.dtype)
    # each output's elements in turn; a single output of GRAIN_SIZE elements or more is split into one run per
    # thread's range, the runs then added in order (several outputs share the threads out instead)
    split = n >= GRAIN_SIZE and total.size == 1
    for begin, end in (_thread_ranges(n, num_threads()) if split else [(0, n)]):
        if end > begin:
            total = total + np.cumsum(terms[..., begin:end], axis=-1, dtype=x.dtype)[..., -1]
    if p != 1:
        total = np.sqrt(total) if p == 2 else pow_scalar_libm(total, x.dtype.type(1) / x.dtype.type(p))
    if keepdim:
        total = total.reshape([1 if d in axes else x.shape[d] for d in range(x.ndim)])
    return np.array(total, order="C")  # (ascontiguousarray would make a 0-d result 1-d)


def reduced_add_alpha(a, b, alpha, to_bfloat16):
    """a + alpha * b of bfloat16 (or float16: to_bfloat16 then rounds to float16) values as PyTorch's add kernel
    computes them: alpha rounded to the dtype; its vector loop (two vectors of 16 at a time) one fused multiply-add in float, its scalar tail the
    product rounded to bfloat16 first, then the sum. The loop runs over the innermost dim, or over all of two
    operands of one dense layout (one thread's grain); an operand strided along the innermost dim takes the scalar
    loop throughout (TensorIterator vectorizes only contiguous or broadcast inner strides)."""
    alpha = to_bfloat16(np.float32(alpha))[()]
    a, b = np.asarray(a), np.asarray(b)  # (their layouts as given: a float16 array's is lost in float32)
    strided = any(x.ndim and x.shape[-1] > 1 and x.strides[-1] not in (0, x.itemsize) for x in (a, b))
    c_order, f_order = (a.flags.c_contiguous and b.flags.c_contiguous), (a.flags.f_contiguous and b.flags.f_contiguous)
    a, b = a.astype(np.float32, copy=False), b.astype(np.float32, copy=False)
    out = np.array(fma(b, alpha, a), np.float32)
    if out.ndim == 0:
        return to_bfloat16(a + to_bfloat16(alpha * b))
    scalar = a.ndim == 0 or b.ndim == 0
    if scalar or a.shape == b.shape and (c_order or f_order):
        # one dense loop (a tensor and a scalar: the scalar broadcast), split among the threads past one grain
        order = "F" if not scalar and not c_order else "C"
        fa, fb = (np.broadcast_to(x, out.shape).reshape(-1, order=order) for x in (a, b))
        fo = out.reshape(-1, order=order)
        for begin, end in _thread_ranges(fo.size, num_threads()):
            tail = end - (end - begin) % 32
            fo[tail:end] = fa[tail:end] + to_bfloat16(alpha * fb[tail:end])
        out[...] = fo.reshape(out.shape, order=order)
        return out
    keep = tuple(d for d, size in enumerate(out.shape) if size != 1) or (out.ndim - 1,)  # (size-1 dims coalesce)
    shape = tuple(out.shape[d] for d in keep)
    view = lambda x: np.broadcast_to(x, out.shape).reshape(shape)  # noqa: E731
    n = shape[-1]
    tail = 0 if strided else n - n % 32
    o = out.reshape(shape)
    o[..., tail:] = view(a)[..., tail:] + to_bfloat16(alpha * view(b)[..., tail:])
    return o.reshape(out.shape)


def add_alpha(a, b, alpha):
    """a + alpha * b of float32 or float64 values, as PyTorch's add kernel computes it: one fused multiply-add,
    but for a contiguous tensor and an operand constant along its innermost dims (a number, a 0-dim tensor, a
    column) its loops' own mix (constant_add_alpha)."""
    if type(a) is np.ndarray and a.ndim and a.size and a.flags.c_contiguous and a.dtype.kind == "f" and \
            a.dtype.itemsize >= 4:
        shape = (1,) * (a.ndim - np.ndim(b)) + np.shape(b)
        if len(shape) == a.ndim and np.broadcast_shapes(a.shape, shape) == a.shape and shape[-1] == 1:
            inner = a.ndim  # (the dims b is broadcast along coalesce into one loop)
            while inner and shape[inner - 1] == 1:
                inner -= 1
            return constant_add_alpha(a, b, alpha, math.prod(a.shape[inner:]))
    return fma(b, np.result_type(a, b).type(alpha), a)


def constant_add_alpha(a, b, alpha, length):
    """a + alpha * b of a contiguous float32/float64 array a and a b constant along each run of `length` elements,
    as PyTorch's add kernel computes an operand of stride 0 in its inner loop: its vector loop (two vectors at a
    time) and the 64-byte blocks the compiler made of its scalar loop fuse the multiply-add; the rest of each run
    (a thread's range cuts runs), past its last 64-byte block, is one fused element, then 16-byte vectors of
    product-then-sum, then fused elements again."""
    dt = a.dtype.type
    rows = a.size // length
    column = np.broadcast_to(np.asarray(b, a.dtype), a.shape).reshape(rows, length)[:, :1]
    flat = a.reshape(-1)
    out = fma(np.broadcast_to(column, (rows, length)).reshape(-1), dt(alpha), flat)
    wide, narrow = 64 // a.itemsize, 16 // a.itemsize
    scale = np.broadcast_to(dt(alpha) * column, (rows, length)).reshape(-1)  # (the split product, rounded once)

    def split(begin, end, runs=1):  # runs of (end - begin) // runs elements each, from begin
        rest = (end - begin) // runs % wide
        if rest > narrow:
            first = (end - begin) // runs - rest + 1
            last = first + (rest - 1) // narrow * narrow
            view = (slice(None), slice(first, last))
            o, x, s = (v[begin:end].reshape(runs, -1) for v in (out, flat, scale))
            o[view] = x[view] + s[view]

    for begin, end in _thread_ranges(flat.size, num_threads()):
        whole = -(-begin // length) * length  # (the first run that starts in this range)
        if whole > begin:
            split(begin, min(whole, end))
        tail = max(whole, end // length * length)
        if tail > whole:
            split(whole, tail, (tail - whole) // length)
        if end > tail >= begin and tail >= whole:
            split(tail, end)
    return out.reshape(a.shape)


def pow_scalar_libm(x, exponent):
    """std::pow(x, exponent) with both in x's precision. glibc's powf rounds correctly to within a hair, so double
    arithmetic gives its float32 results; for float64 the C library itself is asked (numpy's own vectorized pow
    differs from it in the last bit)."""
    if x.dtype == np.float32:
        return np.power(x, np.float64(np.float32(exponent)), dtype=np.float64).astype(np.float32)
    if x.dtype == np.float64:
        e = float(exponent)
        c_pow = _libm("pow", 2)  # (math.pow raises where C's pow gives inf or nan: 0 ** -1, (-2) ** 0.5)
        if c_pow is None:
            with np.errstate(all="ignore"):
                return np.power(x, e)
        return np.fromiter((c_pow(v, e) for v in x.ravel().tolist()), np.float64, x.size).reshape(x.shape)
    return np.power(x, x.dtype.type(exponent))


def pow_scalar(x, exponent, vector=True):
    """x ** exponent for float32/float64 x as PyTorch's pow kernel dispatches it: sqrt, 1/sqrt and 1/x for
    0.5, -0.5 and -1; x*x, x*x*x and 1/(x*x) for 2, 3 and -2, rounded step by step; the rest through pow: SLEEF's
    with the exponent in x's precision on whole two-vector chunks of each thread's range, the C library's pow in
    double of the exponent as given on the rest (its scalar body's std::pow(x, double)), where the compiled loops
    are built and `vector` (not for bfloat16 values, whose vectors are other); elsewhere the C library's (float32)
    or numpy's (float64)."""
    if x.ndim > 1 and not x.flags.c_contiguous and 0 not in x.strides:  # (TensorIterator walks memory order and
        perm = np.argsort([-abs(st) for st in x.strides], kind="stable")  # gives the output the input's layout)
        return pow_scalar(np.ascontiguousarray(x.transpose(perm)), exponent, vector).transpose(np.argsort(perm))
    one = x.dtype.type(1)
    if exponent == 1:
        return x.copy()
    if exponent == 0.5:  # (its sqrt kernel: torch.sqrt's)
        return sqrt(x)
    if exponent == -0.5:
        return one / np.sqrt(x)
    if exponent == -1:
        return one / x
    if exponent == 2:
        return x * x
    if exponent == 3:
        return x * x * x
    if exponent == -2:
        return one / (x * x)
    tail = None if x.dtype != np.float32 else lambda v, _: np.power(v, float(exponent), dtype=np.float64)
    out = binary_body("loop_pow", x, x.dtype.type(exponent), tail) if vector else None  # (loop_pow's own tail:
    if out is not None:  # std::pow(float, float), powf; tensor ** number's is std::pow(float, double))
        return out
    if x.dtype == np.float32:  # SLEEF's powf rounds as the C library's nearly always
        return pow_scalar_libm(x, exponent)
    return np.power(x, x.dtype.type(exponent))  # (SLEEF's pow in PyTorch: neither this nor the C library's)


def _thread_ranges(numel, threads, grain=GRAIN_SIZE):
    """at::parallel_for's split of [0, numel): as many grain-sized chunks as threads allow (one range, the
    serial loop, up to one grain or on one thread); grain 0 gives every thread a share of anything longer than
    one element. Ranges past the end come out empty."""
    if grain == 0:
        used = threads if numel > 1 else 1
    else:
        used = max(1, min(threads, -(-numel // grain)))
    chunk = -(-numel // used)
    return [(tid * chunk, min(numel, (tid + 1) * chunk)) for tid in range(used)]


_plans = {}     # (shape, strides, itemsize, reduced) -> _iteration's plan: a training loop sums the same shapes


_blocks = {}    # (shape, strides, dtype, reduced) -> the one compiled block that sums it: see cascade_sum


def cascade_sum(x, reduced, round_partials=None, round_stores=None, width=None):
    """x summed over the dims in `reduced` (float32, float64, complex64 or complex128 ndarray) exactly as PyTorch's
    CPU kernel sums it on this machine; the result has keepdim shape. round_partials: the rounding of each thread's
    partial sum of a whole tensor (bfloat16 keeps them in its output dtype); round_stores: of each 2-D loop's row
    sums as they are stored into a half/bfloat16 output (nansum's, which has no float buffer: rows of a second
    reduced dim each rounded); width: the bytes of an element as the vectors hold it, when not x's (a complex
    tensor's real and imaginary parts are summed each in its order, a complex number to a lane)."""
    if x.dtype.kind == "c" and x.size:
        return complex_of(*(cascade_sum(part, reduced, width=x.itemsize) for part in complex_parts(x)), x.dtype)
    vec = VECTOR_BYTES // (width or x.dtype.itemsize)
    block = None if round_stores else _blocks.get((x.shape, x.strides, x.dtype, tuple(reduced), vec))
    if block is not None:  # (a training loop sums the same small shapes: the steps below, known from the first time)
        keep, n_out, contiguous, extent, args = block
        flat = x if contiguous else np.lib.stride_tricks.as_strided(x, (extent,), (x.itemsize,))  # (a C-contiguous
        out = np.zeros(keep, x.dtype)  # array's buffer is its flat run already)
        compiled.sum_block(flat, out, 0, 0, *args)
        return out
    dt = x.dtype
    keep = tuple(1 if d in reduced else s for d, s in enumerate(x.shape))
    if x.size == 0:
        return np.zeros(keep, dt)
    item = dt.itemsize
    numel, threads = x.size, num_threads()
    extent = 1 + sum((s - 1) * st // item for s, st in zip(x.shape, x.strides))  # PyTorch strides are >= 0
    if len(reduced) == x.ndim and extent == numel:  # all of a dense tensor: one run in memory order
        flat = x.reshape(-1) if x.flags.c_contiguous else np.lib.stride_tricks.as_strided(x, (numel,), (item,))
        if round_partials is not None and numel >= GRAIN_SIZE and threads > 1:
            parts = np.array([_run_sum(flat[b:e], 1) for b, e in _thread_ranges(numel, threads)], dt)
            return np.full(keep, _dense_sum(round_partials(parts)), dt)
        return np.full(keep, _run_sum(flat, threads, vec), dt)
    flat = x.reshape(-1) if x.flags.c_contiguous else np.lib.stride_tricks.as_strided(x, (extent,), (item,))
    key = (x.shape, x.strides, item, tuple(reduced))
    plan = _plans.get(key)
    if plan is None:
        if len(_plans) > 4096:
            _plans.clear()
        plan = _plans[key] = _iteration(x.shape, [st // item for st in x.strides], set(reduced))
    sizes, s_in, s_out = plan
    out = np.zeros(math.prod(keep), dt)
    if round_stores is not None and (numel < GRAIN_SIZE or threads == 1):
        _for_each(flat, out, sizes, s_in, s_out, 0, numel, vec,
                  block=lambda *args: _sum_block(*args, rounding=round_stores))
    elif numel < GRAIN_SIZE or threads == 1:
        _for_each(flat, out, sizes, s_in, s_out, 0, numel, vec)
        if numel < GRAIN_SIZE and compiled is not None and len(sizes) <= 2:  # (_for_each's one block, any thread count)
            if len(_blocks) > 4096:
                _blocks.clear()
            sizes, s_in, s_out = (sizes + [1], s_in + [0], s_out + [0]) if len(sizes) == 1 else (sizes, s_in, s_out)
            _blocks[(x.shape, x.strides, dt, tuple(reduced), vec)] = (
                keep, out.size, x.flags.c_contiguous, extent, (sizes[0], sizes[1], s_in[0], s_in[1], s_out[0], s_out[1], vec))
    elif out.size == 1:
        partials = np.zeros(threads, dt)
        for tid, (begin, end) in enumerate(_thread_ranges(numel, threads)):
            _for_each(flat, partials[tid:tid + 1], sizes, s_in, s_out, begin, end, vec)
        out[0] = _dense_sum(partials if round_partials is None else round_partials(partials), vec)
    else:
        _parallel_dim_sum(flat, out, sizes, s_in, s_out, threads, vec)
    return out.reshape(keep)


def c10_complex_div(a, b, fused_numerators=True):
    """a / b as c10::complex's operator/ computes it in a scalar kernel (numpy's algorithm, which it follows, with
    the products the compiler fuses into fma; fused_numerators False: the denominator's only)."""
    T = a.real.dtype.type
    p, q, c, d = a.real, a.imag, b.real, b.imag
    wide = np.abs(c) >= np.abs(d)
    with np.errstate(all="ignore"):
        rat = np.where(wide, d / c, c / d)
        scl = T(1) / np.where(wide, fma(d, rat, c), fma(c, rat, d))
        if fused_numerators:
            re = np.where(wide, fma(q, rat, p), fma(p, rat, q)) * scl
            im = np.where(wide, fma(-p, rat, q), fma(q, rat, -p)) * scl
        else:
            re = np.where(wide, p + q * rat, p * rat + q) * scl
            im = np.where(wide, q - p * rat, q * rat - p) * scl
        zero = (c == 0) & (d == 0)  # (a complex inf or nan)
        re, im = np.where(zero, p / np.abs(c), re), np.where(zero, q / np.abs(d), im)
    out = np.empty(np.shape(re), a.dtype)
    out.real, out.imag = re, im
    return out


def complex_divide(a, b, out=None, in_place=False):
    """a / b of complex arrays as PyTorch's div kernel computes it (measured): c10::complex's operator/
    (c10_complex_div) on every element, but complex64's scalar body (past each range's whole vector chunks) leaves
    the numerators unfused on a range's odd last element, and on all its elements where the output is a (in_place:
    `z /= w`, the compiler's pairwise loop refused for the overlap; strided rows too). A range as complex_multiply's: a thread's share
    of a dense walk, or a row of a broadcast."""
    if out is not None:  # (written in place: the operands read first)
        out[...] = complex_divide(a, b)
        return out
    dt = np.result_type(a, b)
    a, b = np.broadcast_arrays(np.asarray(a, dt), np.asarray(b, dt))
    values = c10_complex_div(a, b)
    if dt != np.complex64 or compiled is None or values.size == 0 or _vector_lanes() is None:
        return values
    walk = _complex_walk(a, b)
    if walk is None:
        return c10_complex_div(a, b, fused_numerators=False) if in_place and _strided_complex64(a, b) else values
    perm, ranges, _ = walk
    chunk = 2 * min(_vector_lanes(), 8) * 4 // values.itemsize
    plain = np.zeros(values.size, bool)
    for begin, end in ranges:
        rest = (end - begin) % chunk
        plain[end - rest if in_place else end - rest % 2:end] = True
    if not plain.any():
        return values
    flat_a, flat_b = (v.transpose(perm).reshape(-1)[plain] for v in (a, b))
    result = values.transpose(perm).reshape(-1).copy()
    result[plain] = c10_complex_div(flat_a, flat_b, fused_numerators=False)
    return result.reshape([values.shape[d] for d in perm]).transpose(np.argsort(perm))


def c10_log1p(z):
    """c10::complex's log1p on the CPU (numpy's algorithm): z where 1 + z rounds to 1, else log(1 + z), scaled by
    z / ((1 + z) - 1) where that difference is not z."""
    T = z.real.dtype.type
    u = z + T(1)
    with np.errstate(all="ignore"):
        log_u = np.log(u)
        scaled = complex_product_fused(log_u, c10_complex_div(z, u - T(1)))
    return np.where(u == T(1), z, np.where(u - T(1) == z, log_u, scaled))
