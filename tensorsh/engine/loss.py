"""Loss ops with their own backward nodes (mse, smooth_l1, huber, nll, binary cross entropy with or without
logits), computed elementwise in PyTorch's float order and reduced by the engine's own sum/mean."""
import math

import numpy as np

from . import autograd, dtypes, kernels, messages
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .creation import not_implemented_for
from .composite_backward import recorded
from .errors import index_error, make, runtime, type_error, value_error
from .activation import log_sigmoid_values, logsigmoid
from .saved_names import unsigned
from .tensorimpl import Tensor, VersionCounter
from .ops.binary import _check_sub as check_sub
from .ops.scalar_arith import add_scalar, div_scalar, mul_scalar, number_minus, rsub_scalar, sub_scalar
from .ops.core import REDUCED_FLOATS, InputNode, Shaped, attach, check_broadcast, check_fits_output, \
    check_no_requires_grad, fresh, from_numpy, inference_saved_by, laid_out_like, needs_grad, operand_edge, sum_to, \
    type_name, unchecked

REDUCTIONS = {"none": 0, "mean": 1, "sum": 2}


def reduction_enum(reduction):
    if reduction not in ("none", "mean", "sum"):  # (compared, as _Reduction.get_enum compares: a list is no key)
        raise value_error(f"{reduction} is not a valid value for reduction")
    return reduction


def _reduce(values, dtype, reduction, *operands, into_loss=False):
    """Elementwise losses reduced as apply_loss_reduction does (the engine's sum kernels, PyTorch's order); not
    reduced, laid out as the TensorIterator over operands lays its output out. into_loss: ATen's kernel wrote the
    unreduced loss into its output and reduced it there (mean_out/sum_out: the output resized to 0-dim keeps the
    storage of every element; PyTorch leaves the bytes after the first as they were, here the unreduced values)."""
    if reduction == "none" and operands:
        return laid_out_like(values, dtype, *operands)
    t = fresh(kernels.contiguous(values, dtype=dtype.np), dtype)
    if reduction == "none":
        return t
    # (t is fresh, so nothing is recorded: mean/sum without grad mode's switch and their argument parsing)
    out = unchecked("mean")(t) if reduction == "mean" else unchecked("sum")(t)
    return reduced_into(t, out) if into_loss else out


def reduced_into(loss, out):
    """out, the 0-dim reduction of the fresh unreduced loss, as the output ATen resized over loss's storage."""
    if loss.numel() <= 1:
        return out
    resized = loss._alias((), (), 0, VersionCounter())  # (its own counter: the in-place steps were loss's)
    resized._np[...] = out._np
    return resized


def _f(x, v):
    return x.dtype.type(v)


def _broadcast(a, b):
    if a._shape == b._shape:  # (what broadcast_arrays gives then: the arrays themselves)
        return a._np, b._np
    return np.broadcast_arrays(a._np, b._np)


def _reduction(node):
    return REDUCTIONS[node.reduction]  # (PyTorch's saved reduction is its enum)


class _PointwiseLoss(Node):
    """A loss of (input, target) elementwise: the gradient formula `grad_fn(x, y, g, norm, *params)`."""
    __slots__ = ("reduction", "params", "shapes", "numel")
    saved_names, saved_values = ("self", "target"), {"reduction": _reduction}

    def __init__(self, a, b, reduction, params):
        Node.__init__(self, (operand_edge(a), operand_edge(b)))
        self.reduction, self.params = reduction, params
        self.shapes = (a._shape, b._shape, a.dtype)
        self.numel = a._np.size if a._shape == b._shape else int(np.prod(np.broadcast_shapes(a._shape, b._shape)))
        self.saved = (SavedTensor(a), SavedTensor(b))

    def backward(self, g):
        a, b = self.unpack()
        if a.dtype is not b.dtype and self.into_input:  # (huber_loss_backward: its operands of one dtype)
            first, second = (a, b) if self.next_functions[0][0] is not None else (b, a)
            raise runtime(f"Found dtype {dtypes.SCALAR_NAMES[second.dtype.name]} but expected "
                          f"{dtypes.SCALAR_NAMES[first.dtype.name]}")
        x, y = _broadcast(a, b)
        if a.dtype is not b.dtype:
            common = dtypes.result_type((a, b)).np
            x, y = x.astype(common), y.astype(common)
        gn = g._np
        norm = _per(1.0, self.numel) if self.reduction == "mean" else 1.0
        reduced = self.reduced is not None and self.reduced[1] is not None and a.dtype in REDUCED_FLOATS and \
            a.dtype is b.dtype is g.dtype

        def gradient(x, y):  # (in the common dtype, each gradient cast after)
            if reduced:
                return np.asarray(self.reduced[1](*_in_float(x, y, gn), norm, dtypes.rounding(a.dtype), *self.params))
            return np.asarray(self.grad(x, y, gn, norm, *self.params))
        record = self.double is not None and needs_grad(g, a, b)  # create_graph: the backward ops, recorded
        ga = gb = None
        if self.next_functions[0][0] is not None:
            ga = from_numpy(gradient(x, y).astype(a.dtype.np, copy=False), a.dtype)
            if record:
                attach(ga, self.double_node(self, g, a, b))
            ga = sum_to(ga, a._shape)
        if self.next_functions[1][0] is not None:  # (PyTorch's target formula: the backward with the two swapped,
            gb = from_numpy(gradient(y, x).astype(b.dtype.np, copy=False), b.dtype)  # +0 where they are equal)
            if record:
                attach(gb, self.double_node(self, g, b, a))
            gb = sum_to(gb, b._shape)
        return ga, gb


