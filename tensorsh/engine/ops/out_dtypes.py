"""The dtypes an op's out= tensors may have, as each ATen kernel checks them (measured against PyTorch 2.13).

Most ops compute their result and cast it into out= (TensorIterator's "result type ... can't be cast" rule, written by
copies.write_out). The reductions, sorts and scans below check out='s dtype their own way first, each with its own
text, and the sum family computes in out='s dtype (sum(x, 0, out=long_tensor) sums the values cast to long)."""
from .. import dtypes, messages
from ..errors import make, runtime
from ..tensorimpl import Tensor
from .core import cast_for_inplace

_S = dtypes.SCALAR_NAMES
_C = dtypes.C_NAMES


_RESIZED = ("An output with one or more elements was resized since it had shape {had}, which does not match the "
            "required output shape {shape}. This behavior is deprecated, and in a future PyTorch release outputs "
            "will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing "
            "it, inplace, to zero elements with t.resize_(0).")


def warn_resized(out, shape, had=None):
    """resize_output's deprecation warning: out had elements and another shape (had: the shape resized)."""
    from ..errors import warn
    from ..messages import shape_list
    had = out._shape if had is None else had
    if tuple(had) != tuple(shape) and out.numel():
        warn(_RESIZED.format(had=shape_list(had), shape=shape_list(shape)))


def composite_out(label, out, result):
    """out= of a CompositeImplicitAutograd op (linalg.norm, linalg.matrix_norm): the result computed with its graph,
    out's dtype checked against it (label: the op's name in the message), out resized (its warning) and written by
    copy_, which records CopyBackwards when the result requires grad."""
    from .geometry_inplace import resize_output
    if out.dtype is not result.dtype:
        raise runtime(f"{label} expected out tensor dtype {_S[result.dtype.name]} but got: {_S[out.dtype.name]}")
    warn_resized(out, result._shape)
    resize_output(out, result._shape)
    return out.copy_(result)


def _structured(want, got):
    """A structured kernel's set_output check."""
    if want is not got:
        raise runtime(_structured_text(None, None, got, want))


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


def _mean(self, outs, kwargs, name, args):
    """mean sums in out='s dtype (float for a float16/bfloat16 out=, float16 for a bfloat16 self's) and divides; an
    integer input without dtype= is refused by mean itself; mean without a dim (its dtype_out overload) checks the
    cast of self's dtype first."""
    if kwargs.get("dtype") is not None:
        _structured(kwargs["dtype"], outs[0].dtype)
    elif not dtypes.can_cast(self.dtype, outs[0].dtype):
        if len(args) < 2 and "dim" not in kwargs:
            raise runtime(f"mean.dtype_out(): input types can't be cast to the desired output type "
                          f"{_S[outs[0].dtype.name]}")
        if self.dtype in (dtypes.float16, dtypes.bfloat16):  # (its dim overload computes a reduced float in float)
            from ..messages import INPLACE_RESULT_TYPE
            raise runtime(INPLACE_RESULT_TYPE.format(res="Float", out=_S[outs[0].dtype.name]))
    elif self.dtype.is_floating_point and (outs[0].dtype in (dtypes.float32, dtypes.float64) or
                                           outs[0].dtype.is_complex and ("dim" in kwargs or len(args) > 1)) or \
            self.dtype is dtypes.bfloat16 and outs[0].dtype is dtypes.float16:  # (a complex out: sum_out in it)
        return dict(kwargs, dtype=outs[0].dtype)
    return kwargs


def _floating_result(self, outs, kwargs, name):
    if not (outs[0].dtype.is_floating_point or outs[0].dtype.is_complex):  # (logsumexp_out's check allows complex)
        raise runtime(f"{name}(): Expected floating point type for result tensor, but got: {_S[outs[0].dtype.name]}")
    return kwargs


def _bool_result(self, outs, kwargs, name):
    if outs[0].dtype not in (dtypes.bool_, dtypes.uint8):
        raise runtime(f"{name} only supports bool tensor for result, got: {_S[outs[0].dtype.name]}")
    return kwargs


