"""torch.nn.functional: engine ops, and PyTorch's composites of them (cross_entropy, l1_loss, normalize ...)."""
from tensorsh.engine import activation as _act, autograd, creation, dtypes, linear as _lin
from tensorsh.engine.ops.core import type_name
from tensorsh.engine.ops.scalar_arith import add_scalar as _add_scalar, div_scalar as _div_scalar, mul_scalar as _mul_scalar
from tensorsh.engine import loss as _loss, sampling as _sampling
from tensorsh.engine.errors import runtime, type_error, value_error, warn
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE as _TORCH

linear = _lin.linear
leaky_relu, elu, gelu, silu, hardtanh, softplus = (_act.leaky_relu, _act.elu, _act.gelu, _act.silu, _act.hardtanh,
                                                   _act.softplus)
selu, celu, hardswish, hardsigmoid, threshold, hardshrink, softshrink = (
    _act.selu, _act.celu, _act.hardswish, _act.hardsigmoid, _act.threshold, _act.hardshrink, _act.softshrink)
mish, logsigmoid, glu, prelu = _act.mish, _act.logsigmoid, _act.glu, _act.prelu
mse_loss_op, nll_loss_op = _loss.mse_loss, _loss.nll_loss


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


# the in-place spellings nn.functional binds: torch's (relu_, celu_, selu_, threshold_, rrelu_) and torch._C._nn's
def elu_(input, alpha=1.0):
    return elu(input, alpha, True)


def leaky_relu_(input, negative_slope=0.01):
    return leaky_relu(input, negative_slope, True)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, True)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    from .random_layers import rrelu
    return rrelu(input, lower, upper, training, True)


def relu6(input, inplace=False):
    return hardtanh(input, 0, 6, inplace)  # (ATen's relu6: hardtanh(self, 0, 6), ints)


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
    return input.softmax(dim, dtype=dtype)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("softmin", input.dim())
    return (-input).softmax(dim, dtype=dtype)


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - input.tanh()


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("log_softmax", input.dim())
    return input.log_softmax(dim, dtype=dtype)


def dropout(input, p=0.5, training=True, inplace=False):
    return _sampling.dropout(input, p, training, inplace)


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise value_error(f"dropout probability has to be between 0 and 1, but got {p}")


def _feature_dropout(input, p, training, inplace, batched):
    """torch/nn/functional.py's channel-wise dropouts: an unbatched input gets a batch dim for the drop."""
    if not batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
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
    if target._shape != input._shape:  # (the shapes as tuples: no torch.Size made unless it warns)
        warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
             "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.")


def _legacy_reduction(size_average, reduce, reduction):
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    warn("size_average and reduce args will be deprecated, please use reduction='{}' instead.".format(
        "mean" if reduce and size_average else "sum" if reduce else "none"))
    return "none" if not reduce else "mean" if size_average else "sum"


