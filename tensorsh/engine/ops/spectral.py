"""torch.fft: ATen's SpectralOps.cpp over three primitives, _fft_c2c / _fft_r2c / _fft_c2r (FftC2CBackward0,
FftR2CBackward0, FftC2RBackward0 and FunctionsManual's fft_r2c_backward / fft_c2r_backward), computed by numpy's
pocketfft in the input's precision. PyTorch's CPU build runs MKL's DFTI, whose last bits (and the signs of some exact
zeros) may differ; the structure is ATen's: fft of a real input is a one-sided r2c mirrored by conjugate symmetry
(`fft(tensor([1., 0., 0., 0.]))[3]` is `1.-0.j`), ifft/ihfft of a real input the conj of a forward r2c, hfft a c2r of
the conj, the inputs resized by slice / constant_pad_nd before the transform."""
import numpy as np

from .. import dtypes, errors, messages
from ..creation import not_implemented_for
from ..errors import runtime, warn_once
from ..tensorimpl import Tensor
from ..saved_names import unsigned
from .core import InputNode, attach, fresh, from_numpy, needs_grad

NONE, BY_ROOT_N, BY_N = 0, 1, 2  # fft_norm_mode (SpectralOpsUtils.h's order: `_saved_normalization` reads it)
_FORWARD_NORM = ("backward", "ortho", "forward")  # numpy's name of each mode for a forward transform
_INVERSE_NORM = ("forward", "ortho", "backward")


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
    fields, saved_count, saved_names = ("dim", "normalization", "onesided", "last_dim_size"), 1, ("self",)
    saved_values = {"dim": _saved_dims, "normalization": lambda n: unsigned(n.normalization), "onesided": "onesided"}

    def backward(self, g):
        """fft_r2c_backward: a one-sided gradient zero-filled to the signal's length, then an inverse c2c's real part."""
        self.unpack()  # (self is saved for its size: unpacking checks its version)
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
    arr = np.asarray(np.transpose(values, order), dt.np, order="C")  # (ascontiguousarray makes a 0-d array 1-d)
    out = from_numpy(np.transpose(arr, np.argsort(order)), dt)
    if needs_grad(x):
        attach(out, node)
    return out


def fft_c2c(x, dim, normalization, forward):
    """aten::_fft_c2c of a complex tensor over the dims `dim`."""
    _plan(x, dim)
    if dim:
        transform = np.fft.fftn if forward else np.fft.ifftn
        values = transform(x._np, axes=dim, norm=(_FORWARD_NORM if forward else _INVERSE_NORM)[normalization])
    else:  # (no dims, as fftn of a 0-dim tensor: a copy, where numpy refuses the empty axes of a 0-d array)
        values = x._np.copy()
    return _result(values, x.dtype, x, _permutation(x._stride, dim),
                   FftC2CBackward0(x, list(dim), normalization, forward))


def fft_r2c(x, dim, normalization, onesided):
    """aten::_fft_r2c of a float/double tensor: the one-sided transform over the last of `dim` (a c2c over the rest),
    else its full length filled by conjugate symmetry (X[-k] = conj(X[k]) over every transformed dim)."""
    if x.dtype.category != 2:  # (only ihfftn reaches here with a complex input: it has no check of its own)
        raise runtime(f"Only supports floating-point dtypes, but found: {dtypes.SCALAR_NAMES[x.dtype.name]}")
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
                   FftR2CBackward0(x, list(dim), normalization, onesided, n, x))


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


_KERNELS = {"FftR2CBackward0": "_fft_r2c", "FftC2CBackward0": "_fft_c2c", "FftC2RBackward0": "_fft_c2r"}