def _unary_max(self, outs, kwargs, name):
    """max(x, out=)/min(x, out=) (one tensor, no dim): a cast check of its own; max(x, y, out=) is TensorIterator's."""
    if len(outs) == 1 and not dtypes.can_cast(self.dtype, outs[0].dtype):
        raise runtime(messages.check_failed(
            "canCast( typeMetaToScalarType(self.dtype()), typeMetaToScalarType(out.dtype()))"))
    if len(outs) == 2:
        return RULES["sort"](self, outs, kwargs, name)
    return kwargs


def _search(self, outs, kwargs, name, args):
    """searchsorted_out's (bucketize_out's) checks of the shapes, then out='s dtype."""
    from .args import bucketize_checks, search_checks
    other = args[1] if len(args) > 1 else kwargs.get("boundaries" if name == "bucketize" else "input")
    if name == "bucketize":
        bucketize_checks(self, other, kwargs.get("right", False))
    else:
        search_checks(self, other, kwargs.get("right", False), kwargs.get("side"), kwargs.get("sorter"))
    flag = bool(kwargs.get("out_int32", False))
    if outs[0].dtype is not (dtypes.int32 if flag else dtypes.int64):
        raise runtime(f"torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) or Long(int64) "
                      f"depending on whether out_int32 flag is True, but we got output tensor's dtype "
                      f"{_S[outs[0].dtype.name]} and out_int32 flag is {flag}")
    return kwargs


def _ldexp(self, outs, kwargs, name, args):
    """ATen's ldexp_out refuses an integer out= first; its kernel (an integer exponent of a float self), dispatched
    on self's and the exponent's dtypes, asserts out= has self's dtype."""
    out, other = outs[0], args[1] if len(args) > 1 else kwargs.get("other")
    if out.dtype.category < 2:
        raise runtime(f"ldexp can't be cast to the desired output type {_S[out.dtype.name]}")
    if isinstance(other, Tensor) and self.dtype.category == 2 and other.dtype.category == 1 and out.dtype is not \
            self.dtype:
        raise runtime('!needs_dynamic_casting<func_t>::check(iter) INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/'
                      'aten/src/ATen/native/cpu/Loops.h":311, please report a bug to PyTorch. ')
    return kwargs


def _clamp_dtype(self, args, kwargs):
    """clamp with number bounds computes in self's dtype when it is floating (a complex bound left to the kernel's
    conversion), else in their result type with self (a tensor bound: TensorIterator's cast)."""
    bounds = [*args[1:3], kwargs.get("min"), kwargs.get("max")]
    if any(isinstance(b, Tensor) for b in bounds):
        return None
    if self.dtype.category == 2:
        return self.dtype
    return dtypes.result_type((self, *(b for b in bounds if b is not None)))


def _clamp(self, outs, kwargs, name, args):
    """clamp's meta functions refuse a complex self, and a complex result type (clamp's of an integral self with its
    number bounds; clamp_min's/clamp_max's number whatever self), before out='s dtype is checked."""
    bounds = [*args[1:3], kwargs.get("min"), kwargs.get("max")]
    tensor_bound = any(isinstance(b, Tensor) for b in bounds)
    if self.dtype.category == 3 and (name in ("clamp", "clip") or not tensor_bound):  # (clamp_min.Tensor is maximum)
        raise make("NotImplementedError", "clamp is not supported for complex types")
    if not tensor_bound:
        if any(type(b) is complex for b in bounds) and (name in ("clamp_min", "clamp_max") or
                                                        self.dtype.category < 2):
            raise make("NotImplementedError", "clamp is not supported for complex types")
    else:  # (clamp.Tensor: TensorIterator's cast of the common dtype, before the kernel's dispatch)
        cast_for_inplace(outs[0], dtypes.result_type([self, *(b for b in bounds if b is not None)]))
    return _same_dtype(_clamp_dtype)(self, outs, kwargs, name, args)


_COMPLEX_CHECKED_FIRST = frozenset({"abs", "absolute", "sign", "floor", "ceil", "trunc", "fix"})


