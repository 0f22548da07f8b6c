"""torch.ctc_loss: ATen's CPU kernels (aten/src/ATen/native/LossCTC.cpp) step for step — the alphas of Graves'
forward-backward algorithm in log space, each log-sum-exp as the scalar loop computes it (the C library's exp and
log of the element type, the float adds in the kernel's order), the betas and the gradient in the backward —
and ctc_loss_impl's composition around them (unbatched input, zero_infinity's where, the mean over the clamped
target lengths)."""
import math

import numpy as np

from . import autograd, dtypes, kernels
from .autograd import Node, SavedTensor, edge_of
from .errors import make, runtime
from .ops.binary import not_implemented_node
from .ops.core import attach, fresh, needs_grad
from .tensorimpl import Tensor

_NEGINF = -math.inf


def _scalar_fns(dt):
    """(exp, log, rounding) of the kernel's scalar_t: libm's expf/logf and float32 rounding for float, exp/log for
    double (numpy's where no C library is found)."""
    suffix = "f" if dt == np.float32 else ""
    exp = kernels._libm("exp" + suffix) or (lambda v: float(np.exp(dt.type(v))))
    log = kernels._libm("log" + suffix)
    if log is None:
        def log(v):
            with np.errstate(divide="ignore", invalid="ignore"):
                return float(np.log(dt.type(v)))
    rnd = (lambda v: float(np.float32(v))) if dt == np.float32 else float
    return exp, log, rnd


def _offsets(targets, target_lengths, batch_size):
    """Each batch item's first target position and the stride between its targets (concatenated or padded)."""
    if targets.dim() == 1:
        starts, pos = [], 0
        for n in target_lengths:
            starts.append(pos)
            pos += n
        return starts, targets._stride[0]
    return [i * targets._stride[0] for i in range(batch_size)], targets._stride[1]


