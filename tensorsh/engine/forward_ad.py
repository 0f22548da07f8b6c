"""torch.autograd.forward_ad: dual tensors (a primal with a tangent at the one dual level) and the tangent
rules of the common ops, with derivatives.yaml's `result:` formulas (auto_element_wise: the row's backward formula
applied to the tangent; auto_linear: the op applied to the tangent). While no level is open the engine's ops are
untouched; entering the level swaps each row's function, in the closures every spelling of it calls, for one that
also computes the tangent (exiting swaps them back), so the ops cost nothing more outside forward AD."""
import collections
import functools
import sys
import types
import weakref

import numpy as np

from . import messages
from .errors import runtime, value_error
from .ops.core import VIEW_BACKWARD, make_view
from .tensorimpl import FORWARD_AD_OFF, TANGENT_DROPPED, Tensor

VIEW_BACKWARD["Identity"] = lambda g, shape: g  # (unpack_dual's primal: a view whose node PyTorch names Identity)

_LEVEL = [None]
_SWAPPED = []  # (holder, name or None for a closure cell, what it held) while a level is open
_BUSY = FORWARD_AD_OFF  # a rule is computing a tangent: its own ops carry none (nor print one)
_DUALS = []  # weak references to the tensors given a tangent at this level: their tangents go when it exits


def _tangent(x):
    return getattr(x, "_fw_grad", None) if isinstance(x, Tensor) else None


_SEEN = [None]  # while an op runs: the ids of the dual tensors its inner ops that compute tangents were given


def _duals(args, kwargs):
    """The ids of the dual tensors among an op's arguments (in lists too)."""
    found = set()
    for a in list(args) + list(kwargs.values()):
        for x in a if isinstance(a, (list, tuple)) else (a,):
            if isinstance(x, Tensor) and getattr(x, "_fw_grad", None) is not None:
                found.add(id(x))
    return found


def _has_tangent(args, kwargs):
    for a in args:
        if isinstance(a, Tensor):
            if getattr(a, "_fw_grad", None) is not None:
                return True
        elif isinstance(a, (list, tuple)) and any(_tangent(x) is not None for x in a):
            return True
    return any(_tangent(v) is not None for v in kwargs.values())


# -- the rules -------------------------------------------------------------------------------------------------

def _fit(t, out):
    """A tangent term of an operand that broadcast: the output's shape (efficient zeros add nothing to it)."""
    return t if out is None or t.shape == out.shape else t.expand(out.shape).contiguous()


_RESHAPES = ("View", "UnsafeView", "Squeeze", "Unsqueeze", "Reshape", "Expand", "Permute", "Transpose")


def _terms(out, *terms):
    """A formula's sum of terms, left to right, an absent tangent's term left out. PyTorch puts an efficient zero
    tensor in its place, and adding one copies the other operand (add_zerotensor): the values are the same, but a
    tangent that requires grad ends in that AddBackward0, the zero's edge None where the zero stood (here an add of
    -0, which changes no value) -- unless the terms end in a view or reshape, the last step of a composite whose add
    came before it."""
    if all(t is None for t in terms):
        return None
    total = zero = None  # (zero: a leading absent term, added once a present one comes)
    for t in terms:
        if t is None:
            if total is None:
                zero = True
            elif _recorded(total):
                total = total + _minus_zero(total)
        elif total is None:
            total = _minus_zero(t) + t if zero and _recorded(t) else t
        else:
            total = total + t
    return _fit(total, out)


def _recorded(t):
    """A term with a history that is not a reshape's (a tangent that requires grad as a leaf has none: a view of one
    made inside a kernel's no_grad)."""
    return t.requires_grad and t.grad_fn is not None and not t.grad_fn.name().startswith(_RESHAPES)


def _minus_zero(t):
    from .creation import full_like
    return full_like(t, -0.0)


def _alpha(t, alpha):
    return t if t is None or alpha == 1 else t * alpha


def _add(out, a, b, alpha=1):
    return _terms(out, _tangent(a), _alpha(_tangent(b), alpha))


def _sub(out, a, b, alpha=1):
    ta, tb = _tangent(a), _alpha(_tangent(b), alpha)
    if ta is None:
        return _fit(-tb, out)
    return _fit(ta if tb is None else ta - tb, out)


def _rsub(out, a, b, alpha=1):  # b - alpha * a
    return _sub(out, b, a, alpha) if isinstance(b, Tensor) else _fit(-_alpha(_tangent(a), alpha), out)


def _tracked_zero(like, primal, fill=-0.0):
    """A formula's term of an absent tangent times a primal that requires grad (other_t * self_p): PyTorch's efficient
    zero, but recorded, so the tangent the formula sums it into requires grad (AddBackward0; its backward gives the
    primal zeros). Here `fill` (-0 to add, +0 to subtract: no value changes) through a where on the primal, in out's
    shape (like's); None where nothing records (a number, a tensor not requiring grad, grad mode off)."""
    from . import autograd, dtypes
    from .creation import zeros
    from .ops.comparison import where
    if not (isinstance(primal, Tensor) and primal.requires_grad and autograd._grad_enabled[0]):
        return None
    z = where(zeros(primal.shape, dtype=dtypes.bool_), primal, fill)
    return z if z.shape == like.shape else where(zeros(like.shape, dtype=dtypes.bool_), z.sum(), fill)


def _product_terms(out, first, first_primal, second, second_primal):
    """A product rule's two terms (x_t op y_p, x_p op y_t), an absent one the recorded zero of the primal it
    multiplies when the other is present."""
    if first is None and second is not None:
        first = _tracked_zero(second, first_primal)
    elif second is None and first is not None:
        second = _tracked_zero(first, second_primal)
    return _terms(out, first, second)


def _mul(out, a, b):
    ta, tb = _tangent(a), _tangent(b)
    return _product_terms(out, None if tb is None else tb * a, a, None if ta is None else ta * b, b)


def _div(out, a, b, rounding_mode=None):
    if rounding_mode is not None:  # (floor and trunc: result.new_zeros)
        return out.new_zeros(out.shape)
    ta, tb = _tangent(a), _tangent(b)
    if tb is None:  # ((self_t - other_t * result) / other_p: an absent other_t times the result is a recorded zero)
        zero = _tracked_zero(out, out, 0.0)
        return _fit((ta if zero is None else ta - zero) / b, out)
    num = -(tb * out) if ta is None else ta - tb * out
    return _fit(num / b, out)


def _rdiv(out, a, b):  # b / a, b a number
    return _fit(-(_tangent(a) * out) / a, out)


def _pow(out, a, b):
    """pow_backward (a number exponent), pow_backward_self + pow_backward_exponent (two tensors),
    pow_backward_exponent (a number base): the engine's formulas of PowBackward0/1/2 on the tangents."""
    from .creation import zeros_like
    from .ops.binary import _pow_exponent_backward, where
    from .ops.scalar_arith import mul_scalar, sub_scalar
    ta, tb = _tangent(a), _tangent(b)
    if not isinstance(a, Tensor):
        return _pow_exponent_backward(tb, a, b, out)
    if not isinstance(b, Tensor):
        return zeros_like(ta) if b == 0 else ta * mul_scalar(a.pow(b - 1), b)
    return _terms(out, None if ta is None else where(b == 0, 0.0, ta * (b * a.pow(sub_scalar(b, 1)))),
                  None if tb is None else tb * where((a == 0).logical_and(b >= 0), 0.0, out * a.log()))


def _products(op):
    def rule(out, a, b):
        ta, tb = _tangent(a), _tangent(b)
        return _product_terms(out, None if ta is None else op(ta, b), b, None if tb is None else op(a, tb), a)
    return rule


def _linear_op(name):
    """auto_linear: the op itself applied to the tangent."""
    def rule(out, x, *args, **kwargs):
        return getattr(_tangent(x), name)(*args, **kwargs)
    return rule


def _applied(fn):
    """auto_linear for a function of one tensor (no method): the function itself applied to the tangent."""
    def rule(out, x, *args, **kwargs):
        return fn(_tangent(x), *args, **kwargs)
    return rule


# torch.nn.functional's interpolation: every upsample_* / _upsample_*_aa row (and adaptive_avg_pool's area mode) is
# `result: auto_linear`, the op on the tangent; PyTorch's antialiased backward is not its forward's transpose, so
# the Jacobian from the backward would differ
_APPLIED = frozenset({"interpolate", "upsample", "upsample_bilinear", "upsample_nearest"})