def _same_dtype(want=None):
    """TensorIterator's check_all_same_dtype (the config of ATen's unary_op: abs, neg, sign, floor, ...): out= must
    have the op's dtype (self's, or want(self, args, kwargs)'s), checked before the kernel's dispatch (after neg's
    check of a bool self)."""
    def rule(self, outs, kwargs, name, args):
        if name in ("neg", "negative") and self.dtype is dtypes.bool_:
            from ..messages import NEG_BOOL
            raise runtime(NEG_BOOL)
        if self.dtype.category == 3 and name in _COMPLEX_CHECKED_FIRST:
            return kwargs  # (the op's own complex refusal first; a complex abs's real result cast as TensorIterator's)
        wanted = self.dtype if want is None else want(self, args, kwargs)
        if wanted is not None and outs[0].dtype is not wanted:
            raise runtime(f"Found dtype {_S[outs[0].dtype.name]} but expected {_S[wanted.name]}")
        return kwargs
    return rule


def _nan_to_num(self, outs, kwargs, name):
    if outs[0].dtype is not self.dtype:
        raise runtime(f"nan_to_num: dtype of out: {_S[outs[0].dtype.name]} should be same as input: "
                      f"{_S[self.dtype.name]}")
    return kwargs


def _bool_test(self, outs, kwargs, name):
    """signbit/isposinf/isneginf's meta functions: a complex input refused, then an out= other than bool."""
    if self.dtype.category == 3:
        from .complex_refusals import REFUSED
        raise make(*REFUSED[name](self.dtype, ()))
    if outs[0].dtype is not dtypes.bool_:
        raise runtime(f"{name} does not support non-boolean outputs.")
    return kwargs


def _where(self, outs, kwargs, name, args):
    """where(condition, input, other, out=): out= must have input's and other's promoted dtype."""
    operands = [*args[1:3], *(kwargs[k] for k in ("input", "other") if k in kwargs)]
    wanted = dtypes.result_type(operands)
    if len(operands) == 2 and outs[0].dtype is not wanted:
        raise runtime(f"Expected out type to be {_S[wanted.name]} but got {_S[outs[0].dtype.name]}")
    return kwargs


def _heaviside(self, outs, kwargs, name, args):
    """heaviside's meta function refuses a complex operand or out=, then checks out='s dtype with the operands'."""
    if any(isinstance(t, Tensor) and t.dtype.category == 3 for t in (*args[:2], outs[0])):
        raise runtime("heaviside is not yet implemented for complex tensors.")
    if outs[0].dtype is not self.dtype:
        raise runtime("heaviside is not yet implemented for tensors with different dtypes.")
    return kwargs


def _pow_scalar(self, outs, kwargs, name, args):
    """pow.Tensor_Scalar_out: its meta function refuses an integer tensor to a negative integer power, then builds the
    iterator of the common dtype, which checks out='s dtype, before the kernel converts the exponent to that dtype
    (pow(half, 1e6, out=long) is "result type Half can't be cast", not the exponent's overflow)."""
    exponent = args[1] if len(args) > 1 else kwargs.get("exponent")
    if not isinstance(exponent, (bool, int, float, complex)):
        return kwargs
    if self.dtype.category < 2 and type(exponent) is int and not 0 <= exponent < 2 ** 63:
        return kwargs  # (the meta's exp.toLong() < 0, "Integers to negative integer powers" or its overflow, first)
    cast_for_inplace(outs[0], dtypes.result_type((self, exponent)))
    return kwargs


def _float_power(self, outs, kwargs, name, args):
    """float_power_out: out= must be the dtype it computes in, double (complex double beside a complex operand)."""
    operands = (*args[:2], *(kwargs.get(k) for k in ("input", "self", "exponent")))
    want = dtypes.complex128 if any(type(a) is complex or isinstance(a, Tensor) and a.dtype.category == 3
                                    for a in operands) else dtypes.float64
    if outs[0].dtype is not want:
        raise runtime(f"the output given to float_power has dtype {_S[outs[0].dtype.name]} but the operation's "
                      f"result requires dtype {_S[want.name]}")
    return kwargs


def _arg_extreme(self, outs, kwargs, name):
    """argmax/argmin refuse a bool input before out='s dtype."""
    if self.dtype is dtypes.bool_:
        raise runtime(f"{name}(): does not support bool input")
    return RULES["argsort"](self, outs, kwargs, name)


def _softmax(self, outs, kwargs, name):
    """softmax/log_softmax(..., out=): out= must have the dtype computed in (dtype= or self's)."""
    wanted = kwargs.get("dtype") or self.dtype
    if outs[0].dtype is not wanted:
        raise runtime(_structured_text(name, self.dtype, outs[0].dtype, wanted))
    return kwargs


