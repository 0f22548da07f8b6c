"""torch.fft: ATen's SpectralOps.cpp over three primitives, _fft_c2c / _fft_r2c / _fft_c2r (FftC2CBackward0,
FftR2CBackward0, FftC2RBackward0 and FunctionsManual's fft_r2c_backward / fft_c2r_backward), computed by numpy's
pocketfft in the input's precision. PyTorch's CPU build runs MKL's DFTI, whose last bits (and the signs of some exact
zeros) may differ; the structure is ATen's: fft of a real input is a one-sided r2c mirrored by conjugate symmetry
(`fft(tensor([1., 0., 0., 0.]))[3]` is `1.-0.j`), ifft/ihfft of a real input the conj of a forward r2c, hfft a c2r of
the conj, the inputs resized by slice / constant_pad_nd before the transform."""
import numpy as np

from .. import dtypes
from ..errors import runtime
from ..saved_names import unsigned
from .core import InputNode, attach, fresh, from_numpy, needs_grad

NONE, BY_N, BY_ROOT_N = 0, 1, 2  # fft_norm_mode
_FORWARD_NORM = ("backward", "forward", "ortho")  # numpy's name of each mode for a forward transform
_INVERSE_NORM = ("forward", "backward", "ortho")


def _norm_from_string(norm, forward):
    if norm is None or norm == "backward":
        return NONE if forward else BY_N
    if norm == "forward":
        return BY_N if forward else NONE
    if norm == "ortho":
        return BY_ROOT_N
    raise runtime(f'Invalid normalization mode: "{norm}"')


def _saved_dims(node):
    return tuple(map(unsigned, node.dim))


class FftC2CBackward0(InputNode):
    fields = ("dim", "normalization", "forward")
    saved_values = {"dim": _saved_dims, "normalization": lambda n: unsigned(n.normalization), "forward": "forward"}

    def backward(self, g):
        return (fft_c2c(g, self.dim, self.normalization, not self.forward),)


class FftR2CBackward0(InputNode):
    fields = ("dim", "normalization", "onesided", "last_dim_size")
    saved_values = {"dim": _saved_dims, "normalization": lambda n: unsigned(n.normalization), "onesided": "onesided",
                    "self_sym_argsize_minus_1": lambda n: unsigned(n.last_dim_size)}

    def backward(self, g):
        """fft_r2c_backward: a one-sided gradient zero-filled to the signal's length, then an inverse c2c's real part."""
        if self.onesided:
            last = self.dim[-1]
            missing = self.last_dim_size - g._shape[last]
            if missing > 0:
                from ..convolution import constant_pad_nd
                pad = [0] * (2 * g.dim())
                pad[2 * (g.dim() - 1 - last) + 1] = missing
                g = constant_pad_nd(g, pad)
        return (fft_c2c(g, self.dim, self.normalization, False).real,)


class FftC2RBackward0(InputNode):
    fields = ("dim", "normalization")
    saved_values = {"dim": _saved_dims, "normalization": lambda n: unsigned(n.normalization)}

    def backward(self, g):
        """fft_c2r_backward: a one-sided r2c, the entries whose mirror fell outside it doubled."""
        gi = fft_r2c(g, self.dim, self.normalization, True)
        last = self.dim[-1]
        double = g._shape[last] - gi._shape[last]
        if double > 0:
            scale = np.ones(gi._shape[last], gi.dtype.to_real().np)
            scale[1:1 + double] = 2
            shape = [1] * gi.dim()
            shape[last] = -1
            gi = gi * fresh(scale.reshape(shape), gi.dtype.to_real())
        return (gi,)


def _partition(order, keep):
    """libstdc++'s std::partition (bidirectional: swaps from both ends, not stable)."""
    first, last = 0, len(order)
    while True:
        while first != last and keep(order[first]):
            first += 1
        if first == last:
            return first
        last -= 1
        while first != last and not keep(order[last]):
            last -= 1
        if first == last:
            return first
        order[first], order[last] = order[last], order[first]
        first += 1


def _permutation(strides, dims, exclude_last=False):
    """_exec_fft's memory order of its output: the batch dims outermost (by the input's strides, largest first), then
    the transformed dims as _sort_dims orders them (by stride; a one-sided transform's last dim stays last)."""
    def by_stride(ds):
        return sorted(ds, key=lambda d: -strides[d])  # (std::sort of a few dims: an insertion sort, stable)
    transformed = by_stride(dims[:-1]) + list(dims[-1:]) if exclude_last else by_stride(dims)
    order = list(range(len(strides)))
    end = _partition(order, lambda d: d not in dims)
    return by_stride(order[:end]) + transformed