def _joined(name):
    def rule(out, tensors, dim=0):
        from .creation import zeros_like
        from .ops import joining
        tangents = [_tangent(x) for x in tensors]
        return getattr(joining, name)([zeros_like(x) if t is None else t for x, t in zip(tensors, tangents)], dim)
    return rule


def _logsumexp_jvp(x, t, dim, keepdim):
    """FunctionsManual's logsumexp_jvp: sum(exp(x - amax) * t) / sum(exp(x - amax)) over dim (so a tangent of ones
    gives exactly 1, two sums of the same terms)."""
    e = (x - x.amax(dim, True)).exp() if x.numel() > 0 else x.exp()
    s = e.sum(dim, keepdim)
    return (e * t).sum(dim, keepdim) / s


def _converted(x, dtype):
    """softmax(x, dim, dtype)'s input and tangent: ATen's composite converts x first (self.toType(dtype)), so the
    formula runs, and the tangent is, in dtype."""
    t = _tangent(x)
    return (x, t) if dtype is None else (x.to(dtype), t.to(dtype))


def _softmax(out, x, dim, dtype=None):
    """result * (self_t - logsumexp_jvp(self_p, self_t, {dim}, true))."""
    x, t = _converted(x, dtype)
    return out * (t - _logsumexp_jvp(x, t, dim, True))


def _log_softmax(out, x, dim, dtype=None):
    """self_t - logsumexp_jvp(self_p, self_t, {dim}, true)."""
    x, t = _converted(x, dtype)
    return t - _logsumexp_jvp(x, t, dim, True)


def _logsumexp(out, x, dim, keepdim=False):
    """derivatives.yaml's result: logsumexp_jvp(self_p, self_t, dim, keepdim)."""
    from .ops.reductions import reduce_dims
    dims = reduce_dims(x, dim)
    dims = tuple(range(x.dim())) if dims is None or (dims == () and x.dim()) else dims
    return _logsumexp_jvp(x, _tangent(x), dims, keepdim) if x.dim() else _tangent(x).clone()


def _linear(out, x, weight, bias=None):
    """Through ATen's decomposition of linear (linear.py's): addmm's (self_t + mat1_t.mm(mat2_p) +
    mat1_p.mm(mat2_t)) for a matrix with a bias, and for a contiguous input of another rank with a 1-D one (flattened
    to a matrix, viewed back); else matmul's, then the bias added: out of place where it has a tangent, else in
    place (the tangent copied over from its clone plus zeros)."""
    tx, tw, tb = _tangent(x), _tangent(weight), _tangent(bias)
    tw_t = None if tw is None else tw.t()
    from .linear import strided_layout
    if bias is not None and (x.dim() == 2 or x.is_contiguous() and (x.dim() == 3 or bias.dim() == 1 and
                                                                    strided_layout())):
        flat = (lambda t: t) if x.dim() == 2 else (lambda t: t.reshape(int(np.prod(x.shape[:-1])), x.shape[-1]))
        terms = _terms(None, tb, None if tx is None else flat(tx).mm(weight.t()),
                       None if tw is None else flat(x).mm(tw_t))
        flat_shape = (int(np.prod(out.shape[:-1])), out.shape[-1])
        if tuple(terms.shape) != flat_shape:  # (the bias's tangent alone: broadcast, as adding the zeros does)
            terms = terms.expand(flat_shape).contiguous()
        return terms if x.dim() == 2 else terms.view(out.shape)
    t = _matmul_tangent(x, tx, weight.t(), tw_t)
    if bias is not None and tb is None and t is not None and t.requires_grad:
        return t.copy_(t.clone() + _minus_zero(t))
    return _fit(t if tb is None else _terms(None, t, tb), out)


def _where(out, condition, x, y):
    """where(condition, self_t, other_t), an absent tangent as zeros."""
    from .creation import zeros_like
    from .ops.comparison import where
    tx, ty = _tangent(x), _tangent(y)
    if tx is None and ty is None:
        return None
    tx = tx if tx is not None else zeros_like(x) if isinstance(x, Tensor) else 0.0
    ty = ty if ty is not None else zeros_like(y) if isinstance(y, Tensor) else 0.0
    return where(condition, tx, ty)


def _by_backward(name, fn):
    """auto_element_wise for an op of one tensor outside the unary family (clamp, gelu, leaky_relu, ...): its own
    backward formula applied to the tangent, run through the op's node on a fresh leaf."""
    from . import autograd

    def rule(out, x, *args, **kwargs):
        if name in ("clamp", "clip") and any(isinstance(a, Tensor) for a in list(args) + list(kwargs.values())):
            return _clamp_jvp(out, x, *args, **kwargs)
        if _has_tangent(args, kwargs):
            _unsupported(name)
        leaf = x.detach().requires_grad_(True)
        with autograd.enable_grad():
            y = fn(leaf, *args, **kwargs)
            grad, = autograd.run_backward([y], [_tangent(x)], False, False, inputs=[leaf], allow_unused=True)
        return grad
    return rule


def _clamp_jvp(out, x, min=None, max=None):
    """clamp.Tensor's clamp_jvp (FunctionsManual): the tangent of whichever bound or self the result took, an absent
    tangent as zeros."""
    from .creation import zeros_like
    from .ops.comparison import where

    def tangent(t):
        got = _tangent(t) if isinstance(t, Tensor) else None
        return zeros_like(out) if got is None else got
    tx = tangent(x)
    if min is not None and max is not None:
        return _fit(where(min > max, tangent(max), where(x < min, tangent(min), where(x > max, tangent(max), tx))), out)
    if min is not None:
        return _fit(where(x > min, tx, tangent(min)), out)
    return _fit(tx if max is None else where(x < max, tx, tangent(max)), out)


# PyTorch's ops of no forward-AD formula (they raise, under this name), and the ops that draw random numbers
# (running them again would draw again): neither gets the tangent of the double backward below
_TORCH_UNSUPPORTED = {"cdist": "_cdist_forward", "pdist": "_pdist_forward", "multi_margin_loss": "multi_margin_loss",
                      "multilabel_margin_loss": "multilabel_margin_loss_forward", "embedding_bag": "_embedding_bag",
                      "ctc_loss": "_ctc_loss",
                      "grid_sample": lambda input, *args, **kwargs: f"grid_sampler_{input.dim() - 2}d"}
_TORCH_UNSUPPORTED.update(grid_sampler=_TORCH_UNSUPPORTED["grid_sample"], _embedding_bag="_embedding_bag",
                          grid_sampler_2d="grid_sampler_2d", grid_sampler_3d="grid_sampler_3d")
_DRAWS = ("dropout", "alpha_dropout", "feature_alpha_dropout", "dropout1d", "dropout2d", "dropout3d",
          "gumbel_softmax", "fractional_max_pool2d", "fractional_max_pool3d")


_OWN_FORMULA = frozenset({"renorm", "linear", "bilinear", "scaled_dot_product_attention"})  # ops computed of others under no_grad, or ending
# in an op of a dual operand that does not see the others (linear's add_ of a bias, bilinear's + bias): their inner
# ops' tangents would miss terms
_ROWS_AT_MOST = 4096  # outputs up to this many elements: the Jacobian's rows, one backward each


def _by_jacobian(name, fn):
    """An op of no rule here, whose formula PyTorch has (norms, reductions, losses, normalizations, ...): the op
    runs again under enable_grad on fresh leaves sharing the primals' data, and each output element's tangent is
    its row of the Jacobian (one backward of the op's own node, tested on its own) times the inputs' tangents; a
    larger output differentiates the backward instead (J t = d/dv <J^T v, t>), when that backward is itself
    differentiable. An in-place op has no such rule (it would write again)."""
    import numpy as np
    from . import autograd
    from .creation import zeros_like

    def rule(out, *args, **kwargs):
        if name == "rrelu" and (args[3] if len(args) > 3 else kwargs.get("training", False)):
            _unsupported(name)  # (training: it draws)
        leaves, tangents = {}, []
        for a in list(args) + list(kwargs.values()):
            for x in (a if isinstance(a, (list, tuple)) else (a,)):
                if _tangent(x) is not None and id(x) not in leaves:
                    leaves[id(x)] = x.detach().requires_grad_(True)
                    tangents.append(_tangent(x))

        def swap(a):
            if isinstance(a, (list, tuple)):
                return type(a)(swap(x) for x in a)
            return leaves.get(id(a), a) if isinstance(a, Tensor) else a
        inputs = list(leaves.values())
        recording = autograd._grad_enabled[0]  # (under no_grad the tangent has no history either)
        ys = []
        try:
            with autograd.enable_grad():
                again = fn(*[swap(a) for a in args], **{k: swap(v) for k, v in kwargs.items()})
                ys = [again] if isinstance(again, Tensor) else list(again)
                ts = [_jvp_of(y, inputs, tangents, np, autograd, zeros_like, recording)
                      if isinstance(y, Tensor) and y.dtype.is_floating_point else None for y in ys]
        except NotImplementedError:
            raise
        except Exception:  # (a backward of no derivative here)
            refused = next((y.grad_fn.op for y in ys if isinstance(y, Tensor) and _not_implemented(y)), None)
            if refused is None:
                _unsupported(name)
            from .errors import make  # (an op derivatives.yaml marks not_implemented: its forward AD refuses alike)
            raise make("NotImplementedError", ATEN_UNSUPPORTED.format(f"aten::{refused}"))
        return ts[0] if isinstance(out, Tensor) else ts
    return rule