def _check_tensors(op, input, target):
    if not isinstance(input, Tensor):
        raise type_error(f"{op}(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    if not isinstance(target, Tensor):
        raise type_error(f"{op}(): argument 'target' (position 2) must be Tensor, not {type_name(target)}")


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _check_tensors("mse_loss", input, target)
    _warn_size(input, target)
    return _loss.mse_loss(input, target, _legacy_reduction(size_average, reduce, reduction))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _check_tensors("l1_loss", input, target)
    _warn_size(input, target)
    reduction = _loss.reduction_enum(_legacy_reduction(size_average, reduce, reduction))
    loss = (input - target).abs()  # ATen's l1_loss is this composite (AbsBackward0 under Mean/SumBackward0)
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """torch/nn/functional.py's kl_div over ATen's composite: xlogy(t, t) - t * input (or exp(t) * (t - input)),
    reduced; 'batchmean' sums, then divides by the batch size."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    elif reduction == "mean":
        warn("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' "
             "divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to "
             "behave the same as 'batchmean' in the next major release.")
    enum = _loss.reduction_enum("sum" if reduction == "batchmean" else reduction)
    _check_tensors("kl_div", input, target)
    if not input.dtype.is_floating_point or not target.dtype.is_floating_point:
        raise runtime("kl_div: Integral inputs not supported.")
    output = target.exp() * (target - input) if log_target else target.xlogy(target) - target * input
    reduced = output.mean() if enum == "mean" else output.sum() if enum == "sum" else output
    if reduction == "batchmean" and input.dim() != 0:
        reduced = reduced / input.size()[0]
    return reduced


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    _check_tensors("smooth_l1_loss", input, target)
    _warn_size(input, target)
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if beta == 0.0:
        return l1_loss(input, target, reduction=reduction)
    return _loss.smooth_l1_loss(input, target, reduction, beta)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    _check_tensors("huber_loss", input, target)
    _warn_size(input, target)
    return _loss.huber_loss(input, target, reduction, delta)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    return _loss.nll_loss(input, target, weight, _legacy_reduction(size_average, reduce, reduction), ignore_index)


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    """ATen's cross_entropy_loss: log_softmax then nll_loss for class indices; the probability and
    label-smoothing forms as ATen composes them (so their grad_fn chains are PyTorch's)."""
    if not isinstance(input, Tensor):
        raise type_error(f"cross_entropy_loss(): argument 'input' (position 1) must be Tensor, not "
                         f"{type_name(input)}")
    reduction = _loss.reduction_enum(_legacy_reduction(size_average, reduce, reduction))
    if label_smoothing < 0.0 or label_smoothing > 1.0:
        raise runtime(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
    class_dim = 0 if input.dim() == 1 else 1
    n_classes = input._shape[class_dim] if input.dim() else 1
    if target.shape == input.shape:  # (ATen assumes class probabilities then)
        if not target.dtype.is_floating_point:
            raise runtime("Expected floating point type for target with class probabilities, got "
                          f"{dtypes.SCALAR_NAMES[target.dtype.name]}")
        if ignore_index >= 0:
            raise runtime("ignore_index is not supported for floating point target")
        return _cross_entropy_prob(input, target, weight, reduction, label_smoothing, class_dim, n_classes)
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


def _cross_entropy_prob(input, target, weight, reduction, label_smoothing, class_dim, n_classes):
    logp = input.log_softmax(class_dim)
    if label_smoothing > 0.0:
        target = _add_scalar(_mul_scalar(target, 1 - label_smoothing), label_smoothing / n_classes)
    prod = logp * target
    if weight is not None:
        shape = [1] * logp.dim()
        shape[class_dim] = weight._shape[0]
        prod = prod * weight.view(shape)
    if reduction == "mean":
        return _div_scalar(-prod.sum(), logp.numel() // n_classes)
    if reduction == "sum":
        return -prod.sum()
    return -prod.sum(class_dim)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    _check_tensors("binary_cross_entropy", input, target)
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if target.shape != input.shape:
        raise value_error(f"Using a target size ({target.shape}) that is different to the input size "
                          f"({input.shape}) is deprecated. Please ensure they have the same size.")
    if weight is not None:
        weight = weight.expand(_TORCH["broadcast_shapes"](target.size(), weight.size()))
    return _loss.binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean",
                                     pos_weight=None):
    _check_tensors("binary_cross_entropy_with_logits", input, target)
    return _loss.binary_cross_entropy_with_logits(input, target, weight, _legacy_reduction(size_average, reduce,
                                                                                            reduction), pos_weight)


def one_hot(tensor, num_classes=-1):
    if not isinstance(tensor, Tensor) or tensor.dtype is not dtypes.int64:
        raise runtime("one_hot is only applicable to index tensor of type LongTensor.")
    if tensor.numel() and int(tensor.min()) < 0:
        raise runtime("Class values must be non-negative.")
    if num_classes == -1:
        num_classes = int(tensor.max()) + 1 if tensor.numel() else 0
    elif tensor.numel() and int(tensor.max()) >= num_classes:
        raise runtime("Class values must be smaller than num_classes.")
    return (tensor.unsqueeze(-1) == creation.arange(num_classes)).long()


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    if out is not None:  # torch.div(input, denom, out=out): written into out (one version bump)
        return out.copy_(input / denom)
    return input / denom


def pad(input, pad, mode="constant", value=None):
    """at::pad: constant padding (negative amounts crop), or reflect / replicate / circular on the last 1-3
    dimensions; the last dimension first, as F.pad's list reads."""
    from tensorsh.engine import padding
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
            assert padding_idx < weight.size(0), "Padding_idx must be within num_embeddings"
        elif padding_idx < 0:
            assert padding_idx >= -weight.size(0), "Padding_idx must be within num_embeddings"
            padding_idx = weight.size(0) + padding_idx
    else:
        padding_idx = -1
    if max_norm is not None:
        input = input.contiguous()
        with autograd.no_grad():
            _embedding_renorm_(weight, input, max_norm, norm_type)
    return _embedding(weight, input, padding_idx, scale_grad_by_freq)



def flatten(input, start_dim=0, end_dim=-1):
    return input.flatten(start_dim, end_dim)


# conv1d/2d/3d and conv_transpose1d/2d/3d are torch's own functions (PyTorch's F.conv2d is torch.conv2d)
conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d, conv_transpose3d = (
    _TORCH[f"conv{kind}{d}d"] for kind in ("", "_transpose") for d in (1, 2, 3))


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    from tensorsh.engine.pooling import max_pool2d as _max_pool2d
    return _max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    from tensorsh.engine.pooling import avg_pool2d as _avg_pool2d
    return _avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def _list_with_default(out_size, defaults):
    """torch.nn.modules.utils._list_with_default: None entries of an output size take the input's sizes."""
    if isinstance(out_size, int):
        return out_size
    if len(defaults) <= len(out_size):
        raise value_error(f"Input dimension should be at least {len(out_size) + 1}")
    return [v if v is not None else d for v, d in zip(out_size, defaults[-len(out_size):])]


def adaptive_output_size(output_size, input, n, error):
    """An adaptive pool's output size: None entries the input's sizes, an int spread over the n dims, another
    length ATen's error (its text given)."""
    size = _list_with_default(output_size, input.size())
    size = (size,) * n if isinstance(size, int) else tuple(size)
    if len(size) != n:
        raise runtime(error)
    return size


def check_one_int(name, arg, value):
    """The argument parser's IntArrayRef[1]: an int, or a sequence of one."""
    if isinstance(value, (tuple, list)) and len(value) != 1:
        raise runtime(f"{name}() argument '{arg}' should contain one int (got {len(value)})")
    return value[0] if isinstance(value, (tuple, list)) else value


def adaptive_avg_pool2d(input, output_size):
    from tensorsh.engine.pooling import adaptive_avg_pool2d as _adaptive
    return _adaptive(input, adaptive_output_size(output_size, input, 2, "adaptive_avg_pool2d: output_size must be 2"))


def check_2_to_3_dims(name, input):
    """ATen's checkDimRange(name, self, 2, 4), which the 1-d poolings run first."""
    if input.dim() not in (2, 3):
        raise runtime(f"Expected 2 to 3 dimensions, but got {input.dim()}-dimensional tensor for argument #1 'self' "
                      f"(while checking arguments for {name})")


def adaptive_avg_pool1d(input, output_size):
    from tensorsh.engine.pooling import adaptive_avg_pool2d as _adaptive
    check_2_to_3_dims("adaptive_avg_pool1d", input)
    size = check_one_int("adaptive_avg_pool1d", "output_size", output_size)
    return _adaptive(input.unsqueeze(-2), (1, size)).squeeze(-2)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    return _TORCH["layer_norm"](input, normalized_shape, weight, bias, eps)  # (torch.layer_norm's argument parser)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    from tensorsh.engine.normalization import batch_norm as _batch_norm
    if training:
        size = input.size()
        n = size[0]
        for s in size[2:]:
            n *= s
        if n == 1:
            raise value_error(f"Expected more than 1 value per channel when training, got input size {size}")
    return _batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def bilinear(input1, input2, weight, bias=None):
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
