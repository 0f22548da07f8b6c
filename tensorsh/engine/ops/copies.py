"""Copies and conversions: clone, contiguous, to/type and the dtype shorthands (float, long, ...), cpu,
type_as, new_* (the same dtype as self), and the in-place writes of whole tensors: fill_, zero_, copy_."""
import math

import numpy as np

from .. import dtypes, layout, messages, pyapi, scalars, signatures
from ..messages import CHOLESKY_DEPRECATED, COMPLEX_TO_REAL
from ..errors import TorchError, runtime, type_error, warn_once
from ..legacy_types import LEGACY
from ..storage import INFERENCE_MODE, check_size
from ..tensorimpl import CONTIGUOUS_FORMAT, PRESERVE_FORMAT, Tensor, leaf_or_its_view
from .core import (InputNode, ZeroGradNode, attach, return_type, check_broadcast, check_broadcast_all, check_dtype, check_overlap,
                   check_fits_output, check_internal_overlap, check_outer_operands, empty_strided, from_numpy,
                   needs_grad, partial_overlap, precheck, should_fold, tensor_of, tensor_params, write_inplace,
                   write_values, zero_node)
from .linalg_out import LINALG_OUT, write_linalg_out
from .out_dtypes import _RESIZED, warn_resized
from .registry import op


class CloneBackward0(InputNode):

    def backward(self, g):
        return (g,)




def _written_from_inference(self, out):
    """An op on an inference tensor outside inference mode whose kernel copies (or fills) into its output: that
    write goes through ADInplaceOrView, which no autograd guard skips here, so the output is at version 1."""
    if self._version_counter.inference and not INFERENCE_MODE[0]:
        out._version_counter.value = 1
    return out


def clone(self, memory_format=None, contiguous=False):
    if contiguous or memory_format is CONTIGUOUS_FORMAT:
        check_size(self._np.size * self.dtype.itemsize)   # an expanded view's copy is as large as it looks
        out = from_numpy(np.array(self._np, order="C", copy=True), self.dtype)
    else:  # preserve_format: a dense tensor's strides as they are, another's made dense in their order
        stride = layout.format_strides(self, memory_format)  # (a channels-last format: its strides, rank checked)
        check_size(self._np.size * self.dtype.itemsize)
        out = empty_strided((self._shape, stride, 0), self.dtype)
        out._np[...] = self._np
    if needs_grad(self):
        attach(out, CloneBackward0(self))
    return out if contiguous else _written_from_inference(self, out)  # (reshape's copy: _reshape_copy, no write)


def contiguous(self, memory_format=None):
    """self when it is contiguous in memory_format (contiguous_format by default), else clone(memory_format)."""
    if self.is_contiguous() if memory_format is None or memory_format.rank is None else \
            memory_format.is_contiguous(self._shape, self._stride):
        return self
    if memory_format is None or memory_format is CONTIGUOUS_FORMAT:
        return _written_from_inference(self, clone(self, contiguous=True))
    if memory_format is PRESERVE_FORMAT:
        raise runtime("preserve memory format is unsupported by the contiguous operator")
    return clone(self, memory_format)


class ToCopyBackward0(InputNode):
    fields = ("dtype",)

    def backward(self, g):
        if g.dtype.category == 3 and self.dtype.category < 3:  # (_to_copy_backward: a real input's is the real part)
            g = g.real
        return (g.to(self.dtype),)


def real_values(t, dtype):
    """t's array to be cast to dtype: a complex tensor's real part for a real dtype (PyTorch's copy warns, once)."""
    values = t._np
    if t.dtype.category == 3 and dtype.category < 3:
        if dtype is dtypes.bool_:  # (a complex number is true when either part is non-zero)
            return values != 0
        if values.size:  # (copy_ returns before its checks when there is nothing to copy)
            warn_once(COMPLEX_TO_REAL)
        values = values.real
    if dtype is dtypes.uint8 and values.dtype == np.float64:
        # (c10's static_cast_with_inter_type: a double reaches uint8 through int64, wrapping -300.7 to 212 and
        # 2**32 + 5 to 5; numpy's cast, as ATen's of narrower floats, goes through int32: 0 past its range)
        return values.astype(np.int64)
    return values


_NUMBER_DTYPES = {bool: dtypes.bool_, int: dtypes.int64, float: dtypes.float64}


def to(self, *args, dtype=None, copy=False, memory_format=None, **kwargs):
    if args and type(args[0]) in _NUMBER_DTYPES:  # (to(Tensor other): the parser wraps a number as a tensor)
        dtype = _NUMBER_DTYPES[type(args[0])]
    for a in args:
        if isinstance(a, dtypes.DType):
            dtype = a
        elif isinstance(a, Tensor):
            dtype = a.dtype
    if memory_format is PRESERVE_FORMAT:
        memory_format = None
    if dtype is not None:
        dtypes.check_supported(dtype)
    if (dtype is None or dtype is self.dtype) and not copy and (
            memory_format is None or layout.suggest_memory_format(self) is memory_format):  # (to_will_alias)
        return self
    dtype = dtype or self.dtype
    values = real_values(self, dtype)
    if memory_format in (None, CONTIGUOUS_FORMAT) and self._np.flags.c_contiguous and self._np.size and (
            1 not in self._shape or self.dim() < 2):
        out = from_numpy(dtypes.cast(values, dtype), dtype)
    else:  # (_to_copy's layout, as empty_like's: numpy's astype orders an expanded tensor otherwise)
        out = layout.like(values, dtype, self, layout.format_strides(self, memory_format))
    if needs_grad(self) and dtype.category >= 2:
        attach(out, ToCopyBackward0(self, self.dtype))
    return _written_from_inference(self, out)


def _conversion(name, dtype):
    """x.float(), x.long(), ...: to(x, dtype)."""
    def convert(self, memory_format=None):
        return to(self, dtype, memory_format=memory_format)
    convert.__name__ = convert.__qualname__ = name
    return convert


# (x.half() is interop's: it takes memory_format)
CONVERSIONS = {name: _conversion(name, dt) for name, dt in (
    ("float", dtypes.float32), ("double", dtypes.float64), ("long", dtypes.int64), ("int", dtypes.int32),
    ("short", dtypes.int16), ("char", dtypes.int8), ("byte", dtypes.uint8), ("bool", dtypes.bool_),
    ("cfloat", dtypes.complex64), ("cdouble", dtypes.complex128), ("chalf", dtypes.complex32))}


def new_tensor(self, data, dtype=None, requires_grad=False, **_):
    check_dtype("new_tensor", dtype)
    from ..creation import tensor
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad, _spelled="tensor.new_tensor")


def _new_filled(kind):
    def op(self, *size, dtype=None, requires_grad=False, **options):
        from .. import creation
        if options.get("pin_memory"):
            raise runtime(messages.NO_PINNED_MEMORY)
        shape = creation._size(size, None)  # (the empty tensor's sizes check: not zeros' own text)
        out = getattr(creation, kind)(shape, dtype=dtype or self.dtype, requires_grad=requires_grad)
        return out if kind == "empty" else _written_from_inference(self, out)
    return op


def new_full(self, size, fill_value, dtype=None, requires_grad=False, **options):
    check_dtype("new_full", dtype)
    if options.get("pin_memory"):
        raise runtime(messages.NO_PINNED_MEMORY)
    from ..creation import full
    return _written_from_inference(self, full(size, fill_value, dtype=dtype or self.dtype,
                                              requires_grad=requires_grad))


def fill_inplace(self, value):
    # fill_(Tensor) goes through PyTorch's TensorIterator checks; fill_(number) may write an expanded tensor
    alias = isinstance(value, Tensor) and value._storage is self._storage  # (PyTorch copies from a clone of it)
    precheck(self, *(() if alias else (value,)), internal_overlap=isinstance(value, Tensor))
    if isinstance(value, Tensor):
        if value.dim() != 0:
            raise runtime(f"fill_ only supports 0-dimension value tensor but got tensor with {value.dim()} dimensions.")
        v = dtypes.stored(real_values(value, self.dtype), self.dtype)  # (a complex value's real part, with copy_'s
        # warning)
        make = lambda: _fill_tensor_node(self, value)
        others = (value,)
    else:
        v = scalars.checked_scalar(self.dtype, value, reduced=self._np.size != 1)
        make = lambda: zero_node("FillBackward2", self)
        others = ()

    def write(arr):
        arr[...] = v
    return write_inplace(self, write, make, others, any_dtype=bool(others))


def fill(input, value):
    """torch.fill: a new tensor laid out as input (empty_like) holding value; FillBackward0 for a number,
    FillBackward1 (value's gradient the sum) for a 0-dim tensor."""
    from .. import autograd
    from ..creation import empty_like
    with autograd.no_grad():
        result = fill_inplace(empty_like(input), value)
    tensor = isinstance(value, Tensor)
    if needs_grad(input, *((value,) if tensor else ())):
        node = zero_node("FillBackward1" if tensor else "FillBackward0", input, value if tensor else None)
        if tensor:
            node.other_shape = ()
        attach(result, node)
    return result


def _fill_tensor_node(self, value):
    node = zero_node("FillBackward3", self, value)
    node.other_shape = ()
    return node


def zero_inplace(self):
    precheck(self, internal_overlap=False)

    def write(arr):
        arr[...] = 0
    return write_inplace(self, write, lambda: zero_node("ZeroBackward0", self))


class CopyBackwards(ZeroGradNode):
    name_ = "CopyBackwards"
    qualified = True