def _not_implemented(y):
    return y.grad_fn is not None and y.grad_fn.name_ == "NotImplemented"


def _jvp_of(y, inputs, tangents, np, autograd, zeros_like, recording, own=()):
    """y's tangent from its graph over the fresh leaves `inputs` (`own`: more fresh leaves, of no tangent): none
    where the op has no derivative at all (torch.special's Bessel functions: their results never require grad)."""
    if not y.requires_grad:
        return None
    n = y.numel()
    # (a tangent or a weight that requires grad: the tangent keeps its history, as PyTorch's formula's would)
    if n <= _ROWS_AT_MOST and recording and (any(t.requires_grad for t in tangents) or
                                             autograd.reaches_other_leaf(y, list(inputs) + list(own))):
        from .ops.joining import stack
        rows = []
        for k in range(n):
            e = np.zeros(n, y.dtype.np)
            e[k] = 1
            onehot = type(y)._new(e.reshape(y._shape), y.dtype)
            grads = autograd.run_backward([y], [onehot], True, True, inputs=inputs, allow_unused=True)
            terms = [(g * t).sum() for g, t in zip(grads, tangents) if g is not None]
            total = terms[0] if terms else zeros_like(y).sum()
            for term in terms[1:]:
                total = total + term
            rows.append(total)
        return stack(rows).view(y.shape)
    if n <= _ROWS_AT_MOST:
        values = np.zeros(n, y.dtype.np)
        ts = [t._np for t in tangents]
        for k in range(n):
            e = np.zeros(n, y.dtype.np)
            e[k] = 1
            onehot = type(y)._new(e.reshape(y._shape), y.dtype)
            grads = autograd.run_backward([y], [onehot], True, False, inputs=inputs, allow_unused=True)
            # (sums from -0, the identity of +, so a tangent whose terms are all -0 stays -0 as a formula's would)
            values[k] = sum((np.sum(g._np * t, dtype=y.dtype.np, initial=-0.0) for g, t in zip(grads, ts)
                             if g is not None), y.dtype.np.type(-0.0))
        return type(y)._new(values.reshape(y._shape), y.dtype)
    v = zeros_like(y).requires_grad_(True)
    grads = autograd.run_backward([y], [v], True, True, inputs=inputs, allow_unused=True)
    used = [(g, t) for g, t in zip(grads, tangents) if g is not None]
    if any(not g.requires_grad for g, _ in used):
        raise ValueError("not differentiable twice")
    if not used:
        return zeros_like(y).detach()
    r, = autograd.run_backward([g for g, _ in used], [t for _, t in used], True, False, inputs=[v],
                               allow_unused=True)
    return zeros_like(y).detach() if r is None else r


def _nll_loss(jacobian, out, input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
              reduction="mean"):
    """nll_loss_forward(self_t, target, weight, reduction, ignore_index): the loss of the tangent (it is linear)."""
    from .loss import nll_loss
    if _tangent(weight) is not None or size_average is not None or reduce is not None:
        return jacobian(out, input, target, weight, size_average, ignore_index, reduce, reduction)
    return nll_loss(_tangent(input), target, weight, reduction, ignore_index)


def _cross_entropy(jacobian, out, input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                   reduction="mean", label_smoothing=0.0):
    """Class indices without smoothing: ATen's composite's, log_softmax's tangent then nll_loss's of it."""
    from .loss import nll_loss
    if _tangent(weight) is not None or size_average is not None or reduce is not None or label_smoothing > 0 or \
            target.shape == input.shape or target.dtype.is_floating_point:
        return jacobian(out, input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing)
    return nll_loss(_log_softmax(None, input, 0 if input.dim() == 1 else 1), target, weight, reduction, ignore_index)


_LOSSES = {"nll_loss": _nll_loss, "cross_entropy": _cross_entropy}


def _double_backward_applies(name, fn):
    """Not an in-place op, a draw, or an op PyTorch has no formula for; not a row of the unary family (whose
    formula is the row's own, found when it loads)."""
    if name.endswith("_") or name.startswith("__i") or name == "__setitem__" or name in _TORCH_UNSUPPORTED or \
            name in _DRAWS:
        return False
    lazy = getattr(fn, "lazy", None)
    return lazy is None or getattr(lazy.fn, "formula", None) is None


def _mse_loss(out, a, b, size_average=None, reduce=None, reduction="mean", weight=None):
    """apply_loss_reduction(mse_loss_backward(self_t, self_p, target_p) + mse_loss_backward(target_t, target_p,
    self_p), reduction), mse_loss_backward(grad, input, target) being 2. * (input - target) * grad."""
    if size_average is not None or reduce is not None or weight is not None:
        _unsupported("mse_loss")
    ta, tb = _tangent(a), _tangent(b)
    t = _terms(None, None if ta is None else 2. * (a - b) * ta, None if tb is None else 2. * (b - a) * tb)
    return t.mean() if reduction == "mean" else t.sum() if reduction == "sum" else t


def _dropout(out, x, *args, **kwargs):
    """Dropout that returned its input (eval, p=0): the input's tangent; a drawn mask has no rule here."""
    if out is x:
        return _tangent(x)
    _unsupported("native_dropout")


def _returned_input(name):
    """F.alpha_dropout, feature_alpha_dropout, dropout1d/2d/3d: in eval (or p=0) they return the input itself, whose
    tangent is the result's; in training their composites' own ops (a mask's mul) gave the tangent."""
    def rule(out, x, *args, **kwargs):
        if out is x:
            return _tangent(x)
        _unsupported(name)
    return rule


def _matmul(out, a, b):
    """matmul's tangent through ATen's decomposition of matmul (linalg.matmul's): the product rule of the op it
    lands on (dot, mv, mm, bmm: t1 op b + a op t2, zeros where absent), then its reshapes of the result."""
    return _fit(_matmul_tangent(a, _tangent(a), b, _tangent(b)), out)


def _matmul_tangent(a, ta, b, tb):
    if ta is None and tb is None:
        return None
    from .ops.core import should_fold
    from .ops.views import _unsafe_view

    def both(f, p, t):  # (a reshape of an operand, on its primal and its tangent)
        return f(p), None if t is None else f(t)

    def core(op, x, tx, y, ty):
        return _product_terms(None, None if tx is None else getattr(tx, op)(y), y,
                              None if ty is None else getattr(x, op)(ty), x)
    da, db = a.dim(), b.dim()
    if (da, db) in ((1, 1), (2, 1), (2, 2)):
        return core({1: "dot", 2: "mv"}[da] if db == 1 else "mm", a, ta, b, tb)
    if (da, db) == (1, 2):
        return core("mm", *both(lambda t: t.unsqueeze(0), a, ta), b, tb).squeeze_(0)
    if da == 3 and db == 3 and (a.shape[0] == 1) != (b.shape[0] == 1):  # (a batch of one that requires grad)
        if a.shape[0] == 1 and a.requires_grad:
            return _matmul_tangent(*both(lambda t: t.squeeze(0), a, ta), b, tb)
        if b.shape[0] == 1 and b.requires_grad:
            return _matmul_tangent(a, ta, *both(lambda t: t.squeeze(0), b, tb))
    if should_fold(a, b):
        transpose = db > da
        big, tbig = both(lambda t: t.transpose(-2, -1), b, tb) if transpose else (a, ta)
        small, tsmall = both(lambda t: t.t() if t.dim() == 2 else t, a, ta) if transpose else (b, tb)
        shape = tuple(big.shape[:-1])
        folded, tfolded = both(lambda t: t.reshape(int(np.prod(shape)), big.shape[-1]), big, tbig)
        if small.dim() == 2:
            res = _unsafe_view(core("mm", folded, tfolded, small, tsmall), shape + (small.shape[1],))
            return res.transpose(-2, -1).contiguous() if transpose else res
        return _unsafe_view(core("mv", folded, tfolded, small, tsmall), shape)
    n, m1 = a.shape[-2] if da > 1 else 1, a.shape[-1]
    m2, p = b.shape[-2] if db > 1 else b.shape[0], b.shape[-1] if db > 1 else 1
    batch = tuple(np.broadcast_shapes(tuple(a.shape[:max(da - 2, 0)]), tuple(b.shape[:db - 2]) if db > 1 else ()))
    count = int(np.prod(batch))
    a3, ta3 = both(lambda t: t.expand(batch + (n, m1)).reshape(count, n, m1), a, ta)
    b3, tb3 = both(lambda t: (t.expand(batch + (m2,)).unsqueeze(-1) if db == 1 else t.expand(batch + (m2, p)))
                   .reshape(count, m2, p), b, tb)
    product = core("bmm", a3, ta3, b3, tb3)
    return _unsafe_view(product.squeeze(-1) if db == 1 else product,
                        batch + ((n,) if da > 1 else ()) + ((p,) if db > 1 else ()))


