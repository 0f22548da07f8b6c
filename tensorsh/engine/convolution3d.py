"""3-d convolution (conv3d, conv_transpose3d) beside their ConvolutionBackward0: any number of spatial dims, products
summed in double and rounded once (PyTorch's oneDNN order can differ in the last bit). Its gradients are the same
N-d kernels (the adjoint pairs: a convolution's input-gradient is a transposed convolution and back)."""
import itertools

import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of
from .convolution import _shape_str, _tuple
from .errors import runtime, type_error, warn_once
from .tensorimpl import Tensor
from .ops.core import attach, fresh, needs_grad, operand_edge, type_name


def _windows(shape, k, stride, dilation, out):
    """Per kernel offset, the slices of the (padded) input that meet the output grid."""
    for offs in itertools.product(*(range(n) for n in k)):
        yield offs, tuple(slice(o * d, o * d + s * (m - 1) + 1, s) for o, d, s, m in zip(offs, dilation, stride, out))


def conv_values(x, w, stride, padding, dilation, groups):
    """Cross-correlation of x (N, C, *S) with w (O, C/g, *K), in double."""
    nd = x.ndim - 2
    xp = np.pad(x, [(0, 0), (0, 0)] + [(p, p) for p in padding])
    out_sp = [(xp.shape[2 + i] - dilation[i] * (w.shape[2 + i] - 1) - 1) // stride[i] + 1 for i in range(nd)]
    o, cg = w.shape[:2]
    og = o // groups
    acc = np.zeros((x.shape[0], o) + tuple(out_sp))
    for g in range(groups):
        for offs, sl in _windows(xp.shape[2:], w.shape[2:], stride, dilation, out_sp):
            patch = xp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl]
            acc[:, g * og:(g + 1) * og] += np.einsum("nc...,oc->no...", patch, w[(slice(g * og, (g + 1) * og),
                                                                              slice(None)) + offs])
    return acc


def conv_input_grad(gout, w, in_shape, stride, padding, dilation, groups):
    """The adjoint of conv_values in x (a transposed convolution of gout), in double."""
    nd = len(in_shape) - 2
    padded = [in_shape[2 + i] + 2 * padding[i] for i in range(nd)]
    gxp = np.zeros(tuple(in_shape[:2]) + tuple(padded))
    o, cg = w.shape[:2]
    og = o // groups
    for g in range(groups):
        for offs, sl in _windows(padded, w.shape[2:], stride, dilation, gout.shape[2:]):
            gxp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl] += np.einsum(
                "no...,oc->nc...", gout[:, g * og:(g + 1) * og], w[(slice(g * og, (g + 1) * og), slice(None)) + offs])
    return gxp[(slice(None), slice(None)) + tuple(slice(p, p + n) for p, n in zip(padding, in_shape[2:]))]


def conv_weight_grad(gout, x, w_shape, stride, padding, dilation, groups):
    nd = x.ndim - 2
    xp = np.pad(x, [(0, 0), (0, 0)] + [(p, p) for p in padding])
    gw = np.zeros(w_shape)
    o, cg = w_shape[:2]
    og = o // groups
    for g in range(groups):
        for offs, sl in _windows(xp.shape[2:], w_shape[2:], stride, dilation, gout.shape[2:]):
            sp = "xyzuvw"[:nd]
            gw[(slice(g * og, (g + 1) * og), slice(None)) + offs] = np.einsum(
                f"no{sp},nc{sp}->oc", gout[:, g * og:(g + 1) * og], xp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl])
    return gw


class ConvolutionBackward0(Node):
    __slots__ = ("stride", "padding", "dilation", "output_padding", "groups", "transposed", "bias_shape")
    saved_names = ("input", "weight")
    saved_values = {"stride": "stride", "padding": "padding", "dilation": "dilation", "groups": "groups",
                    "transposed": "transposed", "output_padding": "output_padding", "bias_sym_sizes_opt": "bias_shape"}

    def __init__(self, x, w, b, stride, padding, dilation, output_padding, groups, transposed):
        Node.__init__(self, (operand_edge(x), edge_of(w)) + ((operand_edge(b),) if b is not None else ((None, 0),)))
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        self.output_padding, self.transposed = output_padding, transposed
        self.bias_shape = b._shape if b is not None else (0,)
        self.saved = (SavedTensor(x), SavedTensor(w))

    def backward(self, g):
        x, w = self.unpack()
        gn, xn, wn = g._np.astype(np.float64), x._np.astype(np.float64), w._np.astype(np.float64)
        geo = (self.stride, self.padding, self.dilation, self.groups)
        wanted = [n is not None for n, _ in self.next_functions]
        dt = x.dtype
        gx = gw = gb = None
        if wanted[0]:
            gx = conv_values(gn, wn, *geo) if self.transposed else conv_input_grad(gn, wn, x._shape, *geo)
            gx = fresh(np.ascontiguousarray(gx.astype(dt.np)), dt)
        if wanted[1]:  # (transposed: the convolution g -> x's weight-gradient, x as its output-gradient)
            gw = conv_weight_grad(xn, gn, w._shape, *geo) if self.transposed else conv_weight_grad(gn, xn, w._shape,
                                                                                                  *geo)
            gw = fresh(np.ascontiguousarray(gw.astype(dt.np)), dt)
        if wanted[2]:
            gb = g.sum([0] + list(range(2, g.dim())))  # (the engine's float sum: ATen's order)
        return (gx, gw, gb)


def _labels(dims):
    return ("depth", "height", "width")[3 - dims:]