def copy_inplace(self, src, non_blocking=False):
    if type(src) in (bool, int, float, complex):  # PyTorch's argument parser wraps a Python number as a 0-dim tensor
        src = tensor_of(src, dtypes.float64 if type(src) is float else dtypes.complex128 if type(src) is complex
                        else dtypes.scalar_dtype(src))
    if not isinstance(src, Tensor):
        raise type_error(f"copy_(): argument 'other' (position 1) must be Tensor, not {type(src).__name__}")
    # (copy_impl's early exit: src the same data as self, x.copy_(x) or a view of the same elements, writes
    # nothing, so the internal-overlap check that follows it never runs; the version still moves)
    same_data = src is self or (src._storage is self._storage and src._offset == self._offset and
                                src._stride == self._stride and src._shape == self._shape and src.dtype is self.dtype)
    precheck(self, src, internal_overlap=not same_data, differentiable=self.dtype.category >= 2,
             zero_text=messages.ZERO_TENSOR_COPY_INTO)
    check_broadcast(self, src)
    check_fits_output(self, src)
    values = np.broadcast_to(real_values(src, self.dtype), self._shape)
    values = dtypes.cast(values, self.dtype)

    def write(arr):
        write_values(self, arr, values, (src,))

    def make():
        return CopyBackwards(None, self, src)
    return write_inplace(self, write, make, (src,), copy=True)


def cpu(self, memory_format=None):
    """Already on the CPU: PyTorch returns the tensor itself, not a copy, unless a memory_format asks for one (to's
    rule)."""
    return self if memory_format is None else to(self, memory_format=memory_format)


@tensor_params("other")
def type_as(self, other):
    return self.to(other.dtype)


def tensor_type(self, *args, **kwargs):
    """Tensor.type: its parser (PyObject* dtype, bool non_blocking), then a torch.dtype, a legacy tensor type or
    its name; no argument: the legacy type name of self."""
    parsed = pyapi._parse(("type(PyObject* dtype=None, bool non_blocking=False, *, MemoryFormat? memory_format=None)",),
                          args, kwargs)
    dtype = parsed.get("dtype")
    if dtype is None:
        return self.dtype.type_name
    target = pyapi.type_target(dtype, LEGACY, dtypes.DType)
    dtypes.check_supported(target)
    if not isinstance(target, dtypes.DType):
        target = target.dtype or dtypes.DEFAULT_FLOAT
    return to(self, target, memory_format=parsed.get("memory_format"))


tensor_type.__qualname__ = tensor_type.__name__ = "type"




_VIEW_COPIES = frozenset({"alias_copy", "as_strided_copy", "detach_copy", "diagonal_copy", "expand_copy", "permute_copy",
                          "select_copy", "slice_copy", "squeeze_copy", "t_copy", "transpose_copy", "unfold_copy",
                          "unsqueeze_copy", "view_copy"})
# the generated out= variants (autogen: the functional op, then resize_out_helper -- its warning -- then copy_arg's
# exact dtype): the view copies and slice_scatter (select/diagonal/as_strided_scatter bind no out=)
_GENERATED_OUT = _VIEW_COPIES | frozenset({"slice_scatter"})
_EXACT_OUT_DTYPE = _GENERATED_OUT | frozenset({"mm", "bmm", "addmm", "baddbmm", "mv", "dot", "vdot", "matmul", "linalg_vector_norm",
                              "linalg_matrix_norm", "tril", "triu", "cross", "linalg_cross", "addmv",
                              "diag", "norm"})  # (measured; norm: aten::norm.out, frobenius_norm's out=)

# out= into a tensor whose elements share memory (zero strides): most ops refuse it before anything else
# (TensorIterator's compute_mem_overlaps); these write it anyway (measured; the creation functions' fills are
# pyapi.with_out's): cummax/cummin element after element (the last write wins), reductions reducing over its
# zero-stride dims too (ATen's reductions take an output's zero strides for reduced dims), modelled for the ones
# that combine partial results
_OUT_OVERLAP_WRITTEN = frozenset({"cummax", "cummin"})
_OUT_OVERLAP_REDUCED = {"sum": np.sum, "nansum": np.sum, "prod": np.prod, "amax": np.max, "amin": np.min}
_OUT_OVERLAP_UNMODELLED = frozenset({"std", "var", "linalg_vector_norm", "linalg_matrix_norm", "any", "all", "argmax",
                                     "argmin", "tril", "triu"})


# structured values/indices ops: values' out= is checked and resized before the indices' dtype is checked
_VALUES_SET_FIRST = frozenset({"sort", "topk", "max", "min", "kthvalue", "aminmax"})
_CAT_NAMES = frozenset({"cat", "concat", "concatenate", "stack", "hstack", "vstack", "dstack", "column_stack",
                        "row_stack"})  # (out= written by cat's kernel: its TypeError)

# out= partly sharing memory with an input: TensorIterator's compute_mem_overlaps refuses it before the dtype and
# shape checks (assert_no_partial_overlap: dense operands only, the input as given, before broadcasting or out's
# resize), and so do the sorts, scans, gathers and index ops measured; these do not check (measured: reductions,
# matrix products, the *_copy ops, linear algebra, softmax, tril/triu, threshold ...); cat's own check is later
_OUT_OVERLAP_UNCHECKED = frozenset({
    "sum", "nansum", "mean", "nanmean", "prod", "amax", "amin", "std", "var", "linalg_vector_norm",
    "linalg_matrix_norm", "frobenius_norm", "nuclear_norm", "logsumexp", "quantile", "nanquantile", "histc",
    "histogram", "any", "all", "argmax", "argmin", "argsort", "mm", "bmm", "mv", "matmul", "dot", "vdot", "inner",
    "tensordot", "chain_matmul", "matrix_power", "inverse", "cholesky", "cholesky_inverse", "cholesky_solve",
    "triangular_solve", "slogdet", "svd", "qr", "geqrf", "orgqr", "lu_solve", "lu_unpack", "softmax", "log_softmax",
    "diag", "tril", "triu", "mvlgamma", "slice_scatter", "cummax", "cummin", "searchsorted", "bucketize",
    "isin", "threshold", "multinomial", "alias_copy", "as_strided_copy", "detach_copy", "diagonal_copy",
    "expand_copy", "narrow_copy", "permute_copy", "select_copy", "slice_copy", "squeeze_copy", "t_copy",
    "transpose_copy", "unfold_copy", "unsqueeze_copy", "view_copy", "kron", *_CAT_NAMES})  # (kron's: after its resize)
_OUT_OVERLAP_SELF_ONLY = frozenset({"addmm", "addmv", "addr", "baddbmm", "addbmm"})  # (self, not the products)
# assert_no_overlap: out sharing any element with an input, out itself included (gather's, index_select's ...); the
# scatters and index ops check self for partial overlap and src/index for any
_OUT_OVERLAP_ANY = frozenset({"gather", "index_select", "take", "masked_select", "take_along_dim", "kthvalue", "cross",
                              "linalg_cross", "nonzero", "nonzero_static"})
# nonzero_out_cpu checks out's dtype first, then assert_no_internal_overlap and assert_no_overlap with self (before
# its resize); nonzero_static_out_cpu checks the dtype, resizes, then makes both overlap checks
_OUT_DTYPE_BEFORE_OVERLAP = frozenset({"nonzero", "nonzero_static"})
_OUT_OVERLAP_SRC_ANY = frozenset({"scatter", "scatter_add", "scatter_reduce", "index_add", "index_copy",
                                  "index_reduce"})
# gather's meta function: out sharing any element with self, or only some with the index (the same elements pass)
_OUT_OVERLAP_INDEX_PARTIAL = frozenset({"gather", "take_along_dim"})
# reductions over a dim with indices compare out as kept (unsqueezed at dim): the input itself is a full overlap
_OUT_OVERLAP_KEPT = frozenset({"max", "min", "median", "nanmedian", "mode", "aminmax"})
# structured ops whose kernel (not their meta) checks partial overlap: out as resized by set_output, so an out that
# its resize makes the input itself passes (torch.cumsum(z, 1, out=z[0]) scans z in place, with the warning)
_OUT_OVERLAP_AFTER_RESIZE = frozenset({"cumsum", "cumprod", "logcumsumexp", "sort", "msort", "topk", "renorm", "gather",
                                       "median", "nanmedian", "nonzero_static"})  # (gather's meta checks after set_output; median's
#                                         resize_output comes before its iterator)


def _tensor_args(given):
    """The tensors among an op's arguments, those in a list or tuple argument too."""
    return [t for a in given for t in (a if isinstance(a, (tuple, list)) else (a,)) if isinstance(t, Tensor)]


def _number_operands(name, args, kwargs):
    """The Python numbers among a TensorIterator op's two operands (input/self and other), which take part in its
    common dtype as wrapped numbers."""
    if _ATEN_NAMES.get(name, name) not in _READ_WRITE_OUT:
        return []
    operands = (*args[:2], *(kwargs[k] for k in ("input", "self", "other") if k in kwargs))
    return [a for a in operands if isinstance(a, (bool, int, float, complex))]


# ops PyTorch has no autograd formula for: their out= goes through autogradNotImplementedFallback (measured)
_AUTOGRAD_FALLBACK = frozenset({"diag", "conj_physical", "floor_divide", "heaviside", "log_softmax", "softmax",
                                "slice_scatter", "histogram", "bitwise_and", "bitwise_or", "bitwise_xor",
                                "bitwise_not", "bitwise_left_shift", "bitwise_right_shift", "gcd", "lcm"})

_REDUCED_IN_OUT = frozenset({"sum", "nansum", "prod", "amax", "amin", "mean", "nanmean", "std", "var", "max", "min",
                             "argmax", "argmin", "any", "all", "linalg_vector_norm", "norm", "aminmax", "count_nonzero",
                             "histc", "mode", "median", "nanmedian", "kthvalue", "bincount"})
