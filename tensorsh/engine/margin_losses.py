"""Losses PyTorch computes in its own kernels, beside their nodes: soft_margin_loss (SoftMarginLossBackward0),
multi_margin_loss (MultiMarginLossBackward0) and multilabel_margin_loss (MultilabelMarginLossBackward0). Values
follow the CPU kernels' arithmetic: the elementwise parts in the input's type, the reductions over samples in
double (acc_type), as LossMultiMargin.cpp / LossMultiLabelMargin.cpp add them."""
import numpy as np

from . import autograd, dtypes, layout
from .autograd import Node, SavedTensor
from .composite_backward import recorded
from .creation import not_implemented_for
from .errors import runtime
from .loss import REDUCTIONS, reduced_into, reduction_enum
from .ops.core import attach, check_no_requires_grad, fresh, needs_grad, operand_edge
from .ops.scalar_arith import add_scalar, cxx_inplace_number, div_scalar, mul_scalar
from .ops.binary import not_implemented_node


def _reduction(node):
    return REDUCTIONS[node.reduction]


class SoftMarginLossBackward0(Node):
    __slots__ = ("reduction",)
    saved_names, saved_values = ("self", "target"), {"reduction": _reduction}

    def __init__(self, x, y, reduction):
        # (one edge, to self: derivatives.yaml has no formula for target, which soft_margin_loss refuses to take
        # requiring grad)
        Node.__init__(self, (operand_edge(x),))
        self.reduction = reduction
        self.saved = (SavedTensor(x), SavedTensor(y))

    def backward(self, g):
        x, y = self.unpack()
        with autograd.no_grad():
            out = _soft_margin_grad(g, x, y, self.reduction)
        return (recorded(out, "SoftMarginLossBackwardBackward0",
                         lambda g, x, y: _soft_margin_grad(g, x, y, self.reduction), (g, x), (y,),
                         ("grad_output", "self", "target"), reduction=_reduction(self), double=self._double),)


    def _double(self, gg, g, x, y):
        """derivatives.yaml: grad_output's is soft_margin_loss_backward(gg, ...), self's
        soft_margin_loss_double_backward(gg * grad_output, ...): grad * target^2 * z / (z + 1)^2, z = exp(-target *
        input), divided by numel for a mean."""
        z = (x * -y).exp()
        zplus1 = add_scalar(z, 1)
        gx = gg * g * y * y * z / (zplus1 * zplus1)
        return (_soft_margin_grad(gg, x, y, self.reduction),
                div_scalar(gx, x.numel()) if self.reduction == "mean" else gx)


def _soft_margin_grad(g, x, y, reduction):
    """soft_margin_loss_backward: mul(target, z).mul_(-norm), z.add_(1), div_(z).mul_(grad), z = exp(-target * x)."""
    norm = 1.0 / x.numel() if reduction == "mean" else 1.0
    z = (-y * x).exp()
    return mul_scalar(y * z, cxx_inplace_number(x.dtype, -norm)) / add_scalar(z, 1) * g


def soft_margin_loss(input, target, reduction="mean"):
    reduction = reduction_enum(reduction)
    check_no_requires_grad(target, "target", "soft_margin_loss")
    with autograd.no_grad():
        loss = (-input).mul_(target).exp_().log1p_()  # (ATen's steps, in place in input's dtype)
        out = loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss
    out = layout.wrap(out._np.copy(order="K"), out.dtype)  # (the in-place steps' layout, input's and target's)
    if reduction != "none":
        out = reduced_into(loss, out)
    if needs_grad(input, target):
        attach(out, SoftMarginLossBackward0(input, target, reduction))
    return out


def _long_target(target):
    """The kernels' target type, checked after their shape checks."""
    if target.dtype is not dtypes.int64:
        raise runtime(dtypes.expected_scalar_type(dtypes.int64, target.dtype))