def convolution_nd(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, dims=3, name="conv3d",
                   transposed=False, output_padding=0):
    for arg, pos, v in (("input", 1, input), ("weight", 2, weight)):
        if not isinstance(v, Tensor):
            raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(v)}")
    if isinstance(padding, str) and transposed:
        raise type_error(f"{name}(): argument 'padding' must be tuple of ints, not str")
    stride, dilation, output_padding = _tuple(stride, dims), _tuple(dilation, dims), _tuple(output_padding, dims)
    if input.dim() not in (dims + 1, dims + 2):
        raise runtime(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {name}, but got input of "
                      f"size: {_shape_str(input._shape)}")
    from .conv_transpose import weight_dims
    weight_dims(weight, dims, stride)
    if input.dim() == dims + 1:
        return convolution_nd(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups, dims, name,
                              transposed, output_padding).squeeze(0)
    if isinstance(padding, str):
        if padding == "valid":
            padding = 0
        elif padding != "same":
            raise runtime(f"Invalid padding string: '{padding}'")
        elif any(s != 1 for s in stride):
            raise runtime("padding='same' is not supported for strided convolutions")
        else:
            total = [d * (k - 1) for d, k in zip(dilation, weight._shape[2:])]
            if any(t % 2 for t in total):
                from .convolution import constant_pad_nd
                warn_once("Using padding='same' with even kernel lengths and odd dilation may require a zero-padded "
                          "copy of the input be created")
                input = constant_pad_nd(input, [p for t in reversed(total) for p in (0, t % 2)], 0)
            padding = tuple(t // 2 for t in total)
    padding = _tuple(padding, dims)
    if any(s <= 0 for s in stride):
        raise runtime("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise runtime("negative padding is not supported")
    if any(d <= 0 for d in dilation):
        raise runtime("dilation should be greater than zero, but got " + ", ".join(
            f"dilation_{lab}: {d}" for lab, d in zip(_labels(dims), dilation)))
    if groups <= 0:
        raise runtime("non-positive groups is not supported")
    c = input._shape[1]
    if transposed:
        if weight._shape[0] % groups:
            raise runtime(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but "
                          f"got weight of size [{_shape_str(weight._shape)}] instead")
        if weight._shape[0] != c:
            raise runtime(f"Given transposed=1, weight of size {_shape_str(weight._shape)}, expected "
                          f"input{_shape_str(input._shape)} to have {weight._shape[0]} channels, but got {c} channels "
                          "instead")
        out_channels = weight._shape[1] * groups
    else:
        if weight._shape[1] * groups != c:
            raise runtime(f"Given groups={groups}, weight of size {_shape_str(weight._shape)}, expected "
                          f"input{_shape_str(input._shape)} to have {weight._shape[1] * groups} channels, but got {c} "
                          "channels instead")
        out_channels = weight._shape[0]
    if bias is not None and (bias.dim() != 1 or bias._shape[0] != out_channels):
        t = "transposed=1" if transposed else f"groups={groups}"
        raise runtime(f"Given {t}, weight of size {_shape_str(weight._shape)}, expected bias to be 1-dimensional "
                      f"with {out_channels} elements, but got bias of size {_shape_str(bias._shape)} instead")
    spatial = input._shape[2:]
    if transposed:
        if any(op >= s and op >= d for op, s, d in zip(output_padding, stride, dilation)):
            raise runtime("output padding must be smaller than either stride or dilation, but got " + " ".join(
                [f"output_padding_{lab}: {v}" for lab, v in zip(_labels(dims), output_padding)]
                + [f"stride_{lab}: {v}" for lab, v in zip(_labels(dims), stride)]
                + [f"dilation_{lab}: {v}" for lab, v in zip(_labels(dims), dilation)]))
        sizes = [(spatial[i] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (weight._shape[2 + i] - 1)
                 + output_padding[i] + 1 for i in range(dims)]
        if any(s < 1 for s in sizes):
            raise runtime(f"Given input size per channel: ({' x '.join(map(str, spatial))}). Calculated output size "
                          f"per channel: ({' x '.join(map(str, sizes))}). Output size is too small")
    else:
        padded = [spatial[i] + 2 * padding[i] for i in range(dims)]
        if any(p < dilation[i] * (weight._shape[2 + i] - 1) + 1 for i, p in enumerate(padded)):
            raise runtime(f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). Kernel size: "
                          f"({' x '.join(map(str, weight._shape[2:]))}). Kernel size can't be greater than actual "
                          "input size")
    if weight.dtype is not input.dtype:
        raise runtime(f"expected scalar type {dtypes.SCALAR_NAMES[input.dtype.name]} but found "
                      f"{dtypes.SCALAR_NAMES[weight.dtype.name]}")
    xn, wn = input._np.astype(np.float64), weight._np.astype(np.float64)
    geo = (stride, padding, dilation, groups)
    if transposed:
        out = conv_input_grad(xn, wn, (input._shape[0], out_channels) + tuple(sizes), *geo)
    else:
        out = conv_values(xn, wn, *geo)
    if bias is not None:
        out = out + bias._np.astype(np.float64).reshape((1, -1) + (1,) * dims)
    result = fresh(np.ascontiguousarray(out.astype(input.dtype.np)), input.dtype)
    if needs_grad(input, weight, bias):
        attach(result, ConvolutionBackward0(input, weight, bias, stride, padding, dilation,
                                            output_padding if transposed else (0,) * dims, groups, transposed))
    return result