# (logsumexp_out computes into a new tensor, then resizes and copies into out: an input of out's storage is read
# before; measured for out= the input itself and views of it)
# structured reductions: their meta resizes out= before the kernel wraps dim against self, which out= self makes the
# reduced shape (torch.sum(x, 1, out=x) of a matrix: the warning, then "Dimension out of range ... but got 1")
_RESIZED_BEFORE_KERNEL = frozenset({"sum", "mean", "prod", "amax", "amin"})
# the reductions whose kernel reads all of its input before it writes a one-element result (measured: an out= of one
# element that aliases an input element reads that element as it was). The others write into out first: the sum
# family (sum, nansum, prod, mean, nanmean) fills it with its identity and accumulates into it in an order of its
# vectorised loops, amax/amin/any/all (bool) fill it with their identity, histc and bincount with zeros.
_READ_BEFORE_WRITTEN = frozenset({"argmax", "argmin", "std", "var", "max", "min", "count_nonzero", "median", "nanmedian",
                                  "linalg_vector_norm", "norm"})


# the dims below which a joining op hands cat a view of an input rather than the input itself (atleast_Nd's)
_CAT_VIEWED_BELOW = {"cat": 0, "concat": 0, "concatenate": 0, "hstack": 1, "vstack": 2, "row_stack": 2, "dstack": 3,
                     "column_stack": 2, "stack": math.inf}


def _cat_inputs(name, tensors):
    """The tensors cat_out checks out= against: the inputs as the joining op hands them to cat (an input itself
    overlaps out fully, even empty; a view of it only where they share an element), and none when every one is a
    1-d empty tensor, which cat skips (no valid tensor: no check)."""
    tensors = [t for t in tensors if isinstance(t, Tensor)]
    given = [t if t.dim() >= _CAT_VIEWED_BELOW[name] else t.unsqueeze(0) for t in tensors]
    if all(t.dim() == 1 and t.numel() == 0 for t in given):
        return []
    return given


# composites whose out= is mul_out's (_ATEN_NAMES): outer/ger multiply self viewed as a column by vec2 itself, kron
# views both operands (and out, after its resize); inner's and diff's are not TensorIterator outs of their inputs
_MUL_OF_VIEWS = frozenset({"outer", "ger", "kron"})
_NOT_READ_WRITE = frozenset({"inner", "diff"})


def _mul_operands(name, operands):
    """The operands mul_out sees for outer/ger/kron: new views (never the tensors given) where ATen reshapes them."""
    if any(t.dim() != 1 for t in operands[:2]) and name != "kron":
        return operands  # (outer's own check of its arguments comes first)
    return [t.unsqueeze(-1) if name != "kron" and i == 0 else t if name != "kron" else t.unsqueeze(0)
            for i, t in enumerate(operands)]


def _diff_operands(args, kwargs):
    """What diff_out_helper's sub_out (logical_xor_out for bool) reads: self narrowed to its last out_len and first
    out_len elements along dim when n is 1 and nothing is prepended or appended; else new tensors (diff_helper's,
    prepend_append_on_dim's), which share no memory with out."""
    self = args[0] if args else kwargs.get("input")
    n = args[1] if len(args) > 1 else kwargs.get("n", 1)
    dim = args[2] if len(args) > 2 else kwargs.get("dim", -1)
    extra = args[3:] + tuple(kwargs.get(k) for k in ("prepend", "append"))
    if not isinstance(self, Tensor) or n != 1 or any(e is not None for e in extra) or not isinstance(dim, int) or \
            not self.dim() or not -self.dim() <= dim < self.dim() or self._shape[dim] < 1:
        return []
    length = self._shape[dim] - 1
    return [self.narrow(dim, 1, length), self.narrow(dim, 0, length)]


def _check_read_write_out(name, outs, args, kwargs):
    """TensorIterator's mark_outputs: an out= that is one of the op's inputs (the same tensor, not a view of it) is
    read and written in place, so compute_shape never resizes it: a broadcast shape other than its own is refused
    (after the overlap checks, before the dtypes'); inputs that do not broadcast keep the op's own message."""
    operands = _tensor_args((*args, *kwargs.values()))
    if name in _MUL_OF_VIEWS:
        operands = _mul_operands(name, operands)
    read = operands[:1] if name == "ldexp" else operands  # (ldexp_out: mul_out(out, self, pow(2., other)))
    for o in outs:
        if name == "float_power" and isinstance(o, Tensor) and o.dtype not in (dtypes.float64, dtypes.complex128):
            return  # (float_power_out refuses out's dtype before its pow_out)
        if isinstance(o, Tensor) and any(t is o for t in read):
            try:
                shape = np.broadcast_shapes(*(t._shape for t in operands))
            except ValueError:
                return
            if shape != o._shape:
                from ..messages import OUTPUT_SHAPE, shape_list
                raise runtime(OUTPUT_SHAPE.format(shape_list(o._shape), shape_list(shape)))


def _check_out_overlap(name, outs, args, kwargs):
    if name in _OUT_OVERLAP_UNCHECKED or name in ("max", "min") and len(args) + len(kwargs) < 2:
        return  # (max/min without dim: a full reduction)
    if name in ("median", "nanmedian") and _median_reads_a_clone(args, kwargs, outs):
        return
    inputs = _tensor_args(args[:1] if name in _OUT_OVERLAP_SELF_ONLY else (*args, *kwargs.values()))
    if name in _MUL_OF_VIEWS:
        inputs = _mul_operands(name, inputs)
    if name == "diff":
        inputs = _diff_operands(args, kwargs)
    if name in _OUT_OVERLAP_SRC_ANY or name in _OUT_OVERLAP_INDEX_PARTIAL:
        inputs, others = inputs[:1], inputs[1:]
        if name == "take_along_dim" and (args[2] if len(args) > 2 else kwargs.get("dim")) is not None:
            others = []  # (along a dim, its helper gathers with a canonicalized copy of the index)
    dim = None
    if name in _OUT_OVERLAP_KEPT and not kwargs.get("keepdim", len(args) > 2 and args[2] is True):
        dim = kwargs.get("dim", args[1] if len(args) > 1 else None)  # (max(a, b), a tensor: elementwise)
    for o in outs:
        if isinstance(o, Tensor):
            kept = o.unsqueeze(dim) if isinstance(dim, int) and -o.dim() - 1 <= dim <= o.dim() else o
            check_overlap(kept, inputs, partial_overlap if name not in _OUT_OVERLAP_ANY else None)
            if name in _OUT_OVERLAP_SRC_ANY:
                check_overlap(o, others)
            elif name in _OUT_OVERLAP_INDEX_PARTIAL:
                check_overlap(o, others, partial_overlap)


def _internal_and_input_overlap(name, outs, args, kwargs):
    """An op's own assert_no_internal_overlap of out, then its check of out against the inputs."""
    for o in outs:
        if isinstance(o, Tensor):
            check_internal_overlap(o)
    _check_out_overlap(name, outs, args, kwargs)


def _median_reads_a_clone(args, kwargs, outs):
    """median_with_indices_impl makes the reduced dim contiguous with a clone of self when its stride is > 1, so
    only the iterator over self itself (its values out unsqueezed) checks partial overlap; an out that is self
    makes self the shape it is resized to first."""
    self = args[0] if args else kwargs.get("input")
    dim = args[1] if len(args) > 1 else kwargs.get("dim")
    if not isinstance(self, Tensor) or not isinstance(dim, int) or not self.dim() or any(o is self for o in outs) or \
            not -self.dim() <= dim < self.dim():
        return False
    return self._stride[dim % self.dim()] > 1


def _reads_element(t, o):
    """Whether t reads the element at out's storage offset (out of t's dtype), or might (another dtype)."""
    if t.dtype is not o.dtype:
        return True
    offsets = np.full((), t._offset)
    for n, st in zip(t._shape, t._stride):
        offsets = np.add.outer(offsets, np.arange(n) * st)
    return bool(np.any(offsets == o._offset))


def _shares_elements(t):
    return 0 not in t._shape and any(st == 0 and n > 1 for n, st in zip(t._shape, t._stride))


_META_CHECKED_FIRST = frozenset({"index_add", "index_reduce", "scatter"})


def _meta_checks(fn, args, kwargs):
    """The meta function's checks of index_add/index_reduce/scatter (the index's rank, dtype and count, reduce's
    name), which come before set_output's dtype check and resize; an index out of range and index_reduce's beta
    warning are the kernel's, after them."""
    from ..errors import silenced
    try:
        with silenced():
            fn(*args, **kwargs)
    except TorchError as e:
        if "out of range" not in e.message and "out of bounds" not in e.message:
            raise


def _resized_before_dtype_check(name, args, kwargs):
    """Whether ATen resizes name's out= before it checks its dtype: diag_out, dot_out (and matmul of two vectors,
    which is it), kron, stack along an existing dim, and matmul's batched and folded cases (resize_output, then
    bmm_out/mm_out/mv_out into a view); "mv" when that is a folded mv_out, whose addmv takes out as self (its dtype
    text); "dot" for dot_out, which does both before it computes."""
    if name in ("diag", "norm") or name in _GENERATED_OUT:
        return True  # (diag_out; norm_out's reduction; the generated ones' resize_out_helper, then copy_arg)
    if name == "stack":  # (stack_out below the new last dim: resize_output, then cat_out into out viewed)
        tensors = args[0] if args else kwargs.get("tensors")
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        return bool(tensors) and isinstance(tensors[0], Tensor) and isinstance(dim, int) and \
            dim % (tensors[0].dim() + 1) < tensors[0].dim()
    if len(args) < 2 or not all(isinstance(t, Tensor) for t in args[:2]):
        return name == "kron"
    a, b = args[:2]
    if name in ("dot", "vdot") or name == "matmul" and a.dim() == b.dim() == 1:
        return "dot"
    if name == "kron":
        return True
    if name != "matmul":
        return False
    if a.dim() <= 2 and b.dim() <= 2:
        return False
    return "mv" if min(a.dim(), b.dim()) == 1 and should_fold(a, b) else True