def _as_rows(input, target, name):
    """(nframe, dim) rows and the per-sample targets, with the kernels' shape checks."""
    nd = input.dim()
    if not ((nd == 1 and input._shape[0] != 0) or (nd == 2 and input._shape[1] != 0) or nd == 0):
        raise runtime(f"Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                      f"{list(input._shape)}")
    nframe, dim = (1, input._shape[0] if nd else 1) if nd <= 1 else input._shape
    return nframe, dim


def _not_differentiable_again(gx, op, g, x):
    """Under create_graph PyTorch records the gradient of op (derivatives.yaml's not_implemented) as a
    torch::autograd::NotImplemented node, edged to grad_output and self, whose backward refuses."""
    if autograd._grad_enabled[0] and needs_grad(g, x):
        attach(gx, not_implemented_node(op).over(g, x))
    return gx


class MultiMarginLossBackward0(Node):
    __slots__ = ("p", "margin", "reduction", "weight_given")
    backward_op = "multi_margin_loss_backward"
    saved_names, saved_values = ("self", "target", "weight"), {"p": "p", "margin": "margin",
                                                               "reduction": _reduction}

    def __init__(self, x, target, p, margin, weight, reduction):
        Node.__init__(self, (operand_edge(x),))
        self.p, self.margin, self.reduction = p, margin, reduction
        self.saved = (SavedTensor(x), SavedTensor(target)) + ((SavedTensor(weight),) if weight is not None else ())

    def backward(self, g):
        saved = self.unpack()
        x, target = saved[0], saved[1]
        w = saved[2]._np if len(saved) > 2 else None
        xs = x._np.reshape(-1, x._shape[-1] if x.dim() else 1)
        nframe, dim = xs.shape
        t = target._np.reshape(-1)
        dt = xs.dtype.type
        gscale = dt(1.0 / (nframe * dim)) if self.reduction == "mean" else dt(1.0 / dim)
        rows = np.arange(nframe)
        xt = xs[rows, t]
        z = (dt(self.margin) - xt)[:, None] + xs
        h = np.where(z > 0, gscale if self.p == 1 else dt(2) * gscale * z, dt(0)).astype(xs.dtype)
        if w is not None:
            h = (h * w[t][:, None]).astype(xs.dtype)
        h[rows, t] = 0
        out = h.copy()
        acc = np.zeros(nframe, xs.dtype)
        for d in range(dim):  # gradInput_target -= h, in d's order
            acc = (acc - h[:, d]).astype(xs.dtype)
        out[rows, t] = acc
        gn = g._np
        out = out * (gn.reshape(-1, 1) if self.reduction == "none" and g.dim() > 0 else gn.reshape(()))
        return (_not_differentiable_again(fresh(np.ascontiguousarray(out.astype(xs.dtype).reshape(x._shape)), x.dtype),
                                          self.backward_op, g, x),)


def _floating_kernel(input, kernel):
    """The kernels' AT_DISPATCH_FLOATING_TYPES (float and double: no half, no bfloat16), after the shape checks; an
    empty input returns before it."""
    if input.numel() and input.dtype not in (dtypes.float32, dtypes.float64):
        raise not_implemented_for(kernel, input.dtype)


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, reduction="mean"):
    reduction = reduction_enum(reduction)
    check_no_requires_grad(weight, "weight", "multi_margin_loss")
    nframe, dim = _as_rows(input, target, "multi_margin_loss")
    if input.dim() == 2 and (target.dim() != 1 or target._shape[0] != nframe) or input.dim() < 2 and \
            target.numel() != 1:
        raise runtime(f"multi_margin_loss: target tensor should be 1-D with size equal to the number of input "
                      f"samples (batch size). Expected target size [{nframe}], but got {list(target._shape)}. Input "
                      f"has shape {list(input._shape)}.")
    if weight is not None and (weight.dim() > 1 or weight.numel() != dim):
        raise runtime(f"inconsistent weight size, expected {dim} but got {list(weight._shape)}")
    _floating_kernel(input, "multi_margin_loss_cpu_kernel")
    _long_target(target)
    if input.numel() and weight is not None and weight.dtype is not input.dtype:  # (an empty input skips the kernel)
        raise runtime(dtypes.expected_scalar_type(input.dtype, weight.dtype))
    xs = input._np.reshape(nframe, dim)
    t = target._np.reshape(-1)
    if t.size and (t.min() < 0 or t.max() >= dim):
        raise runtime("target out of range")
    dt = xs.dtype.type
    rows = np.arange(nframe)
    z = ((dt(margin) - xs[rows, t])[:, None] + xs).astype(xs.dtype)
    h = np.where(z > 0, z if p == 1 else z * z, dt(0)).astype(xs.dtype)
    if weight is not None:
        h = (h * weight._np[t][:, None]).astype(xs.dtype)
    h[rows, t] = 0
    sums = np.zeros(nframe, xs.dtype)
    for d in range(dim):
        sums = (sums + h[:, d]).astype(xs.dtype)
    sums = (sums / dt(dim)).astype(xs.dtype)
    if reduction == "none" and input.dim() == 2:
        values = sums
    else:
        total = 0.0
        for s in sums.tolist():  # (acc_type: double)
            total += s
        if reduction == "mean" and nframe:  # (an empty batch's mean: 0, the kernel never writes it)
            total /= nframe
        values = np.array(total, xs.dtype)
    out = fresh(np.array(values, order="C"), input.dtype)
    if needs_grad(input):
        attach(out, MultiMarginLossBackward0(input, target, p, margin, weight, reduction))
    return out


