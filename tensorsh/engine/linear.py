"""addmm and linear (nn.Linear's op), as ATen composes them: addmm for 2-D input, flatten-addmm-view else."""
import numpy as np

from . import autograd, dtypes, kernels
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from . import errors
from .errors import runtime, type_error
from .ops.linalg import _matmul_np, gemm_np as _gemm_np, matmul, mm_mat1_backward, mm_mat2_backward
from .ops.out_dtypes import check_dtypes
from .ops.views import t as _t
from .storage import INFERENCE_MODE, note_view
from .tensorimpl import Tensor
from . import messages
from .scalars import real_scalar
from .ops.scalar_arith import times_conj
from .ops.core import attach, cast_for_inplace, cj, fresh, make_view, needs_grad, operand_edge, sum_to, type_name, unchecked
from . import autocast
from .autocast import ACTIVE as AUTOCAST


def _noted_t(x):
    """What t(x) leaves when the view itself is not kept (an operand of an mm): its note in x's storage log."""
    if not x._version_counter.inference:
        note_view(x._storage, None, "TBackward0")


def _mm_t(out, dt):
    """fresh(out).t(): the product computed transposed, given back as PyTorch's t() view of it."""
    out = fresh(out, dt)
    return make_view(out, out._shape[::-1], out._stride[::-1], out._offset, "TBackward0", (), out._np.T)


def _mm_backward_arrays(g, mat1, mat2, s1, st1, s2, st2, want1, want2):
    """The two mm backwards without a graph to record: the same products, views and storage notes as
    mm_mat1_backward/mm_mat2_backward give, on the arrays (without mm's argument handling)."""
    g1 = g2 = None
    dt = g.dtype
    if dt.category == 3:  # (the operands' conjugates, as mm_mat1_backward/mm_mat2_backward take them)
        mat1, mat2 = cj(mat1), cj(mat2)
    if want1:
        if st1[0] == 1 and st1[1] == s1[0]:  # t(mm(mat2, t(g)))
            _noted_t(g)
            g1 = _mm_t(_matmul_np(mat2._np, g._np.T), dt)
        else:  # mm(g, t(mat2))
            _noted_t(mat2)
            g1 = fresh(_matmul_np(g._np, mat2._np.T), dt)
    if want2:
        if st2[0] == 1 and st2[1] == s2[0]:  # t(mm(t(g), mat1))
            _noted_t(g)
            g2 = _mm_t(_matmul_np(g._np.T, mat1._np), dt)
        else:  # mm(t(mat1), g)
            _noted_t(mat1)
            g2 = fresh(_matmul_np(mat1._np.T, g._np), dt)
    return g1, g2