def _strides_of(shape, order):
    strides, step = [0] * len(shape), 1
    for d in reversed(order):
        strides[d] = step
        step *= shape[d]
    return strides


def _plan(x, dim):
    if dim and not x._np.size:  # (MKL refuses a plan over an empty batch; no dims is a clone)
        raise runtime("MKL FFT error: Intel oneMKL DFTI ERROR: Inconsistent configuration parameters")


def _result(values, dt, x, order, node):
    arr = np.ascontiguousarray(np.transpose(values, order), dt.np)
    out = from_numpy(np.transpose(arr, np.argsort(order)), dt)
    if needs_grad(x):
        attach(out, node)
    return out


def fft_c2c(x, dim, normalization, forward):
    """aten::_fft_c2c of a complex tensor over the dims `dim`."""
    _plan(x, dim)
    transform = np.fft.fftn if forward else np.fft.ifftn
    values = transform(x._np, axes=dim, norm=(_FORWARD_NORM if forward else _INVERSE_NORM)[normalization])
    return _result(values, x.dtype, x, _permutation(x._stride, dim),
                   FftC2CBackward0(x, list(dim), normalization, forward))


def fft_r2c(x, dim, normalization, onesided):
    """aten::_fft_r2c of a float/double tensor: the one-sided transform over the last of `dim` (a c2c over the rest),
    else its full length filled by conjugate symmetry (X[-k] = conj(X[k]) over every transformed dim)."""
    _plan(x, dim)
    half = np.fft.rfftn(x._np, axes=dim, norm=_FORWARD_NORM[normalization])
    last, n = dim[-1], x._shape[dim[-1]]
    if not onesided:
        mirrored = np.conj(half)
        for d in dim[:-1]:
            mirrored = np.roll(np.flip(mirrored, d), 1, d)
        rest = [slice(None)] * half.ndim
        rest[last] = slice(n - half.shape[last], 0, -1)  # (k = h .. n-1 reads the mirror at n - k)
        half = np.concatenate([half, mirrored[tuple(rest)]], last)
    return _result(half, x.dtype.to_complex(), x, _permutation(x._stride, dim, True),
                   FftR2CBackward0(x, list(dim), normalization, onesided, n))


def fft_c2r(x, dim, normalization, last_dim_size):
    """aten::_fft_c2r: the inverse of a one-sided r2c, the last of `dim` of length last_dim_size."""
    _plan(x, dim)
    sizes = [x._shape[d] for d in dim[:-1]] + [last_dim_size]
    values = np.fft.irfftn(x._np, s=sizes, axes=dim, norm=_INVERSE_NORM[normalization])
    strides = x._stride if len(dim) == 1 else _strides_of(x._shape, _permutation(x._stride, dim[:-1]))
    # (several dims: a c2c over the others first, then the last's c2r reads that intermediate)
    return _result(values, x.dtype.to_real(), x, _permutation(strides, dim[-1:]),
                   FftC2RBackward0(x, list(dim), normalization))


# ------------------------------------------------------------------ torch.fft's functions (SpectralOps.cpp)

def _promote(x, require_complex):
    """promote_tensor_fft: integers and bool to the default float, only float/double (and complex) transformed."""
    dt = x.dtype
    if dt.category == 3:
        return x
    if dt.category != 2:
        dt = dtypes.DEFAULT_FLOAT
    if dt not in (dtypes.float32, dtypes.float64):
        raise runtime(f"Unsupported dtype {dtypes.SCALAR_NAMES[dt.name]}")
    if require_complex:
        dt = dt.to_complex()
    return x if dt is x.dtype else x.to(dt)


def _resize(x, dims, sizes):
    """resize_fft_input: slices where the signal is longer, one constant_pad_nd where any is shorter."""
    pad = [0] * (2 * x.dim())
    for d, n in zip(dims, sizes):
        if n == -1:
            continue
        if x._shape[d] < n:
            pad[2 * (x.dim() - 1 - d) + 1] = n - x._shape[d]
        if x._shape[d] > n:
            x = x.narrow(d, 0, n)
    if any(pad):
        from ..convolution import constant_pad_nd
        return constant_pad_nd(x, pad)
    return x


def _check_n(n):
    if n < 1:
        raise runtime(f"Invalid number of data points ({n}) specified")


