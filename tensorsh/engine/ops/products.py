"""Products and arrangements of several tensors that PyTorch composes in C++ or gives a node of its own: kron,
tensordot (mm/dot of permuted reshapes), cross / linalg.cross (LinalgCrossBackward0), block_diag
(BlockDiagBackward0), cartesian_prod and combinations (meshgrid, masked_select, stack)."""
import numpy as np

from .. import autograd, dtypes, kernels
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..errors import library_code, make, runtime, type_error, warn_once
from ..saved_names import as_given, given
from ..tensorimpl import _shape_list
from ..pyapi import _parse
from .args import _wrap_dims
from .composites import check_tensors, meshgrid
from .core import SavingNode, Tensor, attach, cj, check_broadcast, fresh, inference_saved_by, needs_grad, type_name
from .joining import ListBackward, list_grads, stack
from .views import _unsafe_view


def _tensor_arg(name, arg, pos, value):
    if not isinstance(value, Tensor):
        raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(value)}")


def kron(self, other):
    """ATen's KronImpl: both operands viewed with interleaved unit dims, multiplied, viewed as the result."""
    _tensor_arg("kron", "other", 1, other)
    n = max(self.dim(), other.dim())
    a_shape, b_shape, r_shape = [], [], []
    for i in range(n):
        a = self._shape[i - (n - self.dim())] if i >= n - self.dim() else 1
        b = other._shape[i - (n - other.dim())] if i >= n - other.dim() else 1
        a_shape += [a, 1]
        b_shape += [1, b]
        r_shape.append(a * b)
    return _unsafe_view(_unsafe_view(self, a_shape) * _unsafe_view(other, b_shape), r_shape)


def tensordot(a, b, dims=2, out=None):
    """torch.tensordot (torch/functional.py's dims forms), then ATen's: broadcast dims summed, the rest permuted
    and reshaped for one mm (dot when nothing is left)."""
    if not isinstance(dims, (tuple, list, Tensor, int)):
        raise runtime(f"tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] "
                      f"containing two lists, but got dims={dims}")
    if isinstance(dims, (tuple, list)):
        dims_a, dims_b = dims
    elif isinstance(dims, Tensor) and dims.numel() > 1:
        if dims._shape[0] != 2:
            raise make("AssertionError", f"dims tensor must have size 2 in first dimension, got {dims._shape[0]}")
        dims_a, dims_b = dims[0].tolist(), dims[1].tolist()
    else:
        count = int(dims.item()) if isinstance(dims, Tensor) else dims
        if count < 0:
            raise runtime(f"tensordot expects dims >= 0, but got dims={count}")
        if not isinstance(dims, Tensor):
            for t in (a, b):
                if not isinstance(t, Tensor):
                    raise make("AttributeError", f"'{type_name(t)}' object has no attribute 'dim'")
            if count > min(a.dim(), b.dim()):
                raise runtime(f"tensordot expects dims < ndim_a or ndim_b, but got dims={count}")
        dims_a, dims_b = list(range(-count, 0)), list(range(count))
    # then _VF.tensordot parses them as int[] (an int or a tensor there is its TypeError)
    bound = _parse(("tensordot(Tensor input, Tensor other, IntArrayRef dims_self, IntArrayRef dims_other, *, "
                    "Tensor out=None)",), (a, b, dims_a, dims_b), {} if out is None else {"out": out})
    dims_a, dims_b = list(bound["dims_self"]), list(bound["dims_other"])
    if out is not None:  # (_VF.tensordot's out=: the product, then its exact dtype check and out's resize)
        from .copies import write_out
        with library_code("torch/functional.py:1409"):  # (its resize warning is that line's: shown once)
            return write_out("tensordot", lambda a, b: tensordot(a, b, (dims_a, dims_b)), (a, b), {"out": out})
    if len(dims_a) != len(dims_b):
        raise runtime("both dimension lists should have same length")
    if a.dtype is not b.dtype:
        raise runtime("both inputs should have same dtype")
    t1, t2, csize = a, b, 1
    for d1, d2 in zip(dims_a, dims_b):
        s1, s2 = a.size(d1), b.size(d2)  # (sym_size: a 0-dim tensor has no dim to give)
        if s2 == 1:  # (a broadcast dim is summed at once)
            t1 = t1.sum(d1, True, dtype=t1.dtype)
        elif s1 == 1:
            t2 = t2.sum(d2, True, dtype=t2.dtype)
        elif s1 != s2:
            raise runtime(f"contracted dimensions need to match, but first has size {s1} in dim {d1} and second has "
                          f"size {s2} in dim {d2}")
        else:
            csize *= s1
    c1, c2 = set(_wrap_dims(a, "tensordot", dims_a)), set(_wrap_dims(b, "tensordot", dims_b))  # (dim_list_to_bitset)
    p1 = [i for i in range(a.dim()) if i not in c1] + [a._wrap_dim(d) for d in dims_a]
    p2 = [b._wrap_dim(d) for d in dims_b] + [i for i in range(b.dim()) if i not in c2]
    rsizes = [t1._shape[i] for i in range(a.dim()) if i not in c1] + [t2._shape[i] for i in range(b.dim())
                                                                      if i not in c2]
    size1, size2 = int(np.prod(rsizes[:a.dim() - len(c1)])), int(np.prod(rsizes[a.dim() - len(c1):]))
    if size1 == 1 and size2 == 1:  # (nothing left: ATen's dot of both flattened where both permuted tensors are
        a1, a2 = t1.permute(p1), t2.permute(p2)  # contiguous, empty too; else the sum of their squeezed product in
        if a1.is_contiguous() and a2.is_contiguous():  # their dtype, a strided column's or a transposed matrix's)
            product = (a1 if a1._shape == (csize,) else a1.reshape(csize)).dot(
                a2 if a2._shape == (csize,) else a2.reshape(csize))
        else:
            product = (a1.squeeze() * a2.squeeze()).sum(dtype=a1.dtype)
    else:
        product = t1.permute(p1).reshape(size1, csize).mm(t2.permute(p2).reshape(csize, size2))
    return product.reshape(rsizes)