class AddmmBackward0(Node):
    __slots__ = ("self_shape", "geometry", "alpha", "beta")
    saved_names = ("mat1", "mat2")
    saved_values = {"alpha": "alpha", "beta": "beta", "mat1_sym_sizes": lambda n: n.geometry[0],
                    "mat1_sym_strides": lambda n: n.geometry[1] if n.next_functions[1][0] else (),
                    "mat2_sym_sizes": lambda n: n.geometry[2],
                    "mat2_sym_strides": lambda n: n.geometry[3] if n.next_functions[2][0] else ()}

    def __init__(self, bias, mat1, mat2, alpha, beta):
        Node.__init__(self, (operand_edge(bias), edge_of(mat1), edge_of(mat2)))
        self.self_shape = bias._shape
        self.alpha, self.beta = alpha, beta
        self.geometry = (mat1._shape, mat1._stride, mat2._shape, mat2._stride)
        self.saved = (SavedTensor(mat1) if self.next_functions[2][0] else NOTHING_SAVED,
                      SavedTensor(mat2) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        mat1, mat2 = self.unpack()
        s1, st1, s2, st2 = self.geometry
        nf = self.next_functions
        if not autograd._grad_enabled[0] and self.alpha == 1 and self.beta == 1 and \
                (nf[1][0] is None or (mat2.dtype is g.dtype and mat2._shape == s2)) and \
                (nf[2][0] is None or (mat1.dtype is g.dtype and mat1._shape == s1)):  # (else mm's checks speak)
            gs = sum_to(g, self.self_shape) if nf[0][0] is not None else None
            return (gs,) + _mm_backward_arrays(g, mat1, mat2, s1, st1, s2, st2, nf[1][0], nf[2][0])
        return self.in_name_order(("self", "mat1", "mat2"), lambda: sum_to(times_conj(g, self.beta), self.self_shape),
                                  lambda: times_conj(mm_mat1_backward(g, mat2, s1, st1), self.alpha),
                                  lambda: times_conj(mm_mat2_backward(g, mat1, s2, st2), self.alpha))


def check_empty_product_beta(result, beta):
    """ATen's products with nothing summed are result.mul_(beta) (zero_() at beta 0): the in-place cast check of
    beta's promotion with the result's dtype."""
    if beta != 0:
        cast_for_inplace(result, dtypes.result_type([result, beta], tensorless=True))


def _saved_first(mat1, mat2):
    """Autograd saves each matrix for the other's gradient before the kernel checks anything: an inference tensor
    so saved fails first."""
    if mat2.requires_grad and mat1._version_counter.inference or \
            mat1.requires_grad and mat2._version_counter.inference:
        if autograd.is_grad_enabled() and not INFERENCE_MODE[0]:
            raise runtime(messages.INFERENCE_SAVED)


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    if AUTOCAST[0]:
        return autocast.lower(addmm, input, mat1, mat2, beta=beta, alpha=alpha)
    if not (isinstance(input, Tensor) and isinstance(mat1, Tensor) and isinstance(mat2, Tensor)):
        for name, pos, v in (("input", 1, input), ("mat1", 2, mat1), ("mat2", 3, mat2)):
            if not isinstance(v, Tensor):
                raise type_error(f"addmm(): argument '{name}' (position {pos}) must be Tensor, not {type_name(v)}")
    _saved_first(mat1, mat2)
    check_dtypes(input, mat1, mat2)  # (addmm's meta function: the dtypes, then ADDMM_META's dims and shapes)
    if len(mat1._shape) != 2:
        raise runtime("mat1 must be a matrix, got {}-D tensor".format(mat1.dim()))
    if len(mat2._shape) != 2:
        raise runtime("mat2 must be a matrix, got {}-D tensor".format(mat2.dim()))
    if mat1._shape[1] != mat2._shape[0]:
        raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, mat1._shape)), b="x".join(map(str, mat2._shape))))
    if input._shape != (mat1._shape[0], mat2._shape[1]) and input._shape != (mat2._shape[1],):
        input.expand(mat1._shape[0], mat2._shape[1])  # (ATen's expand_size: its error where input does not broadcast)
    if not (mat1._shape[0] and mat2._shape[1]):  # (addmm_impl_cpu_ returns at once, its scalars unread)
        out = fresh(np.zeros((mat1._shape[0], mat2._shape[1]), mat1.dtype.np), mat1.dtype)
        if needs_grad(input, mat1, mat2):
            attach(out, AddmmBackward0(input, mat1, mat2, alpha, beta))
        return out
    if not mat1._shape[1]:
        check_empty_product_beta(mat1, beta)
    elif mat1.dtype is dtypes.bool_:
        raise errors.make("NotImplementedError", "\"addmm_impl_cpu_\" not implemented for 'Bool'")
    alpha, beta = (real_scalar(v, mat1.dtype, opmath=True) for v in (alpha, beta))
    fused = _gemm_np(input._np, mat1._np, mat2._np, beta, alpha)
    if fused is not None:  # (MKL's own order, C included)
        out = fresh(fused, mat1.dtype)
        if needs_grad(input, mat1, mat2):
            attach(out, AddmmBackward0(input, mat1, mat2, alpha, beta))
        return out
    if mat1.dtype is dtypes.float16:
        out = fresh(_half_addmm(input._np, mat1._np, mat2._np, beta, alpha), mat1.dtype)
        if needs_grad(input, mat1, mat2):
            attach(out, AddmmBackward0(input, mat1, mat2, alpha, beta))
        return out
    prod = _matmul_np(mat1._np, mat2._np)
    if alpha != 1:
        prod = prod * mat1.dtype.np.type(alpha)
    if beta == 0:  # (gemm does not read C at beta 0: its NaNs and infs are not propagated)
        prod = np.broadcast_to(prod, (mat1._shape[0], mat2._shape[1]))
    else:
        prod = prod + (input._np if beta == 1 else input._np * input.dtype.np.type(beta))
    out = fresh(np.ascontiguousarray(prod, mat1.dtype.np), mat1.dtype)  # PyTorch's gemm adds C after the sum
    if needs_grad(input, mat1, mat2):
        attach(out, AddmmBackward0(input, mat1, mat2, alpha, beta))
    return out


def _half_addmm(c, a, b, beta, alpha):
    """float16 addmm as ATen's CPU gemm for reduced types computes it: each dot product summed in float over k in
    order, then beta * c + alpha * dot in float, rounded to half once (a product rounded to half before the bias
    is added would round twice)."""
    f32 = np.float32
    a, b = a.astype(f32), b.astype(f32)
    dot = np.zeros((a.shape[0], b.shape[1]), f32)
    for i in range(a.shape[1]):
        dot += np.multiply.outer(a[:, i], b[i, :])  # (a half times a half is exact in float)
    if alpha != 1:
        dot *= f32(alpha)
    if beta == 0:
        return dot.astype(np.float16)
    return (np.broadcast_to(c, dot.shape).astype(f32) * f32(beta) + dot).astype(np.float16)


def strided_layout():
    """Whether linear's operands have the strided layout its flattening asks for beyond 3-D inputs: not inside a
    torch.func transform, whose wrapped tensors do not (so a 1-D input runs matmul there, plus an in-place add)."""
    return not autograd.TRANSFORMS[0]


def linear(input, weight, bias=None):
    """F.linear: addmm for a 2-D input; a contiguous input of other rank is flattened to 2-D, multiplied and
    viewed back; without bias (or non-contiguous) a matmul (plus an in-place add)."""
    if AUTOCAST[0]:
        return autocast.lower(linear, input, weight, bias)
    if not isinstance(input, Tensor):
        raise type_error(f"linear(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    if not isinstance(weight, Tensor):
        raise type_error(f"linear(): argument 'weight' (position 2) must be Tensor, not {type_name(weight)}")
    if not input.dim() or not weight.dim():  # (ATen checks before flattening, which scalars cannot take)
        raise runtime(f"both arguments to linear need to be at least 1D, but they are {input.dim()}D and "
                      f"{weight.dim()}D")
    if len(input._shape) == 2 and bias is not None:  # (weight.t() without its wrappers: a weight that is no view has no
        return addmm(bias, input, _t(weight) if weight._view is None else weight.t())  # edges to collect first)
    if bias is not None and input.is_contiguous() and (input.dim() == 3 or bias.dim() == 1 and strided_layout()):
        lead = input._shape[:-1]
        n = 1
        for s in lead:
            n *= s
        flat = input.reshape(n, input._shape[-1])
        out = addmm(bias, flat, weight.t())
        return out.view(lead + (out._shape[1],))
    out = matmul(input, weight.t())
    if bias is not None:
        out.add_(bias)
    return out
