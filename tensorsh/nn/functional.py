"""torch.nn.functional: engine ops, and PyTorch's composites of them (cross_entropy, l1_loss, normalize ...)."""
import sys

from tensorsh.engine import activation as _act, autograd, creation, dtypes, linear as _lin
from tensorsh.engine.ops.scalar_arith import add_scalar as _add_scalar, div_scalar as _div_scalar, mul_scalar as _mul_scalar
from tensorsh.engine import loss as _loss, sampling as _sampling
from tensorsh.engine.loss import REDUCTIONS
from tensorsh.engine.errors import runtime, value_error, warn
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE as _T  # torch.<name>: each behind its own parser
from .c_functions import C, boolean_dispatch, builtin, dim as _dim, named, size as _size
from tensorsh.engine.autocast import fp32_op

# F's functions that are C functions in PyTorch (F.gelu is torch._C._nn.gelu): the engine op behind their parser
linear, gelu, softplus, softshrink, logsigmoid = (builtin(name, fn) for name, fn in (
    ("linear", _lin.linear), ("gelu", _act.gelu), ("softplus", _act.softplus), ("softshrink", _act.softshrink),
    ("log_sigmoid", _act.logsigmoid)))
hardshrink, prelu = _T["hardshrink"], _T["prelu"]
mse_loss_op, nll_loss_op = _loss.mse_loss, _loss.nll_loss


def relu(input, inplace=False):
    if inplace:  # (a tensor's own method where torch.relu_/relu would take it; their parser's error otherwise)
        return input.relu_() if isinstance(input, Tensor) else _T["relu_"](input)
    return input.relu() if isinstance(input, Tensor) else _T["relu"](input)


def selu(input, inplace=False):
    return _T["selu_"](input) if inplace else _T["selu"](input)


def celu(input, alpha=1.0, inplace=False):
    return _T["celu_"](input, alpha) if inplace else _T["celu"](input, alpha)


@named("_threshold")
def threshold(input, threshold, value, inplace=False):
    return _T["threshold_"](input, threshold, value) if inplace else _T["threshold"](input, threshold, value)


def elu(input, alpha=1.0, inplace=False):
    C.elu_(input, alpha) if inplace else C.elu(input, alpha)
    return _act.elu(input, alpha, inplace)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    C.leaky_relu_(input, negative_slope) if inplace else C.leaky_relu(input, negative_slope)
    return _act.leaky_relu(input, negative_slope, inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise value_error("min_val cannot be greater than max_val")
    C.hardtanh_(input, min_val, max_val) if inplace else C.hardtanh(input, min_val, max_val)
    return _act.hardtanh(input, min_val, max_val, inplace)


def relu6(input, inplace=False):
    C.relu6_(input) if inplace else C.relu6(input)
    return _act.hardtanh(input, 0, 6, inplace)  # (ATen's relu6: hardtanh(self, 0, 6), ints)


def _inplace_activation(name, fn):
    """silu, mish, hardswish, hardsigmoid: torch._C._nn.<name>_(input) if inplace else torch._C._nn.<name>(input)."""
    def activation(input, inplace=False):
        getattr(C, name + "_")(input) if inplace else getattr(C, name)(input)
        return fn(input, inplace)
    activation.__name__ = activation.__qualname__ = name
    return activation


silu, mish, hardswish, hardsigmoid = (_inplace_activation(name, getattr(_act, name))
                                      for name in ("silu", "mish", "hardswish", "hardsigmoid"))


def glu(input, dim=-1):
    if _dim(input) == 0:
        raise runtime("glu does not support scalars because halving size must be even")
    C.glu(input, dim)
    return _act.glu(input, dim)


# the in-place spellings nn.functional binds: torch's (relu_, celu_, selu_, threshold_, rrelu_) and torch._C._nn's
def _elu_(input, alpha=1, scale=1, input_scale=1):  # (ATen's Scalar defaults: ints, as the node saves them)
    if scale != 1 or input_scale != 1:  # (torch._C._nn.elu_'s other two Scalars: selu's, which F never passes)
        raise runtime("tensorsh: elu_ with scale or input_scale other than 1 is not supported")
    return _act.elu(input, alpha, True)


elu_ = builtin("elu_", _elu_)
leaky_relu_ = builtin("leaky_relu_", lambda input, negative_slope=0.01: _act.leaky_relu(input, negative_slope, True))
hardtanh_ = builtin("hardtanh_", lambda input, min_val=-1, max_val=1: _act.hardtanh(input, min_val, max_val, True))


def _rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False, generator=None):
    from .random_layers import rrelu_impl
    return rrelu_impl(input, lower, upper, training, True)