def _out(name, result, out, complex_out):
    if out is None:
        return result
    if complex_out and out.dtype.category != 3:
        raise runtime(f"{name} expects a complex output tensor, but got {dtypes.SCALAR_NAMES[out.dtype.name]}")
    if not complex_out and out.dtype.category != 2:
        raise runtime(f"{name} expects a floating point output tensor, but got "
                      f"{dtypes.SCALAR_NAMES[out.dtype.name]}")
    if needs_grad(result):
        raise runtime(f"{name}(): functions with out=... arguments don't support automatic differentiation, but one "
                      "of the arguments requires grad.")
    from .. import autograd
    from ..errors import warn
    from ..messages import shape_list
    from .copies import _RESIZED
    from .geometry_inplace import resize_output
    if out._shape != result._shape:
        if out.numel():
            warn(_RESIZED.format(had=shape_list(out._shape), shape=shape_list(result._shape)))
        resize_output(out, result._shape)
    with autograd.no_grad():
        out.copy_(result)
    return out


def _c2c(name, x, n, dim, norm, forward, out):
    if x.dtype.category != 3:
        raise runtime(f"{name} expects a complex input tensor, but got {dtypes.SCALAR_NAMES[x.dtype.name]}")
    d = x._wrap_size_dim(dim)
    n = x._shape[d] if n is None else n
    _check_n(n)
    x = _resize(x, [d], [n])
    return _out(name, fft_c2c(x, [d], _norm_from_string(norm, forward), forward), out, True)


def _r2c(name, x, n, dim, norm, forward, onesided, out):
    if x.dtype.category == 3:
        raise runtime(f"{name} expects a real input tensor, but got {dtypes.SCALAR_NAMES[x.dtype.name]}")
    if out is not None and out.dtype.category != 3:
        raise runtime(f"{name} expects a complex output tensor, but got {dtypes.SCALAR_NAMES[out.dtype.name]}")
    x = _promote(x, False)
    d = x._wrap_size_dim(dim)
    n = x._shape[d] if n is None else n
    _check_n(n)
    x = _resize(x, [d], [n])
    result = fft_r2c(x, [d], _norm_from_string(norm, forward), onesided)
    return _out(name, result if forward else result.conj(), out, True)


