"""The torch.<name> spellings of the C functions torch.nn.functional and torch.nn's modules are made of
(`torch.max_pool1d`, `torch.batch_norm`, `torch.kl_div`, `torch.lstm`, ...): each the ATen function behind its own
argument parser (nn_signature_table.py), taking ATen's arguments (a reduction is the enum's int: 0 none, 1 mean,
2 sum, and where the signature's default is `at::Reduction::Mean` PyTorch's parser reads it as 0), without
torch/nn/functional.py's Python checks. The language's torch namespace reaches them on first use
(nn_signature_table.TORCH names them)."""
from tensorsh.engine import autograd, convolution as _conv, creation, sampling
from tensorsh.engine.embedding_bag import embedding_bag as _embedding_bag
from tensorsh.engine.errors import make, runtime
from tensorsh.engine.messages import NATIVE_NORM_NOT_ON_CPU
from tensorsh.engine.loss import binary_cross_entropy_with_logits as _bce_with_logits
from tensorsh.engine.normalization import batch_norm as _batch_norm, group_norm as _group_norm, native_batch_norm, \
    native_group_norm
from tensorsh.engine.ops.distances import pdist as _pdist
from tensorsh.engine.ops.joining import stack
from tensorsh.engine.ops.view_copies import ViewCopyBackward
from tensorsh.engine.rrelu import rrelu as _rrelu
from tensorsh.engine.shuffles import channel_shuffle as _channel_shuffle
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.weight_norm import norm_except_dim
from . import more_layers, more_losses, random_layers, rearranging, recurrent
from .c_functions import builtin
from . import functional as F
from .functional import kl_div_values


def _reduction(value):
    """at::Reduction's int as the engine's name (ATen's apply_loss_reduction: any other value is no reduction)."""
    return "mean" if value == 1 else "sum" if value == 2 else "none"


def _dropout(feature, inplace):
    def fn(input, p, train):
        return sampling.dropout(input, p, train, inplace, feature)
    return fn


def _alpha_dropout(feature, inplace):
    def fn(input, p, train):
        return random_layers._alpha_dropout(input, p, train, inplace, feature)
    return fn


def _max_pool1d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode)


def _max_pool1d_with_indices(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)


def _max_pool3d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode)


def _adaptive_max_pool1d(input, output_size):
    return tuple(F.adaptive_max_pool1d_with_indices(input, output_size))


def _batch_norm_c(input, weight, bias, running_mean, running_var, training, momentum, eps, cudnn_enabled):
    return _batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def _instance_norm(input, weight, bias, running_mean, running_var, use_input_stats, momentum, eps, cudnn_enabled):
    return more_layers.instance_norm_values(input, running_mean, running_var, weight, bias, use_input_stats, momentum,
                                            eps)


def _group_norm_c(input, num_groups, weight=None, bias=None, eps=1e-05, cudnn_enabled=True):
    input.size(1)  # (ATen reads the channels first: a 1-d input's IndexError)
    return _group_norm(input, num_groups, weight, bias, eps)


def _native_norm(input, *args):
    """No CPU kernel in PyTorch (native_norm is sparse tensors' only): the dispatcher's NotImplementedError, named
    by the overload the parser chose (input and p, or p, dim, keepdim and dtype)."""
    op, line = ("native_norm.ScalarOpt_dim_dtype", 2263) if len(args) > 1 else ("native_norm", 2240)
    raise make("NotImplementedError", NATIVE_NORM_NOT_ON_CPU.format(op=op, sparse_line=line,
                                                                    root="/__w/pytorch/pytorch/"))


def _rms_norm(input, normalized_shape, weight=None, eps=None):
    return rearranging.rms_norm(input, normalized_shape, weight, eps)


def _embedding_bag_c(weight, indices, offsets, scale_grad_by_freq=False, mode=0, sparse=False,
                     per_sample_weights=None, include_last_offset=False, padding_idx=None):
    return _embedding_bag(weight, indices, offsets, scale_grad_by_freq, mode, sparse, per_sample_weights,
                          include_last_offset, padding_idx, with_aux=True)


def _named(result, name):
    """result with its composite's node under the name of ATen's own node (PdistBackward0, ConvTbcBackward0)."""
    if result.grad_fn is not None:
        result._grad_fn = ViewCopyBackward(result.grad_fn, name)
    return result


def _kl_div(input, target, reduction=0, *, log_target=False):
    return kl_div_values(input, target, _reduction(reduction), log_target)