def _target_at(targets, linear, values):
    """targets' element at offset `linear` from its first element (ATen reads targets_data[offset + stride * i])."""
    if values is not None:
        return values[linear]
    index = []
    for size, stride in zip(targets._shape, targets._stride):
        index.append(linear // stride if stride else 0)
        linear -= index[-1] * stride
    return targets._np[tuple(index)]


def _check(log_probs, targets, input_lengths, target_lengths, blank):
    c = "ctc_loss_allocate_outputs"
    if log_probs.numel() == 0:
        raise runtime("log_probs tensor must not be empty")
    if log_probs.dim() != 3:
        raise runtime(f"Expected 3-dimensional tensor, but got {log_probs.dim()}-dimensional tensor for argument #1 "
                      f"'log_probs' (while checking arguments for {c})")
    if not 1 <= targets.dim() < 3:
        raise runtime(f"Expected 1 to 2 dimensions, but got {targets.dim()}-dimensional tensor for argument #2 "
                      f"'targets' (while checking arguments for {c})")
    batch_size, num_labels = log_probs._shape[1], log_probs._shape[2]
    if not 0 <= blank < num_labels:
        raise runtime("blank must be in label range")
    if len(input_lengths) != batch_size:
        raise runtime("input_lengths must be of size batch_size")
    if len(target_lengths) != batch_size:
        raise runtime("target_lengths must be of size batch_size")
    for n in target_lengths:
        if n < 0:
            raise runtime(f"Expected target_lengths to have value at least 0, but got value {n} (while checking "
                          f"arguments for {c})")
    if targets.dim() == 1:
        want = sum(target_lengths)
        if targets._shape[0] != want:
            raise runtime(f"Expected tensor to have size {want} at dimension 0, but got size {targets._shape[0]} for "
                          f"argument #2 'targets' (while checking arguments for {c})")
    else:
        if targets._shape[0] != batch_size:
            raise runtime(f"Expected tensor to have size {batch_size} at dimension 0, but got size "
                          f"{targets._shape[0]} for argument #2 'targets' (while checking arguments for {c})")
        longest = max(target_lengths, default=0)
        if targets._shape[1] < longest:
            raise runtime(f"Expected tensor to have size at least {longest} at dimension 1, but got size "
                          f"{targets._shape[1]} for argument #2 'targets' (while checking arguments for {c})")
    for n in input_lengths:
        if n < 0:
            raise runtime(f"Expected input_lengths to have value at least 0, but got value {n} (while checking "
                          f"arguments for {c})")
        if n > log_probs._shape[0]:
            raise runtime(f"Expected input_lengths to have value at most {log_probs._shape[0]}, but got value {n} "
                          f"(while checking arguments for {c})")


def _logsumexp3(a1, a2, a3, amax, exp, log, rnd):
    """log(exp(a1 - m) + exp(a2 - m) + exp(a3 - m)) + m in the kernel's steps (m: the largest, 0 if all are -inf)."""
    if amax == _NEGINF:  # (cannot do neginf - neginf)
        amax = 0.0
    total = rnd(rnd(exp(rnd(a1 - amax)) + exp(rnd(a2 - amax))) + exp(rnd(a3 - amax)))
    return rnd(log(total) + amax)


def _forward(lp, primes_of, input_lengths, target_lengths, blank, dt):
    """(neg_log_likelihood, log_alpha) as ctc_loss_cpu_template computes them."""
    exp, log, rnd = _scalar_fns(dt)
    T, B, _ = lp.shape
    width = 2 * max(target_lengths, default=0) + 1
    log_alpha = np.full((B, T, width), _NEGINF, dt)  # (ATen's is uninitialized past what it computes)
    nll = np.empty(B, dt)
    for b in range(B):
        il, tl = input_lengths[b], target_lengths[b]
        if il == 0:
            nll[b] = -(0.0 if tl == 0 else _NEGINF)
            continue
        primes = primes_of(b)
        lpb = lp[:, b, :].tolist()
        la = [[_NEGINF] * (2 * tl + 1) for _ in range(il)]
        la[0][0] = lpb[0][blank]
        if tl > 0:
            la[0][1] = lpb[0][primes[1]]
        for t in range(1, il):
            prev, row, lpt = la[t - 1], la[t], lpb[t]
            for s in range(2 * tl + 1):
                la1 = prev[s]
                lamax = la1
                if s > 0:
                    la2 = prev[s - 1]
                    if la2 > lamax:
                        lamax = la2
                else:
                    la2 = _NEGINF
                if s > 1 and primes[s - 2] != primes[s]:
                    la3 = prev[s - 2]
                    if la3 > lamax:
                        lamax = la3
                else:
                    la3 = _NEGINF
                row[s] = rnd(_logsumexp3(la1, la2, la3, lamax, exp, log, rnd) + lpt[primes[s]])
        if tl == 0:
            nll[b] = -la[il - 1][0]
        else:
            l1, l2 = la[il - 1][2 * tl], la[il - 1][2 * tl - 1]
            m = max(l1, l2)
            m = 0.0 if m == _NEGINF else m
            nll[b] = -rnd(log(rnd(exp(rnd(l1 - m)) + exp(rnd(l2 - m)))) + m)
        log_alpha[b, :il, :2 * tl + 1] = la
    return nll, log_alpha


def _backward(grad_out, lp, primes_of, input_lengths, target_lengths, nll, log_alpha, blank, zero_infinity, dt):
    """ctc_loss_backward_cpu_template's gradient with respect to log_probs."""
    exp, log, rnd = _scalar_fns(dt)
    T, B, C = lp.shape
    grad = np.full((T, B, C), _NEGINF, dt)
    go = grad_out.tolist()
    for b in range(B):
        nllb = float(nll[b])
        if zero_infinity and nllb == math.inf:
            grad[:, b, :] = 0
            continue
        il, tl = input_lengths[b], target_lengths[b]
        primes = primes_of(b)
        lpb = lp[:, b, :].tolist()
        la = log_alpha[b].tolist()
        g = [[_NEGINF] * C for _ in range(T)]
        lb = [[_NEGINF] * (2 * tl + 1) for _ in range(il)]
        if il > 0:
            lb[il - 1][2 * tl] = lpb[il - 1][blank]
            g[il - 1][blank] = rnd(la[il - 1][2 * tl] + lb[il - 1][2 * tl])
            if tl > 0:
                p = primes[2 * tl - 1]
                lb[il - 1][2 * tl - 1] = lpb[il - 1][p]
                g[il - 1][p] = rnd(la[il - 1][2 * tl - 1] + lb[il - 1][2 * tl - 1])
        for t in range(il - 2, -1, -1):
            nxt, row, lpt, gt, lat = lb[t + 1], lb[t], lpb[t], g[t], la[t]
            for s in range(2 * tl, -1, -1):
                lb1 = nxt[s]
                lbmax = lb1
                p = primes[s]
                if s < 2 * tl:
                    lb2 = nxt[s + 1]
                    if lb2 > lbmax:
                        lbmax = lb2
                else:
                    lb2 = _NEGINF
                if s < 2 * tl - 1 and primes[s + 2] != p:
                    lb3 = nxt[s + 2]
                    if lb3 > lbmax:
                        lbmax = lb3
                else:
                    lb3 = _NEGINF
                row[s] = rnd(_logsumexp3(lb1, lb2, lb3, lbmax, exp, log, rnd) + lpt[p])
                log_alpha_beta = rnd(lat[s] + row[s])
                lcab = gt[p]
                if lcab == _NEGINF:
                    gt[p] = log_alpha_beta
                else:
                    mx = max(lcab, log_alpha_beta)
                    gt[p] = rnd(rnd(log(rnd(exp(rnd(lcab - mx)) + exp(rnd(log_alpha_beta - mx))))) + mx)
        gr = go[b]
        for t in range(il):
            gt, lpt = g[t], lpb[t]
            for c in range(C):
                v = lpt[c]
                gt[c] = rnd(rnd(exp(v) - exp(rnd(rnd(gt[c] + nllb) - v))) * gr)
        if il:
            grad[:il, b, :] = g[:il]
        grad[il:, b, :] = 0
    return grad


class CtcLossBackward0(Node):
    __slots__ = ("input_lengths", "target_lengths", "blank", "zero_infinity")
    saved_names = ("log_probs", "targets", "result0", "result1")
    saved_values = {"input_lengths": lambda n: tuple(n.input_lengths),
                    "target_lengths": lambda n: tuple(n.target_lengths), "blank": "blank",
                    "zero_infinity": "zero_infinity"}

    def __init__(self, log_probs, targets, input_lengths, target_lengths, blank, zero_infinity, nll, log_alpha):
        Node.__init__(self, (edge_of(log_probs),))
        self.input_lengths, self.target_lengths = list(input_lengths), list(target_lengths)
        self.blank, self.zero_infinity = blank, zero_infinity
        self.saved = (SavedTensor(log_probs), SavedTensor(targets), SavedTensor(nll, is_output=True),
                      SavedTensor(log_alpha))

    def backward(self, g):
        log_probs, targets, nll, log_alpha = self.unpack()
        dt = log_probs._np.dtype
        starts, stride = _offsets(targets, self.target_lengths, log_probs._shape[1])
        grad = _backward(g._np.astype(dt).reshape(-1), log_probs._np, _primes_of(targets, starts, stride,
                                                                                self.target_lengths, self.blank),
                         self.input_lengths, self.target_lengths, nll._np, log_alpha._np, self.blank,
                         self.zero_infinity, dt)
        grad = fresh(grad, log_probs.dtype)
        if autograd._grad_enabled[0] and needs_grad(g, log_probs, nll, log_alpha):  # (create_graph: PyTorch's
            attach(grad, not_implemented_node("_ctc_loss_backward").over(g, log_probs, nll, log_alpha))  # refusal)
        return (grad,)


def _primes_of(targets, starts, stride, target_lengths, blank):
    flat = targets._np.reshape(-1).tolist() if targets.is_contiguous() else None
    cache = {}

    def primes(b):
        if b not in cache:
            out = [blank] * (2 * target_lengths[b] + 1)
            for k in range(target_lengths[b]):
                linear = starts[b] + stride * k
                out[2 * k + 1] = int(flat[linear] if flat is not None else _target_at(targets, linear, None))
            cache[b] = out
        return cache[b]
    return primes


def _ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, zero_infinity):
    """aten::_ctc_loss: (neg_log_likelihood, log_alpha), the first with CtcLossBackward0."""
    if log_probs.dtype not in (dtypes.float32, dtypes.float64):
        raise make("NotImplementedError",
                   f'"ctc_loss_cpu" not implemented for \'{dtypes.SCALAR_NAMES[log_probs.dtype.name]}\'')
    _check(log_probs, targets, input_lengths, target_lengths, blank)
    dt = log_probs._np.dtype
    starts, stride = _offsets(targets, target_lengths, log_probs._shape[1])
    nll, log_alpha = _forward(log_probs._np, _primes_of(targets, starts, stride, target_lengths, blank),
                              input_lengths, target_lengths, blank, dt)
    out, alpha = fresh(nll, log_probs.dtype), fresh(log_alpha, log_probs.dtype)
    if needs_grad(log_probs):
        attach(out, CtcLossBackward0(log_probs, targets, input_lengths, target_lengths, blank, zero_infinity,
                                     out, alpha))
    return out, alpha