def _addmm(out, x, mat1, mat2, *, beta=1, alpha=1):
    """maybe_multiply(self_t, beta) + maybe_multiply(mat1_t.mm(mat2_p), alpha) + maybe_multiply(mat1_p.mm(mat2_t),
    alpha)."""
    tx, t1, t2 = _tangent(x), _tangent(mat1), _tangent(mat2)
    return _terms(out, _alpha(tx, beta), None if t1 is None else _alpha(t1.mm(mat2), alpha),
                  None if t2 is None else _alpha(mat1.mm(t2), alpha))


def _selecting(pick, fmode=False):
    """maximum/minimum: other_t + where(self_p == other_p, 0.5, pick(self_p, other_p)) * (self_t - other_t);
    fmax/fmin: other_t + pick(self_p, other_p).logical_or_(other_p.isnan()) * (self_t - other_t)
    (derivatives.yaml's formulas, an absent tangent as zeros)."""
    def rule(out, a, b):
        from .ops.comparison import where
        ta, tb = _tangent(a), _tangent(b)  # (an absent one is PyTorch's efficient zeros: adds and takes nothing)
        chosen = pick(a, b).logical_or(b.isnan()) if fmode else where(a == b, 0.5, pick(a, b).to(out.dtype))
        diff = -tb if ta is None else ta if tb is None else ta - tb
        return _fit(chosen * diff if tb is None else tb + chosen * diff, out)
    return rule


def _t0(x):
    """x's tangent, zeros for a tensor of none (PyTorch's formulas read an absent tangent as zeros)."""
    from .creation import zeros_like
    t = _tangent(x)
    return zeros_like(x) if t is None else t


def _scatter_reduce_jvp(out, x, dim, index, src, reduce, *, include_self=True):
    """FunctionsManual's scatter_reduce_jvp: sum and mean are linear (the op on the tangents); amax and amin share
    the tangent evenly among the elements equal to the result; prod has none (an undefined tensor)."""
    if reduce in ("sum", "mean"):
        return _t0(x).scatter_reduce(dim, index, _t0(src), reduce, include_self=include_self)
    if reduce not in ("amax", "amin"):
        return None
    self_is = (x == out).to(x.dtype)
    src_is = (src == out.gather(dim, index)).to(x.dtype)
    count = self_is.scatter_add(dim, index, src_is)
    return (self_is * _t0(x)).scatter_add(dim, index, src_is * _t0(src)).div_(count)


def _index_add_jvp(out, x, dim, index, source, alpha=1):
    t = _t0(source)
    return _t0(x).index_add(dim, index, t if alpha == 1 else t * alpha)


def _fill_t(value):
    """masked_fill/index_fill's value: a tensor's tangent (zeros without one), a number's 0 (the Scalar overload)."""
    return _t0(value) if isinstance(value, Tensor) else 0


# derivatives.yaml's `result:` formulas of the indexing writes: the op itself on the tangents, so a duplicate index
# keeps the tangent of the value the op kept (not a Jacobian row's sum)
_INDEX_RULES = {
    "scatter": lambda out, x, dim, index, src=None, value=None, reduce=None: _t0(x).scatter(
        dim, index, _t0(src) if isinstance(src, Tensor) else 0),
    "scatter_add": lambda out, x, dim, index, src: _t0(x).scatter_add(dim, index, _t0(src)),
    "scatter_reduce": _scatter_reduce_jvp, "index_add": _index_add_jvp,
    "index_copy": lambda out, x, dim, index, source: _t0(x).index_copy(dim, index, _t0(source)),
    "index_put": lambda out, x, indices, values, accumulate=False: _t0(x).index_put(indices, _t0(values), accumulate),
    "put": lambda out, x, index, source, accumulate=False: _t0(x).put(index, _t0(source), accumulate),
    "masked_scatter": lambda out, x, mask, source: _t0(x).masked_scatter(mask, _t0(source)),
    "masked_fill": lambda out, x, mask, value: _t0(x).masked_fill(mask, _fill_t(value)),
    "index_fill": lambda out, x, dim, index, value: _t0(x).index_fill(dim, index, _fill_t(value)),
}
# ops PyTorch refuses before running (no formula: the check precedes the kernel, so no warning of it): the message,
# given the call's keyword arguments (an in-place index_reduce_ is refused after its kernel, in _written)
ATEN_UNSUPPORTED = "Trying to use forward AD with {} that does not support it."
_REFUSED_FIRST = {"index_reduce": lambda kwargs: UNSUPPORTED.format("index_reduce"),
                  "cholesky": lambda kwargs: UNSUPPORTED.format("cholesky"),  # (torch.cholesky: no formula)
                  "linalg_ldl_factor": lambda kwargs: ATEN_UNSUPPORTED.format("aten::linalg_ldl_factor_ex"),
                  "linalg_ldl_factor_ex": lambda kwargs: ATEN_UNSUPPORTED.format("aten::linalg_ldl_factor_ex"),
                  "scatter": lambda kwargs: ATEN_UNSUPPORTED.format("aten::scatter") if kwargs.get("reduce") else None,
                  "scatter_": lambda kwargs: ATEN_UNSUPPORTED.format("aten::scatter_") if kwargs.get("reduce") else None}
SHORT_UNSUPPORTED = ("Trying to use forward AD with {} that does not support it because it has not been implemented "
                     "yet.\nPlease file an issue to PyTorch at https://github.com/pytorch/pytorch/issues/new?"
                     "template=feature-request.yml so that we can prioritize its implementation.")
UNDEFINED_SRC = messages.UNDEFINED_ARGUMENT.format(i=1, name="src")


def _passes(out, *args, **kwargs):  # (an op whose result has no tangent: detach, comparisons)
    return None


_RULES = {
    "add": _add, "sub": _sub, "__rsub__": _rsub, "mul": _mul, "div": _div, "__rtruediv__": _rdiv, "pow": _pow,
    "square": lambda out, a: _pow(out, a, 2), "mm": _products(lambda a, b: a.mm(b)), "matmul": _matmul,
    "mv": _products(lambda a, b: a.mv(b)), "bmm": _products(lambda a, b: a.bmm(b)),
    "outer": _products(lambda a, b: a.outer(b)), "addmm": _addmm,
    "dot": _products(lambda a, b: a.dot(b)),
    "cat": _joined("cat"), "stack": _joined("stack"), "softmax": _softmax, "log_softmax": _log_softmax, "logsumexp": _logsumexp,
    "maximum": _selecting(lambda a, b: a > b), "minimum": _selecting(lambda a, b: a < b),
    "fmax": _selecting(lambda a, b: a > b, True), "fmin": _selecting(lambda a, b: a <= b, True),
    "__pos__": lambda out, a: _tangent(a), "dropout": _dropout, "detach": _passes, "linear": _linear, "where": _where, "mse_loss": _mse_loss,
}
for _name in ("sum", "mean", "view", "view_as", "reshape", "reshape_as", "flatten", "t", "transpose", "permute",
              "unsqueeze", "squeeze", "expand", "expand_as", "select", "narrow", "__getitem__", "clone",
              "contiguous", "float", "double", "to", "neg", "movedim", "unbind", "split", "chunk", "gather",
              "index_select", "flip", "repeat", "tril", "triu", "roll", "cumsum", "swapaxes", "diagonal",
              "unflatten", "take_along_dim", "tile", "diag", "trace", "flatten", "squeeze", "nansum"):
    _RULES[_name] = _linear_op(_name)
