"""at::_trilinear as F.bilinear calls it (expand1=[1, 3], expand2=[0], expand3=[1, 2], sumdim=[2, 3]) beside its
TrilinearBackward0, in ATen's arithmetic order.

ATen unrolls over the output features and contracts each pair of operands with sumproduct_pair, i.e. bmm: under
400 multiply-adds per product that is baddbmm's plain loop (products rounded, summed in order, in the dtype);
above it MKL's gemm, taken as fused multiply-adds in order (what MKL's sgemm does for many shapes, not all). The backward's three _trilinear
calls accumulate over the output features in order, as ATen's unrolled loop adds them."""
import numpy as np

from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .ops.core import attach, fresh, needs_grad, operand_edge


def _dot_pairs(a, b, dt):
    """sum over the last axis of a * b, products rounded and added in order (baddbmm_cpu_kernel)."""
    acc = np.zeros(np.broadcast_shapes(a.shape, b.shape)[:-1], dt)
    for i in range(a.shape[-1]):
        acc += (a[..., i] * b[..., i]).astype(dt)
    return acc


def _bmm(left, right, dt):
    """Batched (..., r, c) @ (..., c, s) as at::bmm picks its kernel on the CPU."""
    if left.shape[-1] * left.shape[-2] * right.shape[-1] < 400:
        return _dot_pairs(left[..., :, None, :], np.swapaxes(right, -1, -2)[..., None, :, :], dt)
    acc = np.zeros(left.shape[:-1] + right.shape[-1:], dt)  # gemm: fused multiply-adds in order (MKL's, mostly)
    for i in range(left.shape[-1]):
        acc = (left[..., :, i, None].astype(np.float64) * right[..., i, None, :] + acc).astype(dt)
    return acc


def _x1_w(x1, w, dt):
    """buf[n, k, j] = sum_i x1[n, i] * w[k, i, j]: one (N x in1) @ (in1 x in2) product per output feature k."""
    return np.stack([_bmm(x1, w[k], dt) for k in range(w.shape[0])], axis=1)


# bilinear's at::_trilinear(input1, weight, input2, expand1, expand2, expand3, sumdim); the gradient for input k is
# _trilinear again with g in place k and sumdim and expand<k> swapped (what each node shows as _saved_*)
_DIMS = ((1, 3), (0,), (1, 2), (2, 3))
_DIM_NAMES = ("expand1", "expand2", "expand3", "sumdim")


def _swapped(k):
    dims = list(_DIMS)
    dims[k], dims[3] = dims[3], dims[k]
    return dict(zip(_DIM_NAMES, dims))


class TrilinearBackward0(Node):
    __slots__ = ("shapes",)
    name_ = "TrilinearBackward0"
    saved_names = ("i1", "i2", "i3")
    saved_values = {n: (lambda node, d=d: d) for n, d in zip(_DIM_NAMES, _DIMS)}

    def __init__(self, i1, i2, i3):
        Node.__init__(self, (edge_of(i1), edge_of(i2), edge_of(i3)))
        self.shapes = (i1._shape, i3._shape)
        nf = self.next_functions  # (each input is read by the other two's gradients only: derivatives.yaml's
        self.saved = tuple(SavedTensor(t) if any(nf[j][0] is not None for j in range(3) if j != k)  # wrap_opt_if)
                           else NOTHING_SAVED for k, t in enumerate((i1, i2, i3)))

    def backward(self, g):
        x1, w, x2 = (None if t is None else t._np for t in self.unpack())
        gn, dt = g._np, g.dtype.np
        n_out = gn.shape[1]
        g1 = gw = g3 = None
        if self.next_functions[0][0] is not None:  # _trilinear(grad, i2, i3, sumdim, expand2, expand3, expand1)
            g1 = np.zeros(self.shapes[0], dt)
            for k in range(n_out):  # (sum over j of round(g * w) * x2 per row n, then added into the result)
                g1 += _bmm((gn[:, k, None, None] * w[k][None]).astype(dt), x2[:, :, None], dt)[..., 0]
        if self.next_functions[1][0] is not None:  # _trilinear(i1, grad, i3, expand1, sumdim, expand3, expand2)
            gw = np.stack([_bmm((x1 * gn[:, k, None]).astype(dt).T, x2, dt) for k in range(n_out)])
        if self.next_functions[2][0] is not None:  # _trilinear(i1, i2, grad, expand1, expand2, sumdim, expand3)
            g3 = np.zeros(self.shapes[1], dt)
            buf = _x1_w(x1, w, dt)
            for k in range(n_out):
                g3 += (buf[:, k] * gn[:, k, None]).astype(dt)
        grads = tuple(None if v is None else fresh(np.ascontiguousarray(v), g.dtype) for v in (g1, gw, g3))
        return _recorded(grads, g, *self.unpack()) if needs_grad(g, *self.unpack()) else grads


_EQUATIONS = ("nk,kij,nj->ni", "ni,nk,nj->kij", "ni,kij,nk->nj")  # (each input's gradient: the other two with g)


def _recorded(grads, g, x1, w, x2):
    """create_graph: each gradient is PyTorch's _trilinear of the grad and the other two inputs (its edges to their
    own nodes), a TrilinearBackward0 of its own: the kernel's values, differentiated through the same contraction as einsum
    (second derivatives within float32's last digits of PyTorch's _trilinear order)."""
    from .composite_backward import recorded
    from .ops.einsum import einsum
    operands = [(g, w, x2), (x1, g, x2), (x1, w, g)]
    out = []
    for k, value in enumerate(grads):
        if value is not None:
            value = recorded(value, "TrilinearBackward0", lambda a, b, c, k=k: einsum(_EQUATIONS[k], a, b, c),
                             operands[k], saved_names=("i1", "i2", "i3"), **_swapped(k))
        out.append(value)
    return tuple(out)


def trilinear(i1, i2, i3):
    """at::_trilinear(i1 (N, in1), i2 (out, in1, in2), i3 (N, in2), [1, 3], [0], [1, 2], [2, 3]) -> (N, out)."""
    x1, w, x2 = i1._np, i2._np, i3._np
    dt = x1.dtype
    out = _dot_pairs(_x1_w(x1, w, dt), x2[:, None, :], dt)  # per k: (1 x in2) @ (in2 x 1) for each row n
    result = fresh(np.ascontiguousarray(out), i1.dtype)
    if needs_grad(i1, i2, i3):
        attach(result, TrilinearBackward0(i1, i2, i3))
    return result