def _lengths(name, value):
    if isinstance(value, Tensor):
        if value.dtype.is_floating_point or value.dtype is dtypes.bool_:
            raise runtime(f"{name} must be integral")
        return [int(v) for v in value.reshape(-1).tolist()]
    return [int(v) for v in value]


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction=0, zero_infinity=False):
    """torch.ctc_loss (reduction as its enum: 0 none, 1 mean, 2 sum): ctc_loss_impl. (Left out, the reduction is
    none: torch's argument parser reads its default `at::Reduction::Mean` as 0.)"""
    input_lengths = _lengths("input_lengths", input_lengths)
    target_lengths = _lengths("target_lengths", target_lengths)
    batched = log_probs.dim() == 3
    lp = log_probs if batched else log_probs.unsqueeze(1)
    res, _ = _ctc_loss(lp, targets.to(dtypes.int64), input_lengths, target_lengths, blank, zero_infinity)
    if zero_infinity:
        from .torch_api import NAMESPACE
        res = NAMESPACE["where"](res == math.inf, NAMESPACE["zeros"]((), dtype=res.dtype), res)
    if reduction == 1:
        from .torch_api import NAMESPACE
        lengths = NAMESPACE["tensor"](target_lengths, dtype=res.dtype).clamp_min(1)
        return (res / lengths).mean()
    if reduction == 2:
        return res.sum()
    return res if batched else res.squeeze(0)