rrelu_ = builtin("rrelu_", _rrelu_)


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(name, ndim):
    warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include dim=X as an "
         "argument.")
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("softmax", input.dim())
    return input.softmax(dim) if dtype is None else input.softmax(dim, dtype=dtype)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("softmin", input.dim())
    return (-input).softmax(dim) if dtype is None else (-input).softmax(dim, dtype=dtype)


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - input.tanh()


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("log_softmax", input.dim())
    return input.log_softmax(dim) if dtype is None else input.log_softmax(dim, dtype=dtype)


def dropout(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    C.dropout_(input, p, training) if inplace else C.dropout(input, p, training)
    return _sampling.dropout(input, p, training, inplace)


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise value_error(f"dropout probability has to be between 0 and 1, but got {p}")


def _feature_dropout(input, p, training, inplace, batched):
    """torch/nn/functional.py's channel-wise dropouts: an unbatched input gets a batch dim for the drop."""
    if not batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    C.feature_dropout_(input, p, training) if inplace else C.feature_dropout(input, p, training)
    result = _sampling.dropout(input, p, training, inplace, feature=True)
    if not batched:
        result = result.squeeze_(0) if inplace else result.squeeze(0)
    return result


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    if input.dim() not in (2, 3):
        raise runtime(f"dropout1d: Expected 2D or 3D input, but received a {input.dim()}D input. Note that dropout1d "
                      "exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, "
                      "and an optional batch dimension (i.e. 2D or 3D inputs).")
    return _feature_dropout(input, p, training, inplace, input.dim() == 3)


def _warn_dims(name, dims, input):
    if input.dim() not in (dims + 1, dims + 2):
        warn(f"{name}: Received a {input.dim()}-D input to {name}, which is deprecated and will result in an error in "
             "a future release. To retain the behavior and silence this warning, please use dropout instead. Note "
             f"that {name} exists to provide channel-wise dropout on inputs with {dims} spatial dimensions, a channel "
             f"dimension, and an optional batch dimension (i.e. {dims + 1}D or {dims + 2}D inputs).")


def dropout2d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    _warn_dims("dropout2d", 2, input)
    if input.dim() == 3:
        warn("dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is "
             "desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change "
             "in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To "
             "maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.")
    return _feature_dropout(input, p, training, inplace, True)


def dropout3d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    _warn_dims("dropout3d", 3, input)
    return _feature_dropout(input, p, training, inplace, input.dim() == 5)


def _warn_size(input, target):
    # (target.size() != input.size(), target's read first; the shapes as tuples: no torch.Size made unless it warns)
    if (target._shape if isinstance(target, Tensor) else _size(target)) != \
            (input._shape if isinstance(input, Tensor) else _size(input)):
        warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
             "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.")


def _legacy_reduction(size_average, reduce, reduction):
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    warn("size_average and reduce args will be deprecated, please use reduction='{}' instead.".format(
        "mean" if reduce and size_average else "sum" if reduce else "none"),
        site=sys._getframe(1).f_code.co_qualname)  # (legacy_get_string's stacklevel=2: the loss's function)
    return "none" if not reduce else "mean" if size_average else "sum"


def _get_enum(reduction, line=""):
    """_Reduction.get_enum's old name of 'mean' ('elementwise_mean'): 'mean', with its warning at the line of the
    loss function that asks (stacklevel=2: each F function its own site, `line` telling its lines apart)."""
    if reduction == "elementwise_mean":
        warn("reduction='elementwise_mean' is deprecated. Please use reduction='mean' instead.",
             site=sys._getframe(1).f_code.co_qualname + line)
        return "mean"
    return reduction


