"""Channel rearrangements beside their nodes: pixel_shuffle (PixelShuffleBackward0), pixel_unshuffle
(PixelUnshuffleBackward0) and channel_shuffle (ChannelShuffleBackward0). Values are copies (exact)."""
import numpy as np

from . import autograd, layout
from .errors import runtime
from .ops.copies import clone
from .ops.core import InputNode, attach, fresh, needs_grad


class PixelShuffleBackward0(InputNode):
    fields = ("factor",)
    saved_values = {"upscale_factor": "factor"}

    def backward(self, g):  # (derivatives.yaml: pixel_unshuffle(grad), recorded under create_graph)
        return (pixel_unshuffle(g, self.factor),)


def _shuffle(x, r):
    *lead, c, h, w = x.shape
    y = x.reshape(tuple(lead) + (c // (r * r), r, r, h, w))
    n = len(lead)
    y = y.transpose(tuple(range(n)) + (n, n + 3, n + 1, n + 4, n + 2))
    return np.ascontiguousarray(y.reshape(tuple(lead) + (c // (r * r), h * r, w * r)))


def _unshuffle(x, r):
    *lead, c, h, w = x.shape
    y = x.reshape(tuple(lead) + (c, h // r, r, w // r, r))
    n = len(lead)
    y = y.transpose(tuple(range(n)) + (n, n + 2, n + 4, n + 1, n + 3))
    return np.ascontiguousarray(y.reshape(tuple(lead) + (c * r * r, h // r, w // r)))


def shuffled(kernel, input, r):
    """pixel_shuffle's / pixel_unshuffle's result: laid out channels_last for a channels_last input; a
    channels_last_3d one refused, as their CPU kernels refuse it."""
    fmt = layout.op_format(input)
    if fmt.rank == 5:
        raise runtime("Unsupported memory format. Supports only ChannelsLast, Contiguous")
    return layout.in_format(kernel(input._np, r), input.dtype, fmt)


def _check_shuffle(input, upscale_factor):
    """check_pixel_shuffle_shapes (PixelUnshuffleBackward0's pixel_shuffle of the gradient runs it too)."""
    if input.dim() < 3:
        raise runtime(f"pixel_shuffle expects input to have at least 3 dimensions, but got input with {input.dim()} "
                      "dimension(s)")
    r = upscale_factor
    if r <= 0:
        raise runtime(f"pixel_shuffle expects a positive upscale_factor, but got {r}")
    c = input._shape[-3]
    if c % (r * r):
        raise runtime(f"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                      f"upscale_factor, but input.size(-3)={c} is not divisible by {r * r}")


def pixel_shuffle(input, upscale_factor):
    _check_shuffle(input, upscale_factor)
    r = upscale_factor
    result = shuffled(_shuffle, input, r)
    if needs_grad(input):
        attach(result, PixelShuffleBackward0(input, r))
    return result


class PixelUnshuffleBackward0(InputNode):
    fields = ("factor",)
    saved_values = {"downscale_factor": "factor"}

    def backward(self, g):  # (derivatives.yaml: pixel_shuffle(grad), recorded under create_graph)
        return (pixel_shuffle(g, self.factor),)


def _check_unshuffle(input, downscale_factor):
    """check_pixel_unshuffle_shapes (PixelShuffleBackward0's pixel_unshuffle of the gradient runs it too)."""
    if input.dim() < 3:
        raise runtime(f"pixel_unshuffle expects input to have at least 3 dimensions, but got input with "
                      f"{input.dim()} dimension(s)")
    r = downscale_factor
    if r <= 0:
        raise runtime(f"pixel_unshuffle expects a positive downscale_factor, but got {r}")
    h, w = input._shape[-2:]
    if h % r:
        raise runtime(f"pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={h} "
                      f"is not divisible by {r}")
    if w % r:
        raise runtime(f"pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={w} "
                      f"is not divisible by {r}")


def pixel_unshuffle(input, downscale_factor):
    _check_unshuffle(input, downscale_factor)
    r = downscale_factor
    if input.numel() == 0:  # (pixel_unshuffle_cpu returns self.clone() then, in the input's shape and strides)
        with autograd.no_grad():
            result = clone(input)
    else:
        result = shuffled(_unshuffle, input, r)
    if needs_grad(input):
        attach(result, PixelUnshuffleBackward0(input, r))
    return result


def _channels(x, groups):
    """Channel c*groups+g of the result is channel g*(C/groups)+c of x (dim 1)."""
    n, c = x.shape[:2]
    y = x.reshape((n, groups, c // groups) + x.shape[2:]).swapaxes(1, 2)
    return np.ascontiguousarray(y.reshape(x.shape))


class ChannelShuffleBackward0(InputNode):
    fields = ("groups",)
    saved_values = {"groups": "groups"}

    def backward(self, g):  # (derivatives.yaml: native_channel_shuffle(grad, C / groups), recorded under create_graph)
        c = g._shape[1]
        if needs_grad(g):
            return (channel_shuffle(g, c // self.groups),)
        _channel_checks(g, c // self.groups)  # (no channels: 0 groups, refused as the op refuses them)
        return (fresh(_channels(g._np, c // self.groups), g.dtype),)


def _channel_checks(input, groups):
    if input.dim() <= 2:
        raise runtime(f"channel_shuffle expects input with > 2 dims, but got input with sizes {list(input._shape)}")
    if groups <= 0:
        raise runtime(f"Number of groups to divide channels in must be positive. Value of groups:{groups}")
    c = input._shape[1]
    if c % groups:
        raise runtime(f"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.")


def channel_shuffle(input, groups):
    _channel_checks(input, groups)
    result = layout.output_like(_channels(input._np, groups), input.dtype, input)  # (input's suggested format)
    if needs_grad(input):
        attach(result, ChannelShuffleBackward0(input, groups))
    return result