# ------------------------------------------------------------------ cross

class LinalgCrossBackward0(Node):
    """cross(b.conj(), g) for self and cross(g, a.conj()) for other (each summed back over what was broadcast)."""
    __slots__ = ("dim", "shapes")
    saved_names, saved_values = ("other", "self"), {"dim": as_given("dim")}

    def __init__(self, a, b, dim):
        from ..autograd import SavedTensor
        Node.__init__(self, (edge_of(a), edge_of(b)))
        self.dim, self.shapes = dim, (a._shape, b._shape)
        # each operand kept for the other's formula only, as PyTorch's
        self.saved = (SavedTensor(b) if self.next_functions[0][0] else NOTHING_SAVED,
                      SavedTensor(a) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        from .core import sum_to
        b, a = self.unpack()
        return self.in_name_order(("self", "other"), lambda: sum_to(linalg_cross(cj(b), g, dim=self.dim), self.shapes[0]),
                                  lambda: sum_to(linalg_cross(g, cj(a), dim=self.dim), self.shapes[1]))


def linalg_cross(self, other, *, dim=-1):
    _tensor_arg("linalg_cross", "other", 2, other)
    inference_saved_by((self, other), (other if needs_grad(self) else None, self if needs_grad(other) else None))
    if self.dim() != other.dim():
        raise runtime("linalg.cross: inputs must have the same number of dimensions.")
    d = self._wrap_size_dim(dim)
    if self._shape[d] != 3 or other._shape[d] != 3:
        raise runtime(f"linalg.cross: inputs dimension {dim} must have length 3. Got {self._shape[d]} and "
                      f"{other._shape[d]}")
    check_broadcast(self, other)
    if self.dtype is dtypes.bool_:
        raise make("NotImplementedError", "\"cross\" not implemented for 'Bool'")
    if self.dtype is not other.dtype:
        raise runtime(dtypes.expected_scalar_type(self.dtype, other.dtype))
    shape = np.broadcast_shapes(self._shape, other._shape)
    a, b = (np.moveaxis(np.broadcast_to(t._np, shape), d, -1) for t in (self, other))
    with np.errstate(all="ignore"):  # (ATen's kernel: each component a product difference in the tensors' type,
        # for float and double contracted to fma(a_j, b_k, -(a_k * b_j)) as measured: a x a is not exactly 0)
        # bfloat16 (float32 arrays here) as c10's BFloat16 operators: each product and the difference rounded
        fused = self.dtype in (dtypes.float32, dtypes.float64)
        rnd = dtypes.to_bfloat16 if self.dtype is dtypes.bfloat16 else (lambda v: v)
        r = np.stack([kernels.fma(a[..., j], b[..., k], -(a[..., k] * b[..., j])) if fused else
                      rnd(rnd(a[..., j] * b[..., k]) - rnd(a[..., k] * b[..., j])) for j, k in ((1, 2), (2, 0), (0, 1))],
                     -1)
    out = fresh(np.ascontiguousarray(np.moveaxis(r, -1, d), self.dtype.np), self.dtype)
    if needs_grad(self, other):
        attach(out, given(LinalgCrossBackward0(self, other, dim), dim=dim))  # (the dim as given: its gradient's
        # own cross nodes save it so)
    return out


def cross(self, other, dim=None):
    _tensor_arg("cross", "other", 1, other)
    if dim is None:  # (the deprecated default: the first dim of length 3 of the broadcast shape)
        warn_once("Using torch.cross without specifying the dim arg is deprecated.\nPlease either pass the dim "
                  "explicitly or simply use torch.linalg.cross.\nThe default value of dim will change to agree with "
                  "that of linalg.cross in a future release.")
        try:
            shape = np.broadcast_shapes(self._shape, other._shape)
        except ValueError:
            shape = self._shape
        dim = next((i for i, s in enumerate(shape) if s == 3), None)
        if dim is None:
            raise runtime("no dimension of size 3 in input")
    return linalg_cross(self, other, dim=dim)


# ------------------------------------------------------------------ block_diag, cartesian_prod, combinations

class BlockDiagBackward0(ListBackward):
    """Each input's block of the gradient, in its own shape."""
    __slots__ = ("blocks",)

    def __init__(self, tensors, blocks):
        ListBackward.__init__(self, tensors)
        self.blocks = blocks

    def backward(self, g):
        return list_grads(self, [g[r:r + h, c:c + w].reshape(shape) for r, c, h, w, shape in self.blocks])


def block_diag(*tensors):
    check_tensors(tensors, 0)
    for i, t in enumerate(tensors):
        if t.dim() > 2:
            raise runtime(f"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has "
                          f"{t.dim()} dimensions")
    dt = dtypes.result_type(tensors) if tensors else dtypes.DEFAULT_FLOAT
    mats = [t._np.reshape((1, -1) if t.dim() < 2 else t._shape) for t in tensors]
    blocks, row, col = [], 0, 0
    for t, m in zip(tensors, mats):
        blocks.append((row, col, m.shape[0], m.shape[1], t._shape))
        row, col = row + m.shape[0], col + m.shape[1]
    arr = np.zeros((row if tensors else 1, col), dt.np)
    for (r, c, h, w, _), m in zip(blocks, mats):
        arr[r:r + h, c:c + w] = m
    out = fresh(arr, dt)
    if needs_grad(*tensors) and dt.category >= 2:  # (floating and complex results are differentiable)
        attach(out, BlockDiagBackward0(tensors, blocks))
    return out


def _vectors(tensors):
    check_tensors(tensors, 0)
    for t in tensors:
        if t.dim() != 1:
            raise runtime(f"Expect a 1D vector, but got shape {_shape_list(t._shape)}")


def cartesian_prod(*tensors):
    _vectors(tensors)
    if len(tensors) == 1:
        return tensors[0]
    return stack([g.flatten() for g in meshgrid(*tensors, indexing="ij")], 1)


def combinations(self, r=2, with_replacement=False):
    _vectors((self,))
    if r < 0:
        raise runtime(f"Expect a non-negative number, but got {r}")
    if r == 0:
        return fresh(np.empty(0, self.dtype.np), self.dtype)
    n = self.numel()
    with autograd.no_grad():
        index = fresh(np.arange(n, dtype=np.int64), dtypes.int64)
        grids = meshgrid(*([index] * r), indexing="ij")
        mask = fresh(np.ones((n,) * r, bool), dtypes.bool_)
        for i in range(r - 1):
            mask = mask * (grids[i] <= grids[i + 1] if with_replacement else grids[i] < grids[i + 1])
    return stack([g.masked_select(mask) for g in meshgrid(*([self] * r), indexing="ij")], 1)


def inner(self, other):
    _tensor_arg("inner", "other", 1, other)
    if self.dim() == 0 or other.dim() == 0:
        return self * other
    if self._shape[-1] != other._shape[-1]:
        raise runtime(f"inner() the last dimension must match on both input tensors but got shapes "
                      f"{_shape_list(self._shape)} and {_shape_list(other._shape)}")
    return tensordot(self, other, ([-1], [-1]))


class VdotBackward0(Node):
    """vdot of real vectors: dot's gradients (derivatives.yaml: self's grad.conj() * other, other's grad * self;
    each input saved for the other's formula only, when that input wants a gradient)."""
    saved_names = ("other", "self")

    def __init__(self, a, b):
        Node.__init__(self, (edge_of(a), edge_of(b)))
        nf = self.next_functions
        self.saved = (SavedTensor(b) if nf[0][0] is not None else NOTHING_SAVED,
                      SavedTensor(a) if nf[1][0] is not None else NOTHING_SAVED)

    def backward(self, g):
        b, a = self.unpack()
        return self.in_name_order(("self", "other"), lambda: cj(g) * b, lambda: g * a)


def vdot(self, other):
    _tensor_arg("vdot", "other", 1, other)
    inference_saved_by((self, other), [t for t, wants in ((other, self), (self, other))  # (each kept for the
                                       if getattr(wants, "requires_grad", False)])  # other's formula, before checks)
    if self.dim() != 1 or other.dim() != 1:
        raise runtime(f"1D tensors expected, but got {self.dim()}D and {other.dim()}D tensors")
    with autograd.no_grad():
        out = cj(self).dot(other)
    if needs_grad(self, other):
        attach(out, VdotBackward0(self, other))
    return out