def _weighted(loss, weight, input, reduction, mean_over_weight=True):
    """torch/nn/functional.py's per-sample weighted losses (mse, l1, huber): the unreduced loss() (computed after
    the weight's size check) times `weight`, then summed; mse and l1 divide the sum by weight's sum, huber takes
    the plain mean."""
    if weight.size() != input.size():
        raise value_error("Weights and input must have the same size.")
    weighted = loss() * weight
    if reduction == "none":
        return weighted
    if reduction == "sum":
        return _T["sum"](weighted)
    if reduction == "mean":
        return _T["sum"](weighted) / _T["sum"](weight) if mean_over_weight else weighted.mean()
    raise value_error(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', 'sum'.")


# mse, l1, smooth_l1 and huber broadcast input and target first, as torch/nn/functional.py does: a target of
# another shape is expanded (ExpandBackward0 sums its gradient), and the kernel sees operands of one shape
@fp32_op
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _warn_size(input, target)
    reduction = _get_enum(_legacy_reduction(size_average, reduce, reduction))
    expanded, target = _T["broadcast_tensors"](input, target)
    if weight is not None:
        return _weighted(lambda: _T["pow"](expanded - target, 2), weight, input, reduction)
    return _loss.mse_loss(expanded, target, reduction)


@fp32_op
def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _warn_size(input, target)
    reduction = _get_enum(_legacy_reduction(size_average, reduce, reduction))
    expanded, target = _T["broadcast_tensors"](input, target)
    if weight is not None:
        return _weighted(lambda: _T["abs"](expanded - target), weight, input, reduction)
    return _l1(expanded, target, reduction)


def _l1(input, target, reduction):
    reduction = _loss.reduction_enum(reduction)
    loss = (input - target).abs()  # ATen's l1_loss is this composite (AbsBackward0 under Mean/SumBackward0)
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


@fp32_op
def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """torch/nn/functional.py's kl_div over ATen's composite: xlogy(t, t) - t * input (or exp(t) * (t - input)),
    reduced; 'batchmean' sums, then divides by the batch size."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    elif reduction == "mean":
        warn("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' "
             "divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to "
             "behave the same as 'batchmean' in the next major release.")
    enum = _loss.reduction_enum("sum" if reduction == "batchmean" else _get_enum(reduction))
    C.kl_div(input, target, 1, log_target=log_target)
    reduced = kl_div_values(input, target, enum, log_target)
    if reduction == "batchmean" and input.dim() != 0:
        reduced = reduced / input.size()[0]
    return reduced


def kl_div_values(input, target, reduction, log_target):
    """ATen's kl_div (torch.kl_div's C function): the pointwise loss, reduced ("none", "mean" or "sum")."""
    if input.dtype.is_complex or target.dtype.is_complex:
        raise runtime("kl_div: Complex inputs not supported.")
    if not input.dtype.is_floating_point or not target.dtype.is_floating_point:
        raise runtime("kl_div: Integral inputs not supported.")
    if log_target:  # (the C++ operands' order, right to left: the autograd engine runs later nodes first)
        diff = target - input
        output = target.exp() * diff
    else:
        product = target * input
        output = target.xlogy(target) - product
    return output.mean() if reduction == "mean" else output.sum() if reduction == "sum" else output


@fp32_op
def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    _warn_size(input, target)
    reduction = _legacy_reduction(size_average, reduce, reduction)
    input, target = _T["broadcast_tensors"](input, target)
    if beta == 0.0:
        return _l1(input, target, _get_enum(reduction, ":l1_loss"))
    reduction = _get_enum(reduction)
    C.smooth_l1_loss(input, target, REDUCTIONS[_loss.reduction_enum(reduction)], beta)
    return _loss.smooth_l1_loss(input, target, reduction, beta)


@fp32_op
def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    _warn_size(input, target)
    expanded, target = _T["broadcast_tensors"](input, target)
    if weight is not None:
        def unweighted():
            C.huber_loss(expanded, target, 0, delta)
            return _loss.huber_loss(expanded, target, "none", delta)
        return _weighted(unweighted, weight, input, reduction, False)
    reduction = _get_enum(reduction)
    C.huber_loss(expanded, target, REDUCTIONS[_loss.reduction_enum(reduction)], delta)
    return _loss.huber_loss(expanded, target, reduction, delta)


@fp32_op
def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    reduction = _get_enum(reduction)
    C.nll_loss_nd(input, target, weight, REDUCTIONS[_loss.reduction_enum(reduction)], ignore_index)
    return _loss.nll_loss(input, target, weight, reduction, ignore_index)


@fp32_op
def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    """ATen's cross_entropy_loss: log_softmax then nll_loss for class indices; the probability and
    label-smoothing forms as ATen composes them (so their grad_fn chains are PyTorch's)."""
    reduction = _loss.reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    C.cross_entropy_loss(input, target, weight, 1, ignore_index, label_smoothing)
    class_dim = 0 if input.dim() == 1 else 1
    n_classes = input._shape[class_dim] if input.dim() else 1
    if target.shape == input.shape:  # (ATen assumes class probabilities then)
        if not target.dtype.is_floating_point:
            raise runtime("Expected floating point type for target with class probabilities, got "
                          f"{dtypes.SCALAR_NAMES[target.dtype.name]}")
        if ignore_index >= 0:
            raise runtime("ignore_index is not supported for floating point target")
        return _cross_entropy_prob(input, target, weight, reduction, label_smoothing, class_dim, n_classes)
    _check_label_smoothing(label_smoothing)
    logp = input.log_softmax(class_dim)
    if label_smoothing <= 0.0:
        return _loss.nll_loss(logp, target, weight, reduction, ignore_index)
    nll = _loss.nll_loss(logp, target, weight, reduction, ignore_index)
    if weight is not None:
        shape = [1] * logp.dim()
        shape[class_dim] = weight._shape[0]
        smooth = -(logp * weight.view(shape)).sum(class_dim)
    else:
        smooth = -logp.sum(class_dim)
    ignore_mask = target == ignore_index
    smooth.masked_fill_(ignore_mask, 0.0)
    if reduction == "mean":
        if weight is not None:
            denom = weight.gather(0, target.masked_select(~ignore_mask).flatten()).sum()
        else:
            denom = (~ignore_mask).sum()
        ret = smooth.sum() / denom
    elif reduction == "sum":
        ret = smooth.sum()
    else:
        ret = smooth
    return _mul_scalar(nll, 1 - label_smoothing) + _mul_scalar(ret, label_smoothing / n_classes)


def _check_label_smoothing(label_smoothing):
    if label_smoothing > 1.0:  # (ATen's check: a negative one is taken)
        raise runtime(f"label_smoothing must be between 0.0 and 1.0. Got: {float(label_smoothing):g}")


def _cross_entropy_prob(input, target, weight, reduction, label_smoothing, class_dim, n_classes):
    input.size(class_dim)  # (ATen's n_classes = self.size(class_dim): a 0-dim input has no dimension 1)
    if weight is not None and (weight.dim() != 1 or weight.numel() != n_classes):
        raise runtime(f"cross_entropy: weight tensor should be defined either for all {n_classes} classes or no "
                      f"classes but got weight tensor of shape: {list(weight.shape)}")
    _check_label_smoothing(label_smoothing)
    logp = input.log_softmax(class_dim)
    if label_smoothing > 0.0:
        target = _add_scalar(_mul_scalar(target, 1 - label_smoothing), label_smoothing / n_classes)
    prod = logp * target
    if weight is not None:
        shape = [1] * logp.dim()
        shape[class_dim] = weight._shape[0]
        prod = prod * weight.view(shape)
    if reduction == "mean":  # (of no elements: the sum filled with NaN in place, then negated)
        return -prod.sum().fill_(float("nan")) if not logp.numel() else _div_scalar(-prod.sum(), logp.numel() // n_classes)
    if reduction == "sum":
        return -prod.sum()
    return -prod.sum(class_dim)


@fp32_op
def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    reduction = _loss.reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    if _size(target) != _size(input):
        raise value_error(f"Using a target size ({target.shape}) that is different to the input size "
                          f"({input.shape}) is deprecated. Please ensure they have the same size.")
    if weight is not None:
        _size(weight)
        weight = weight.expand(_T["broadcast_shapes"](target.size(), weight.size()))
    C.binary_cross_entropy(input, target, weight, 1)
    return _loss.binary_cross_entropy(input, target, weight, reduction)


@fp32_op
def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean",
                                     pos_weight=None):
    reduction = _loss.reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    if _size(target) != _size(input):
        raise value_error(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    C.binary_cross_entropy_with_logits(input, target, weight, pos_weight, 1)
    return _loss.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)


def _one_hot(input, num_classes=-1):
    if input.dtype is not dtypes.int64:
        raise runtime("one_hot is only applicable to index tensor of type LongTensor.")
    if not input.numel() and num_classes <= 0:  # (ATen: an empty input needs the count given)
        raise runtime("Can not infer total number of classes from empty tensor.")
    if input.numel() and int(input.min()) < 0:
        raise runtime("Class values must be non-negative.")
    if num_classes == -1:
        num_classes = int(input.max()) + 1 if input.numel() else 0
    elif input.numel() and int(input.max()) >= num_classes:
        raise runtime("Class values must be smaller than num_classes.")
    if not input.numel():  # (ATen returns an empty tensor at once)
        return creation.empty(tuple(input.shape) + (num_classes,), dtype=dtypes.int64)
    # ATen's at::zeros (empty, then zero_: its version 1) and scatter_ (2): contiguous whatever input's layout
    out = creation.zeros(tuple(input.shape) + (num_classes,), dtype=dtypes.int64).zero_()
    return out.scatter_(-1, input.unsqueeze(-1), 1)


one_hot = builtin("one_hot", _one_hot)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    if out is None:
        return input / input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    denom = input.norm(p, dim, keepdim=True).clamp_min_(eps).expand_as(input)
    return _T["div"](input, denom, out=out)  # (torch.div's out=: written into out, one version bump)


def pad(input, pad, mode="constant", value=None):
    """at::pad: constant padding (negative amounts crop), or reflect / replicate / circular on the last 1-3
    dimensions; the last dimension first, as F.pad's list reads."""
    from tensorsh.engine import padding
    C.pad(input, pad, mode, value)
    if mode not in ("constant", "reflect", "replicate", "circular"):
        raise padding.make("NotImplementedError", f"Unrecognised padding mode {mode}")
    if len(pad) % 2:
        raise runtime("Padding length must be divisible by 2")
    if len(pad) // 2 > input.dim():
        raise runtime("Padding length should be less than or equal to two times the input dimension but got "
                      f"padding length {len(pad)} and input of dimension {input.dim()}")
    if mode != "constant":
        return padding.pad(input, list(pad), mode, value)
    from tensorsh.engine.convolution import constant_pad_nd
    return constant_pad_nd(input, list(pad), 0.0 if value is None else value)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False,
              sparse=False):
    from tensorsh.engine.convolution import embedding as _embedding, embedding_renorm_ as _embedding_renorm_
    if padding_idx is not None:
        if padding_idx > 0:
            if padding_idx >= weight.size(0):
                raise AssertionError("Padding_idx must be within num_embeddings")
        elif padding_idx < 0:
            if padding_idx < -weight.size(0):
                raise AssertionError("Padding_idx must be within num_embeddings")
            padding_idx = weight.size(0) + padding_idx
    else:
        padding_idx = -1
    if max_norm is not None:
        input = input.contiguous()
        C.embedding_renorm_(weight, input, max_norm, norm_type)
        with autograd.no_grad():
            _embedding_renorm_(weight, input, max_norm, norm_type)
    C.embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)
    return _embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)