def _mvlgamma(self, outs, kwargs, name):
    """mvlgamma_out's own cast check, its text naming self's dtype and then the result's."""
    result = dtypes.result_type((self, 0.5))
    if not dtypes.can_cast(result, outs[0].dtype):
        raise runtime(f"mvlgamma: result type {_S[self.dtype.name]} can't be cast to the desired output type "
                      f"{_S[result.name]}")
    return kwargs


def _wants(*checks):
    """A rule of exact dtypes: for each (out's place, the dtype wanted of self, its text(name, self's dtype, out's
    dtype, wanted)) in the kernel's order, out=[place] must have the wanted dtype."""
    def rule(self, outs, kwargs, name):
        for place, want, text in checks:
            wanted = want(self)
            if place < len(outs) and outs[place].dtype is not wanted:
                raise runtime(text(name, self.dtype, outs[place].dtype, wanted))
        return kwargs
    rule.checks = checks
    return rule


def _input(self):
    return self.dtype


def _long(self):
    return dtypes.int64


def _structured_text(name, given, out, want):
    return f"Expected out tensor to have dtype {_C[want.name]}, but got {_C[out.name]} instead"


def _scan_text(name, given, out, want):
    return f"expected scalar_type {_S[want.name]} but found {_S[out.name]}"


def _mode_text(what):
    return lambda name, given, out, want: f"expected scalar type '{_S[want.name]}' but got '{_S[out.name]}' for {what} " \
        "output"


_STRUCTURED = _wants((0, _input, _structured_text))
_VALUES_INDICES = _wants((0, _input, _structured_text), (1, _long, _structured_text))
_SCAN = _wants((0, _input, _scan_text), (1, _long, _scan_text))
_SAME_SCALAR_TYPE = _wants((0, _input, lambda name, *_: f"{name}(): self and result must have the same scalar type"))
_MEDIAN = _wants(
    (1, _long, lambda name, given, out, want: f"Expected tensor for argument #1 'indices' to have scalar type Long; "
                                              f"but got {dtypes.type_string(out)} instead (while checking arguments for median)"),
    (0, _input, lambda name, given, out, want: f"Expected tensor for 'values' to have the same type as tensor for "
                                               f"argument #2 'self'; but type {dtypes.type_string(out)} does not equal "
                                               f"{dtypes.type_string(given)} (while checking arguments for median)"))


def _index_select(self, outs, kwargs, name, args):
    """index_select_out_cpu_ checks the dim and the index (its dims, a scalar self's one value, its dtype) before
    out='s dtype."""
    index = args[2] if len(args) > 2 else kwargs.get("index")
    if isinstance(index, Tensor):
        from .args import select_index
        select_index("index_select", self, args[1] if len(args) > 1 else kwargs.get("dim"), index)
    return _SAME_SCALAR_TYPE(self, outs, kwargs, name)


def _index_dtype_first(check, rule):
    """take_out/masked_select_out check their index's/mask's dtype (check(that argument)) before out='s."""
    def ruled(self, outs, kwargs, name, args):
        given = args[1] if len(args) > 1 else kwargs.get("index", kwargs.get("mask"))
        if isinstance(given, Tensor):
            check(given)
        return rule(self, outs, kwargs, name)
    ruled.takes_args = True
    return ruled


def _take_index(index):
    if index.dtype is not dtypes.int64:
        raise runtime(f"take(): Expected a long tensor for index, but got {_S[index.dtype.name]}")


def _select_mask(mask):
    if mask.dtype is not dtypes.bool_:
        raise runtime("masked_select: expected BoolTensor for mask")


def _mv(self, outs, kwargs, name, args):
    """mv_out (and matmul's matrix-vector case): out itself is addmv's self when it may be one (at most 1-D, one
    element or one per row), else a new vector of vec's dtype; addmv checks self, mat and vec have one dtype, then its
    out= is checked against vec's dtype. Invalid shapes are the product's own errors, first."""
    vec = args[1] if len(args) > 1 else kwargs.get("vec", kwargs.get("other"))
    out = outs[0]
    if not isinstance(vec, Tensor) or self.dim() != 2 or vec.dim() != 1 or self._shape[1] != vec._shape[0]:
        return kwargs
    first = out.dtype if out.dim() <= 1 and out.numel() in (self._shape[0], 1) else vec.dtype
    if not first is self.dtype is vec.dtype:
        raise runtime(f"addmv input tensors must have the same dtype, but got {_S[first.name]}, {_S[self.dtype.name]}, "
                      f"and {_S[vec.dtype.name]}")
    _structured(vec.dtype, out.dtype)
    return kwargs


