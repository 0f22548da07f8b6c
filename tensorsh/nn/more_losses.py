"""The losses past the first sets, with their torch.nn.functional forms: SoftMarginLoss, MultiMarginLoss,
MultiLabelMarginLoss (PyTorch's kernels, engine/margin_losses.py), HingeEmbeddingLoss, MultiLabelSoftMarginLoss,
PoissonNLLLoss, GaussianNLLLoss and TripletMarginWithDistanceLoss (ATen's or torch/nn/functional.py's composites, so
their grad_fn chains are PyTorch's)."""
import math

from tensorsh.engine import autograd, creation, margin_losses as _kernels
from tensorsh.engine.errors import runtime, value_error
from tensorsh.engine.loss import reduction_enum
from tensorsh.engine.torch_api import NAMESPACE
from . import functional as F
from .c_functions import C
from .functional import _get_enum, _legacy_reduction, cross_entropy, linear, logsigmoid
from .layers import Linear
from .loss import _Loss, _WeightedLoss
from .more_layers import PairwiseDistance, pairwise_distance
from tensorsh.engine.autocast import fp32_op


def _reduced(loss, reduction):
    """ATen's apply_loss_reduction."""
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


@fp32_op
def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    C.soft_margin_loss(input, target, 1)
    return _kernels.soft_margin_loss(input, target, reduction)