def _check_out_dtype(name, dt, o, scalar, into_mv=False):
    """out= o of a result of dtype dt: the matrix products' own checks (scalar: a 0-dim result; into_mv: a matmul
    folded into mv_out, o its self), else TensorIterator's cast rule."""
    if name == "tensordot" and dt is not o.dtype:
        raise runtime(f"tensordot: Expected the output tensor to have dtype {dtypes.SCALAR_NAMES[dt.name]}, but got "
                      f"an output tensor with dtype {dtypes.SCALAR_NAMES[o.dtype.name]}")
    if name in _EXACT_OUT_DTYPE and dt is not o.dtype:
        if into_mv:
            raise runtime(f"addmv input tensors must have the same dtype, but got "
                          f"{dtypes.SCALAR_NAMES[o.dtype.name]}, {dtypes.SCALAR_NAMES[dt.name]}, and "
                          f"{dtypes.SCALAR_NAMES[dt.name]}")
        if name in ("dot", "vdot") or name == "matmul" and scalar:
            raise runtime(f"result dtype {dtypes.SCALAR_NAMES[o.dtype.name]} does not match input dtype "
                          f"{dtypes.SCALAR_NAMES[dt.name]}")
        raise runtime(f"Expected out tensor to have dtype {dtypes.C_NAMES[dt.name]}, but got "
                      f"{dtypes.C_NAMES[o.dtype.name]} instead")
    if not dtypes.can_cast(dt, o.dtype):
        if name in _CAT_NAMES:
            raise type_error(f"torch.cat(): input types can't be cast to the desired output type "
                             f"{dtypes.SCALAR_NAMES[o.dtype.name]}")
        from ..messages import INPLACE_RESULT_TYPE
        raise runtime(INPLACE_RESULT_TYPE.format(res=dtypes.SCALAR_NAMES[dt.name],
                                                 out=dtypes.SCALAR_NAMES[o.dtype.name]))