_RULES.update(T=lambda out, x: _tangent(x).T, mT=lambda out, x: _tangent(x).mT)
_RULES.update({name: _returned_input(name) for name in ("alpha_dropout", "feature_alpha_dropout", "dropout1d",
                                                        "dropout2d", "dropout3d")})
_RULES.update(_INDEX_RULES)


# -- linear algebra whose input has structure: derivatives.yaml's `result:` formulas (FunctionsManual), which read the
# whole tangent where the backward (and so a Jacobian from it) sees only the triangle or the symmetric part

def _cholesky_jvp(out, A, *, upper=False, check_errors=False):
    """cholesky_jvp(self_t, L, upper): L phi(L^-1 dA L^-H), phi the lower triangle with its diagonal halved."""
    from .ops.decompositions import solve_triangular
    L = out if isinstance(out, Tensor) else out[0]
    L_ = L.mH if upper else L
    dL = solve_triangular(L_, _tangent(A), upper=False, left=True)
    dL = solve_triangular(L_.mH, dL, upper=True, left=False)
    dL = L_.matmul(dL.tril() - dL.diagonal(0, -2, -1).mul(0.5).diag_embed())
    dL = dL.mH if upper else dL
    return dL if isinstance(out, Tensor) else [dL, None]


def _cholesky_inverse_jvp(out, F, upper=False):
    """cholesky_inverse_jvp(F, dF, X, upper): -X dCF X CF plus its conjugate transpose (CF = F for upper, else F^H;
    dCF = dF^H for upper, else dF), as PyTorch writes it."""
    dF = _tangent(F)
    CF, dCF = (F, dF.mH) if upper else (F.mH, dF)
    partial = -out.matmul(dCF).matmul(out).matmul(CF)
    return partial + partial.mH


def _eigh_jvp(out, A, UPLO="L"):
    """linalg_eig_jvp(A_t, L, V, is_hermitian=true): dP = V^H dA V; the eigenvalues' tangent its diagonal, the
    eigenvectors' V (dP / (L_j - L_i), its diagonal zeroed)."""
    L, V = out
    dP = V.mH.matmul(_tangent(A)).matmul(V)
    dV = dP.div(L.unsqueeze(-2) - L.unsqueeze(-1))
    dV.diagonal(0, -2, -1).zero_()
    return [dP.diagonal(0, -2, -1), V.matmul(dV)]


def _triangular_solve_jvp(out, b, A, upper=True, transpose=False, unitriangular=False, **kwargs):
    """triangular_solve_jvp (generic_solve_jvp): triangular_solve(b_t - A_t X, A); the cloned coefficient's tangent
    is A_t."""
    from .ops.decompositions import triangular_solve
    X = out[0]
    tb, tA = _tangent(b), _tangent(A)
    rhs = _t0(b) if tA is None else (-tA.matmul(X) if tb is None else tb - tA.matmul(X))
    dX = triangular_solve(rhs, A, upper, transpose, unitriangular, warn=False)[0]
    return [dX, tA]


def _inv_jvp(out, A, **kwargs):
    """linalg_inv_ex's -matmul(inverse, matmul(A_t, inverse)) (a zero entry of the product is -0)."""
    X = out if isinstance(out, Tensor) else out[0]
    t = -X.matmul(_tangent(A).matmul(X))
    return t if isinstance(out, Tensor) else [t, None]


def _solve_triangular_jvp(out, A, B, *, upper, left=True, unitriangular=False):
    """linalg_solve_triangular_forward_AD: solve_triangular(A, B_t - A_t' X) (A_t' its triangle, past the diagonal
    when unitriangular; right-sided X A_t'); an absent B_t is a zero tensor, so B_t - y is -y."""
    from .ops.decompositions import solve_triangular
    tA, tB = _tangent(A), _tangent(B)
    if tA is None:
        rhs = tB
    else:
        proj = tA.triu(int(unitriangular)) if upper else tA.tril(-int(unitriangular))
        y = proj.matmul(out) if left else out.matmul(proj)
        rhs = -y if tB is None else tB - y
    return solve_triangular(A, rhs, upper=upper, left=left, unitriangular=unitriangular)


_RULES.update(linalg_cholesky=_cholesky_jvp, linalg_cholesky_ex=_cholesky_jvp, cholesky_inverse=_cholesky_inverse_jvp,
              linalg_eigh=_eigh_jvp, triangular_solve=_triangular_solve_jvp, linalg_inv=_inv_jvp,
              linalg_inv_ex=_inv_jvp, inverse=_inv_jvp, linalg_solve_triangular=_solve_triangular_jvp)

COMPLEX_UNSUPPORTED = "tensorsh: forward-mode AD of complex tensors is not supported yet"
UNSUPPORTED = ("Trying to use forward AD with {} that does not support it because it has not been implemented yet.\n"
               "Please file an issue to PyTorch at https://github.com/pytorch/pytorch/issues/new?"
               "template=feature-request.yml so that we can prioritize its implementation or submit a PR adding the "
               "implementation to derivatives.yaml")


def _unsupported(name):
    from .errors import make
    raise make("NotImplementedError", UNSUPPORTED.format(name))


def _float_outputs(out):
    if isinstance(out, Tensor):
        return [out] if out.dtype.is_floating_point else []
    if isinstance(out, (list, tuple)):
        return [o for o in out if isinstance(o, Tensor) and o.dtype.is_floating_point]
    return []


# derivatives.yaml's auto_element_wise ops of one tensor that are no row of the unary family
_BY_BACKWARD = frozenset({"clamp", "clip", "clamp_min", "clamp_max", "gelu", "leaky_relu", "silu", "softplus",
                          "hardtanh", "relu6", "mish", "hardsigmoid", "hardswish",
                          # (elementwise rows of no unary formula here: a Jacobian's rows would carry a pole's NaN of
                          # one element into every other, 0 * nan; torch.special's spellings were given no tangent)
                          "lgamma", "digamma", "erfinv", "logit", "mvlgamma", "special_digamma", "special_psi",
                          "special_gammaln", "special_erfinv", "special_logit", "special_multigammaln", "special_i1",
                          "special_i0e", "special_i1e", "special_erfcx", "special_ndtri", "special_log_ndtr",
                          "special_ndtr", "special_entr"})
_N_FIRST = frozenset({"polygamma", "special_polygamma"})  # (polygamma(n, x): elementwise in its second argument)


def _polygamma_jvp(fn, out, a, b):
    """polygamma's auto_element_wise in x, whichever place x has (polygamma(n, x), x.polygamma(n))."""
    if isinstance(a, Tensor):
        return _by_backward("polygamma", fn)(out, a, b)
    return _by_backward("polygamma", lambda x, n: fn(n, x))(out, b, a)