# conv1d/2d/3d and conv_transpose1d/2d/3d are torch's own functions (PyTorch's F.conv2d is torch.conv2d)
conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d, conv_transpose3d = (
    _T[f"conv{kind}{d}d"] for kind in ("", "_transpose") for d in (1, 2, 3))


def _list_with_default(out_size, defaults):
    """torch.nn.modules.utils._list_with_default: None entries of an output size take the input's sizes."""
    if isinstance(out_size, int):
        return out_size
    if len(defaults) <= len(out_size):
        raise value_error(f"Input dimension should be at least {len(out_size) + 1}")
    return [v if v is not None else d for v, d in zip(out_size, defaults[-len(out_size):])]


def check_2_to_3_dims(name, input):
    """ATen's checkDimRange(name, self, 2, 4), which the 1-d poolings run first."""
    if input.dim() not in (2, 3):
        raise runtime(f"Expected 2 to 3 dimensions, but got {input.dim()}-dimensional tensor for argument #1 'self' "
                      f"(while checking arguments for {name})")


# ---- the poolings as torch/nn/functional.py binds them: C functions (avg_pool*d, adaptive_avg_pool1d), Python over
# one (adaptive_avg_pool2d/3d, the *_with_indices), or boolean_dispatch between two by return_indices (max_pool*d,
# adaptive_max_pool*d)