def write_out(name, fn, args, kwargs):
    """torch.<name>(..., out=t) of an op that computes a new result: PyTorch's out= variants take no part in autograd
    (refused when grad mode is on and an argument or t requires grad), then the result's dtype must cast to t's, t is
    resized to the result (a warning when it had elements) and written (its version bumped); t is returned."""
    from .. import autograd
    from ..errors import warn
    from ..messages import shape_list
    from . import out_dtypes
    from .geometry_inplace import resize_output
    if name in ("matrix_power", "linalg_matrix_power"):
        return _matrix_power_out(args, kwargs)
    if name == "diff" and (args[1] if len(args) > 1 else kwargs.get("n", 1)) == 0:
        return _diff_zero_out(fn, args, kwargs)
    name = "linalg_inv" if name == "inverse" else name  # (inverse_out is linalg_inv_out)
    if name in LINALG_OUT:
        return write_linalg_out(name, fn, args, kwargs, _out_return_type)
    name = "matmul" if name == "linalg_matmul" else name  # (linalg_matmul_out is matmul_out)
    kwargs = dict(kwargs)
    out = kwargs.pop("out")
    outs = tuple(out) if isinstance(out, (tuple, list)) else (out,)
    # tensordot_out (inner's too) is composite: the product with its graph, copied into out (CopyBackwards)
    # (special_ndtr_out likewise: its formula's graph, copied)
    copied = name in ("tensordot", "special_ndtr") or \
        name == "inner" and all(isinstance(t, Tensor) and t.dim() for t in args[:2])
    if name == "nonzero" and kwargs.get("as_tuple"):  # (torch.nonzero's binding refuses it first)
        raise runtime("nonzero does not support the out kwarg when as_tuple is True")
    if name == "ger":  # (ger_out's own warning, each call, before outer_out; ger without out= is outer)
        warn("torch.ger is deprecated and will be removed in a future PyTorch release. Use torch.outer instead.")
    inputs = _tensor_args((*args, *kwargs.values()))
    # the ops without an autograd kernel (the view copies, diag, ...): PyTorch's fallback refuses an out that is (a
    # view of) a leaf requiring grad, first; else it records torch::autograd::NotImplemented on each out, over the
    # inputs and the outs' own histories
    fallback = name in _VIEW_COPIES or name in _AUTOGRAD_FALLBACK
    aten_name = _ATEN_NAMES.get(name, name)
    if name == "diag":  # (diag's out= is diagonal_copy's for a matrix, diag_embed's for a vector)
        aten_name = "diagonal_copy" if args and isinstance(args[0], Tensor) and args[0].dim() == 2 else "diag_embed"
    if fallback:
        refused = autograd._grad_enabled[0] and any(o.requires_grad and leaf_or_its_view(o) for o in outs
                                                    if isinstance(o, Tensor))
        unimplemented = autograd._grad_enabled[0] and not refused and \
            any(t.requires_grad for t in (*inputs, *outs) if isinstance(t, Tensor))
    else:
        unimplemented = False
        refused = autograd._grad_enabled[0] and not copied and \
            _ATEN_NAMES.get(name, name) not in _NOT_DIFFERENTIABLE and \
            not name.startswith(_NOT_DIFFERENTIABLE_SPECIAL) and "_polynomial_" not in name and \
            any(t.requires_grad for t in (*inputs, *outs))

    def refuse():  # (nanmean's out= checks its input's type, then is nansum_out's: nansum's autograd refuses it)
        refuser = "nansum" if name == "nanmean" else aten_name
        if name == "nanmean" and args and isinstance(args[0], Tensor) and args[0].dtype.category < 2:
            raise runtime(NANMEAN_INTEGRAL)
        if name in ("outer", "ger") and len(args) == 2 and all(isinstance(a, Tensor) for a in args):
            check_outer_operands(*args)  # (outer_out's check_1d, before its mul_out)
        raise runtime(f"{'aten::' if fallback else ''}{refuser}(): functions with out=... arguments don't support "
                      "automatic differentiation, but one of the arguments requires grad.")
    if refused and name != "kron":  # (kron_out resizes out before its mul_out refuses)
        refuse()
    if name == "pow" and len(args) == 2 and isinstance(args[0], (int, float, complex)) and \
            isinstance(args[1], Tensor) and isinstance(out, Tensor):
        # (pow.Scalar_out: its meta function resizes out= to the exponent's shape in out='s own dtype, once; then a
        # base of 1 (not True) fills out= with ones whatever its dtype, any other is pow_out of the base wrapped,
        # whose iterator checks out='s dtype)
        warn_resized(out, args[1]._shape)
        resize_output(out, args[1]._shape)
        if type(args[0]) is not bool and args[0] == 1:
            return out.fill_(1)
    if name == "cholesky":  # (cholesky_out's own TORCH_WARN_ONCE, before the op's)
        warn_once(CHOLESKY_DEPRECATED, key=CHOLESKY_DEPRECATED + " out")
    resized_unchecked = _resized_before_internal_check(name, args)
    for o in outs:
        if isinstance(o, Tensor) and _shares_elements(o) and name not in _OUT_OVERLAP_WRITTEN and \
                name not in _OUT_OVERLAP_REDUCED and name not in _OUT_DTYPE_BEFORE_OVERLAP and \
                not _small_bmm(name, args) and not resized_unchecked:
            _refuse_shared_out(name, o)
    from .reduced_into_input import reads_itself, reduce_into_input
    into_input = reads_itself(name, outs, args, kwargs)
    if name not in _OUT_OVERLAP_AFTER_RESIZE and name not in _OUT_DTYPE_BEFORE_OVERLAP and not into_input:
        _check_out_overlap(name, outs, args, kwargs)
    if _ATEN_NAMES.get(name, name) in _READ_WRITE_OUT and name not in _NOT_READ_WRITE and name != "kron":
        _check_read_write_out(name, outs, args, kwargs)

    def resize(shape, o, dtype=None, to_kernel_shape=False, strides=None):
        kernel_shape, had = _resize_shapes(name, args, kwargs, o, shape)
        shape = kernel_shape if to_kernel_shape else shape
        had = o._shape if had is None else had
        if tuple(had) != tuple(kernel_shape) and o.numel() and name != "narrow_copy":  # (narrow_copy: resize_)
            if _ATEN_NAMES.get(name, name) in _COMPARISONS and o.dtype is not dtypes.bool_:  # (the operands' dtype)
                dtype = dtypes.result_type([a for a in args if isinstance(a, (Tensor, int, float, bool, complex))])
            # (kron_out resizes first; torch.special's own ops are structured TensorIterator ops, ndtr composite)
            twice = (_ATEN_NAMES.get(name, name) in _RESIZE_WARNS_TWICE or name.startswith("special_")
                     and name != "special_ndtr" or name in ("std", "var") and args[0].dtype.is_complex or
                     name in ("max", "min") and len(args) > 1 and isinstance(args[1], Tensor)) and \
                name != "kron" and not (name == "pow" and args and not isinstance(args[0], Tensor))
            # (a complex std/var is add_out of the parts' real results into out; max/min of two tensors are
            # maximum/minimum; pow of a number: once, measured)
            for _ in range(2 if twice and dtype is not o.dtype else 1):
                warn(_RESIZED.format(had=shape_list(had), shape=shape_list(kernel_shape)))
        if o._shape != shape:
            resize_output(o, shape, strides)
    resized_first = _resized_before_dtype_check(name, args, kwargs)
    kron_views = _mul_operands(name, inputs) if name == "kron" else ()
    if resized_first == "dot":  # (dot_out: out made 0-dim and its dtype checked against self's, before the product)
        resize((), outs[0])
        _check_out_dtype(name, args[0].dtype, outs[0], True)
    if name in _INTO_OUT_DTYPE and isinstance(out, Tensor) and args and isinstance(args[0], Tensor) and \
            kwargs.get("dtype") is None and not into_input:
        fn, args = _into_out_dtype(name, fn, args, kwargs, out, resize)
    def resize_ldexp_out():  # (ldexp_out resizes out= once before its kernel's dispatch and dtype assert refuse)
        check_broadcast(*inputs)
        resize(np.broadcast_shapes(*(t._shape for t in inputs)), outs[0], outs[0].dtype)
    try:
        kwargs = out_dtypes.check(name, args, kwargs, outs)
    except TorchError as e:
        if name == "ldexp" and "INTERNAL ASSERT" in e.message:
            resize_ldexp_out()
        if name in ("argmax", "argmin"):  # (the meta function's checks of the input come before out's dtype)
            fn(*args, **kwargs)
        if name in _META_CHECKED_FIRST:
            _meta_checks(fn, args, kwargs)
        if name in _VALUES_SET_FIRST and len(outs) == 2 and args and outs[0].dtype is args[0].dtype:
            # (values' set_output -- its dtype check and resize, kthvalue's to the kept shape -- comes first)
            values = fn(*args, **kwargs)[0]
            resize(values._shape, outs[0], values.dtype, to_kernel_shape=True)
        raise
    if into_input:
        return reduce_into_input(name, fn, outs, args, kwargs, resize, _out_return_type)
    if name in _META_CHECKED_FIRST and isinstance(out, Tensor) and args and isinstance(args[0], Tensor):
        _meta_checks(fn, args, kwargs)
        resize(args[0]._shape, out)  # (set_output: self's shape, before the kernel's range errors and warnings)
    if name == "nonzero":
        _internal_and_input_overlap(name, outs, args, kwargs)
    try:
        result = out_dtypes.compute(name, fn, outs)(*args, **kwargs)
    except TorchError as e:  # (a kernel's dtype dispatch: out='s checks came first, in the inputs' dtype)
        tensors = _tensor_args((*args, *kwargs.values()))
        index = args[2] if len(args) > 2 else kwargs.get("index")
        if name == "gather" and isinstance(index, Tensor) and isinstance(outs[0], Tensor):
            resize(index._shape, outs[0])  # (gather's meta: set_output to the index's shape, then its checks)
        if name == "ldexp" and e.kind == "NotImplementedError" and isinstance(outs[0], Tensor):
            resize_ldexp_out()
        if name in ("pow", "clamp", "clip") and "without overflow" in e.message and args and \
                isinstance(args[0], Tensor) and isinstance(outs[0], Tensor) and len(args) > 1 and \
                not isinstance(args[1], Tensor) and not (args[0].dtype.category < 2 and "int64_t" in e.message):
            # (the kernel's exponent.to<scalar_t>() -- clamp's bounds' -- after set_output's resize; an integer
            # base's exponent read as int64 by pow's meta function overflows before)
            resize(args[0]._shape, outs[0], dtypes.result_type((args[0], args[1])) if name == "pow" else
                   args[0].dtype)
        # (a kernel's dispatch refusing the dtype, or an integer division's kernel refusing a zero divisor)
        kernel_refused = e.kind == "NotImplementedError" and " not implemented for '" in e.message or \
            e.message == "ZeroDivisionError"
        if kernel_refused and tensors and \
                isinstance(outs[0], Tensor) and name not in _CAT_NAMES and _ATEN_NAMES.get(name, name) not in \
                _COMPARISONS and (name not in out_dtypes.RULES or name in ("matmul", "mm", "bmm", "baddbmm", "pow")):
            # (the rules' ops checked out= their own way; the products' and pow's rules only some operands; a
            # TensorIterator op's Python number operand is a wrapped number of the common dtype: lshift(long, 3.0,
            # out=long) is "result type Float can't be cast" before the kernel refuses Float)
            common = dtypes.result_type(tensors + _number_operands(name, args, kwargs))
            _check_out_dtype(name, common, outs[0], tensors[0].dim() == 1 == tensors[-1].dim())
            if _ATEN_NAMES.get(name, name) in _READ_WRITE_OUT:
                # (a TensorIterator op of several operands: out= resized by set_output before the kernel's dispatch;
                # floor_divide_out, not structured, warns so and computes into a temporary when out='s dtype is
                # another, out left as it was)
                check_broadcast_all(*tensors)
                shape = np.broadcast_shapes(*(t._shape for t in tensors))
                if name == "floor_divide" and common is not outs[0].dtype:
                    warn_resized(outs[0], shape)
                else:
                    resize(shape, outs[0], common)
        if e.kind == "NotImplementedError" and " not implemented for '" in e.message and tensors and \
                isinstance(outs[0], Tensor) and _ATEN_NAMES.get(name, name) in _COMPARISONS:
            # (a comparison's out= of any dtype: resized by set_output before the kernel's dispatch, lt(c, 1j, out=))
            check_broadcast_all(*tensors)
            resize(np.broadcast_shapes(*(t._shape for t in tensors)), outs[0], outs[0].dtype)
        if e.kind == "NotImplementedError" and " not implemented for '" in e.message and tensors and \
                isinstance(outs[0], Tensor) and out_dtypes.checks_same_dtype(name):
            check_broadcast_all(*tensors)  # (clamp's tensor bounds broadcast with self)
            # (set_output resized it, then the dispatch refused)
            resize(np.broadcast_shapes(*(t._shape for t in tensors)), outs[0], outs[0].dtype)
        if getattr(e, "unsupported_dtype", None) is not None and isinstance(outs[0], Tensor):
            _check_out_dtype(name, e.unsupported_dtype, outs[0], False)  # (float16 + 1j: ComplexHalf, which the
        raise                                                             # out= refuses before it is computed)
    results = tuple(result) if isinstance(result, tuple) else (result,)
    if resized_unchecked:  # (an out of the result's shape is not resized: the kernel's own check refuses it)
        for r, o in zip(results, outs):
            if isinstance(o, Tensor) and isinstance(r, Tensor) and _shares_elements(o) and r._shape == o._shape:
                _refuse_shared_out(name, o)
    if name in _REDUCED_INTO_ITSELF and args and outs[0] is args[0] and isinstance(results[0], Tensor):
        return _reduce_into_itself(name, outs[0], results[0], args, kwargs, resize)
    # (a reduction's kernel resizes such an out, and so its input, before it reads it; a result of one element of the
    # kernels that read all of their input before they write is computed here, then written, as PyTorch's)
    read_before_written = all(r.numel() <= 1 for r in results if isinstance(r, Tensor)) and (
        name in _READ_BEFORE_WRITTEN or not any(_reads_element(t, o) for o in outs if isinstance(o, Tensor)
                                                for t in inputs if t._storage is o._storage))
    for r, o in zip(results, outs):
        if name in _REDUCED_IN_OUT and isinstance(o, Tensor) and isinstance(r, Tensor) and r._shape != o._shape and \
                not read_before_written and any(t._storage is o._storage for t in inputs):
            if name in _OUT_OVERLAP_AFTER_RESIZE:  # (median's values and indices resized, then its check)
                for r2, o2 in zip(results, outs):
                    resize(r2._shape, o2, r2.dtype)
                _check_out_overlap(name, outs, args, kwargs)
            if name in _RESIZED_BEFORE_KERNEL and args and o is args[0]:
                try:  # (what self resized allows; out is left as it was when that computes)
                    fn(o.new_zeros(r._shape), *args[1:], **kwargs)
                except TorchError:
                    resize(r._shape, o, r.dtype)
                    raise
            from ..errors import make
            raise make("NotImplementedError", f"tensorsh: {name}(..., out=) into a tensor of another shape that "
                                              f"shares memory with its input is not supported")
    if _ATEN_NAMES.get(name, name) in _BOOL_KERNELS and isinstance(outs[0], Tensor) and \
            outs[0].dtype.category in (1, 2) and isinstance(results[0], Tensor) and results[0].numel() and dtypes.result_type(
                [a for a in (*args, *kwargs.values()) if isinstance(a, (Tensor, complex))], tensorless=True).category == 3:
        complex_into_real = True  # (computed in the complex common dtype, then cast into a real out= resized)
    else:
        complex_into_real = False
    for r, o in zip(results, outs):
        if resized_first:
            resize(r._shape, o, r.dtype)
        if refused:
            refuse()
        if name == "kron":  # (kron_out's mul_out into out viewed after its resize, the operands viewed before)
            check_overlap(o.unsqueeze(0), kron_views, partial_overlap)
        _check_out_dtype("tensordot" if copied and name != "special_ndtr" else name, r.dtype, o, r.dim() == 0,
                         resized_first == "mv")
    if unimplemented:  # (the fallback's node, its edges taken before the kernel writes: out's history as it was)
        from .core import NotImplementedNode
        unimplemented = NotImplementedNode(aten_name, *inputs, *outs)
    if name in _OUT_OVERLAP_AFTER_RESIZE:
        for r, o in zip(results, outs):
            if not resized_first:
                resize(r._shape, o, r.dtype, strides=None if name in _OUT_CONTIGUOUS else r._stride)
        if name in _OUT_DTYPE_BEFORE_OVERLAP:
            _internal_and_input_overlap(name, outs, args, kwargs)
        else:
            _check_out_overlap(name, outs, args, kwargs)
    joined = _cat_inputs(name, args[0]) if name in _CAT_NAMES and args and isinstance(args[0], (tuple, list)) else ()
    previous = autograd._grad_enabled[0]
    autograd._grad_enabled[0] = previous and copied
    try:
        for r, o in zip(results, outs):
            if not resized_first:  # (a TensorIterator op's or sort's out= resized takes the result's layout)
                resize(r._shape, o, r.dtype, strides=None if name in _OUT_CONTIGUOUS else r._stride)
            if complex_into_real:
                warn_once(COMPLEX_TO_REAL)
            if name in _CAT_NAMES and args and isinstance(args[0], (tuple, list)):
                check_overlap(o, joined)  # (cat's assert_no_overlap, after out's resize)
            rows = _product_in_rows(name, o, args, kwargs) if name in _PRODUCT_ROWS else None
            if rows is not None:
                _write_values(o, rows)
            elif _shares_elements(o):
                _write_shared(o, r, _OUT_OVERLAP_REDUCED.get(name))
            elif _reduces_into_its_input(name, o, r, args, kwargs):
                _write_values(o, _reduced_in_place(name, o, args, kwargs))
            elif name == "kron":  # (kron_out's mul_out writes a view of out below autograd: no version moves)
                from .. import undo
                undo.touch(o._storage)
                o._np[...] = r._np
                if o.dtype is dtypes.bfloat16:
                    dtypes.round_bfloat16(o._np)
            else:
                o.copy_(r)
            if _vector_matrix(name, args):  # (the vector-matrix product's squeeze_(0): a version of its own)
                o._version_counter.bump()
    finally:
        autograd._grad_enabled[0] = previous
    if unimplemented:  # (every out its output 0, as the fallback rebases each; a view's base through CopySlices)
        from .core import rebase_history
        for o in outs:
            rebase_history(o, unimplemented)
    if name in ("unbind_copy", "split_copy", "split_with_sizes_copy"):
        return None  # (their out= variants return nothing: `-> ()`)
    return out if not isinstance(result, tuple) else _out_return_type(type(result))(outs)