class _BroadcastBackward(ViewCopyBackward):
    """The node of a loss whose input was broadcast to target's shape: ATen's backward writes the input's gradient
    in place into a tensor of input's shape, which fails."""
    __slots__ = ("shapes",)

    def backward(self, g):
        raise runtime(f"output with shape {list(self.shapes[0])} doesn't match the broadcast shape "
                      f"{list(self.shapes[1])}")


def _bce_logits(input, target, weight=None, pos_weight=None, reduction=0):
    """ATen's composite: (1 - target).mul_(input), so the loss has target's shape with input broadcast into it (or
    that step's error); its backward then fails for the input of another shape."""
    if input._shape == target._shape or not input.dtype.is_floating_point:
        return _bce_with_logits(input, target, weight, _reduction(reduction), pos_weight)
    with autograd.no_grad():
        (1 - target).mul_(input)
    result = _bce_with_logits(input.expand(target.shape), target, weight, _reduction(reduction), pos_weight)
    if result.grad_fn is not None and input.requires_grad:
        node = _BroadcastBackward(result.grad_fn, result.grad_fn.name())
        node.shapes = (input._shape, target._shape)
        result._grad_fn = node
    return result


def _cosine_embedding_loss(input1, input2, target, margin=0.0, reduction=0):
    return more_layers.cosine_embedding_loss(input1, input2, target, margin, reduction=_reduction(reduction))


def _hinge_embedding_loss(input, target, margin=1.0, reduction=0):
    return more_losses.hinge_embedding_loss(input, target, margin, reduction=_reduction(reduction))


def _margin_ranking_loss(input1, input2, target, margin=0.0, reduction=0):
    return more_layers.margin_ranking_values(input1, input2, target, margin, _reduction(reduction))


def _triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, reduction=0):
    return more_layers.triplet_margin_values(anchor, positive, negative, margin, p, eps, swap, _reduction(reduction))


def _poisson_nll_loss(input, target, log_input, full, eps, reduction):
    return more_losses.poisson_nll_loss(input, target, log_input, full, eps=eps, reduction=_reduction(reduction))


def _rrelu_c(inplace):
    def fn(input, lower=0.125, upper=0.3333333333333333, training=False, generator=None):
        if lower > upper:
            raise runtime("Lower bound should be less than or equal to the upper bound")
        return _rrelu(input, lower, upper, training, generator, inplace)
    return fn


def _conv_tbc(input, weight, bias, pad=0):
    """ATen's conv_tbc: the bias broadcast over (time, batch), then per kernel offset k one addmm of the input's
    shifted time steps (as rows) with weight[k] into the output's."""
    if input.dim() != 3:
        raise runtime("Input must have 3 dims: time, batch, in_channel")
    if weight.dim() != 3:
        raise runtime("Weight tensor must have 3 dims: kernel_width, in_channels, out_channels.")
    if bias.dim() != 1:
        raise runtime("Bias must be 1-D")
    ilen, batch, in_c = input.shape
    kw, _, out_c = weight.shape
    olen = ilen - kw + 1 + pad * 2
    if in_c != weight.size(1):
        raise runtime("Input dim 2 (input channels) is not == dim 1 in the weight tensor")
    if weight.size(2) != bias.size(0):
        raise runtime("Bias size must equal dim 2 in the weight tensor (output channels).")
    output = bias.expand(olen, batch, out_c).contiguous()
    for k in range(kw):
        i_shift, o_shift = max(0, k - pad), max(0, pad - k)
        t = min(ilen + pad - k, olen) - o_shift
        if t > 0:
            rows = input.narrow(0, i_shift, t).reshape(t * batch, in_c)
            output.narrow(0, o_shift, t).view(t * batch, out_c).addmm_(rows, weight[k])
    return _named(output, "ConvTbcBackward0")


def _convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups):
    geometry = tuple(tuple(v) for v in (stride, padding, dilation)) + (groups, transposed, tuple(output_padding))
    return _conv._convolution(input, weight, bias, geometry)