def _max_pool(name, nd, impl):
    """_max_pool<n>d and max_pool<n>d_with_indices: the C function's parse (stride None as []), then the engine's."""
    def without(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
        getattr(C, name)(input, kernel_size, [] if stride is None else stride, padding, dilation, ceil_mode)
        return impl()(input, kernel_size, _stride(stride), padding, dilation, ceil_mode, False)

    def with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
        if nd == 3 and not isinstance(input, Tensor):
            input.is_cuda  # noqa: B018 (torch's Python reads it first: 'int' object has no attribute 'is_cuda')
        getattr(C, f"max_pool{nd}d_with_indices")(input, kernel_size, [] if stride is None else stride, padding,
                                                  dilation, ceil_mode)
        return impl()(input, kernel_size, _stride(stride), padding, dilation, ceil_mode, True)
    without.__name__ = without.__qualname__ = f"_max_pool{nd}d"
    with_indices.__name__ = with_indices.__qualname__ = f"max_pool{nd}d_with_indices"
    return boolean_dispatch("return_indices", 6, False, with_indices, without, name), with_indices


def _adaptive_sizes(name, nd, output_size):
    """An adaptive pooling's output_size as a list, with ATen's check of its length."""
    sizes = list(output_size) if isinstance(output_size, (tuple, list)) else [output_size] * nd
    if len(sizes) != nd:
        if nd == 1:
            raise runtime(f"{name}() argument 'output_size' should contain one int (got {len(sizes)})")
        raise runtime(f"{name}(): internal error: output_size.size() must be {nd}" if "max" in name else
                      f"{name}: output_size must be {nd}")
    return sizes


def _adaptive_max_pool(nd, impl):
    """_adaptive_max_pool<n>d (the with_indices one's first result) and adaptive_max_pool<n>d_with_indices."""
    def with_indices(input, output_size, return_indices=False):
        if nd > 1:
            output_size = _list_with_default(output_size, input.size())
        getattr(C, f"adaptive_max_pool{nd}d")(input, output_size)
        sizes = _adaptive_sizes(f"adaptive_max_pool{nd}d", nd, output_size)
        if any(v < 0 for v in sizes):  # (the output allocated before the kernel looks at the sizes)
            shape = list(input.shape[:-1]) + [1] + sizes if nd == 1 else list(input.shape[:-nd]) + sizes
            raise runtime(f"Trying to create tensor with negative dimension {min(sizes)}: {shape}")
        return impl()(input, output_size, True)

    def without(input, output_size, return_indices=False):
        return with_indices(input, output_size)[0]
    without.__name__ = without.__qualname__ = f"_adaptive_max_pool{nd}d"
    with_indices.__name__ = with_indices.__qualname__ = f"adaptive_max_pool{nd}d_with_indices"
    return boolean_dispatch("return_indices", 2, False, with_indices, without, f"adaptive_max_pool{nd}d"), with_indices


def _more_layers(name):
    def load():
        from . import more_layers
        return getattr(more_layers, name)
    return load


def _volumetric(name):
    def load():
        from . import volumetric
        return getattr(volumetric, name)
    return load


def _max_pool2d_impl():
    from tensorsh.engine.pooling import max_pool2d
    return max_pool2d


max_pool1d, max_pool1d_with_indices = _max_pool("max_pool1d", 1, _more_layers("max_pool1d_impl"))
max_pool2d, max_pool2d_with_indices = _max_pool("max_pool2d", 2, _max_pool2d_impl)
max_pool3d, max_pool3d_with_indices = _max_pool("max_pool3d", 3, _volumetric("max_pool3d_impl"))
adaptive_max_pool1d, adaptive_max_pool1d_with_indices = _adaptive_max_pool(1, _more_layers("adaptive_max_pool1d_impl"))
adaptive_max_pool2d, adaptive_max_pool2d_with_indices = _adaptive_max_pool(2, _more_layers("adaptive_max_pool2d_impl"))
adaptive_max_pool3d, adaptive_max_pool3d_with_indices = _adaptive_max_pool(3, _volumetric("adaptive_max_pool3d_impl"))


def _stride(stride):
    """A pooling's stride as the C function reads it: None or empty (the parser's None) is the kernel size."""
    return None if isinstance(stride, (tuple, list)) and not stride else stride


def _avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    return _more_layers("avg_pool1d_impl")()(input, kernel_size, _stride(stride), padding, ceil_mode,
                                             count_include_pad)


def _avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
    from tensorsh.engine.pooling import avg_pool2d
    return avg_pool2d(input, kernel_size, _stride(stride), padding, ceil_mode, count_include_pad, divisor_override)


def _avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
    from tensorsh.engine.pooling import avg_pool3d
    return avg_pool3d(input, kernel_size, _stride(stride), padding, ceil_mode, count_include_pad, divisor_override)


def _adaptive_avg_pool1d(input, output_size):
    from tensorsh.engine.pooling import adaptive_avg_pool2d as _adaptive
    check_2_to_3_dims("adaptive_avg_pool1d", input)
    size, = _adaptive_sizes("adaptive_avg_pool1d", 1, output_size)
    return _adaptive(input.unsqueeze(-2), (1, size)).squeeze(-2)


avg_pool1d, avg_pool2d, avg_pool3d, adaptive_avg_pool1d = (builtin(name, fn) for name, fn in (
    ("avg_pool1d", _avg_pool1d), ("avg_pool2d", _avg_pool2d), ("avg_pool3d", _avg_pool3d),
    ("adaptive_avg_pool1d", _adaptive_avg_pool1d)))


def adaptive_avg_pool2d(input, output_size):
    from tensorsh.engine.pooling import adaptive_avg_pool2d as _adaptive
    size = _list_with_default(output_size, input.size())
    C.adaptive_avg_pool2d(input, size)
    _adaptive_sizes("adaptive_avg_pool2d", 2, size)
    return _adaptive(input, (size, size) if isinstance(size, int) else tuple(size))


def adaptive_avg_pool3d(input, output_size):
    from tensorsh.engine.pooling import adaptive_avg_pool3d as _adaptive
    size = _list_with_default(output_size, input.size())
    C.adaptive_avg_pool3d(input, size)
    _adaptive_sizes("adaptive_avg_pool3d", 3, size)
    return _adaptive(input, (size,) * 3 if isinstance(size, int) else tuple(size))


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    return _T["layer_norm"](input, normalized_shape, weight, bias, eps)  # (torch.layer_norm's argument parser)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    from tensorsh.engine.normalization import batch_norm as _batch_norm
    if training:
        size = input.size()
        n = size[0]
        for s in size[2:]:
            n *= s
        if n == 1:
            raise value_error(f"Expected more than 1 value per channel when training, got input size {size}")
    if training and eps <= 0.0:
        raise value_error(f"batch_norm eps must be positive during training, but got {eps}")
    elif eps < 0.0:
        raise value_error(f"batch_norm eps must be non-negative, but got {eps}")
    C.batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps, True)
    return _batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def _bilinear(input1, input2, weight, bias=None):
    """ATen's bilinear: its checks, the inputs flattened to 2-D (views), _trilinear, the output's shape, + bias."""
    from tensorsh.engine.trilinear import trilinear
    tensors = [("input1", input1), ("input2", input2), ("weight", weight)] + ([("bias", bias)] if bias is not None
                                                                             else [])
    if any(t.dtype is not input1.dtype for _, t in tensors):
        raise runtime("All tensors must have the same dtype, got " + ", ".join(
            f"{name}: {dtypes.C_NAMES[t.dtype.name]}" for name, t in tensors))
    if input1.dim() != input2.dim():
        raise runtime(f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}")
    for i in range(input1.dim() - 1):
        if input1.size(i) != input2.size(i):
            raise runtime(f"bilinear(): input batch dimensions do not match at dim {i}: got {input1.size(i)} and "
                          f"{input2.size(i)}")
    if input1.size(input1.dim() - 1) != weight.size(1):
        raise runtime(f"bilinear(): input1 size does not match weight size: got {input1.size(input1.dim() - 1)} but "
                      f"expected {weight.size(1)}")
    if input2.size(input2.dim() - 1) != weight.size(2):
        raise runtime(f"bilinear(): input2 size does not match weight size: got {input2.size(input2.dim() - 1)} but "
                      f"expected {weight.size(2)}")
    if bias is not None and bias.size(0) != weight.size(0):
        raise runtime(f"bilinear(): bias size does not match weight size: got {bias.size(0)} but expected "
                      f"{weight.size(0)}")
    output_size = list(input1.shape[:-1]) + [weight.size(0)]
    output = trilinear(input1.reshape(-1, input1.size(-1)), weight,
                       input2.reshape(-1, input2.size(-1))).reshape(output_size)
    return output + bias if bias is not None else output


bilinear = builtin("bilinear", _bilinear)