def copy_into_out(out, result, inputs, grad_op, resize_first=True):
    """out= of a composite op that checked out='s dtype itself (linalg.multi_dot, linalg.vecdot): out resized (its
    warning) and the out= op it calls (grad_op) refusing autograd, in that op's order, then result's values copied
    (one version)."""
    from .. import autograd
    from .geometry_inplace import resize_output

    def resize():
        warn_resized(out, result._shape)
        resize_output(out, result._shape)
    if resize_first:
        resize()
    if autograd._grad_enabled[0] and any(t.requires_grad for t in (*inputs, out)):
        raise runtime(f"{grad_op}(): functions with out=... arguments don't support automatic differentiation, but "
                      "one of the arguments requires grad.")
    if not resize_first:
        resize()
    with autograd.no_grad():
        out.copy_(result)
    return out


# reductions and scans whose out= decides the dtype they compute in, resized before their kernel's dtype errors
_INTO_OUT_DTYPE = frozenset({"mean", "nanmean", "nansum", "std", "var", "cumsum", "cumprod"})


def _into_out_dtype(name, fn, args, kwargs, out, resize):
    """(fn, args) computing name(*args, out=out) as ATen does: std/var reduce in out's floating dtype
    (make_reduction's), nanmean is nansum_out into out then div_ (in out's dtype; an integer out is nansum's
    NotImplementedError, nansum's own of a floating input); mean with a dim is sum_out in out's dtype, then div_ (an integer out holds the sum when
    div_'s cast fails); cumsum/cumprod into bool have no kernel (a 0-dim or empty input runs none: filled or left
    empty). The refusals come after out's resize."""
    self = args[0]
    if name == "nanmean" and self.dtype.category < 2:
        raise runtime(NANMEAN_INTEGRAL)
    if self.dtype.category < 2 and name in ("mean", "std", "var", "nansum") or self.dtype.category > 2:
        return fn, args  # (the op's own refusal of its input comes first)
    if out.dtype.category == 2:
        if name == "nanmean":  # (nansum_out, then div_: two versions)
            out._version_counter.bump()
        if name in ("std", "var"):  # (make_reduction resizes out before the degrees of freedom warn)
            from ..errors import silenced
            with silenced():
                shape = fn(*args, **kwargs)._shape
            resize(shape, out, to_kernel_shape=True)
        if name in ("std", "var") and out.dtype in (dtypes.float32, dtypes.float64) and \
                math.prod(shape) <= 1:  # (std_var_all_cpu of self, filled into out)
            if self.dtype in (dtypes.float16, dtypes.bfloat16):
                raise runtime(f"std_var_all: Unsupported dtype {dtypes.SCALAR_NAMES[self.dtype.name]}")
            return fn, args
        if name in ("std", "var", "nanmean") and out.dtype is not self.dtype:
            return fn, (self.to(out.dtype),) + tuple(args[1:])
        return fn, args
    if name in ("cumsum", "cumprod") and (out.dtype is not dtypes.bool_ or not self.dim() or not self.numel()) or \
            name == "mean" and (len(args) < 2 and "dim" not in kwargs or out.dtype.category == 3):
        return fn, args  # (mean.dtype_out checks before; a complex out is summed into)
    shape = fn(*args, **kwargs)._shape
    resize(shape, out, to_kernel_shape=True)
    if name in ("std", "var") and math.prod(shape) <= 1 and self.dtype in (dtypes.float32, dtypes.float64):
        return fn, args  # (std_var_all_cpu of self, filled into out)
    if name in ("cumsum", "cumprod", "nanmean", "nansum") or name in ("std", "var") and out.dtype.category == 3:
        from ..errors import make  # (std_var_stub dispatches on out's dtype: real types only)
        kernel = f"{name}_out_cpu" if name in ("cumsum", "cumprod") else "std_cpu" if name in ("std", "var") else \
            "nansum_cpu"
        raise make("NotImplementedError", f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[out.dtype.name]}'")
    if name == "mean":  # (sum_out wrote out, below autograd: no version)
        from ..messages import INPLACE_RESULT_TYPE
        from .. import undo
        undo.touch(out._storage)
        out._np[...] = self.sum(*args[1:], **dict(kwargs, dtype=out.dtype))._np
        raise runtime(INPLACE_RESULT_TYPE.format(res="Float", out=dtypes.SCALAR_NAMES[out.dtype.name]))
    return fn, args


# (the reductions whose kernel fills out= with its identity before it reads the input, _FILLED_FIRST's and these:
# out= the input itself reads that identity back)
_REDUCED_INTO_ITSELF = {"any": False, "all": True, "argmax": 0, "argmin": 0, "sum": 0, "nansum": 0, "prod": 1, "mean": 0,
                        "nanmean": 0, "amax": -np.inf, "amin": np.inf}
_STRUCTURED_REDUCTIONS = frozenset({"sum", "prod", "mean", "amax", "amin", "any", "all", "argmax", "argmin"})


def _reduce_into_itself(name, out, result, args, kwargs, resize):
    """A reduction with out= its own input (`torch.sum(x, 0, out=x)`): set_output resizes x itself to the result's
    shape; a structured kernel then wraps its dims against the resized x (an IndexError there leaves x resized) and
    fills x with its identity before it reduces x, which so reads that identity back; mean is sum_out (its second
    resize) divided by the original reduced count, nanmean nansum by the original non-NaN count, nansum of an
    integral tensor sum_out."""
    dim = args[1] if len(args) > 1 else kwargs.get("dim")
    keepdim = args[2] if len(args) > 2 and not isinstance(args[2], dtypes.DType) else kwargs.get("keepdim", False)
    dims = () if dim is None else tuple(dim) if isinstance(dim, (tuple, list)) else (dim,)
    original = out._np.copy()
    reduced = tuple(out._wrap_dim(d) for d in dims) if dims else tuple(range(out.dim()))
    count = int(np.prod([original.shape[d] for d in reduced])) if out.dim() else 1
    valid = None if name != "nanmean" else (~np.isnan(original)).sum(axis=reduced or None, keepdims=keepdim)
    resize(result._shape, out, result.dtype)
    # (int amin's kernel starts from out's own values; any/all copy a one-element input as it is)
    keep = name == "amin" and out.dtype.category == 1 or name in ("any", "all") and out.numel() == 1
    structured = name in _STRUCTURED_REDUCTIONS or name == "nansum" and out.dtype.category < 2
    if structured and not (keep and name != "amin"):
        wrapped = tuple(out._wrap_dim(d) for d in dims)  # (PyTorch's IndexError, x already resized)
        if name == "mean":  # (sum_out(result, x, dim): x's shape reduced again)
            shape = tuple(1 if i in wrapped else n for i, n in enumerate(out._shape) if keepdim or i not in wrapped)
            resize(shape, out, result.dtype)
    values = out._np.copy() if keep else _identity_of(_REDUCED_INTO_ITSELF[name], out.dtype)
    values = np.broadcast_to(np.asarray(values, out.dtype.np), out._shape)
    if name == "mean":
        values = values / out.dtype.np.type(count) if count else values / out.dtype.np.type(0)
    elif name == "nanmean":
        values = values / np.broadcast_to(valid, out._shape).astype(out.dtype.np)
    from .. import autograd
    with autograd.no_grad(), np.errstate(invalid="ignore", divide="ignore"):
        _write_values(out, np.asarray(values, out.dtype.np))
    return out


def _identity_of(identity, dtype):
    """A reduction's identity in dtype: amax's -inf and amin's inf are an integer type's lowest and highest values,
    bool's False and True."""
    if identity not in (-np.inf, np.inf) or dtype.category > 1:
        return identity
    if dtype is dtypes.bool_:
        return identity > 0
    return np.iinfo(dtype.np).min if identity < 0 else np.iinfo(dtype.np).max