def _matmul(self, outs, kwargs, name, args):
    other = args[1] if len(args) > 1 else kwargs.get("other")
    if isinstance(other, Tensor) and self.dim() == 2 and other.dim() == 1:
        return _mv(self, outs, kwargs, name, args)
    if not isinstance(other, Tensor) or self.dim() == 0 or other.dim() == 0 or \
            self._shape[-1] != other._shape[-2 if other.dim() > 1 else -1] or \
            not _broadcastable(self._shape[:-2], other._shape[:-2]):
        return kwargs
    # out= is checked against the product its case calls (before the kernel compares the operands' dtypes): mm's self (a matrix or folded
    # batch times a matrix), else bmm's batch2 (other, or a folded other.mT as mm's self); a folded batch times a
    # vector is addmv's, out its self. A batched case resizes out to the product's shape first (matmul_out), a
    # matrix case after the check (mm's meta); either before the kernel's own dtype error
    from .core import should_fold
    if self.dim() == other.dim() == 1:
        return kwargs
    batched = self.dim() > 2 or other.dim() > 2
    rows = (self._shape[-2],) if self.dim() > 1 else (1,) if not batched else ()
    shape = torch_broadcast(self._shape[:-2], other._shape[:-2]) + rows + other._shape[-1:] * (other.dim() > 1)
    if batched:
        _resize_for_kernel(outs[0], shape)
    if self.dim() >= 3 and other.dim() == 1 and should_fold(self, other):
        if outs[0].dtype is self.dtype is other.dtype:
            return kwargs
        raise runtime(f"addmv input tensors must have the same dtype, but got {_S[outs[0].dtype.name]}, "
                      f"{_S[self.dtype.name]}, and {_S[other.dtype.name]}")
    _structured(self.dtype if other.dim() == 2 and (self.dim() <= 2 or should_fold(self, other)) else other.dtype,
                outs[0].dtype)
    if not batched:
        _resize_for_kernel(outs[0], shape)
    return kwargs


def torch_broadcast(s1, s2):
    n = max(len(s1), len(s2))
    s1, s2 = (1,) * (n - len(s1)) + tuple(s1), (1,) * (n - len(s2)) + tuple(s2)
    return tuple(b if a == 1 else a for a, b in zip(s1, s2))


def _broadcastable(s1, s2):
    return all(a == b or a == 1 or b == 1 for a, b in zip(reversed(s1), reversed(s2)))


def _mm(self, outs, kwargs, name, args):
    """mm_out/bmm_out/baddbmm_out/addmm_out: the meta function's out= check (self's dtype for mm, batch2's for bmm
    and baddbmm) and resize, before the kernel compares the operands' dtypes or dispatches on them; valid shapes only
    (their errors come first). baddbmm's meta expands self and compares its dtype with batch1's before it takes out;
    addmm's compares the three dtypes before and expands self after (addmm_impl_cpu_'s expand_size)."""
    if name in ("baddbmm", "addmm"):
        first, second = ("batch1", "batch2") if name == "baddbmm" else ("mat1", "mat2")
        a, b = (args[1] if len(args) > 1 else kwargs.get(first)), (args[2] if len(args) > 2 else kwargs.get(second))
        if not isinstance(a, Tensor) or not isinstance(b, Tensor) or self.dtype is not a.dtype or \
                name == "addmm" and a.dtype is not b.dtype:  # (baddbmm's meta compares self's with batch1's)
            return kwargs
    else:
        a, b = self, (args[1] if len(args) > 1 else kwargs.get("mat2"))
    if not isinstance(a, Tensor) or not isinstance(b, Tensor) or a.dim() != b.dim() or \
            a.dim() != (2 if name in ("mm", "addmm") else 3):
        return kwargs
    if a._shape[-1] != b._shape[-2] or a.dim() == 3 and a._shape[0] != b._shape[0]:
        return kwargs
    if name == "baddbmm" and (self.dim() > 3 or not _broadcastable(self._shape, a._shape[:-1] + b._shape[-1:])):
        return kwargs
    _structured(a.dtype if name == "mm" else b.dtype, outs[0].dtype)
    _resize_for_kernel(outs[0], a._shape[:-1] + b._shape[-1:])  # (the meta's resize; the kernel's errors after)
    return kwargs