class MultilabelMarginLossBackward0(Node):
    __slots__ = ("reduction",)
    backward_op = "multilabel_margin_loss_backward"
    saved_names, saved_values = ("self", "target", "is_target"), {"reduction": _reduction}

    def __init__(self, x, target, is_target, reduction):
        Node.__init__(self, (operand_edge(x),))
        self.reduction = reduction
        self.saved = (SavedTensor(x), SavedTensor(target), SavedTensor(is_target))

    def backward(self, g):
        x, target, is_target = self.unpack()
        xs = x._np.reshape(-1, x._shape[-1] if x.dim() else 1)
        nframe, dim = xs.shape
        ts = target._np.reshape(nframe, dim)
        mask = is_target._np.reshape(nframe, dim) != 0
        dt = xs.dtype.type
        gscale = dt(1.0 / (nframe * dim)) if self.reduction == "mean" else dt(1.0 / dim)
        out = np.zeros_like(xs)
        for r in range(nframe):
            for j in ts[r]:
                if j < 0:
                    break
                z = dt(1) - xs[r, j] + xs[r]
                hit = (~mask[r]) & (z > 0)
                for i in np.nonzero(hit)[0]:
                    out[r, j] = dt(out[r, j] - gscale)
                    out[r, i] = dt(out[r, i] + gscale)
        gn = g._np
        out = out * (gn.reshape(-1, 1) if self.reduction == "none" and g.dim() > 0 else gn.reshape(()))
        return (_not_differentiable_again(fresh(np.ascontiguousarray(out.astype(xs.dtype).reshape(x._shape)), x.dtype),
                                          self.backward_op, g, x),)


def multilabel_margin_loss(input, target, reduction="mean"):
    reduction = reduction_enum(reduction)
    nframe, dim = _as_rows(input, target, "multilabel_margin_loss")
    if target._shape != input._shape if input.dim() else target.numel() != 1:
        raise runtime(f"inconsistent target size: {list(target._shape)} for input of size: {list(input._shape)}")
    _floating_kernel(input, "multilabel_margin_loss_forward_out_frame")
    _long_target(target)
    xs = input._np.reshape(nframe, dim)
    ts = target._np.reshape(nframe, dim)
    if ts.size and (ts.min() < -1 or ts.max() >= dim):
        raise runtime("argument #2 'target' is out of range")
    dt = xs.dtype.type
    is_target = np.zeros((nframe, dim), xs.dtype)
    sums = []
    for r in range(nframe):
        for j in ts[r]:
            if j < 0:
                break
            is_target[r, j] = 1
        acc = 0.0
        for j in ts[r]:
            if j < 0:
                break
            for i in range(dim):
                if not is_target[r, i]:
                    z = dt(dt(1) - xs[r, j]) + xs[r, i]
                    if z > 0:
                        acc += float(z)
        sums.append(dt(acc))
    if reduction == "none" and input.dim() == 2:
        values = np.array([dt(s / dt(dim)) for s in sums], xs.dtype)
    else:
        total = 0.0
        for s in sums:
            total += float(s)
        total /= dim
        if reduction == "mean" and nframe:  # (an empty batch's mean: 0, the kernel never writes it)
            total /= nframe
        values = np.array(total, xs.dtype)
    out = fresh(np.array(values, order="C"), input.dtype)
    if needs_grad(input):
        is_t = fresh(np.ascontiguousarray(is_target.reshape(input._shape)), input.dtype)
        attach(out, MultilabelMarginLossBackward0(input, target, is_t, reduction))
    return out