def _matrix_power_out(args, kwargs):
    """linalg_matrix_power_out (matrix_power_out is it): A checked square and out's dtype castable from A's, out
    resized to A's shape; then n = 0 copies the identity into out, n = 1 copies A (CopyBackwards when A requires
    grad), n = -1 is linalg_inv_out; else A (or its inverse) is squared repeatedly with matmul, the last product
    matmul_out into out (its refusal under autograd, its exact dtype) or, for a power of two, copied into it."""
    from .args import check_square
    from .out_dtypes import warn_resized
    from .geometry_inplace import resize_output

    def matmul(x, y):  # (the ops as Tensor methods: linalg and solvers import this module)
        return x.matmul(y)

    def inv(x):
        return x.inverse()
    kwargs = dict(kwargs)
    out = kwargs.pop("out")
    self, n = args[0], (args[1] if len(args) > 1 else kwargs.pop("n"))
    check_square("linalg.matrix_power", self)
    if not dtypes.can_cast(self.dtype, out.dtype):  # (checkLinalgCompatibleDtype)
        raise runtime(f"matrix_power: Expected result to be safely castable from {dtypes.SCALAR_NAMES[self.dtype.name]} "
                      f"dtype, but got result with dtype {dtypes.SCALAR_NAMES[out.dtype.name]}")
    warn_resized(out, self._shape)
    resize_output(out, self._shape)

    def product_into_out(x, y):
        return write_out("matmul", matmul, (x, y), {"out": out})
    if n == 0:
        return out.copy_(from_numpy(np.eye(self._shape[-1], dtype=self.dtype.np), self.dtype).expand(self._shape))
    if n == 1:
        return out.copy_(self)
    if n == -1:
        return write_out("linalg_inv", inv, (self,), {"out": out})
    a, n = (inv(self), -n) if n < 0 else (self, n)
    if n == 2:
        return product_into_out(a, a)
    if n == 3:
        return product_into_out(matmul(a, a), a)
    z = result = None
    while n > 0:
        bit, n = n % 2, n // 2
        z = a if z is None else matmul(z, z)
        if bit and n <= 0:
            return out.copy_(z) if result is None else product_into_out(result, z)
        if bit:
            result = z if result is None else matmul(result, z)


def _diff_zero_out(fn, args, kwargs):
    """diff_out with n = 0, a composite above autograd: diff's checks, out resized to self's shape (resize_: its
    warning, and a version when the sizes change), check_scalar_type_device_layout_equal, then copy_ (one more
    version; CopyBackwards when self requires grad)."""
    from .geometry_inplace import _resize
    kwargs = dict(kwargs)
    out = kwargs.pop("out")
    fn(*args, **kwargs)
    self = args[0]
    warn_resized(out, self._shape)
    _resize(out, self._shape)
    if out.dtype is not self.dtype:
        raise runtime(f"expected scalar_type {dtypes.SCALAR_NAMES[self.dtype.name]} but found "
                      f"{dtypes.SCALAR_NAMES[out.dtype.name]}")
    return out.copy_(self)


def _resize_shapes(name, args, kwargs, out, shape):
    """(the shape out= is resized to, the shape it had then): kthvalue's out is resized to the kept shape, and first
    unsqueezed at dim when one dim short of the input (_reduction_with_indices_allocate_or_resize_output); mode's
    likewise, unsqueezed whenever dim is one of out's dims or its end (measured); isin of a number's meta function
    sets out to [0] before its kernel makes it 0-dim."""
    if name == "isin" and args and not isinstance(args[0], Tensor):
        return (0,), None
    keepdim = args[3] if len(args) > 3 else kwargs.get("keepdim", False)
    if name == "kthvalue" and args and isinstance(args[0], Tensor) and args[0].dim() and not keepdim:
        d = args[0]._wrap_dim(args[2] if len(args) > 2 else kwargs.get("dim", -1))
        had = out._shape[:d] + (1,) + out._shape[d:] if out.dim() == args[0].dim() - 1 else None
        return shape[:d] + (1,) + shape[d:], had
    if name == "mode" and args and isinstance(args[0], Tensor):  # (mode_kernel's: unsqueezed where dim fits)
        if not args[0].dim():  # (_dimreduce_return_trivial_no_ident: resize_, no warning)
            return shape, shape
        if not (args[2] if len(args) > 2 else kwargs.get("keepdim", False)):
            d = args[0]._wrap_dim(args[1] if len(args) > 1 else kwargs.get("dim", -1))
            return shape[:d] + (1,) + shape[d:], out._shape[:d] + (1,) + out._shape[d:] if d <= out.dim() else None
    return _vector_matrix_shape(name, args, shape), None


def _refuse_shared_out(name, o):
    """The internal-overlap error of an out= whose elements share memory (or that this engine does not model)."""
    if name in _OUT_OVERLAP_UNMODELLED:
        from ..errors import make
        raise make("NotImplementedError", f"tensorsh: {name}(..., out=) into a tensor whose elements share memory is "
                                          f"not supported")
    precheck(o, overlap=False)


# structured ops (not TensorIterator's, whose compute_mem_overlaps comes before the resize) whose out= is resized by
# set_output (cat_out, stack_out, gather, max.dim_max, tril) or resize_output (dot_out, kron, mm/matmul, logsumexp's
# sum) before any assert_no_internal_overlap: an expanded out of another shape is made contiguous and written
_RESIZED_BEFORE_INTERNAL_CHECK = frozenset({"cat", "concat", "concatenate", "stack", "gather", "logsumexp", "dot",
                                            "kron", "mm", "matmul", "tril", "triu"})


def _resized_before_internal_check(name, args):
    return name in _RESIZED_BEFORE_INTERNAL_CHECK or name in ("max", "min") and len(args) > 1 and \
        isinstance(args[1], int)


def _small_bmm(name, args):
    """bmm_out's small products (k x rows x cols < 400) are baddbmm_cpu_kernel's loop, which checks no overlap: an
    out whose elements share memory is written element after element (the last write wins); the larger ones go
    through addmm_impl_cpu_ per batch, whose copy back into out refuses it."""
    a, b = (tuple(args[:2]) + (None, None))[:2]
    return name == "bmm" and isinstance(a, Tensor) and isinstance(b, Tensor) and a.dim() == 3 == b.dim() and \
        0 < a._shape[1] * a._shape[2] * b._shape[2] < 400


def _write_shared(out, result, reduce):
    """out= into out's shared elements: each address gets the last value written to it, or (reduce) the reduction
    of the values of every element at it."""
    values = result._np.astype(out.dtype.np)
    if reduce is not None:
        dims = tuple(d for d, (n, st) in enumerate(zip(out._shape, out._stride)) if st == 0 and n > 1)
        values = np.broadcast_to(reduce(values, axis=dims, keepdims=True), values.shape).astype(out.dtype.np)

    _write_values(out, values)


# reductions whose kernel fills out with the identity (binary_kernel_reduce_vec's, cascade_sum's
# output_base().fill_) before it reads the input; mean/nanmean are sum_out/nansum_out, then div_
_FILLED_FIRST = {name: _REDUCED_INTO_ITSELF[name]
                 for name in ("sum", "nansum", "mean", "nanmean", "prod", "amax", "amin")}


def _reduces_into_its_input(name, out, result, args, kwargs):
    """out= of a filled reduction into (a view of) its own input, of the result's shape and the input's dtype (others
    keep the values computed from the input as it was)."""
    self = args[0] if args else None
    return name in _FILLED_FIRST and isinstance(self, Tensor) and self._storage is out._storage and \
        out._shape == result._shape and out.dtype is self.dtype and self.numel() and \
        out.dtype in (dtypes.float32, dtypes.float64, dtypes.int64, dtypes.int32) and \
        kwargs.get("dtype") in (None, out.dtype)


def _reduced_in_place(name, out, args, kwargs):
    """The values a filled reduction leaves in out when out is a view of its input (measured: torch.sum(x, 0,
    out=x[0]) sums x[1] alone): out is filled with the identity, then each out element in turn reduces its slice of
    the input as memory holds it then (after the fill and the elements written before it); prod and the integer
    reductions accumulate into out one element after another (basic_loop: torch.prod(w, 1, out=w[:, 1]) squares
    w[:, 0]), the floating sums add a slice's sum (cascade_sum); int64 amin (binary_kernel_reduce, ATen's special
    case) does not fill. (Vectorized chunks and TensorIterator's reordering of dims are not modelled.) mean and nanmean divide at the end (nanmean by the count of the input as given). Run on a copy of the
    storage's buffer, in out's order."""
    from ..tensorimpl import storage_view
    self = args[0]
    dim = args[1] if len(args) > 1 else kwargs.get("dim")
    keepdim = args[2] if len(args) > 2 else kwargs.get("keepdim", False)
    n = self.dim()
    dims = () if not n else tuple(range(n)) if dim is None or isinstance(dim, (tuple, list)) and not len(dim) else \
        tuple(d % n for d in ((dim,) if isinstance(dim, int) else dim))
    ident = _identity_of(_FILLED_FIRST[name], out.dtype)
    from .reduced_into_input import buffer_of
    buffer = buffer_of(out)
    dest = storage_view(buffer, out.dtype, out._shape, out._stride, out._offset)
    src = storage_view(buffer, self.dtype, self._shape, self._stride, self._offset)
    count = (~np.isnan(src)).sum(axis=dims, keepdims=keepdim) if name == "nanmean" else None
    unfilled = name == "amin" and out.dtype is dtypes.int64  # (min_values' binary_kernel_reduce for kLong)
    if not unfilled:
        dest[...] = ident
    for ix in np.ndindex(*dest.shape):
        kept = iter(ix)
        at = tuple(slice(None) if d in dims else ix[d] if keepdim else next(kept) for d in range(n))
        if unfilled:
            dest[ix] = (np.max if name == "amax" else np.min)(src[at])
        elif name == "prod" or out.dtype.category < 2:
            for k in np.ndindex(*src[at].shape):
                dest[ix] = dest[ix] * src[at][k] if name == "prod" else \
                    (np.maximum if name == "amax" else np.minimum if name == "amin" else np.add)(dest[ix], src[at][k])
        elif name in ("amax", "amin"):
            dest[ix] = (np.max if name == "amax" else np.min)(np.append(src[at], dest[ix]))
        else:
            dest[ix] = dest[ix] + (np.nansum if name in ("nansum", "nanmean") else np.sum)(src[at])
    if name == "mean":
        dest /= self.numel() // dest.size
    elif name == "nanmean":
        dest /= count.reshape(dest.shape)
    return dest.copy()