def _with_tangent(name, fn):
    rule = _passes if _passes_through(name) else _by_backward(name, fn) if name in _BY_BACKWARD else \
        _applied(fn) if name in _APPLIED else _RULES.get(name)
    if name in _N_FIRST:  # (torch.polygamma(n, x); the method x.polygamma(n) has the same row)
        rule = functools.partial(_polygamma_jvp, fn)
    if rule is None and getattr(fn, "formula", None) is None and _double_backward_applies(name, fn):
        rule = _by_jacobian(name, fn)
        if name in _LOSSES:
            rule = functools.partial(_LOSSES[name], rule)
        elif _unloaded_row(fn):
            rule = _unless_unary(fn.lazy, rule)
    formula = getattr(fn, "formula", None)
    writes = name == "__setitem__" or (name.endswith("_") and not name.startswith("_") and rule is None and
                                       formula is None)

    def run(*args, **kwargs):
        duals = _SEEN[0] is not None and not _BUSY[0] and _duals(args, kwargs)
        if duals:  # (an inner op of a composite: its dual inputs reached an op that computes tangents)
            _SEEN[0].update(duals)
        refused = name in _REFUSED_FIRST and not _BUSY[0] and _has_tangent(args, kwargs) and _REFUSED_FIRST[name](kwargs)
        if refused:
            from .errors import make
            raise make("NotImplementedError", refused)
        if writes and not _BUSY[0] and args and isinstance(args[0], Tensor) and args[0].dtype.is_floating_point \
                and _has_tangent(args, kwargs):
            return _written(name, fn, args, kwargs)
        if kwargs.get("inplace") is True and not _BUSY[0] and args and isinstance(args[0], Tensor) and \
                _has_tangent(args, kwargs):  # (F.relu(x, inplace=True): the tangent of the op out of place)
            if name in _INPLACE_UNSUPPORTED:
                _unsupported(_INPLACE_UNSUPPORTED[name])
            _BUSY[0] = True
            try:
                before = args[0].clone()
                out = fn(*args, **kwargs)
            finally:
                _BUSY[0] = False
            if _tangent(args[0]) is not None:
                _set(before, _tangent(args[0]))
            new = _tangent(run(before, *args[1:], **dict(kwargs, inplace=False)))
            return out if new is None else _put_tangent(args[0], new, out)
        outer, _SEEN[0] = _SEEN[0], set()
        outer_dropped, TANGENT_DROPPED[0] = TANGENT_DROPPED[0], False
        try:
            out = fn(*args, **kwargs)
        finally:
            seen, _SEEN[0] = _SEEN[0], outer
            dropped, TANGENT_DROPPED[0] = TANGENT_DROPPED[0], outer_dropped or TANGENT_DROPPED[0]
        if _BUSY[0] or not _has_tangent(args, kwargs):
            return out
        if any(isinstance(o, Tensor) and o.dtype.is_complex for o in (out if isinstance(out, (list, tuple)) else
                                                                       (out,))):
            raise runtime(COMPLEX_UNSUPPORTED)
        if not _float_outputs(out):
            if name == "__setitem__":  # (a write into a dual tensor, or of one: its tangent would be stale)
                _unsupported("index_put_")
            return out
        outs = _float_outputs(out)
        if name not in _OWN_FORMULA and name not in _TORCH_UNSUPPORTED and not dropped and \
                all(_tangent(o) is not None and not any(o is a for a in args) for o in outs) and \
                _duals(args, kwargs) <= seen:
            return out  # (a composite whose own ops gave the tangents: F.softmax's Tensor.softmax; not where a dual
            # input went only through kernels computing none, as scaled_dot_product_attention's math for q and k)
        _BUSY[0] = True
        try:
            _tangents(name, rule, formula, fn, out, args, kwargs)
        finally:
            _BUSY[0] = False
        return out
    return run


def _written(name, fn, args, kwargs):
    """An in-place op (or a write x[key] = value) on a float tensor, where a tangent is involved: the written
    tensor's tangent becomes its out-of-place twin's on the values before the write (x.mul_(y): the tangent of
    x_before * y), written into its tangent in place (a view's tangent is a view of its base's); x[key] = value puts
    value's tangent (zeros without one) at key; copy_ takes the source's, fill_ and zero_ zeros."""
    from .creation import zeros_like
    self = args[0]
    _BUSY[0] = True
    try:
        before = self.clone()
        out = fn(*args, **kwargs)
        if name == "__setitem__" or name in ("copy_", "fill_", "zero_"):
            t = _tangent(self)
            new = zeros_like(self) if t is None or name != "__setitem__" else t.clone()
            value = args[2] if name == "__setitem__" else args[1] if name == "copy_" else None
            vt = _tangent(value)
            if name == "__setitem__":
                new[args[1]] = 0.0 if vt is None else vt
            elif vt is not None:
                new.copy_(vt)
            return _put_tangent(self, new, out)
    finally:
        _BUSY[0] = False
    twin = _out_of_place(name[:-1], type(self))
    if twin is None or name[:-1] in _INPLACE_UNSUPPORTED:
        _unsupported(_INPLACE_UNSUPPORTED.get(name[:-1], name))
    if name == "index_reduce_":
        from .errors import make
        raise make("NotImplementedError", SHORT_UNSUPPORTED.format(name))
    had = _tangent(self) is not None
    if had:
        _set(before, _tangent(self))
    new = _tangent(twin(before, *args[1:], **kwargs))
    if new is None and name[:-1] in _INDEX_RULES:  # (a formula's undefined tensor: scatter_reduce_ of prod)
        if had:  # (copied into self's tangent)
            raise runtime(UNDEFINED_SRC)
        return out
    if new is None:
        _unsupported(name)
    return _put_tangent(self, new, out)


# in-place ops whose ATen op has no forward formula while the out-of-place one has (rrelu_'s rrelu_with_noise_)
_INPLACE_UNSUPPORTED = {"rrelu": "rrelu_with_noise_"}


def _out_of_place(name, cls):
    """An in-place op's out-of-place twin (its tangent is the write's): the method, else torch.<name> (torch.selu_'s
    selu), else nn.functional's (F.elu_'s F.elu, F.threshold_'s F.threshold)."""
    twin = getattr(cls, name, None)
    if twin is None:
        from .ops.registry import FUNCTIONS
        twin = FUNCTIONS.get(name)
    nn = sys.modules.get("tensorsh.nn")
    if twin is None and nn is not None:
        twin = nn.NAMESPACE["functional"]._members.get(name)
    return twin


def _put_tangent(self, new, out):
    t = _tangent(self)
    if t is not None and t.shape == new.shape and t.dtype is new.dtype:
        _BUSY[0], busy = True, _BUSY[0]
        try:
            t.copy_(new)
        finally:
            _BUSY[0] = busy
    else:  # (PyTorch's formulas write into the absent tangent as zeros: never the other operand's own tangent)
        _BUSY[0], busy = True, _BUSY[0]
        try:
            from .creation import zeros_like
            _set(self, zeros_like(self).add_(new))
        finally:
            _BUSY[0] = busy
    return out


def _auto_element_wise(fn, formula, out, args):
    """A row of the unary family: its backward formula on the tangent (auto_element_wise), so a zero tangent times
    a negative derivative is -0 as in PyTorch."""
    return formula(_tangent(args[0]), *(out if saved == "result" else args[0]
                                        for saved in (fn.saves.split("+") if fn.saves else ())))


def _unloaded_row(fn):
    from .ops.registry import Lazy
    return isinstance(getattr(fn, "lazy", None), Lazy) and fn.lazy.fn is None


def _unless_unary(lazy, jacobian_rule):
    """The rule of a row of a module not loaded when the swaps were found (torch.i0, sinc, lgamma, mvlgamma, ...):
    once the call has loaded it, a unary row's own formula (auto_element_wise), else the Jacobian's rule."""
    def rule(out, *args, **kwargs):
        loaded = lazy.fn
        formula = getattr(loaded, "formula", None)
        if formula is None:
            return jacobian_rule(out, *args, **kwargs)
        return _auto_element_wise(loaded, formula, out, args)
    return rule


def _tangents(name, rule, formula, fn, out, args, kwargs):
    if rule is not None:
        tangent = rule(out, *args, **kwargs)
    else:
        if formula is None:  # (a row of a module loaded on first use: its function, loaded now)
            fn = getattr(getattr(fn, "lazy", None), "fn", None)
            formula = getattr(fn, "formula", None)
            if formula is None:
                refused = _TORCH_UNSUPPORTED.get(name, name.strip("_") if name.startswith("__") else name)
                _unsupported(refused(*args, **kwargs) if callable(refused) else refused)
        tangent = _auto_element_wise(fn, formula, out, args)
    if isinstance(out, Tensor):
        _set(out, _laid_out(out, tangent))
    elif tangent is not None:
        for o, t in zip(out, tangent):
            _set(o, _laid_out(o, t))


def _laid_out(primal, tangent):
    """set_fw_grad's basic layout constraint: an output that is no view gets its tangent in its own strides (a
    formula's result in another layout is copied into a tensor laid out as the primal: linalg's column-major results)."""
    if tangent is None or primal._is_view() or tangent.shape != primal.shape or tangent.stride() == primal.stride():
        return tangent
    from .ops.core import empty_strided
    return empty_strided((tuple(primal.shape), primal.stride(), 0), tangent.dtype).copy_(tangent)


def _set(t, tangent):
    if tangent is not None:
        t._fw_grad = tangent
        _DUALS.append(weakref.ref(t))


def _cells(f, depth=3):
    for cell in getattr(f, "__closure__", None) or ():
        try:
            v = cell.cell_contents
        except ValueError:
            continue
        yield cell, v
        if depth and callable(v) and hasattr(v, "__closure__"):
            yield from _cells(v, depth - 1)


_PLAN = [None, []]  # what the last discovery found to swap, and for which loaded modules: later levels reuse it