def _out(name, result, out, complex_out):
    if out is None:
        return result
    if complex_out and out.dtype.category != 3:
        raise runtime(f"{name} expects a complex output tensor, but got {dtypes.SCALAR_NAMES[out.dtype.name]}")
    if not complex_out and out.dtype.category != 2:
        raise runtime(f"{name} expects a floating point output tensor, but got "
                      f"{dtypes.SCALAR_NAMES[out.dtype.name]}")
    if needs_grad(result):  # (the refusal of the kernel that computed it: _fft_r2c, _fft_c2c or _fft_c2r)
        kernel = _KERNELS.get(result.grad_fn.name(), name) if result.grad_fn is not None else name
        raise runtime(f"{kernel}(): functions with out=... arguments don't support automatic differentiation, but one "
                      "of the arguments requires grad.")
    from .. import autograd
    from ..errors import warn
    from ..messages import shape_list
    from .out_dtypes import _RESIZED
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
    """fft_fftfreq/rfftfreq as ATen's: an empty tensor of count (n, or n / 2 + 1 in C's truncating division), the
    dtype's check, then arange_out into it (no complex kernel) and mul_ by 1 / (n * d)."""
    dt = dtypes.DEFAULT_FLOAT if dtype is None else dtype
    if count < 0:
        raise runtime(messages.NEGATIVE_DIMENSION.format(count, [count]))
    if dt.category < 2:
        raise runtime(f"{name} requires a floating point or complex dtype")
    if dt.category == 3:
        raise not_implemented_for("arange_cpu", dt)
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
    return _frequencies("rfftfreq", (n // 2 if n >= 0 else -(-n // 2)) + 1, n, d, dtype, requires_grad)


def _shifted(x, dim, half):
    dims = list(range(x.dim())) if dim is None else [x._wrap_size_dim(d) for d in
                                                     ([dim] if isinstance(dim, int) else dim)]
    return x.roll([half(x._shape[d]) for d in dims], dims)


def fftshift(input, dim=None):
    return _shifted(input, dim, lambda n: n // 2)


def ifftshift(input, dim=None):
    return _shifted(input, dim, lambda n: (n + 1) // 2)



# ------------------------------------------------------------------ stft / istft (torch/functional.py, SpectralOps.cpp)

def _opt(v):
    return "None" if v is None else str(int(v)) if isinstance(v, bool) else str(v)


def _window_text(window):
    return "None" if window is None else f"{dtypes.cpp_type_name(window.dtype)}{{{_dims_text(window._shape)}}}"


def _dims_text(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def stft(input, n_fft, hop_length=None, win_length=None, window=None, center=True, pad_mode="reflect",
         normalized=False, onesided=None, return_complex=None, align_to_window=None):
    """torch.stft: torch/functional.py's centring pad (F.pad of a 3-d view), then ATen's stft: frames by as_strided,
    the window (centred, zero-padded to n_fft), _fft_r2c (_fft_c2c for complex) of each frame, transpose_/squeeze_."""
    if center and align_to_window is not None:
        raise runtime("stft align_to_window should only be set when center = false")
    if center:
        if not isinstance(input, Tensor):  # (torch/functional.py reads input.dim() before anything checks it)
            raise errors.make("AttributeError", f"'{type(input).__name__}' object has no attribute 'dim'")
        signal_dim = input.dim()
        pad = int(n_fft // 2)
        x = input.view([1] * (3 - signal_dim) + list(input._shape))
        if pad_mode == "constant":
            from ..convolution import constant_pad_nd
            x = constant_pad_nd(x, [pad, pad])
        else:
            from ..padding import pad as nonconstant_pad
            x = nonconstant_pad(x, [pad, pad], pad_mode, None)
        input = x.view(x._shape[-signal_dim:])
    _vf_stft_parser().parse((input, n_fft, hop_length, win_length, window, normalized, onesided, return_complex,
                             align_to_window), {})
    if window is None:
        warn_once("A window was not provided. A rectangular window will be applied,which is known to cause spectral "
                  "leakage. Other windows such as torch.hann_window or torch.hamming_window are recommended to reduce "
                  "spectral leakage.To suppress this warning and use a rectangular window, explicitly set "
                  "`window=torch.ones(n_fft, device=<device>)`.")
    hop = n_fft >> 2 if hop_length is None else hop_length
    win = n_fft if win_length is None else win_length
    complex_out = return_complex if return_complex is not None else \
        input.dtype.category == 3 or window is not None and window.dtype.category == 3
    if not complex_out:
        if return_complex is None:
            raise runtime("stft requires the return_complex parameter be given for real inputs, and will further "
                          "require that return_complex=True in a future PyTorch release.")
        warn_once("stft with return_complex=False is deprecated. In a future pytorch release, stft will return "
                  "complex tensors for all inputs, and return_complex=False will raise an error.\nNote: you can still "
                  "call torch.view_as_real on the complex output to recover the old return format.")
    repr_ = (f"stft({dtypes.cpp_type_name(input.dtype)}{_dims_text(input._shape)}, n_fft={n_fft}, hop_length={hop}, "
             f"win_length={win}, window={_window_text(window)}, normalized={int(normalized)}, "
             f"onesided={_opt(onesided)}, return_complex={_opt(return_complex)}, "
             f"align_to_window={_opt(align_to_window)}) : ")
    if input.dtype.category < 2:
        raise runtime(repr_ + "expected a tensor of floating point or complex values")
    if input.dim() not in (1, 2):
        raise runtime(repr_ + "expected a 1D or 2D tensor")
    x = input.unsqueeze(0) if input.dim() == 1 else input
    batch, length = x._shape
    if n_fft <= 0 or n_fft > length:
        raise runtime(repr_ + f"expected 0 < n_fft < {length}, but got n_fft={win}")  # (ATen prints win_length)
    if hop <= 0:
        raise runtime(repr_ + f"expected hop_length > 0, but got hop_length={hop}")
    if win <= 0 or win > n_fft:
        raise runtime(repr_ + f"expected 0 < win_length <= n_fft, but got win_length={win}")
    if window is not None and (window.dim() != 1 or window._shape[0] != win):
        raise runtime(repr_ + f"expected a 1D window tensor of size equal to win_length={win}, but got window with "
                      f"size {_dims_text(window._shape)}")
    window_ = _centred_window(window, win, n_fft, input.dtype)
    if align_to_window:
        frames = 1 + (length - win) // hop
        from ..convolution import constant_pad_nd
        x = constant_pad_nd(x, [(n_fft - win) // 2] * 2)
    else:
        frames = 1 + (length - n_fft) // hop
    x = x.as_strided((batch, frames, n_fft), (x._stride[0], hop * x._stride[1], x._stride[1]))
    if window_ is not None:
        x = x.mul(window_)
    complex_fft = x.dtype.category == 3
    sided = not complex_fft if onesided is None else onesided
    mode = BY_ROOT_N if normalized else NONE
    if complex_fft:
        _two_sided(sided)
        out = fft_c2c(x, [x.dim() - 1], mode, True)
    else:
        out = fft_r2c(x, [x.dim() - 1], mode, sided)
    out.transpose_(1, 2)
    if input.dim() == 1:
        out.squeeze_(0)
    from .real_complex import view_as_real
    return out if complex_out else view_as_real(out)


_VF_STFT = ("stft(Tensor input, int64_t n_fft, int64_t? hop_length=None, int64_t? win_length=None, Tensor? window=None, "
             "bool center=True, c10::string_view pad_mode=\"reflect\", bool normalized=False, bool? onesided=None, "
             "bool? return_complex=None, bool? align_to_window=None)",
             "stft(Tensor input, int64_t n_fft, int64_t? hop_length=None, int64_t? win_length=None, Tensor? window=None, "
             "bool normalized=False, bool? onesided=None, bool? return_complex=None, bool? align_to_window=None)")


def _vf_stft_parser():
    """torch._VF.stft's argument parser (torch.stft is Python; the call after its centring pad is parsed)."""
    from ..signatures import Parser
    global _VF_STFT_PARSER
    if _VF_STFT_PARSER is None:
        _VF_STFT_PARSER = Parser(_VF_STFT)
    return _VF_STFT_PARSER


_VF_STFT_PARSER = None


def _two_sided(sided):
    if sided:
        raise runtime("Cannot have onesided output if window or input is complex")


def _centred_window(window, win, n_fft, dt):
    """The window zero-padded on both sides to n_fft (ones where none was given), or None."""
    if win >= n_fft:
        return window
    left = (n_fft - win) // 2
    values = np.zeros(n_fft, (window.dtype if window is not None else dt).np)
    out = fresh(values, window.dtype if window is not None else dt)
    if window is not None:
        out.narrow(0, left, win).copy_(window)
    else:
        out.narrow(0, left, win).fill_(1)
    return out


def istft(input, n_fft, hop_length=None, win_length=None, window=None, center=True, normalized=False,
          onesided=None, length=None, return_complex=False):
    """ATen's istft: each frame's inverse transform times the window, overlap-added (unfold_backward) and divided by
    the window's squared envelope, trimmed of the centring pad."""
    from ..convolution import constant_pad_nd
    from .views import _unfold_backward
    if window is None:
        warn_once("A window was not provided. A rectangular window will be applied.Please provide the same window used "
                  "by stft to make the inversion lossless.To suppress this warning and use a rectangular window, "
                  "explicitly set `window=torch.ones(n_fft, device=<device>)`.")
    hop = n_fft >> 2 if hop_length is None else hop_length
    win = n_fft if win_length is None else win_length
    if input.dtype.category != 3:
        raise runtime("istft requires a complex-valued input tensor matching the output from stft with "
                      "return_complex=True.")
    repr_ = (f"istft({dtypes.cpp_type_name(input.dtype)}{_dims_text(input._shape)}, n_fft={n_fft}, "
             f"hop_length={hop}, win_length={win}, window={_window_text(window)}, center={int(center)}, "
             f"normalized={int(normalized)}, onesided={_opt(onesided)}, length={_opt(length)}, "
             f"return_complex={int(return_complex)}) ")
    real_dim = input.dim() + 1  # (ATen reads view_as_real's sizes)
    frames = input._shape[-1] if input.dim() >= 1 else 0
    fft_size = input._shape[-2] if input.dim() >= 2 else 0
    if input.numel() == 0:
        raise runtime(repr_ + ": input tensor cannot be empty.")
    if real_dim not in (3, 4):
        raise runtime(repr_ + f": expected a tensor with 3 or 4 dimensions, but got {real_dim}")
    sided = fft_size != n_fft if onesided is None else onesided
    if sided and n_fft // 2 + 1 != fft_size:
        raise runtime(repr_ + ": expected the frequency dimension (3rd to the last) of the input tensor to match "
                      f"n_fft / 2 + 1 when onesided=True, but got {fft_size}")
    if not sided and n_fft != fft_size:
        raise runtime(repr_ + ": expected the frequency dimension (3rd to the last) of the input tensor to match "
                      f"n_fft when onesided=False, but got {fft_size}")
    if not 0 < hop <= win:
        raise runtime(repr_ + ": expected 0 < hop_length <= win_length")
    if not 0 < win <= n_fft:
        raise runtime(repr_ + ": expected 0 < win_length <= n_fft")
    if window is not None and (window.dim() != 1 or window._shape[0] != win):
        raise runtime(repr_ + ": Invalid window shape. window has to be 1D and length of `win_length`")
    real_dt = input.dtype.to_real()
    window_ = window if window is not None else fresh(np.ones(win, real_dt.np), real_dt)
    if win != n_fft:
        left = (n_fft - win) // 2
        window_ = constant_pad_nd(window_, [left, n_fft - win - left])
    x = input.unsqueeze(0) if real_dim == 3 else input
    x = x.transpose(1, 2)  # (channel, n_frames, fft_size)
    mode = BY_ROOT_N if normalized else BY_N
    if return_complex:
        _two_sided(sided)
        x = fft_c2c(x, [x.dim() - 1], mode, False)
    else:
        if window is not None and window.dtype.category == 3:
            raise runtime("Complex windows are incompatible with return_complex=False")
        if not sided:
            x = x.narrow(-1, 0, n_fft // 2 + 1)
        x = fft_c2r(x, [x.dim() - 1], mode, n_fft)
    expected = n_fft + hop * (frames - 1)
    y = _unfold_backward(x * window_.view(1, 1, n_fft), (x._shape[0], expected), 1, n_fft, hop)
    envelope = _unfold_backward(window_.pow(2).expand(1, frames, n_fft), (1, expected), 1, n_fft, hop)
    start = n_fft // 2 if center else 0
    end = start + length if length is not None else -(n_fft // 2) if center else expected
    y = y[:, start:end]
    envelope = envelope[:, start:end]
    lowest = envelope.abs().min().lt(1e-11)
    if lowest.item():
        raise runtime(repr_ + f"window overlap add min: {int(lowest.item())}\n[ CPUBoolType{{}} ]")
    y = y / envelope
    if real_dim == 3:
        y = y.squeeze(0)
    if end > expected:
        warn_once("The length of signal is shorter than the length parameter. Result is being padded with zeros in "
                  "the tail. Please check your center and hop_length settings.")
        y = constant_pad_nd(y, [0, end - expected])
    return y


def tensor_stft(self, n_fft, hop_length=None, win_length=None, window=None, center=True, pad_mode="reflect",
                normalized=False, onesided=None, return_complex=None, align_to_window=None):
    """Tensor.stft (torch/_tensor.py's Python method: its argument errors name `Tensor.stft()`)."""
    return stft(self, n_fft, hop_length, win_length, window, center, pad_mode, normalized, onesided, return_complex,
                align_to_window)


def tensor_istft(self, n_fft, hop_length=None, win_length=None, window=None, center=True, normalized=False,
                 onesided=None, length=None, return_complex=False):
    """Tensor.istft (torch/_tensor.py's Python method, then the C method: torch.istft's parser)."""
    from ..signatures import check
    check("function", "istft", (self, n_fft, hop_length, win_length, window, center, normalized, onesided, length,
                                return_complex), {})
    return istft(self, n_fft, hop_length, win_length, window, center, normalized, onesided, length, return_complex)


tensor_stft.__qualname__, tensor_istft.__qualname__ = "Tensor.stft", "Tensor.istft"