def _resize_for_kernel(out, shape):
    from .geometry_inplace import resize_output
    warn_resized(out, shape)
    resize_output(out, shape)


def check_dtypes(input, mat1, mat2):
    """addmm's dtype checks (also each addmm_ of addbmm's)."""
    names = dtypes.SCALAR_NAMES
    if input.dtype is not mat2.dtype:
        raise runtime(f"self and mat2 must have the same dtype, but got {names[input.dtype.name]} and "
                      f"{names[mat2.dtype.name]}")
    if mat1.dtype is not mat2.dtype:
        raise runtime(f"mat1 and mat2 must have the same dtype, but got {names[mat1.dtype.name]} and "
                      f"{names[mat2.dtype.name]}")


def _addbmm(self, outs, kwargs, name, args):
    """addbmm_out: out takes the expanded self's shape (resize_as_: no warning), then each batch's addmm_ takes out
    as its self, so out's dtype is checked with the batches' (after their shapes), as addmm's meta checks self's."""
    b1 = args[1] if len(args) > 1 else kwargs.get("batch1")
    b2 = args[2] if len(args) > 2 else kwargs.get("batch2")
    if isinstance(b1, Tensor) and isinstance(b2, Tensor) and b1.dim() == b2.dim() == 3 and \
            b1._shape[0] == b2._shape[0] and b1._shape[2] == b2._shape[1] and \
            _broadcastable(self._shape, (b1._shape[1], b2._shape[2])) and self.dim() <= 2:
        from .geometry_inplace import resize_output
        resize_output(outs[0], (b1._shape[1], b2._shape[2]))
        if b1._shape[0]:
            check_dtypes(outs[0], b1, b2)
    return kwargs


RULES = {"sum": _in_out_dtype, "prod": _in_out_dtype, "nansum": _in_out_dtype, "cumsum": _in_out_dtype,
         "cumprod": _in_out_dtype, "mean": _mean, "all": _bool_result, "any": _bool_result, "max": _unary_max,
         "min": _unary_max, "searchsorted": _search, "bucketize": _search,
         "amax": _wants((0, _input, lambda name, given, out, want: f"Expected the dtype for input and out to match, "
                         f"but got {_S[given.name]} for input's dtype and {_S[out.name]} for out's dtype.")),
         "logsumexp": _floating_result, "ldexp": _ldexp, "mv": _mv, "matmul": _matmul,
         "logcumsumexp": _SCAN, "cummax": _SCAN, "cummin": _SCAN,
         "argmax": _wants((0, _long, _structured_text)), "sort": _VALUES_INDICES, "topk": _VALUES_INDICES,
         "aminmax": _wants((0, _input, _structured_text), (1, _input, _structured_text)),
         "median": _MEDIAN, "nanmedian": _MEDIAN,
         "mode": _wants((0, _input, _mode_text("values")), (1, _long, _mode_text("indices"))),
         "kthvalue": _wants((0, _input, lambda *_: "output values must be of same type as input"),
                            (1, _long, lambda *_: "output indices must be of scalar type Long")),
         "index_select": _index_select, "masked_select": _index_dtype_first(_select_mask, _SAME_SCALAR_TYPE),
         "take": _index_dtype_first(_take_index, _wants((0, _input, lambda name, given, out, want: f"take(): self and "
                                    f"out expected to have the same dtype, but got self.dtype = {_S[given.name]} and "
                                    f"out.dtype = {_S[out.name]}"))),
         "nonzero": _wants((0, _long, lambda name, given, out, want: f"{name}: Expected out tensor to have scalar type "
                            f"Long but got scalar type{_S[out.name]}")),
         "histc": _wants((0, _input, lambda name, given, out, want: f"torch.histogram: input tensor and hist tensor "
                          f"should have the same dtype, but got input {_C[given.name]} and hist {_C[out.name]}"))}