def _c2r(name, x, n, dim, norm, forward, out):
    if out is not None and out.dtype.category != 2:
        raise runtime(f"{name} expects a floating point output tensor, but got "
                      f"{dtypes.SCALAR_NAMES[out.dtype.name]}")
    x = _promote(x, True)
    d = x._wrap_size_dim(dim)
    n = 2 * (x._shape[d] - 1) if n is None else n
    _check_n(n)
    x = _resize(x, [d], [n // 2 + 1])
    if forward:
        x = x.conj()
    return _out(name, fft_c2r(x, [d], _norm_from_string(norm, forward), n), out, False)


def fft(input, n=None, dim=-1, norm=None, *, out=None):
    if input.dtype.category == 3:
        return _c2c("fft", input, n, dim, norm, True, out)
    return _r2c("fft", input, n, dim, norm, True, False, out)


def ifft(input, n=None, dim=-1, norm=None, *, out=None):
    if input.dtype.category == 3:
        return _c2c("ifft", input, n, dim, norm, False, out)
    return _r2c("ifft", input, n, dim, norm, False, False, out)


def rfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _r2c("rfft", input, n, dim, norm, True, True, out)


def irfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _c2r("irfft", input, n, dim, norm, False, out)


def hfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _c2r("hfft", input, n, dim, norm, True, out)


def ihfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _r2c("ihfft", input, n, dim, norm, False, True, out)


def _shape_and_dims(x, s, dim):
    """canonicalize_fft_shape_and_dim_args: the transformed dims (wrapped, unique) and the signal's sizes."""
    dims = None
    if dim is not None:
        dims = [x._wrap_size_dim(d) for d in ([dim] if isinstance(dim, int) else dim)]
        if len(set(dims)) != len(dims):
            raise runtime("FFT dims must be unique")
    if s is not None:
        s = [s] if isinstance(s, int) else list(s)
        if dims is not None and len(dims) != len(s):
            raise runtime("When given, dim and shape arguments must have the same length")
        if len(s) > x.dim():
            raise runtime(f"Got shape with {len(s)} values but input tensor only has {x.dim()} dimensions.")
        if dims is None:
            dims = list(range(x.dim() - len(s), x.dim()))
        shape = [x._shape[d] if n == -1 else n for d, n in zip(dims, s)]
    else:
        dims = list(range(x.dim())) if dims is None else dims
        shape = [x._shape[d] for d in dims]
    for n in shape:
        _check_n(n)
    return shape, dims


def _c2c_n(name, input, s, dim, norm, forward, out):
    shape, dims = _shape_and_dims(input, s, dim)
    x = _resize(_promote(input, True), dims, shape)
    return _out(name, fft_c2c(x, dims, _norm_from_string(norm, forward), forward), out, True)


def fftn(input, s=None, dim=None, norm=None, *, out=None):
    return _c2c_n("fftn", input, s, dim, norm, True, out)


def ifftn(input, s=None, dim=None, norm=None, *, out=None):
    return _c2c_n("ifftn", input, s, dim, norm, False, out)


def rfftn(input, s=None, dim=None, norm=None, *, out=None):
    if input.dtype.category == 3:
        raise runtime(f"rfftn expects a real-valued input tensor, but got {dtypes.SCALAR_NAMES[input.dtype.name]}")
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise runtime("rfftn must transform at least one axis")
    x = _resize(_promote(input, False), dims, shape)
    if out is not None and out.dtype.category != 3:
        raise runtime(f"rfftn expects a complex output tensor, but got {dtypes.SCALAR_NAMES[out.dtype.name]}")
    return _out("rfftn", fft_r2c(x, dims, _norm_from_string(norm, True), True), out, True)


def _c2r_shape_and_dims(name, input, s, dim):
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise runtime(f"{name} must transform at least one axis")
    last = 2 * (input._shape[dims[-1]] - 1) if s is None or list([s] if isinstance(s, int) else s)[-1] == -1 \
        else shape[-1]
    _check_n(last)
    shape[-1] = last // 2 + 1
    return shape, dims, last


def irfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims, last = _c2r_shape_and_dims("irfftn", input, s, dim)
    x = _resize(_promote(input, True), dims, shape)
    return _out("irfftn", fft_c2r(x, dims, _norm_from_string(norm, False), last), out, False)


def hfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims, last = _c2r_shape_and_dims("hfftn", input, s, dim)
    x = _resize(_promote(input, True), dims, shape)
    mode = _norm_from_string(norm, True)
    if len(dims) > 1:
        x = fft_c2c(x, dims[:-1], mode, True)
    return _out("hfftn", fft_c2r(x.conj(), dims[-1:], mode, last), out, False)


def ihfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise runtime("ihfftn must transform at least one axis")
    x = _resize(_promote(input, False), dims, shape)
    mode = _norm_from_string(norm, False)
    half = fft_r2c(x, dims[-1:], mode, True)
    if len(dims) == 1:
        return _out("ihfftn", half.conj(), out, True)
    return _out("ihfftn", fft_c2c(half.conj_physical(), dims[:-1], mode, False), out, True)


def _two_dim(fn):
    def function(input, s=None, dim=(-2, -1), norm=None, *, out=None):
        return fn(input, s, dim, norm, out=out)
    function.__name__ = function.__qualname__ = fn.__name__[:-1] + "2"
    return function


fft2, ifft2, rfft2, irfft2, hfft2, ihfft2 = map(_two_dim, (fftn, ifftn, rfftn, irfftn, hfftn, ihfftn))


def _frequencies(name, count, n, d, dtype, requires_grad):
    dt = dtypes.DEFAULT_FLOAT if dtype is None else dtype
    if dt.category < 2:
        raise runtime(f"{name} requires a floating point or complex dtype")
    k = np.arange(count, dtype=np.float64)
    if name == "fftfreq":
        k[(n + 1) // 2:] -= n
    with np.errstate(divide="ignore"):  # (arange in the dtype, then mul_ by the double 1 / (n * d) in its precision)
        values = (k.astype(dt.np) * dt.np.type(np.float64(1.0) / np.float64(n * d))).astype(dt.np)
    out = fresh(values, dt)
    return out.requires_grad_() if requires_grad else out


def fftfreq(n, d=1.0, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    return _frequencies("fftfreq", n, n, d, dtype, requires_grad)


def rfftfreq(n, d=1.0, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    return _frequencies("rfftfreq", n // 2 + 1, n, d, dtype, requires_grad)


def _shifted(x, dim, half):
    dims = list(range(x.dim())) if dim is None else [x._wrap_size_dim(d) for d in
                                                     ([dim] if isinstance(dim, int) else dim)]
    return x.roll([half(x._shape[d]) for d in dims], dims)


def fftshift(input, dim=None):
    return _shifted(input, dim, lambda n: n // 2)


def ifftshift(input, dim=None):
    return _shifted(input, dim, lambda n: (n + 1) // 2)