@fp32_op
def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    if p != 1 and p != 2:
        raise value_error("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise value_error("weight must be one-dimensional")
    C.multi_margin_loss(input, target, p, margin, weight, 1)
    return _kernels.multi_margin_loss(input, target, p, margin, weight, reduction)


@fp32_op
def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    C.multilabel_margin_loss(input, target, 1)
    return _kernels.multilabel_margin_loss(input, target, reduction)


@fp32_op
def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"):
    """ATen's: where(target != 1, (margin - self).clamp_min_(0), 0) + where(target != -1, self, 0), reduced."""
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    C.hinge_embedding_loss(input, target, margin, 1)
    zeros = input.new_zeros(input.shape)
    margin_clamp = creation.tensor(margin, dtype=input.dtype).sub(input).clamp_min_(0)
    output = margin_clamp.where(target != 1, zeros) + input.where(target != -1, zeros)
    return _reduced(output, reduction)


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.size(class_dim)
    if reduction not in ("none", "mean", "sum"):
        raise value_error(reduction + " is not valid")
    return _reduced(loss, reduction)


@fp32_op
def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
                     reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    if reduction not in ("none", "mean", "sum"):
        raise value_error(reduction + " is not a valid value for reduction")
    C.poisson_nll_loss(input, target, log_input, full, eps, 1)
    # (ATen's composite, each binary operator's right operand built first as GCC does: the graph's node order, so
    # the order target's gradients are summed in; C++'s `t + eps`, `0.5 * t` are add.Scalar and mul.Scalar)
    if log_input:
        product = target * input
        loss = input.exp() - product
    else:
        product = target * F._add_scalar(input, eps).log()
        loss = input - product
    if full:
        half_log = F._mul_scalar(F._mul_scalar(target, 2 * math.pi).log(), 0.5)
        stirling = target * target.log() - target + half_log
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return _reduced(loss, reduction)


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    if isinstance(var, float):
        if var < 0:
            raise value_error("var has negative entry/entries")
        var = var * NAMESPACE["ones_like"](input)
    elif NAMESPACE["any"](var < 0):
        raise value_error("var has negative entry/entries")
    if var.size() != input.size():
        if input.size()[:-1] == var.size():
            var = var.unsqueeze(-1)
        elif input.dim() == var.dim() and sum(y for x, y in zip(input.size(), var.size()) if x != y) == 1:
            pass
        else:
            raise value_error("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise value_error(reduction + " is not valid")
    var = var.clone()
    with autograd.no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (var.log() + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    return _reduced(loss, reduction)


def triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False,
                                      reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise value_error(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise value_error(f"margin must be greater than 0, got {margin}")
    a, p, n = anchor.dim(), positive.dim(), negative.dim()
    if not (a == p and p == n):
        from tensorsh.engine.errors import runtime
        raise runtime(f"The anchor, positive, and negative tensors are expected to have the same number of "
                      f"dimensions, but got: anchor {a}D, positive {p}D, and negative {n}D inputs")
    if distance_function is None:
        distance_function = pairwise_distance
    dist_pos = distance_function(anchor, positive)
    dist_neg = distance_function(anchor, negative)
    if swap:
        dist_neg = dist_neg.minimum(distance_function(positive, negative))
    loss = (margin + dist_pos - dist_neg).clamp_min(0)
    return loss.sum() if reduction == "sum" else loss.mean() if reduction == "mean" else loss


_LOSS = "torch.nn.modules.loss"


class SoftMarginLoss(_Loss):
    __module__ = _LOSS

    def forward(self, input, target):
        return soft_margin_loss(input, target, reduction=self.reduction)


class MultiLabelMarginLoss(_Loss):
    __module__ = _LOSS

    def forward(self, input, target):
        return multilabel_margin_loss(input, target, reduction=self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    __module__ = _LOSS

    def forward(self, input, target):
        return multilabel_soft_margin_loss(input, target, weight=self.weight, reduction=self.reduction)


class HingeEmbeddingLoss(_Loss):
    __module__ = _LOSS

    def __init__(self, margin=1.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input, target):
        return hinge_embedding_loss(input, target, margin=self.margin, reduction=self.reduction)


class MultiMarginLoss(_WeightedLoss):
    __module__ = _LOSS

    def __init__(self, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(weight, size_average, reduce, reduction)
        if p != 1 and p != 2:
            raise value_error("only p == 1 and p == 2 supported")
        if weight is not None and weight.dim() != 1:
            raise value_error(f"MultiMarginLoss: expected weight to be None or 1D tensor, got {weight.dim()}D "
                              "instead")
        self.p = p
        self.margin = margin

    def forward(self, input, target):
        return multi_margin_loss(input, target, p=self.p, margin=self.margin, weight=self.weight,
                                 reduction=self.reduction)


class PoissonNLLLoss(_Loss):
    __module__ = _LOSS

    def __init__(self, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def forward(self, log_input, target):
        return poisson_nll_loss(log_input, target, log_input=self.log_input, full=self.full, eps=self.eps,
                                reduction=self.reduction)


class GaussianNLLLoss(_Loss):
    __module__ = _LOSS

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(None, None, reduction)
        self.full = full
        self.eps = eps

    def forward(self, input, target, var):
        return gaussian_nll_loss(input, target, var, full=self.full, eps=self.eps, reduction=self.reduction)


class TripletMarginWithDistanceLoss(_Loss):
    __module__ = _LOSS

    def __init__(self, *, distance_function=None, margin=1.0, swap=False, reduction="mean"):
        super().__init__(size_average=None, reduce=None, reduction=reduction)
        if margin <= 0:
            raise value_error(f"TripletMarginWithDistanceLoss: expected margin to be greater than 0, got {margin} "
                              "instead")
        self.distance_function = distance_function if distance_function is not None else PairwiseDistance()
        self.margin = margin
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return triplet_margin_with_distance_loss(anchor, positive, negative, distance_function=self.distance_function,
                                                 margin=self.margin, swap=self.swap, reduction=self.reduction)


@fp32_op
def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    enum = {"none": 0, "mean": 1, "sum": 2}[reduction_enum(_get_enum(reduction))]
    return NAMESPACE["ctc_loss"](  # (torch.ctc_loss's parser: lengths both tensors or both int lists)
        log_probs, targets, input_lengths, target_lengths, blank, enum, zero_infinity)


class CTCLoss(_Loss):
    __module__ = _LOSS

    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__(reduction=reduction)
        self.blank = blank
        self.zero_infinity = zero_infinity

    def forward(self, log_probs, targets, input_lengths, target_lengths):
        return ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, self.reduction,
                        self.zero_infinity)


def linear_cross_entropy(input, linear_weight, target, *, linear_bias=None, weight=None, reduction="mean",
                         ignore_index=None, label_smoothing=0.0, options=None):
    """torch/nn/functional.py's reference path (PyTorch 2.13): cross_entropy of linear(input, linear_weight) with
    the logits in the weight's shape (N, C, *out_features); a weight of more than 2 dimensions is flattened first."""
    if input.dim() < 1 or input.dim() > 2:
        raise runtime(f"expected input with dimensionality 1 or 2, got {input.dim()}")
    if linear_weight.dim() < 2:
        raise runtime(f"expected linear_weight with dimensionality at least 2, got {linear_weight.dim()}")
    num_batches, in_features = tuple(input.shape[:-1]), input.shape[-1]
    if in_features != linear_weight.shape[-1]:
        raise runtime("expected equal input and linear_weight last dimensions (in_features), "
                      f"got {input.shape[-1]} and {linear_weight.shape[-1]}, respectively")
    num_classes, out_features = linear_weight.shape[0], tuple(linear_weight.shape[1:-1])
    if linear_bias is not None and tuple(linear_bias.shape) != (num_classes, *out_features):
        raise runtime(f"expected linear_bias shape {(num_classes, *out_features)}, got {tuple(linear_bias.shape)}")
    if out_features and not num_batches:
        raise runtime(f"K-dimensional loss defined by linear_weight shape {tuple(linear_weight.shape)} requires "
                      f"batched input, (N, {in_features}), got unbatched input with shape {tuple(input.shape)}")
    logits_shape = (*num_batches, num_classes, *out_features)
    if tuple(target.shape) == logits_shape and ignore_index is not None:
        raise runtime("ignore_index cannot be specified when target contains probabilities")
    if options is not None:
        raise runtime("tensorsh: linear_cross_entropy's chunked path (options=) is not supported yet")
    if out_features:
        linear_weight = linear_weight.reshape((math.prod(out_features, start=num_classes), in_features))
        if linear_bias is not None:
            linear_bias = linear_bias.reshape(math.prod(out_features, start=num_classes))
    logits = linear(input, linear_weight, linear_bias).reshape(logits_shape)
    return cross_entropy(logits, target, weight=weight, reduction=reduction,
                         ignore_index=-100 if ignore_index is None else ignore_index, label_smoothing=label_smoothing)


class LinearCrossEntropyLoss(_WeightedLoss):
    """torch.nn.LinearCrossEntropyLoss: a bias-free (by default) Linear to C * prod(out_features) logits, kept 2-D
    and reshaped in forward, then linear_cross_entropy."""
    __module__ = _LOSS

    def __init__(self, in_features, num_classes, *, out_features=(), bias=False, device=None, dtype=None,
                 reduction="mean", weight=None, ignore_index=None, label_smoothing=0.0, options=None):
        if weight is not None and weight.shape != (num_classes,):
            raise runtime(f"expected weight shape to be {(num_classes,)}, got {tuple(weight.shape)}")
        if label_smoothing < 0 or label_smoothing > 1.0:
            raise runtime(f"expected label_smoothing to be in range [0, 1], got {label_smoothing}")
        super().__init__(weight=weight, size_average=None, reduce=None, reduction=reduction)
        self.num_classes, self.out_features = num_classes, out_features
        self.ignore_index, self.label_smoothing = ignore_index, label_smoothing
        self.linear = Linear(in_features, math.prod(out_features, start=num_classes), bias=bias, device=device,
                             dtype=dtype)
        self.options = options

    def forward(self, input, target):
        bias = self.linear.bias
        return linear_cross_entropy(
            input, self.linear.weight.reshape((self.num_classes, *self.out_features, self.linear.in_features)),
            target, linear_bias=None if bias is None else bias.reshape((self.num_classes, *self.out_features)),
            weight=self.weight, reduction=self.reduction, ignore_index=self.ignore_index,
            label_smoothing=self.label_smoothing, options=self.options)

    def extra_repr(self):
        return (f"in_features={self.linear.in_features}, num_classes={self.num_classes}, "
                f"out_features={self.out_features}, bias={self.linear.bias is not None}, "
                f"reduction={self.reduction}, ignore_index={self.ignore_index}, "
                f"label_smoothing={self.label_smoothing}, options={self.options}")


FUNCTIONAL = ("linear_cross_entropy ctc_loss soft_margin_loss multi_margin_loss multilabel_margin_loss hinge_embedding_loss "
              "multilabel_soft_margin_loss poisson_nll_loss gaussian_nll_loss triplet_margin_with_distance_loss").split()