def _nonzero_static(self, outs, kwargs, name):
    if isinstance(kwargs.get("size"), int) and kwargs["size"] < 0:  # (nonzero_static_out_cpu's first check)
        raise runtime(messages.NONZERO_STATIC_SIZE)
    return RULES["nonzero"](self, outs, kwargs, name)


RULES["nonzero_static"] = _nonzero_static

_FREXP_OUTS = _wants((0, _input, lambda name, given, out, want: f"torch.frexp() expects mantissa to have dtype "
                      f"{_C[want.name]} but got {_C[out.name]}"),
                     (1, lambda self: dtypes.int32, lambda name, given, out, want: f"torch.frexp() expects exponent "
                      f"to have int dtype but got {_C[out.name]}"))


def _frexp(self, outs, kwargs, name):
    """frexp_out: the input's floating check, then the mantissa's dtype (self's), then the exponent's (int)."""
    if not self.dtype.is_floating_point:
        raise runtime("torch.frexp() only supports floating-point dtypes")
    return _FREXP_OUTS(self, outs, kwargs, name)


RULES["frexp"] = _frexp
RULES["histogram"] = _wants(RULES["histc"].checks[0], (1, _input, lambda name, given, out, want: f"torch.histogram: "
                            f"input tensor and bin_edges tensor should have the same dtype, but got input "
                            f"{_C[given.name]} and bin_edges {_C[out.name]} for dimension 0"))
_SAME_DTYPE = _same_dtype()
_CLAMP = _clamp
_TAKE_ARGS = (_ldexp, _SAME_DTYPE, _CLAMP, _mean, _where, _mv, _matmul, _mm, _addbmm, _heaviside, _float_power, _index_select,
              _search, _pow_scalar)
RULES.update({"mm": _mm, "bmm": _mm, "baddbmm": _mm, "addmm": _mm, "addbmm": _addbmm,
              "narrow_copy": _wants((0, _input, lambda *_: messages.check_failed("self.dtype() == output.dtype()")))})
RULES.update(dict.fromkeys(("abs", "absolute", "neg", "negative", "sign", "sgn", "bitwise_not", "ceil", "floor",
                            "round", "trunc", "fix", "frac", "conj_physical"), _SAME_DTYPE))
RULES.update(dict.fromkeys(("clamp", "clip", "clamp_min", "clamp_max"), _CLAMP))


def checks_same_dtype(name):
    """Whether name is a unary TensorIterator op whose out= must have self's dtype (ATen's unary_op config; clamp's
    with its bounds' result type)."""
    return RULES.get(name) in (_SAME_DTYPE, _CLAMP)
RULES.update(dict.fromkeys(("signbit", "isposinf", "isneginf"), _bool_test))
RULES.update({"nan_to_num": _nan_to_num, "softmax": _softmax, "log_softmax": _softmax,
              "where": _where, "heaviside": _heaviside, "mvlgamma": _mvlgamma, "float_power": _float_power,
              "pow": _pow_scalar})
RULES.update({"amin": RULES["amax"], "argsort": RULES["argmax"], "argmax": _arg_extreme, "argmin": _arg_extreme})
RULES.update(dict.fromkeys(("gather", "scatter", "scatter_add", "scatter_reduce", "index_add", "index_copy",
                            "index_reduce", "msort"), _STRUCTURED))


def _isin(self, outs, kwargs, name, args):
    """isin's meta: its input types checked, then out= must be bool (either operand may be a number)."""
    from .args import isin_checks
    test = args[1] if len(args) > 1 else kwargs.get("test_elements", kwargs.get("test_element"))
    elements = self if self is not None else kwargs.get("elements", kwargs.get("element"))
    isin_checks(elements, test)
    if outs[0].dtype is not dtypes.bool_:
        raise runtime(_structured_text(name, None, outs[0].dtype, dtypes.bool_))
    return kwargs


_isin.takes_args = True
RULES["isin"] = _isin


