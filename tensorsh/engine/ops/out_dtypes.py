"""The dtypes an op's out= tensors may have, as each ATen kernel checks them (measured against PyTorch 2.13).

Most ops compute their result and cast it into out= (TensorIterator's "result type ... can't be cast" rule, written by
copies.write_out). The reductions, sorts and scans below check out='s dtype their own way first, each with its own
text, and the sum family computes in out='s dtype (sum(x, 0, out=long_tensor) sums the values cast to long)."""
from .. import dtypes
from ..errors import make, runtime
from ..tensorimpl import Tensor

_S = dtypes.SCALAR_NAMES
_C = dtypes.C_NAMES


def _structured(want, got):
    """A structured kernel's set_output check."""
    if want is not got:
        raise runtime(f"Expected out tensor to have dtype {_C[want.name]}, but got {_C[got.name]} instead")


def _in_out_dtype(self, outs, kwargs, name):
    """sum/prod/nansum/cumsum/cumprod: out='s dtype is the dtype computed in; a dtype= given must be it."""
    out = outs[0]
    dtype = kwargs.get("dtype")
    if name == "nansum" and self.dtype.is_floating_point and not out.dtype.is_floating_point:
        raise make("NotImplementedError", f'"nansum_cpu" not implemented for \'{_S[out.dtype.name]}\'')
    if dtype is None:
        return dict(kwargs, dtype=out.dtype)
    if dtype is not out.dtype:
        if name == "nansum":
            raise runtime(f"nansum: provided dtype must match dtype of result. Got {_S[out.dtype.name]} and "
                          f"{_S[dtype.name]}.")
        _structured(dtype, out.dtype)
    return kwargs


def _mean(self, outs, kwargs, name):
    """mean sums in out='s dtype (float for a float16/bfloat16 out=) and divides; an integer input without dtype=
    is refused by mean itself."""
    if kwargs.get("dtype") is not None:
        _structured(kwargs["dtype"], outs[0].dtype)
    elif self.dtype.is_floating_point and outs[0].dtype in (dtypes.float32, dtypes.float64):
        return dict(kwargs, dtype=outs[0].dtype)
    return kwargs