def _cell(kind):
    def fn(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
        return recurrent.cell_forward(kind, input, tuple(hx) if kind == "LSTM" else hx, w_ih, w_hh, b_ih, b_hh)
    return fn


def _gather_params(params, has_biases, projections=False):
    """RNN.cpp's gather_params: (w_ih, w_hh, b_ih, b_hh, w_hr) per layer and direction."""
    step = (2 if not has_biases else 4) + (1 if projections else 0)
    if len(params) % step:
        raise runtime("got an incorrect number of RNN parameters")
    result = []
    for i in range(0, len(params), step):
        w = list(params[i:i + step])
        b_ih, b_hh = (w[2], w[3]) if has_biases else (None, None)
        result.append((w[0], w[1], b_ih, b_hh, w[-1] if projections else None))
    return result


def _rnn(mode):
    """torch.rnn_tanh/rnn_relu/gru/lstm: the input overload (input, hx, params, ..., batch_first) and the packed
    one (data, batch_sizes, hx, params, ...); RNN.cpp's layers (the LSTM's float32 input through oneDNN's)."""
    lstm = mode == "LSTM"

    def fn(*args):
        packed = isinstance(args[1], Tensor) and (lstm or isinstance(args[2], Tensor))
        if packed:
            data, batch_sizes, hx, params, has_biases, num_layers, dropout, train, bidirectional = args
            batch_first = False
        else:
            data, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first = args
            batch_sizes = None
        if lstm and len(hx) != 2:
            raise runtime("lstm expects two hidden states")
        projections = lstm and hx[0].size(2) != hx[1].size(2)
        params = _gather_params(params, has_biases, projections)
        directions = 2 if bidirectional else 1
        x = data.transpose(0, 1) if batch_first else data
        if lstm and not packed and not projections and recurrent._onednn(x):
            recurrent._onednn_hidden_check(x, hx)
            output, finals = recurrent.onednn_layers(x, hx, params, num_layers, directions, dropout, train)
        else:
            hiddens = list(zip(hx[0].unbind(0), hx[1].unbind(0))) if lstm else list(hx.unbind(0))
            output, finals = recurrent._stacked(mode, x, hiddens, params, num_layers, dropout, train, bidirectional,
                                                batch_sizes)
        if batch_first:
            output = output.transpose(0, 1)
        if lstm:
            return output, stack([h for h, _ in finals], 0), stack([c for _, c in finals], 0)
        return output, stack(finals, 0)
    return fn


_IMPLS = {
    "adaptive_avg_pool1d": F.adaptive_avg_pool1d, "adaptive_max_pool1d": _adaptive_max_pool1d,
    "avg_pool1d": F.avg_pool1d, "max_pool1d": _max_pool1d, "max_pool1d_with_indices": _max_pool1d_with_indices,
    "max_pool3d": _max_pool3d,
    "batch_norm": _batch_norm_c, "native_batch_norm": native_batch_norm, "instance_norm": _instance_norm,
    "group_norm": _group_norm_c, "native_group_norm": native_group_norm, "rms_norm": _rms_norm,
    "norm_except_dim": norm_except_dim, "native_norm": _native_norm,
    "bilinear": F.bilinear, "embedding_bag": _embedding_bag_c, "pdist": _pdist, "conv_tbc": _conv_tbc,
    "convolution": _convolution,
    "kl_div": _kl_div, "binary_cross_entropy_with_logits": _bce_logits,
    "cosine_embedding_loss": _cosine_embedding_loss, "hinge_embedding_loss": _hinge_embedding_loss,
    "margin_ranking_loss": _margin_ranking_loss, "triplet_margin_loss": _triplet_margin_loss,
    "poisson_nll_loss": _poisson_nll_loss,
    "dropout_": _dropout(False, True), "feature_dropout": _dropout(True, False), "feature_dropout_": _dropout(True, True),
    "alpha_dropout": _alpha_dropout(False, False), "alpha_dropout_": _alpha_dropout(False, True),
    "feature_alpha_dropout": _alpha_dropout(True, False), "feature_alpha_dropout_": _alpha_dropout(True, True),
    "rrelu": _rrelu_c(False), "rrelu_": _rrelu_c(True),
    "lstm_cell": _cell("LSTM"), "gru_cell": _cell("GRU"), "rnn_tanh_cell": _cell("RNN_TANH"),
    "rnn_relu_cell": _cell("RNN_RELU"),
    "lstm": _rnn("LSTM"), "gru": _rnn("GRU"), "rnn_tanh": _rnn("RNN_TANH"), "rnn_relu": _rnn("RNN_RELU"),
    "native_channel_shuffle": lambda input, groups: _channel_shuffle(input, groups),
}


def function(name):
    """torch.<name>: the ATen function behind its parser, named as PyTorch's builtin."""
    return builtin(name, _IMPLS[name])