def _take_along_dim(self, outs, kwargs, name, args):
    """take_along_dim_out along a dim runs _take_along_dim_helper's checks (dims, index dtype, broadcast) before
    gather_out's of out='s dtype; without a dim, gather_out's first."""
    dim = args[2] if len(args) > 2 else kwargs.get("dim")
    indices = args[1] if len(args) > 1 else kwargs.get("indices")
    if dim is not None and isinstance(indices, Tensor):
        from .args import along_dim_operands
        along_dim_operands(self, indices, dim)
    return _STRUCTURED(self, outs, kwargs, name)


_take_along_dim.takes_args = True
RULES["take_along_dim"] = _take_along_dim


def _complex_parts(self, outs, kwargs, name, args):
    """torch.complex / torch.polar: out= must be the parts' complex type, checked after the parts' own checks."""
    from .args import parts_out_check
    other = args[1] if len(args) > 1 else kwargs.get("imag" if name == "complex" else "angle")
    parts_out_check(self, other, outs[0])
    return kwargs


_complex_parts.takes_args = True
RULES["complex"] = RULES["polar"] = _complex_parts


def check(name, args, kwargs, outs):
    """kwargs for the op's call, after name's own checks of out='s dtypes (RuntimeError with ATen's text)."""
    rule = RULES.get(name)
    self = args[0] if args else kwargs.get({"complex": "real", "polar": "abs"}.get(name, "input"))
    if rule is None or not (isinstance(self, Tensor) or rule is _float_power or rule is _isin) or \
            not all(isinstance(o, Tensor) for o in outs):  # (float_power's and isin's self may be a number)
        return kwargs
    if name in ("max", "min"):
        other = args[1] if len(args) > 1 else kwargs.get("other", kwargs.get("dim"))
        if isinstance(other, Tensor):
            return kwargs  # (maximum's TensorIterator)
    if rule in _TAKE_ARGS or getattr(rule, "takes_args", False):
        return rule(self, outs, kwargs, name, args)
    return rule(self, outs, kwargs, name)


OWN_OUT = {}  # name -> fn(*args, **kwargs): the op's values made for out= alone (numeric_extras' ldexp_into_out)
INTO = {}  # name -> fn(dtype, *args, **kwargs): the op computing in out='s dtype (reductions.py's logsumexp_into)


def _allany_input(self, out):
    """What all/any reduce into out: a uint8 out= makes ATen's reduction iterator read the input as uint8 (a
    float's 0.5, 256 and NaN are then 0: make_reduction_from_out_ty), unless it holds one element (copied as bool)."""
    if out.dtype is dtypes.uint8 and self.dtype is not dtypes.uint8 and self.numel() > 1:
        return self.to(dtypes.uint8)
    return self


def compute(name, fn, outs):
    """The function that computes name's result for out=: logsumexp sums, logs and shifts in out='s dtype; all/any
    give out='s dtype; ldexp makes no output of its own (whose resize would warn)."""
    into = INTO.get(name)
    if into is not None and isinstance(outs[0], Tensor) and outs[0].dtype.is_floating_point:
        return lambda *args, **kwargs: into(outs[0].dtype, *args, **kwargs)
    if name in ("all", "any") and isinstance(outs[0], Tensor):  # (a bool out= of a uint8 input: computed as bool)
        return lambda self, *args, **kwargs: fn(_allany_input(self, outs[0]), *args, **kwargs).to(outs[0].dtype)
    if name in OWN_OUT:
        return OWN_OUT[name]
    if name in ("max", "min") and len(outs) == 1:
        return lambda *args, **kwargs: _extreme_of_nothing(name, args[0]) if len(args) == 1 and not kwargs and \
            isinstance(args[0], Tensor) and args[0].numel() == 0 else fn(*args, **kwargs)
    return fn


def _extreme_of_nothing(name, self):
    """max(x, out=)/min(x, out=) of an empty x: max_unary_out/min_unary_out run max_all/min_all's kernel, with no
    empty check (max(x) refuses it): its start value, the reduction's identity (-inf/inf, the integer type's
    lowest/highest, False/True)."""
    import numpy as np
    from .core import fresh
    kind = self.dtype.np
    if self.dtype is dtypes.bool_:
        value = name == "min"
    elif self.dtype.is_floating_point:
        value = np.inf if name == "min" else -np.inf
    else:
        info = np.iinfo(kind)
        value = info.max if name == "min" else info.min
    return fresh(np.array(value, kind), self.dtype)