def _same_as_input(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime(f"Expected the dtype for input and out to match, but got {_S[self.dtype.name]} for input's "
                      f"dtype and {_S[outs[0].dtype.name]} for out's dtype.")
    return kwargs


def _floating_result(self, outs, kwargs, name):
    if not outs[0].dtype.is_floating_point:
        raise runtime(f"{name}(): Expected floating point type for result tensor, but got: {_S[outs[0].dtype.name]}")
    return kwargs


def _scan_same_type(self, outs, kwargs, name):
    """logcumsumexp/cummax/cummin: checkScalarType-style texts, values then indices."""
    for out, want in zip(outs, (self.dtype, dtypes.int64)):
        if out.dtype is not want:
            raise runtime(f"expected scalar_type {_S[want.name]} but found {_S[out.dtype.name]}")
    return kwargs


def _long_result(self, outs, kwargs, name):
    _structured(dtypes.int64, outs[0].dtype)
    return kwargs


def _bool_result(self, outs, kwargs, name):
    if outs[0].dtype not in (dtypes.bool_, dtypes.uint8):
        raise runtime(f"{name} only supports bool tensor for result, got: {_S[outs[0].dtype.name]}")
    return kwargs


def _values_indices(self, outs, kwargs, name):
    """max/min along a dim, sort, topk: structured set_output checks, values then indices; aminmax: both self's."""
    for out, want in zip(outs, (self.dtype, dtypes.int64 if name != "aminmax" else self.dtype)):
        _structured(want, out.dtype)
    return kwargs


def _unary_max(self, outs, kwargs, name):
    """max(x, out=)/min(x, out=) (one tensor, no dim): a cast check of its own; max(x, y, out=) is TensorIterator's."""
    if len(outs) == 1 and not dtypes.can_cast(self.dtype, outs[0].dtype):
        raise runtime("Expected canCast( typeMetaToScalarType(self.dtype()), typeMetaToScalarType(out.dtype())) to be "
                      "true, but got false.  (Could this error message be improved?  If so, please report an "
                      "enhancement request to PyTorch.)")
    if len(outs) == 2:
        return _values_indices(self, outs, kwargs, name)
    return kwargs


def _median(self, outs, kwargs, name):
    """median/nanmedian along a dim: checkScalarType/checkSameType, indices first."""
    values, indices = outs
    if indices.dtype is not dtypes.int64:
        raise runtime(f"Expected tensor for argument #1 'indices' to have scalar type Long; but got "
                      f"{indices.dtype.type_name} instead (while checking arguments for median)")
    if values.dtype is not self.dtype:
        raise runtime(f"Expected tensor for 'values' to have the same type as tensor for argument #2 'self'; but type "
                      f"{values.dtype.type_name} does not equal {self.dtype.type_name} (while checking arguments for "
                      f"median)")
    return kwargs


def _mode(self, outs, kwargs, name):
    for out, want, what in zip(outs, (self.dtype, dtypes.int64), ("values", "indices")):
        if out.dtype is not want:
            raise runtime(f"expected scalar type '{_S[want.name]}' but got '{_S[out.dtype.name]}' for {what} output")
    return kwargs


def _kthvalue(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime("output values must be of same type as input")
    if outs[1].dtype is not dtypes.int64:
        raise runtime("output indices must be of scalar type Long")
    return kwargs


def _same_scalar_type(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime(f"{name}(): self and result must have the same scalar type")
    return kwargs


def _self_dtype(self, outs, kwargs, name):
    """gather/scatter/index_add/take_along_dim/msort: a structured kernel's result of self's dtype."""
    _structured(self.dtype, outs[0].dtype)
    return kwargs


def _take(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime(f"take(): self and out expected to have the same dtype, but got self.dtype = "
                      f"{_S[self.dtype.name]} and out.dtype = {_S[outs[0].dtype.name]}")
    return kwargs


def _nonzero(self, outs, kwargs, name):
    if outs[0].dtype is not dtypes.int64:
        raise runtime(f"nonzero: Expected out tensor to have scalar type Long but got scalar type"
                      f"{_S[outs[0].dtype.name]}")
    return kwargs


def _search(self, outs, kwargs, name):
    flag = bool(kwargs.get("out_int32", False))
    if outs[0].dtype is not (dtypes.int32 if flag else dtypes.int64):
        raise runtime(f"torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) or Long(int64) "
                      f"depending on whether out_int32 flag is True, but we got output tensor's dtype "
                      f"{_S[outs[0].dtype.name]} and out_int32 flag is {flag}")
    return kwargs


def _histc(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime(f"torch.histogram: input tensor and hist tensor should have the same dtype, but got input "
                      f"{_C[self.dtype.name]} and hist {_C[outs[0].dtype.name]}")
    return kwargs


RULES = {"sum": _in_out_dtype, "prod": _in_out_dtype, "nansum": _in_out_dtype, "cumsum": _in_out_dtype,
         "cumprod": _in_out_dtype, "mean": _mean, "amax": _same_as_input, "amin": _same_as_input,
         "logsumexp": _floating_result, "logcumsumexp": _scan_same_type, "cummax": _scan_same_type,
         "cummin": _scan_same_type, "argmax": _long_result, "argmin": _long_result, "all": _bool_result,
         "any": _bool_result, "max": _unary_max, "min": _unary_max, "sort": _values_indices, "topk": _values_indices,
         "aminmax": _values_indices, "median": _median, "nanmedian": _median, "mode": _mode, "kthvalue": _kthvalue,
         "index_select": _same_scalar_type, "masked_select": _same_scalar_type, "gather": _self_dtype,
         "scatter": _self_dtype, "scatter_add": _self_dtype, "scatter_reduce": _self_dtype, "index_add": _self_dtype,
         "index_copy": _self_dtype, "take_along_dim": _self_dtype, "msort": _self_dtype, "argsort": _long_result,
         "take": _take, "nonzero": _nonzero, "searchsorted": _search, "bucketize": _search, "histc": _histc}


def check(name, args, kwargs, outs):
    """kwargs for the op's call, after name's own checks of out='s dtypes (RuntimeError with ATen's text)."""
    rule = RULES.get(name)
    self = args[0] if args else kwargs.get("input")
    if rule is None or not isinstance(self, Tensor) or not all(isinstance(o, Tensor) for o in outs):
        return kwargs
    if name in ("max", "min"):
        other = args[1] if len(args) > 1 else kwargs.get("other", kwargs.get("dim"))
        if isinstance(other, Tensor):
            return kwargs  # (maximum's TensorIterator)
    return rule(self, outs, kwargs, name)


def compute(name, fn, outs):
    """The function that computes name's result for out=: logsumexp sums, logs and shifts in out='s dtype; all/any
    give out='s dtype."""
    if name == "logsumexp" and isinstance(outs[0], Tensor) and outs[0].dtype.is_floating_point:
        from .reductions import logsumexp_into
        return lambda *args, **kwargs: logsumexp_into(outs[0].dtype, *args, **kwargs)
    if name in ("all", "any") and isinstance(outs[0], Tensor):  # (a bool out= of a uint8 input: computed as bool)
        return lambda *args, **kwargs: fn(*args, **kwargs).to(outs[0].dtype)
    return fn