def _put(holder, name, value):
    if name is None:
        holder.cell_contents = value
    elif isinstance(holder, dict):
        holder[name] = value
    else:
        setattr(holder, name, value)


def _swap(holder, name, original, replacement):
    _put(holder, name, replacement)
    _SWAPPED.append((holder, name, original))
    _PLAN[1].append((holder, name, original, replacement))


def _install():
    """Swap in the tangent-computing functions: found once (~40 ms: every row's spellings, torch.nn's functions and
    layers), then reused while the set of loaded engine and nn modules stays the same."""
    from .ops.registry import ROWS
    key = (len(ROWS), tuple(name for name in sys.modules if name.startswith("tensorsh.nn")))
    if _PLAN[0] == key:
        for holder, name, original, replacement in _PLAN[1]:
            _put(holder, name, replacement)
            _SWAPPED.append((holder, name, original))
        return
    _PLAN[0], _PLAN[1] = key, []
    _discover()


def _discover():
    from .ops.registry import ROWS, FUNCTIONS, Lazy, _LazyMethod
    fns = {}
    for row in ROWS.values():
        if not isinstance(row.fn, Lazy) and (callable(row.fn) or isinstance(row.fn, property)):
            fns.setdefault(id(row.fn), (row.name, row.fn))
    for name, v in list(vars(Tensor).items()):  # (a row's function bound as it is: x[key]; a property: x.T)
        hit = fns.get(id(v))
        if hit is not None and hit[1] is v:
            _swap(Tensor, name, v, property(_with_tangent(hit[0], v.fget)) if isinstance(v, property) else
                  _with_tangent(hit[0], v))
    holders = list(FUNCTIONS.values()) + [v for v in vars(Tensor).values() if callable(v)]
    nn, F_module = sys.modules.get("tensorsh.nn"), sys.modules.get("tensorsh.nn.functional")
    if nn is not None and F_module is not None:  # (torch.nn loaded: the engine never imports the layer above it)
        by_function = {}
        members = nn.NAMESPACE["functional"]._members  # nn.functional's functions, as the namespace and layers call them
        functions = [(name, v) for name, v in members.items()
                     if isinstance(v, types.FunctionType) and name[0] != "_" and not name.endswith("_")]
        for table in (members, vars(F_module)):
            for name, v in list(table.items()):
                # (F.elu_ too: its out-of-place twin's tangent)
                if isinstance(v, types.FunctionType) and name[0] != "_":
                    by_function[id(v)] = _with_tangent(name, v)
                    _swap(table, name, v, by_function[id(v)])
        for module_name, module in list(sys.modules.items()):  # (the layers' own modules call the functions by
            # their global names: nn.Upsample's interpolate, nn.RMSNorm's rms_norm)
            if module_name.startswith("tensorsh.nn.") and module is not None and module is not F_module:
                table = vars(module)
                for name, v in list(table.items()):
                    if isinstance(v, types.FunctionType) and id(v) in by_function:
                        _swap(table, name, v, by_function[id(v)])
        callees = set()
        for name, v in functions:
            for holder, attr, inner in _engine_callees(v):
                if (id(holder), attr) not in callees:
                    callees.add((id(holder), attr))
                    _swap(holder, attr, inner, _with_tangent(attr or name, inner))
        _layers(by_function)
    done = set()
    for h in holders:
        for cell, v in _cells(h):
            hit = fns.get(id(v))
            if type(v) is _LazyMethod:  # (a row of a module loaded on first use)
                hit = (v.lazy.name, v)
            if hit is not None and id(cell) not in done and hit[1] is v:
                done.add(id(cell))
                _swap(cell, None, v, _with_tangent(hit[0], v))
    for name, h in list(FUNCTIONS.items()) + [(k, v) for k, v in vars(Tensor).items() if type(v) is _LazyMethod]:
        if type(h) is _LazyMethod and id(h) not in done:  # (torch.cdist: a row of a lazy module, bound as it is)
            done.add(id(h))
            _swap(h, "lazy", h.lazy, _Loaded(h.lazy.name, _with_tangent(h.lazy.name or name, _LazyMethod(h.lazy))))
    from .torch_api import NAMESPACE
    for space in ("linalg", "special", "fft"):  # torch.linalg.*, torch.special.*, torch.fft.*, in their namespaces
        members = NAMESPACE[space]._members
        for name, v in list(members.items()):
            if callable(v) and not isinstance(v, type):
                inner = _parsed_target(v)
                if inner is None:
                    _swap(members, name, v, _with_tangent(f"{space}_{name}", v))
                else:  # (behind its argument parser: a reference taken before the level, jvp(torch.linalg.inv, ...),
                    # calls it too)
                    _swap(inner[0], None, inner[1], _with_tangent(f"{space}_{name}", inner[1]))
    for name, h in FUNCTIONS.items():  # torch.<name> of no row (torch.where): the function behind the parser
        target = getattr(h, "__wrapped__", None)
        if isinstance(target, types.FunctionType) and not _passes_through(name):
            for cell, v in _cells(h, 0):
                if v is target and id(cell) not in done:
                    done.add(id(cell))
                    _swap(cell, None, v, _with_tangent(name, v))


def _engine_callees(fn):
    """(holder, attribute or None for a closure cell, function) of the engine functions an nn.functional function
    calls itself: the op in its closure (F.silu's, the target of F.gelu's argument parser) or an engine module's
    attribute (F.elu's `_act.elu`, F.relu6's `_act.hardtanh`). A reference taken before the level (`jvp(F.gelu,
    ...)`, `jacfwd(F.silu)`, a layer's `self.act = F.elu`) calls the original function, which reaches these."""
    for cell, inner in _cells(fn, 0):
        if isinstance(inner, types.FunctionType) and inner.__module__.startswith("tensorsh.engine.") \
                and not hasattr(inner, "__wrapped__"):
            yield cell, None, inner
    names = fn.__code__.co_names
    for module in {id(m): m for m in map(fn.__globals__.get, names) if isinstance(m, types.ModuleType)}.values():
        if module.__name__.startswith("tensorsh.engine."):
            for attr in names:
                inner = vars(module).get(attr)
                if isinstance(inner, types.FunctionType) and inner.__module__ == module.__name__:
                    yield module, attr, inner


def _parsed_target(fn):
    """(the closure cell, the function) that a namespace member's argument parser (signatures.checked) calls, or
    None for a member of no parser."""
    target = getattr(fn, "__wrapped__", None) if getattr(fn, "__signature_checked__", False) else None
    for cell, v in _cells(fn, 0) if target is not None else ():
        if v is target:
            return cell, v
    return None


class _Loaded:
    """A loaded Lazy standing for another while a level is open (a _LazyMethod calls its `lazy.fn`)."""
    __slots__ = ("name", "fn")

    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def load(self):
        return self.fn


def _passes_through(name):
    """Functions whose float results have no tangent in PyTorch (factories, *_like, random draws)."""
    return name.endswith("_like") or name.startswith(("new_", "rand", "zeros", "ones", "empty", "full",
                                                      "bernoulli", "multinomial")) or name in (
        "tensor", "as_tensor", "detach", "arange", "linspace", "logspace", "eye", "from_numpy", "normal", "normal_",
        "poisson")
    # (torch.normal and torch.poisson by their names: F.normalize and F.poisson_nll_loss have tangents)


def _layers(by_function):
    """nn's layers that hold their function (`_function = staticmethod(F.silu)`) call the swapped one; any other
    layer whose float result lost the tangent of its input raises rather than return it without."""
    Module = sys.modules["tensorsh.nn.module"].Module
    for name, module in list(sys.modules.items()):
        if name.startswith("tensorsh.nn.") and module is not None:
            for cls in list(vars(module).values()):
                if isinstance(cls, type) and issubclass(cls, Module):
                    for attr, v in list(vars(cls).items()):
                        if isinstance(v, staticmethod) and id(v.__func__) in by_function:
                            _swap(cls, attr, v, staticmethod(by_function[id(v.__func__)]))
    call = Module.__call__

    def checked_call(self, *args, **kwargs):
        out = call(self, *args, **kwargs)
        if not _BUSY[0] and _has_tangent(args, kwargs) and any(_tangent(o) is None for o in _float_outputs(out)):
            _unsupported(type(self).__name__)
        return out
    _swap(Module, "__call__", call, checked_call)


def _uninstall():
    while _SWAPPED:
        _put(*_SWAPPED.pop())


def layer_loaded():
    """torch.nn, loaded (on a program's first use) while a level is open: its functions and layers swapped too (else
    F.gelu(dual) would return no tangent)."""
    if _LEVEL[0] is not None:
        _uninstall()
        _install()