class _LossBackwardBackward(Node):
    """A pointwise loss's backward op as recorded under create_graph (MseLossBackwardBackward0, a subclass per
    loss): inputs grad_output, self, target; its formulas are the loss class's `double`."""
    __slots__ = ("loss",)

    def __init__(self, loss, g, a, b):
        Node.__init__(self, (operand_edge(g), operand_edge(a), operand_edge(b)))
        self.loss = loss
        self.saved = (SavedTensor(g), SavedTensor(a), SavedTensor(b))

    def backward(self, gg):
        g, a, b = self.unpack()
        g_out, g_self = self.loss.double(gg, g, a, b, self.loss.reduction, self.loss.numel, *self.loss.params)
        nf = self.next_functions
        return (None if nf[0][0] is None else sum_to(g_out, g._shape),
                None if nf[1][0] is None else sum_to(g_self, a._shape),
                None if nf[2][0] is None else sum_to(-g_self, b._shape))


def _mse_double(gg, g, a, b, reduction, numel):
    """mse_loss_backward's derivatives: mse_loss_double_backward(grad * grad_output) for self (minus it for
    target), and for grad_output the backward of ones, times grad, summed when reduced."""
    g_self = mul_scalar(gg * g, 2)
    if reduction == "mean":
        g_self = div_scalar(g_self, numel)
    ones = g.new_ones(g.shape) if reduction != "none" else gg
    first = mse_loss_backward(ones, a, b, reduction, numel)
    return (first if reduction == "none" else (first * gg).sum()), g_self


def _smooth_l1_double(gg, g, a, b, reduction, numel, beta):
    """smooth_l1_loss_backward's derivatives: for self (minus it for target) PyTorch's
    smooth_l1_loss_double_backward(grad * grad_output), for grad_output the backward op applied to grad."""
    if beta == 0:
        g_self = (gg * g).new_zeros((gg * g).shape)
    else:
        g_self = div_scalar(gg * g * ((a - b).abs() < beta).to(gg.dtype), beta)
        if reduction == "mean":  # (`grad_input /= numel`: div_.Scalar, DivBackward1 as well)
            g_self = div_scalar(g_self, numel)
    x, y = _broadcast(a, b)
    norm = _per(1.0, numel) if reduction == "mean" else 1.0
    first = from_numpy(np.asarray(_smooth_l1_grad(x, y, gg._np, norm, beta), dtype=a.dtype.np), a.dtype)
    return first, g_self


def _per(x, numel):
    """x / numel as C++'s doubles divide: an empty input's mean scale is inf (its gradient is empty anyway)."""
    return x / numel if numel else math.copysign(math.inf, x)


def mse_loss_backward(g, a, b, reduction, numel):
    d = a - b
    return mul_scalar(d, _per(2.0, numel) if reduction == "mean" else 2.0) * g


def _in_float(*arrays):
    """float32 copies, a broadcast (stride 0) dim kept broadcast: which body the kernels run depends on the layout."""
    return [np.broadcast_to(a[tuple(slice(0, 1) if not st else slice(None) for st in a.strides)].astype(np.float32),
                            a.shape) if 0 in a.strides else a.astype(np.float32) for a in arrays]


def _loss_op(name, forward, grad, double=None, param=None, kernel=None, into_input=False, reduced=None):
    """A pointwise loss as ATen computes it: a TensorIterator binary op of input and target in their common dtype
    (a floating one, else kernel's dispatch error), its output of that dtype or (into_input: huber_loss, which
    writes into empty_like(input)) of input's, with TensorIterator's cast check. reduced: the (forward, gradient)
    of float16 and bfloat16 operands of one dtype, on float32 arrays with `q` rounding to the dtype where PyTorch's
    kernel rounds (its Vectorized<Half>/<BFloat16> steps, or float and one rounding)."""
    saved = {"reduction": _reduction, **({param: lambda n: float(n.params[0])} if param else {})}
    node = type(name, (_PointwiseLoss,), {"__slots__": (), "name_": name, "grad": staticmethod(grad),
                                          "into_input": into_input, "reduced": reduced,
                                          "double": staticmethod(double) if double else None,
                                          "saved_names": ("self", "target"), "saved_values": saved})
    if double:  # (its gradient's node shows the loss's arguments too)
        node.double_node = type(name[:-1] + "Backward0", (_LossBackwardBackward,), {
            "__slots__": (), "name_": name[:-1] + "Backward0", "saved_names": ("grad_output", "self", "target"),
            "saved_values": {k: (lambda n, get=get: get(n.loss)) for k, get in saved.items()}})

    def op(input, target, reduction="mean", *params):
        check_broadcast(input, target)
        dt = out_dt = input.dtype
        if target.dtype is not dt or dt.category != 2:  # (kernels of floating types only)
            dt = dtypes.result_type((input, target))
            out_dt = input.dtype if into_input else dt
            if not dtypes.can_cast(dt, out_dt):
                raise runtime(messages.INPLACE_RESULT_TYPE.format(res=dtypes.SCALAR_NAMES[dt.name],
                                                                  out=dtypes.SCALAR_NAMES[out_dt.name]))
            if dt.category != 2:
                raise not_implemented_for(kernel, dt)
        x, y = _broadcast(input, target)
        if target.dtype is not input.dtype:
            x, y = x.astype(dt.np, copy=False), y.astype(dt.np, copy=False)
        if reduced is not None and reduced[0] is not None and dt in REDUCED_FLOATS and input.dtype is target.dtype:
            values = reduced[0](*_in_float(x, y), dtypes.rounding(dt), *params)
        else:
            values = forward(x, y, *params)
        out = _reduce(values, out_dt, reduction_enum(reduction), input, target, into_loss=not into_input)
        if needs_grad(input, target):
            attach(out, node(input, target, reduction, params))
        return out
    return op