def _write_values(out, values):
    def write(arr):
        arr[...] = values
    write_inplace(out, write, None)


_PRODUCT_ROWS = frozenset({"mm", "mv", "matmul", "addmm", "addmv", "bmm", "baddbmm"})


def _vector_matrix(name, args):
    return name == "matmul" and len(args) >= 2 and all(isinstance(t, Tensor) for t in args[:2]) and \
        args[0].dim() == 1 and args[1].dim() == 2


def _vector_matrix_shape(name, args, shape):
    """The shape out= is resized to for a result of this shape: matmul of a vector and a matrix is mm_out(out,
    v.unsqueeze(0), m).squeeze_(0), so out is first [1, n] (its deprecation warning names that), then squeezed back."""
    return (1,) + shape if _vector_matrix(name, args) else shape


def _product_in_rows(name, out, args, kwargs):
    """out='s values for a matrix product whose out shares memory with an input, as ATen's addmm/addmv compute them
    (None when nothing is shared): out is first zeroed (mm, mv, beta=0) or given self's values (addmm's copy_), then
    its rows are computed one after another from memory as the rows before left it (measured: torch.mm(a, b, out=a)
    is all zeros; torch.mm(d[:2], w, out=d[1:]) reads the row it has just written; torch.addmm(f, f, w, out=f) is
    right); mv reads its vector whole; bmm and a batched matmul do not zero and go element by element
    (torch.bmm(h, h, out=h) reads each element it has written); baddbmm first copies self in (unless self is out or
    beta is 0), then goes element by element as baddbmm_ does (torch.baddbmm(y, x, x, out=x) reads y's copy)."""
    adds = name in ("addmm", "addmv", "baddbmm")
    self, m1, m2 = (args[:3] if len(args) >= 3 else (None,) * 3) if adds else \
        ((None,) + tuple(args[:2]) if len(args) >= 2 else (None,) * 3)
    if not (isinstance(m1, Tensor) and isinstance(m2, Tensor)):
        return None
    shape = out._shape
    if _vector_matrix(name, args):
        m1, out = m1.unsqueeze(0), out.unsqueeze(0)
    if name == "matmul" and m1.dim() > 2 and m2.dim() == 2 and m1.is_contiguous() and out.is_contiguous():
        m1, out = m1.reshape(-1, m1._shape[-1]), out.reshape(-1, m2._shape[-1])  # (folded into one mm)
    batched = m2.dim() == 3 and m1.dim() in (2, 3) and name in ("bmm", "matmul", "baddbmm")  # (no zeroing)
    if not batched and (m1.dim() != 2 or m2.dim() not in (1, 2)):
        return None
    operands = [t for t in (self, m1, m2) if isinstance(t, Tensor)]
    result = m2._shape[:1] + m1._shape[-2:-1] + m2._shape[-1:] if batched else m1._shape[:1] + m2._shape[1:]
    if not any(t._storage is out._storage for t in operands) or out.dtype is dtypes.bfloat16 or \
            any(t.dtype is not out.dtype for t in operands) or out._shape != result:
        return None
    from types import SimpleNamespace
    from ..tensorimpl import storage_view
    memory = SimpleNamespace(data=out._storage.data.copy())  # (the storage as the kernel sees it, step by step)

    def seen(t):
        return storage_view(memory, t.dtype, t._shape, t._stride, t._offset) if t._storage is out._storage else t._np
    o, a, b = seen(out), seen(m1), seen(m2)
    beta, alpha = (kwargs.get("beta", 1), kwargs.get("alpha", 1)) if adds else (0, 1)
    if beta != 0 and not (self._storage is out._storage and self._offset == out._offset and
                          self._stride == out._stride and self._shape == out._shape):
        o[...] = np.broadcast_to(seen(self), o.shape)
    if batched:  # (each batch's elements in turn, from memory as they leave it)
        for k, i, j in np.ndindex(*o.shape):
            product = (a[k] if a.ndim == 3 else a)[i] @ b[k][:, j]
            o[k, i, j] = product if not adds else alpha * product if beta == 0 else beta * o[k, i, j] + alpha * product
        return o.reshape(shape)
    if beta == 0:
        o[...] = 0
    if b.ndim == 1:  # (mv: the vector read whole, after the zeroing or copy)
        o[...] = alpha * (a @ b) + (beta * o if beta != 0 else 0)
    for i in range(o.shape[0]) if b.ndim == 2 else ():  # (a row read whole, then written)
        row = alpha * (a[i] @ b)
        o[i] = row if beta == 0 else beta * o[i] + row
    return o.reshape(shape)


def _out_return_type(cls):
    """torch.return_types.<name>_out for an op's torch.return_types.<name> (max_out: values, indices)."""
    if cls is tuple:
        return tuple
    made = _OUT_RETURN_TYPES.get(cls)
    if made is None:
        fields = [k for c in reversed(cls.__mro__) for k, v in vars(c).items() if isinstance(v, property)]
        made = _OUT_RETURN_TYPES[cls] = return_type(getattr(cls, "kind", cls.__qualname__) + "_out", fields)
    return made


_OUT_RETURN_TYPES = {}
signatures.OUT_WRITER[0] = write_out


NANMEAN_INTEGRAL = "nanmean(): integral types and 'Bool' are not supported for nanmean, even for empty tensors."
_ATEN_NAMES = {"multiply": "mul", "true_divide": "div", "divide": "div", "subtract": "sub", "absolute": "abs",
               "clip": "clamp", "concat": "cat", "concatenate": "cat", "greater": "gt", "greater_equal": "ge",
               "less": "lt", "less_equal": "le", "not_equal": "ne", "negative": "neg", "arccos": "acos",
               "arcsin": "asin", "arctan": "atan", "arccosh": "acosh", "arcsinh": "asinh", "arctanh": "atanh",
               "arctan2": "atan2", "fix": "trunc", "special_expit": "sigmoid",
               # (composite ops: the op their out= variant calls)
               "kron": "mul", "outer": "mul", "ger": "mul", "inner": "mul", "hstack": "cat", "vstack": "cat",
               "row_stack": "cat", "dstack": "cat", "column_stack": "cat", "take_along_dim": "gather",
               "cross": "linalg_cross", "diff": "sub", "msort": "sort"}
# structured TensorIterator ops: an out= of another dtype than the result's is resized twice (set_output, then the
# cast's temporary), so its warning comes twice (measured on every op with out=)
_RESIZE_WARNS_TWICE = frozenset(
    "acos acosh add addcdiv addcmul asin asinh atan atan2 atanh bitwise_and bitwise_left_shift bitwise_or "
    "bitwise_right_shift bitwise_xor clamp clamp_max clamp_min copysign cos cosh deg2rad digamma div eq erf erfc erfinv "
    "exp exp2 expm1 fmax fmin fmod gcd ge gt hypot i0 igamma igammac lcm ldexp le lerp lgamma log log10 log1p log2 "
    "logaddexp logaddexp2 lt maximum minimum mul ne nextafter polygamma pow rad2deg reciprocal remainder rsqrt sigmoid "
    "sin sinc sinh sqrt square sub tan tanh threshold xlogy".split())
# the TensorIterator ops of several tensor operands (their out= may be one of them: _check_read_write_out)
_READ_WRITE_OUT = _RESIZE_WARNS_TWICE | {"where", "logical_and", "logical_or", "logical_xor", "heaviside",
                                         "floor_divide", "float_power", "special_xlog1py", "special_xlogy",
                                         "special_zeta"}
# ops whose out= is resized contiguous though their result may not be: composites copying into out=
_OUT_CONTIGUOUS = frozenset({"special_ndtr", "mvlgamma", "special_multigammaln", "slice_scatter"})
_COMPARISONS = frozenset({"eq", "ne", "lt", "le", "gt", "ge"})
_BOOL_KERNELS = _COMPARISONS | {"logical_and", "logical_or", "logical_xor"}  # (their kernel's type: out='s)
# ops without a derivative formula: their out= variants have no autograd check (an input requiring grad is fine)
# torch.special's Bessel functions, airy_ai and the orthogonal polynomials: no derivative, so out= is written whatever
_NOT_DIFFERENTIABLE_SPECIAL = ("special_bessel_", "special_modified_bessel_", "special_scaled_modified_bessel_",
                               "special_spherical_bessel_", "special_airy_ai")
_NOT_DIFFERENTIABLE = frozenset({"eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor",
                                 "logical_not", "signbit", "isposinf", "isneginf", "argmax", "argmin", "nonzero", "any",
                                 "all", "histc", "bucketize", "searchsorted", "isin", "nonzero_static"})


op("clone", clone, function=True)
op("contiguous", contiguous)
op("type", tensor_type)
for _name, _convert in CONVERSIONS.items():
    op(_name, _convert)
op("new_tensor", pyapi.constructor("new_tensor", new_tensor))  # (tensor_new.cpp's parser in front)
op("new_ones", _new_filled("ones"))
op("new_zeros", _new_filled("zeros"))
op("new_empty", _new_filled("empty"))
op("new_full", new_full)
op("fill_", fill_inplace, function=True)
op("fill", fill, method=False, function=fill)
op("zero_", zero_inplace, function=True)
op("copy_", copy_inplace)
op("cpu", cpu)  # (self when it is on the cpu: no autograd)
op("type_as", type_as)  # (composite: to(), self when the dtype is the same)