# -- the API ---------------------------------------------------------------------------------------------------

def enter_dual_level():
    if _LEVEL[0] is not None:
        raise runtime("Nested forward mode AD is not supported at the moment")
    _install()
    _LEVEL[0] = 0
    return 0


def exit_dual_level(*, level=None):
    if level is None:
        level = _LEVEL[0]
    if level is None or level != _LEVEL[0]:
        raise runtime("Dual level must be a positive number." if _LEVEL[0] is None else
                      "Trying to exit a forward AD level that was not the last one that was created. This is not "
                      "supported.")
    _uninstall()
    _LEVEL[0] = None
    for ref in _DUALS:
        t = ref()
        if t is not None:
            t._fw_grad = None
    _DUALS.clear()


class dual_level:
    __module__ = "torch.autograd.forward_ad"

    def __enter__(self):
        return enter_dual_level()

    def __exit__(self, *exc):
        exit_dual_level()
        return False


def make_dual(tensor, tangent, *, level=None):
    if level is None:
        level = _LEVEL[0]
        if level is None:
            raise runtime("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
                          "enter_dual_level() first.")
    if level != _LEVEL[0]:
        raise runtime("Invalid level given to _make_dual")
    for name, t in (("primal", tensor), ("tangent", tangent)):
        if not (t.dtype.is_floating_point or t.dtype.is_complex):
            raise value_error(f"Expected {name} to be floating point or complex, but got: {t.dtype}")
        if t.dtype.is_complex:
            raise runtime(COMPLEX_UNSUPPORTED)
    if _tangent(tensor) is not None:  # (_make_dual's first check, before set_fw_grad's of the size)
        raise runtime(f"Making a dual Tensor based on a Tensor that already has a forward gradient at the same level "
                      f"{level} is not supported.")
    _check_size(tensor, tangent)
    _BUSY[0] = True
    try:
        dual = tensor.view_as(tensor)
        if not _same_meta(tangent, dual):  # (set_fw_grad's layout rule: the tangent copied into the primal's layout)
            from .creation import zeros
            tangent = zeros(_storage_numel(tensor), dtype=tensor.dtype).as_strided(
                tensor.shape, tensor.stride(), tensor.storage_offset()).copy_(tangent)
    finally:
        _BUSY[0] = False
    _set(dual, tangent)
    return dual


def _storage_numel(t):
    return t.untyped_storage().nbytes() // t.element_size()


def _same_meta(a, b):
    """has_same_meta: as many elements in storage, the same strides, sizes and offset."""
    return _storage_numel(a) == _storage_numel(b) and a.stride() == b.stride() and a.shape == b.shape and \
        a.storage_offset() == b.storage_offset()


def _check_size(tensor, tangent):
    if tangent.shape != tensor.shape:
        raise runtime(f"Trying to set a forward gradient that has a different size than that of the original Tensor, "
                      f"this is not supported. Tensor is of size {list(tensor.shape)} while the given forward "
                      f"gradient is of size {list(tangent.shape)}.")


def custom_function_jvp(cls, ctx, inputs, outputs):
    """PyTorch's _process_forward_mode_AD for a custom Function whose inputs carry tangents: its jvp staticmethod
    (the default raises "You must implement the jvp function ...") gets each input's tangent (zeros for a float tensor
    without one, None for anything else), sees what save_for_forward saved as ctx.saved_tensors, and its results
    become the outputs' tangents; it runs as forward did, with forward AD off."""
    from .creation import zeros_like
    tangents = [None if not isinstance(a, Tensor) or not a.dtype.is_floating_point else
                _tangent(a) if _tangent(a) is not None else zeros_like(a) for a in inputs]
    outs = outputs if isinstance(outputs, tuple) else (outputs,)
    versions = {id(t): t._version for t in map(_tangent, inputs) if t is not None}
    _BUSY[0] = True
    object.__setattr__(ctx, "_in_jvp", True)
    try:
        result = cls.jvp(ctx, *tangents)
    finally:
        object.__setattr__(ctx, "_in_jvp", False)
        _BUSY[0] = False
    result = result if isinstance(result, tuple) else (result,)
    for i, t in enumerate(result):
        if t is not None and not isinstance(t, Tensor):
            raise runtime(f"expected Variable or None (got {type(t).__name__}) for grad output {i}.")
    if len(result) != len(outs):
        raise runtime(f"Function's jvp returned an invalid number of forward gradients (expected {len(outs)} but got "
                      f"{len(result)})")
    for i, (o, t) in enumerate(zip(outs, result)):
        if isinstance(o, Tensor):
            _custom_output_tangent(ctx, inputs, versions, i, o, t)


_NOT_FLOATING = ('(new_grad_base.is_floating_point() || new_grad_base.is_complex()) && (self_base.is_floating_point() '
                 '|| self_base.is_complex()) INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/torch/csrc/autograd/'
                 'autograd_meta.cpp":159, please report a bug to PyTorch. Expected both tensor and its forward grad to '
                 'be floating point or complex')


def _custom_output_tangent(ctx, inputs, versions, i, out, t):
    """_process_forward_mode_AD's checks of the tangent a jvp gave output i, then set_fw_grad's: a non-differentiable
    output takes none; a dirty input's tangent is its own, written in place; a view of an input with a tangent takes a
    view of that tangent (or of its base); a differentiable output takes a floating tangent of its size."""
    if i in ctx._non_diff_outputs:
        if t is not None:
            raise runtime(f"Function's jvp returned a gradient at position {i}, but  the corresponding forward output "
                          "is not a differentiable Tensor.You should return None at that position instead.")
        return
    if i in ctx._dirty_outputs:
        given = _tangent(out)  # (the input's own tangent, if it had one)
        if given is not None:
            if t is None or t._version == versions[id(given)]:
                raise runtime("An inplace custom Function is not modifying the forward mode gradients inplace. If the "
                              "forward is modifying an input inplace, then the jvp function must modify the "
                              "corresponding gradient inplace.")
            if t is not given:
                raise runtime("An inplace custom Function is not returning the forward mode gradients as-is. If the "
                              "forward is modifying an input inplace, then the jvp function must modify the gradient "
                              "inplace and return it as-is.")
            return
    elif out._view is not None:
        base = out._view.base
        match = next((a for a in inputs if isinstance(a, Tensor) and (a._view.base if a._view is not None else a) is
                      base), None)
        given = _tangent(match)
        if given is not None:
            if t is None or t._view is None:
                raise runtime("A custom Function's forward is returning a view (or an input as-is) but the jvp is not "
                              "returning a view.")
            if given._view is not None and t._view.base is not given._view.base:
                raise runtime("A custom Function is returning a view but the jvp is not returning a view of the same "
                              "base as the given grad input.")
            if given._view is None and t._view.base is not given:
                raise runtime("A custom Function is returning a view but the jvp is not returning a view of the given "
                              "grad input.")
    if t is None or not (t.dtype.is_floating_point or t.dtype.is_complex):
        raise runtime(_NOT_FLOATING)
    _check_size(out, t)
    _set(out, t)


UnpackedDualTensor = collections.namedtuple("UnpackedDualTensor", ["primal", "tangent"])
UnpackedDualTensor.__module__ = "torch.autograd.forward_ad"
UnpackedDualTensor.__api__ = frozenset({"primal", "tangent", "count", "index", "_asdict", "_fields", "_replace"})


def unpack_dual(tensor, *, level=None):
    if level is None:
        level = _LEVEL[0]
    if level is None:
        return UnpackedDualTensor(tensor, None)
    if not isinstance(tensor, Tensor):
        from .errors import type_error
        raise type_error(f"_unpack_dual(): argument 'dual' (position 1) must be Tensor, not {type(tensor).__name__}")
    if _BUSY[0]:  # (a custom Function's forward: AD is off)
        return UnpackedDualTensor(tensor, None)
    tangent = getattr(tensor, "_fw_grad", None)
    if tangent is None:
        return UnpackedDualTensor(tensor, None)
    primal = make_view(tensor, tensor._shape, tensor._stride, tensor._offset, "Identity")  # (without the tangent)
    return UnpackedDualTensor(primal, tangent)


NAMESPACE = {"dual_level": dual_level, "enter_dual_level": enter_dual_level, "exit_dual_level": exit_dual_level,
             "make_dual": make_dual, "unpack_dual": unpack_dual, "UnpackedDualTensor": UnpackedDualTensor}