def _mse_forward(x, y):
    d = x - y
    return d * d


def _mse_grad(x, y, g, norm):
    return (x - y) * _f(x, 2.0 * norm) * g  # mse_loss_backward: sub, mul_(norm), mul_(grad)


def _smooth_l1_forward(x, y, beta):
    z = np.abs(x - y)
    return np.where(z < _f(z, beta), _f(z, 0.5) * z * z / _f(z, beta) if beta else z, z - _f(z, 0.5 * beta))


def _scalar_body(x, y, g, element_bytes=None):
    """Where smooth_l1's and huber's backward kernels run their scalar body (True: everywhere, False: nowhere, else a
    mask). They write a C-contiguous gradient (zeros_like(input, Contiguous)) through cpu_kernel_vec, whose vectors
    are AVX2's on an AVX-512 CPU too (16 float32 or 8 float64 a chunk, measured; 32 float16 or bfloat16, held here
    widened to float32: element_bytes 2): input, target and grad_output dense as it or one of them a single value (a
    mean's or sum's grad_output): one walk (scalar_body_mask's); each innermost dim contiguous, or of stride 0 in one
    of them: each row's end; other layouts: the scalar body."""
    shape = np.broadcast_shapes(x.shape, y.shape, np.shape(g))
    chunk = 64 // (element_bytes or x.itemsize)
    if math.prod(shape) < chunk:
        return True
    walked = [np.broadcast_to(v, shape) for v in (x, y, g)]
    single = [not any(st for st, n in zip(v.strides, shape) if n > 1) for v in walked]
    if sum(single) <= 1 and all(one or v.flags.c_contiguous for one, v in zip(single, walked)):
        mask = kernels.scalar_body_mask(np.empty(shape, x.dtype), floats=8, element_bytes=element_bytes)
        return False if mask is None else mask
    inner = [v.strides[-1] for v in walked]
    if shape[-1] < 2 or inner.count(0) > 1 or any(st not in (0, x.itemsize) for st in inner):
        return True
    mask = np.zeros(shape, bool)
    mask[..., shape[-1] // chunk * chunk:] = True
    return mask


def _by_body(x, y, g, vector, scalar, element_bytes=None):
    """The vector body's values where the kernel runs it, the scalar body's elsewhere (each a function of no
    arguments: only the bodies that run are computed)."""
    where = _scalar_body(x, y, g, element_bytes) if x.dtype in (np.float32, np.float64) else False
    if where is False:
        return vector()
    if where is True:
        return scalar()
    return np.where(where, scalar(), vector())


def _smooth_l1_grad(x, y, g, norm, beta):
    """smooth_l1_backward_cpu_kernel: its vector body norm * (+-1, or x / beta outside) * grad in the dtype, beta
    rounded to it; its scalar body compares x with the double beta and divides norm * x * grad by it in double."""
    d, n = x - y, _f(x, norm)
    if not beta:  # (l1_loss's gradient: norm * sign(x) * grad)
        return np.where(d < 0, -n * g, np.where(d > 0, n * g, n * d * g))
    b = _f(x, beta)
    wide = d.astype(np.float64)

    def vector():
        return n * np.where(np.abs(d) >= b, np.where(d > 0, _f(x, 1), _f(x, -1)), d / b) * g

    def scalar():
        inside = ((n * d * g).astype(np.float64) / beta).astype(d.dtype)
        return np.where(wide <= -beta, -n * g, np.where(wide >= beta, n * g, inside))
    return _by_body(x, y, g, vector, scalar)


def _huber_forward(x, y, delta):
    z = np.abs(x - y)
    dl = _f(z, delta)
    return np.where(z < dl, _f(z, 0.5) * z * z, dl * (z - _f(z, 0.5) * dl))


def _huber_grad(x, y, g, norm, delta):
    """huber_backward_cpu_kernel: its vector body norm * (+-delta outside, x inside) * grad in the dtype, delta
    rounded to it; its scalar body compares x with the double delta and multiplies norm * grad by it in double."""
    d, n, dl = x - y, _f(x, norm), _f(x, delta)
    wide = d.astype(np.float64)

    def vector():
        return n * np.where(np.abs(d) >= dl, np.where(d > 0, dl, -dl), d) * g

    def scalar():
        outside = ((n * g).astype(np.float64) * delta).astype(d.dtype)
        return np.where(wide <= -delta, -outside, np.where(wide >= delta, outside, n * d * g))
    return _by_body(x, y, g, vector, scalar)


def _mse_reduced(x, y, q):
    d = q(x - y)
    return d * d


def _mse_grad_reduced(x, y, g, norm, q):
    return q(q(2.0 * norm) * q(x - y)) * g  # (norm_val * (input - target) * grad_output, each step rounded)


def _smooth_l1_grad_reduced(x, y, g, norm, q, beta):
    return _smooth_l1_grad(x, y, g, norm, beta)  # (in float, rounded once)


def _huber_reduced(x, y, q, delta):
    """float16: in float with delta a float, rounded once; bfloat16: each step rounded, delta too."""
    if q is dtypes.to_float16:
        return _huber_forward(x, y, delta)
    z, dl = q(np.abs(x - y)), q(np.float32(delta))
    return np.where(z < dl, q(q(np.float32(0.5) * z) * z), dl * q(z - q(np.float32(0.5) * dl)))


def _huber_grad_reduced(x, y, g, norm, q, delta):
    """The vector body (Vectorized<Half/BFloat16>: each op in float, rounded): (norm * (+-delta outside, x
    inside)) * grad, delta rounded to the dtype; the scalar body (c10::Half/BFloat16 arithmetic): x compared with the
    double delta, (norm * grad) rounded, times the double delta, rounded through float."""
    d, n, dl = q(x - y), q(np.float32(norm)), q(np.float32(delta))
    inside = q(q(n * d) * g)

    def vector():
        nd = q(n * dl)
        return np.where(d < -dl, q(-nd * g), np.where(d > dl, q(nd * g), inside))

    def scalar():
        wide = d.astype(np.float64)
        outside = q((q(n * g).astype(np.float64) * delta).astype(np.float32))
        return np.where(wide <= -delta, -outside, np.where(wide >= delta, outside, inside))
    return _by_body(x, y, g, vector, scalar, element_bytes=2)


mse_loss = _loss_op("MseLossBackward0", _mse_forward, _mse_grad, _mse_double, kernel="mse_cpu",
                    reduced=(_mse_reduced, _mse_grad_reduced))
_smooth_l1 = _loss_op("SmoothL1LossBackward0", _smooth_l1_forward, _smooth_l1_grad, _smooth_l1_double, "beta",
                      kernel="smooth_l1_cpu", reduced=(None, _smooth_l1_grad_reduced))
def _huber_double(gg, g, a, b, reduction, numel, delta):
    """huber_loss_backward's derivatives: for self (minus it for target) PyTorch's huber_loss_double_backward
    (grad * (|self - target| < delta), over numel for a mean), for grad_output the backward op applied to grad."""
    g_self = gg * g * ((a - b).abs() < delta).to(gg.dtype)
    if reduction == "mean":  # (`grad_input /= numel`)
        g_self = div_scalar(g_self, numel)
    x, y = _broadcast(a, b)
    norm = _per(1.0, numel) if reduction == "mean" else 1.0
    first = from_numpy(np.asarray(_huber_grad(x, y, gg._np, norm, delta), dtype=a.dtype.np), a.dtype)
    return first, g_self


_huber = _loss_op("HuberLossBackward0", _huber_forward, _huber_grad, _huber_double, param="delta", kernel="huber_cpu",
                  into_input=True, reduced=(_huber_reduced, _huber_grad_reduced))


def smooth_l1_loss(input, target, reduction="mean", beta=1.0):
    if beta < 0:
        raise runtime("smooth_l1_loss does not support negative values for beta.")
    return _smooth_l1(input, target, reduction, beta)


def huber_loss(input, target, reduction="mean", delta=1.0):
    if delta <= 0:
        raise runtime("huber_loss does not support non-positive values for delta.")
    return _huber(input, target, reduction, delta)


# ------------------------------------------------------------------ binary cross entropy

def _stored_as(dtype):
    """The rounding of a value a kernel of dtype stores (each step of a c10::Half/BFloat16 scalar expression)."""
    return dtypes.rounding(dtype) if dtype is dtypes.bfloat16 else lambda v: np.asarray(v).astype(dtype.np, copy=False)


def _bce_values(x, y, dtype):
    """binary_cross_entropy's scalar kernel: (t - 1) * max(log1p(-x), -100) - t * max(log(x), -100), std::log and
    std::log1p the C library's (logf and log1pf for float and for the float a half or bfloat16 converts to), each
    step of a half or bfloat16 kernel rounded to its type."""
    if not np.all((x >= 0) & (x <= 1)):
        raise runtime("all elements of input should be between 0 and 1")
    if not np.all((y >= 0) & (y <= 1)):
        raise runtime("all elements of target should be between 0 and 1")
    stored = _stored_as(dtype)

    def log_term(v, log):
        wide = v.astype(np.float32) if v.dtype == np.float16 else v  # (a Half's std::log is float's)
        return stored(np.maximum(stored(log(wide)), _f(x, -100)))
    return stored(stored(stored(y - _f(x, 1)) * log_term(-x, kernels.libm_log1p)) -
                  stored(y * log_term(x, kernels.libm_log)))


class BinaryCrossEntropyBackward0(Node):
    __slots__ = ("reduction", "has_weight")
    saved_names, saved_values = ("self", "target", "weight"), {"reduction": _reduction}

    def __init__(self, x, y, w, reduction):
        # (edges to self and target alone: weight is not differentiable in derivatives.yaml, so it has none)
        Node.__init__(self, (edge_of(x), operand_edge(y)))
        self.reduction, self.has_weight = reduction, w is not None
        self.saved = (SavedTensor(x), SavedTensor(y)) + ((SavedTensor(w),) if w is not None else ())

    def backward(self, g):
        vals = self.unpack()
        x, y = vals[0]._np, vals[1]._np
        stored = _stored_as(vals[0].dtype)
        gi = stored(stored(g._np * stored(x - y)) / np.maximum(stored(stored(_f(x, 1) - x) * x),
                                                               stored(_f(x, np.float32(1e-12)))))  # (a float EPSILON)
        if self.has_weight:  # (grad_input.mul_(weight), then div_(numel) for a mean)
            gi = stored(gi * vals[2]._np)
        if self.reduction == "mean":
            gi = stored(gi / _f(x, x.size))
        out = recorded(fresh(kernels.contiguous(gi, dtype=x.dtype), vals[0].dtype),
                       "BinaryCrossEntropyBackwardBackward0",
                       lambda g, x, y, w: _bce_backward(g, x, y, w, self.reduction), (g, vals[0], vals[1]), (vals[2] if self.has_weight else None,), ("grad_output", "self", "target", "weight"),
                       reduction=self._saved_reduction, double=self._double)
        gt = self._target_grad(g, vals) if self.next_functions[1][0] is not None else None  # (after self's: the
        return (out, gt)  # sorted order of derivatives.yaml's names)

    def _double(self, gg, g, x, y, w):
        """FunctionsManual's binary_cross_entropy_double_backward_grad_output, _double_backward (self) and
        _double_backward_target, eps 1e-12, in the sorted order of their names; target's denominator (1 - self) *
        self is recorded (only its clamp runs under no_grad)."""
        def weighted(t):
            return t.mul_(w) if w is not None else t

        def mean(t):  # (div_ by a Scalar: DivBackward1)
            return div_scalar(t, x.numel()) if self.reduction == "mean" else t
        go = mean(weighted(((x - y) / (add_scalar(x, 1e-12) * add_scalar(number_minus(1, x), 1e-12))).mul_(gg)))
        gi = mean(weighted(((x * x - mul_scalar(x, 2) * y + y) / (add_scalar(x, 1e-12).pow(2) *
                                                                 add_scalar(number_minus(1, x), 1e-12).pow(2))).mul_(gg * g)))
        gt = weighted(-gg * g)
        denom = number_minus(1, x).mul_(x)
        with autograd.no_grad():
            denom.clamp_min_(1e-12)
        return go, gi, mean(gt / denom)

    def _target_grad(self, g, vals):
        """binary_cross_entropy_target_backward: -logit(self) * grad, times weight, over numel for a mean."""
        gt = vals[0].logit().neg().mul(g)
        if self.has_weight:
            gt = gt.mul(vals[2])
        return div_scalar(gt, vals[1].numel()) if self.reduction == "mean" else gt


def _bce_backward(g, x, y, w, reduction):
    """binary_cross_entropy_backward's kernel in differentiable ops: g * (x - y) / max((1 - x) * x, 1e-12)."""
    gi = g * (x - y) / ((1 - x) * x).clamp_min(1e-12)
    if w is not None:
        gi = gi * w
    return gi / x.numel() if reduction == "mean" else gi


def binary_cross_entropy(input, target, weight=None, reduction="mean"):
    check_no_requires_grad(weight, "weight", "binary_cross_entropy")
    inference_saved_by((input, target, weight), (input, target, weight))  # (kept before the kernel's checks)
    if target.dtype is not input.dtype:  # (the kernel's TensorIterator: all operands of one dtype)
        raise runtime(f"Found dtype {dtypes.SCALAR_NAMES[target.dtype.name]} but expected "
                      f"{dtypes.SCALAR_NAMES[input.dtype.name]}")
    if input.dtype.category != 2:  # (AT_DISPATCH_FLOATING_TYPES_AND2, before the kernel's range checks)
        raise not_implemented_for("binary_cross_entropy", input.dtype)
    x = input._np
    loss = _bce_values(x, np.broadcast_to(target._np, x.shape), input.dtype)
    if weight is not None:
        loss = loss * weight._np
    out = _reduce(loss, input.dtype, reduction_enum(reduction), input, target, into_loss=True)
    if needs_grad(input, target, weight):
        attach(out, BinaryCrossEntropyBackward0(input, target, weight, reduction))
    return out


def _log_sigmoid(x, dtype):
    """at::log_sigmoid's values of array x as a tensor of dtype stores them (float16/bfloat16 rounded)."""
    return fresh(kernels.contiguous(log_sigmoid_values(x)[0], dtype=dtype.np), dtype)._np


class BinaryCrossEntropyWithLogitsBackward0(Node):
    __slots__ = ("reduction", "has_weight", "has_pos")
    saved_names, saved_values = ("self", "target", "weight", "pos_weight"), {"reduction": _reduction}

    def __init__(self, x, y, w, pw, reduction):
        # (edges to self and target alone: weight and pos_weight are not differentiable in derivatives.yaml)
        Node.__init__(self, (edge_of(x), operand_edge(y)))
        self.reduction, self.has_weight, self.has_pos = reduction, w is not None, pw is not None
        self.saved = tuple(SavedTensor(v) if v is not None else NOTHING_SAVED for v in (x, y, w, pw))

    def backward(self, g):
        """binary_cross_entropy_with_logits_backward as FunctionsManual writes it: input.sigmoid().sub_(target)
        (with pos_weight t = pos_weight * target: t.add(1).sub_(target).mul_(input.sigmoid()).sub_(t)), times grad,
        times weight, for a mean divided in place by numel; each step an op rounding to its output's type. Under
        grad mode (create_graph) the steps are out of place and recorded, but the last division (DivBackward1)."""
        x, y, w, pw = self.unpack()
        recording = autograd._grad_enabled[0]
        step = (lambda a, op, b: getattr(a, op)(b)) if recording else (lambda a, op, b: getattr(a, op + "_")(b))
        with autograd.set_grad_enabled(recording):
            if self.has_pos:
                t = pw.mul(y)
                gi = step(step(step(add_scalar(t, 1), "sub", y), "mul", x.sigmoid()), "sub", t)
            else:
                gi = step(x.sigmoid(), "sub", y)
            gi = step(gi, "mul", g)
            if self.has_weight:
                gi = step(gi, "mul", w)
            if self.reduction == "mean":
                gi = div_scalar(gi, x.numel())
                gi._version_counter.bump()  # (div_: in place)
            if not recording and gi.dtype is not x.dtype:
                gi = gi.to(x.dtype)
        gt = self._target_grad(g, recording) if self.next_functions[1][0] is not None else None  # (after self's:
        return (gi, gt)  # derivatives.yaml's names in sorted order)

    def _target_grad(self, g, recording):
        """binary_cross_entropy_with_logits_target_backward: -self * grad (with pos_weight: log_sigmoid(-self) -
        log_sigmoid(self) * pos_weight, times grad), times weight, over numel for a mean, in the dtype those
        products take (a reduced loss's grad is 0-dim: self's dtype), cast to target's; recorded under create_graph
        (it reads self: a second derivative in self)."""
        x, y, w, pw = self.unpack()
        with autograd.set_grad_enabled(recording):
            if self.has_pos:  # (log_sigmoid(-self).sub_(log_sigmoid(self).mul_(pos_weight)).mul_(grad))
                log_sig = [logsigmoid(a) for a in (-x, x)] if recording else \
                    [fresh(_log_sigmoid(a, x.dtype), x.dtype) for a in (-x._np, x._np)]
                gt = log_sig[0].sub_(log_sig[1].mul_(pw)).mul_(g)
            else:
                gt = -x * g
            if self.has_weight:
                gt = gt.mul_(w)
            if self.reduction == "mean":  # (div_ by a Scalar: DivBackward1)
                gt = div_scalar(gt, x.numel()) if recording else gt.div_(x.numel())
            return gt.to(y.dtype)


def binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean", pos_weight=None):
    for name, v in (("weight", weight), ("pos_weight", pos_weight)):
        check_no_requires_grad(v, name, "binary_cross_entropy_with_logits")
    if target._shape != input._shape:
        raise value_error(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    if input.dtype.category != 2:  # (log_sigmoid(input) comes first)
        raise not_implemented_for("log_sigmoid_cpu", input.dtype)
    if target.dtype is dtypes.bool_:  # (PyTorch's (1 - target) * input: bool subtraction refused)
        raise runtime(messages.SUB_TWO_BOOLS)
    if target.dtype.category < 2:  # (its in-place steps write into a tensor of target's dtype)
        raise runtime(f"result type {dtypes.SCALAR_NAMES[dtypes.result_type((input, target)).name]} can't be cast to "
                      f"the desired output type {dtypes.SCALAR_NAMES[target.dtype.name]}")
    if pos_weight is not None:  # (ATen's (pos_weight - 1).mul(target), then log_sigmoid(input).mul_(that))
        check_broadcast(pos_weight, target)
        check_fits_output(input, Shaped(np.broadcast_shapes(pos_weight._shape, target._shape)))
    if weight is not None:  # (loss.mul_(weight))
        check_fits_output(input, weight)
    with autograd.no_grad():  # (ATen's steps, each an op rounding to its output's type)
        log_sig = fresh(_log_sigmoid(input._np, input.dtype), input.dtype)
        if pos_weight is not None:
            check_sub(pos_weight, 1)
            log_sig.mul_(add_scalar(sub_scalar(pos_weight, 1).mul(target), 1))
        loss = rsub_scalar(target, 1).mul_(input).sub_(log_sig)
        if weight is not None:
            loss.mul_(weight)
    out = _reduce(loss._np, target.dtype, reduction_enum(reduction), target)  # ((1 - target).mul_(input)...)
    if needs_grad(input, target, weight, pos_weight):
        attach(out, BinaryCrossEntropyWithLogitsBackward0(input, target, weight, pos_weight, reduction))
    return out


# ------------------------------------------------------------------ negative log likelihood

def _ceil_log2(n):
    return 0 if n <= 1 else (n - 1).bit_length()


def _scalar_cast(dtype):
    """A scalar rounded to dtype (bfloat16's held in float32, rounded as c10::BFloat16's arithmetic does)."""
    if dtype is dtypes.bfloat16:
        return lambda v: np.float32(dtypes.to_bfloat16(np.float32(v))[()])
    return dtype.np.type


def _cascade_nll(values, weights, count, cast):
    """PyTorch's nll_loss_out_frame: a cascade of 8 partial sums (level width 2**max(4, ceil(log2 n)/8)), each step
    in the input's type (cast)."""
    levels = 8
    power = max(4, _ceil_log2(count) // levels)
    mask0 = (1 << power) - 1
    loss = [cast(0)] * levels
    wsum = [cast(0)] * levels
    for b, v, w in zip(range(count), values, weights):
        if v is None:
            continue  # an ignored target skips the fold too
        loss[0] = cast(loss[0] - v)
        wsum[0] = cast(wsum[0] + w)
        for j in range(levels - 1):
            if b & (mask0 << (j * power)):
                break
            wsum[j + 1] = cast(wsum[j + 1] + wsum[j])
            loss[j + 1] = cast(loss[j + 1] + loss[j])
            wsum[j] = loss[j] = cast(0)
    total_loss = cast(0)
    total_w = cast(0)
    for j in range(levels):
        total_loss = cast(total_loss + loss[j])
        total_w = cast(total_w + wsum[j])
    return total_loss, total_w


class _NllBackward(Node):
    __slots__ = ("reduction", "ignore_index", "shape", "total_weight")

    def __init__(self, x, target, weight, reduction, ignore_index, total_weight):
        Node.__init__(self, (edge_of(x),))
        self.reduction, self.ignore_index, self.shape = reduction, ignore_index, x._shape
        self.total_weight = np.array(0 if total_weight is None else total_weight, x.dtype.np)
        # (PyTorch keeps self too, for its sizes: its version is checked)
        self.saved = (SavedTensor(target), SavedTensor(weight) if weight is not None else NOTHING_SAVED,
                      SavedTensor(x))

    def backward(self, g):
        target, weight, x = self.unpack()
        if len(self.shape) == 1 and target._np.ndim == 1 and self.shape[0] != 1:  # nll_loss_backward's check
            raise runtime(f"size mismatch (got input: {_size(self.shape)}, target: {_size(target._shape)})")
        dt, cast = g.dtype.np, _scalar_cast(g.dtype)
        t = target._np.reshape(-1) if target._np.ndim else target._np.reshape(1)
        grad = np.zeros(self.shape, dt)
        view = _class_last(grad)  # (positions, classes) view into grad
        gn = g._np.reshape(-1)
        if self.reduction != "none":  # (ATen's one scalar: -(grad_output / total_weight) for a mean, then weight * it)
            with np.errstate(divide="ignore", invalid="ignore"):
                scale = cast(-(cast(gn[0] / dt.type(self.total_weight)) if self.reduction == "mean" else gn[0]))
        for i, c in enumerate(t.tolist()):
            if c == self.ignore_index:
                continue
            w = weight._np.reshape(-1)[c] if weight is not None else None
            if self.reduction == "none":
                view[i, c] = cast(-(dt.type(1) if w is None else w) * gn[i])
            else:  # (then weight[t] * it, the product rounded)
                view[i, c] = scale if w is None else cast(w * scale)
        out = fresh(grad, g.dtype)
        if autograd._grad_enabled[0] and (g.requires_grad or x.requires_grad):  # (create_graph: linear in g)
            attach(out, (NllLoss2DBackwardBackward0 if type(self) is NllLoss2DBackward0 else
                         NllLossBackwardBackward0)(g, x, target, weight, self))
        return (out,)


class _NllBackwardBackward(Node):
    """NllLossBackwardBackward0 / NllLoss2DBackwardBackward0: the gradient is linear in the incoming g, so its own
    gradient is the loss (of the same target, weight, reduction) of gg; the input's is zeros (derivatives.yaml's)."""
    __slots__ = ("target", "weight", "reduction", "ignore_index")

    def __init__(self, g, x, target, weight, first):
        Node.__init__(self, (edge_of(g), edge_of(x)))
        self.target, self.weight, self.reduction, self.ignore_index = target, weight, first.reduction, \
            first.ignore_index

    def backward(self, gg):
        g_edge, x_edge = self.next_functions
        return (nll_loss(gg, self.target, self.weight, self.reduction, self.ignore_index) if g_edge[0] else None,
                fresh(np.zeros(gg._shape, gg.dtype.np), gg.dtype) if x_edge[0] else None)


_NLL_SAVED = {"reduction": _reduction, "ignore_index": lambda n: unsigned(n.ignore_index),
              "total_weight": lambda n: fresh(n.total_weight.copy(), dtypes.BY_NP[n.total_weight.dtype])}


class NllLossBackward0(_NllBackward):
    saved_names, saved_values = ("target", "weight", "self"), _NLL_SAVED


class NllLoss2DBackward0(_NllBackward):
    saved_names, saved_values = ("target", "weight", "self"), _NLL_SAVED


_NLL_DOUBLE_SAVED = {"ignore_index": lambda n: unsigned(n.ignore_index), "reduction": _reduction,
                     "target": lambda n: n.target, "weight": lambda n: n.weight}


class NllLossBackwardBackward0(_NllBackwardBackward):
    saved_values = _NLL_DOUBLE_SAVED


class NllLoss2DBackwardBackward0(_NllBackwardBackward):
    saved_values = _NLL_DOUBLE_SAVED


def _class_last(a):
    """An (N*spatial, C) view of an (N, C, *spatial) or (C,) array (numpy views, writable)."""
    if a.ndim == 1:
        return a.reshape(1, -1)
    if a.ndim == 2:
        return a
    return _ClassView(a)


class _ClassView:
    """Writes to (position, class) of an (N, C, *spatial) array, position running over N then spatial."""

    def __init__(self, a):
        self.a = a
        self.spatial = a.shape[2:]

    def __setitem__(self, key, value):
        i, c = key
        n, rest = divmod(i, int(np.prod(self.spatial)))
        self.a[(n, c) + np.unravel_index(rest, self.spatial)] = value


def nll_loss(input, target, weight=None, reduction="mean", ignore_index=-100):
    if not isinstance(input, Tensor):
        raise type_error(f"nll_loss_nd(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    reduction_enum(reduction)
    dim = input.dim()
    if dim < 1:
        raise value_error(f"Expected 1 or more dimensions (got {dim})")
    # (ATen reads a 0-dim target's sizes()[0] unchecked: the 0 its TensorImpl was born with)
    target_batch = target._shape[0] if target._shape else 0
    if dim != 1 and input._shape[0] != target_batch:
        raise value_error(f"Expected input batch_size ({input._shape[0]}) to match target batch_size "
                          f"({target_batch}).")
    if (dim == 3 or dim > 4) and target._shape[1:] != input._shape[2:]:  # (nll_loss_nd's, before nll_loss2d's)
        raise runtime(f"Expected target size {_size(input._shape[:1] + input._shape[2:])}, got {_size(target._shape)}")
    check_no_requires_grad(weight, "weight", "nll_loss_forward" if dim <= 2 else "nll_loss2d_forward")
    if dim <= 2 or dim == 4:  # (nll_loss(2d)_forward's node keeps self, target and weight, then its kernel checks)
        inference_saved_by((input, target, weight), (input, target, weight))
    if dim <= 2 and target.dim() > 1:  # (nll_loss's shape checks come before its kernel's dtype check)
        raise runtime("0D or 1D target tensor expected, multi-target not supported")
    if target.dtype not in (dtypes.int64, dtypes.uint8):  # nll_loss_nd's check; nll_loss2d takes Long only
        raise runtime(f"expected target dtype to be Long or Byte, but got {dtypes.SCALAR_NAMES[target.dtype.name]}")
    if dim > 2 and target.dtype is not dtypes.int64:
        raise runtime(dtypes.expected_scalar_type(dtypes.int64, target.dtype))
    if dim == 1 and target.dim() == 1 and target._shape[0] != 1:
        raise value_error(f"For 1D input, 1D target must have size 1, but got target size: {target._shape[0]}")
    if dim == 4 and target.dim() != 3:
        raise runtime(f"only batches of spatial targets supported (3D tensors) but got targets of dimension: "
                      f"{target.dim()}")
    if dim == 4 and weight is not None and weight.numel() != input._shape[1]:  # (check_inputs_nll_loss2d's: numel only)
        raise runtime("weight tensor should be defined either for all or no classes")
    if dim > 2 and target._shape != input._shape[:1] + input._shape[2:]:
        raise runtime(f"size mismatch (got input: {_size(input._shape)} , target: {_size(target._shape)}")
    if dim == 3 or dim > 4:  # nll_loss_nd: through nll_loss2d on an (N, C, 1, -1) reshape
        n, c = input._shape[:2]
        out = nll_loss(input.reshape(n, c, 1, -1), target.contiguous().reshape(n, 1, -1), weight, reduction,
                       ignore_index)
        return out.view((n,) + input._shape[2:]) if reduction == "none" else out
    n_classes = input._shape[1] if dim > 1 else input._shape[0]
    if dim <= 2 and weight is not None and (weight.dim() != 1 or weight.numel() != n_classes):  # (nll_loss's meta)
        raise runtime(f"weight tensor should be defined either for all {n_classes} classes or no classes but got "
                      f"weight tensor of shape: {_size(weight._shape)}")
    if input.dtype.category != 2:  # (floating kernels only; they read weight as input's type)
        raise not_implemented_for("nll_loss2d_forward_out_frame" if dim == 4 else "nll_loss_out_frame", input.dtype)
    if weight is not None and weight.dtype is not input.dtype:
        raise runtime(dtypes.expected_scalar_type(input.dtype, weight.dtype))
    x = _class_last(input._np) if dim <= 2 else np.moveaxis(input._np, 1, -1).reshape(-1, n_classes)
    t = target._np.reshape(-1).tolist()
    dt = input.dtype.np
    cast = _scalar_cast(input.dtype)
    wn = weight._np.reshape(-1) if weight is not None else None  # (nll_loss2d reads any weight of C elements flat)
    values, weights = [], []
    for i, c in enumerate(t):
        if c == ignore_index:
            values.append(None)
            weights.append(dt.type(0))
            continue
        if not 0 <= c < n_classes:
            raise index_error(f"Target {c} is out of bounds.")
        w = wn[c] if wn is not None else dt.type(1)
        values.append(cast(x[i, c] * w) if wn is not None else x[i, c])
        weights.append(w)
    if reduction == "none" and dim > 1:  # (a 1-d input's loss is its kernel's sum: 0 - x[t] * w, a zero +0)
        vals = np.array([dt.type(0) if v is None else -v for v in values], dt)
        out = fresh(vals.reshape(target._shape if dim > 1 else ()), input.dtype)
        total = None
    else:
        loss, wsum = _cascade_nll(values, weights, len(t), cast)
        total = wsum if wn is not None else dt.type(len(t) - values.count(None))
        if reduction == "mean":
            with np.errstate(divide="ignore", invalid="ignore"):  # (a zero total weight: +-inf, or nan for 0)
                loss = cast(loss / total)
        out = fresh(np.array(loss, dt), input.dtype)
    if needs_grad(input):
        cls = NllLoss2DBackward0 if dim == 4 else NllLossBackward0
        attach(out, cls(input, target, weight, reduction, ignore_index, total))
    return out


def _size(shape):
    return "[" + ", ".join(map(str, shape)) + "]"
